"""OLX import and export through the block: round trips, refusals with file and line, and
the workbench scenarios made from the shipped exercises."""

from __future__ import annotations

import importlib.resources
import re

import pytest
from lxml import etree
from xblock.fields import ScopeIds

from xblocks.appraisal import block as block_module
from xblocks.appraisal.block import AppraisalBlock
from xblocks.appraisal.model.exercise import canonical_exercise, parse_exercise
from xblocks.core.xml import OLXErrors, parse_xml

FGC = "fgc-trial.xml"


def _text(name: str) -> str:
    return (importlib.resources.files("xblocks.appraisal.exercises") / name).read_text("utf-8")


def _export(block: AppraisalBlock) -> str:
    node = etree.Element("unknown")
    block.add_xml_to_node(node)
    return etree.tostring(node, encoding="unicode")


def _parse_directly(runtime, xml: str) -> AppraisalBlock:
    """Parse as a course import does: the core parser (CDATA and comments kept)."""
    definition_id = runtime.id_generator.create_definition("eip_appraisal")
    usage_id = runtime.id_generator.create_usage(definition_id)
    keys = ScopeIds("learner", "eip_appraisal", definition_id, usage_id)
    return AppraisalBlock.parse_xml(parse_xml(xml, source="test.xml"), runtime, keys)


def _line_of(text: str, fragment: str) -> int:
    return text.count("\n", 0, text.index(fragment)) + 1


def test_export_is_the_authored_file(shipped_exercise, appraisal_runtime):
    authored = _text(shipped_exercise)
    block = _parse_directly(appraisal_runtime, authored)
    root = parse_xml(authored, source=shipped_exercise)
    assert _export(block) == etree.tostring(root, encoding="unicode")


def test_runtime_import_round_trips_to_the_same_exercise(shipped_exercise, learner):
    authored = _text(shipped_exercise)
    exported = _export(learner(shipped_exercise).block)
    assert canonical_exercise(exported) == canonical_exercise(authored)
    assert parse_exercise(exported, source="exported") == parse_exercise(authored, source="a")


def test_second_round_trip_changes_nothing(appraisal_runtime):
    once = _export(_parse_directly(appraisal_runtime, _text(FGC)))
    twice = _export(_parse_directly(appraisal_runtime, once))
    assert twice == once


def test_only_authored_attributes_are_exported(appraisal_runtime):
    authored = re.sub(
        r'\s(weight|max_attempts|require_reasons|competencies)="[^"]*"', "", _text(FGC), count=4
    )
    root = etree.fromstring(_export(_parse_directly(appraisal_runtime, authored)))
    assert list(root.attrib) == ["display_name", "instrument", "instrument_version"]


def test_attributes_become_typed_fields(learner):
    block = learner(FGC).block
    assert block.instrument == "rct"
    assert block.instrument_version == "1"
    assert block.weight == 1.0
    assert block.max_attempts == 3
    assert block.require_reasons == "all"
    assert block.competencies.startswith("appraise.validity:2")
    assert block.content_xml.lstrip().startswith("<study")


def test_the_parsed_exercise_is_kept_across_instances_until_a_field_changes(learner):
    me = learner(FGC)
    first = me.block.exercise()
    assert me.block.exercise() is first  # a new instance, as the LMS makes per request
    block = me.block
    block.max_attempts = 7
    assert block.exercise() is not first
    assert block.exercise().max_attempts == 7


def test_platform_attributes_are_accepted(appraisal_runtime):
    authored = _text(FGC).replace(
        "<eip_appraisal ", '<eip_appraisal url_name="fgc" course_version="2025.1" ', 1
    )
    block = _parse_directly(appraisal_runtime, authored)
    assert block.course_version == "2025.1"
    root = etree.fromstring(_export(block))
    assert root.get("course_version") == "2025.1"
    assert root.get("url_name") is None


def _refusal(load_exercise, xml: str) -> OLXErrors:
    with pytest.raises(OLXErrors) as caught:
        load_exercise(xml)
    return caught.value


def test_unknown_instrument_is_refused_with_line_and_fix(load_exercise):
    errors = _refusal(load_exercise, _text(FGC).replace('instrument="rct"', 'instrument="nosuch"'))
    message = str(errors)
    assert "nosuch" in message
    assert any(error.line == 1 and error.fix for error in errors.errors)


def test_answer_to_unknown_item_and_missing_answer_are_refused(load_exercise):
    authored = _text(FGC).replace('<answer item="4b"', '<answer item="99"', 1)
    errors = _refusal(load_exercise, authored)
    line = _line_of(authored, '<answer item="99"')
    assert any("99" in error.message and error.line == line for error in errors.errors)
    assert any("4b" in error.message for error in errors.errors)


def test_value_outside_the_scale_is_refused(load_exercise):
    authored = re.sub(r'(<answer item="1" value=")[a-z_]+"', r'\1perhaps"', _text(FGC), count=1)
    errors = _refusal(load_exercise, authored)
    line = _line_of(authored, 'value="perhaps"')
    assert any("perhaps" in str(error) and error.line == line for error in errors.errors)


def test_schema_breaks_are_refused(load_exercise):
    authored = _text(FGC).replace("</study>", "<surprise/></study>", 1)
    errors = _refusal(load_exercise, authored)
    assert any(error.line == _line_of(authored, "<surprise/>") for error in errors.errors)


def test_malformed_competencies_are_refused(load_exercise):
    errors = _refusal(load_exercise, _text(FGC).replace("appraise.validity:2", "Appraise:9"))
    assert "Appraise" in str(errors)


def test_refusal_names_the_file(appraisal_runtime, tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text(_text(FGC).replace('instrument="rct"', 'instrument="nosuch"'), "utf-8")
    with pytest.raises(OLXErrors) as caught, path.open("rb") as handle:
        appraisal_runtime.parse_xml_file(handle)
    assert str(path) in str(caught.value)


def test_workbench_has_one_scenario_per_exercise(load_exercise):
    scenarios = AppraisalBlock.workbench_scenarios()
    names = sorted(
        entry.name
        for entry in importlib.resources.files("xblocks.appraisal.exercises").iterdir()
        if entry.name.endswith(".xml")
    )
    assert len(scenarios) == len(names) >= 3
    for title, xml in scenarios:
        assert title
        assert xml.lstrip().startswith("<eip_appraisal")
        load_exercise(xml)


def test_a_broken_exercise_file_stops_the_workbench_loudly(tmp_path, monkeypatch):
    package = tmp_path / "broken_exercises"
    package.mkdir()
    (package / "__init__.py").write_text('"""Broken exercises for a test."""\n', "utf-8")
    (package / "good.xml").write_text(_text(FGC), "utf-8")
    (package / "bad.xml").write_text(_text(FGC).replace("</expert>", "</expert", 1), "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(block_module, "EXERCISES_PACKAGE", "broken_exercises")
    with pytest.raises(OLXErrors) as caught:
        AppraisalBlock.workbench_scenarios()
    assert "bad.xml" in str(caught.value)
    assert caught.value.errors[0].line
