"""Reading <judgement> elements: every rule must refer to things that exist before it."""

from __future__ import annotations

from lxml import etree

from xblocks.core.authored import ITEM_ID, describe, texts
from xblocks.core.messages import _, one_of
from xblocks.core.problems import Problems

from .instrument_types import Item, Scale
from .rules import UNANSWERED, Condition, Count, Judgement, Rule, When


class _Context:
    """What a rule may refer to: scored items and the judgements declared so far."""

    def __init__(self, items: dict[str, Item], scales: dict[str, Scale], problems: Problems):
        self.items = items
        self.scales = scales
        self.problems = problems
        self.judgement_scales: dict[str, str] = {}

    def item_values(self, element: etree._Element, item_id: str) -> tuple[str, ...] | None:
        item = self.items.get(item_id)
        if item is None:
            self.problems.add(
                element,
                _('{element} names item "{item}", which the instrument does not have'),
                _("use one of {values}."),
                element=describe(element),
                item=item_id,
                values=one_of(self.items),
            )
            return None
        if item.scale_id is None:
            self.problems.add(
                element,
                _('{element} names text-only item "{item}"'),
                _("rules can only look at items answered on a scale."),
                element=describe(element),
                item=item_id,
            )
            return None
        return (*self.scale_values(item.scale_id), UNANSWERED)

    def judgement_values(self, element: etree._Element, ref: str) -> tuple[str, ...] | None:
        if ref not in self.judgement_scales:
            self.problems.add(
                element,
                _('{element} names judgement "{judgement}", which is not declared before this one'),
                _("refer only to earlier judgements: {values}."),
                element=describe(element),
                judgement=ref,
                values=one_of(self.judgement_scales),
            )
            return None
        return self.scale_values(self.judgement_scales[ref])

    def scale_values(self, scale_id: str) -> tuple[str, ...]:
        scale = self.scales.get(scale_id)
        return scale.values if scale else ()


def read_judgements(
    elements: list[etree._Element],
    items: dict[str, Item],
    scales: dict[str, Scale],
    problems: Problems,
) -> tuple[Judgement, ...]:
    context = _Context(items, scales, problems)
    judgements = []
    for element in elements:
        judgements.append(_read_judgement(element, context))
        context.judgement_scales.setdefault(element.get("id", ""), element.get("scale", ""))
    return tuple(judgements)


def _read_judgement(element: etree._Element, context: _Context) -> Judgement:
    problems = context.problems
    judgement_id = element.get("id", "")
    if not ITEM_ID.match(judgement_id):
        problems.add(
            element,
            _('judgement id "{id}" is not a valid id'),
            _("use letters, digits, _ . and - , e.g. d1."),
            id=judgement_id,
        )
    elif judgement_id in context.judgement_scales:
        problems.add(
            element, _('judgement "{id}" is declared twice'), _("rename one."), id=judgement_id
        )
    elif judgement_id in context.items:
        problems.add(
            element,
            _('judgement "{id}" has the id of an item'),
            _("give judgements ids that no item uses, e.g. d1."),
            id=judgement_id,
        )
    scale_id = element.get("scale", "")
    results = context.scale_values(scale_id)
    if scale_id not in context.scales:
        problems.add(
            element,
            _('{element} names scale "{scale}", which this instrument does not declare'),
            _("use one of {values}."),
            element=describe(element),
            scale=scale_id,
            values=one_of(context.scales),
        )
    item_ids = tuple(element.get("items", "").split())
    for item_id in item_ids:
        if item_id not in context.items:
            problems.add(
                element,
                _('{element} lists item "{item}", which the instrument does not have'),
                _("use one of {values}."),
                element=describe(element),
                item=item_id,
                values=one_of(context.items),
            )
    rules = tuple(_read_rule(rule, results, context) for rule in element.findall("rule"))
    otherwise = element.find("otherwise")
    _check_result(otherwise, results, problems)
    return Judgement(
        id=judgement_id,
        title=texts(element, "title", problems),
        scale_id=scale_id,
        item_ids=item_ids,
        rules=rules,
        otherwise=otherwise.get("result", ""),
    )


def _check_result(element: etree._Element, results: tuple[str, ...], problems: Problems) -> None:
    result = element.get("result", "")
    if results and result not in results:
        problems.add(
            element,
            _('result "{result}" is not an option of the judgement\'s scale'),
            _("use one of {values}."),
            result=result,
            values=one_of(results),
        )


def _read_rule(element: etree._Element, results: tuple[str, ...], context: _Context) -> Rule:
    _check_result(element, results, context.problems)
    conditions: list[Condition] = []
    for child in element:
        if child.tag == "when":
            conditions.append(_read_when(child, context))
        elif child.tag == "count":
            conditions.append(_read_count(child, context))
    return Rule(element.get("result", ""), tuple(conditions))


def _read_when(element: etree._Element, context: _Context) -> When:
    values = frozenset(element.get("in", "").split())
    item_id = element.get("item")
    if item_id is not None:
        allowed = context.item_values(element, item_id)
        condition = When("item", item_id, values)
    else:
        ref = element.get("judgement", "")
        allowed = context.judgement_values(element, ref)
        condition = When("judgement", ref, values)
    _check_values(element, values, allowed, context.problems)
    return condition


def _read_count(element: etree._Element, context: _Context) -> Count:
    problems = context.problems
    refs = tuple(element.get("of", "").split())
    values = frozenset(element.get("in", "").split())
    allowed: set[str] = set()
    for ref in refs:
        if ref in context.judgement_scales:
            allowed.update(context.judgement_values(element, ref) or ())
        elif ref in context.items:
            allowed.update(context.item_values(element, ref) or ())
        else:
            known = [*context.judgement_scales, *context.items]
            problems.add(
                element,
                _('<count> names "{name}", which is neither an earlier judgement nor an item'),
                _("use one of {values}."),
                name=ref,
                values=one_of(known),
            )
    if not refs:
        problems.add(
            element,
            _('<count> has an empty of=""'),
            _('list the judgements or items to count, e.g. of="d1 d2".'),
        )
    _check_values(element, values, tuple(sorted(allowed)) if allowed else None, problems)
    text = element.get("min", "")
    minimum = int(text) if text.isdigit() else 0
    if not 1 <= minimum <= max(len(refs), 1):
        problems.add(
            element,
            _('<count min="{min}"> is not a whole number from 1 to {count}'),
            _("write how many of the listed values must match."),
            min=text,
            count=len(refs),
        )
    return Count(refs, values, minimum)


def _check_values(
    element: etree._Element,
    values: frozenset[str],
    allowed: tuple[str, ...] | None,
    problems: Problems,
) -> None:
    if not values:
        problems.add(
            element,
            _('{element} has an empty in=""'),
            _('list the values that match, e.g. in="no probably_no"; a blank answer is "{blank}".'),
            element=describe(element),
            blank=UNANSWERED,
        )
    if allowed is None:
        return
    for value in sorted(values - set(allowed)):
        problems.add(
            element,
            _('{element} tests for "{value}", which is not a possible value there'),
            _("use one of {values}."),
            element=describe(element),
            value=value,
            values=one_of(allowed),
        )
