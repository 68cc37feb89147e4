"""The data of one case study: its settings and its nodes, keyed by id in reading order.

Each data class keeps `authored`, the attribute text as the author wrote it (compared by
meaning, not part of equality), so that an export writes back what was written.
"""

from __future__ import annotations

from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field
from typing import Any, ClassVar

# What a statement can be sorted into (the three Signs of Safety questions).
CATEGORIES = ("worried", "working_well", "next_steps")
CERTAINTIES = ("high", "moderate", "low", "very_low")
GRADINGS = ("best", "last")
SCALE_MIN = 0
SCALE_MAX = 10

# Optional attributes of <eip_case_study> and their defaults.
DEFAULTS: MappingABC[str, object] = {
    "allow_back": True,
    "max_attempts": 0,
    "grading": "best",
    "competencies": "",
    "weight": 1.0,
}

# A fraction this close below a band's minimum still earns the band (0.7999... is 0.8).
_EPSILON = 1e-9


def _authored() -> Any:
    return field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Narrative:
    kind: ClassVar[str] = "narrative"

    id: str
    title: str
    body_md: str
    next: str
    authored: MappingABC[str, str] = _authored()


@dataclass(frozen=True)
class Evidence:
    """A short research summary: real and cited, or fictional and labelled as such."""

    kind: ClassVar[str] = "evidence"

    id: str
    title: str
    certainty: str
    fictional: bool
    appraisal: str
    summary_md: str
    citation: str
    next: str
    authored: MappingABC[str, str] = _authored()


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    target: str
    points: int
    evidence_ids: tuple[str, ...]
    feedback_md: str
    authored: MappingABC[str, str] = _authored()


@dataclass(frozen=True)
class Decision:
    kind: ClassVar[str] = "decision"

    id: str
    title: str
    prompt_md: str
    choices: tuple[Choice, ...]
    authored: MappingABC[str, str] = _authored()

    def choice(self, choice_id: str) -> Choice | None:
        """The choice with id `choice_id`, or None."""
        return next((choice for choice in self.choices if choice.id == choice_id), None)


@dataclass(frozen=True)
class Statement:
    id: str
    text: str
    expected: str
    feedback_md: str
    authored: MappingABC[str, str] = _authored()


@dataclass(frozen=True)
class Mapping:
    """A Signs of Safety mapping: sort statements; `points` for each one placed as expected."""

    kind: ClassVar[str] = "mapping"

    id: str
    title: str
    prompt_md: str
    points: int
    scale: bool
    statements: tuple[Statement, ...]
    scale_guidance_md: str
    next: str
    authored: MappingABC[str, str] = _authored()

    def statement(self, statement_id: str) -> Statement | None:
        """The statement with id `statement_id`, or None."""
        return next((item for item in self.statements if item.id == statement_id), None)

    @property
    def max_points(self) -> int:
        return self.points * len(self.statements)


@dataclass(frozen=True)
class Reflection:
    """A free-text prompt: never graded, kept for the learner."""

    kind: ClassVar[str] = "reflection"

    id: str
    title: str
    prompt_md: str
    shareable: bool
    next: str
    authored: MappingABC[str, str] = _authored()


@dataclass(frozen=True)
class Band:
    """Said at an ending when the learner's score fraction is at least `min`."""

    min: float
    text_md: str
    authored: MappingABC[str, str] = _authored()


@dataclass(frozen=True)
class Ending:
    kind: ClassVar[str] = "ending"

    id: str
    title: str
    outcome_md: str
    debrief_md: str
    bands: tuple[Band, ...]
    authored: MappingABC[str, str] = _authored()

    def band_for(self, fraction: float) -> Band | None:
        """The first band (highest `min`) that `fraction` reaches; None if there are none."""
        for band in self.bands:
            if fraction + _EPSILON >= band.min:
                return band
        return self.bands[-1] if self.bands else None


Node = Narrative | Evidence | Decision | Mapping | Reflection | Ending
NODE_TYPES: tuple[type, ...] = (Narrative, Evidence, Decision, Mapping, Reflection, Ending)
NODE_KINDS: MappingABC[str, type] = {node_type.kind: node_type for node_type in NODE_TYPES}


def successors(node: Node) -> tuple[str, ...]:
    """The ids a learner can go to from `node`: its next, or its choices' targets."""
    if isinstance(node, Decision):
        return tuple(dict.fromkeys(choice.target for choice in node.choices))
    if isinstance(node, Ending):
        return ()
    return (node.next,)


@dataclass(frozen=True)
class CaseStudy:
    """One case study. `nodes` keeps the file's order; the graph is start/next/target."""

    display_name: str
    start: str
    allow_back: bool
    max_attempts: int
    grading: str
    competencies: str
    weight: float
    nodes: MappingABC[str, Node]
    max_points: int
    authored: MappingABC[str, str] = _authored()

    def node(self, node_id: str) -> Node:
        """The node with id `node_id` (KeyError if there is none)."""
        return self.nodes[node_id]

    @property
    def endings(self) -> tuple[Ending, ...]:
        return tuple(node for node in self.nodes.values() if isinstance(node, Ending))

    def __hash__(self) -> int:
        return hash((self.display_name, self.start, tuple(self.nodes)))
