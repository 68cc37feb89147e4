"""Parsing exercises: every part, and every refusal with its line and fix."""

from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from xblocks.appraisal.model.exercise import (
    Exercise,
    Exhibit,
    ExpertAnswer,
    exercise_content_xml,
    parse_exercise,
    parse_exercise_parts,
)
from xblocks.appraisal.model.library import InstrumentLibrary, UnknownInstrument
from xblocks.core.xml import OLXError, OLXErrors

FIXTURES = Path(__file__).parent / "fixtures"
LIBRARY = InstrumentLibrary(FIXTURES / "instruments")
SOURCE = "assessments/appraisals/fgc-trial.xml"


def read(name: str) -> str:
    return (FIXTURES / "exercises" / name).read_text(encoding="utf-8")


def parse(xml: str | bytes | etree._Element) -> Exercise:
    return parse_exercise(xml, source=SOURCE, library=LIBRARY)


def line_of(text: str, needle: str) -> int:
    return text[: text.rindex(needle)].count("\n") + 1


def refusals(xml: str) -> list[OLXError]:
    with pytest.raises(OLXErrors) as caught:
        parse(xml)
    return caught.value.errors


@pytest.fixture(scope="module")
def exercise() -> Exercise:
    return parse(read("checklist-study.xml"))


def test_attributes(exercise: Exercise) -> None:
    assert exercise.display_name == "Appraise: a small fictional trial"
    assert (exercise.instrument_id, exercise.instrument_version) == ("checklist", "1")
    assert exercise.competencies == "appraise.validity:2 appraise.results"
    assert exercise.weight == 1.0
    assert exercise.max_attempts == 2
    assert exercise.require_reasons == "all"
    assert exercise.instrument == LIBRARY.load("checklist", "1")


def test_defaults_when_attributes_are_absent() -> None:
    exercise = parse(read("rob-study.xml"))
    assert exercise.competencies == ""
    assert exercise.weight == 1.0
    assert exercise.max_attempts == 0
    assert exercise.require_reasons == "all"


def test_study(exercise: Exercise) -> None:
    study = exercise.study
    assert study.title == "Family group conferences: a small randomised trial"
    assert study.fictional is True
    assert study.label == "Fictional teaching study"
    assert study.citation.startswith("Pritchard and Evans (2024)")
    assert study.summary_md.startswith("## Background\n\nFamilies were offered")
    assert study.summary_md.endswith("- Outcome: care proceedings within 12 months")
    assert study.exhibits == (
        Exhibit(
            "Table 1. Outcomes at 12 months",
            "| Outcome | FGC (n=60) | Usual care (n=60) |\n|---|---|---|\n"
            "| Care proceedings | 12 | 21 |",
        ),
    )


def test_study_without_label_citation_or_exhibits() -> None:
    study = parse(read("rob-study.xml")).study
    assert (study.fictional, study.label, study.citation, study.exhibits) == (False, "", "", ())
    assert study.summary_md == "Plain text summary, no CDATA & an ampersand."


def test_expert_answers_in_authored_order(exercise: Exercise) -> None:
    assert list(exercise.expert_answers) == ["1", "2", "3", "4a", "5"]
    assert exercise.expert_answers["3"] == ExpertAnswer(
        "3", "cant_tell", "Table 1 gives no baseline characteristics.\n\nSo we cannot tell."
    )
    assert exercise.expert_answers["5"].value is None
    assert exercise.overall_value == "moderate"
    assert exercise.overall_rationale_md == "A sound design, reported too thinly to trust fully."


def test_indented_markdown_is_dedented() -> None:
    xml = read("rob-study.xml").replace(
        "<summary>Plain text summary, no CDATA &amp; an ampersand.</summary>",
        "<summary><![CDATA[\n      # Title\n\n          code\n      text\n    ]]></summary>",
    )
    assert parse(xml).study.summary_md == "# Title\n\n    code\ntext"


@pytest.mark.parametrize(
    ("require_reasons", "expected"),
    [
        ("all", {"1": True, "4a": True, "5": False, "overall": True}),
        ("none", {"1": False, "4a": False, "5": False, "overall": False}),
        ("1 overall", {"1": True, "4a": False, "5": False, "overall": True}),
        ("4a", {"1": False, "4a": True, "5": False, "overall": False}),
    ],
)
def test_reason_required(
    exercise: Exercise, require_reasons: str, expected: dict[str, bool]
) -> None:
    changed = replace(exercise, require_reasons=require_reasons)
    assert {item: changed.reason_required(item) for item in expected} == expected
    assert not changed.reason_required("9")


def test_an_element_can_be_parsed(exercise: Exercise) -> None:
    element = etree.fromstring(read("checklist-study.xml").encode())
    assert parse(element) == exercise


