"""Competency coverage: the level each person reaches in each competency of a framework.

The levels come from `xblocks.competency.model.attainment.attain`, the same function the
tracker block uses, fed with one piece of evidence per completed block: its competency tags
(from the manifest, else from the block's events), its grade and its completion date.

Across a workforce many people hold the same evidence: the same kinds of block, tags and
scores. `attain`'s rules read only those three things of each piece (block type, tags,
score: see `Requirement.admits`), so its answer is kept per such set and reused. If a rule
ever reads more of a piece (its date, say), add that to `_signature`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from eip.report.manifests import Block, CourseVersion
from eip.report.progress import BlockProgress
from xblocks.competency.model.attainment import attain
from xblocks.competency.model.evidence import Evidence
from xblocks.competency.model.framework import Framework
from xblocks.competency.model.summary import domain_summary
from xblocks.core.competencies import CompetencyTag

FrameworkLoader = Callable[[str], Framework]


@dataclass
class Coverage:
    """Levels per person, in the order of `framework.competencies` and `framework.domains`."""

    framework: Framework
    levels: dict[str, tuple[int, ...]] = field(default_factory=dict)  # person -> levels
    domain_highest: dict[str, tuple[int, ...]] = field(default_factory=dict)  # person -> ...

    def level_counts(self, people: Iterable[str]) -> list[list[int]]:
        """For each competency, how many of `people` are at level 0, 1, ... max."""
        counts = [[0] * (self.framework.max_level + 1) for _ in self.framework.competencies]
        for person in people:
            for index, level in enumerate(self.levels.get(person, ())):
                counts[index][level] += 1
        return counts

    def domain_counts(self, people: Iterable[str]) -> list[list[int]]:
        """For each domain, how many of `people` have each level as their highest in it."""
        counts = [[0] * (self.framework.max_level + 1) for _ in self.framework.domains]
        for person in people:
            for index, level in enumerate(self.domain_highest.get(person, ())):
                counts[index][level] += 1
        return counts


def framework_of(courses: Iterable[CourseVersion], load: FrameworkLoader) -> Framework | None:
    """The framework the courses name (the first found, if they name several)."""
    for framework_id in dict.fromkeys(c.framework for c in courses if c.framework):
        try:
            return load(framework_id)
        except (ValueError, LookupError):
            continue
    return None


def coverage(
    framework: Framework,
    progress: Mapping[str, Mapping[str, BlockProgress]],
    blocks: Mapping[str, Block],
    versions: Mapping[str, str],
    people: Iterable[str],
) -> Coverage:
    """`progress`: person -> manifest usage id -> progress; `blocks`: usage id -> Block;
    `versions`: course id -> version."""
    result = Coverage(framework)
    known: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}
    for person in people:
        pieces = [
            piece
            for usage_id, state in progress.get(person, {}).items()
            if (piece := _evidence(blocks[usage_id], state, versions)) is not None
        ]
        signature = _signature(pieces)
        answer = known.get(signature)
        if answer is None:
            answer = known[signature] = _levels(framework, pieces)
        result.levels[person], result.domain_highest[person] = answer
    return result


def _signature(pieces: list[Evidence]) -> tuple:
    """What attain's rules read of the evidence (one piece per block, so no usage ids)."""
    return tuple(
        sorted(
            (
                piece.block_type,
                tuple((tag.id, tag.level or 0) for tag in piece.competencies),
                piece.score,
            )
            for piece in pieces
        )
    )


def _levels(
    framework: Framework, pieces: list[Evidence]
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    attained = attain(framework, pieces)
    levels = tuple(attained[c.id].level if c.id in attained else 0 for c in framework.competencies)
    highest = tuple(summary.highest for summary in domain_summary(framework, attained))
    return levels, highest


def _evidence(block: Block, state: BlockProgress, versions: Mapping[str, str]) -> Evidence | None:
    if state.completed_at is None:
        return None
    tags = block.competencies or state.competencies
    if not tags:
        return None
    return Evidence(
        block_type=block.type,
        usage_id=block.usage_id,
        title=block.display_name,
        competencies=tuple(CompetencyTag(tag_id, level) for tag_id, level in tags),
        score=state.grade if state.grade is not None else 0.0,
        completed_at=datetime.fromtimestamp(state.completed_at, UTC),
        course_version=versions.get(block.course_id, ""),
    )
