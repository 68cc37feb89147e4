"""The learner's path through the block: the page, drafts, submission, score, attempts,
tallies and the rows of the instructors' report."""

from __future__ import annotations

import importlib.resources
import re
from collections import namedtuple

import lxml.html
import pytest

FGC = "fgc-trial.xml"
ROB = "fgc-trial-risk-of-bias.xml"
UserState = namedtuple("UserState", "username state")


def _page(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<div>{html}</div>")


# --- the page ----------------------------------------------------------------------------


def test_page_shows_the_study_beside_the_instrument(learner):
    me = learner(FGC)
    exercise = me.block.exercise()
    page = _page(me.html())
    assert exercise.study.title in page.text_content()
    label = page.xpath(".//*[@class='eip-appraisal__fictional']")[0]
    assert label.text_content() == exercise.study.label
    fieldsets = page.xpath(".//fieldset")
    assert len(fieldsets) == len(exercise.instrument.items) + 1
    for fieldset in fieldsets:
        assert fieldset.xpath(".//legend")[0].text_content().strip()


def test_every_control_has_a_label(learner):
    page = _page(learner(FGC).html())
    labelled = {label.get("for") for label in page.xpath(".//label")}
    controls = page.xpath(".//input | .//textarea")
    assert controls
    for control in controls:
        assert control.get("id") in labelled or control.xpath("ancestor::label")


def test_radio_groups_follow_the_items_scales(learner):
    me = learner(FGC)
    instrument = me.block.exercise().instrument
    page = _page(me.html())
    for item in instrument.items:
        fieldset = page.xpath(f'.//fieldset[@data-item="{item.id}"]')[0]
        values = [radio.get("value") for radio in fieldset.xpath(".//input[@type='radio']")]
        assert values == ([] if item.text_only else list(instrument.item_scale(item.id).values))
        assert len(fieldset.xpath(".//textarea")) == 1


def test_hints_are_toggles_collapsed_at_first(learner):
    page = _page(learner(FGC).html())
    toggles = page.xpath(".//button[@data-action='hint']")
    assert toggles
    for toggle in toggles:
        assert toggle.get("aria-expanded") == "false"
        assert page.get_element_by_id(toggle.get("aria-controls")).get("hidden") is not None


def test_page_has_live_regions_and_the_attempt_count(learner):
    page = _page(learner(FGC).html())
    assert page.xpath(".//*[@role='status'][@data-role='status']")
    assert page.xpath(".//*[@role='status'][@data-role='save-status']")
    assert "Attempts used: 0 of 3" in page.text_content()


def test_screening_stop_rule_message_is_on_the_page(learner):
    me = learner(FGC)
    rule = me.block.exercise().instrument.stop_rule
    page = _page(me.html())
    form = page.xpath(".//form")[0]
    assert form.get("data-stop-items") == " ".join(rule.item_ids)
    assert page.xpath(".//*[@data-role='stop-notice']")[0].get("data-message") == rule.message.get()


def test_script_strings_come_from_the_server(learner):
    fragment = learner(FGC).view()
    assert fragment.js_init_fn == "EIPAppraisalBlock"
    strings = fragment.json_init_args["strings"]
    assert strings["saved"] and strings["showHint"] and strings["hideHint"]


# --- drafts ------------------------------------------------------------------------------


def test_draft_is_saved_and_prefilled(learner):
    me = learner(FGC)
    draft = {
        "answers": {
            "1": {"answer": "yes", "reason": "Clear <question> & aim"},
            "8": {"answer": "Quite precise.", "reason": ""},
        },
        "overall": {"answer": "low", "reason": ""},
        "stopped": False,
    }
    status, body = me.call("save_draft", draft)
    assert status == 200 and body["saved_at"]
    assert me.block.draft["answers"]["1"] == {"answer": "yes", "reason": "Clear <question> & aim"}
    page = _page(me.html())
    item = page.xpath(".//fieldset[@data-item='1']")[0]
    assert item.xpath(".//input[@checked]")[0].get("value") == "yes"
    assert item.xpath(".//textarea")[0].text_content() == "Clear <question> & aim"
    written = page.xpath(".//fieldset[@data-item='8']//textarea")[0]
    assert written.text_content() == "Quite precise."
    overall = page.xpath(".//fieldset[@data-overall]//input[@checked]")[0]
    assert overall.get("value") == "low"


@pytest.mark.parametrize(
    "draft",
    [
        {"answers": {"99": {"answer": "yes"}}},
        {"answers": {"1": {"answer": "perhaps"}}},
        {"answers": {}, "overall": {"answer": "excellent"}},
        {"answers": {"1": {"answer": "yes", "reason": "x" * 5001}}},
        {"answers": {"1": {"answer": "yes", "colour": "red"}}},
        {"answers": []},
        {},
    ],
)
def test_bad_drafts_are_refused_and_nothing_is_stored(learner, draft):
    me = learner(FGC)
    status, body = me.call("save_draft", draft)
    assert status == 400 and body["error"]
    assert me.block.draft == {}


def test_handlers_refuse_get(learner):
    status, _ = learner(FGC).call("save_draft", {"answers": {}}, method="GET")
    assert status == 405


# --- submission --------------------------------------------------------------------------


def test_incomplete_submission_lists_every_problem(learner):
    me = learner(FGC)
    status, body = me.call("submit", {"answers": {"1": {"answer": "yes", "reason": "Clear."}}})
    assert status == 400
    problems = body["error"].split("\n")
    assert len(problems) >= len(me.block.exercise().instrument.items)
    assert me.block.attempts == 0 and not me.block.submission
    assert me.runtime.published == []


def test_missing_required_reason_is_a_problem(learner, make_expert_appraisal):
    me = learner(FGC)
    appraisal = make_expert_appraisal(me.block.exercise())
    appraisal["answers"]["3"]["reason"] = ""
    status, body = me.call("submit", appraisal)
    assert status == 400 and "3" in body["error"]


def test_submission_scores_and_publishes(learner, make_expert_appraisal):
    me = learner(FGC)
    exercise = me.block.exercise()
    status, body = me.call("submit", make_expert_appraisal(exercise))
    assert status == 200
    assert body["attempts_left"] == 2
    assert "100%" in body["status"]
    assert "Agrees with the expert" in body["feedback_html"]
    assert me.runtime.events("grade") == [{"value": 1.0, "max_value": 1.0}]
    assert me.runtime.events("completion") == [{"completion": 1.0}]
    [event] = me.runtime.events("edx.eip.appraisal.submitted")
    assert event["instrument_id"] == "rct" and event["instrument_version"] == "1"
    assert event["attempt"] == 1
    assert {"id": "appraise.validity", "level": 2} in event["competencies"]
    assert event["answers"]["1"] == {"answer": exercise.expert_answers["1"].value, "credit": 1.0}
    assert event["answers"]["8"] == {"answer": None, "credit": None}
    assert event["score"]["earned"] == event["score"]["possible"] > 0
    assert "course_version" in event and event["usage_id"]
    block = me.block
    assert block.attempts == 1
    assert block.submission["earned"] == block.submission["possible"]
    assert block.submission["submitted_at"]


def test_reasons_and_written_answers_stay_out_of_the_event(learner, make_expert_appraisal):
    me = learner(FGC)
    me.call("submit", make_expert_appraisal(me.block.exercise(), reason="PRIVATE-REASON"))
    text = repr(me.runtime.published)
    assert "PRIVATE-REASON" not in text and "My written answer." not in text


def test_feedback_is_shown_on_reload(learner, make_expert_appraisal):
    me = learner(FGC)
    me.call("submit", make_expert_appraisal(me.block.exercise()))
    page = _page(me.html())
    assert page.xpath(".//*[@data-role='feedback']")
    assert not page.xpath(".//form[@data-role='form']")
    assert page.xpath(".//button[@data-action='retry']")


def _variant(name: str, **attributes: str) -> str:
    """The shipped exercise `name` with some root attributes changed."""
    text = (importlib.resources.files("xblocks.appraisal.exercises") / name).read_text("utf-8")
    for attribute, value in attributes.items():
        text, count = re.subn(rf'{attribute}="[^"]*"', f'{attribute}="{value}"', text, count=1)
        assert count == 1
    return text


def test_grade_is_the_best_attempt_times_the_weight(
    learner, make_expert_appraisal, make_differing_appraisal
):
    me = learner(_variant(FGC, weight="2"))
    exercise = me.block.exercise()
    assert me.block.max_score() == 2.0
    me.call("submit", make_differing_appraisal(exercise))
    low = me.runtime.events("grade")[-1]
    assert low["max_value"] == 2.0
    assert low["value"] == pytest.approx(
        2.0 * me.block.submission["earned"] / me.block.submission["possible"]
    )
    assert low["value"] < 1.0
    assert me.call("retry")[0] == 200
    me.call("submit", make_expert_appraisal(exercise))
    assert me.runtime.events("grade")[-1] == {"value": 2.0, "max_value": 2.0}
    assert me.call("retry")[0] == 200
    me.call("submit", make_differing_appraisal(exercise))
    assert me.runtime.events("grade")[-1] == {"value": 2.0, "max_value": 2.0}
    assert me.block.submission["earned"] < me.block.submission["possible"]


def test_near_answers_earn_partial_credit(learner, make_expert_appraisal):
    me = learner(FGC)
    exercise = me.block.exercise()
    appraisal = make_expert_appraisal(exercise)
    appraisal["answers"]["1"]["answer"] = "cant_tell"  # expert: yes; near by the scale
    status, body = me.call("submit", appraisal)
    assert status == 200
    possible = me.block.submission["possible"]
    assert me.block.submission["earned"] == possible - 0.5
    assert "Close to the expert" in body["feedback_html"]


def test_attempts_are_enforced_on_the_server(learner, make_expert_appraisal):
    me = learner(FGC)
    appraisal = make_expert_appraisal(me.block.exercise())
    assert me.call("submit", appraisal)[0] == 200
    assert me.call("submit", appraisal)[0] == 409  # feedback showing: retry first
    for _ in range(2):
        assert me.call("retry")[0] == 200
        assert me.call("submit", appraisal)[0] == 200
    assert me.block.attempts == 3
    status, body = me.call("retry")
    assert status == 409 and body["error"]
    assert me.call("submit", appraisal)[0] == 409
    assert me.block.attempts == 3
    assert "Try again" not in me.html()


def test_retry_is_refused_before_any_submission(learner):
    assert learner(FGC).call("retry")[0] == 409


def test_retry_starts_from_the_last_answers(learner, make_expert_appraisal):
    me = learner(FGC)
    appraisal = make_expert_appraisal(me.block.exercise(), reason="LAST-REASON")
    me.call("submit", appraisal)
    status, body = me.call("retry")
    assert status == 200 and body["attempts_left"] == 2
    form = _page(body["form_html"])
    assert "LAST-REASON" in form.text_content()
    assert form.xpath(".//fieldset[@data-item='1']//input[@checked]")
    assert _page(me.html()).xpath(".//form[@data-role='form']")
    assert me.block.submission  # the last submission stays for reports until replaced


def test_unlimited_attempts(learner, make_expert_appraisal):
    me = learner(_variant(FGC, max_attempts="0"))
    appraisal = make_expert_appraisal(me.block.exercise())
    for _ in range(5):
        status, body = me.call("submit", appraisal)
        assert status == 200 and body["attempts_left"] is None
        assert me.call("retry")[0] == 200
    assert "no limit" in me.html()


# --- screening and rule-based instruments ------------------------------------------------


def test_stopping_at_a_screening_no(learner):
    me = learner(FGC)
    stop = {
        "answers": {"1": {"answer": "no", "reason": "No clear question."}},
        "overall": {"answer": "low", "reason": "Not worth going on."},
        "stopped": True,
    }
    status, body = me.call("submit", stop)
    assert status == 200, body
    assert me.block.submission["stopped"] is True
    assert "stopped at the screening questions" in body["feedback_html"]


def test_stopping_without_a_screening_no_is_refused(learner):
    me = learner(FGC)
    stop = {
        "answers": {"1": {"answer": "yes", "reason": "Clear."}},
        "overall": {"answer": "low", "reason": "."},
        "stopped": True,
    }
    assert me.call("submit", stop)[0] == 400


def test_rule_based_feedback_shows_the_computed_judgements(learner, make_expert_appraisal):
    me = learner(ROB)
    exercise = me.block.exercise()
    status, body = me.call("submit", make_expert_appraisal(exercise))
    assert status == 200
    table = _page(body["feedback_html"]).xpath(".//table")[0]
    titles = [cell.text_content() for cell in table.xpath(".//tbody//th")]
    assert titles == [judgement.title.get() for judgement in exercise.instrument.judgements]


# --- tallies -----------------------------------------------------------------------------


def test_tallies_count_each_learners_first_submission_only(
    learner, make_expert_appraisal, make_differing_appraisal
):
    first = learner(FGC, "ann")
    exercise = first.block.exercise()
    expert_value = exercise.expert_answers["1"].value
    first.call("submit", make_expert_appraisal(exercise))
    first.call("retry")
    first.call("submit", make_differing_appraisal(exercise))
    assert first.block.tallies["1"] == {expert_value: 1}
    assert sum(first.block.tallies["overall"].values()) == 1
    second = learner(FGC, "bob")
    status, body = second.call("submit", make_expert_appraisal(exercise))
    assert status == 200
    assert second.block.tallies["1"] == {expert_value: 2}
    assert "overall" in second.block.tallies
    assert "8" not in second.block.tallies  # written answers are never counted
    assert "How 2 learners answered" in body["feedback_html"]


# --- report ------------------------------------------------------------------------------


def test_report_has_one_row_per_learner_who_submitted(learner, make_expert_appraisal):
    ann, bob, cat = learner(FGC, "ann"), learner(FGC, "bob"), learner(FGC, "cat")
    exercise = ann.block.exercise()
    ann.call("submit", make_expert_appraisal(exercise, reason="Ann's reason"))
    bob.call("submit", make_expert_appraisal(exercise))
    cat.call("save_draft", {"answers": {"1": {"answer": "yes", "reason": "draft"}}})
    states = [
        UserState(
            who.user_id,
            {
                "submission": who.block.submission,
                "attempts": who.block.attempts,
                "draft": who.block.draft,
            },
        )
        for who in (ann, bob, cat)
    ]
    rows = list(ann.block.generate_report_data(iter(states)))
    assert [username for username, _ in rows] == ["ann", "bob"]
    row = rows[0][1]
    first = exercise.instrument.items[0].id
    assert row[f"{first} answer"] == exercise.expert_answers[first].value
    assert row[f"{first} reason"] == "Ann's reason"
    assert row["8 answer"] == "My written answer."
    assert row["overall answer"] == exercise.overall_value
    assert row["score"] == row["possible"] > 0
    assert row["attempts"] == 1
    assert len(list(ann.block.generate_report_data(iter(states), limit_responses=1))) == 1
