"""Rule-based judgements and the screening stop rule."""

from pathlib import Path

import pytest

from xblocks.appraisal.model.instrument import (
    UNANSWERED,
    Count,
    Instrument,
    Judgement,
    Rule,
    Text,
    When,
    parse_instrument,
)

FIXTURES = Path(__file__).parent / "fixtures" / "instruments"


def load(name: str) -> Instrument:
    return parse_instrument((FIXTURES / name).read_bytes(), source=name)


ROB = load("rob.xml")
WOE = load("woe.xml")
CHECKLIST = load("checklist.xml")

# The randomisation domain: 1.1 random sequence, 1.2 concealment, 1.3 baseline imbalance.
RANDOMISATION = [
    ({"1.1": "yes", "1.2": "no", "1.3": "no"}, "high"),
    ({"1.1": "yes", "1.2": "probably_no", "1.3": "no"}, "high"),
    ({"1.1": "yes", "1.2": "yes", "1.3": "no"}, "low"),
    ({"1.1": "probably_yes", "1.2": "probably_yes", "1.3": "probably_no"}, "low"),
    ({"1.1": "no", "1.2": "yes", "1.3": "no"}, "some_concerns"),
    ({"1.1": "yes", "1.2": "probably_yes", "1.3": "yes"}, "some_concerns"),
    ({"1.1": "yes", "1.2": "no_information", "1.3": "no"}, "some_concerns"),
    ({"1.1": "yes", "1.2": "no_information", "1.3": "probably_yes"}, "high"),
    ({"1.1": "yes", "1.3": "no"}, "some_concerns"),
    ({"1.1": "yes", "1.2": "", "1.3": "yes"}, "high"),
]


@pytest.mark.parametrize(("answers", "expected"), RANDOMISATION)
def test_randomisation_domain(answers: dict[str, str], expected: str) -> None:
    assert ROB.compute_judgements(answers)["d1"] == expected


def with_domains(d1: dict[str, str], d2: dict[str, str], d3: dict[str, str]) -> dict[str, str]:
    return {**d1, **d2, **d3}


LOW_D1 = {"1.1": "yes", "1.2": "yes", "1.3": "no"}
LOW_D2 = {"2.1": "yes", "2.2": "no"}
LOW_D3 = {"3.1": "no"}
SOME_D1 = {"1.1": "no", "1.2": "yes", "1.3": "no"}
HIGH_D1 = {"1.1": "yes", "1.2": "no", "1.3": "no"}
SOME_D2 = {"2.1": "no", "2.2": "no"}
SOME_D3 = {"3.1": "yes"}


@pytest.mark.parametrize(
    ("answers", "overall"),
    [
        (with_domains(LOW_D1, LOW_D2, LOW_D3), "low"),
        (with_domains(SOME_D1, LOW_D2, LOW_D3), "some_concerns"),
        (with_domains(LOW_D1, LOW_D2, SOME_D3), "some_concerns"),
        (with_domains(HIGH_D1, LOW_D2, LOW_D3), "high"),
        (with_domains(SOME_D1, SOME_D2, LOW_D3), "high"),
        (with_domains(SOME_D1, SOME_D2, SOME_D3), "high"),
    ],
)
def test_overall_is_the_worst_domain_or_high_for_several_concerns(
    answers: dict[str, str], overall: str
) -> None:
    assert ROB.compute_judgements(answers)["overall"] == overall


def test_judgements_come_in_declared_order() -> None:
    results = ROB.compute_judgements(with_domains(SOME_D1, LOW_D2, SOME_D3))
    assert list(results) == ["d1", "d2", "d3", "overall"]
    assert results == {"d1": "some_concerns", "d2": "low", "d3": "some_concerns", "overall": "high"}


@pytest.mark.parametrize(
    ("a", "b", "c", "weight"),
    [
        ("high", "high", "high", "high"),
        ("high", "high", "medium", "high"),
        ("medium", "high", "high", "high"),
        ("high", "medium", "medium", "medium"),
        ("medium", "medium", "medium", "medium"),
        ("high", "high", "low", "low"),
        ("low", "medium", "high", "low"),
        ("high", "high", "", "low"),
    ],
)
def test_count_rules_for_weight_of_evidence(a: str, b: str, c: str, weight: str) -> None:
    assert WOE.compute_judgements({"A": a, "B": b, "C": c}) == {"D": weight}


def test_blank_and_missing_answers_are_unanswered() -> None:
    when = When("item", "1", frozenset({UNANSWERED}))
    assert when.holds({}, {})
    assert when.holds({"1": UNANSWERED}, {})
    count = Count(("1", "2"), frozenset({UNANSWERED}), 2)
    assert WOE.compute_judgements({}) == {"D": "low"}
    assert count.holds({}, {})
    assert not count.holds({"1": "yes"}, {})


def test_first_matching_rule_wins_and_conditions_all_hold() -> None:
    both = Rule("a", (When("item", "x", frozenset({"yes"})), When("item", "y", frozenset({"no"}))))
    either = Rule("b", (When("item", "x", frozenset({"yes"})),))
    judgement = Judgement("j", Text.of("J"), "s", (), (both, either), "c")
    assert judgement.evaluate({"x": "yes", "y": "no"}, {}) == "a"
    assert judgement.evaluate({"x": "yes", "y": "yes"}, {}) == "b"
    assert judgement.evaluate({"x": "no", "y": "no"}, {}) == "c"


def test_judgement_conditions_read_earlier_judgements() -> None:
    when = When("judgement", "d1", frozenset({"high"}))
    assert when.holds({}, {"d1": "high"})
    assert not when.holds({"d1": "high"}, {})


def test_instruments_without_judgements_compute_none() -> None:
    assert CHECKLIST.compute_judgements({"1": "yes"}) == {}


@pytest.mark.parametrize(
    ("answers", "stopped_at"),
    [
        ({"1": "no"}, "1"),
        ({"1": "no", "2": "no"}, "1"),
        ({"1": "yes", "2": "no"}, "2"),
        ({"1": "yes", "2": "cant_tell", "3": "no"}, None),
        ({"1": "cant_tell"}, None),
        ({}, None),
    ],
)
def test_screening_stop(answers: dict[str, str], stopped_at: str | None) -> None:
    assert CHECKLIST.stopped_at(answers) == stopped_at
    assert CHECKLIST.screening_stop(answers) is (stopped_at is not None)


def test_no_stop_rule_never_stops() -> None:
    assert not ROB.screening_stop({"1.1": "no"})
    assert [item.id for item in CHECKLIST.items_after("2")] == ["3", "4a", "5"]
