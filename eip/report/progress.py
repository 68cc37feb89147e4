"""What one learner has done in one block, folded from events in any order.

Every update is a max, a min or "latest by time", so the fold gives the same state whatever
order the events arrive in and however often an event is repeated: overlapping copies of a
log cannot change a result. The few event keys kept per learner and block are there only to
count the repeats for the summary; they are bounded by the genuine events of that learner in
that block (a few per attempt), never by the size of the logs, and capped at SEEN_CAP.

There is one of these per learner and block that has any activity, so it is kept small:
slots, and tuples rather than sets and dicts for the handful of values each one holds.
"""

from __future__ import annotations

SEEN_CAP = 256
_NEVER = float("-inf")


class BlockProgress:
    __slots__ = (
        "attempts",
        "competencies",
        "competencies_time",
        "completed_at",
        "completion",
        "first_seen",
        "grade",
        "grade_firsts",
        "grade_time",
        "last_seen",
        "seen",
    )

    def __init__(self) -> None:
        self.first_seen = float("inf")
        self.last_seen = _NEVER
        self.completion = 0.0
        self.completed_at: float | None = None
        self.grade: float | None = None  # the latest grade, as a share of the block's weight
        self.grade_time = _NEVER
        # grade, when the learner first had it, grade, when..., for each grade they have had
        self.grade_firsts: tuple[float, ...] = ()
        self.attempts = 0
        self.competencies: tuple = ()
        self.competencies_time = _NEVER
        self.seen: tuple[int, ...] = ()

    def is_repeat(self, key: int) -> bool:
        """True when this event was folded in already; remembers it otherwise."""
        if key in self.seen:
            return True
        if len(self.seen) < SEEN_CAP:
            self.seen += (key,)
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
        if when > self.grade_time or (when == self.grade_time and share > (self.grade or 0.0)):
            self.grade_time = when
            self.grade = share
        firsts = self.grade_firsts
        for index in range(0, len(firsts), 2):
            if firsts[index] == share:
                if when < firsts[index + 1]:
                    self.grade_firsts = (*firsts[: index + 1], when, *firsts[index + 2 :])
                return
        self.grade_firsts = (*firsts, share, when)

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

    @property
    def grade_since(self) -> float | None:
        """When the learner first had the grade they have now."""
        if self.grade is None:
            return None
        firsts = self.grade_firsts
        return next(firsts[i + 1] for i in range(0, len(firsts), 2) if firsts[i] == self.grade)

    def merge(self, other: BlockProgress) -> None:
        """Fold in what another id of the same block recorded (the same operations again)."""
        self.touch(other.first_seen)
        self.touch(other.last_seen)
        if other.completed_at is not None:
            self.complete(other.completed_at, other.completion)
        elif other.completion > self.completion:
            self.completion = other.completion
        firsts = other.grade_firsts
        for index in range(0, len(firsts), 2):
            self.graded(firsts[index + 1], firsts[index])
        if other.grade is not None:
            self.graded(other.grade_time, other.grade)
        self.attempted(other.attempts)
        if other.competencies:
            self.tagged(other.competencies_time, other.competencies)
        for key in other.seen:
            self.is_repeat(key)
