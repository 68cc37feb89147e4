"""Before a learner submits, nothing the browser receives holds the expert's appraisal or the
scoring rule: not the page, not its init JSON, not any handler's response."""

from __future__ import annotations

import json

import lxml.html
import pytest

from xblocks.appraisal.presentation import plain_text

EXPERT_ONLY_WORDS = ("Expert's answer", "expert_", "rationale", "credit", "Agrees with")


def _normalised(text: str) -> str:
    """The text a reader sees (as `plain_text` makes it), so rendered Markdown compares."""
    return " ".join(lxml.html.fromstring(f"<div>{text}</div>").text_content().split())


def _expert_snippets(exercise) -> list[str]:
    """Pieces of every expert rationale and the overall rationale, as shown, that do not
    merely quote the study (which learners see)."""
    study = exercise.study
    study_text = " ".join(
        [
            plain_text(study.summary_md),
            study.title,
            study.citation,
            *(plain_text(exhibit.body_md) for exhibit in study.exhibits),
        ]
    )
    rationales = [answer.rationale_md for answer in exercise.expert_answers.values()]
    rationales.append(exercise.overall_rationale_md)
    snippets = []
    for rationale in rationales:
        shown = plain_text(rationale)
        if len(shown) >= 24:
            snippets += [shown[:50], shown[-50:]]
    return [snippet for snippet in snippets if snippet not in study_text]


def _everything_before_submission(me, exercise) -> list[str]:
    """The page, its init JSON and the responses of every handler a learner can call."""
    first = exercise.instrument.items[0]
    fragment = me.view()
    responses = [
        fragment.content,
        json.dumps(fragment.to_dict()),
        json.dumps(me.block.student_view_data()),
    ]
    calls = [
        ("save_draft", {"answers": {first.id: {"answer": "", "reason": "draft"}}}),
        ("save_draft", {"answers": {"no-such-item": {"answer": "yes"}}}),
        ("submit", {"answers": {first.id: {"answer": "", "reason": "incomplete"}}}),
        ("submit", {"answers": {}, "overall": {"answer": "no-such-value"}}),
        ("submit", {"answers": {}, "stopped": True}),
        ("retry", {}),
        ("studio_submit", {}),
    ]
    for handler, data in calls:
        status, body = me.call(handler, data)
        assert status != 200 or handler == "save_draft", (handler, body)
        responses.append(json.dumps(body))
    responses.append(me.html())
    return responses


def test_nothing_expert_leaves_the_server_before_submission(shipped_exercise, learner):
    me = learner(shipped_exercise)
    exercise = me.block.exercise()
    snippets = _expert_snippets(exercise)
    assert snippets
    for response in _everything_before_submission(me, exercise):
        shown = _normalised(response)
        for snippet in snippets:
            assert snippet not in shown
            assert snippet not in response
        for word in EXPERT_ONLY_WORDS:
            assert word not in response
    assert me.block.attempts == 0
    assert me.runtime.published == []


def test_the_check_would_see_a_leak(shipped_exercise, learner, make_expert_appraisal):
    me = learner(shipped_exercise)
    exercise = me.block.exercise()
    status, body = me.call("submit", make_expert_appraisal(exercise))
    assert status == 200
    shown = _normalised(body["feedback_html"])
    missing = [snippet for snippet in _expert_snippets(exercise) if snippet not in shown]
    assert missing == []


@pytest.mark.parametrize("handler", ["save_draft", "submit", "retry"])
def test_handler_errors_carry_no_expert_text(handler, learner):
    me = learner("fgc-trial.xml")
    status, body = me.call(handler, {"answers": {"1": {"answer": "maybe"}}})
    assert status in (400, 409)
    assert set(body) == {"error"}
