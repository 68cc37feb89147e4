"""For staff: the coverage table in `author_view`, and the instructors' report rows."""

from __future__ import annotations

from collections import namedtuple
from types import SimpleNamespace

import lxml.html
from xblock.validation import Validation

from xblocks.competency import block as tracker_module
from xblocks.core.xml import OLXError, OLXErrors

SOS = "signs-of-safety-evaluation.xml"
PARENTS = "parents-cp-conferences.xml"
UserState = namedtuple("UserState", "username state")


def _page(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<div>{html}</div>")


def _row(page: lxml.html.HtmlElement, competency_id: str) -> list[str]:
    row = page.xpath(f'.//table[@data-role="coverage"]//tr[@data-competency="{competency_id}"]')[0]
    return [" ".join(cell.text_content().split()) for cell in row.xpath("./th | ./td")]


# --- Studio's settings ------------------------------------------------------------------


def _studio_problems(block, framework: str) -> list[str]:
    validation = Validation(block.scope_ids.usage_id)
    block.validate_field_data(validation, SimpleNamespace(framework=framework))
    assert all(message.type == "error" for message in validation.messages)
    return [message.text for message in validation.messages]


def test_studio_accepts_a_shipped_framework_and_refuses_an_unknown_one(course):
    block = course.block()
    assert _studio_problems(block, "research-literacy") == []
    [problem] = _studio_problems(block, "no-such-framework")
    assert "no-such-framework" in problem


def test_studio_lists_every_problem_of_a_broken_framework(course, monkeypatch):
    problems = [OLXError("first problem", source="f.xml", line=3), OLXError("second", line=9)]

    def broken(framework_id: str) -> None:
        raise OLXErrors(problems)

    monkeypatch.setattr(tracker_module, "load_framework", broken)
    shown = _studio_problems(course.block(), "research-literacy")
    assert len(shown) == 2
    assert "f.xml:3" in shown[0] and "first problem" in shown[0]
    assert "second" in shown[1] and "first problem" not in shown[1]


# --- coverage ----------------------------------------------------------------------------


def test_coverage_names_the_blocks_behind_each_competency_and_their_levels(course):
    page = _page(course.view("author_view", user="staff"))
    table = page.xpath('.//table[@data-role="coverage"]')[0]
    assert table.xpath("./caption")[0].text_content()
    assert all(th.get("scope") == "col" for th in table.xpath("./thead//th"))
    assert all(th.get("scope") == "row" for th in table.xpath("./tbody//th"))
    validity = _row(page, "appraise.validity")
    assert validity[0].endswith("(appraise.validity)")
    sos = course.block(SOS).display_name
    assert f"{sos} (Appraisal exercise, tagged at level 2)" in validity[2]
    assert "Appraise a trial: family group conferences" in validity[2]


def test_coverage_gives_the_highest_level_the_course_can_evidence(course):
    page = _page(course.view("author_view", user="staff"))
    # Three appraisals tagged appraise.validity:2: level 2 at most; level 3 needs level-3 ones.
    validity = _row(page, "appraise.validity")
    assert validity[3] == "Level 2: Experienced"
    assert validity[4].startswith("Level 3: Senior:")
    assert "2 appraisal exercises tagged at level 3 or above" in validity[4]
    # One case study tagged integrate.sources:2: level 1 only.
    assert _row(page, "integrate.sources")[3] == "Level 1: Consolidation"


def test_coverage_lists_the_competencies_nothing_evidences(course, tracker_framework):
    page = _page(course.view("author_view", user="staff"))
    uncovered = [item.text_content() for item in page.xpath('.//ul[@data-role="uncovered"]/li')]
    assert "Choose and use PICO or SPICE" in uncovered
    assert tracker_framework.competency("share.champion").title.get("en") in uncovered
    assert tracker_framework.competency("appraise.validity").title.get("en") not in uncovered
    assert _row(page, "share.champion")[2] == "None"
    summary = page.xpath('.//*[@data-role="coverage-summary"]')[0].text_content()
    assert f"{16 - len(uncovered)} of 16 competencies" in summary
    assert "4 exercises and case studies" in summary


def test_coverage_reports_tags_the_framework_does_not_define(course):
    sos = course.block(SOS, user="staff")
    sos.competencies = "appraise.validty:2"
    sos.save()
    page = _page(course.view("author_view", user="staff"))
    problems = page.xpath('.//*[contains(@class, "eip-competency__problems")]')[0].text_content()
    assert "appraise.validty" in problems
    assert "appraise.validity" in problems  # the suggestion


# --- the instructors' report --------------------------------------------------------------


def test_report_rows_give_levels_as_of_the_last_visit_and_self_ratings(course, tracker_framework):
    course.finish_appraisal(SOS, 0.8)
    course.finish_appraisal(PARENTS, 0.8)
    course.view()
    ratings = dict.fromkeys(("ask", "acquire", "appraise", "integrate", "apply", "share"), 3)
    course.json("rate", {"phase": "after", "ratings": ratings})
    tracker = course.block()
    states = [
        UserState(
            "learner",
            {
                "levels_seen": tracker.levels_seen,
                "levels_seen_at": tracker.levels_seen_at,
                "ratings": tracker.ratings,
            },
        ),
        UserState("never-looked", {}),
    ]
    rows = list(course.block(user="staff").generate_report_data(iter(states)))
    assert [username for username, _ in rows] == ["learner"]
    row = rows[0][1]
    assert row["framework"] == "research-literacy"
    assert row["framework_version"] == "1"
    assert row["levels_as_of"] == tracker.levels_seen_at
    assert row["appraise.validity"] == 2
    assert row["share.champion"] == 0
    assert row["confidence_after.appraise"] == 3
    assert row["confidence_before.appraise"] == ""
    competency_columns = [key for key in row if "." in key and not key.startswith("confidence")]
    assert competency_columns == [c.id for c in tracker_framework.competencies]


def test_report_respects_the_limit(course):
    states = [UserState(f"l{n}", {"levels_seen_at": "2027-01-01T00:00:00+00:00"}) for n in range(5)]
    rows = list(course.block(user="staff").generate_report_data(iter(states), limit_responses=2))
    assert [username for username, _ in rows] == ["l0", "l1"]
