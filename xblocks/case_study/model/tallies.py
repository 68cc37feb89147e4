"""Anonymous counts of what learners chose, for the "how others chose" view after an ending.

Tallies are one flat dict, because ids are unique across nodes, choices and statements:
`{decision_id: {choice_id: count}, statement_id: {category: count}}`. Only authored ids and
the three categories are ever counted, never free text: tallies live in shared block state.
"""

from __future__ import annotations

from collections.abc import Mapping as MappingABC
from typing import Any

from .case_study_types import CATEGORIES, CaseStudy, Decision, Mapping

Tallies = MappingABC[str, MappingABC[str, int]]


def add_walk_to_tallies(
    tallies: Tallies, case: CaseStudy, walk: MappingABC[str, Any]
) -> dict[str, dict[str, int]]:
    """A new tallies dict counting one more learner's walk.

    Each choice taken counts once per walk, even if a loop brought the learner back to the
    decision; each statement counts where the learner last placed it.
    """
    updated = {key: dict(counts) for key, counts in tallies.items()}
    taken: set[tuple[str, str]] = set()
    for step in walk.get("steps", ()):
        node = case.nodes.get(step.get("node", ""))
        if isinstance(node, Decision) and node.choice(step.get("choice", "")) is not None:
            taken.add((node.id, step["choice"]))
    for node_id, choice_id in sorted(taken):
        _count(updated, node_id, choice_id)
    for node_id, entry in walk.get("mapping", {}).items():
        node = case.nodes.get(node_id)
        if not isinstance(node, Mapping):
            continue
        placements = entry.get("placements", {})
        for statement in node.statements:
            if placements.get(statement.id) in CATEGORIES:
                _count(updated, statement.id, placements[statement.id])
    return updated


def _count(tallies: dict[str, dict[str, int]], key: str, value: str) -> None:
    counts = tallies.setdefault(key, {})
    counts[value] = counts.get(value, 0) + 1
