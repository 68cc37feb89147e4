"""What one learner has done in one block, folded from events in any order, and a compact
store of it for every learner-block pair with activity.

Every update is a max, a min or "latest by time", so the fold gives the same state whatever
order the events arrive in and however often an event is repeated: overlapping copies of a
log cannot change a result, and a repeated event is simply folded in again (`repeats`
counts the repeats for the summary).

While the logs are read, and after, each pair's state is one fixed-size record in a
`ProgressStore` (77 bytes: eight floats, the attempts, where its competency tags and its
other grades are kept, and flags), not an object: a `BlockProgress` is made from a record
only while it is being updated or read (`Progress` makes a person's on request).
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Iterator, Mapping
from itertools import compress

_NEVER = float("-inf")
_ALWAYS = float("inf")


class BlockProgress:
    __slots__ = (
        "attempts",
        "competencies",
        "competencies_time",
        "completed_at",
        "completion",
        "first_seen",
        "grade",
        "grade_others",
        "grade_since",
        "grade_time",
        "last_seen",
    )

    def __init__(self) -> None:
        self.first_seen = _ALWAYS
        self.last_seen = _NEVER
        self.completion = 0.0
        self.completed_at: float | None = None
        self.grade: float | None = None  # the latest grade, as a share of the block's weight
        self.grade_time = _NEVER
        self.grade_since: float | None = None  # when the learner first had that grade
        # each other grade they have had, and when they first had it: grade, when, grade, ...
        # (usually none, so no tuple is kept for the one grade most learners have)
        self.grade_others: tuple[float, ...] = ()
        self.attempts = 0
        self.competencies: tuple = ()
        self.competencies_time = _NEVER

    def touch(self, when: float) -> None:
        if when < self.first_seen:
            self.first_seen = when
        if when > self.last_seen:
            self.last_seen = when

    def complete(self, when: float, value: float) -> None:
        if value > self.completion:
            self.completion = value
        if value >= 1.0 and (self.completed_at is None or when < self.completed_at):
            self.completed_at = when

    def graded(self, when: float, share: float) -> None:
        current = self.grade
        if current is None:
            self.grade, self.grade_time, self.grade_since = share, when, when
            return
        latest = when > self.grade_time or (when == self.grade_time and share > current)
        if share == current:
            if latest:
                self.grade_time = when
            if when < self.grade_since:  # type: ignore[operator]
                self.grade_since = when
            return
        others = self.grade_others
        first = when
        for index in range(0, len(others), 2):
            if others[index] == share:
                first = min(others[index + 1], when)
                others = others[:index] + others[index + 2 :]
                break
        if latest:  # the grade they have now changes: the one they had becomes another
            self.grade_others = (*others, current, self.grade_since)  # type: ignore[arg-type]
            self.grade, self.grade_time, self.grade_since = share, when, first
        else:
            self.grade_others = (*others, share, first)

    def attempted(self, attempt: int) -> None:
        if attempt > self.attempts:
            self.attempts = attempt

    def tagged(self, when: float, competencies: tuple) -> None:
        if when >= self.competencies_time:
            self.competencies_time = when
            self.competencies = competencies

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    def merge(self, other: BlockProgress) -> None:
        """Fold in what another id of the same block recorded (the same operations again)."""
        self.touch(other.first_seen)
        self.touch(other.last_seen)
        if other.completed_at is not None:
            self.complete(other.completed_at, other.completion)
        elif other.completion > self.completion:
            self.completion = other.completion
        others = other.grade_others
        for index in range(0, len(others), 2):
            self.graded(others[index + 1], others[index])
        if other.grade is not None:
            self.graded(other.grade_since, other.grade)  # type: ignore[arg-type]
            self.graded(other.grade_time, other.grade)
        self.attempted(other.attempts)
        if other.competencies:
            self.tagged(other.competencies_time, other.competencies)


# first_seen, last_seen, completion, completed_at, grade, grade_time, grade_since,
# competencies_time; attempts, competency tags (their number in the table), where the other
# grades start (0: none); flags
RECORD = struct.Struct("<8d3IB")
_OTHERS_AT = 8 * 8 + 2 * 4  # the offset of `where the other grades start` in a record
_COMPLETED, _GRADED = 1, 2
_LARGEST = 0xFFFFFFFE  # attempts above this (never, in practice) are kept aside
_new = object.__new__


class ProgressStore:
    """Block progress, one `RECORD` for each learner-block pair, numbered from 1 (0 means
    none). The rest is kept apart: each distinct tuple of competency tags once, in a table;
    the other grades a learner has had (`BlockProgress.grade_others`, usually none) as
    `count, grade, when, grade, when, ...` in one array of floats; and an absurdly large
    attempt number by row."""

    def __init__(self) -> None:
        self.records = bytearray(RECORD.size)  # row 0: never used
        self.rows = 1
        self.tags: list[tuple] = [()]
        self.tag_numbers: dict[tuple, int] = {(): 0}
        self.others = array("d", [0.0])  # position 0: never used
        self.attempts: dict[int, int] = {}

    def add(self, state: BlockProgress) -> int:
        """A new row holding `state`."""
        row = self.rows
        self.rows = row + 1
        self.records += _BLANK
        self.save(row, state)
        return row

    def load(self, row: int) -> BlockProgress:
        (first, last, completion, completed_at, grade, grade_time, since, tagged, attempts, tags,
         others, flags) = RECORD.unpack_from(self.records, row * RECORD.size)  # fmt: skip
        state = _new(BlockProgress)
        state.first_seen = first
        state.last_seen = last
        state.completion = completion
        state.completed_at = completed_at if flags & _COMPLETED else None
        if flags & _GRADED:
            state.grade = grade
            state.grade_since = since
        else:
            state.grade = state.grade_since = None
        state.grade_time = grade_time
        if others:
            state.grade_others = tuple(
                self.others[others + 1 : others + 1 + 2 * int(self.others[others])]
            )
        else:
            state.grade_others = ()
        state.attempts = attempts if attempts <= _LARGEST else self.attempts[row]
        state.competencies = self.tags[tags]
        state.competencies_time = tagged
        return state

    def save(self, row: int, state: BlockProgress) -> None:
        flags = 0
        completed_at = state.completed_at
        if completed_at is None:
            completed_at = 0.0
        else:
            flags = _COMPLETED
        grade = state.grade
        if grade is None:
            grade = since = 0.0
        else:
            flags |= _GRADED
            since = state.grade_since
        others = self._others(row, state.grade_others) if state.grade_others else 0
        attempts = state.attempts
        if attempts > _LARGEST:
            self.attempts[row] = attempts
            attempts = _LARGEST + 1
        tags = self.tag_numbers.get(state.competencies)
        if tags is None:
            tags = self.tag_numbers[state.competencies] = len(self.tags)
            self.tags.append(state.competencies)
        RECORD.pack_into(
            self.records, row * RECORD.size, state.first_seen, state.last_seen, state.completion,
            completed_at, grade, state.grade_time, since, state.competencies_time, attempts, tags,
            others, flags,
        )  # fmt: skip

    def _others(self, row: int, grades: tuple[float, ...]) -> int:
        """Where `grades` are kept for `row`: in place of the row's others when they fit
        (a learner's other grades only ever grow in number), else at the end."""
        array_ = self.others
        (start,) = _START.unpack_from(self.records, row * RECORD.size + _OTHERS_AT)
        if not start or len(grades) > 2 * int(array_[start]):
            start = len(array_)
            array_.append(0.0)
            array_.extend(grades)
        else:
            array_[start + 1 : start + 1 + len(grades)] = array("d", grades)
        array_[start] = len(grades) // 2
        return start

    def contents(self) -> tuple:
        """What `from_contents` makes this store again from: its buffers as they are (for
        another process: pickled, a bytearray is written out without a copy)."""
        return self.records, self.tags, self.others.tobytes(), self.attempts, self.rows

    @classmethod
    def from_contents(cls, contents: tuple) -> ProgressStore:
        store = cls()
        store.records, store.tags, others, store.attempts, store.rows = contents
        store.tag_numbers = {tags: number for number, tags in enumerate(store.tags)}
        store.others = array("d")
        store.others.frombytes(others)
        return store


_START = struct.Struct("<I")
_BLANK = bytes(RECORD.size)


def no_rows(people: int) -> array:
    """A row number for each of `people` people, all 0 (none yet)."""
    return array("I", [0]) * people


class Progress(Mapping[str, dict[str, BlockProgress]]):
    """Person key -> manifest usage id -> progress, as read: each person's is made from the
    store when asked for (and not kept), so holding it costs a record per pair."""

    def __init__(
        self,
        store: ProgressStore,
        persons: list[str],
        index: Mapping[str, int],
        blocks: dict[str, array],
    ) -> None:
        self.store = store
        self.persons = persons  # person number -> key
        self.index = index  # key -> person number
        self.blocks = blocks  # usage id -> each person's row, 0 for none
        self._columns = list(blocks.items())
        self.active = bytearray(len(persons))
        for rows in blocks.values():
            for number in compress(range(len(rows)), rows):
                self.active[number] = 1

    def _number(self, person: str) -> int | None:
        number = self.index.get(person)
        return number if number is not None and self.active[number] else None

    def get(self, person: str, default=None):  # type: ignore[override]
        number = self.index.get(person)
        if number is None or not self.active[number]:
            return default
        load = self.store.load
        return {usage_id: load(row) for usage_id, rows in self._columns if (row := rows[number])}

    def __getitem__(self, person: str) -> dict[str, BlockProgress]:
        found = self.get(person)
        if found is None:
            raise KeyError(person)
        return found

    def __contains__(self, person: object) -> bool:
        return isinstance(person, str) and self._number(person) is not None

    def __iter__(self) -> Iterator[str]:
        return compress(self.persons, self.active)

    def __len__(self) -> int:
        return self.active.count(1)

    def pairs(self) -> int:
        """How many learner-block pairs have progress."""
        return sum(len(rows) - rows.count(0) for rows in self.blocks.values())
