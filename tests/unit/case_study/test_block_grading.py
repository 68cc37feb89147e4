"""What reaching an ending does: completion, the grade (best or last attempt, times the
weight), attempts and restart, the events, the anonymous tallies and the report rows."""

from __future__ import annotations

import json
from collections import namedtuple

import lxml.html
import pytest

BEST = {"first": "good", "final": "safe"}
WORST = {"first": "poor", "final": "risky"}
MIDDLE = {"first": "poor", "final": "safe"}  # 2 of 7 points
UserState = namedtuple("UserState", "username state")


def _text(html: str) -> str:
    return " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())


def _variant(xml: str, **attributes: str) -> str:
    for name, value in attributes.items():
        old = f'{name}="'
        start = xml.index(old)
        end = xml.index('"', start + len(old))
        xml = xml[:start] + f'{name}="{value}"' + xml[end + 1 :]
    return xml


# --- completion and grade ----------------------------------------------------------------


def test_reaching_an_ending_completes_and_grades(learner):
    me = learner()
    me.play(BEST)
    assert me.runtime.events("completion") == [{"completion": 1.0}]
    assert me.runtime.events("grade") == [{"value": 2.0, "max_value": 2.0}]
    block = me.block
    assert block.max_score() == 2.0
    assert block.best_fraction == block.last_fraction == 1.0
    [done] = block.completed
    assert done["ending"] == "end-safe"
    assert done["points"] == done["max_points"] == 7
    assert done["path"][0] == "intro" and done["path"][-1] == "end-safe"
    assert done["attempt"] == 1 and done["completed_at"]


def test_nothing_is_graded_before_an_ending(learner):
    me = learner()
    for _ in range(4):
        me.step("good")
    assert me.runtime.events("grade") == [] and me.runtime.events("completion") == []


def test_grade_is_the_best_attempt_when_authored_so(learner):
    me = learner()
    me.play(MIDDLE)
    assert me.runtime.events("grade")[-1] == {"value": pytest.approx(2 * 2 / 7), "max_value": 2.0}
    assert me.call("restart")[0] == 200
    me.play(BEST)
    assert me.runtime.events("grade")[-1] == {"value": 2.0, "max_value": 2.0}
    assert "Your best attempt counts: 100%." in _text(me.html())


def test_grade_is_the_last_attempt_when_authored_so(learner, small_case_xml):
    me = learner(_variant(small_case_xml, grading="last"))
    me.play(BEST)
    assert me.call("restart")[0] == 200
    me.play(MIDDLE)
    assert me.runtime.events("grade")[-1] == {"value": pytest.approx(2 * 2 / 7), "max_value": 2.0}
    assert me.block.best_fraction == 1.0
    assert me.block.last_fraction == pytest.approx(2 / 7)
    assert "Your last attempt counts: 29%." in _text(me.html())


def test_going_back_takes_the_points_away(learner):
    me = learner()
    while me.node_id() != "final":
        me.step(BEST.get(me.node_id(), ""))
    me.call("back")  # undo the reflection step: nothing to lose
    me.call("back")  # undo the mapping: 3 points
    assert me.block.walk["points"] == 2
    me.play(BEST, s1="working_well")
    assert me.block.completed[-1]["points"] == 6


# --- attempts ----------------------------------------------------------------------------


def test_attempts_are_enforced_on_the_server(learner):
    me = learner()  # max_attempts="2"
    me.play(WORST)
    status, body = me.call("restart")
    assert status == 200
    assert body["attempts_left"] == 0
    assert "Step 1: Case notes" in _text(body["node_html"])
    assert me.block.attempts == 2
    me.play(BEST)
    assert "Start again" not in me.html()
    status, body = me.call("restart")
    assert status == 409 and body["error"] == "You have used all your attempts."
    assert me.block.walk["node"] == "end-safe"
    assert len(me.block.completed) == 2


def test_restarting_part_way_uses_an_attempt(learner):
    me = learner()
    me.step()
    me.step()
    assert me.call("restart")[0] == 200
    assert me.block.attempts == 2 and me.node_id() == "intro"
    assert me.block.completed == []
    assert "Attempt 2 of 2" in _text(me.html())


def test_unlimited_attempts(learner, small_case_xml):
    me = learner(_variant(small_case_xml, max_attempts="0"))
    for _ in range(4):
        me.play(WORST)
        status, body = me.call("restart")
        assert status == 200 and body["attempts_left"] is None
    assert "no limit" in _text(me.html())


# --- events ------------------------------------------------------------------------------


def test_every_step_publishes_an_event(learner):
    me = learner()
    me.step()
    me.step()
    me.step("good")
    steps = me.runtime.events("edx.eip.case_study.step")
    assert [event["node"] for event in steps] == ["intro", "ev-a", "first"]
    choice = steps[-1]
    assert choice["kind"] == "decision" and choice["choice"] == "good"
    assert choice["points"] == 2 and choice["total_points"] == 2
    assert choice["to"] == "map"
    assert choice["path"] == ["intro", "ev-a", "first", "map"]
    assert choice["attempt"] == 1
    assert choice["competencies"] == [
        {"id": "apply.decisions", "level": 2},
        {"id": "integrate.sources", "level": None},
    ]
    assert "course_version" in choice and choice["usage_id"]
    assert steps[0]["choice"] is None


