"""The staff roster: a CSV with one row per person, column names configurable.

A row that cannot be used (no id, an unreadable start date, an id seen before, too many
fields) is reported with its line and skipped; it is never dropped silently.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import TextIO

from eip.errors import CommandError
from eip.report.dates import DATE_FORMATS, parse_date
from eip.translation import _

FIELDS = ("id", "name", "team", "manager", "role", "start")
REQUIRED = ("id", "team", "role")

# Header spellings recognised when no column name is configured (compared case-insensitively).
DEFAULT_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "username", "user", "email", "login"),
    "name": ("name", "full name", "full_name", "staff name"),
    "team": ("team", "team name"),
    "manager": ("manager", "line manager", "team manager"),
    "role": ("role", "job role", "job title"),
    "start": ("start", "start date", "start_date", "started"),
}


class RosterError(CommandError):
    """The roster cannot be read at all (missing file, missing columns)."""


@dataclass(slots=True, unsafe_hash=True)
class Person:
    """One row of the roster; treat it as read-only (a workforce of them is made at a time,
    and a frozen dataclass takes five times as long to make)."""

    id: str
    name: str
    team: str
    manager: str
    role: str
    start: date | None
    line: int
    # How the person is matched with usernames in the logs: case does not matter.
    key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        key = self.id.strip().lower()
        self.key = self.id if key == self.id else key


@dataclass(frozen=True)
class RosterProblem:
    line: int
    message: str


@dataclass
class Roster:
    path: Path
    people: list[Person] = field(default_factory=list)
    problems: list[RosterProblem] = field(default_factory=list)


@dataclass(frozen=True)
class RosterFormat:
    """Column names (field -> header as written in the CSV), delimiter and date formats."""

    columns: Mapping[str, str] = field(default_factory=dict)
    delimiter: str = ","
    date_formats: tuple[str, ...] = DATE_FORMATS


def read_roster(path: Path, form: RosterFormat | None = None) -> Roster:
    form = form or RosterFormat()
    roster = Roster(Path(path))
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            _read_rows(roster, handle, form)
    except OSError as error:
        raise RosterError(
            _("cannot read the roster {path}: {problem}.").format(path=path, problem=error.strerror)
        ) from error
    except UnicodeDecodeError as error:
        raise RosterError(
            _(
                "the roster {path} is not UTF-8 text (byte {byte}). "
                'Save it from the spreadsheet as "CSV UTF-8".'
            ).format(path=path, byte=error.start)
        ) from error
    return roster


def _read_rows(roster: Roster, handle: TextIO, form: RosterFormat) -> None:
    path = roster.path
    reader = csv.reader(handle, delimiter=form.delimiter)
    header = next(reader, None)
    if header is None:
        raise RosterError(_("the roster {path} is empty: it needs a header row.").format(path=path))
    positions = _column_positions(path, header, form.columns)
    read_person = _PersonReader(positions, len(header), form.date_formats)
    seen: dict[str, int] = {}
    people = roster.people
    problems = roster.problems
    while True:
        try:
            for row in reader:
                if not "".join(row).strip():
                    continue
                person, problem = read_person(row, reader.line_num)
                if person and person.key in seen:
                    problem = _("{id} is already on line {line}").format(
                        id=repr(person.id), line=seen[person.key]
                    )
                if problem:
                    problems.append(RosterProblem(reader.line_num, problem))
                    continue
                assert person is not None
                seen[person.key] = person.line
                people.append(person)
        except csv.Error as error:  # an unreadable row: say so, and read on after it
            problems.append(
                RosterProblem(
                    reader.line_num, _("unreadable row ({problem})").format(problem=error)
                )
            )
            continue
        break


def _column_positions(path: Path, header: list[str], columns: Mapping[str, str]) -> dict:
    unknown = set(columns) - set(FIELDS)
    if unknown:
        raise RosterError(
            _("unknown roster field(s) {unknown}: the fields are {fields}.").format(
                unknown=", ".join(sorted(unknown)), fields=", ".join(FIELDS)
            )
        )
    names = [cell.strip().lower() for cell in header]
    positions: dict[str, int] = {}
    for name in FIELDS:
        wanted = (columns[name],) if name in columns else DEFAULT_HEADERS[name]
        for spelling in wanted:
            if spelling.strip().lower() in names:
                positions[name] = names.index(spelling.strip().lower())
                break
        else:
            if name in REQUIRED or name in columns:
                raise RosterError(
                    # Translators: {names} lists the column names looked for, in quotes.
                    _(
                        "the roster {path} has no {names} column (its columns: {columns}). Name "
                        "the column with --roster-column {field}=HEADER or in the [roster] table "
                        "of the requirements file."
                    ).format(
                        path=path,
                        names=" / ".join(repr(w) for w in wanted),
                        columns=", ".join(header),
                        field=name,
                    )
                )
    return positions


class _PersonReader:
    """Turns a row into a Person, or says why it cannot. Team, manager and role names and
    start dates repeat down a roster, so each is kept once."""

    def __init__(self, positions: Mapping[str, int], width: int, formats: tuple[str, ...]):
        self.width = width
        self.formats = formats
        self.indexes = tuple(positions.get(name) for name in FIELDS)
        # for a row as wide as the header, with "" appended for the fields it does not have
        self.cells = itemgetter(*(width if index is None else index for index in self.indexes))
        self.names: dict[str, str] = {}
        self.dates: dict[str, date] = {}

    def __call__(self, row: list[str], line: int) -> tuple[Person | None, str | None]:
        width = self.width
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            return None, _(
                "{count} fields where the header has {width} (an unquoted comma?)"
            ).format(count=len(row), width=width)
        if len(row) == width:
            row.append("")
            person_id, name, team, manager, role, start_text = self.cells(row)
            person_id, name, team = person_id.strip(), name.strip(), team.strip()
            manager, role, start_text = manager.strip(), role.strip(), start_text.strip()
        else:
            person_id, name, team, manager, role, start_text = (
                row[index].strip() if index is not None and index < len(row) else ""
                for index in self.indexes
            )
        if not person_id:
            return None, _("no username or email")
        start = None
        if start_text:
            start = self.dates.get(start_text)
            if start is None:
                try:
                    start = self.dates[start_text] = parse_date(start_text, self.formats)
                except ValueError as error:
                    return None, _("start date {problem}").format(problem=error)
        if not team:
            return None, _("no team")
        names = self.names
        team, manager = names.setdefault(team, team), names.setdefault(manager, manager)
        role = names.setdefault(role, role)
        return Person(person_id, name or person_id, team, manager, role, start, line), None
