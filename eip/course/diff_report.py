"""`eip diff` output: what changed, then what it means for grading and competencies, then
the text of changed files."""

from __future__ import annotations

from eip.translation import N_, _

from .diff import Change, VersionDiff
from .effects import kind_name

# The kind of a change; "moved, changed" is two of them.
KINDS = {
    "added": N_("added"),
    "removed": N_("removed"),
    "moved": N_("moved"),
    "changed": N_("changed"),
}
KIND_WIDTH = 17  # the kind column, wider when a translation needs it


def _kind(change: Change) -> str:
    return ", ".join(_(KINDS.get(part, part)) for part in change.kind.split(", "))


def _where(change: Change) -> str:
    if change.old and change.new and change.old != change.new:
        return f"{change.old} -> {change.new}"
    return change.new or change.old or ""


def _item(change: Change, *, named: bool) -> str:
    place = _where(change)
    if not named:
        return place
    if not place:
        return _("{kind} {name}").format(kind=kind_name(change.what), name=change.name)
    return _("{kind} {name} in {place}").format(
        kind=kind_name(change.what), name=change.name, place=place
    )


def _lines(title: str, unchanged: str, changes: list[Change], *, named: bool) -> list[str]:
    if not changes:
        return [unchanged]
    kinds = [_kind(change) for change in changes]
    width = max(KIND_WIDTH, *(len(kind) + 2 for kind in kinds))
    lines = [title]
    for kind, change in zip(kinds, changes, strict=True):
        lines.append(f"  {kind:<{width}}{_item(change, named=named)}".rstrip())
    return lines


def _effect(affected: str, unaffected: str, reasons: list[str]) -> list[str]:
    if not reasons:
        return [unaffected]
    return [affected, *(f"  - {reason}" for reason in reasons)]


def format_diff(diff: VersionDiff, course: str, *, text: bool = True) -> str:
    lines = [f"{course} {diff.old} -> {diff.new}", ""]
    lines += _lines(_("Sections:"), _("Sections: no change"), diff.sections, named=False)
    lines += _lines(_("Units:"), _("Units: no change"), diff.units, named=False)
    lines += _lines(_("Assessments:"), _("Assessments: no change"), diff.assessments, named=True)
    lines.append("")
    lines += _effect(_("Grading: AFFECTED"), _("Grading: not affected"), diff.grading)
    lines += _effect(
        _("Competencies: AFFECTED"), _("Competencies: not affected"), diff.competencies
    )
    changed = [c for c in (*diff.sections, *diff.units) if c.text_diff]
    if text and changed:
        lines += ["", _("Changed text:")]
        for change in changed:
            lines.append("".join(change.text_diff).rstrip("\n"))
    return "\n".join(lines) + "\n"
