"""Whether a change between two versions affects grading or competencies, and how."""

from __future__ import annotations

from collections.abc import Iterable

from eip.translation import N_, _, ngettext

from .grading import grading_policy
from .loader import LoadedVersion
from .model import APPRAISAL, CASE_STUDY, TRACKER

KINDS = {
    # Translators: the kinds of assessment a unit places, named as after ::: in a unit file
    # ("::: appraisal fgc-trial"); in Welsh, the names of the kinds (ymarfer arfarnu, ...).
    APPRAISAL: N_("appraisal"),
    CASE_STUDY: N_("case-study"),
    TRACKER: N_("competency-tracker"),
}


def kind_name(kind: str) -> str:
    """The word for a kind of assessment, in the language `eip` speaks."""
    return _(KINDS[kind]) if kind in KINDS else kind


def _graded(loaded: LoadedVersion) -> dict[tuple[str, str], float]:
    graded: dict[tuple[str, str], float] = {}
    for _unit, reference, assessment in loaded.assessments():
        if assessment.graded:
            key = (reference.kind, reference.target)
            graded[key] = graded.get(key, 0.0) + assessment.weight
    return graded


def _number(value: float) -> str:
    return f"{value:g}"


def _share(entry: dict | None) -> str:
    if entry is None:
        return _("none")
    count = entry["min_count"]
    return ngettext(
        "{share} of the grade over {count} subsection",
        "{share} of the grade over {count} subsections",
        count,
    ).format(share=f"{entry['weight']:.0%}", count=count)


def grading_effects(old: LoadedVersion, new: LoadedVersion) -> list[str]:
    """How a change affects grading: graded blocks, weights, assignment types, pass mark."""
    reasons = []
    before, after = _graded(old), _graded(new)
    for key in sorted(before.keys() | after.keys()):
        name = {"kind": kind_name(key[0]), "name": key[1]}
        if key not in before:
            reasons.append(
                _("graded {kind} {name} added (weight {weight})").format(
                    **name, weight=_number(after[key])
                )
            )
        elif key not in after:
            reasons.append(
                _("graded {kind} {name} removed (weight {weight})").format(
                    **name, weight=_number(before[key])
                )
            )
        elif before[key] != after[key]:
            reasons.append(
                _("{kind} {name}: weight {old} -> {new}").format(
                    **name, old=_number(before[key]), new=_number(after[key])
                )
            )
    policy_old, policy_new = grading_policy(old), grading_policy(new)
    types_old = {entry["type"]: entry for entry in policy_old["GRADER"]}
    types_new = {entry["type"]: entry for entry in policy_new["GRADER"]}
    for name in sorted(types_old.keys() | types_new.keys()):
        a, b = types_old.get(name), types_new.get(name)
        if a != b:
            reasons.append(
                _('assignment type "{name}": {old} -> {new}').format(
                    name=name, old=_share(a), new=_share(b)
                )
            )
    if policy_old["GRADE_CUTOFFS"] != policy_new["GRADE_CUTOFFS"]:
        reasons.append(
            _("pass mark {old} -> {new}").format(
                old=f"{policy_old['GRADE_CUTOFFS']['Pass']:.0%}",
                new=f"{policy_new['GRADE_CUTOFFS']['Pass']:.0%}",
            )
        )
    return reasons


def _tags(loaded: LoadedVersion) -> dict[str, set[int | None]]:
    tags: dict[str, set[int | None]] = {}
    for _unit, _reference, assessment in loaded.assessments():
        for tag in assessment.competencies:
            tags.setdefault(tag.id, set()).add(tag.level)
    return tags


def _level_list(levels: Iterable[int | None]) -> str:
    return ", ".join(sorted(str(level) for level in levels if level is not None)) or _("none")


def _assessed(levels: Iterable[int | None], at_levels: str, plain: str, tag: str) -> str:
    """`at_levels` ("... {tag} at level {levels}") when the tags give levels, else `plain`."""
    shown = sorted(str(level) for level in levels if level is not None)
    if shown:
        return at_levels.format(tag=tag, levels=", ".join(shown))
    return plain.format(tag=tag)


def _evidence_counts(loaded: LoadedVersion) -> dict[str, int]:
    """How many placed assessments give evidence for each competency."""
    counts: dict[str, int] = {}
    for _unit, _reference, assessment in loaded.assessments():
        for tag in assessment.competencies:
            counts[tag.id] = counts.get(tag.id, 0) + 1
    return counts


def competency_effects(old: LoadedVersion, new: LoadedVersion) -> list[str]:
    """How a change affects competencies: the framework, what is assessed, how often."""
    reasons = []
    if old.version.course.framework != new.version.course.framework:
        reasons.append(
            _("framework {old} -> {new}").format(
                old=old.version.course.framework, new=new.version.course.framework
            )
        )
    before, after = _tags(old), _tags(new)
    for tag in sorted(before.keys() | after.keys()):
        if tag not in before:
            reasons.append(
                _assessed(
                    after[tag],
                    _("now assessed: {tag} at level {levels}"),
                    _("now assessed: {tag}"),
                    tag,
                )
            )
        elif tag not in after:
            reasons.append(
                _assessed(
                    before[tag],
                    _("no longer assessed: {tag} at level {levels}"),
                    _("no longer assessed: {tag}"),
                    tag,
                )
            )
        elif before[tag] != after[tag]:
            reasons.append(
                _("{tag}: level {old} -> {new}").format(
                    tag=tag, old=_level_list(before[tag]), new=_level_list(after[tag])
                )
            )
    counts_old, counts_new = _evidence_counts(old), _evidence_counts(new)
    for tag in sorted(counts_old.keys() & counts_new.keys()):
        if counts_old[tag] != counts_new[tag]:
            reasons.append(
                ngettext(
                    "{tag}: evidence from {old} -> {new} assessment",
                    "{tag}: evidence from {old} -> {new} assessments",
                    counts_new[tag],
                ).format(tag=tag, old=counts_old[tag], new=counts_new[tag])
            )
    return reasons
