"""`report.xlsx`: sheets summary, by team, by person, by course and competencies.

Written a row at a time straight into the file (`xlsx_writer`), with numbers stored as
numbers (scores as fractions shown as percentages) and dates as dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from eip.report.build import Report
from eip.report.strings import PERSON_COLUMNS, STATUSES, Strings
from eip.report.tallies import tally
from eip.report.xlsx_writer import HEADER_STYLE, Workbook

# A row's cells, and the columns of it shown as percentages.
Row = tuple[Sequence[object], Sequence[int]]

SHEETS = (
    "sheet.summary",
    "sheet.by_team",
    "sheet.by_person",
    "sheet.by_course",
    "sheet.competencies",
)
WIDTHS = {
    "sheet.summary": (34, 16),
    "sheet.by_team": (28, 24, *[12] * 9),
    "sheet.by_person": (28, 24, 24, 20, 22, 12, 34, 14, 12, 14, 9, 9),
    "sheet.by_course": (34, 9, *[12] * 8),
    "sheet.competencies": (28, 22, 40, *[14] * 6),
}


def write_xlsx(report: Report, path: Path, text: Strings) -> Path:
    book = Workbook(Path(path), [text(key) for key in SHEETS])
    try:
        summary = [text("col.measure"), text("col.value")]
        _table(book, "sheet.summary", summary, _summary(report, text))
        _table(book, "sheet.by_team", _team_header(text), _by_team(report), autofilter=True)
        _by_person(book, report, text)
        _table(book, "sheet.by_course", _course_header(text), _by_course(report, text), True)
        _competencies(book, report, text)
        return book.close()
    except BaseException:
        book.discard()
        raise


def _table(
    book: Workbook,
    sheet: str,
    header: Sequence[str] | None,
    rows: Iterable[Row],
    autofilter: bool = False,
) -> None:
    """A small sheet: its rows worked out first, to know its size."""
    rows = list(rows)
    width = max([len(header or ())] + [len(cells) for cells, _ in rows])
    out = book.add_sheet(
        rows=len(rows) + (header is not None),
        columns=width,
        widths=WIDTHS[sheet],
        frozen_header=header is not None,
        autofilter=autofilter,
    )
    if header is not None:
        out.write(header, style=HEADER_STYLE)
    for cells, percent in rows:
        out.write(cells, percent)


def _summary(report: Report, text: Strings) -> Iterable[Row]:
    total = report.tally()
    reading = report.reading
    yield [text("summary.as_of"), report.as_of], ()
    yield [text("summary.people"), len(report.people)], ()
    yield [text("summary.teams"), len(report.teams)], ()
    yield [text("summary.assigned"), total.total], ()
    for status in STATUSES:
        yield [text.status(status), total.count(status)], ()
    yield [text("summary.percent_complete"), total.share_complete], (1,)
    yield [text("summary.lines"), reading.lines], ()
    yield [text("summary.used"), reading.used], ()
    yield [text("summary.duplicates"), reading.duplicates], ()
    for reason, count in sorted(reading.skipped.items()):
        yield [text("summary.skipped", reason=text("skip." + reason)), count], ()
    yield [text("summary.unknown_users"), len(report.unknown_users)], ()
    yield [text("summary.roster_problems"), len(report.roster.problems)], ()


def _status_header(text: Strings) -> list[str]:
    return [text.status(status) for status in STATUSES]


def _team_header(text: Strings) -> list[str]:
    return [
        text("col.team"),
        text("col.manager"),
        text("col.people"),
        text("col.assigned"),
        *_status_header(text),
        text("col.percent_complete"),
        text("col.average_score"),
    ]


def _by_team(report: Report) -> Iterable[Row]:
    people_in = {team: 0 for team in report.teams}
    for person in report.people:
        people_in[person.team] += 1
    for team in report.by_team():
        counts = report.tally(team)
        yield (
            [
                team,
                report.managers.get(team, ""),
                people_in[team],
                counts.total,
                *[counts.count(status) for status in STATUSES],
                counts.share_complete,
                counts.average_score,
            ],
            (9, 10),
        )


def _by_person(book: Workbook, report: Report, text: Strings) -> None:
    out = book.add_sheet(
        rows=len(report.assignments) + 1,
        columns=len(PERSON_COLUMNS),
        widths=WIDTHS["sheet.by_person"],
        frozen_header=True,
        autofilter=True,
    )
    out.write([text(key) for key in PERSON_COLUMNS], style=HEADER_STYLE)
    status = {name: text.status(name) for name in STATUSES}
    write = out.write
    percent = (11,)
    for a in report.assignments:
        p = a.person
        write(
            (
                p.id,
                p.name,
                p.team,
                p.manager,
                p.role,
                p.start,
                a.title,
                status[a.status],
                a.due,
                a.completed,
                a.version,
                a.score,
            ),
            percent,
        )


def _course_header(text: Strings) -> list[str]:
    return [
        text("col.course"),
        text("col.version"),
        text("col.assigned"),
        *_status_header(text),
        text("col.percent_complete"),
        text("col.average_score"),
    ]


def _by_course(report: Report, text: Strings) -> Iterable[Row]:
    for slug, title in sorted(report.titles.items(), key=lambda item: item[1].casefold()):
        mine = [a for a in report.assignments if a.slug == slug]
        if not mine:
            continue
        rows = [(text("col.all_versions"), mine)]
        versions = [c.version for c in report.courses if c.slug == slug]
        rows += [(v, [a for a in mine if a.version == v]) for v in versions]
        for index, (version, group) in enumerate(rows):
            counts = tally(group)
            yield (
                [
                    title,
                    version,
                    counts.total,
                    *[counts.count(status) for status in STATUSES],
                    None if index else counts.share_complete,
                    counts.average_score,
                ],
                (8, 9),
            )


def _competencies(book: Workbook, report: Report, text: Strings) -> None:
    coverage = report.coverage
    if coverage is None:
        _table(book, "sheet.competencies", None, [([text("competency.none")], ())])
        return
    framework = coverage.framework
    lang = report.options.lang
    levels = [text("col.no_level")] + [
        text("level.name", level=level.number, name=level.name.get(lang))
        for level in framework.levels
    ]
    header = [text("col.team"), text("col.domain"), text("col.competency"), *levels]
    domain_of = {c.id: d for d in framework.domains for c in d.competencies}
    names = [
        (domain_of[competency.id].title.get(lang), competency.title.get(lang))
        for competency in framework.competencies
    ]
    team_levels = report.team_levels()
    out = book.add_sheet(
        rows=len(team_levels) * len(names) + 1,
        columns=len(header),
        widths=WIDTHS["sheet.competencies"],
        frozen_header=True,
        autofilter=True,
    )
    out.write(header, style=HEADER_STYLE)
    for team, counts in team_levels.items():
        for (domain, competency), row in zip(names, counts, strict=True):
            out.write([team, domain, competency, *row])
