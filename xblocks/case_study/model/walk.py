"""A learner's way through a case study, as pure functions over a JSON-able dict.

The block stores the dict after every step, so a learner resumes where they left off:

    {"node": "first-visit",            # where the learner is now
     "steps": [...],                   # what they did, oldest first
     "points": 2,                      # the sum of the steps' points
     "mapping": {"map-1": {...}},      # latest placements per mapping node
     "reflections": {"reflect-1": "..."},
     "ended": None}                    # the ending's id once one is reached

A step is {"node", "kind", "points"}, plus "choice" and "evidence" (the choice's evidence
ids) for a decision, and "placements", "scale" and "reason" for a mapping. No function
changes the dict it is given; each returns a new one, or raises WalkError when the action
does not fit the walk (a stale page, an unknown choice, incomplete placements, back at the
start or after the ending). WalkError.code tells the block which message to show.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping as MappingABC
from typing import Any

from xblocks.core.messages import one_of

from .case_study_types import (
    CATEGORIES,
    SCALE_MAX,
    SCALE_MIN,
    CaseStudy,
    Decision,
    Ending,
    Evidence,
    Mapping,
    Narrative,
    Node,
    Reflection,
)
from .scoring import StatementResult, mapping_points, mapping_result, walk_score

__all__ = [
    "StatementResult",
    "WalkError",
    "advance",
    "back",
    "choose",
    "map_statements",
    "mapping_result",
    "new_walk",
    "walk_fits",
    "walk_path",
    "walk_score",
]

Walk = dict[str, Any]


class WalkError(ValueError):
    """An action that does not fit the walk. `code` is one of:

    "ended" (the walk has reached an ending), "stale" (the page shows another node than the
    walk is at), "wrong_kind" (e.g. a choice at a narrative), "unknown_choice",
    "placements" (missing, unknown or badly placed statements), "scale" (a safety scale
    that is not a whole number 0-10, or one where none is asked), "at_start" (back with
    nothing to undo) and "no_back" (the case study does not allow going back).
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def new_walk(case: CaseStudy) -> Walk:
    """A walk at the start of `case`, with nothing done yet."""
    start = case.node(case.start)
    return {
        "node": case.start,
        "steps": [],
        "points": 0,
        "mapping": {},
        "reflections": {},
        "ended": case.start if isinstance(start, Ending) else None,
    }


def advance(
    case: CaseStudy, walk: MappingABC[str, Any], node_id: str, text: str | None = None
) -> Walk:
    """Go on from a narrative, evidence card or reflection (keeping the reflection's `text`)."""
    node = _current(case, walk, node_id, (Narrative, Evidence, Reflection))
    updated = copy.deepcopy(dict(walk))
    if isinstance(node, Reflection):
        updated["reflections"][node.id] = text or ""
    elif text:
        raise WalkError(f'"{node.id}" is a {node.kind}: it takes no text', "wrong_kind")
    return _step(case, updated, {"node": node.id, "kind": node.kind, "points": 0}, node.next)


def choose(case: CaseStudy, walk: MappingABC[str, Any], node_id: str, choice_id: str) -> Walk:
    """Take choice `choice_id` at decision `node_id`, earning its points."""
    node = _current(case, walk, node_id, (Decision,))
    choice = node.choice(choice_id)
    if choice is None:
        raise WalkError(
            f'decision "{node.id}" has no choice "{choice_id}"; it has '
            f"{one_of(item.id for item in node.choices)}",
            "unknown_choice",
        )
    step = {
        "node": node.id,
        "kind": node.kind,
        "choice": choice.id,
        "points": choice.points,
        "evidence": list(choice.evidence_ids),
    }
    return _step(case, copy.deepcopy(dict(walk)), step, choice.target)


def map_statements(
    case: CaseStudy,
    walk: MappingABC[str, Any],
    node_id: str,
    placements: MappingABC[str, str],
    scale: int | None = None,
    reason: str = "",
) -> Walk:
    """Sort every statement of mapping `node_id`; earn its points per statement as expected."""
    node = _current(case, walk, node_id, (Mapping,))
    _check_placements(node, placements)
    _check_scale(node, scale)
    placed = {item.id: placements[item.id] for item in node.statements}
    points = mapping_points(node, placed)
    entry = {"placements": placed, "scale": scale, "reason": reason or "", "points": points}
    updated = copy.deepcopy(dict(walk))
    updated["mapping"][node.id] = copy.deepcopy(entry)
    step = {"node": node.id, "kind": node.kind, "points": points}
    step.update({key: entry[key] for key in ("placements", "scale", "reason")})
    return _step(case, updated, step, node.next)


