"""Reading a case study: schema first, then every value, then the graph."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lxml import etree

from xblocks.core.competencies import parse_competency_tags
from xblocks.core.messages import _, one_of
from xblocks.core.problems import Problems
from xblocks.core.reading import read_authored, root_of_parts
from xblocks.core.xml import OLXError, load_relaxng

from .best_path import SEARCH_LIMIT, TooManyPaths, max_points
from .case_study_types import GRADINGS, CaseStudy, Node
from .graph import check_links, check_shape
from .ids import Ids
from .node_reader import NodeReader
from .values import read_attributes

ROOT = "eip_case_study"


def parse_case_study(data: str | bytes | etree._Element, *, source: str) -> CaseStudy:
    """Parse and check a case study; every problem found is listed in one OLXErrors."""
    schema = load_relaxng("xblocks.case_study", "schema.rng")
    return read_authored(data, source=source, schema=schema, read=_read)


def parse_case_study_parts(
    attributes: Mapping[str, object], content_xml: str, *, source: str
) -> CaseStudy:
    """A case study from the block's fields: root attributes, and the inner nodes' XML."""
    root = root_of_parts(ROOT, attributes, content_xml, source=source)
    return parse_case_study(root, source=source)


def _read(root: etree._Element, problems: Problems) -> CaseStudy:
    values = _read_settings(root, problems)
    ids = Ids(problems)
    reader = NodeReader(problems, ids)
    nodes: dict[str, Node] = {}
    for element in root.iterchildren(etree.Element):
        node = reader.read(element)
        if node is not None:
            nodes[node.id] = node
    start = str(values["start"])
    best = 0
    if check_links(nodes, start, root.sourceline, ids, problems) and ids.clean:
        check_shape(nodes, start, root.sourceline, ids, problems)
        best = _max_points(nodes, start, root, problems)
    return CaseStudy(
        display_name=str(values["display_name"]),
        start=start,
        allow_back=bool(values["allow_back"]),
        max_attempts=int(values["max_attempts"]),
        grading=str(values["grading"]),
        competencies=str(values["competencies"]),
        weight=float(values["weight"]),
        nodes=nodes,
        max_points=best,
        authored=dict(root.attrib),
    )


def _read_settings(root: etree._Element, problems: Problems) -> dict[str, Any]:
    values = read_attributes(root, problems)
    if not values["display_name"]:
        problems.add(
            root, _("display_name is empty"), _("name the case study as learners will see it.")
        )
    if values["grading"] not in GRADINGS:
        problems.add(
            root,
            _('<eip_case_study>: grading="{value}" is not a way of grading'),
            _("use one of {values}: the best attempt counts, or the last."),
            value=values["grading"],
            values=one_of(GRADINGS),
        )
        values["grading"] = GRADINGS[0]
    if values["competencies"]:
        try:
            parse_competency_tags(
                str(values["competencies"]), source=problems.source, line=root.sourceline
            )
        except OLXError as error:
            problems.add(root, error.message, error.fix)
    return values


def _max_points(
    nodes: Mapping[str, Node], start: str, root: etree._Element, problems: Problems
) -> int:
    try:
        return max_points(nodes, start)
    except TooManyPaths:
        problems.add(
            root,
            _(
                "the story has too many routes through its loops to score (over {limit} steps to "
                "search)"
            ),
            _("make fewer choices lead back to earlier nodes."),
            limit=f"{SEARCH_LIMIT:,}",
        )
        return 0
