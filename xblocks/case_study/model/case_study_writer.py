"""Writing a case study back to XML, as an author would have written it."""

from __future__ import annotations

import copy
from collections.abc import Mapping as MappingABC

from lxml import etree

from xblocks.core.attributes import written_attributes
from xblocks.core.olx_text import add_markdown, one_line
from xblocks.core.xml import serialize

from .case_study_types import (
    Band,
    CaseStudy,
    Choice,
    Decision,
    Ending,
    Evidence,
    Mapping,
    Narrative,
    Node,
    Reflection,
    Statement,
)
from .values import defaults, means

ROOT = "eip_case_study"
INDENT = "  "


def case_study_to_xml(case: CaseStudy) -> etree._Element:
    """The case study as an <eip_case_study> element, indented, Markdown in CDATA."""
    root = etree.Element(ROOT)
    _set(
        root,
        {
            "display_name": case.display_name,
            "start": case.start,
            "allow_back": case.allow_back,
            "max_attempts": case.max_attempts,
            "grading": case.grading,
            "competencies": case.competencies,
            "weight": case.weight,
        },
        case.authored,
    )
    for node in case.nodes.values():
        _WRITERS[node.kind](root, node)
    etree.indent(root, space=INDENT)
    return root


def case_study_to_string(case: CaseStudy) -> str:
    """The case study as XML text, ready to save as assessments/case-studies/<slug>.xml."""
    return serialize(case_study_to_xml(case)) + "\n"


def case_study_content_xml(case: CaseStudy) -> str:
    """Only the nodes inside <eip_case_study>, each indented as a document of its own."""
    parts = []
    for child in case_study_to_xml(case):
        part = copy.deepcopy(child)
        part.tail = None
        etree.indent(part, space=INDENT)
        parts.append(serialize(part))
    return "\n".join(parts)


def _set(
    element: etree._Element, values: dict[str, object], authored: MappingABC[str, str]
) -> None:
    """Set attributes, keeping authored text and order; new ones follow the authored ones."""
    pairs = written_attributes(values, authored, defaults(element.tag), means(element.tag))
    order = {name: index for index, name in enumerate(authored)}
    for name, text in sorted(pairs, key=lambda pair: order.get(pair[0], len(order))):
        element.set(name, text)


def _node(root: etree._Element, node: Node, values: dict[str, object]) -> etree._Element:
    element = etree.SubElement(root, node.kind)
    _set(element, {"id": node.id, "title": node.title, **values}, node.authored)
    return element


def _narrative(root: etree._Element, node: Narrative) -> None:
    element = _node(root, node, {"next": node.next})
    add_markdown(element, "body", node.body_md)


def _evidence(root: etree._Element, node: Evidence) -> None:
    values = {
        "next": node.next,
        "certainty": node.certainty,
        "fictional": node.fictional,
        "appraisal": node.appraisal,
    }
    element = _node(root, node, values)
    add_markdown(element, "summary", node.summary_md)
    etree.SubElement(element, "citation").text = one_line(node.citation)


def _decision(root: etree._Element, node: Decision) -> None:
    element = _node(root, node, {})
    add_markdown(element, "prompt", node.prompt_md)
    for choice in node.choices:
        _choice(element, choice)


def _choice(parent: etree._Element, choice: Choice) -> None:
    element = etree.SubElement(parent, "choice")
    values = {
        "id": choice.id,
        "target": choice.target,
        "points": choice.points,
        "evidence": choice.evidence_ids,
    }
    _set(element, values, choice.authored)
    etree.SubElement(element, "label").text = one_line(choice.label)
    if choice.feedback_md:
        add_markdown(element, "feedback", choice.feedback_md)


def _mapping(root: etree._Element, node: Mapping) -> None:
    values = {"next": node.next, "points": node.points, "scale": node.scale}
    element = _node(root, node, values)
    add_markdown(element, "prompt", node.prompt_md)
    for statement in node.statements:
        _statement(element, statement)
    if node.scale_guidance_md:
        add_markdown(element, "scale-guidance", node.scale_guidance_md)


def _statement(parent: etree._Element, statement: Statement) -> None:
    element = etree.SubElement(parent, "statement")
    _set(element, {"id": statement.id, "expected": statement.expected}, statement.authored)
    etree.SubElement(element, "text").text = one_line(statement.text)
    if statement.feedback_md:
        add_markdown(element, "feedback", statement.feedback_md)


def _reflection(root: etree._Element, node: Reflection) -> None:
    element = _node(root, node, {"next": node.next, "shareable": node.shareable})
    add_markdown(element, "prompt", node.prompt_md)


def _ending(root: etree._Element, node: Ending) -> None:
    element = _node(root, node, {})
    add_markdown(element, "outcome", node.outcome_md)
    add_markdown(element, "debrief", node.debrief_md)
    for band in node.bands:
        _band(element, band)


def _band(parent: etree._Element, band: Band) -> None:
    element = add_markdown(parent, "band", band.text_md)
    _set(element, {"min": band.min}, band.authored)


_WRITERS = {
    "narrative": _narrative,
    "evidence": _evidence,
    "decision": _decision,
    "mapping": _mapping,
    "reflection": _reflection,
    "ending": _ending,
}
