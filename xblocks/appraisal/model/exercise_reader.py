"""Reading an exercise: schema first, then every check against its instrument."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lxml import etree

from xblocks.core.authored import TOKEN, VERSION
from xblocks.core.competencies import parse_competency_tags
from xblocks.core.messages import Listing, _, one_of
from xblocks.core.problems import Problems
from xblocks.core.reading import read_authored, root_of_parts
from xblocks.core.xml import OLXError, OLXErrors, load_relaxng

from .exercise_types import DEFAULTS, OVERALL, Exercise, ExpertAnswer
from .instrument_types import Instrument
from .library import InstrumentLibrary, UnknownInstrument, default_library
from .study_reader import markdown, read_study
from .values import parse_attribute

ROOT = "eip_appraisal"


def parse_exercise(
    data: str | bytes | etree._Element,
    *,
    source: str,
    library: InstrumentLibrary | None = None,
) -> Exercise:
    """Parse and check an exercise; every problem found is listed in one OLXErrors."""
    return read_authored(
        data,
        source=source,
        schema=load_relaxng("xblocks.appraisal", "schema.rng"),
        read=lambda root, problems: _read(root, library or default_library(), problems),
    )


def parse_exercise_parts(
    attributes: Mapping[str, object],
    content_xml: str,
    *,
    source: str,
    library: InstrumentLibrary | None = None,
) -> Exercise:
    """An exercise from the block's fields: root attributes, and the inner <study>+<expert>."""
    root = root_of_parts(ROOT, attributes, content_xml, source=source)
    return parse_exercise(root, source=source, library=library)


def _read(root: etree._Element, library: InstrumentLibrary, problems: Problems) -> Exercise:
    values = _read_attributes(root, problems)
    instrument = _load_instrument(root, library, problems)
    expert = root.find("expert")
    answers = _read_answers(expert, instrument, problems)
    overall = expert.find("overall")
    overall_value = overall.get("value", "")
    if instrument is not None:
        _check_overall(overall, overall_value, instrument, problems)
        _check_require_reasons(root, str(values["require_reasons"]), instrument, problems)
    return Exercise(
        display_name=str(values["display_name"]),
        instrument_id=root.get("instrument", ""),
        instrument_version=root.get("instrument_version", ""),
        competencies=str(values["competencies"]),
        weight=float(values["weight"]),
        max_attempts=int(values["max_attempts"]),
        require_reasons=str(values["require_reasons"]),
        study=read_study(root.find("study"), problems),
        expert_answers=answers,
        overall_value=overall_value,
        overall_rationale_md=markdown(overall, problems, required=True),
        authored=dict(root.attrib),
        library=library,
    )


def _read_attributes(root: etree._Element, problems: Problems) -> dict[str, Any]:
    values: dict[str, Any] = dict(DEFAULTS)
    for name in ("display_name", *DEFAULTS):
        text = root.get(name)
        if text is None:
            continue
        try:
            values[name] = parse_attribute(name, text)
        except OLXError as error:
            problems.add(root, error.message, _ATTRIBUTE_FIXES[name])
    if not values.get("display_name"):
        problems.add(root, _("display_name is empty"), _ATTRIBUTE_FIXES["display_name"])
    if values["competencies"]:
        try:
            parse_competency_tags(
                str(values["competencies"]), source=problems.source, line=root.sourceline
            )
        except OLXError as error:
            problems.extend([error if error.source else error.with_source(problems.source)])
    return values


_ATTRIBUTE_FIXES = {
    "display_name": _("name the exercise as learners will see it."),
    "competencies": _('write competency ids with optional levels, e.g. "appraise.validity:2".'),
    "weight": _('write a number such as weight="1" or weight="0.5" (0 for an ungraded exercise).'),
    "max_attempts": _('write a whole number such as max_attempts="2" (0 means unlimited).'),
    "require_reasons": _('write "all", "none" or the item ids that need a reason, e.g. "1 2 4a".'),
}


