"""Exporting an exercise: parse -> export -> parse is the same exercise, and authored files
keep their canonical XML (see canonical_exercise for what is normalised)."""

from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from xblocks.appraisal.model.exercise import (
    Exercise,
    ExpertAnswer,
    Study,
    canonical_exercise,
    exercise_content_xml,
    exercise_to_string,
    exercise_to_xml,
    parse_exercise,
    parse_exercise_parts,
)
from xblocks.appraisal.model.library import InstrumentLibrary
from xblocks.appraisal.model.values import parse_attribute
from xblocks.core.attributes import format_attribute

FIXTURES = Path(__file__).parent / "fixtures"
LIBRARY = InstrumentLibrary(FIXTURES / "instruments")
EXERCISES = sorted((FIXTURES / "exercises").glob("*.xml"))


def parse(xml: str | bytes) -> Exercise:
    return parse_exercise(xml, source="exercise.xml", library=LIBRARY)


@pytest.mark.parametrize("path", EXERCISES, ids=lambda path: path.name)
def test_parse_export_parse_is_equal(path: Path) -> None:
    exercise = parse(path.read_bytes())
    exported = exercise_to_string(exercise)
    assert parse(exported) == exercise
    assert exercise_to_string(parse(exported)) == exported


@pytest.mark.parametrize("path", EXERCISES, ids=lambda path: path.name)
def test_authored_files_keep_their_canonical_xml(path: Path) -> None:
    original = path.read_bytes()
    exported = exercise_to_string(parse(original))
    assert canonical_exercise(exported) == canonical_exercise(original)


def test_canonical_form_sees_real_changes() -> None:
    original = (FIXTURES / "exercises" / "checklist-study.xml").read_text()
    exercise = parse(original)
    changed = replace(exercise, overall_value="low")
    assert canonical_exercise(exercise_to_string(changed)) != canonical_exercise(original)


def test_canonical_form_ignores_comments_whitespace_and_url_name() -> None:
    a = '<eip_appraisal display_name="x"><study><title>A  b</title></study></eip_appraisal>'
    b = (
        '<eip_appraisal url_name="u1" display_name="x">\n  <!-- note -->\n  <study>\n'
        "    <title>A\n b</title>\n  </study>\n</eip_appraisal>"
    )
    assert canonical_exercise(a) == canonical_exercise(b)
    assert canonical_exercise(etree.fromstring(b)) == canonical_exercise(a)


def test_markdown_keeps_cdata_and_multiline_layout() -> None:
    exported = exercise_to_string(parse((FIXTURES / "exercises" / "rob-study.xml").read_bytes()))
    assert "<summary><![CDATA[Plain text summary, no CDATA & an ampersand.]]></summary>" in exported
    exercise = parse((FIXTURES / "exercises" / "checklist-study.xml").read_bytes())
    assert "<summary><![CDATA[\n## Background\n" in exercise_to_string(exercise)


def test_defaults_that_were_absent_stay_absent() -> None:
    exercise = parse((FIXTURES / "exercises" / "rob-study.xml").read_bytes())
    root = exercise_to_xml(exercise)
    assert set(root.attrib) == {"display_name", "instrument", "instrument_version"}


def test_defaults_that_were_written_are_kept() -> None:
    root = exercise_to_xml(parse((FIXTURES / "exercises" / "checklist-study.xml").read_bytes()))
    assert root.get("weight") == "1"
    assert root.get("require_reasons") == "all"
    assert root.get("max_attempts") == "2"


def test_authored_spelling_is_kept_while_the_value_is_unchanged() -> None:
    xml = (
        (FIXTURES / "exercises" / "rob-study.xml")
        .read_text()
        .replace(
            'instrument_version="1">',
            'instrument_version="1" weight="1.0" require_reasons="1.1  2.1">',
        )
    )
    exercise = parse(xml)
    assert exercise.require_reasons == "1.1 2.1"
    root = exercise_to_xml(exercise)
    assert (root.get("weight"), root.get("require_reasons")) == ("1.0", "1.1  2.1")
    changed = exercise_to_xml(replace(exercise, weight=2.0, require_reasons="all"))
    assert (changed.get("weight"), changed.get("require_reasons")) == ("2", "all")


def test_built_exercises_write_only_values_that_differ_from_defaults() -> None:
    exercise = parse((FIXTURES / "exercises" / "checklist-study.xml").read_bytes())
    built = replace(exercise, authored={})
    root = exercise_to_xml(built)
    assert "weight" not in root.attrib and "require_reasons" not in root.attrib
    assert root.get("max_attempts") == "2"
    assert exercise_to_xml(replace(built, weight=0.5)).get("weight") == "0.5"
    assert parse(exercise_to_string(built)) == exercise


def test_text_that_cannot_be_cdata_is_escaped() -> None:
    exercise = parse((FIXTURES / "exercises" / "rob-study.xml").read_bytes())
    answers = dict(exercise.expert_answers)
    answers["1.1"] = ExpertAnswer("1.1", "yes", "Write `]]>` <carefully> & well.")
    changed = replace(exercise, expert_answers=answers)
    exported = exercise_to_string(changed)
    assert "]]&gt;" in exported
    assert parse(exported) == changed


def test_content_xml_and_parts_give_the_same_exercise() -> None:
    exercise = parse((FIXTURES / "exercises" / "checklist-study.xml").read_bytes())
    content = exercise_content_xml(exercise)
    assert content.startswith('<study fictional="true">\n  <title>')
    assert "\n<expert>\n  <answer" in content
    attributes = dict(exercise_to_xml(exercise).attrib)
    assert parse_exercise_parts(attributes, content, source="x", library=LIBRARY) == exercise


def test_a_study_with_every_optional_part_left_out() -> None:
    exercise = parse((FIXTURES / "exercises" / "rob-study.xml").read_bytes())
    study = Study("T", False, "", "", "S")
    changed = replace(exercise, study=study)
    root = exercise_to_xml(changed)
    assert [child.tag for child in root.find("study")] == ["title", "summary"]
    assert parse(exercise_to_string(changed)).study == study


@pytest.mark.parametrize(
    ("value", "text"),
    [(1.0, "1"), (0.5, "0.5"), (2.25, "2.25"), (3, "3"), ("1 2", "1 2"), (True, "true")],
)
def test_attribute_values_are_written_as_an_author_would(value: object, text: str) -> None:
    assert format_attribute(value) == text


def test_attribute_text_is_read_into_values() -> None:
    assert parse_attribute("weight", "0.5") == 0.5
    assert parse_attribute("max_attempts", "3") == 3
    assert parse_attribute("require_reasons", " 1\n 2 ") == "1 2"
    with pytest.raises(ValueError, match="not a number"):
        parse_attribute("weight", "1e3")
