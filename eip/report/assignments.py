"""Every person's required courses, each with its status: the rows of the report.

Across a workforce most people have done nothing in most of their courses, and then a row
depends only on the course and the person's start date: that outcome is worked out once
for each such pair and shared.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter

from eip.report.grade_report import GradeReports
from eip.report.manifests import CourseVersion
from eip.report.progress import BlockProgress
from eip.report.requirements import CourseRule, Requirements
from eip.report.roster import Person
from eip.report.status import Assignment, Outcome, VersionResult, outcome, version_result

NO_ROLE = "(no role)"  # people without a role, among the roles with no required course


@dataclass(frozen=True)
class _Course:
    """What every row for one course needs, looked up once."""

    slug: str
    title: str
    sort_title: str
    rule: CourseRule
    versions: tuple[CourseVersion, ...]
    blocks: frozenset[str]  # usage ids of all its versions' blocks
    untouched: tuple[VersionResult, ...]  # each version's result for someone who did nothing


def assign(
    people: Sequence[Person],
    requirements: Requirements,
    by_slug: Mapping[str, Sequence[CourseVersion]],
    titles: Mapping[str, str],
    progress: Mapping[str, Mapping[str, BlockProgress]],
    grades: GradeReports,
    username_of: Mapping[str, str],
    as_of: date,
) -> tuple[list[Assignment], Counter]:
    """The assignments, ordered by team, name and course title (case aside), and how many
    people of each role have no required course."""
    courses = {
        slug: _Course(
            slug=slug,
            title=titles[slug],
            sort_title=titles[slug].casefold(),
            rule=requirements.courses[slug],
            versions=tuple(versions),
            blocks=frozenset(block.usage_id for course in versions for block in course.blocks),
            untouched=tuple(version_result(course, {}) for course in versions),
        )
        for slug, versions in by_slug.items()
        if slug in requirements.courses
    }
    plans: dict[str, tuple[_Course, ...]] = {}  # role -> its courses
    idle: dict[tuple[str, date | None], Outcome] = {}
    team_keys: dict[str, str] = {}
    rows: list[tuple[tuple[str, str, str], Assignment]] = []
    unrequired: Counter = Counter()
    graded = bool(grades.grades)
    for person in people:
        plan = plans.get(person.role)
        if plan is None:
            plan = plans[person.role] = tuple(
                courses[slug] for slug in requirements.courses_for(person.role)
            )
        if not plan:
            unrequired[person.role or NO_ROLE] += 1
            continue
        mine = progress.get(person.key)
        start = person.start
        team_key = team_keys.get(person.team)
        if team_key is None:
            team_key = team_keys[person.team] = person.team.casefold()
        name_key = person.name.casefold()
        username = username_of.get(person.key, person.key) if graded else ""
        for course in plan:
            reported = (
                [grades.grade(username, version.course_id) for version in course.versions]
                if graded
                else None
            )
            if (mine is None or course.blocks.isdisjoint(mine)) and not (
                reported and any(grade is not None and grade > 0 for grade in reported)
            ):
                fields = idle.get((course.slug, start))
                if fields is None:
                    fields = idle[(course.slug, start)] = outcome(
                        start, course.rule, course.untouched, as_of
                    )
            else:
                results = [
                    version_result(version, mine or {}, reported[n] if reported else None)
                    for n, version in enumerate(course.versions)
                ]
                fields = outcome(start, course.rule, results, as_of)
            rows.append(
                (
                    (team_key, name_key, course.sort_title),
                    Assignment(person, course.slug, course.title, *fields),
                )
            )
    rows.sort(key=itemgetter(0))  # stable: people with the same name keep the roster's order
    return [assignment for _, assignment in rows], unrequired
