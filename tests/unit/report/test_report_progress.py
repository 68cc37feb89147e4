"""The per-learner, per-block fold: any order and any repeats give the same state."""

from __future__ import annotations

import itertools
import random

from eip.report.events import completion_value
from eip.report.progress import KEY_SIZE, SEEN_CAP, BlockProgress, event_key

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
    keys = [event_key(f"line {n}".encode()) for n in range(SEEN_CAP * 2)]
    assert not any(state.is_repeat(key) for key in keys)
    assert len(state.seen) == SEEN_CAP * KEY_SIZE  # 8 bytes a key, in one bytes object
    assert state.is_repeat(keys[1]) and not state.is_repeat(keys[SEEN_CAP + 1])


def test_a_key_is_only_found_at_its_own_place() -> None:
    state = BlockProgress()
    assert not state.is_repeat(bytes(range(8)))
    assert not state.is_repeat(bytes(range(8, 16)))
    assert not state.is_repeat(bytes(range(4, 12)))  # straddles the two: a new key
    assert state.is_repeat(bytes(range(4, 12)))


def test_which_of_our_events_complete_a_block() -> None:
    assert completion_value("edx.eip.appraisal.submitted", {}) == 1.0
    assert completion_value("edx.eip.case_study.completed", {}) == 1.0
    assert completion_value("edx.eip.case_study.step", {}) is None
    assert completion_value("edx.eip.competency.rated", {"phase": "after"}) == 1.0
    assert completion_value("edx.eip.competency.rated", {"phase": "before"}) is None
    assert completion_value("edx.eip.anything.done", {"completion": 0.5}) == 0.5
    assert completion_value("completion", {"completion": 1}) == 1.0


def test_the_grade_and_since_when_match_their_definition_in_any_order() -> None:
    """The latest grade (by time, then the higher on a tie) and the first time the learner
    had it, for random grade events folded in any order, repeated, and merged in parts."""
    rng = random.Random(11)
    for _ in range(300):
        events = [
            (float(rng.randrange(10)), rng.choice([0.0, 0.25, 0.5, 1.0]))
            for _ in range(rng.randrange(1, 8))
        ]
        latest_time, latest = max(events)
        since = min(when for when, share in events if share == latest)
        expected = (latest, latest_time, since)
        for order in (events, list(reversed(events)), rng.sample(events * 2, len(events) * 2)):
            state = BlockProgress()
            for when, share in order:
                state.graded(when, share)
            assert (state.grade, state.grade_time, state.grade_since) == expected
        cut = rng.randrange(len(events) + 1)
        left, right = BlockProgress(), BlockProgress()
        for when, share in events[:cut]:
            left.graded(when, share)
        for when, share in events[cut:]:
            right.graded(when, share)
        left.merge(right)
        assert (left.grade, left.grade_time, left.grade_since) == expected
