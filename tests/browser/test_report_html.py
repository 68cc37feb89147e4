"""A manager opens report/index.html straight from disk, filters it to one team and one
status, sorts a column from the keyboard, and axe finds nothing serious. In Welsh
(`--lang cy`) the page declares lang="cy", no string of the English catalogue is left on it
(names and other data aside), and what stays English is marked lang="en"."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import expect
from welsh_pages import PAGE_TEXTS, catalogue_strings, clean, english_found

from eip.cli import main
from eip.report.strings import Strings
from eip.workbench.tracking import tracking_record
from xblocks.competency.model.library import load_framework

FIXTURES = Path(__file__).parents[1] / "fixtures" / "report"
# The appraising-reviews course has no Welsh title in the Welsh report's manifests.
ENGLISH_ONLY = "appraising-reviews-1.0.manifest.json"
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


def open_report(browser, tmp_path: Path, manifests: Path, *options: str):
    """`eip report` over the fixtures with `options`; (browser context, its index.html)."""
    log = tmp_path / "tracking.log"
    log.write_text(submitted("ffionj", REVIEW, 0.9) + "\n", encoding="utf-8")
    code = main(
        [
            "report",
            "--events", str(log),
            "--manifests", str(manifests),
            "--roster", str(FIXTURES / "roster.csv"),
            "--requirements", str(FIXTURES / "requirements.toml"),
            "--grade-report", str(FIXTURES / "EIP_RL101_1.1_grade_report_2027-06-30-1200.csv"),
            "--as-of", "2027-06-30",
            "--out", str(tmp_path / "report"),
            "--no-progress",
            *options,
        ]
    )  # fmt: skip
    assert code == 0
    context = browser.new_context()
    page = context.new_page()
    page.goto((tmp_path / "report" / "index.html").as_uri())
    return context, page


@pytest.fixture
def report_page(browser, tmp_path):
    context, page = open_report(browser, tmp_path, FIXTURES / "manifests")
    yield page
    context.close()


@pytest.fixture
def welsh_report(browser, tmp_path):
    """The report in Welsh; one course has a Welsh title, the other only its English one."""
    manifests = tmp_path / "manifests"
    shutil.copytree(FIXTURES / "manifests", manifests)
    path = manifests / ENGLISH_ONLY
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["course"]["title"]["cy"]
    path.write_text(json.dumps(data), encoding="utf-8")
    context, page = open_report(browser, tmp_path, manifests, "--lang", "cy")
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


@cache
def report_data() -> tuple[str, ...]:
    """What the report shows that is data, not its interface: the roster's cells, course
    titles and slugs, and the competency framework's names (in both languages)."""
    with (FIXTURES / "roster.csv").open(encoding="utf-8", newline="") as handle:
        cells = {cell.strip() for row in csv.reader(handle) for cell in row}
    for path in (FIXTURES / "manifests").glob("*.manifest.json"):
        course = json.loads(path.read_text(encoding="utf-8"))["course"]
        cells |= {*course["title"].values(), course["slug"], course["version"]}
    framework = load_framework("research-literacy")
    for named in (*framework.domains, *framework.competencies):
        cells |= set(named.title.values.values())
    for level in framework.levels:
        cells |= set(level.name.values.values())
    return tuple(sorted(text for text in cells if text))


def english_title() -> str:
    return json.loads((FIXTURES / "manifests" / ENGLISH_ONLY).read_text("utf-8"))["course"][
        "title"
    ]["en"]


def assert_report_in_welsh(page, assert_accessible) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    texts = [*page.evaluate(PAGE_TEXTS), clean(page.title())]
    left = english_found(texts, catalogue_strings(("eip",)), data=report_data())
    assert not left, "English strings on the Welsh report:\n" + "\n".join(left)
    # What is English is marked so, and is the course title that has no Welsh.
    marked = {clean(text) for text in page.locator("[lang=en]").all_text_contents()}
    assert marked == {english_title()}
    unmarked = page.evaluate(
        """(title) => {
            const found = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode;
                const holder = node.parentElement.closest('[lang]');
                if (node.data.includes(title) && holder.getAttribute('lang') !== 'en') {
                    found.push(node.parentElement.outerHTML.slice(0, 160));
                }
            }
            return found;
        }""",
        english_title(),
    )
    assert not unmarked, "the English title is not marked lang=en:\n" + "\n".join(unmarked)
    assert_accessible(page)


def test_the_report_in_welsh_filtered_to_one_team_and_one_status(
    welsh_report, assert_accessible
) -> None:
    page = welsh_report
    text = Strings("cy")
    count = page.locator("#result-count")
    expect(count).to_have_text(text("filters.showing", shown=9, total=9))
    assert_report_in_welsh(page, assert_accessible)

    page.get_by_label(text("filters.team"), exact=True).select_option("Early Help")
    page.get_by_label(text("filters.status"), exact=True).select_option(
        label=text.status("overdue")
    )
    expect(count).to_have_text(text("filters.showing", shown=2, total=9))
    assert [row.split(" | ")[3] for row in visible_rows(page)] == [text.status("overdue")] * 2
    assert_report_in_welsh(page, assert_accessible)

    page.get_by_label(text("filters.status"), exact=True).select_option(
        label=text.status("expired")
    )
    expect(count).to_have_text(text("filters.none"))
    assert_report_in_welsh(page, assert_accessible)


def test_the_check_finds_english_on_the_english_report(report_page) -> None:
    """The same check on the English report finds the English it must find in Welsh."""
    texts = report_page.evaluate(PAGE_TEXTS)
    left = "\n".join(english_found(texts, catalogue_strings(("eip",)), data=report_data()))
    for message in ("Showing {shown} of {total} rows.", "About this report", "Overdue"):
        assert repr(message) in left
