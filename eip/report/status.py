"""One person and one required course: status, due date, completion date, version, score.

A version of a course is *finished* when every completable block in it is complete, and
*completed* when it is finished and its score reaches the pass mark (a course without
graded blocks has no score and needs none). The completion date is when the last of those
blocks was completed with the grade it has now. Of several completed versions, the latest
completion counts. Then, as of the report date:

- completed, and the renewal period (if any) has not run out -> completed;
- completed, but the renewal date has passed -> expired;
- otherwise past the due date (start date + due days) -> overdue;
- otherwise any activity in any version -> in progress; else not started.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from eip.report.dates import add_months, utc_date
from eip.report.manifests import CourseVersion
from eip.report.progress import BlockProgress
from eip.report.requirements import CourseRule
from eip.report.roster import Person

SCORE_TOLERANCE = 1e-9
_NEVER = float("-inf")


@dataclass(frozen=True, slots=True)
class VersionResult:
    course: CourseVersion
    active: bool
    finished: bool
    score: float | None
    completed_on: date | None  # when finished with this score (None if not finished)
    last_activity: float


@dataclass(slots=True, unsafe_hash=True)
class Assignment:
    """One row of the report; treat it as read-only (one is made per person and course, and
    a frozen dataclass takes several times as long to make)."""

    person: Person
    slug: str
    title: str
    status: str
    due: date | None
    completed: date | None
    version: str
    score: float | None


# An assignment without its person and title: status, due, completed, version, score.
Outcome = tuple[str, date | None, date | None, str, float | None]


def version_result(
    course: CourseVersion,
    progress: Mapping[str, BlockProgress],
    report_grade: float | None = None,
) -> VersionResult:
    """What one person has done in one version, from their block progress (and the
    instructor grade report's course grade when the logs hold no grade). The grade report
    lists everyone enrolled, at 0 until they do something: 0 is no activity and no score."""
    if report_grade is not None and report_grade <= 0:
        report_grade = None
    get = progress.get
    touched = [state for block in course.blocks if (state := get(block.usage_id)) is not None]
    if not touched:  # the usual case for a version: nothing done in it
        score = report_grade if course.graded_blocks else None
        return VersionResult(course, report_grade is not None, False, score, None, _NEVER)
    completable = course.completable_blocks
    finished = bool(completable) and all(
        (state := get(block.usage_id)) is not None and state.is_complete for block in completable
    )
    score = _score(course, progress, report_grade)
    completed_on = None
    if finished:
        moments = [progress[block.usage_id].completed_at for block in completable]
        moments += [
            since
            for block in course.blocks
            if block.graded
            and block.usage_id in progress
            and (since := progress[block.usage_id].grade_since) is not None
        ]
        completed_on = utc_date(max(m for m in moments if m is not None))
    return VersionResult(
        course=course,
        active=bool(touched) or report_grade is not None,
        finished=finished,
        score=score,
        completed_on=completed_on,
        last_activity=max((s.last_seen for s in touched), default=float("-inf")),
    )


def _score(
    course: CourseVersion, progress: Mapping[str, BlockProgress], report_grade: float | None
) -> float | None:
    graded = course.graded_blocks
    if not graded:
        return None
    grades = [
        (block.weight, state.grade)
        for block in graded
        if (state := progress.get(block.usage_id)) is not None and state.grade is not None
    ]
    if not grades:
        return report_grade
    return sum(weight * grade for weight, grade in grades) / sum(b.weight for b in graded)


def assess(
    person: Person,
    rule: CourseRule,
    title: str,
    results: Sequence[VersionResult],
    as_of: date,
) -> Assignment:
    """The assignment's row, from the person's results in each version of the course."""
    return Assignment(person, rule.slug, title, *outcome(person.start, rule, results, as_of))


def outcome(
    start: date | None, rule: CourseRule, results: Sequence[VersionResult], as_of: date
) -> Outcome:
    """`assess` without the person: it depends on nothing of theirs but the start date."""
    completed = [
        r
        for r in results
        if r.finished
        and (r.score is None or r.score >= rule.pass_mark - SCORE_TOLERANCE)
        and r.completed_on is not None
    ]
    due = start + timedelta(days=rule.due_days) if start else None
    if completed:
        best = max(completed, key=lambda r: (r.completed_on, r.last_activity))
        assert best.completed_on is not None
        renewal = add_months(best.completed_on, rule.renew_months) if rule.renew_months else None
        status = "expired" if renewal and as_of > renewal else "completed"
        return (status, renewal, best.completed_on, best.course.version, best.score)
    active = [r for r in results if r.active]
    latest = max(active, key=lambda r: r.last_activity) if active else None
    if due is not None and as_of > due:
        status = "overdue"
    else:
        status = "in_progress" if latest else "not_started"
    return (
        status,
        due,
        None,
        latest.course.version if latest else "",
        latest.score if latest and latest.finished else None,
    )
