"""Exporting a case study: parse -> export -> parse is the same case study, and authored
files keep their canonical XML (comments, indentation and CDATA aside)."""

from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from xblocks.case_study.model import (
    Band,
    CaseStudy,
    canonical_case_study,
    case_study_content_xml,
    case_study_to_string,
    case_study_to_xml,
    parse_case_study,
    parse_case_study_parts,
)

FIXTURES = Path(__file__).parent / "fixtures"
VALID = sorted(FIXTURES.glob("*.xml"))


def parse(xml: str | bytes) -> CaseStudy:
    return parse_case_study(xml, source="case.xml")


def full() -> CaseStudy:
    return parse((FIXTURES / "full.xml").read_bytes())


@pytest.mark.parametrize("path", VALID, ids=lambda path: path.name)
def test_parse_export_parse_is_equal(path: Path) -> None:
    case = parse(path.read_bytes())
    exported = case_study_to_string(case)
    assert parse(exported) == case
    assert case_study_to_string(parse(exported)) == exported


@pytest.mark.parametrize("path", VALID, ids=lambda path: path.name)
def test_authored_files_keep_their_canonical_xml(path: Path) -> None:
    original = path.read_bytes()
    exported = case_study_to_string(parse(original))
    assert canonical_case_study(exported) == canonical_case_study(original)


def test_authored_attribute_text_is_kept() -> None:
    root = case_study_to_xml(full())
    assert root.get("weight") == "1.0"
    assert root.find("decision/choice[@id='letter']").get("points") == "01"
    assert root.find("decision/choice[@id='letter']").get("evidence") == ""
    assert root.find("decision/choice[@id='advocacy']").get("evidence") == "ev-idva  ev-course"
    assert root.find("ending/band").get("min") == "0.80"
    assert root.find("evidence[@id='ev-course']").get("appraisal") == ""
    assert root.find("reflection").get("shareable") == "false"


def test_defaults_that_were_absent_stay_absent() -> None:
    root = case_study_to_xml(full())
    assert "allow_back" not in root.attrib
    wait = root.find("decision/choice[@id='wait']")
    assert set(wait.attrib) == {"id", "target"}
    assert wait.find("feedback") is None
    assert "fictional" not in root.find("evidence[@id='ev-idva']").attrib


def test_authored_attribute_order_is_kept() -> None:
    root = case_study_to_xml(full())
    assert list(root.attrib) == [
        "display_name",
        "start",
        "max_attempts",
        "grading",
        "weight",
        "competencies",
    ]


def test_changed_values_are_written_as_an_author_would() -> None:
    case = full()
    nodes = dict(case.nodes)
    decision = nodes["first-visit"]
    letter = replace(decision.choice("letter"), points=3, evidence_ids=("ev-idva",))
    nodes["first-visit"] = replace(decision, choices=(decision.choices[0], letter))
    ending = nodes["end-safe"]
    nodes["end-safe"] = replace(
        ending, bands=(replace(ending.bands[0], min=0.75), *ending.bands[1:])
    )
    changed = replace(case, nodes=nodes, weight=2.0, allow_back=False)
    root = case_study_to_xml(changed)
    assert (root.get("weight"), root.get("allow_back")) == ("2", "false")
    choice = root.find("decision/choice[@id='letter']")
    assert (choice.get("points"), choice.get("evidence")) == ("3", "ev-idva")
    assert root.find("ending/band").get("min") == "0.75"


def test_built_case_studies_write_only_values_that_differ_from_defaults() -> None:
    case = parse((FIXTURES / "minimal.xml").read_bytes())
    node = case.node("only")
    built = replace(case, authored={}, nodes={**case.nodes, "only": replace(node, authored={})})
    root = case_study_to_xml(built)
    assert set(root.attrib) == {"display_name", "start"}
    assert parse(case_study_to_string(replace(built, max_attempts=3))).max_attempts == 3


def test_markdown_keeps_cdata_and_multiline_layout() -> None:
    exported = case_study_to_string(full())
    assert "<body><![CDATA[\nA midwife refers **Sam**" in exported
    assert "<summary><![CDATA[One small uncontrolled study & a survey.]]></summary>" in exported


def test_text_that_cannot_be_cdata_is_escaped() -> None:
    case = full()
    ending = case.node("end-safe")
    band = Band(0.0, "Write `]]>` <carefully> & well.")
    changed = replace(
        case, nodes={**case.nodes, "end-safe": replace(ending, bands=(*ending.bands[:2], band))}
    )
    exported = case_study_to_string(changed)
    assert "]]&gt;" in exported
    assert parse(exported) == changed


def test_canonical_form_ignores_comments_whitespace_and_url_name() -> None:
    a = (FIXTURES / "minimal.xml").read_text()
    b = a.replace('start="only">', 'url_name="u1" start="only">\n  <!-- note -->\n\n')
    assert canonical_case_study(a) == canonical_case_study(b)
    assert canonical_case_study(etree.fromstring(b)) == canonical_case_study(a)


def test_canonical_form_sees_real_changes() -> None:
    original = (FIXTURES / "full.xml").read_text()
    changed = replace(full(), grading="best")
    assert canonical_case_study(case_study_to_string(changed)) != canonical_case_study(original)


def test_content_xml_is_the_nodes_only() -> None:
    case = full()
    content = case_study_content_xml(case)
    assert "<eip_case_study" not in content
    assert '\n<evidence id="ev-idva"' in content
    attributes = dict(case_study_to_xml(case).attrib)
    assert parse_case_study_parts(attributes, content, source="block") == case
