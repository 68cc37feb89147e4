"""`eip diff` output: what changed, then what it means for grading and competencies, then
the text of changed files."""

from __future__ import annotations

from .diff import Change, VersionDiff


def _where(change: Change) -> str:
    if change.old and change.new and change.old != change.new:
        return f"{change.old} -> {change.new}"
    return change.new or change.old or ""


def _lines(title: str, changes: list[Change], *, named: bool) -> list[str]:
    if not changes:
        return [f"{title}: no change"]
    lines = [f"{title}:"]
    for change in changes:
        name = f"{change.what} {change.name} " if named else ""
        place = _where(change)
        place = f"in {place}" if named and place else place
        lines.append(f"  {change.kind:<17}{name}{place}".rstrip())
    return lines


def _effect(title: str, reasons: list[str]) -> list[str]:
    if not reasons:
        return [f"{title}: not affected"]
    return [f"{title}: AFFECTED", *(f"  - {reason}" for reason in reasons)]


def format_diff(diff: VersionDiff, course: str, *, text: bool = True) -> str:
    lines = [f"{course} {diff.old} -> {diff.new}", ""]
    lines += _lines("Sections", diff.sections, named=False)
    lines += _lines("Units", diff.units, named=False)
    lines += _lines("Assessments", diff.assessments, named=True)
    lines.append("")
    lines += _effect("Grading", diff.grading)
    lines += _effect("Competencies", diff.competencies)
    changed = [c for c in (*diff.sections, *diff.units) if c.text_diff]
    if text and changed:
        lines += ["", "Changed text:"]
        for change in changed:
            lines.append("".join(change.text_diff).rstrip("\n"))
    return "\n".join(lines) + "\n"
