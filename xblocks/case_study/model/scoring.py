"""Scoring a walk: the points earned, out of the case study's maximum, and how a learner's
mapping compares with the authors' expected placements."""

from __future__ import annotations

from collections.abc import Mapping as MappingABC
from typing import Any, NamedTuple

from .case_study_types import CaseStudy, Mapping, Statement


class StatementResult(NamedTuple):
    """One statement of a mapping: where the learner put it, where the authors expected it."""

    statement: Statement
    placed: str | None
    expected: str
    agrees: bool


def walk_score(case: CaseStudy, walk: MappingABC[str, Any]) -> tuple[int, int, float]:
    """(points, max_points, fraction) of a walk; fraction is 1.0 when the maximum is 0.

    A walk that goes round a loop can earn a choice's points twice, while the maximum counts
    each node once; points are capped at the maximum so the fraction never exceeds 1.
    """
    earned = sum(int(step.get("points", 0)) for step in walk.get("steps", ()))
    best = case.max_points
    if best <= 0:
        return 0, 0, 1.0
    points = max(0, min(earned, best))
    return points, best, points / best


def mapping_result(
    case: CaseStudy, node: Mapping | str, placements: MappingABC[str, str]
) -> list[StatementResult]:
    """Each statement of mapping `node` (a Mapping or its id) in authored order."""
    mapping = case.node(node) if isinstance(node, str) else node
    if not isinstance(mapping, Mapping):
        raise TypeError(f"{mapping.id} is a {mapping.kind}, not a mapping")
    results = []
    for statement in mapping.statements:
        placed = placements.get(statement.id)
        results.append(
            StatementResult(statement, placed, statement.expected, placed == statement.expected)
        )
    return results


def mapping_points(mapping: Mapping, placements: MappingABC[str, str]) -> int:
    """The mapping's points for every statement placed as expected."""
    agreeing = sum(placements.get(item.id) == item.expected for item in mapping.statements)
    return mapping.points * agreeing