def test_parts_from_block_fields(exercise: Exercise) -> None:
    attributes = {
        "display_name": "Renamed",
        "instrument": "checklist",
        "instrument_version": "1",
        "competencies": "",
        "weight": 0.5,
        "max_attempts": 3,
        "require_reasons": "none",
        "url_name": None,
    }
    parsed = parse_exercise_parts(
        attributes, exercise_content_xml(exercise), source=SOURCE, library=LIBRARY
    )
    assert parsed == replace(
        exercise,
        display_name="Renamed",
        competencies="",
        weight=0.5,
        max_attempts=3,
        require_reasons="none",
    )


def test_parts_report_lines_of_the_content() -> None:
    content = (
        '<study fictional="true">\n<title>T</title>\n<summary>S</summary>\n</study>\n<expert/>'
    )
    with pytest.raises(OLXErrors) as caught:
        parse_exercise_parts(
            {"display_name": "X", "instrument": "checklist", "instrument_version": "1"},
            content,
            source="block content",
            library=LIBRARY,
        )
    lines = {error.line for error in caught.value.errors}
    assert 5 in lines  # the empty <expert>
    with pytest.raises(OLXErrors):
        parse_exercise_parts({}, "<study>", source="block content", library=LIBRARY)


BREAKS = [
    # (old, new, message fragment, fix fragment, needle for the line or None for the root)
    (
        '<answer item="4a" value="no">',
        '<answer item="4d" value="no">',
        '<answer item="4d"> names an item that the instrument checklist v1 does not have.',
        "Use one of 1, 2, 3, 4a, 5.",
        '<answer item="4d"',
    ),
    (
        '<answer item="4a" value="no">',
        '<answer item="4a" value="nope">',
        'value="nope" is not an option of item 4a.',
        "Use one of yes, cant_tell, no.",
        '<answer item="4a"',
    ),
    (
        '<answer item="4a" value="no">',
        '<answer item="4a">',
        '<answer item="4a"> has no value.',
        'value="..."',
        '<answer item="4a"',
    ),
    (
        '<answer item="5">',
        '<answer item="5" value="yes">',
        'item 5 is answered in words only, but <answer> has value="yes".',
        "Remove value",
        '<answer item="5"',
    ),
    (
        '<overall value="moderate">',
        '<overall value="medium">',
        '<overall value="medium"> is not an option of the overall judgement of checklist v1.',
        "high, moderate, low",
        '<overall value="medium"',
    ),
    (
        '<answer item="2" value="yes">',
        '<answer item="1" value="yes">',
        '<answer item="1"> appears twice.',
        "one answer per item",
        '<answer item="1" value="yes">',
    ),
    (
        'instrument_version="1"',
        'instrument_version="7"',
        "there is no instrument checklist version 7; shipped: checklist v0, checklist v1, rob v1",
        "Use an instrument id and version",
        None,
    ),
    (
        'instrument="checklist"',
        'instrument="../checklist"',
        'instrument="../checklist" instrument_version="1" is not an instrument id and version.',
        'instrument="rct"',
        None,
    ),
    (
        'require_reasons="all"',
        'require_reasons="1 9"',
        'require_reasons names item "9", which the instrument checklist v1 does not have.',
        "Use item ids from 1, 2, 3, 4a, 5, or overall.",
        None,
    ),
    (
        'require_reasons="all"',
        'require_reasons="1 5"',
        'require_reasons names item "5", which is answered in words only.',
        "Remove 5",
        None,
    ),
    (
        'require_reasons="all"',
        'require_reasons="all 1"',
        "mixes all/none with item ids",
        '"all", "none"',
        None,
    ),
    ('require_reasons="all"', 'require_reasons=" "', "or is empty", '"all", "none"', None),
    (
        'competencies="appraise.validity:2 appraise.results"',
        'competencies="Appraise:9"',
        '"Appraise:9" is not a competency tag',
        "appraise.validity:2",
        None,
    ),
    (
        'competencies="appraise.validity:2 appraise.results"',
        'competencies="appraise.validity:7"',
        "the level must be 1 to 4",
        "appraise.validity:2",
        None,
    ),
    (
        'weight="1"',
        'weight="heavy"',
        'weight="heavy" is not a number of 0 or more.',
        'weight="0.5"',
        None,
    ),
    ('weight="1"', 'weight="-1"', 'weight="-1" is not a number of 0 or more.', 'weight="1"', None),
    (
        'max_attempts="2"',
        'max_attempts="two"',
        'max_attempts="two" is not a whole number of 0 or more.',
        "0 means unlimited",
        None,
    ),
    (
        'display_name="Appraise: a small fictional trial"',
        'display_name=" "',
        "display_name is empty.",
        "Name the exercise",
        None,
    ),
    (
        "<label>Fictional teaching study</label>",
        "",
        "a fictional study has no <label>.",
        "<label>Fictional teaching study</label>",
        '<study fictional="true">',
    ),
    (
        '<study fictional="true">',
        '<study fictional="yes">',
        'fictional="yes" is neither true nor false.',
        'fictional="true"',
        "<study",
    ),
    (
        "<title>Family group conferences:\n      a small randomised trial</title>",
        "<title> </title>",
        "<title> is empty.",
        "Write the title",
        "<title>",
    ),
    (
        "<citation>Pritchard and Evans (2024). Fictional; written for the tests.</citation>",
        "<citation/>",
        "<citation> is empty.",
        "remove <citation>",
        "<citation/>",
    ),
    (
        '<exhibit title="Table 1. Outcomes at 12 months">',
        '<exhibit title="">',
        "<exhibit> has an empty title.",
        'title="Table 1. ..."',
        "<exhibit",
    ),
    (
        "<![CDATA[Families knew whether they had a conference.]]>",
        "",
        "<answer> has no rationale.",
        "Write the rationale",
        '<answer item="4a"',
    ),
    (
        "| Care proceedings | 12 | 21 |",
        "![](chart.png)",
        "an image in <exhibit> has no alt text.",
        "![Bar chart of ...]",
        "![](chart.png)",
    ),
]


