"""The per-learner, per-block fold: any order and any repeats give the same state; the store
it is kept in, and the table that tells repeats apart."""

from __future__ import annotations

import itertools
import math
import pickle
import random

import pytest

from eip.report.events import completion_value
from eip.report.progress import BlockProgress, ProgressStore
from eip.report.reading import event_key
from eip.report.repeats import Repeats

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


def test_repeats_are_told_apart_by_their_key() -> None:
    repeats = Repeats()
    keys = [event_key(f"line {n}".encode()) for n in range(5000)]
    assert not any(repeats.seen(key) for key in keys)
    assert all(repeats.seen(key) for key in keys)
    assert not repeats.seen(event_key(b"line 5000"))


def test_keys_that_share_a_slot_or_a_fingerprint_are_different_events() -> None:
    repeats = Repeats(slots=16)
    slot, fingerprint = 5 << 8, 7 << 32
    # one slot, three fingerprints: they take the next slots along
    assert not any(repeats.seen(slot | n << 32) for n in (1, 2, 3))
    assert all(repeats.seen(slot | n << 32) for n in (1, 2, 3))
    # one fingerprint in another slot: another event
    assert not repeats.seen(6 << 8 | fingerprint) and not repeats.seen(9 << 8 | fingerprint)
    # negative keys (hashes are signed) and a zero fingerprint work too
    assert not repeats.seen(-12345) and repeats.seen(-12345)
    assert not repeats.seen(3 << 8) and repeats.seen(3 << 8)


def test_a_full_table_counts_what_it_cannot_remember_as_new() -> None:
    repeats = Repeats(slots=16)
    keys = [n << 8 | n << 32 for n in range(1, 17)]
    assert not any(repeats.seen(key) for key in keys)
    # three quarters (12) are remembered; the table never fills, so every search ends
    assert [repeats.seen(key) for key in keys] == [True] * 12 + [False] * 4
    with pytest.raises(ValueError, match="power of two"):
        Repeats(slots=12)


def test_the_store_gives_back_what_it_was_given() -> None:
    store = ProgressStore()
    states = [fold(EVENTS), BlockProgress(), fold(EVENTS[3:])]
    odd = fold(EVENTS)
    odd.graded(400.0, float("nan"))  # a grade that equals nothing: the others are kept aside
    odd.attempted(1 << 70)  # too large for a record
    odd.tagged(10.0, (("appraise.validity", 2),))
    odd.complete(20.0, -0.0)
    states.append(odd)
    tagged = BlockProgress()
    tagged.tagged(5.0, (("appraise.validity", 2),))  # the same tags: one copy in the table
    states.append(tagged)
    rows = [store.add(state) for state in states]
    assert rows == [1, 2, 3, 4, 5]
    for row, state in zip(rows, states, strict=True):
        assert full(store.load(row)) == full(state)
    assert len(store.tags) == 2
    again = store.load(4)
    assert math.isnan(again.grade) and again.attempts == 1 << 70 and again.grade_others
    assert store.load(5).competencies is store.load(4).competencies
    # as another process hands it over
    again = ProgressStore.from_contents(pickle.loads(pickle.dumps(store.contents())))
    assert [full(again.load(row)) for row in rows] == [full(state) for state in states]
    assert again.add(BlockProgress()) == 6


def test_other_grades_are_kept_in_place_as_they_change() -> None:
    store = ProgressStore()
    state = BlockProgress()
    row = store.add(state)
    expected = BlockProgress()
    for when, share in [(1.0, 0.2), (2.0, 0.4), (3.0, 0.2), (0.5, 0.6), (4.0, 0.6), (5.0, 0.9)]:
        state = store.load(row)
        state.graded(when, share)
        store.save(row, state)
        expected.graded(when, share)
        assert full(store.load(row)) == full(expected)
    assert expected.grade_others  # three other grades: 0.2, 0.4 and 0.6
    # one block of them, grown twice (each time a grade was new) and otherwise rewritten
    assert len(store.others) == 1 + (1 + 2) + (1 + 4) + (1 + 6)


def full(state: BlockProgress) -> str:
    """Everything a state holds (repr, so that NaN is equal to itself)."""
    return repr([getattr(state, name) for name in BlockProgress.__slots__])


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
