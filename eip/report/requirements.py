"""Training requirements (TOML): which courses each role must complete, by when, how often.

```toml
[defaults]
due_days = 90          # due this many days after the person's start date
renew_months = 0       # a completion expires after this many months; 0 = never
pass_mark = 0.7        # share of the course's graded weight (0.7 or "70%"); 0 = any score

[courses.research-literacy]   # a course slug from the manifests; overrides the defaults
renew_months = 36

[roles]
"Social worker" = ["research-literacy"]
"*" = []               # courses everyone must complete, whatever their role

[roster]               # optional: the roster's column names, delimiter and date format
id = "Username"
start = "Start date"
```
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eip.course.tomltext import key_line, table_line
from eip.errors import CommandError
from eip.report.dates import DATE_FORMATS
from eip.report.roster import FIELDS, RosterFormat
from eip.translation import _

DEFAULT_DUE_DAYS = 90
EVERYONE = "*"


class RequirementsError(CommandError):
    """The requirements file is missing, is not TOML, or says something impossible."""


@dataclass(frozen=True)
class CourseRule:
    slug: str
    due_days: int
    renew_months: int
    pass_mark: float


@dataclass
class Requirements:
    path: Path
    courses: dict[str, CourseRule] = field(default_factory=dict)
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    roster_format: RosterFormat = field(default_factory=RosterFormat)

    def courses_for(self, role: str) -> tuple[str, ...]:
        """The course slugs a role must complete, everyone's first, without repeats."""
        wanted = [*self.roles.get(EVERYONE, ()), *self.roles.get(role_key(role), ())]
        return tuple(dict.fromkeys(wanted))


def role_key(role: str) -> str:
    return " ".join(role.split()).lower()


@dataclass(frozen=True)
class _File:
    """The requirements file as written, to name the line of a mistake in it."""

    path: Path
    text: str

    def at(self, table: str | None, key: str | None = None) -> str:
        """`path:line` of `key` in `[table]` (None: the top level), else of the table's
        header; the path alone when neither is found (an inline or quoted table name)."""
        line = key_line(self.text, key, table) if key is not None else None
        if line is None and table is not None:
            line = table_line(self.text, table)
        return f"{self.path}:{line}" if line else str(self.path)


