"""Attainment: which level of each competency a learner's evidence reaches.

`attain` is the only place a framework's attainment rules are evaluated; the tracker block,
its events and the manager report all call it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .evidence import Evidence, distinct_pieces
from .framework_types import Competency, Framework, Requirement, Rule


@dataclass(frozen=True)
class RequirementProgress:
    """How far the evidence goes towards one requirement of a rule."""

    requirement: Requirement
    counted: tuple[Evidence, ...]  # pieces that count towards it, best score first
    scored_too_low: tuple[Evidence, ...]  # right kind and level, below min_score: retry these

    @property
    def missing(self) -> int:
        """How many more pieces are needed (0 when the requirement is met)."""
        return max(0, self.requirement.min_count - len(self.counted))

    @property
    def met(self) -> bool:
        return self.missing == 0

    def as_dict(self) -> dict:
        requirement = self.requirement
        return {
            "kind": requirement.kind,
            "min_count": requirement.min_count,
            "min_level": requirement.min_level,
            "min_score": requirement.min_score,
            "counted": [piece.usage_id for piece in self.counted],
            "missing": self.missing,
            "scored_too_low": [piece.usage_id for piece in self.scored_too_low],
        }


@dataclass(frozen=True)
class NextLevel:
    """The next level with a rule above the one reached, and what its rule still needs."""

    level: int
    progress: tuple[RequirementProgress, ...]

    @property
    def shortfalls(self) -> tuple[RequirementProgress, ...]:
        """The requirements not yet met."""
        return tuple(item for item in self.progress if not item.met)

    def as_dict(self) -> dict:
        return {"level": self.level, "requirements": [item.as_dict() for item in self.progress]}


@dataclass(frozen=True)
class Attainment:
    """One competency: the level reached (0 = none yet), the evidence behind each level
    reached, and what the next level needs (None when no higher level can be evidenced)."""

    competency_id: str
    level: int
    evidence: Mapping[int, tuple[Evidence, ...]]
    next: NextLevel | None

    def __hash__(self) -> int:
        return hash((self.competency_id, self.level))

    @property
    def evidence_ids(self) -> tuple[str, ...]:
        """Usage ids of every piece behind the level reached, for events."""
        ids = dict.fromkeys(piece.usage_id for pieces in self.evidence.values() for piece in pieces)
        return tuple(ids)

    def as_dict(self) -> dict:
        """JSON-ready: evidence as dicts, per level reached, then the next level's needs."""
        return {
            "competency": self.competency_id,
            "level": self.level,
            "evidence": {
                str(level): [piece.as_dict() for piece in pieces]
                for level, pieces in self.evidence.items()
            },
            "next": self.next.as_dict() if self.next else None,
        }


def attain(framework: Framework, evidence: Iterable[Evidence]) -> dict[str, Attainment]:
    """Every competency of `framework` (in its order) with the level `evidence` reaches.

    Each block counts once, with its best score. A rule is met when each of its
    requirements is met; requirements are counted independently, so one piece may count
    towards several of them. A level is reached when its rule is met and, if the rule
    requires the level below, that level was reached.
    """
    pieces = sorted(distinct_pieces(evidence), key=lambda piece: (-piece.score, piece.usage_id))
    return {competency.id: _attain_one(competency, pieces) for competency in framework.competencies}


def _attain_one(competency: Competency, pieces: list[Evidence]) -> Attainment:
    tagged = [piece for piece in pieces if piece.level_for(competency.id) is not None]
    reached: dict[int, tuple[Evidence, ...]] = {}
    for rule in competency.rules:
        progress = _progress(competency.id, rule, tagged)
        below_ok = not rule.requires_below or rule.level - 1 in reached
        if below_ok and all(item.met for item in progress):
            reached[rule.level] = _union(item.counted for item in progress)
    level = max(reached, default=0)
    following = next((rule for rule in competency.rules if rule.level > level), None)
    return Attainment(
        competency_id=competency.id,
        level=level,
        evidence=reached,
        next=(
            NextLevel(following.level, _progress(competency.id, following, tagged))
            if following
            else None
        ),
    )


def _progress(
    competency_id: str, rule: Rule, tagged: list[Evidence]
) -> tuple[RequirementProgress, ...]:
    progress = []
    for requirement in rule.requirements:
        counted = tuple(piece for piece in tagged if requirement.admits(competency_id, piece))
        too_low = tuple(
            piece
            for piece in tagged
            if piece not in counted
            and requirement.accepts_block(piece.block_type, piece.level_for(competency_id))
        )
        progress.append(RequirementProgress(requirement, counted, too_low))
    return tuple(progress)


def _union(groups: Iterable[tuple[Evidence, ...]]) -> tuple[Evidence, ...]:
    seen: dict[str, Evidence] = {}
    for group in groups:
        for piece in group:
            seen.setdefault(piece.usage_id, piece)
    return tuple(sorted(seen.values(), key=lambda piece: (-piece.score, piece.usage_id)))
