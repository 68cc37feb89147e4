"""`eip report --lang cy`: the CSV, the workbook, the page and the summary in Welsh, with
numbers still numbers and dates still dates, and course titles in Welsh where the manifest
has them (else in English, marked so on the page)."""

from __future__ import annotations

import csv
import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import lxml.html
import pytest

from eip import translation
from eip.cli import main
from eip.report.csv_out import write_csv
from eip.report.html_page import write_html
from eip.report.strings import ENGLISH, PERSON_COLUMNS, Strings
from eip.report.xlsx_out import SHEETS, write_xlsx

EXCEL_EPOCH = date(1899, 12, 30)
WELSH = Strings("cy")
ENGLISH_TEXT = Strings("en")


@pytest.fixture
def welsh(report):
    return report(lang="cy")


def test_every_report_string_is_looked_up_in_the_welsh_catalogue():
    """Strings("cy") reads the compiled catalogue: each string with words of its own comes
    out in Welsh (plural pairs in the form for the count)."""
    same = []
    for key, english in ENGLISH.items():
        if isinstance(english, tuple):
            fields = {name: "x" for name in re.findall(r"\{(\w+)", english[1])}
            fields["count"] = 2
            assert WELSH(key, **fields) != english[1].format(**fields), key
            continue
        words = re.sub(r"\{[^}]*\}", "", english)
        if re.search(r"[A-Za-z]{2,}", words) and WELSH(key) == english:
            same.append(english)
    assert same == ["Person"]  # the same word in Welsh


@pytest.mark.parametrize("lang", translation.LANGUAGES)
def test_sheet_names_are_names_a_workbook_accepts(lang):
    names = [Strings(lang)(key) for key in SHEETS]
    assert len(set(names)) == len(names)
    for name in names:
        assert 0 < len(name) <= 31 and not set(name) & set("[]:*?/\\"), name


def test_csv_in_welsh_keeps_numbers_and_iso_dates(welsh, tmp_path):
    path = write_csv(welsh, tmp_path / "completion.csv", WELSH)
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header[:3] == ["Enw defnyddiwr neu e-bost", "Enw", "Tîm"]
    assert header[-1] == "Sgôr (%)"
    assert len(header) == len(PERSON_COLUMNS)
    assert not set(header) & {ENGLISH_TEXT(k) for k in PERSON_COLUMNS}
    table = [dict(zip(header, row, strict=True)) for row in rows]
    alys = next(row for row in table if row["Enw defnyddiwr neu e-bost"] == "alys")
    assert alys["Statws"] == "Cwblhawyd" == WELSH.status("completed")
    assert (alys["Dyddiad cwblhau"], alys["Dyddiad dyledus"]) == ("2027-02-10", "2028-02-10")
    assert float(alys["Sgôr (%)"]) == pytest.approx(80.0)
    # Names from the roster and titles from the manifests are data: as written there.
    assert (alys["Tîm"], alys["Rôl"]) == ("Assessment North", "Social worker")
    assert alys["Cwrs"] == "Using research in practice (cy)"


def test_xlsx_in_welsh_names_its_sheets_and_keeps_numbers_and_dates(welsh, tmp_path, read_xlsx):
    stored = read_xlsx(write_xlsx(welsh, tmp_path / "report.xlsx", WELSH))
    # (cell type, value) per cell
    sheets = {
        name: [[(kind, value) for _, kind, _, value in row] for row in rows]
        for name, rows in stored.items()
        if name != "_formats"
    }
    assert list(sheets) == ["crynodeb", "fesul tîm", "fesul person", "fesul cwrs", "cymwyseddau"]
    header, *people = sheets["fesul person"]
    names = [value for _, value in header]
    assert names == [WELSH(key) for key in PERSON_COLUMNS]
    assert names[:3] == ["Enw defnyddiwr neu e-bost", "Enw", "Tîm"]
    alys = dict(zip(names, next(row for row in people if row[0][1] == "alys"), strict=True))
    kind, value = alys["Dyddiad cwblhau"]
    assert kind == "n" and EXCEL_EPOCH + timedelta(days=float(value)) == date(2027, 2, 10)
    kind, value = alys["Sgôr"]
    assert kind == "n" and float(value) == pytest.approx(0.8)
    assert alys["Statws"] == ("inlineStr", "Cwblhawyd")
    summary = {row[0][1]: row[1] for row in sheets["crynodeb"][1:]}
    assert summary["Yn hwyr"] == ("n", "3")
    assert summary["Dyddiad yr adroddiad"][0] == "n"
    by_course = [[value for _, value in row] for row in sheets["fesul cwrs"][1:]]
    assert [row[1] for row in by_course if row[0] == "Using research in practice (cy)"] == [
        "pob fersiwn",
        "1.0",
        "1.1",
    ]
    competencies = [value for _, value in sheets["cymwyseddau"][0]]
    assert competencies[:4] == ["Tîm", "Maes", "Cymhwysedd", "Dim lefel eto"]


