"""The per-learner, per-block fold: any order and any repeats give the same state."""

from __future__ import annotations

import itertools
import random

from eip.report.events import completion_value
from eip.report.progress import SEEN_CAP, BlockProgress

EVENTS = [
    ("grade", 100.0, 0.4),
    ("complete", 100.0, 1.0),
    ("grade", 200.0, 0.9),
    ("grade", 300.0, 0.9),  # the best grade published again on a later attempt
    ("attempt", 300.0, 3),
    ("complete", 50.0, 0.5),
]


def fold(events) -> BlockProgress:
    state = BlockProgress()
    for kind, when, value in events:
        state.touch(when)
        if kind == "grade":
            state.graded(when, value)
        elif kind == "complete":
            state.complete(when, value)
        else:
            state.attempted(value)
    return state


def snapshot(state: BlockProgress) -> tuple:
    return (
        state.first_seen, state.last_seen, state.completion, state.completed_at, state.grade,
        state.grade_time, state.grade_since, state.attempts,
    )  # fmt: skip


def test_every_order_gives_the_same_state() -> None:
    expected = snapshot(fold(EVENTS))
    assert expected == (50.0, 300.0, 1.0, 100.0, 0.9, 300.0, 200.0, 3)
    for order in itertools.permutations(EVENTS):
        assert snapshot(fold(order)) == expected


def test_repeats_change_nothing() -> None:
    doubled = EVENTS * 3
    random.Random(3).shuffle(doubled)
    assert snapshot(fold(doubled)) == snapshot(fold(EVENTS))


def test_merging_two_partial_states_equals_folding_all() -> None:
    left, right = fold(EVENTS[:3]), fold(EVENTS[3:])
    left.merge(right)
    assert snapshot(left) == snapshot(fold(EVENTS))


def test_the_repeat_memory_is_capped() -> None:
    state = BlockProgress()
    assert not any(state.is_repeat(key) for key in range(SEEN_CAP * 2))
    assert len(state.seen) == SEEN_CAP
    assert state.is_repeat(1) and not state.is_repeat(SEEN_CAP + 1)


def test_which_of_our_events_complete_a_block() -> None:
    assert completion_value("edx.eip.appraisal.submitted", {}) == 1.0
    assert completion_value("edx.eip.case_study.completed", {}) == 1.0
    assert completion_value("edx.eip.case_study.step", {}) is None
    assert completion_value("edx.eip.competency.rated", {"phase": "after"}) == 1.0
    assert completion_value("edx.eip.competency.rated", {"phase": "before"}) is None
    assert completion_value("edx.eip.anything.done", {"completion": 0.5}) == 0.5
    assert completion_value("completion", {"completion": 1}) == 1.0
