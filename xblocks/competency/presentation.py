"""A learner's profile as template data: levels, the evidence behind them, what the next level
needs and where in the course to get it, and their self-ratings beside the evidenced levels.

Levels come from `attain` and `domain_summary` only; this module puts them into words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from xblocks.competency.evidence_gathering import CourseBlock
from xblocks.competency.model.attainment import Attainment, NextLevel, RequirementProgress
from xblocks.competency.model.evidence import Evidence
from xblocks.competency.model.framework_types import Competency, Framework
from xblocks.competency.model.summary import DomainSummary
from xblocks.competency.phrasing import (
    CONFIDENCE_LABELS,
    PHASES,
    Strings,
    confidence_text,
    date_text,
    kind_title,
    level_label,
    percent_text,
    progress_text,
    requirement_text,
)
from xblocks.core.language import Shown

# A link for a course block, or None where the runtime cannot give one (then it is named).
LinkFor = Callable[[CourseBlock], str | None]
MAX_SUGGESTIONS = 5


def levels_context(framework: Framework, s: Strings) -> list[dict]:
    """The framework's levels, for the key at the top of the profile."""
    return [
        {
            "number": level.number,
            "label": level_label(framework, level.number, s),
            "descriptor": s.show(level.descriptor),
        }
        for level in framework.levels
    ]


def overview_rows(
    framework: Framework,
    summaries: tuple[DomainSummary, ...],
    ratings: Mapping[str, Mapping[str, int]],
    s: Strings,
) -> list[dict]:
    """One row per domain: the evidenced levels beside the learner's own ratings."""
    rows = []
    for summary in summaries:
        domain = summary.domain
        rows.append(
            {
                "id": domain.id,
                "title": s.show(domain.title),
                "level_text": level_label(framework, summary.level, s),
                "highest_text": level_label(framework, summary.highest, s),
                "before_text": confidence_text(_rating(ratings, "before", domain.id), s),
                "after_text": confidence_text(_rating(ratings, "after", domain.id), s),
            }
        )
    return rows


def rating_forms(
    framework: Framework, ratings: Mapping[str, Mapping[str, int]], s: Strings
) -> list[dict]:
    """The two self-rating forms (before and after the course), filled in as last saved."""
    texts = {
        "before": (
            s("Before the course"),
            s("How confident did you feel in each area before you started the course?"),
            s("Save my ratings from before the course"),
        ),
        "after": (
            s("After the course"),
            s("How confident do you feel in each area now, at the end of the course?"),
            s("Save my ratings from after the course"),
        ),
    }
    forms = []
    for phase in PHASES:
        heading, question, button = texts[phase]
        forms.append(
            {
                "phase": phase,
                "heading": heading,
                "question": question,
                "button": button,
                "domains": [
                    {
                        "id": domain.id,
                        "title": s.show(domain.title),
                        "options": [
                            {
                                "value": value,
                                "label": s(label),
                                "checked": _rating(ratings, phase, domain.id) == value,
                            }
                            for value, label in CONFIDENCE_LABELS.items()
                        ],
                    }
                    for domain in framework.domains
                ],
            }
        )
    return forms


def domains_context(
    framework: Framework,
    summaries: tuple[DomainSummary, ...],
    attainments: Mapping[str, Attainment],
    blocks: list[CourseBlock],
    evidence: list[Evidence],
    s: Strings,
    link_for: LinkFor,
) -> list[dict]:
    """Each domain with each competency's level, evidence and next step."""
    done = {piece.usage_id: piece for piece in evidence}
    return [
        {
            "id": summary.domain.id,
            "title": s.show(summary.domain.title),
            "description": s.show(summary.domain.description),
            "level_text": level_label(framework, summary.level, s),
            "highest_text": level_label(framework, summary.highest, s),
            "competencies": [
                _competency(framework, competency, attainments[competency.id], s)
                | {
                    "next": _next(
                        framework, competency, attainments[competency.id], blocks, done, s, link_for
                    )
                }
                for competency in summary.domain.competencies
            ],
        }
        for summary in summaries
    ]


def _competency(
    framework: Framework, competency: Competency, attainment: Attainment, s: Strings
) -> dict:
    return {
        "id": competency.id,
        "title": s.show(competency.title),
        "description": s.show(competency.description),
        "level": attainment.level,
        "level_text": level_label(framework, attainment.level, s),
        "descriptor": _descriptor(competency, attainment.level, s) if attainment.level else "",
        "evidence": _evidence_rows(attainment, s),
        "highest": attainment.next is None,
        "highest_text": (
            s("This is the highest level in the framework.")
            if attainment.level == framework.max_level
            else s("Higher levels are not reached through course evidence.")
        ),
    }


def _descriptor(competency: Competency, level: int, s: Strings) -> Shown:
    """What `competency` looks like at `level`, in the learner's language where the framework
    has it, else in English."""
    return s.show(competency.descriptors.get(level))


