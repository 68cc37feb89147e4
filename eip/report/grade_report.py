"""The instructor dashboard's grade report CSV: a second source of course scores.

Open edX names the file `<org>_<code>_<run>_grade_report_<when>.csv` and gives it the
columns `Student ID, Email, Username, Grade, ...` (Grade a share from 0 to 1). Give it as
`--grade-report FILE`, or `--grade-report COURSE_ID=FILE` when the file was renamed. It also
tells which username has which email, so a roster may list people by email.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eip.errors import CommandError
from eip.report.manifests import CourseVersion
from eip.translation import _


class GradeReportError(CommandError):
    """A grade report cannot be read or its course cannot be told."""


@dataclass
class GradeReports:
    grades: dict[tuple[str, str], float] = field(default_factory=dict)  # (user, course id)
    usernames_by_email: dict[str, str] = field(default_factory=dict)  # both lower-cased
    problems: list[str] = field(default_factory=list)  # rows skipped: file, line and why

    def grade(self, username: str, course_id: str) -> float | None:
        return self.grades.get((username.lower(), course_id))


def read_grade_reports(specs: Iterable[str], courses: Iterable[CourseVersion]) -> GradeReports:
    courses = list(courses)
    reports = GradeReports()
    for spec in specs:
        course_id, path = _course_and_path(spec, courses)
        _read_one(reports, course_id, path)
    return reports


def _course_and_path(spec: str, courses: list[CourseVersion]) -> tuple[str, Path]:
    if spec.startswith("course-v1:") and "=" in spec:
        course_id, _equals, name = spec.partition("=")
        return course_id, Path(name)
    path = Path(spec)
    for course in courses:
        prefix = f"{course.org}_{course.code}_{course.version}_".lower()
        if path.name.lower().startswith(prefix):
            return course.course_id, path
    raise GradeReportError(
        _(
            "cannot tell which course the grade report {path} is for: its name does not start "
            "with ORG_CODE_VERSION_ of a course in the manifests. "
            "Give it as --grade-report COURSE_ID={path}."
        ).format(path=path)
    )


def _read_one(reports: GradeReports, course_id: str, path: Path) -> None:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"Username", "Grade"} - set(reader.fieldnames or ())
            if missing:
                message = (
                    _(
                        "{path} has no Grade or Username column: is it the instructor "
                        "dashboard's grade report?"
                    )
                    if len(missing) > 1
                    else _(
                        "{path} has no {column} column: is it the instructor dashboard's "
                        "grade report?"
                    )
                )
                raise GradeReportError(message.format(path=path, column=min(missing)))
            for row in reader:
                username = (row.get("Username") or "").strip().lower()
                email = (row.get("Email") or "").strip().lower()
                if username and email:
                    reports.usernames_by_email[email] = username
                try:
                    grade = float(row.get("Grade") or "")
                except ValueError:
                    reports.problems.append(
                        _("{path}:{line}: unreadable Grade").format(path=path, line=reader.line_num)
                    )
                    continue
                if not 0.0 <= grade <= 1.0:
                    reports.problems.append(
                        _("{path}:{line}: Grade {value} is not a share from 0 to 1").format(
                            path=path, line=reader.line_num, value=row["Grade"].strip()
                        )
                    )
                    continue
                if username:
                    reports.grades[(username, course_id)] = grade
    except OSError as error:
        raise GradeReportError(
            _("cannot read {path}: {problem}.").format(path=path, problem=error.strerror)
        ) from error
