"""Completeness checks and scoring of a learner's appraisal against the expert's."""

from dataclasses import replace
from pathlib import Path

import pytest

from xblocks.appraisal.model.exercise import Exercise, ExpertAnswer, parse_exercise
from xblocks.appraisal.model.library import InstrumentLibrary
from xblocks.appraisal.model.scoring import check_complete, score_appraisal

FIXTURES = Path(__file__).parent / "fixtures"
LIBRARY = InstrumentLibrary(FIXTURES / "instruments")


def load(name: str) -> Exercise:
    return parse_exercise(
        (FIXTURES / "exercises" / name).read_bytes(), source=name, library=LIBRARY
    )


CHECKLIST = load("checklist-study.xml")
ROB = load("rob-study.xml")


def answered(values: dict[str, str], reason: str = "Because.") -> dict[str, dict[str, str]]:
    return {item: {"answer": value, "reason": reason} for item, value in values.items()}


EXPERT = {"1": "yes", "2": "yes", "3": "cant_tell", "4a": "no", "5": "About 15 points."}
OVERALL = {"answer": "moderate", "reason": "Thin reporting."}


def test_full_agreement_earns_every_point() -> None:
    result = score_appraisal(CHECKLIST, answered(EXPERT), OVERALL)
    assert (result.earned, result.possible, result.fraction) == (5.0, 5.0, 1.0)
    assert [r.agreement for r in result.items] == ["agree"] * 4 + ["not_scored"]
    assert result.overall.agreement == "agree"
    assert result.learner_judgements == result.expert_judgements == {}


def test_near_answers_earn_part_credit() -> None:
    learner = {**EXPERT, "1": "cant_tell", "3": "yes", "4a": "yes"}
    result = score_appraisal(CHECKLIST, answered(learner), {"answer": "low", "reason": ""})
    by_item = {r.item_id: r for r in result.items}
    assert (by_item["1"].credit, by_item["1"].agreement) == (0.5, "near")
    assert (by_item["3"].credit, by_item["3"].agreement) == (0.5, "near")
    assert (by_item["4a"].credit, by_item["4a"].agreement) == (0.0, "differ")
    assert (result.overall.credit, result.overall.agreement) == (0.5, "near")
    assert result.earned == 1 + 0.5 + 0.5 + 0 + 0.5
    assert result.possible == 5.0
    assert result.fraction == pytest.approx(2.5 / 5)


def test_text_only_items_are_shown_but_not_scored() -> None:
    result = score_appraisal(CHECKLIST, answered(EXPERT), OVERALL)
    text = result.items[-1]
    assert text.item_id == "5"
    assert text.learner_value == "About 15 points."
    assert text.expert_value is None
    assert text.expert_rationale_md.startswith("The difference is 15 percentage points")
    assert (text.credit, text.agreement) == (None, "not_scored")


def test_item_results_carry_both_sides() -> None:
    result = score_appraisal(CHECKLIST, answered(EXPERT, reason="  Clear.  "), OVERALL)
    first = result.items[0]
    assert (first.item_id, first.learner_value, first.learner_reason) == ("1", "yes", "Clear.")
    assert first.expert_value == "yes"
    assert "population" in first.expert_rationale_md
    assert result.overall.item_id == "overall"
    assert result.overall.expert_value == "moderate"


def test_blank_answers_earn_nothing() -> None:
    result = score_appraisal(CHECKLIST, {}, {})
    assert result.earned == 0.0
    assert result.possible == 5.0
    assert result.fraction == 0.0
    assert {r.agreement for r in result.items[:4]} == {"differ"}


def test_rule_based_judgements_for_learner_and_expert() -> None:
    learner = {"1.1": "yes", "1.2": "no", "1.3": "no", "2.1": "yes", "2.2": "no", "3.1": "no"}
    result = score_appraisal(ROB, answered(learner), {"answer": "high", "reason": "d1"})
    assert result.expert_judgements == {
        "d1": "low",
        "d2": "some_concerns",
        "d3": "some_concerns",
        "overall": "high",
    }
    assert result.learner_judgements == {
        "d1": "high",
        "d2": "low",
        "d3": "low",
        "overall": "high",
    }
    assert result.possible == 7.0  # six signalling questions and the overall judgement
    assert result.overall.credit == 1.0


def test_judgements_treat_blank_learner_answers_as_unanswered() -> None:
    result = score_appraisal(ROB, {"1.2": {"answer": "", "reason": ""}}, {})
    assert result.learner_judgements["d1"] == "some_concerns"