def _page(built, tmp_path: Path):
    path = write_html(built, tmp_path / "index.html", Strings(built.options.lang))
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def test_the_page_in_welsh_declares_its_language_and_writes_months_in_welsh(welsh, tmp_path):
    page = _page(welsh, tmp_path)
    assert page.get("lang") == "cy"
    assert page.findtext(".//h1") == "Hyfforddiant llythrennedd ymchwil: cwblhau a chymwyseddau"
    assert page.get_element_by_id("result-count").text_content() == "Rhesi a ddangosir: 9 o 9."
    months = page.get_element_by_id("chart-months-desc").text_content()
    assert months.startswith("Gorffennaf 2026: 0 cwblhad; Awst 2026: 0 cwblhad; Medi 2026:")
    assert months.endswith("Ebrill 2027: 1 cwblhad; Mai 2027: 1 cwblhad; Mehefin 2027: 0 cwblhad")
    labels = page.xpath("//svg[desc[@id='chart-months-desc']]/text/text()")
    assert {"Gorff 26", "Chwef 27", "Meh 27"} <= set(labels)
    options = [o.text_content() for o in page.xpath("//select[@id='filter-status']/option")]
    statuses = ["Heb ddechrau", "Ar y gweill", "Cwblhawyd", "Yn hwyr", "Wedi dod i ben"]
    assert options == ["Pob statws", *statuses]
    # Every course title here has its Welsh: none is marked English.
    assert not page.xpath("//td[@lang] | //option[@lang]")


def test_a_course_without_a_welsh_title_is_shown_in_english_marked_so(
    options, framework_loader, fixtures_dir, tmp_path
):
    from eip.report.build import build_report

    manifests = tmp_path / "manifests"
    shutil.copytree(fixtures_dir / "manifests", manifests)
    path = manifests / "appraising-reviews-1.0.manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["course"]["title"]["cy"]
    path.write_text(json.dumps(data), encoding="utf-8")
    built = build_report(options(lang="cy", manifests=manifests), framework_loader)
    page = _page(built, tmp_path)
    english = "Appraising systematic reviews"
    titles = page.xpath("//*[@lang='en'][not(self::th)]")
    assert titles and {element.text_content() for element in titles} == {english}
    assert {element.tag for element in titles} == {"td", "option"}
    # The fixture framework lacks some Welsh: those names are English, and marked so.
    framework = built.coverage.framework
    untranslated = {
        named.title.get("en")
        for named in (*framework.domains, *framework.competencies)
        if "cy" not in named.title.values
    }
    names = {element.text_content() for element in page.xpath("//th[@lang='en']")}
    assert untranslated and names == untranslated
    welsh_title = page.xpath("//td[.='Using research in practice (cy)']")
    assert welsh_title and all(cell.get("lang") is None for cell in welsh_title)


def test_the_summary_in_welsh(arguments, capsys, monkeypatch):
    assert main([*arguments, "--lang", "cy"]) == 0
    out = capsys.readouterr().out
    assert "Pobl: 8; timau: 2; cwblhadau gofynnol: 9" in out
    assert "Statws: Heb ddechrau 1, Ar y gweill 1, Cwblhawyd 3, Yn hwyr 3, Wedi dod i ben 1" in out
    assert "Hepgorwyd 2: cwrs neu floc nad yw mewn unrhyw faniffest" in out
    assert "  cwrs course-v1:OTHER+X1+2027: 2 ddigwyddiad" in out
    assert "roster.csv:11: dyddiad dechrau: nid yw '31/31/2027' yn ddyddiad" in out
    assert re.search(r"^Wedi gorffen mewn \d+\.\d eiliad\.$", out, re.M)
    assert "Ysgrifennwyd " in out and "Wrote " not in out


def test_the_report_takes_its_language_from_the_environment(arguments, tmp_path, monkeypatch):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    assert main(arguments) == 0
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="cy">')
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    assert main([*arguments, "--lang", "en"]) == 0
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
