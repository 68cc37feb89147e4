"""`report.xlsx`: sheets summary, by team, by person, by course and competencies.

Written with XlsxWriter in constant-memory mode (rows go straight to disk, in order), with
numbers stored as numbers (scores as fractions shown as percentages) and dates as dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import xlsxwriter

from eip.report.build import Report
from eip.report.strings import STATUSES, Strings
from eip.report.tallies import tally

DATE_FORMAT = "yyyy-mm-dd"


class _Sheet:
    """One worksheet written row by row, each cell by the type of its value."""

    def __init__(self, book: Any, name: str, styles: dict, widths: Sequence[int]) -> None:
        self.sheet = book.add_worksheet(name)
        self.styles = styles
        self.row = 0
        for column, width in enumerate(widths):
            self.sheet.set_column(column, column, width)

    def header(self, cells: Sequence[str]) -> None:
        for column, value in enumerate(cells):
            self.sheet.write_string(self.row, column, value, self.styles["header"])
        self.sheet.freeze_panes(1, 0)
        self.row += 1

    def write(self, cells: Sequence[Any], percent: Sequence[int] = ()) -> None:
        for column, value in enumerate(cells):
            if value is None or value == "":
                self.sheet.write_blank(self.row, column, None)
            elif isinstance(value, date):
                self.sheet.write_datetime(self.row, column, value, self.styles["date"])
            elif isinstance(value, int | float) and not isinstance(value, bool):
                style = self.styles["percent"] if column in percent else None
                self.sheet.write_number(self.row, column, value, style)
            else:
                self.sheet.write_string(self.row, column, str(value))
        self.row += 1

    def filter(self, columns: int) -> None:
        if self.row > 1:
            self.sheet.autofilter(0, 0, self.row - 1, columns - 1)


def write_xlsx(report: Report, path: Path, text: Strings) -> Path:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
    styles = {
        "header": book.add_format({"bold": True, "text_wrap": True, "valign": "top"}),
        "date": book.add_format({"num_format": DATE_FORMAT}),
        "percent": book.add_format({"num_format": "0.0%"}),
    }
    _summary(_Sheet(book, text("sheet.summary"), styles, (34, 16)), report, text)
    _by_team(_Sheet(book, text("sheet.by_team"), styles, (28, 24, *[12] * 9)), report, text)
    _by_person(
        _Sheet(
            book, text("sheet.by_person"), styles, (28, 24, 24, 20, 22, 12, 34, 14, 12, 14, 9, 9)
        ),
        report,
        text,
    )
    _by_course(_Sheet(book, text("sheet.by_course"), styles, (34, 9, *[12] * 8)), report, text)
    _competencies(
        _Sheet(book, text("sheet.competencies"), styles, (28, 22, 40, *[14] * 6)), report, text
    )
    book.close()
    return Path(path)


def _summary(sheet: _Sheet, report: Report, text: Strings) -> None:
    total = tally(report.assignments)
    reading = report.reading
    sheet.header([text("col.measure"), text("col.value")])
    sheet.write([text("summary.as_of"), report.as_of])
    sheet.write([text("summary.people"), len(report.people)])
    sheet.write([text("summary.teams"), len(report.teams)])
    sheet.write([text("summary.assigned"), total.total])
    for status in STATUSES:
        sheet.write([text.status(status), total.count(status)])
    sheet.write([text("summary.percent_complete"), total.share_complete], percent=(1,))
    sheet.write([text("summary.lines"), reading.lines])
    sheet.write([text("summary.used"), reading.used])
    sheet.write([text("summary.duplicates"), reading.duplicates])
    for reason, count in sorted(reading.skipped.items()):
        sheet.write([text("summary.skipped", reason=text("skip." + reason)), count])
    sheet.write([text("summary.unknown_users"), len(report.unknown_users)])
    sheet.write([text("summary.roster_problems"), len(report.roster.problems)])


def _status_header(text: Strings) -> list[str]:
    return [text.status(status) for status in STATUSES]


def _by_team(sheet: _Sheet, report: Report, text: Strings) -> None:
    sheet.header(
        [
            text("col.team"),
            text("col.manager"),
            text("col.people"),
            text("col.assigned"),
            *_status_header(text),
            text("col.percent_complete"),
            text("col.average_score"),
        ]
    )
    people_in = {team: 0 for team in report.teams}
    for person in report.people:
        people_in[person.team] += 1
    for team, assignments in report.by_team().items():
        counts = tally(assignments)
        sheet.write(
            [
                team,
                report.managers.get(team, ""),
                people_in[team],
                counts.total,
                *[counts.count(status) for status in STATUSES],
                counts.share_complete,
                counts.average_score,
            ],
            percent=(9, 10),
        )
    sheet.filter(11)


def _by_person(sheet: _Sheet, report: Report, text: Strings) -> None:
    keys = ("col.id", "col.name", "col.team", "col.manager", "col.role", "col.start")
    sheet.header(
        [
            *(text(key) for key in keys),
            text("col.course"),
            text("col.status"),
            text("col.due"),
            text("col.completed"),
            text("col.version"),
            text("col.score"),
        ]
    )
    for a in report.assignments:
        p = a.person
        sheet.write(
            [
                p.id,
                p.name,
                p.team,
                p.manager,
                p.role,
                p.start,
                a.title,
                text.status(a.status),
                a.due,
                a.completed,
                a.version,
                a.score,
            ],
            percent=(11,),
        )
    sheet.filter(12)


def _by_course(sheet: _Sheet, report: Report, text: Strings) -> None:
    sheet.header(
        [
            text("col.course"),
            text("col.version"),
            text("col.assigned"),
            *_status_header(text),
            text("col.percent_complete"),
            text("col.average_score"),
        ]
    )
    for slug, title in sorted(report.titles.items(), key=lambda item: item[1].casefold()):
        mine = [a for a in report.assignments if a.slug == slug]
        if not mine:
            continue
        rows = [(text("col.all_versions"), mine)]
        versions = [c.version for c in report.courses if c.slug == slug]
        rows += [(v, [a for a in mine if a.version == v]) for v in versions]
        for index, (version, group) in enumerate(rows):
            counts = tally(group)
            sheet.write(
                [
                    title,
                    version,
                    counts.total,
                    *[counts.count(status) for status in STATUSES],
                    None if index else counts.share_complete,
                    counts.average_score,
                ],
                percent=(8, 9),
            )
    sheet.filter(10)


def _competencies(sheet: _Sheet, report: Report, text: Strings) -> None:
    coverage = report.coverage
    if coverage is None:
        sheet.write([text("competency.none")])
        return
    framework = coverage.framework
    lang = report.options.lang
    levels = [text("col.no_level")] + [
        text("level.name", level=level.number, name=level.name.get(lang))
        for level in framework.levels
    ]
    sheet.header([text("col.team"), text("col.domain"), text("col.competency"), *levels])
    domain_of = {c.id: d for d in framework.domains for c in d.competencies}
    team_people: dict[str, list[str]] = {team: [] for team in report.teams}
    for person in report.people:
        team_people[person.team].append(person.key)
    for team, keys in team_people.items():
        counts = coverage.level_counts(keys)
        for competency, row in zip(framework.competencies, counts, strict=True):
            domain = domain_of[competency.id]
            sheet.write([team, domain.title.get(lang), competency.title.get(lang), *row])
    sheet.filter(3 + len(levels))
