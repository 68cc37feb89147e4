"""Whether a change between two versions affects grading or competencies, and how."""

from __future__ import annotations

from collections.abc import Iterable

from .grading import grading_policy
from .loader import LoadedVersion


def _graded(loaded: LoadedVersion) -> dict[tuple[str, str], float]:
    graded: dict[tuple[str, str], float] = {}
    for _, reference, assessment in loaded.assessments():
        if assessment.graded:
            key = (reference.kind, reference.target)
            graded[key] = graded.get(key, 0.0) + assessment.weight
    return graded


def _number(value: float) -> str:
    return f"{value:g}"


def _share(entry: dict | None) -> str:
    if entry is None:
        return "none"
    count = entry["min_count"]
    return f"{entry['weight']:.0%} of the grade over {count} subsection{'s' if count != 1 else ''}"


def grading_effects(old: LoadedVersion, new: LoadedVersion) -> list[str]:
    """How a change affects grading: graded blocks, weights, assignment types, pass mark."""
    reasons = []
    before, after = _graded(old), _graded(new)
    for key in sorted(before.keys() | after.keys()):
        name = f"{key[0]} {key[1]}"
        if key not in before:
            reasons.append(f"graded {name} added (weight {_number(after[key])})")
        elif key not in after:
            reasons.append(f"graded {name} removed (weight {_number(before[key])})")
        elif before[key] != after[key]:
            reasons.append(f"{name}: weight {_number(before[key])} -> {_number(after[key])}")
    policy_old, policy_new = grading_policy(old), grading_policy(new)
    types_old = {entry["type"]: entry for entry in policy_old["GRADER"]}
    types_new = {entry["type"]: entry for entry in policy_new["GRADER"]}
    for name in sorted(types_old.keys() | types_new.keys()):
        a, b = types_old.get(name), types_new.get(name)
        if a != b:
            reasons.append(f'assignment type "{name}": {_share(a)} -> {_share(b)}')
    if policy_old["GRADE_CUTOFFS"] != policy_new["GRADE_CUTOFFS"]:
        reasons.append(
            f"pass mark {policy_old['GRADE_CUTOFFS']['Pass']:.0%} -> "
            f"{policy_new['GRADE_CUTOFFS']['Pass']:.0%}"
        )
    return reasons


def _tags(loaded: LoadedVersion) -> dict[str, set[int | None]]:
    tags: dict[str, set[int | None]] = {}
    for _, _, assessment in loaded.assessments():
        for tag in assessment.competencies:
            tags.setdefault(tag.id, set()).add(tag.level)
    return tags


def _level_list(levels: Iterable[int | None]) -> str:
    return ", ".join(sorted(str(level) for level in levels if level is not None)) or "none"


def _levels(levels: Iterable[int | None]) -> str:
    shown = _level_list(levels)
    return f" at level {shown}" if shown != "none" else ""


def _evidence_counts(loaded: LoadedVersion) -> dict[str, int]:
    """How many placed assessments give evidence for each competency."""
    counts: dict[str, int] = {}
    for _, _, assessment in loaded.assessments():
        for tag in assessment.competencies:
            counts[tag.id] = counts.get(tag.id, 0) + 1
    return counts


def competency_effects(old: LoadedVersion, new: LoadedVersion) -> list[str]:
    """How a change affects competencies: the framework, what is assessed, how often."""
    reasons = []
    if old.version.course.framework != new.version.course.framework:
        reasons.append(
            f"framework {old.version.course.framework} -> {new.version.course.framework}"
        )
    before, after = _tags(old), _tags(new)
    for tag in sorted(before.keys() | after.keys()):
        if tag not in before:
            reasons.append(f"now assessed: {tag}{_levels(after[tag])}")
        elif tag not in after:
            reasons.append(f"no longer assessed: {tag}{_levels(before[tag])}")
        elif before[tag] != after[tag]:
            reasons.append(f"{tag}: level {_level_list(before[tag])} -> {_level_list(after[tag])}")
    counts_old, counts_new = _evidence_counts(old), _evidence_counts(new)
    for tag in sorted(counts_old.keys() & counts_new.keys()):
        if counts_old[tag] != counts_new[tag]:
            reasons.append(
                f"{tag}: evidence from {counts_old[tag]} -> {counts_new[tag]} assessments"
            )
    return reasons
