"""One piece of evidence: a completed block, its competency tags and the learner's score."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from xblocks.core.competencies import CompetencyTag, parse_competency_tags

# A tag without a level ("ask.question") counts as evidence at the lowest level.
UNLEVELLED = 1


@dataclass(frozen=True)
class Evidence:
    """What a block records for one learner once they finished it.

    `competencies` may be given as tag text ("appraise.validity:2 ask.question") or as
    CompetencyTags; it is kept as a tuple of tags. `score` is the fraction earned, 0 to 1.
    """

    block_type: str
    usage_id: str
    title: str
    competencies: tuple[CompetencyTag, ...]
    score: float
    completed_at: datetime | None = None
    course_version: str = ""

    def __post_init__(self) -> None:
        tags = self.competencies
        if isinstance(tags, str):
            tags = parse_competency_tags(tags)
        object.__setattr__(self, "competencies", tuple(tags))
        if not (isinstance(self.score, int | float) and math.isfinite(self.score)):
            raise ValueError(f"score must be a number from 0 to 1, not {self.score!r}")
        if not 0 <= self.score <= 1:
            raise ValueError(f"score must be a fraction from 0 to 1, not {self.score}")

    def level_for(self, competency_id: str) -> int | None:
        """The level this evidence shows in `competency_id`; None if it is not tagged with it."""
        for tag in self.competencies:
            if tag.id == competency_id:
                return tag.level or UNLEVELLED
        return None

    def as_dict(self) -> dict:
        """JSON-ready fields, for events, downloads and templates."""
        return {
            "block_type": self.block_type,
            "usage_id": self.usage_id,
            "title": self.title,
            "competencies": [{"id": tag.id, "level": tag.level} for tag in self.competencies],
            "score": self.score,
            "completed_at": self.completed_at.isoformat() if self.completed_at else None,
            "course_version": self.course_version,
        }


def distinct_pieces(evidence: Iterable[Evidence]) -> list[Evidence]:
    """One piece per block (usage id): its best score, the latest of equal scores.

    Repeating an exercise does not make it count twice; doing better replaces the record.
    """
    best: dict[str, Evidence] = {}
    for piece in evidence:
        kept = best.get(piece.usage_id)
        if kept is None or _rank(piece) > _rank(kept):
            best[piece.usage_id] = piece
    return list(best.values())


def _rank(piece: Evidence) -> tuple[float, float]:
    return (piece.score, piece.completed_at.timestamp() if piece.completed_at else -math.inf)