def _load_instrument(
    root: etree._Element, library: InstrumentLibrary, problems: Problems
) -> Instrument | None:
    instrument_id = root.get("instrument", "")
    version = root.get("instrument_version", "")
    if not TOKEN.match(instrument_id) or not VERSION.match(version):
        problems.add(
            root,
            _(
                'instrument="{instrument}" instrument_version="{version}" is not an instrument '
                "id and version"
            ),
            _('name a shipped instrument, e.g. instrument="rct" instrument_version="1".'),
            instrument=instrument_id,
            version=version,
        )
        return None
    try:
        return library.load(instrument_id, version)
    except UnknownInstrument as error:
        problems.extend(
            [
                UnknownInstrument(
                    error.message, source=problems.source, line=root.sourceline, fix=error.fix
                )
            ]
        )
    except OLXErrors as errors:
        problems.add(
            root,
            _("the instrument {instrument} v{version} is broken: {problems}"),
            _("fix the instrument file first."),
            instrument=instrument_id,
            version=version,
            problems=Listing(errors, "; "),
        )
    return None


def _read_answers(
    expert: etree._Element, instrument: Instrument | None, problems: Problems
) -> dict[str, ExpertAnswer]:
    answers: dict[str, ExpertAnswer] = {}
    for element in expert.findall("answer"):
        item_id = element.get("item", "")
        value = element.get("value")
        if item_id in answers:
            problems.add(
                element,
                _('<answer item="{item}"> appears twice'),
                _("keep one answer per item."),
                item=item_id,
            )
        elif instrument is not None:
            _check_answer(element, item_id, value, instrument, problems)
        answers[item_id] = ExpertAnswer(item_id, value, markdown(element, problems, True))
    if instrument is not None:
        missing = [item.id for item in instrument.items if item.id not in answers]
        if missing:
            problems.add(
                expert,
                _("<expert> has no answer for items {items} of the instrument {instrument}")
                if len(missing) > 1
                else _("<expert> has no answer for item {items} of the instrument {instrument}"),
                _('add an <answer item="..."> with a rationale for every item.'),
                items=one_of(missing),
                instrument=_name(instrument),
            )
    return answers


def _name(instrument: Instrument) -> str:
    return f"{instrument.id} v{instrument.version}"


def _check_answer(
    element: etree._Element,
    item_id: str,
    value: str | None,
    instrument: Instrument,
    problems: Problems,
) -> None:
    if not instrument.has_item(item_id):
        problems.add(
            element,
            _(
                '<answer item="{item}"> names an item that the instrument {instrument} does not '
                "have"
            ),
            _("use one of {values}."),
            item=item_id,
            instrument=_name(instrument),
            values=one_of(instrument.item_ids),
        )
        return
    scale = instrument.item_scale(item_id)
    if scale is None:
        if value is not None:
            problems.add(
                element,
                _('item {item} is answered in words only, but <answer> has value="{value}"'),
                _("remove value; put the model answer in the text."),
                item=item_id,
                value=value,
            )
    elif value is None:
        problems.add(
            element,
            _('<answer item="{item}"> has no value'),
            _('add value="..." with one of {values}.'),
            item=item_id,
            values=one_of(scale.values),
        )
    elif value not in scale.values:
        problems.add(
            element,
            _('value="{value}" is not an option of item {item}'),
            _("use one of {values}."),
            value=value,
            item=item_id,
            values=one_of(scale.values),
        )


def _check_overall(
    element: etree._Element, value: str, instrument: Instrument, problems: Problems
) -> None:
    options = instrument.overall_scale.values
    if value not in options:
        problems.add(
            element,
            _(
                '<overall value="{value}"> is not an option of the overall judgement of '
                "{instrument}"
            ),
            _("use one of {values}."),
            value=value,
            instrument=_name(instrument),
            values=one_of(options),
        )


def _check_require_reasons(
    root: etree._Element, require_reasons: str, instrument: Instrument, problems: Problems
) -> None:
    words = require_reasons.split()
    if words in (["all"], ["none"]):
        return
    if not words or "all" in words or "none" in words:
        problems.add(
            root,
            _('require_reasons="{value}" mixes all/none with item ids or is empty'),
            _ATTRIBUTE_FIXES["require_reasons"],
            value=require_reasons,
        )
        return
    for word in words:
        if word == OVERALL:
            continue
        if not instrument.has_item(word):
            problems.add(
                root,
                _(
                    'require_reasons names item "{item}", which the instrument {instrument} does '
                    "not have"
                ),
                _("use item ids from {values}, or overall."),
                item=word,
                instrument=_name(instrument),
                values=one_of(instrument.item_ids),
            )
        elif instrument.item(word).text_only:
            problems.add(
                root,
                _('require_reasons names item "{item}", which is answered in words only'),
                _("remove {item}: its answer is already a reason."),
                item=word,
            )
