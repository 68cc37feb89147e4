"""Nothing the learner has not reached leaves the server: no choice's feedback before it is
chosen, no mapping's expected placements or feedback before the mapping is done, no ending's
outcome, debrief or bands before it is reached, and no points or targets of what is ahead.
Checked along every route through the small case study and each shipped one, on the page,
its init JSON, the mobile data and every handler response."""

from __future__ import annotations

import copy
import json
import re

import pytest

SECRET_ATTRIBUTES = re.compile(r"data-(target|points|expected)=")
SECRET_KEYS = {"target", "points", "expected", "feedback_html", "outcome_html", "bands"}
MAX_STATES = 400


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value).union(*(_keys(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys(item) for item in value))
    return set()


def _everything_at(me, json_strings) -> list[str]:
    """What a learner's browser can get at the node they are at, without moving on."""
    fragment = me.view()
    block = me.block
    node = block._current_walk(block.case_study())["node"]
    texts = [fragment.content, json.dumps(fragment.to_dict())]
    data = block.student_view_data()
    texts += json_strings(data)
    if data["current"]["kind"] != "ending":
        assert not _keys(data) & SECRET_KEYS
    for handler, body in [
        ("choose", {"node": node, "choice": "no-such-choice"}),
        ("map", {"node": node, "placements": {}}),
        ("advance", {"node": "no-such-node"}),
        ("studio_submit", {}),
    ]:
        status, answer = me.call(handler, body)
        assert status in (400, 409), (handler, answer)
        assert set(answer) == {"error"}
        texts += json_strings(answer)
    return texts


def _check(texts, probe, revealed, unreached) -> None:
    for text in texts:
        assert probe.leaks(text, revealed) == []
        assert not SECRET_ATTRIBUTES.search(text)
        for node_id in unreached:
            assert f'"{node_id}"' not in text, node_id


def _actions(node) -> list[str]:
    return [choice.id for choice in node.choices] if node.kind == "decision" else [""]


def _walk_every_route(learner, case_name, case_probe, walk_reveals, json_strings) -> int:
    """Visit every state a learner can reach (a loop is followed once), checking what the
    browser gets there and what the step into it answered; returns the endings reached."""
    case = learner(case_name, "probe").case
    probe = case_probe(case)
    assert probe.secrets
    pending: list[tuple[dict, list[str]]] = [({}, [])]
    endings, visited = 0, 0
    while pending:
        walk, responses = pending.pop()
        visited += 1
        assert visited <= MAX_STATES
        me = learner(case_name, f"state-{visited}")
        if walk:  # resume the state as the learner's stored walk
            block = me.block
            block.walk, block.attempts = copy.deepcopy(walk), 1
            block.save()
        walk = me.block._current_walk(case)
        texts = _everything_at(me, json_strings) + responses
        if walk.get("ended"):
            endings += 1
            # The check would see a leak: the ending's own text is there now.
            assert ("ending", walk["ended"]) in probe.leaks(texts[0])
            continue
        reached = {step["node"] for step in walk["steps"]} | {walk["node"]}
        _check(texts, probe, walk_reveals(walk), set(case.nodes) - reached)
        node = case.node(walk["node"])
        if node.id in {step["node"] for step in walk["steps"]}:
            continue  # a loop, already followed once
        for action in _actions(node):
            status, body = me.step(action)
            assert status == 200, body
            pending.append((me.block.walk, json_strings(body)))
            if action != _actions(node)[-1]:  # the next choice starts from the same state
                block = me.block
                block.walk = copy.deepcopy(walk)
                block.save()
    return endings


def test_the_small_case_keeps_what_is_ahead(learner, case_probe, walk_reveals, json_strings):
    assert _walk_every_route(learner, "small", case_probe, walk_reveals, json_strings) == 4


def test_shipped_case_studies_keep_what_is_ahead(
    shipped_case, learner, case_probe, walk_reveals, json_strings
):
    assert _walk_every_route(learner, shipped_case, case_probe, walk_reveals, json_strings) >= 3


def test_the_probe_sees_a_choice_feedback_once_chosen(learner, case_probe):
    me = learner()
    probe = case_probe(me.case)
    while me.node_id() != "first":
        me.step()
    status, body = me.call("choose", {"node": "first", "choice": "poor"})
    assert status == 200
    assert probe.leaks(body["node_html"]) == [("choice", "first", "poor")]


def test_the_probe_sees_a_mapping_once_mapped(learner, case_probe):
    me = learner()
    probe = case_probe(me.case)
    while me.node_id() != "map":
        me.step("good")
    status, body = me.step()
    assert status == 200
    assert ("mapping", "map") in probe.leaks(body["node_html"])


@pytest.mark.parametrize("handler", ["advance", "choose", "map", "back", "restart"])
def test_handler_errors_carry_only_a_message(handler, learner):
    me = learner()
    me.play({"first": "good", "final": "safe"})
    me.call("restart")
    me.play({"first": "good", "final": "safe"})
    status, body = me.call(handler, {} if handler in ("back", "restart") else {"node": "x"})
    assert status in (400, 409)
    assert set(body) == {"error"}
    assert "Outcome" not in body["error"] and "Feedback" not in body["error"]
