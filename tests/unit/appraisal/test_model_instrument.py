"""Parsing instruments: every part, and the refusals with their lines and fixes."""

from pathlib import Path

import pytest

from xblocks.appraisal.model.instrument import (
    Count,
    Instrument,
    Option,
    Scale,
    Text,
    When,
    parse_instrument,
)
from xblocks.core.xml import OLXError, OLXErrors

FIXTURES = Path(__file__).parent / "fixtures" / "instruments"
SOURCE = "assessments/instruments/sample.xml"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    """The line of the last occurrence of `needle` (the one a test put there)."""
    return text[: text.rindex(needle)].count("\n") + 1


def refusals(xml: str) -> list[OLXError]:
    with pytest.raises(OLXErrors) as caught:
        parse_instrument(xml, source=SOURCE)
    return caught.value.errors


@pytest.fixture(scope="module")
def checklist() -> Instrument:
    return parse_instrument(read("checklist.xml"), source=SOURCE)


@pytest.fixture(scope="module")
def rob() -> Instrument:
    return parse_instrument(read("rob.xml"), source=SOURCE)


def test_identity_and_metadata(checklist: Instrument) -> None:
    assert (checklist.id, checklist.version, checklist.family) == ("checklist", "1", "checklist")
    assert checklist.title.get("en") == "A small checklist"
    assert checklist.title.get("cy") == "Rhestr wirio fach"
    assert checklist.title.get("cy-GB") == "Rhestr wirio fach"
    assert checklist.title.get("fr") == "A small checklist"
    assert str(checklist.description) == "Used by the tests only."
    assert checklist.source == "Written for the tests."
    assert checklist.licence == "CC BY-NC-SA 4.0"
    assert checklist.attribution == "Our own wording."


def test_sections_and_items_in_order(checklist: Instrument) -> None:
    assert [section.id for section in checklist.sections] == ["A", "B"]
    assert checklist.sections[0].title.get() == "Is the basic design sound?"
    assert [item.id for item in checklist.items] == ["1", "2", "3", "4a", "5"]
    assert checklist.item("4a").section_id == "B"
    assert checklist.item("1").text.get("cy") == "A yw'r astudiaeth yn gofyn cwestiwn clir?"
    assert checklist.item("1").screening and not checklist.item("3").screening
    assert checklist.item("5").text_only and checklist.item("5").scale_id is None
    assert [item.id for item in checklist.scored_items] == ["1", "2", "3", "4a"]
    with pytest.raises(KeyError):
        checklist.item("9")


def test_hints_pair_translations_by_order(checklist: Instrument) -> None:
    first, second = checklist.item("1").hints
    assert first.get("cy") == "Meddyliwch am y boblogaeth."
    assert second.get("en") == "Think about the outcome."
    assert second.get("cy") == "Think about the outcome."  # falls back to English
    assert checklist.item("2").hints == ()


def test_scales_options_and_labels(checklist: Instrument) -> None:
    scale = checklist.scale("ync")
    assert scale.values == ("yes", "cant_tell", "no")
    assert scale.label("yes", "cy") == "Ie"
    assert scale.label("cant_tell", "cy") == "Can't tell"
    assert scale.label("maybe") == "maybe"
    assert checklist.item_scale("1") is scale
    assert checklist.item_scale("5") is None
    assert checklist.overall_scale_id == "quality"
    assert checklist.overall_scale.values == ("high", "moderate", "low")
    assert checklist.overall_text.get() == (
        "Overall, how much confidence would you place in the findings?"
    )


def test_scale_credit() -> None:
    yes, cant, no = (Option(value, Text.of(value)) for value in ("yes", "cant_tell", "no"))
    scale = Scale("ync", (yes, cant, no), {frozenset(("yes", "cant_tell")): 0.5})
    assert scale.credit("yes", "yes") == 1.0
    assert scale.credit("yes", "cant_tell") == 0.5
    assert scale.credit("cant_tell", "yes") == 0.5
    assert scale.credit("no", "cant_tell") == 0.0
    assert scale.credit("yes", "no") == 0.0
    assert scale.credit("", "yes") == 0.0
    assert scale.credit(None, None) == 0.0


def test_near_credit_is_read(checklist: Instrument) -> None:
    assert checklist.scale("ync").credit("no", "cant_tell") == 0.5
    assert checklist.scale("quality").credit("high", "low") == 0.0


def test_stop_rule(checklist: Instrument) -> None:
    rule = checklist.stop_rule
    assert rule is not None
    assert rule.item_ids == ("1", "2")
    assert rule.answers == ("no",)
    assert "not worth appraising" in rule.message.get()


