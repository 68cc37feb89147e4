"""Reading an instrument file: schema first, then every check the schema cannot express."""

from __future__ import annotations

from lxml import etree

from xblocks.core.authored import ITEM_ID, TOKEN, VERSION, describe, grouped_texts, texts
from xblocks.core.messages import _, one_of
from xblocks.core.olx_text import one_line
from xblocks.core.problems import Problems
from xblocks.core.reading import read_authored
from xblocks.core.xml import load_relaxng

from .instrument_types import Instrument, Item, Scale, Section, StopRule
from .judgement_reader import read_judgements
from .scale_reader import read_scales

FAMILIES = ("checklist", "risk-of-bias", "weight-of-evidence", "tapupas")
RESERVED_ITEM_IDS = ("overall",)
SECTION_ID = ITEM_ID


def parse_instrument(data: str | bytes, *, source: str) -> Instrument:
    """Parse and check an instrument; every problem is listed in one OLXErrors."""
    schema = load_relaxng("xblocks.appraisal", "instrument.rng")
    return read_authored(data, source=source, schema=schema, read=_read)


def _read(root: etree._Element, problems: Problems) -> Instrument:
    _check_identity(root, problems)
    metadata = root.find("metadata")
    scales = read_scales(root.find("scales"), problems)
    sections = _read_sections(root, scales, problems)
    items = {item.id: item for section in sections for item in section.items}
    overall = root.find("overall")
    overall_scale = overall.get("scale", "")
    _check_scale_ref(overall, overall_scale, scales, problems)
    return Instrument(
        id=root.get("id", ""),
        version=root.get("version", ""),
        family=root.get("family", ""),
        title=texts(metadata, "title", problems),
        description=texts(metadata, "description", problems),
        source=_required_text(metadata, "source", problems),
        licence=_required_text(metadata, "licence", problems),
        attribution=_required_text(metadata, "attribution", problems),
        scales=scales,
        sections=sections,
        stop_rule=_read_stop_rule(root, items, scales, problems),
        overall_scale_id=overall_scale,
        overall_text=texts(overall, "text", problems),
        judgements=read_judgements(root.findall("judgement"), items, scales, problems),
    )


def _check_identity(root: etree._Element, problems: Problems) -> None:
    if not TOKEN.match(root.get("id", "")):
        problems.add(
            root,
            _('instrument id "{id}" is not a valid id'),
            _("use lower-case letters, digits and _ (starting with a letter), e.g. rct."),
            id=root.get("id"),
        )
    if not VERSION.match(root.get("version", "")):
        problems.add(
            root,
            _('instrument version "{version}" is not a version number'),
            _('use a number such as version="1" or version="2".'),
            version=root.get("version"),
        )
    if root.get("family") not in FAMILIES:
        problems.add(
            root,
            _('family "{family}" is not known'),
            _("use one of {values}."),
            family=root.get("family"),
            values=one_of(FAMILIES),
        )


def _required_text(parent: etree._Element, name: str, problems: Problems) -> str:
    element = parent.find(name)
    value = one_line(element.text)
    if not value:
        problems.add(element, _("<{name}> is empty"), _("write the {name}."), name=name)
    return value


def _read_sections(
    root: etree._Element, scales: dict[str, Scale], problems: Problems
) -> tuple[Section, ...]:
    sections: list[Section] = []
    seen_items: set[str] = set()
    for element in root.findall("section"):
        section_id = element.get("id", "")
        if not SECTION_ID.match(section_id):
            problems.add(
                element,
                _('section id "{id}" is not a valid id'),
                _("use letters, digits, _ . and - , e.g. A."),
                id=section_id,
            )
        if any(section.id == section_id for section in sections):
            problems.add(
                element, _('section "{id}" is declared twice'), _("rename one."), id=section_id
            )
        items = []
        for item_element in element.findall("item"):
            item = _read_item(item_element, section_id, scales, problems)
            if item.id in seen_items:
                problems.add(
                    item_element,
                    _('item "{id}" is declared twice'),
                    _("give every item its own id."),
                    id=item.id,
                )
            seen_items.add(item.id)
            items.append(item)
        sections.append(Section(section_id, texts(element, "title", problems), tuple(items)))
    return tuple(sections)


