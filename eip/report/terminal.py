"""The summary printed at the end of `eip report`: who, what was read, what was skipped."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from eip.report.assignments import NO_ROLE
from eip.report.build import Report
from eip.report.strings import STATUSES, Strings
from eip.translation import model_text

EXAMPLES = 5


def summary_lines(report: Report, written: Sequence[Path], text: Strings) -> list[str]:
    reading = report.reading
    counts = report.tally()
    lines = [
        text(
            "term.people",
            people=f"{len(report.people):,}",
            teams=f"{len(report.teams):,}",
            assigned=f"{counts.total:,}",
        ),
        text(
            "term.statuses",
            statuses=", ".join(
                text("term.status_count", status=text.status(s), count=f"{counts.count(s):,}")
                for s in STATUSES
            ),
        ),
        text(
            "term.events",
            lines=f"{reading.lines:,}",
            files=len(reading.files),
            used=f"{reading.used:,}",
            duplicates=f"{reading.duplicates:,}",
        ),
    ]
    for reason, count in sorted(reading.skipped.items(), key=lambda item: -item[1]):
        lines.append(text("term.skipped", count=f"{count:,}", reason=text(f"skip.{reason}")))
        if reason == "malformed":
            lines += [
                text("term.example", where=f"{path}:{number}")
                for path, number in reading.malformed[:EXAMPLES]
            ]
            hidden = count - min(len(reading.malformed), EXAMPLES)
            if hidden > 0:
                lines.append(text("term.more", count=f"{hidden:,}"))
        elif reason == "unknown_course":
            common = reading.unknown_courses.most_common()
            lines += [
                text("term.unknown_courses", course=course, count=n)
                for course, n in common[:EXAMPLES]
            ]
            if len(common) > EXAMPLES:
                lines.append(text("term.more", count=len(common) - EXAMPLES))
        elif reason == "unknown_user":
            names = sorted(reading.unknown_users)
            lines.append(
                text(
                    "term.unknown_users",
                    count=len(names),
                    examples=", ".join(names[:EXAMPLES]),
                )
            )
    roster = report.roster
    lines += _skipped_rows(
        text, "term.roster", [f"{roster.path}:{p.line}: {p.message}" for p in roster.problems]
    )
    lines += _skipped_rows(text, "term.grade_reports", report.grade_problems)
    for framework_id, error in report.unreadable_frameworks:
        lines.append(
            text("term.unreadable_framework", framework=framework_id, reason=model_text(error))
        )
    for role, people in sorted(report.roles_without_requirements.items()):
        if role == NO_ROLE:
            lines.append(text("term.no_requirement_no_role", count=people))
        else:
            lines.append(text("term.no_requirement", role=repr(role), count=people))
    lines += [text("term.wrote", path=path) for path in written]
    lines.append(text("term.time", seconds=f"{report.elapsed:.1f}"))
    return lines


def _skipped_rows(text: Strings, key: str, problems: Sequence[str]) -> list[str]:
    """The count of an input's skipped rows under `key`, then the first few (file, line, why)."""
    if not problems:
        return []
    lines = [text(key, count=len(problems))]
    lines += [text("term.example", where=problem) for problem in problems[:EXAMPLES]]
    if len(problems) > EXAMPLES:
        lines.append(text("term.more", count=len(problems) - EXAMPLES))
    return lines