def test_judgements_are_read(rob: Instrument) -> None:
    assert [judgement.id for judgement in rob.judgements] == ["d1", "d2", "d3", "overall"]
    d1 = rob.judgement("d1")
    assert d1.scale_id == "rob"
    assert d1.item_ids == ("1.1", "1.2", "1.3")
    assert d1.rules[0].result == "high"
    assert d1.rules[0].conditions == (When("item", "1.2", frozenset({"no", "probably_no"})),)
    assert len(d1.rules[1].conditions) == 2
    assert d1.otherwise == "low"
    assert rob.judgement("overall").rules[1].conditions == (
        Count(("d1", "d2", "d3"), frozenset({"some_concerns"}), 2),
    )
    assert rob.stop_rule is None


def test_instruments_are_equal_by_id_and_version(checklist: Instrument) -> None:
    again = parse_instrument(read("checklist.xml"), source=SOURCE)
    assert again == checklist
    assert hash(again) == hash(checklist)
    assert parse_instrument(read("checklist.v0.xml"), source=SOURCE) != checklist


def test_text_falls_back_to_english() -> None:
    assert Text.of("Yes", "Ie").get("cy_GB") == "Ie"
    assert Text.of("Yes").get("cy") == "Yes"
    assert Text.of("Yes").get(None) == "Yes"
    assert Text().get("en") == ""


def test_schema_refusal_names_the_line() -> None:
    xml = read("checklist.xml").replace("<overall ", "<overal ").replace("</overall>", "</overal>")
    (error,) = refusals(xml)
    assert error.source == SOURCE
    assert error.line == line_of(xml, "<overal ")
    assert "<overal>" in error.message
    assert error.fix


def test_syntax_error_is_reported_as_olx_errors() -> None:
    (error,) = refusals("<instrument id='x'")
    assert error.line == 1


CHECKLIST_BREAKS = [
    (
        '<item id="3" scale="ync">',
        '<item id="3" scale="ynk">',
        'names scale "ynk", which this instrument does not declare',
        "ync, quality",
    ),
    (
        '<item id="4a" scale="ync">',
        '<item id="3" scale="ync">',
        'item "3" is declared twice',
        "own id",
    ),
    (
        '<item id="4a" scale="ync">',
        '<item id="overall" scale="ync">',
        "reserved for the overall judgement",
        "another id",
    ),
    (
        '<item id="4a" scale="ync">',
        '<item id="4 a" scale="ync">',
        'item id "4 a" is not a valid id',
        "4a",
    ),
    (
        '<title lang="en">Results</title>',
        '<title lang="fr">Results</title>',
        'lang="fr"> has an unknown language',
        'lang="cy"',
    ),
    (
        '<option value="no">',
        '<option value="unanswered">',
        '"unanswered" is reserved',
        "another value",
    ),
    (
        '<option value="no">',
        '<option value="No">',
        'option value "No" is not a valid value',
        "lower-case",
    ),
    (
        '<near a="no" b="cant_tell" credit="0.5"/>',
        '<near a="no" b="cant_tel" credit="0.5"/>',
        '<near> names "cant_tel"',
        "yes, cant_tell, no",
    ),
    (
        '<near a="no" b="cant_tell" credit="0.5"/>',
        '<near a="no" b="cant_tell" credit="1.5"/>',
        'credit="1.5" is not a number between 0 and 1',
        'credit="0.5"',
    ),
    (
        '<near a="no" b="cant_tell" credit="0.5"/>',
        '<near a="no" b="no" credit="0.5"/>',
        "pairs an option with itself",
        "two different options",
    ),
    ('family="checklist"', 'family="list"', 'family "list" is not known', "risk-of-bias"),
    ('version="1"', 'version="one"', 'version "one" is not a version number', 'version="1"'),
    (
        '<item id="5" response="text">',
        '<item id="5" response="words">',
        'has response="words"',
        'response="text"',
    ),
    (
        '<item id="5" response="text">',
        '<item id="5" response="text" screening="true">',
        "cannot be a screening question",
        "give it a scale",
    ),
    (
        '<item id="3" scale="ync">',
        '<item id="3" scale="ync" screening="yes">',
        'screening="yes" is neither true nor false',
        'screening="true"',
    ),
    (
        '<stop-rule items="1 2" answers="no">',
        '<stop-rule items="1 2 3" answers="no">',
        'names item "3", which is not marked screening',
        'screening="true"',
    ),
    (
        '<stop-rule items="1 2" answers="no">',
        '<stop-rule items="1" answers="no">',
        'screening item "2" is missing from <stop-rule>',
        'items="..."',
    ),
    (
        '<stop-rule items="1 2" answers="no">',
        '<stop-rule items="1 2" answers="nope">',
        'answer "nope" is not an option of item 1',
        "yes, cant_tell, no",
    ),
    (
        "<source>Written for the tests.</source>",
        "<source> </source>",
        "<source> is empty",
        "source",
    ),
    (
        '<overall scale="quality">',
        '<overall scale="qualty">',
        'names scale "qualty"',
        "ync, quality",
    ),
]


