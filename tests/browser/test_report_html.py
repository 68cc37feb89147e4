"""A manager opens report/index.html straight from disk, filters it to one team and one
status, sorts a column from the keyboard, and axe finds nothing serious."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from eip.cli import main
from eip.workbench.tracking import tracking_record

FIXTURES = Path(__file__).parents[1] / "fixtures" / "report"
REVIEW = "block-v1:EIP+AR201+1.0+type@eip_appraisal+block@parenting-review"


def submitted(username: str, usage_key: str, share: float) -> str:
    record = tracking_record(
        event_type="edx.eip.appraisal.submitted",
        event={"grade": {"value": share, "max_value": 1.0}, "attempt": 1, "usage_id": usage_key},
        username=username,
        user_id=username,
        course_id="course-v1:EIP+AR201+1.0",
        usage_key=usage_key,
        display_name="",
        time=datetime(2027, 4, 1, 9, tzinfo=UTC),
    )
    return json.dumps(record)


@pytest.fixture
def report_page(browser, tmp_path):
    log = tmp_path / "tracking.log"
    log.write_text(submitted("ffionj", REVIEW, 0.9) + "\n", encoding="utf-8")
    code = main(
        [
            "report",
            "--events", str(log),
            "--manifests", str(FIXTURES / "manifests"),
            "--roster", str(FIXTURES / "roster.csv"),
            "--requirements", str(FIXTURES / "requirements.toml"),
            "--grade-report", str(FIXTURES / "EIP_RL101_1.1_grade_report_2027-06-30-1200.csv"),
            "--as-of", "2027-06-30",
            "--out", str(tmp_path / "report"),
            "--no-progress",
        ]
    )  # fmt: skip
    assert code == 0
    context = browser.new_context()
    page = context.new_page()
    page.goto((tmp_path / "report" / "index.html").as_uri())
    yield page
    context.close()


def visible_rows(page) -> list[str]:
    """The rows shown, as text (textContent: tables off screen are not laid out)."""
    rows = page.locator("#people tbody tr:not([hidden])")
    shown = [row for row in rows.all() if row.evaluate("r => !r.closest('[hidden]')")]
    return [" | ".join(row.locator("th, td").all_text_contents()) for row in shown]


def test_filter_to_one_team_and_one_status(report_page, assert_accessible) -> None:
    page = report_page
    expect(page.locator("#result-count")).to_have_text("Showing 9 of 9 rows.")
    page.get_by_label("Team", exact=True).select_option("Early Help")
    page.get_by_label("Status", exact=True).select_option(label="Overdue")

    expect(page.locator("#result-count")).to_have_text("Showing 2 of 9 rows.")
    assert visible_rows(page) == [
        "Ffion James ffion@council.example | Senior practitioner | Using research in practice"
        " | Overdue | 2026-11-30 |  | 1.1 | ",  # the grade report shows activity in 1.1
        "Gareth Price gareth | Senior practitioner | Using research in practice"
        " | Overdue | 2027-05-30 |  | 1.1 | ",
    ]
    expect(page.locator("section[data-team='Assessment North']")).to_be_hidden()
    expect(page.locator("section[data-competency-team='Assessment North']")).to_be_hidden()
    assert_accessible(page)

    page.get_by_label("Status", exact=True).select_option(label="Expired")
    expect(page.locator("#result-count")).to_have_text("No rows match these filters.")


def test_sort_a_column_from_the_keyboard(report_page, assert_accessible) -> None:
    page = report_page
    table = page.locator("section[data-team='Early Help'] table")
    due = table.locator("thead th", has_text="Due date")
    due.locator("button").focus()
    page.keyboard.press("Enter")
    expect(due).to_have_attribute("aria-sort", "ascending")
    expect(table.locator("thead th").first).not_to_have_attribute("aria-sort", "ascending")
    dates = table.locator("tbody tr td:nth-child(5)").all_text_contents()
    filled = [day for day in dates if day]
    assert dates == sorted(filled) + [""] * (len(dates) - len(filled))  # blanks last
    page.keyboard.press("Enter")
    expect(due).to_have_attribute("aria-sort", "descending")
    assert_accessible(page)


def test_the_page_prints_without_its_controls(report_page) -> None:
    page = report_page
    page.emulate_media(media="print")
    expect(page.locator(".filters")).to_be_hidden()
    expect(page.locator("#people table").first).to_be_visible()