def load_requirements(path: Path, known_courses: Mapping[str, Any] | None = None) -> Requirements:
    """Read and check the file; `known_courses` (slug -> anything) catches misspelt slugs."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as error:
        raise RequirementsError(
            _("cannot read {path}: {problem}.").format(path=path, problem=error.strerror)
        ) from error
    except tomllib.TOMLDecodeError as error:
        raise RequirementsError(
            # Translators: {problem} is the TOML reader's own message, in English.
            _("{path} is not valid TOML: {problem}.").format(path=path, problem=error)
        ) from error
    file = _File(path, text)
    unknown = set(data) - {"defaults", "courses", "roles", "roster"}
    if unknown:
        raise RequirementsError(
            _(
                "{path}: unknown table(s) {unknown}; use [defaults], [courses.SLUG], [roles] "
                "and [roster]."
            ).format(path=file.at(sorted(unknown)[0]), unknown=", ".join(sorted(unknown)))
        )
    defaults = _rule_values(file, "defaults", data.get("defaults", {}), None)
    roles = _roles(file, data.get("roles", {}))
    courses = data.get("courses", {})
    if not isinstance(courses, dict):
        raise RequirementsError(
            _("{path}: [courses] must hold one table per course slug.").format(
                path=file.at(None, "courses")
            )
        )
    requirements = Requirements(path, roles=roles, roster_format=_roster(file, data))
    named = {slug for slugs in roles.values() for slug in slugs} | set(courses)
    for slug in sorted(named):
        if known_courses is not None and slug not in known_courses:
            known = ", ".join(sorted(known_courses)) or _("none")
            raise RequirementsError(
                _(
                    "{path}: course {slug} is not in any manifest (courses found: {known}). "
                    "Build it with `eip build`, or correct the slug."
                ).format(path=file.at(f"courses.{slug}"), slug=repr(slug), known=known)
            )
        table = courses.get(slug, {})
        values = _rule_values(file, f"courses.{slug}", table, defaults)
        requirements.courses[slug] = CourseRule(slug=slug, **values)
    return requirements


def _rule_values(file: _File, where: str, table: Any, base: dict | None) -> dict:
    if not isinstance(table, dict):
        parent, _dot, name = where.rpartition(".")
        raise RequirementsError(
            _("{path}: [{table}] must be a table.").format(
                path=file.at(parent or None, name), table=where
            )
        )
    unknown = set(table) - {"due_days", "renew_months", "pass_mark"}
    if unknown:
        raise RequirementsError(
            _(
                "{path}: [{table}] has unknown key(s) {unknown}; the keys are due_days, "
                "renew_months and pass_mark."
            ).format(
                path=file.at(where, sorted(unknown)[0]),
                table=where,
                unknown=", ".join(sorted(unknown)),
            )
        )
    values = dict(base or {"due_days": DEFAULT_DUE_DAYS, "renew_months": 0, "pass_mark": 0.0})
    for key in ("due_days", "renew_months"):
        if key in table:
            value = table[key]
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                message = (
                    _("{path}: [{table}] {key} must be a whole number of days, 0 or more.")
                    if key == "due_days"
                    else _("{path}: [{table}] {key} must be a whole number of months, 0 or more.")
                )
                raise RequirementsError(
                    message.format(path=file.at(where, key), table=where, key=key)
                )
            values[key] = value
    if "pass_mark" in table:
        values["pass_mark"] = _pass_mark(file, where, table["pass_mark"])
    return values


def _pass_mark(file: _File, where: str, value: Any) -> float:
    mark: float | None = None
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            mark = float(value.strip()[:-1]) / 100
        except ValueError:
            mark = None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        mark = float(value)
    if mark is None or not 0.0 <= mark <= 1.0:
        raise RequirementsError(
            _(
                "{path}: [{table}] pass_mark must be a share between 0 and 1 (0.7) or a "
                'percentage string ("70%"), not {value}.'
            ).format(path=file.at(where, "pass_mark"), table=where, value=repr(value))
        )
    return mark


def _roles(file: _File, table: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict):
        raise RequirementsError(
            _("{path}: [roles] must be a table of role = [course slugs].").format(
                path=file.at(None, "roles")
            )
        )
    roles: dict[str, tuple[str, ...]] = {}
    for role, slugs in table.items():
        if not isinstance(slugs, list) or not all(isinstance(s, str) for s in slugs):
            raise RequirementsError(
                _(
                    "{path}: [roles] {role} must be a list of course slugs, e.g. "
                    '["research-literacy"].'
                ).format(path=file.at("roles", role), role=repr(role))
            )
        roles[role_key(role) if role != EVERYONE else EVERYONE] = tuple(slugs)
    return roles


def _roster(file: _File, data: dict) -> RosterFormat:
    table = data.get("roster", {})
    if not isinstance(table, dict):
        raise RequirementsError(
            _("{path}: [roster] must be a table.").format(path=file.at(None, "roster"))
        )
    allowed = {*FIELDS, "delimiter", "date_format"}
    unknown = set(table) - allowed
    if unknown:
        raise RequirementsError(
            _("{path}: [roster] has unknown key(s) {unknown}; the keys are {keys}.").format(
                path=file.at("roster", sorted(unknown)[0]),
                unknown=", ".join(sorted(unknown)),
                keys=", ".join(sorted(allowed)),
            )
        )
    columns = {name: str(table[name]) for name in FIELDS if name in table}
    formats = (str(table["date_format"]),) if "date_format" in table else DATE_FORMATS
    delimiter = str(table.get("delimiter", ","))
    return RosterFormat(columns=columns, delimiter=delimiter, date_formats=formats)