def back(case: CaseStudy, walk: MappingABC[str, Any], node_id: str | None = None) -> Walk:
    """Undo the last step and its points. With `node_id`, refuse a stale page too."""
    if not case.allow_back:
        raise WalkError("this case study does not allow going back", "no_back")
    if walk.get("ended"):
        raise WalkError("the case study has ended; there is no going back", "ended")
    if node_id is not None and node_id != walk.get("node"):
        raise _stale(walk, node_id)
    if not walk.get("steps"):
        raise WalkError("this is the start: there is nothing to go back to", "at_start")
    updated = copy.deepcopy(dict(walk))
    step = updated["steps"].pop()
    updated["points"] = updated.get("points", 0) - int(step.get("points", 0))
    updated["node"] = step["node"]
    updated["ended"] = None
    if step["kind"] == Mapping.kind:
        earlier = [s for s in updated["steps"] if s["node"] == step["node"]]
        if earlier:
            previous = earlier[-1]
            updated["mapping"][step["node"]] = {
                key: copy.deepcopy(previous.get(key)) for key in ("placements", "scale", "reason")
            } | {"points": previous.get("points", 0)}
        else:
            updated["mapping"].pop(step["node"], None)
    return updated


def walk_path(walk: MappingABC[str, Any]) -> list[str]:
    """The ids of the nodes the walk has been through, the current node last."""
    return [step["node"] for step in walk.get("steps", ())] + [walk["node"]]


def walk_fits(case: CaseStudy, walk: object) -> bool:
    """Whether a stored walk still fits `case` (its nodes and choices exist, it is well
    formed); a walk saved before the case study was edited may not, and should restart."""
    try:
        if not isinstance(walk, dict) or walk["node"] not in case.nodes:
            return False
        for step in walk["steps"]:
            node = case.nodes[step["node"]]
            if node.kind != step["kind"] or not isinstance(step["points"], int):
                return False
            if isinstance(node, Decision) and node.choice(step["choice"]) is None:
                return False
        if not all(isinstance(walk[key], dict) for key in ("mapping", "reflections")):
            return False
        at_ending = isinstance(case.node(walk["node"]), Ending)
        return walk["ended"] == (walk["node"] if at_ending else None)
    except (KeyError, TypeError):
        return False


def _current(
    case: CaseStudy, walk: MappingABC[str, Any], node_id: str, kinds: tuple[type, ...]
) -> Any:
    if walk.get("ended"):
        raise WalkError("the case study has ended; restart to walk it again", "ended")
    if node_id != walk.get("node"):
        raise _stale(walk, node_id)
    node: Node = case.node(node_id)
    if not isinstance(node, kinds):
        raise WalkError(f'"{node_id}" is a {node.kind}; that action does not apply', "wrong_kind")
    return node


def _stale(walk: MappingABC[str, Any], node_id: str) -> WalkError:
    return WalkError(
        f'the walk is at "{walk.get("node")}", not "{node_id}": the page is out of date',
        "stale",
    )


def _step(case: CaseStudy, walk: Walk, step: dict[str, Any], target: str) -> Walk:
    walk["steps"].append(step)
    walk["points"] = walk.get("points", 0) + step["points"]
    walk["node"] = target
    if isinstance(case.node(target), Ending):
        walk["ended"] = target
    return walk


def _check_placements(node: Mapping, placements: MappingABC[str, str]) -> None:
    expected = [item.id for item in node.statements]
    missing = [statement_id for statement_id in expected if statement_id not in placements]
    unknown = [statement_id for statement_id in placements if statement_id not in expected]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"not placed: {one_of(missing)}")
        if unknown:
            parts.append(f"not statements of this mapping: {one_of(unknown)}")
        raise WalkError(f'mapping "{node.id}": ' + "; ".join(parts), "placements")
    wrong = [key for key, value in placements.items() if value not in CATEGORIES]
    if wrong:
        raise WalkError(
            f'mapping "{node.id}": {one_of(wrong)} must be placed in one of {one_of(CATEGORIES)}',
            "placements",
        )


def _check_scale(node: Mapping, scale: int | None) -> None:
    if scale is None:
        return
    if not node.scale:
        raise WalkError(f'mapping "{node.id}" asks for no safety scale', "scale")
    if isinstance(scale, bool) or not isinstance(scale, int) or not SCALE_MIN <= scale <= SCALE_MAX:
        raise WalkError(
            f"the safety scale must be a whole number from {SCALE_MIN} to {SCALE_MAX}", "scale"
        )