def _read_item(
    element: etree._Element, section_id: str, scales: dict[str, Scale], problems: Problems
) -> Item:
    item_id = element.get("id", "")
    if not ITEM_ID.match(item_id):
        problems.add(
            element,
            _('item id "{id}" is not a valid id'),
            _("use letters, digits, _ . and - , e.g. 4a or 2.3."),
            id=item_id,
        )
    elif item_id in RESERVED_ITEM_IDS:
        problems.add(
            element,
            _('item id "{id}" is reserved for the overall judgement'),
            _("choose another id."),
            id=item_id,
        )
    scale_id = element.get("scale")
    if scale_id is not None:
        _check_scale_ref(element, scale_id, scales, problems)
    elif element.get("response") != "text":
        problems.add(
            element,
            _('{element} has response="{response}"'),
            _('use response="text" for a free-text item, or give it scale="...".'),
            element=describe(element),
            response=element.get("response"),
        )
    screening = element.get("screening", "false")
    if screening not in ("true", "false"):
        problems.add(
            element,
            _('screening="{value}" is neither true nor false'),
            _('write screening="true" or leave the attribute out.'),
            value=screening,
        )
    if screening == "true" and scale_id is None:
        problems.add(
            element,
            _("text-only {element} cannot be a screening question"),
            _("give it a scale, or remove screening."),
            element=describe(element),
        )
    return Item(
        id=item_id,
        section_id=section_id,
        text=texts(element, "text", problems),
        hints=grouped_texts(element, "hint", problems),
        scale_id=scale_id,
        screening=screening == "true",
    )


def _check_scale_ref(
    element: etree._Element, scale_id: str, scales: dict[str, Scale], problems: Problems
) -> None:
    if scale_id not in scales:
        problems.add(
            element,
            _('{element} names scale "{scale}", which this instrument does not declare'),
            _("use one of {values}."),
            element=describe(element),
            scale=scale_id,
            values=one_of(scales),
        )


def _read_stop_rule(
    root: etree._Element, items: dict[str, Item], scales: dict[str, Scale], problems: Problems
) -> StopRule | None:
    element = root.find("stop-rule")
    screening = [item.id for item in items.values() if item.screening]
    if element is None:
        if screening:
            problems.add(
                root.find("overall"),
                _("items {items} are screening questions but there is no <stop-rule>"),
                _('add <stop-rule items="..." answers="no"> before <overall>.'),
                items=one_of(screening),
            )
        return None
    item_ids = tuple(element.get("items", "").split())
    answers = tuple(element.get("answers", "").split())
    if not item_ids or not answers:
        problems.add(
            element,
            _("<stop-rule> needs items and answers"),
            _('write e.g. <stop-rule items="1 2" answers="no">.'),
        )
    for item_id in item_ids:
        item = items.get(item_id)
        if item is None:
            problems.add(
                element,
                _('<stop-rule> names item "{item}", which does not exist'),
                _("use screening items such as {values}."),
                item=item_id,
                values=one_of(screening),
            )
        elif not item.screening:
            problems.add(
                element,
                _('<stop-rule> names item "{item}", which is not marked screening'),
                _('add screening="true" to <item id="{item}">.'),
                item=item_id,
            )
        else:
            values = scales[item.scale_id].values if item.scale_id in scales else ()
            for answer in answers:
                if values and answer not in values:
                    problems.add(
                        element,
                        _('<stop-rule> answer "{answer}" is not an option of item {item}'),
                        _("use one of {values}."),
                        answer=answer,
                        item=item_id,
                        values=one_of(values),
                    )
    for item_id in screening:
        if item_id not in item_ids:
            problems.add(
                element,
                _('screening item "{item}" is missing from <stop-rule>'),
                _('add it to items="...", or remove screening from item {item}.'),
                item=item_id,
            )
    return StopRule(item_ids, answers, texts(element, "message", problems))
