"""A domain at a glance: the levels its competencies reached, for profiles and team reports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .attainment import Attainment
from .framework_types import Domain, Framework


@dataclass(frozen=True)
class DomainSummary:
    """`levels`: each competency's level (0 = none yet), in framework order. `level`: the
    level every competency of the domain has reached; `highest`: the best any has.
    `counts[n]`: how many competencies are at exactly level n, for n = 0 .. max level."""

    domain: Domain
    levels: Mapping[str, int]
    level: int
    highest: int
    counts: Mapping[int, int]

    def __hash__(self) -> int:
        return hash((self.domain.id, tuple(self.levels.items())))

    def as_dict(self) -> dict:
        return {
            "domain": self.domain.id,
            "levels": dict(self.levels),
            "level": self.level,
            "highest": self.highest,
            "counts": {str(level): count for level, count in self.counts.items()},
        }


def domain_summary(
    framework: Framework, attainments: Mapping[str, Attainment]
) -> tuple[DomainSummary, ...]:
    """One summary per domain of `framework`, in its order, from `attain`'s result.

    A competency missing from `attainments` counts as level 0.
    """
    summaries = []
    for domain in framework.domains:
        levels = {
            competency.id: attainments[competency.id].level if competency.id in attainments else 0
            for competency in domain.competencies
        }
        counts = {n: 0 for n in range(framework.max_level + 1)}
        for level in levels.values():
            counts[level] += 1
        summaries.append(
            DomainSummary(
                domain=domain,
                levels=levels,
                level=min(levels.values(), default=0),
                highest=max(levels.values(), default=0),
                counts=counts,
            )
        )
    return tuple(summaries)
