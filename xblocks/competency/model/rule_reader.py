"""Reading a competency's attainment rules, and every check the schema cannot express."""

from __future__ import annotations

import re

from lxml import etree

from xblocks.core.messages import _, one_of
from xblocks.core.problems import Problems

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
                _('the rule for level {level} asks for kind="{kind}" twice'),
                _("ask for each kind once, with the highest count, level and score it needs."),
                level=level,
                kind=requirement.kind,
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
            _('evidence kind "{kind}" is not known'),
            _("use one of {values}."),
            kind=kind,
            values=one_of(KINDS),
        )
    count = _whole(element, "min-count", "1", problems)
    if count is not None and count < 1:
        problems.add(element, _("min-count must be at least 1"), _('write min-count="1" or more.'))
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
            _('{name}="{value}" is out of range: the framework has levels 1 to {max}'),
            _("use a level from 1 to {max}."),
            name=name,
            value=value,
            max=max_level,
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
            _('{name}="{value}" is not a whole number'),
            _('write digits only, e.g. {name}="{example}".'),
            name=name,
            value=text,
            example=default or 1,
        )
        return None
    return int(text)


def _fraction(element: etree._Element, problems: Problems) -> float | None:
    text = element.get("min-score", "0")
    if not FRACTION.match(text):
        problems.add(
            element,
            _('min-score="{value}" is not a fraction from 0 to 1'),
            _('write the lowest score that counts as a decimal, e.g. min-score="0.7" for 70%.'),
            value=text,
        )
        return None
    return float(text)


def _out_of_order(element: etree._Element, level: int, previous: int, problems: Problems) -> None:
    if level == previous:
        problems.add(
            element,
            _("there are two rules for level {level}"),
            _("give each level one rule; put every requirement of that level inside it."),
            level=level,
        )
    else:
        problems.add(
            element,
            _(
                "the rule for level {level} comes after the rule for level {previous}: rules "
                "must go up a level at a time"
            ),
            _("order the rules by level, lowest first."),
            level=level,
            previous=previous,
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
                _('the rule for level 1 has requires-below="true", but there is no level below 1'),
                _("remove requires-below from the level 1 rule."),
            )
        elif rule.level - 1 not in levels:
            problems.add(
                elements[rule.level],
                _(
                    'the rule for level {level} has requires-below="true", but there is no rule '
                    "for level {below}, so level {level} could never be reached"
                ),
                _("add a rule for level {below}, or remove requires-below."),
                level=rule.level,
                below=rule.level - 1,
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
                _(
                    "the rule for level {level} asks for nothing more than the rule for level "
                    "{lower}, so both levels would be reached together"
                ),
                _(
                    "ask for more at level {level}: more pieces of evidence, a higher min-level "
                    "or a higher min-score."
                ),
                level=higher.level,
                lower=lower.level,
            )
