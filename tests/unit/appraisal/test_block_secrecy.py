"""Before a learner submits, nothing the browser receives holds the expert's appraisal or the
scoring rule: not the page, not its init JSON, not any handler's response."""

from __future__ import annotations

import json

import pytest

EXPERT_ONLY_WORDS = ("Expert's answer", "expert_", "rationale", "credit", "Agrees with")


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


def test_nothing_expert_leaves_the_server_before_submission(
    shipped_exercise, learner, answer_key_probe
):
    me = learner(shipped_exercise)
    exercise = me.block.exercise()
    probe = answer_key_probe(exercise)
    assert probe.snippets
    for response in _everything_before_submission(me, exercise):
        assert probe.leaks(response) == []
        for word in EXPERT_ONLY_WORDS:
            assert word not in response
    assert me.block.attempts == 0
    assert me.runtime.published == []


def test_the_check_would_see_a_leak(
    shipped_exercise, learner, make_expert_appraisal, answer_key_probe
):
    me = learner(shipped_exercise)
    exercise = me.block.exercise()
    status, body = me.call("submit", make_expert_appraisal(exercise))
    assert status == 200
    probe = answer_key_probe(exercise)
    assert probe.leaks(body["feedback_html"]) == list(probe.snippets)


@pytest.mark.parametrize("handler", ["save_draft", "submit", "retry"])
def test_handler_errors_carry_no_expert_text(handler, learner):
    me = learner("fgc-trial.xml")
    status, body = me.call(handler, {"answers": {"1": {"answer": "maybe"}}})
    assert status in (400, 409)
    assert set(body) == {"error"}