def test_items_after_the_experts_screening_stop_are_not_scored() -> None:
    answers = dict(CHECKLIST.expert_answers)
    answers["1"] = ExpertAnswer("1", "no", "No clear question.")
    stopping = replace(CHECKLIST, expert_answers=answers, overall_value="low")
    result = score_appraisal(stopping, answered({"1": "no"}), {"answer": "low", "reason": "."})
    assert result.expert_stopped_at == "1"
    assert [r.agreement for r in result.items] == ["agree"] + ["not_scored"] * 4
    assert (result.earned, result.possible) == (2.0, 2.0)


def test_a_learner_who_stops_early_loses_the_later_items() -> None:
    result = score_appraisal(CHECKLIST, answered({"1": "no"}), OVERALL)
    assert result.expert_stopped_at is None
    assert result.earned == 1.0  # only the overall judgement agrees
    assert result.possible == 5.0


COMPLETE = answered(EXPERT)


def test_a_complete_appraisal_has_no_messages() -> None:
    assert check_complete(CHECKLIST, COMPLETE, OVERALL, stopped=False) == []


def test_an_empty_appraisal_lists_every_question() -> None:
    assert check_complete(CHECKLIST, {}, {}, stopped=False) == [
        "Question 1: choose an answer.",
        "Question 2: choose an answer.",
        "Question 3: choose an answer.",
        "Question 4a: choose an answer.",
        "Question 5: write your answer.",
        "Overall judgement: choose an answer.",
    ]


def test_reasons_are_required_as_the_exercise_says() -> None:
    answers = {**COMPLETE, "3": {"answer": "no", "reason": "  "}}
    overall = {"answer": "low", "reason": ""}
    assert check_complete(CHECKLIST, answers, overall, stopped=False) == [
        "Question 3: give a reason for your answer.",
        "Overall judgement: give a reason for your answer.",
    ]
    relaxed = replace(CHECKLIST, require_reasons="none")
    assert check_complete(relaxed, answers, overall, stopped=False) == []
    only_three = replace(CHECKLIST, require_reasons="3")
    assert check_complete(only_three, answers, overall, stopped=False) == [
        "Question 3: give a reason for your answer.",
    ]


def test_text_only_items_need_no_separate_reason() -> None:
    answers = {**COMPLETE, "5": {"answer": "Wide interval.", "reason": ""}}
    assert check_complete(CHECKLIST, answers, OVERALL, stopped=False) == []


def test_values_and_items_must_exist() -> None:
    answers = {**COMPLETE, "2": {"answer": "maybe", "reason": "x"}, "9": {"answer": "yes"}}
    assert check_complete(CHECKLIST, answers, OVERALL, stopped=False) == [
        "There is no question 9 in this appraisal.",
        'Question 2: "maybe" is not one of the answers.',
    ]


def test_stopping_at_a_screening_no_allows_later_blanks() -> None:
    answers = answered({"1": "no"})
    assert check_complete(CHECKLIST, answers, OVERALL, stopped=True) == []
    assert check_complete(CHECKLIST, answers, {}, stopped=True) == [
        "Overall judgement: choose an answer.",
    ]
    assert "Question 2: choose an answer." in check_complete(
        CHECKLIST, answers, OVERALL, stopped=False
    )


def test_stopping_at_the_second_screening_question_needs_the_first() -> None:
    answers = {"1": {"answer": "yes", "reason": ""}, "2": {"answer": "no", "reason": "x"}}
    assert check_complete(CHECKLIST, answers, OVERALL, stopped=True) == [
        "Question 1: give a reason for your answer.",
    ]


def test_later_answers_given_anyway_are_still_checked() -> None:
    answers = {**answered({"1": "no"}), "4a": {"answer": "perhaps", "reason": "x"}}
    assert check_complete(CHECKLIST, answers, OVERALL, stopped=True) == [
        'Question 4a: "perhaps" is not one of the answers.',
    ]


def test_stopping_without_a_screening_no_is_refused() -> None:
    messages = check_complete(CHECKLIST, answered({"1": "yes"}), OVERALL, stopped=True)
    assert messages[0] == (
        "You can stop at the screening questions only when you answer No to question 1 or 2."
    )
    assert "Question 2: choose an answer." in messages
    assert check_complete(ROB, {}, {}, stopped=True)[0] == (
        "This appraisal has no screening questions: answer every question."
    )


def test_messages_go_through_gettext_and_labels_through_lang() -> None:
    def gettext(text: str) -> str:
        return f"[{text}]"

    messages = check_complete(
        CHECKLIST, answered({"1": "yes"}), OVERALL, stopped=True, lang="cy", gettext=gettext
    )
    assert messages[0] == (
        "[You can stop at the screening questions only when you answer Na to question 1 or 2.]"
    )
    assert "[[Question 2]: choose an answer.]" in messages
