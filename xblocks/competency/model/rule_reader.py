"""Reading a competency's attainment rules, and every check the schema cannot express."""

from __future__ import annotations

import re

from lxml import etree

from xblocks.core.problems import Problems, one_of

from .framework_types import KINDS, Requirement, Rule

WHOLE = re.compile(r"[0-9]+\Z")
FRACTION = re.compile(r"(0(\.[0-9]+)?|1(\.0+)?|\.[0-9]+)\Z")


def read_rules(competency: etree._Element, max_level: int, problems: Problems) -> tuple[Rule, ...]:
    """The <rule> elements of `competency`, lowest level first."""
    rules: list[Rule] = []
    elements: dict[int, etree._Element] = {}
    for element in competency.findall("rule"):
        rule = _read_rule(element, max_level, problems)
        if rule is None:
            continue
        if rules and rule.level <= rules[-1].level:
            _out_of_order(element, rule.level, rules[-1].level, problems)
            continue
        rules.append(rule)
        elements[rule.level] = element
    _check_below(rules, elements, problems)
    _check_increasing_demands(rules, elements, problems)
    return tuple(rules)


def _read_rule(element: etree._Element, max_level: int, problems: Problems) -> Rule | None:
    level = level_attribute(element, "level", max_level, problems)
    requirements = []
    kinds: set[str] = set()
    for child in element.findall("evidence"):
        requirement = _read_requirement(child, max_level, problems)
        if requirement is None:
            continue
        if requirement.kind in kinds:
            problems.add(
                child,
                f'the rule for level {level} asks for kind="{requirement.kind}" twice',
                "ask for each kind once, with the highest count, level and score it needs.",
            )
            continue
        kinds.add(requirement.kind)
        requirements.append(requirement)
    if level is None or len(requirements) < len(element.findall("evidence")):
        return None
    return Rule(level, tuple(requirements), element.get("requires-below") == "true")


def _read_requirement(
    element: etree._Element, max_level: int, problems: Problems
) -> Requirement | None:
    kind = element.get("kind", "")
    if kind not in KINDS:
        problems.add(
            element,
            f'evidence kind "{kind}" is not known',
            f"use one of {one_of(KINDS)}.",
        )
    count = _whole(element, "min-count", "1", problems)
    if count is not None and count < 1:
        problems.add(element, "min-count must be at least 1", 'write min-count="1" or more.')
        count = None
    level = level_attribute(element, "min-level", max_level, problems, default="1")
    score = _fraction(element, problems)
    if kind not in KINDS or None in (count, level, score):
        return None
    return Requirement(kind, count, level, score)


def level_attribute(
    element: etree._Element,
    name: str,
    max_level: int,
    problems: Problems,
    default: str | None = None,
) -> int | None:
    """A level number in attribute `name`; None (and a problem) when outside 1..max_level."""
    value = _whole(element, name, default, problems)
    if value is not None and not 1 <= value <= max_level:
        problems.add(
            element,
            f'{name}="{value}" is out of range: the framework has levels 1 to {max_level}',
            f"use a level from 1 to {max_level}.",
        )
        return None
    return value


def _whole(
    element: etree._Element, name: str, default: str | None, problems: Problems
) -> int | None:
    text = element.get(name, default) or ""
    if not WHOLE.match(text):
        problems.add(
            element,
            f'{name}="{text}" is not a whole number',
            f'write digits only, e.g. {name}="{default or 1}".',
        )
        return None
    return int(text)


def _fraction(element: etree._Element, problems: Problems) -> float | None:
    text = element.get("min-score", "0")
    if not FRACTION.match(text):
        problems.add(
            element,
            f'min-score="{text}" is not a fraction from 0 to 1',
            'write the lowest score that counts as a decimal, e.g. min-score="0.7" for 70%.',
        )
        return None
    return float(text)


def _out_of_order(element: etree._Element, level: int, previous: int, problems: Problems) -> None:
    if level == previous:
        problems.add(
            element,
            f"there are two rules for level {level}",
            "give each level one rule; put every requirement of that level inside it.",
        )
    else:
        problems.add(
            element,
            f"the rule for level {level} comes after the rule for level {previous}: "
            "rules must go up a level at a time",
            "order the rules by level, lowest first.",
        )


def _check_below(
    rules: list[Rule], elements: dict[int, etree._Element], problems: Problems
) -> None:
    levels = {rule.level for rule in rules}
    for rule in rules:
        if not rule.requires_below:
            continue
        if rule.level == 1:
            problems.add(
                elements[1],
                'the rule for level 1 has requires-below="true", but there is no level below 1',
                "remove requires-below from the level 1 rule.",
            )
        elif rule.level - 1 not in levels:
            problems.add(
                elements[rule.level],
                f'the rule for level {rule.level} has requires-below="true", but there is no '
                f"rule for level {rule.level - 1}, so level {rule.level} could never be reached",
                f"add a rule for level {rule.level - 1}, or remove requires-below.",
            )


def _check_increasing_demands(
    rules: list[Rule], elements: dict[int, etree._Element], problems: Problems
) -> None:
    # A higher level that asks for no more than a lower one would be reached with it.
    for index, higher in enumerate(rules):
        lower = next((rule for rule in rules[:index] if higher.is_implied_by(rule)), None)
        if lower is not None:
            problems.add(
                elements[higher.level],
                f"the rule for level {higher.level} asks for nothing more than the rule for "
                f"level {lower.level}, so both levels would be reached together",
                f"ask for more at level {higher.level}: more pieces of evidence, a higher "
                "min-level or a higher min-score.",
            )