def _evidence_rows(attainment: Attainment, s: Strings) -> list[dict]:
    """The pieces behind the level reached, once each, with the levels each counts towards."""
    levels: dict[str, list[int]] = {}
    pieces: dict[str, Evidence] = {}
    for level, counted in sorted(attainment.evidence.items()):
        for piece in counted:
            pieces.setdefault(piece.usage_id, piece)
            levels.setdefault(piece.usage_id, []).append(level)
    rows = []
    for usage_id, piece in pieces.items():
        rows.append(
            {
                "usage_id": usage_id,
                "title": s.title(piece.title),
                "kind": kind_title(piece.block_type, s),
                "counts_for": ", ".join(
                    s("Level {number}").format(number=level) for level in levels[usage_id]
                ),
                "score": percent_text(piece.score),
                "completed_at": piece.completed_at,
                "completed_iso": date_text(piece.completed_at),
                "course_version": piece.course_version or s("not recorded"),
            }
        )
    return rows


def _next(
    framework: Framework,
    competency: Competency,
    attainment: Attainment,
    blocks: list[CourseBlock],
    done: Mapping[str, Evidence],
    s: Strings,
    link_for: LinkFor,
) -> dict | None:
    following: NextLevel | None = attainment.next
    if following is None:
        return None
    return {
        "level_text": level_label(framework, following.level, s),
        "descriptor": _descriptor(competency, following.level, s),
        "requirements": [
            _requirement(competency.id, progress, blocks, done, s, link_for)
            for progress in following.progress
        ],
    }


def _requirement(
    competency_id: str,
    progress: RequirementProgress,
    blocks: list[CourseBlock],
    done: Mapping[str, Evidence],
    s: Strings,
    link_for: LinkFor,
) -> dict:
    suggestions = (
        [] if progress.met else _suggestions(competency_id, progress, blocks, done, s, link_for)
    )
    return {
        "text": requirement_text(progress.requirement, s),
        "progress": progress_text(progress, s),
        "met": progress.met,
        "suggestions": suggestions,
        "none_in_course": not progress.met and not suggestions,
    }


def _suggestions(
    competency_id: str,
    progress: RequirementProgress,
    blocks: list[CourseBlock],
    done: Mapping[str, Evidence],
    s: Strings,
    link_for: LinkFor,
) -> list[dict]:
    """Blocks of the course that would count if done (or done better): retries first."""
    counted = {piece.usage_id for piece in progress.counted}
    found = []
    for block in blocks:
        level = block.level_for(competency_id)
        if block.usage_id in counted or not progress.requirement.accepts_block(
            block.block_type, level
        ):
            continue
        piece = done.get(block.usage_id)
        note = (
            s("You scored {score}: try it again to raise your score.").format(
                score=percent_text(piece.score)
            )
            if piece
            else s("Not done yet.")
        )
        found.append(
            {
                "title": s.title(block.title),
                "kind": kind_title(block.block_type, s),
                "url": link_for(block),
                "note": note,
                "retry": piece is not None,
            }
        )
    found.sort(key=lambda item: not item["retry"])
    return found[:MAX_SUGGESTIONS]


def _rating(ratings: Mapping[str, Mapping[str, int]], phase: str, domain_id: str) -> Any:
    return (ratings.get(phase) or {}).get(domain_id)


def framework_page_context(framework: Framework, s: Strings) -> dict:
    """The framework for anyone to read: levels, then each competency's level descriptors."""
    return {
        "lang": s.lang,
        "title": s.show(framework.title),
        "version": framework.version,
        "description": s.show(framework.description),
        "levels": levels_context(framework, s),
        "domains": [
            {
                "title": s.show(domain.title),
                "description": s.show(domain.description),
                "competencies": [
                    {
                        "id": competency.id,
                        "title": s.show(competency.title),
                        "description": s.show(competency.description),
                        "descriptors": [
                            {
                                "level": level.number,
                                "name": s.show(level.name),
                                "text": _descriptor(competency, level.number, s),
                            }
                            for level in framework.levels
                        ],
                    }
                    for competency in domain.competencies
                ],
            }
            for domain in framework.domains
        ],
    }


def report_row(framework: Framework, state: Mapping[str, Any]) -> dict:
    """One learner's row of the instructors' report, from the tracker's stored state: each
    competency's level as of the learner's last visit, then their self-ratings."""
    levels = state.get("levels_seen") or {}
    ratings = state.get("ratings") or {}
    row: dict[str, Any] = {
        "framework": framework.id,
        "framework_version": framework.version,
        "levels_as_of": state.get("levels_seen_at", ""),
    }
    for competency in framework.competencies:
        level = levels.get(competency.id, 0)
        row[competency.id] = level if isinstance(level, int) else 0
    for phase in PHASES:
        for domain in framework.domains:
            row[f"confidence_{phase}.{domain.id}"] = _rating(ratings, phase, domain.id) or ""
    return row
