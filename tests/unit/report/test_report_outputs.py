"""What a manager opens: completion.csv, report.xlsx (read back from its XML, as a
spreadsheet would) and index.html (self-contained and marked up for every reader)."""

from __future__ import annotations

import csv
import re
from datetime import date, timedelta
from pathlib import Path

import lxml.html
import pytest

from eip.report.csv_out import write_csv
from eip.report.html_page import write_html
from eip.report.strings import Strings
from eip.report.xlsx_out import write_xlsx

EXCEL_EPOCH = date(1899, 12, 30)


@pytest.fixture
def built(report):
    return report()


def test_csv_has_a_row_per_person_and_course_with_numbers_and_iso_dates(built, tmp_path) -> None:
    path = write_csv(built, tmp_path / "completion.csv", Strings())
    with path.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == len(built.assignments) == 9
    alys = next(r for r in table if r["Username or email"] == "alys")
    assert alys["Status"] == "Completed"
    assert alys["Date completed"] == "2027-02-10"
    assert alys["Due date"] == "2028-02-10"
    assert alys["Version"] == "1.0"
    assert alys["Score (%)"] == "80.0"
    cerys = next(r for r in table if r["Username or email"] == "cerys")
    assert (cerys["Status"], cerys["Score (%)"], cerys["Date completed"]) == ("Not started", "", "")


def test_xlsx_has_the_five_sheets_with_numbers_as_numbers_and_dates_as_dates(
    built, tmp_path, read_xlsx
) -> None:
    sheets = read_xlsx(write_xlsx(built, tmp_path / "report.xlsx", Strings()))
    assert list(sheets)[:5] == ["summary", "by team", "by person", "by course", "competencies"]
    number_format = {index: code for ((index, code),) in sheets["_formats"]}

    header, *people = sheets["by person"]
    names = [value for _, _, _, value in header]
    assert names[:3] == ["Username or email", "Name", "Team"]
    alys = next(row for row in people if row[0][3] == "alys")
    cell = dict(zip(names, alys, strict=False))
    # dates: numbers (days since 1899-12-30) with a date format
    for column, expected in (
        ("Start date", date(2027, 1, 4)),
        ("Date completed", date(2027, 2, 10)),
    ):
        _, kind, style, value = cell[column]
        assert kind == "n"
        assert EXCEL_EPOCH + timedelta(days=float(value)) == expected
        assert number_format[style] == "yyyy-mm-dd"
    # the score: a number (a share), shown as a percentage
    _, kind, style, value = cell["Score"]
    assert kind == "n" and float(value) == pytest.approx(0.8)
    assert number_format[style] == "0.0%"
    assert cell["Status"][1] == "inlineStr" and cell["Status"][3] == "Completed"

    teams = {row[0][3]: row for row in sheets["by team"][1:]}
    assert set(teams) == {"Assessment North", "Early Help"}
    people_cell = teams["Assessment North"][2]
    assert (people_cell[1], people_cell[3]) == ("n", "5")

    summary = {row[0][3]: row[1] for row in sheets["summary"][1:]}
    assert summary["Report date"][1] == "n"
    assert EXCEL_EPOCH + timedelta(days=float(summary["Report date"][3])) == date(2027, 6, 30)
    assert summary["Overdue"][1:4:2] == ("n", "3")

    competencies = sheets["competencies"]
    assert [v for *_, v in competencies[0]][:4] == ["Team", "Domain", "Competency", "No level yet"]
    validity = next(
        r for r in competencies[1:] if r[0][3] == "Early Help" and r[2][3] == "Judge validity"
    )
    assert [(kind, value) for _, kind, _, value in validity[3:]] == [
        ("n", "2"),
        ("n", "0"),
        ("n", "1"),
        ("n", "0"),
        ("n", "0"),
    ]


def test_by_course_counts_each_version(built, tmp_path, read_xlsx) -> None:
    sheets = read_xlsx(write_xlsx(built, tmp_path / "report.xlsx", Strings()))
    rows = [[v for *_, v in row] for row in sheets["by course"][1:]]
    literacy = [row for row in rows if row[0] == "Using research in practice"]
    assert [row[1] for row in literacy] == ["all versions", "1.0", "1.1"]
    assert literacy[0][2] == "7"  # seven people must complete it


def html_of(built, tmp_path: Path) -> tuple[str, lxml.html.HtmlElement]:
    path = write_html(built, tmp_path / "index.html", Strings())
    text = path.read_text(encoding="utf-8")
    return text, lxml.html.fromstring(text)


def test_html_is_one_file_that_needs_no_network(built, tmp_path) -> None:
    text, page = html_of(built, tmp_path)
    assert page.get("lang") == "en"
    assert not page.xpath("//link | //script[@src] | //img | //iframe")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "@import" not in text and "url(" not in text
    assert page.xpath("//style") and page.xpath("//script[not(@type)]")
    assert len(page.xpath("//svg[@role='img']")) == 4


def test_html_tables_are_marked_up_for_screen_readers(built, tmp_path) -> None:
    _, page = html_of(built, tmp_path)
    tables = page.xpath("//section[@data-team-section]//table")
    assert [t.findtext("caption") for t in tables] == [
        "Assessment North: people and required courses (manager Rhian Morgan)",
        "Early Help: people and required courses (manager Owain Price)",
    ]
    for table in tables:
        heads = table.xpath("./thead//th")
        assert all(
            th.get("scope") == "col" and th.xpath("./button[@type='button']") for th in heads
        )
        assert heads[0].get("aria-sort") == "ascending"
        assert all(row.xpath("./th[@scope='row']") for row in table.xpath("./tbody/tr"))
    for select in page.xpath("//select"):
        assert page.xpath(f"//label[@for='{select.get('id')}']")
    live = page.get_element_by_id("result-count")
    assert (live.get("role"), live.get("aria-live")) == ("status", "polite")
    assert live.text_content() == "Showing 9 of 9 rows."


def test_html_rows_carry_status_and_course_for_the_filters(built, tmp_path) -> None:
    _, page = html_of(built, tmp_path)
    efa = page.xpath("//tr[th[contains(., 'Efa Lloyd')]]")[0]
    assert (efa.get("data-status"), efa.get("data-course")) == ("expired", "research-literacy")
    assert [c.text_content() for c in efa.xpath("./td")] == [
        "Social worker",
        "Using research in practice",
        "Expired",
        "2027-03-01",
        "2026-03-01",
        "1.0",
        "100%",
    ]


def test_html_lists_people_missing_from_the_roster_apart(built, tmp_path) -> None:
    _, page = html_of(built, tmp_path)
    section = page.xpath("//section[@aria-labelledby='unknown-heading']")[0]
    assert [th.text_content() for th in section.xpath(".//tbody/tr/th")] == ["zed"]


def test_html_escapes_what_the_roster_says(report, tmp_path, fixtures_dir) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "id,name,team,role,start\n"
        'x,"<script>alert(1)</script>","<b>Team</b>",Social worker,2027-01-01\n',
        encoding="utf-8",
    )
    text, page = html_of(report(roster=roster), tmp_path)
    assert "<script>alert(1)" not in text
    assert page.xpath("//th[@scope='row']")[0].text_content().startswith("<script>")
    assert "&lt;b&gt;Team&lt;/b&gt;" in text
