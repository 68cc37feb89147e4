"""Every status, against the report date, from the story in conftest."""

from __future__ import annotations

from datetime import date

import pytest

from eip.report.manifests import load_manifests
from eip.report.progress import BlockProgress
from eip.report.requirements import CourseRule
from eip.report.roster import Person
from eip.report.status import assess, version_result


def test_each_person_has_the_status_their_story_gives(report, rows) -> None:
    found = rows(report())

    alys = found[("alys", "research-literacy")]
    assert (alys.status, alys.completed, alys.version) == ("completed", date(2027, 2, 10), "1.0")
    assert alys.score == pytest.approx((0.9 + 2 * 0.75) / 3)
    assert alys.due == date(2028, 2, 10)  # renewal due 12 months after completion

    bryn = found[("bryn", "research-literacy")]
    assert (bryn.status, bryn.due, bryn.version, bryn.score) == (
        "in_progress",
        date(2027, 7, 30),
        "1.0",
        None,
    )
    assert found[("cerys", "research-literacy")].status == "not_started"
    assert found[("cerys", "research-literacy")].version == ""

    dafydd = found[("dafydd", "research-literacy")]
    assert (dafydd.status, dafydd.due) == ("overdue", date(2027, 4, 4))

    efa = found[("efa", "research-literacy")]
    assert (efa.status, efa.completed, efa.due) == (
        "expired",
        date(2026, 3, 1),
        date(2027, 3, 1),
    )


def test_a_person_listed_by_email_is_found_through_the_grade_report(report, rows) -> None:
    found = rows(report())
    ffion = found[("ffion@council.example", "research-literacy")]
    assert (ffion.status, ffion.version, ffion.completed) == ("completed", "1.1", date(2027, 5, 20))
    assert ffion.score == pytest.approx(0.8)
    assert found[("ffion@council.example", "appraising-reviews")].status == "overdue"


def test_finished_below_the_pass_mark_is_not_completed(report, rows) -> None:
    found = rows(report())
    gareth = found[("gareth", "research-literacy")]
    assert gareth.status == "overdue"
    assert gareth.score == pytest.approx((0.2 + 2 * 0.3) / 3)  # shown, so a manager sees why
    review = found[("gareth", "appraising-reviews")]
    assert (review.status, review.due, review.score) == ("completed", None, pytest.approx(0.55))


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (date(2027, 7, 30), "in_progress"),  # the due date itself
        (date(2027, 7, 31), "overdue"),
    ],
)
def test_overdue_from_the_day_after_the_due_date(report, rows, as_of, status) -> None:
    assert rows(report(as_of=as_of))[("bryn", "research-literacy")].status == status


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (date(2027, 3, 1), "completed"),  # the renewal date itself
        (date(2027, 3, 2), "expired"),
    ],
)
def test_expired_from_the_day_after_the_renewal_date(report, rows, as_of, status) -> None:
    assert rows(report(as_of=as_of))[("efa", "research-literacy")].status == status


def test_events_after_the_report_date_do_not_count(report, rows) -> None:
    before = report(as_of=date(2027, 2, 5))
    alys = rows(before)[("alys", "research-literacy")]
    assert (alys.status, alys.due) == ("in_progress", date(2027, 4, 4))  # one block of two
    assert before.reading.skipped["after_as_of"] >= 3


def test_people_with_no_events_are_listed_as_not_started(report) -> None:
    built = report()
    assert {a.person.id for a in built.assignments} >= {"cerys"}
    assert "heledd" not in {a.person.id for a in built.assignments}
    assert built.roles_without_requirements == {"Family support worker": 1}


def test_the_latest_completed_version_counts(fixtures_dir) -> None:
    older, newer, *_ = [
        c for c in load_manifests(fixtures_dir / "manifests") if c.slug == "research-literacy"
    ]
    progress = {}
    for course, when in ((older, 1_800_000_000.0), (newer, 1_700_000_000.0)):
        for block in course.completable_blocks:
            state = progress[block.usage_id] = BlockProgress()
            state.touch(when)
            state.complete(when, 1.0)
            state.graded(when, 1.0)
    person = Person("p", "P", "T", "", "Social worker", date(2020, 1, 1), 2)
    rule = CourseRule("research-literacy", due_days=90, renew_months=0, pass_mark=0.5)
    results = [version_result(course, progress) for course in (older, newer)]
    assignment = assess(person, rule, "RL", results, date(2030, 1, 1))
    assert (assignment.status, assignment.version) == ("completed", "1.0")


def test_the_grade_report_gives_a_score_when_the_logs_have_none(fixtures_dir) -> None:
    course = next(c for c in load_manifests(fixtures_dir / "manifests") if c.version == "1.1")
    assert version_result(course, {}, report_grade=0.85).score == 0.85
    assert version_result(course, {}, report_grade=0.85).active
    assert version_result(course, {}).score is None
    # the grade report lists everyone enrolled, at 0 until they start
    assert not version_result(course, {}, report_grade=0.0).active
    assert version_result(course, {}, report_grade=0.0).score is None
