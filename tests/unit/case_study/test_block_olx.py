"""OLX import and export through the block: round trips, refusals with file and line, and
the workbench scenarios made from the shipped case studies."""

from __future__ import annotations

import re

import pytest
from lxml import etree
from xblock.fields import ScopeIds

from xblocks.case_study import block as block_module
from xblocks.case_study.block import CaseStudyBlock
from xblocks.case_study.model import canonical_case_study, parse_case_study
from xblocks.core.resources import shipped_root
from xblocks.core.xml import OLXErrors, parse_xml


def _export(block: CaseStudyBlock) -> str:
    node = etree.Element("unknown")
    block.add_xml_to_node(node)
    return etree.tostring(node, encoding="unicode")


def _parse_directly(runtime, xml: str, source: str = "test.xml") -> CaseStudyBlock:
    """Parse as a course import does: the core parser (CDATA and comments kept)."""
    definition_id = runtime.id_generator.create_definition("eip_case_study")
    usage_id = runtime.id_generator.create_usage(definition_id)
    keys = ScopeIds("learner", "eip_case_study", definition_id, usage_id)
    return CaseStudyBlock.parse_xml(parse_xml(xml, source=source), runtime, keys)


def _line_of(text: str, fragment: str) -> int:
    return text.count("\n", 0, text.index(fragment)) + 1


def _refusal(load_case, xml: str) -> OLXErrors:
    with pytest.raises(OLXErrors) as caught:
        load_case(xml)
    return caught.value


def test_export_is_the_authored_file(shipped_case, case_source, case_runtime):
    authored = case_source(shipped_case)
    block = _parse_directly(case_runtime, authored, shipped_case)
    root = parse_xml(authored, source=shipped_case)
    assert _export(block) == etree.tostring(root, encoding="unicode")


def test_small_case_exports_as_authored(small_case_xml, case_runtime):
    block = _parse_directly(case_runtime, small_case_xml)
    root = parse_xml(small_case_xml, source="small")
    assert _export(block) == etree.tostring(root, encoding="unicode")


def test_runtime_import_round_trips_to_the_same_case_study(shipped_case, case_source, learner):
    authored = case_source(shipped_case)
    exported = _export(learner(shipped_case).block)
    assert canonical_case_study(exported) == canonical_case_study(authored)
    assert parse_case_study(exported, source="exported") == parse_case_study(authored, source="a")


def test_second_round_trip_changes_nothing(case_runtime, small_case_xml):
    once = _export(_parse_directly(case_runtime, small_case_xml))
    twice = _export(_parse_directly(case_runtime, once))
    assert twice == once


def test_only_authored_attributes_are_exported(case_runtime, small_case_xml):
    authored = re.sub(
        r'\s(allow_back|max_attempts|grading|competencies|weight)="[^"]*"', "", small_case_xml
    )
    root = etree.fromstring(_export(_parse_directly(case_runtime, authored)))
    assert list(root.attrib) == ["display_name", "start"]


def test_attributes_become_typed_fields(learner):
    block = learner().block
    assert block.display_name == "A first home visit"
    assert block.start_node == "intro"
    assert block.allow_back is True
    assert block.max_attempts == 2
    assert block.grading == "best"
    assert block.competencies == "apply.decisions:2 integrate.sources"
    assert block.weight == 2.0
    assert block.content_xml.lstrip().startswith("<narrative")
    assert block.max_score() == 2.0


def test_the_parsed_case_study_is_kept_across_instances_until_a_field_changes(learner):
    me = learner()
    first = me.block.case_study()
    assert me.block.case_study() is first  # a new instance, as the LMS makes per request
    block = me.block
    block.content_xml = block.content_xml.replace('title="Seeing people alone"', 'title="Alone"')
    assert block.case_study() is not first
    assert block.case_study().node("ev-a").title == "Alone"
    block.max_attempts = 5
    assert block.case_study().max_attempts == 5


def test_platform_attributes_are_accepted(case_runtime, small_case_xml):
    authored = small_case_xml.replace(
        "<eip_case_study ",
        '<eip_case_study url_name="visit" xblock-family="xblock.v1" course_version="1.0" ',
        1,
    )
    block = _parse_directly(case_runtime, authored)
    assert block.course_version == "1.0"
    root = etree.fromstring(_export(block))
    assert root.get("course_version") == "1.0"
    assert root.get("url_name") is None and root.get("xblock-family") is None


def test_an_unknown_target_is_refused_with_its_line(load_case, small_case_xml):
    authored = small_case_xml.replace('target="reflect"', 'target="nowhere"', 1)
    errors = _refusal(load_case, authored)
    line = _line_of(authored, 'target="nowhere"')
    assert any("nowhere" in error.message and error.line == line for error in errors.errors)
    assert all(error.fix for error in errors.errors)


def test_a_duplicate_id_is_refused(load_case, small_case_xml):
    authored = small_case_xml.replace('<statement id="s2"', '<statement id="s1"', 1)
    errors = _refusal(load_case, authored)
    assert any("s1" in error.message for error in errors.errors)


def test_schema_breaks_are_refused(load_case, small_case_xml):
    authored = small_case_xml.replace("</narrative>", "<surprise/></narrative>", 1)
    errors = _refusal(load_case, authored)
    assert any(error.line == _line_of(authored, "<surprise/>") for error in errors.errors)


def test_malformed_competencies_are_refused(load_case, small_case_xml):
    errors = _refusal(load_case, small_case_xml.replace("apply.decisions:2", "Apply:9"))
    assert "Apply" in str(errors)


def test_refusal_names_the_file(case_runtime, small_case_xml, tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text(small_case_xml.replace('start="intro"', 'start="nowhere"'), "utf-8")
    with pytest.raises(OLXErrors) as caught, path.open("rb") as handle:
        case_runtime.parse_xml_file(handle)
    assert str(path) in str(caught.value)


def test_workbench_has_one_scenario_per_case_study(load_case):
    scenarios = CaseStudyBlock.workbench_scenarios()
    files = shipped_root(block_module.SCENARIOS_PACKAGE, block_module.SCENARIOS_FOLDER)
    assert len(scenarios) == len([f for f in files.iterdir() if f.name.endswith(".xml")]) >= 3
    titles = [title for title, _ in scenarios]
    assert len(set(titles)) == len(titles)
    for title, xml in scenarios:
        assert title
        assert xml.lstrip().startswith("<eip_case_study")
        load_case(xml)


def test_a_broken_case_study_file_stops_the_workbench_loudly(tmp_path, monkeypatch, small_case_xml):
    package = tmp_path / "broken_cases"
    package.mkdir()
    (package / "__init__.py").write_text('"""Broken case studies for a test."""\n', "utf-8")
    (package / "good.xml").write_text(small_case_xml, "utf-8")
    broken = small_case_xml.replace('target="map"', 'target="lost"', 1)
    (package / "bad.xml").write_text(broken, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(block_module, "SCENARIOS_PACKAGE", "broken_cases")
    with pytest.raises(OLXErrors) as caught:
        CaseStudyBlock.workbench_scenarios()
    assert "bad.xml" in str(caught.value)
    assert caught.value.errors[0].line == _line_of(broken, 'target="lost"')
