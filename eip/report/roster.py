"""The staff roster: a CSV with one row per person, column names configurable.

A row that cannot be used (no id, an unreadable start date, an id seen before, too many
fields) is reported with its line and skipped; it is never dropped silently.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from eip.errors import CommandError
from eip.report.dates import DATE_FORMATS, parse_date

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


@dataclass(frozen=True)
class Person:
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
        object.__setattr__(self, "key", self.id.strip().lower())


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
        raise RosterError(f"cannot read the roster {path}: {error.strerror}.") from error
    except UnicodeDecodeError as error:
        raise RosterError(
            f"the roster {path} is not UTF-8 text (byte {error.start}). "
            'Save it from the spreadsheet as "CSV UTF-8".'
        ) from error
    return roster


def _read_rows(roster: Roster, handle: TextIO, form: RosterFormat) -> None:
    path = roster.path
    reader = csv.reader(handle, delimiter=form.delimiter)
    header = next(reader, None)
    if header is None:
        raise RosterError(f"the roster {path} is empty: it needs a header row.")
    positions = _column_positions(path, header, form.columns)
    seen: dict[str, int] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            roster.problems.append(RosterProblem(reader.line_num, f"unreadable row ({error})"))
            continue
        if not any(cell.strip() for cell in row):
            continue
        person, problem = _person(row, reader.line_num, positions, len(header), form)
        if person and person.key in seen:
            problem = f"{person.id!r} is already on line {seen[person.key]}"
        if problem:
            roster.problems.append(RosterProblem(reader.line_num, problem))
            continue
        assert person is not None
        seen[person.key] = person.line
        roster.people.append(person)


def _column_positions(path: Path, header: list[str], columns: Mapping[str, str]) -> dict:
    unknown = set(columns) - set(FIELDS)
    if unknown:
        raise RosterError(
            f"unknown roster field(s) {', '.join(sorted(unknown))}: "
            f"the fields are {', '.join(FIELDS)}."
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
                    f"the roster {path} has no {' or '.join(repr(w) for w in wanted)} column "
                    f"(its columns: {', '.join(header)}). Name the column with "
                    f"--roster-column {name}=HEADER or in the [roster] table of the "
                    "requirements file."
                )
    return positions


def _person(
    row: list[str], line: int, positions: dict, width: int, form: RosterFormat
) -> tuple[Person | None, str | None]:
    if len(row) > width and any(cell.strip() for cell in row[width:]):
        return None, f"{len(row)} fields where the header has {width} (an unquoted comma?)"

    def cell(name: str) -> str:
        index = positions.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    person_id = cell("id")
    if not person_id:
        return None, "no username or email"
    start = None
    if cell("start"):
        try:
            start = parse_date(cell("start"), form.date_formats)
        except ValueError as error:
            return None, f"start date {error}"
    if not cell("team"):
        return None, "no team"
    return (
        Person(
            id=person_id,
            name=cell("name") or person_id,
            team=cell("team"),
            manager=cell("manager"),
            role=cell("role"),
            start=start,
            line=line,
        ),
        None,
    )
