"""How the built course is graded: an assignment type per graded subsection, weighted by
the weights of the graded blocks it holds.

Open edX averages the subsections of one assignment type, then weights the types; so each
type's weight is the share of the course's graded weight that its blocks carry.
"""

from __future__ import annotations

from .loader import LoadedVersion
from .model import APPRAISAL, CASE_STUDY, Section

TYPES = {
    frozenset({APPRAISAL}): ("Appraisal", "APP"),
    frozenset({CASE_STUDY}): ("Case study", "CS"),
    frozenset({APPRAISAL, CASE_STUDY}): ("Appraisal and case study", "MIX"),
}


def _graded(loaded: LoadedVersion, section: Section) -> list[tuple[str, float]]:
    return [
        (assessment.kind, assessment.weight)
        for unit, _, assessment in loaded.assessments()
        if assessment.graded and unit.path.parent == section.path
    ]


def section_format(loaded: LoadedVersion, section: Section) -> str | None:
    """The assignment type of the section's subsection, or None if nothing in it is graded."""
    kinds = frozenset(kind for kind, _ in _graded(loaded, section))
    return TYPES[kinds][0] if kinds else None


def grading_policy(loaded: LoadedVersion) -> dict:
    weights: dict[str, float] = {}
    counts: dict[str, int] = {}
    labels = {name: label for name, label in TYPES.values()}
    for section in loaded.version.sections:
        name = section_format(loaded, section)
        if name is None:
            continue
        weights[name] = weights.get(name, 0.0) + sum(w for _, w in _graded(loaded, section))
        counts[name] = counts.get(name, 0) + 1
    total = sum(weights.values())
    names = [name for name, _ in TYPES.values() if name in weights]
    shares = [round(weights[name] / total, 6) for name in names] if total else []
    if shares:
        # The shares must add up to exactly 1; rounding goes to the last type.
        shares[-1] = round(1 - sum(shares[:-1]), 6)
    grader = [
        {
            "type": name,
            "short_label": labels[name],
            "min_count": counts[name],
            "drop_count": 0,
            "weight": share,
        }
        for name, share in zip(names, shares, strict=True)
    ]
    return {"GRADER": grader, "GRADE_CUTOFFS": {"Pass": loaded.version.pass_mark}}
