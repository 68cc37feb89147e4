"""Writing an exercise back to XML, as an author would have written it."""

from __future__ import annotations

import copy

from lxml import etree

from xblocks.core.attributes import written_attributes
from xblocks.core.olx_text import add_markdown, one_line
from xblocks.core.xml import serialize

from .exercise_types import DEFAULTS, Exercise
from .values import parse_attribute

ROOT = "eip_appraisal"
INDENT = "  "


def exercise_to_xml(exercise: Exercise) -> etree._Element:
    """The exercise as an <eip_appraisal> element, indented, Markdown in CDATA sections."""
    root = etree.Element(ROOT)
    for name, value in _attributes(exercise):
        root.set(name, value)
    _add_study(root, exercise)
    expert = etree.SubElement(root, "expert")
    for answer in exercise.expert_answers.values():
        element = add_markdown(expert, "answer", answer.rationale_md)
        element.set("item", answer.item_id)
        if answer.value is not None:
            element.set("value", answer.value)
    overall = add_markdown(expert, "overall", exercise.overall_rationale_md)
    overall.set("value", exercise.overall_value)
    etree.indent(root, space=INDENT)
    return root


def exercise_to_string(exercise: Exercise) -> str:
    """The exercise as XML text, ready to save as assessments/appraisals/<slug>.xml."""
    return serialize(exercise_to_xml(exercise)) + "\n"


def exercise_content_xml(exercise: Exercise) -> str:
    """Only the inner <study> and <expert> elements, each indented as a document of its own."""
    parts = []
    for child in exercise_to_xml(exercise):
        part = copy.deepcopy(child)
        part.tail = None
        etree.indent(part, space=INDENT)
        parts.append(serialize(part))
    return "\n".join(parts)


def _attributes(exercise: Exercise) -> list[tuple[str, str]]:
    values = {
        "display_name": exercise.display_name,
        "instrument": exercise.instrument_id,
        "instrument_version": exercise.instrument_version,
        "competencies": exercise.competencies,
        "weight": exercise.weight,
        "max_attempts": exercise.max_attempts,
        "require_reasons": exercise.require_reasons,
    }
    return written_attributes(values, exercise.authored, DEFAULTS, _means)


def _means(name: str, text: str, value: object) -> bool:
    """Whether the authored attribute text still means `value` (so it can be kept as it is)."""
    if name in ("instrument", "instrument_version"):
        return text == value
    try:
        return parse_attribute(name, text) == value
    except ValueError:
        return False


def _add_study(root: etree._Element, exercise: Exercise) -> None:
    study = exercise.study
    element = etree.SubElement(root, "study", fictional="true" if study.fictional else "false")
    etree.SubElement(element, "title").text = one_line(study.title)
    if study.label:
        etree.SubElement(element, "label").text = one_line(study.label)
    if study.citation:
        etree.SubElement(element, "citation").text = one_line(study.citation)
    add_markdown(element, "summary", study.summary_md)
    for exhibit in study.exhibits:
        add_markdown(element, "exhibit", exhibit.body_md).set("title", exhibit.title)
