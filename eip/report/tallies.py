"""Counts by status for a group of assignments: the numbers behind every summary row."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from eip.report.status import Assignment
from eip.report.strings import STATUSES


@dataclass(frozen=True)
class Tally:
    total: int
    counts: Counter
    average_score: float | None

    @property
    def completed(self) -> int:
        return self.counts.get("completed", 0)

    @property
    def share_complete(self) -> float:
        """Completed (and not expired) as a share of everything required; 0 when nothing is."""
        return self.completed / self.total if self.total else 0.0

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)


def tally(assignments: Iterable[Assignment]) -> Tally:
    counts: Counter = Counter()
    scores = []
    for assignment in assignments:
        counts[assignment.status] += 1
        if assignment.status in ("completed", "expired") and assignment.score is not None:
            scores.append(assignment.score)
    return Tally(
        total=sum(counts.values()),
        counts=Counter({status: counts.get(status, 0) for status in STATUSES}),
        average_score=sum(scores) / len(scores) if scores else None,
    )
