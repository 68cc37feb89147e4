"""The course's exercises, found from the tracker, and the learner's results in them as Evidence.

The tracker walks up `get_parent()` to the root of the course and down `get_children()`,
keeping the blocks whose type gives evidence. Blocks come from the runtime, which binds them
to the current learner (in the LMS and in the workbench alike), so their user-state fields
hold that learner's results. A block that fails to load or to read is skipped and logged:
one broken exercise must not hide a learner's whole profile.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from xblocks.competency.model.evidence import UNLEVELLED, Evidence
from xblocks.core.competencies import CompetencyTag, parse_competency_tags
from xblocks.core.events import course_version

log = logging.getLogger(__name__)

APPRAISAL = "eip_appraisal"
CASE_STUDY = "eip_case_study"
EVIDENCE_TYPES = (APPRAISAL, CASE_STUDY)
# A guard against a runaway tree: no course of ours comes near it.
MAX_BLOCKS = 5000


@dataclass(frozen=True, eq=False)
class CourseBlock:
    """An exercise or case study of the course, as the tracker sees it."""

    block: Any = field(repr=False)
    block_type: str
    usage_id: str
    title: str
    tags: tuple[CompetencyTag, ...]

    def level_for(self, competency_id: str) -> int | None:
        """The level this block is tagged at for `competency_id`; None if not tagged."""
        for tag in self.tags:
            if tag.id == competency_id:
                return tag.level or UNLEVELLED
        return None


def course_root(block: Any) -> Any:
    """The topmost ancestor of `block` the runtime can load (the course, in the LMS)."""
    root, seen = block, set()
    while len(seen) < MAX_BLOCKS:
        seen.add(str(root.scope_ids.usage_id))
        try:
            parent = root.get_parent()
        except Exception:
            log.warning("could not load the parent of %s", root.scope_ids.usage_id, exc_info=True)
            return root
        if parent is None or str(parent.scope_ids.usage_id) in seen:
            return root
        root = parent
    return root


def course_blocks(block: Any, types: tuple[str, ...] = EVIDENCE_TYPES) -> list[CourseBlock]:
    """The blocks of `types` in the course `block` is part of, in course order."""
    found = []
    course = _course_key(block)
    for node in _walk(course_root(block)):
        block_type = node.scope_ids.block_type
        if block_type not in types:
            continue
        if course is not None and _course_key(node) not in (None, course):
            continue
        described = _describe(node)
        if described is not None:
            found.append(described)
    return found


def gather_evidence(blocks: list[CourseBlock]) -> list[Evidence]:
    """The learner's evidence: one piece per block they finished, skipping unreadable ones."""
    evidence = []
    for course_block in blocks:
        try:
            piece = evidence_of(course_block)
        except Exception:
            log.warning("could not read the state of %s", course_block.usage_id, exc_info=True)
            continue
        if piece is not None:
            evidence.append(piece)
    return evidence


def evidence_of(course_block: CourseBlock) -> Evidence | None:
    """What `course_block` records for its learner, or None if they have not finished it."""
    reader = _READERS.get(course_block.block_type)
    result = reader(course_block.block) if reader else None
    if result is None:
        return None
    score, when = result
    if not math.isfinite(score):
        return None
    return Evidence(
        block_type=course_block.block_type,
        usage_id=course_block.usage_id,
        title=course_block.title,
        competencies=course_block.tags,
        score=min(max(score, 0.0), 1.0),
        completed_at=_timestamp(when),
        course_version=course_version(course_block.block),
    )


def _appraisal_result(block: Any) -> tuple[float, str | None] | None:
    """An appraisal counts once submitted: the best fraction over its attempts."""
    if not block.attempts:
        return None
    submission = block.submission or {}
    return float(block.best_fraction), submission.get("submitted_at")


def _case_study_result(block: Any) -> tuple[float, str | None] | None:
    """A case study counts once a walk reached an ending: its best fraction, dated when the
    learner first reached it."""
    walks = [walk for walk in block.completed or [] if isinstance(walk, dict)]
    if not walks:
        return None
    best = max([float(block.best_fraction), *(_fraction(walk) for walk in walks)])
    first_best = next((walk for walk in walks if _fraction(walk) >= best - 1e-9), walks[-1])
    return best, first_best.get("completed_at")


def _fraction(walk: dict) -> float:
    value = walk.get("fraction", 0.0)
    return float(value) if isinstance(value, int | float) else 0.0


_READERS: dict[str, Callable[[Any], tuple[float, str | None] | None]] = {
    APPRAISAL: _appraisal_result,
    CASE_STUDY: _case_study_result,
}


def _describe(node: Any) -> CourseBlock | None:
    usage_id = str(node.scope_ids.usage_id)
    try:
        tags = tuple(parse_competency_tags(node.competencies or ""))
        title = str(node.display_name or "")
    except Exception:
        log.warning("skipping %s: its competencies could not be read", usage_id, exc_info=True)
        return None
    return CourseBlock(node, node.scope_ids.block_type, usage_id, title, tags)


def _walk(root: Any) -> Iterator[Any]:
    """Every block under `root` (itself first), depth first in course order."""
    stack, seen = [root], set()
    while stack and len(seen) < MAX_BLOCKS:
        node = stack.pop()
        key = str(node.scope_ids.usage_id)
        if key in seen:
            continue
        seen.add(key)
        yield node
        stack.extend(reversed(_children(node)))


def _children(node: Any) -> list[Any]:
    if not getattr(node, "has_children", False):
        return []
    try:
        return [child for child in node.get_children() if child is not None]
    except Exception:
        log.warning("could not load every child of %s", node.scope_ids.usage_id, exc_info=True)
    # One child failed: load the others one by one.
    children = []
    for child_id in list(getattr(node, "children", None) or []):
        try:
            child = node.get_child(child_id)
        except Exception:
            log.warning("skipping %s: it could not be loaded", child_id, exc_info=True)
            continue
        if child is not None:
            children.append(child)
    return children


def _course_key(block: Any) -> str | None:
    key = getattr(block.scope_ids.usage_id, "course_key", None)
    return str(key) if key is not None else None


def _timestamp(text: Any) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