@pytest.mark.parametrize(("old", "new", "message", "fix", "needle"), BREAKS)
def test_refusals_name_file_line_and_fix(
    old: str, new: str, message: str, fix: str, needle: str | None
) -> None:
    xml = read("checklist-study.xml")
    assert old in xml
    xml = xml.replace(old, new, 1)
    errors = refusals(xml)
    found = [error for error in errors if message in error.message]
    assert found, [str(error) for error in errors]
    error = found[0]
    assert error.source == SOURCE
    # libxml2 gives an element the line where its start tag ends.
    expected_line = line_of(xml, needle) if needle else line_of(xml, "require_reasons=")
    assert error.line == expected_line
    assert fix in (error.fix or "")
    assert str(error).startswith(f"{SOURCE}:{expected_line}: ")
    assert " Fix: " in str(error)


def test_unknown_instrument_is_an_unknown_instrument_error() -> None:
    errors = refusals(
        read("checklist-study.xml").replace('instrument="checklist"', 'instrument="rct"')
    )
    assert isinstance(errors[0], UnknownInstrument)


def test_missing_expert_answers_are_listed_at_expert() -> None:
    xml = read("checklist-study.xml")
    for item in ("3", "4a"):
        start = xml.index(f'<answer item="{item}"')
        xml = xml[:start] + xml[xml.index("</answer>", start) + len("</answer>") :]
    (error,) = refusals(xml)
    assert error.message == (
        "<expert> has no answer for items 3, 4a of the instrument checklist v1."
    )
    assert error.line == line_of(xml, "<expert>")


def test_every_problem_is_listed_in_file_order() -> None:
    xml = (
        read("checklist-study.xml")
        .replace('weight="1"', 'weight="x"')
        .replace('<answer item="4a" value="no">', '<answer item="4d" value="no">')
        .replace('<answer item="2" value="yes">', '<answer item="2" value="maybe">')
        .replace('<overall value="moderate">', '<overall value="medium">')
    )
    errors = refusals(xml)
    assert len(errors) == 5  # weight, 2, 4d, missing 4a, overall
    assert [e.line for e in errors] == sorted(e.line for e in errors)
    assert str(OLXErrors(errors)).count("\n") == 4


SCHEMA_BREAKS = [
    ("<summary>", "<summry>", "</summary>", "</summry>", "<summry>"),
    ("</study>", "<extra/></study>", None, None, "<extra/>"),
    ('weight="1"', 'weight="1" colour="red"', None, None, 'colour="red"'),
    ('<study fictional="true">', "<study>", None, None, "<study>"),
]


@pytest.mark.parametrize(("old", "new", "old2", "new2", "needle"), SCHEMA_BREAKS)
def test_schema_refusals_name_the_line(
    old: str, new: str, old2: str | None, new2: str | None, needle: str
) -> None:
    xml = read("checklist-study.xml").replace(old, new, 1)
    if old2 and new2:
        xml = xml.replace(old2, new2, 1)
    errors = refusals(xml)
    assert errors[0].source == SOURCE
    assert errors[0].line == line_of(xml, needle)
    assert errors[0].fix


def test_missing_elements_are_refused() -> None:
    xml = read("rob-study.xml")
    xml = xml[: xml.index("<expert>")] + "</eip_appraisal>"
    (error,) = refusals(xml)
    assert "<eip_appraisal>" in error.message
    assert error.line == 1


def test_syntax_errors_and_doctypes_are_olx_errors() -> None:
    (error,) = refusals("<eip_appraisal")
    assert error.line == 1
    (error,) = refusals('<!DOCTYPE x [<!ENTITY e "boom">]>\n<eip_appraisal/>')
    assert "DOCTYPE" in error.message
