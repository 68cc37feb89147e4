"""`completion.csv`: one row per person and required course. Scores are plain numbers
(percent, one decimal), dates ISO 8601, so a spreadsheet reads them as numbers and dates."""

from __future__ import annotations

import csv
from pathlib import Path

from eip.report.build import Report
from eip.report.strings import Strings

COLUMNS = (
    "col.id",
    "col.name",
    "col.team",
    "col.manager",
    "col.role",
    "col.start",
    "col.course",
    "col.status",
    "col.due",
    "col.completed",
    "col.version",
    "col.score",
)


def score_percent(score: float | None) -> float | None:
    return None if score is None else round(score * 100, 1)


def write_csv(report: Report, path: Path, text: Strings) -> Path:
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        header = [text(key) for key in COLUMNS]
        header[COLUMNS.index("col.score")] = f"{text('col.score')} (%)"
        writer.writerow(header)
        for a in report.assignments:
            person = a.person
            writer.writerow(
                [
                    person.id,
                    person.name,
                    person.team,
                    person.manager,
                    person.role,
                    _iso(person.start),
                    a.title,
                    text.status(a.status),
                    _iso(a.due),
                    _iso(a.completed),
                    a.version,
                    "" if a.score is None else score_percent(a.score),
                ]
            )
    return Path(path)


def _iso(day) -> str:
    return day.isoformat() if day else ""
