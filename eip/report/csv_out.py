"""`completion.csv`: one row per person and required course. Scores are plain numbers
(percent, one decimal), dates ISO 8601, so a spreadsheet reads them as numbers and dates."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from eip.report.build import Report
from eip.report.strings import PERSON_COLUMNS, STATUSES, Strings


def score_percent(score: float | None) -> float | None:
    return None if score is None else round(score * 100, 1)


def write_csv(report: Report, path: Path, text: Strings) -> Path:
    statuses = {status: text.status(status) for status in STATUSES}
    days: dict[date | None, str] = {None: ""}  # each date's text, made once

    def iso(day: date | None) -> str:
        shown = days.get(day)
        if shown is None:
            shown = days[day] = day.isoformat()  # type: ignore[union-attr]
        return shown

    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        header = [text(key) for key in PERSON_COLUMNS]
        header[PERSON_COLUMNS.index("col.score")] = text("col.score_percent")
        writer.writerow(header)
        writer.writerows(
            (
                (person := a.person).id,
                person.name,
                person.team,
                person.manager,
                person.role,
                iso(person.start),
                a.title,
                statuses[a.status],
                iso(a.due),
                iso(a.completed),
                a.version,
                "" if a.score is None else score_percent(a.score),
            )
            for a in report.assignments
        )
    return Path(path)
