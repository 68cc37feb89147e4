"""Competency coverage: the level each person reaches in each competency of a framework.

The levels come from `xblocks.competency.model.attainment.attain`, the same function the
tracker block uses, fed with one piece of evidence per completed block: its competency tags
(from the manifest, else from the block's events), its grade and its completion date.

Across a workforce many people hold the same evidence: the same kinds of block, tags and
scores. `attain`'s rules read only those three things of each piece (block type, tags,
score: see `Requirement.admits`), so its answer is kept per such set and reused. If a rule
ever reads more of a piece (its date, say), add that to `_Signatures`, which must describe
exactly the pieces `_evidence` makes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from eip.report.manifests import Block, CourseVersion
from eip.report.progress import BlockProgress
from xblocks.competency.model.attainment import attain
from xblocks.competency.model.evidence import Evidence
from xblocks.competency.model.framework import Framework
from xblocks.competency.model.framework_types import SCORE_TOLERANCE
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
        return self._counts(self.levels, people, len(self.framework.competencies))

    def domain_counts(self, people: Iterable[str]) -> list[list[int]]:
        """For each domain, how many of `people` have each level as their highest in it."""
        return self._counts(self.domain_highest, people, len(self.framework.domains))

    def _counts(
        self, levels: dict[str, tuple[int, ...]], people: Iterable[str], size: int
    ) -> list[list[int]]:
        counts = [[0] * (self.framework.max_level + 1) for _ in range(size)]
        # people with the same evidence share one tuple of levels: count each tuple once
        for row, times in Counter(map(levels.get, people)).items():
            for index, level in enumerate(row or ()):
                counts[index][level] += times
        return counts


def framework_of(
    courses: Iterable[CourseVersion], load: FrameworkLoader, unreadable: list[tuple[str, object]]
) -> Framework | None:
    """The framework the courses name (the first that can be read, if they name several);
    each one that cannot be read is added to `unreadable` with why."""
    for framework_id in dict.fromkeys(c.framework for c in courses if c.framework):
        try:
            return load(framework_id)
        except (ValueError, LookupError) as error:
            unreadable.append((framework_id, error))
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
    levels, highest = result.levels, result.domain_highest
    known: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}
    signature = _Signatures(framework, blocks)
    for person in people:
        states = progress.get(person)
        key = signature(states) if states else ()
        answer = known.get(key)
        if answer is None:
            pieces = [
                piece
                for usage_id, state in (states or {}).items()
                if (piece := _evidence(blocks[usage_id], state, versions)) is not None
            ]
            answer = known[key] = _levels(framework, pieces)
        levels[person], highest[person] = answer
    return result


class _Signatures:
    """What attain's rules read of the evidence `_evidence` would make of a person's block
    progress (one piece per block, so no usage ids): each piece's block type, its tags with
    their levels, and its score, sorted. A score is read only by `Requirement.admits`, as
    `score >= min_score - SCORE_TOLERANCE`, so scores that pass the same of the framework's
    `min_score`s give the same levels: the signature holds how many they pass."""

    def __init__(self, framework: Framework, blocks: Mapping[str, Block]) -> None:
        self.blocks = blocks
        self.thresholds = sorted(
            {
                requirement.min_score - SCORE_TOLERANCE
                for competency in framework.competencies
                for rule in competency.rules
                for requirement in rule.requirements
            }
        )
        self.tags: dict[tuple, tuple] = {}
        self.scores: dict[float, int] = {}

    def __call__(self, states: Mapping[str, BlockProgress]) -> tuple:
        found = []
        for usage_id, state in states.items():
            if state.completed_at is None:
                continue
            block = self.blocks[usage_id]
            tags = block.competencies or state.competencies
            if not tags:
                continue
            key = self.tags.get(tags)
            if key is None:
                key = self.tags[tags] = tuple((tag_id, level or 0) for tag_id, level in tags)
            score = state.grade if state.grade is not None else 0.0
            passed = self.scores.get(score)
            if passed is None:
                passed = self.scores[score] = sum(score >= t for t in self.thresholds)
            found.append((block.type, key, passed))
        return tuple(sorted(found))


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