def test_a_mapping_publishes_its_placements(learner):
    me = learner()
    while me.node_id() != "map":
        me.step("good")
    me.step(s2="worried", scale=3)
    [mapped] = me.runtime.events("edx.eip.case_study.mapped")
    assert mapped["node"] == "map"
    assert mapped["placements"] == {"s1": "worried", "s2": "worried", "s3": "next_steps"}
    assert mapped["correct"] == 2 and mapped["statements"] == 3
    assert mapped["scale"] == 3 and mapped["points"] == 2
    assert mapped["course_version"] == "" and mapped["usage_id"]
    assert me.runtime.events("edx.eip.case_study.step")[-1]["kind"] == "mapping"


def test_completion_event_carries_path_points_and_competencies(learner):
    me = learner()
    me.play(BEST)
    [done] = me.runtime.events("edx.eip.case_study.completed")
    assert done["ending"] == "end-safe"
    assert done["path"] == ["intro", "ev-a", "first", "map", "reflect", "final", "end-safe"]
    assert done["choices"] == [
        {"node": "first", "choice": "good"},
        {"node": "final", "choice": "safe"},
    ]
    assert (done["points"], done["max_points"], done["fraction"]) == (7, 7, 1.0)
    assert done["attempt"] == 1 and done["max_attempts"] == 2
    assert done["grading"] == "best"
    assert done["grade"] == {"value": 2.0, "max_value": 2.0}
    assert {"id": "apply.decisions", "level": 2} in done["competencies"]
    assert "course_version" in done and done["usage_id"]


def test_free_text_stays_out_of_the_events(learner):
    me = learner()
    while me.node_id() != "reflect":
        me.step("good")
    me.call("advance", {"node": "reflect", "text": "PRIVATE-REFLECTION"})
    me.play(BEST)
    text = json.dumps(me.runtime.published)
    assert "PRIVATE-REFLECTION" not in text
    assert "Because of what she said." not in text  # the safety scale's reason


def test_course_version_setting_reaches_the_events(learner, small_case_xml):
    me = learner(
        small_case_xml.replace("<eip_case_study ", '<eip_case_study course_version="1.1" ')
    )
    me.step()
    assert me.runtime.events("edx.eip.case_study.step")[0]["course_version"] == "1.1"


# --- tallies -----------------------------------------------------------------------------


def test_tallies_count_each_learners_first_finished_walk(learner):
    ann = learner(user_id="ann")
    ann.play(BEST)
    ann.call("restart")
    ann.play(WORST)
    tallies = ann.block.tallies
    assert tallies["first"] == {"good": 1}
    assert tallies["final"] == {"safe": 1}
    assert tallies["s1"] == {"worried": 1}
    bob = learner(user_id="bob")
    last = bob.play(MIDDLE)[-1]
    assert bob.block.tallies["first"] == {"good": 1, "poor": 1}
    assert bob.block.tallies["final"] == {"safe": 2}
    text = _text(last["node_html"])
    assert "How 2 learners chose here" in text
    assert "Visit Ana and her partner together at home: 1 (your choice)" in text


# --- the report --------------------------------------------------------------------------


def _states(*learners) -> list[UserState]:
    names = ("walk", "attempts", "completed", "best_fraction", "last_fraction")
    states = []
    for who in learners:
        block = who.block
        states.append(UserState(who.user_id, {name: getattr(block, name) for name in names}))
    return states


def test_report_has_a_row_per_learner_who_started(learner):
    ann, bob, cat = learner(user_id="ann"), learner(user_id="bob"), learner(user_id="cat")
    ann.play(BEST, s2="next_steps")
    bob.step()
    bob.step()
    rows = list(ann.block.generate_report_data(iter(_states(ann, bob, cat))))
    assert [username for username, _ in rows] == ["ann", "bob"]
    row = rows[0][1]
    assert row["status"] == "completed"
    assert row["ending"] == "end-safe"
    assert row["path"] == "intro > ev-a > first (good) > map > reflect > final (safe) > end-safe"
    assert (row["points"], row["max points"], row["score"]) == (6, 7, round(6 / 7, 4))
    assert (row["map s1"], row["map s2"], row["map s3"]) == ("worried", "next_steps", "next_steps")
    assert row["map scale"] == 5
    assert row["reflect reflection"] == "My reflection."  # the reflection is shareable
    assert row["attempts"] == 1 and row["completed at"]
    assert "Because of what she said." not in json.dumps(row)
    progress = rows[1][1]
    assert progress["status"] == "in progress" and progress["ending"] == ""
    assert progress["path"] == "intro > ev-a > first"
    assert progress["map s1"] == ""
    limited = list(ann.block.generate_report_data(iter(_states(ann, bob)), limit_responses=1))
    assert len(limited) == 1


def test_report_leaves_out_private_reflections(learner, small_case_xml):
    me = learner(small_case_xml.replace('shareable="true"', 'shareable="false"'))
    me.play(BEST)
    [(_, row)] = me.block.generate_report_data(iter(_states(me)))
    assert "reflect reflection" not in row
    assert "My reflection." not in json.dumps(row)
