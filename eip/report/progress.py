"""What one learner has done in one block, folded from events in any order.

Every update is a max, a min or "latest by time", so the fold gives the same state whatever
order the events arrive in and however often an event is repeated: overlapping copies of a
log cannot change a result. The event keys kept per learner and block are there only to
count the repeats for the summary: 8 bytes each, packed into one `bytes`, bounded by the
genuine events of that learner in that block (a few per attempt), never by the size of the
logs, and capped at SEEN_CAP. Past the cap a repeat is folded in again, which changes
nothing but the count of repeats.

There is one of these per learner and block that has any activity, so it is kept small:
slots, and tuples rather than sets and dicts for the handful of values each one holds.
"""

from __future__ import annotations

SEEN_CAP = 64
KEY_SIZE = 8
_NEVER = float("-inf")
_ALWAYS = float("inf")


def event_key(line: bytes) -> bytes:
    """The key a repeat of `line` is known by: 8 bytes of its hash."""
    return hash(line).to_bytes(KEY_SIZE, "little", signed=True)


def remember(seen: bytes, key: bytes, cap: int) -> bytes | None:
    """`seen` with `key` added (up to `cap` keys), or None when `key` is in it already."""
    at = seen.find(key)
    while at >= 0:
        if not at % KEY_SIZE:
            return None
        at = seen.find(key, at + 1)
    return seen + key if len(seen) < cap * KEY_SIZE else seen


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
        "seen",
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
        self.seen = b""  # event keys, KEY_SIZE bytes each

    def values(self) -> tuple:
        """Everything it holds, in the order of its slots: a tuple `restored` makes it from."""
        return tuple(getattr(self, name) for name in BlockProgress.__slots__)

    def is_repeat(self, key: bytes) -> bool:
        """True when this event was folded in already; remembers it otherwise."""
        seen = remember(self.seen, key, SEEN_CAP)
        if seen is None:
            return True
        self.seen = seen
        return False

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
        seen = other.seen
        for at in range(0, len(seen), KEY_SIZE):
            self.is_repeat(seen[at : at + KEY_SIZE])


def restored(*values: object) -> BlockProgress:
    """The progress whose `values()` these are."""
    state = BlockProgress.__new__(BlockProgress)
    for name, value in zip(BlockProgress.__slots__, values, strict=True):
        setattr(state, name, value)
    return state