@pytest.mark.parametrize(("old", "new", "message", "fix"), CHECKLIST_BREAKS)
def test_checklist_refusals(old: str, new: str, message: str, fix: str) -> None:
    xml = read("checklist.xml")
    assert old in xml
    xml = xml.replace(old, new, 1)
    errors = refusals(xml)
    found = [error for error in errors if message in error.message]
    assert found, [str(error) for error in errors]
    assert found[0].source == SOURCE
    assert found[0].line == line_of(xml, new)
    assert fix.lower() in (found[0].fix or "").lower()
    assert str(found[0]).startswith(f"{SOURCE}:{found[0].line}: ")


def test_missing_english_text_is_refused() -> None:
    xml = read("checklist.xml").replace(
        '<text lang="en">Were the groups alike at the start?</text>',
        '<text lang="cy">Oedd y grwpiau yn debyg?</text>',
    )
    errors = refusals(xml)
    assert any('has no <text lang="en">' in error.message for error in errors)


def test_screening_items_need_a_stop_rule() -> None:
    xml = read("checklist.xml")
    start, end = xml.index("<stop-rule"), xml.index("</stop-rule>") + len("</stop-rule>")
    errors = refusals(xml[:start] + xml[end:])
    assert any("no <stop-rule>" in error.message for error in errors)


ROB_BREAKS = [
    (
        '<when item="1.2" in="no probably_no"/>',
        '<when item="9.9" in="no"/>',
        'names item "9.9", which the instrument does not have',
    ),
    (
        '<when item="1.2" in="no probably_no"/>',
        '<when item="1.2" in="nope"/>',
        'tests for "nope", which is not a possible value there',
    ),
    (
        '<when item="3.1" in="yes probably_yes no_information"/>',
        '<when judgement="overall" in="high"/>',
        'names judgement "overall", which is not declared before this one',
    ),
    (
        '<when item="3.1" in="yes probably_yes no_information"/>',
        '<when judgement="d1" in="unanswered"/>',
        'tests for "unanswered", which is not a possible value there',
    ),
    (
        '<count of="d1 d2 d3" in="high" min="1"/>',
        '<count of="d1 d2 d4" in="high" min="1"/>',
        '<count> names "d4", which is neither an earlier judgement nor an item',
    ),
    (
        '<count of="d1 d2 d3" in="high" min="1"/>',
        '<count of="d1 d2 d3" in="high" min="4"/>',
        'min="4"> is not a whole number from 1 to 3',
    ),
    (
        '<count of="d1 d2 d3" in="high" min="1"/>',
        '<count of="d1 d2 d3" in="hgh" min="1"/>',
        'tests for "hgh"',
    ),
    (
        '<rule result="high"><when item="1.2" in="no probably_no"/></rule>',
        '<rule result="severe"><when item="1.2" in="no probably_no"/></rule>',
        'result "severe" is not an option',
    ),
    (
        '<judgement id="d3" scale="rob" items="3.1">',
        '<judgement id="d2" scale="rob" items="3.1">',
        'judgement "d2" is declared twice',
    ),
    (
        '<judgement id="d3" scale="rob" items="3.1">',
        '<judgement id="3.1" scale="rob">',
        'judgement "3.1" has the id of an item',
    ),
    (
        '<judgement id="d3" scale="rob" items="3.1">',
        '<judgement id="d3" scale="rob" items="3.9">',
        'lists item "3.9"',
    ),
    (
        '<judgement id="d3" scale="rob" items="3.1">',
        '<judgement id="d3" scale="risk" items="3.1">',
        'names scale "risk"',
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), ROB_BREAKS)
def test_judgement_refusals(old: str, new: str, message: str) -> None:
    xml = read("rob.xml")
    assert old in xml
    xml = xml.replace(old, new, 1)
    errors = refusals(xml)
    found = [error for error in errors if message in error.message]
    assert found, [str(error) for error in errors]
    assert found[0].line == line_of(xml, new)


def test_rules_cannot_look_at_text_only_items() -> None:
    xml = read("checklist.xml").replace(
        "</instrument>",
        '<judgement id="j" scale="quality"><title lang="en">J</title>'
        '<rule result="low"><when item="5" in="yes"/></rule><otherwise result="high"/>'
        "</judgement></instrument>",
    )
    errors = refusals(xml)
    assert any('names text-only item "5"' in error.message for error in errors)


def test_every_problem_is_reported_in_file_order() -> None:
    xml = (
        read("checklist.xml")
        .replace('family="checklist"', 'family="list"')
        .replace('<item id="3" scale="ync">', '<item id="3" scale="ynk">')
        .replace('<overall scale="quality">', '<overall scale="qualty">')
    )
    errors = refusals(xml)
    assert len(errors) == 3
    assert [error.line for error in errors] == sorted(error.line for error in errors)
