"""The streaming XLSX writer: each kind of value becomes the cell a spreadsheet expects."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import lxml.etree
import pytest

from eip.report.xlsx_writer import HEADER_STYLE, Workbook, column_letters, excel_date

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def cells(path, sheet: int = 1) -> list[list[tuple]]:
    """(reference, type, style, text) of every cell written, row by row."""
    with zipfile.ZipFile(path) as book:
        xml = lxml.etree.fromstring(book.read(f"xl/worksheets/sheet{sheet}.xml"))
    return [
        [
            (c.get("r"), c.get("t", "n"), c.get("s"), "".join(c.itertext()))
            for c in row.iter(f"{MAIN}c")
        ]
        for row in xml.iter(f"{MAIN}row")
    ]


def one_sheet(tmp_path, rows: list[tuple[list, tuple]], columns: int):
    book = Workbook(tmp_path / "t.xlsx", ["t"])
    sheet = book.add_sheet(rows=len(rows), columns=columns)
    for values, percent in rows:
        sheet.write(values, percent)
    return book.close()


def test_each_kind_of_value_is_its_own_kind_of_cell(tmp_path) -> None:
    path = one_sheet(
        tmp_path,
        [(["text", 3, 0.25, date(2027, 6, 30), None, "", True], (2,))],
        columns=7,
    )
    assert cells(path) == [
        [
            ("A1", "inlineStr", None, "text"),
            ("B1", "n", None, "3"),
            ("C1", "n", "3", "0.25"),  # percentage style
            ("D1", "n", "2", str(excel_date(date(2027, 6, 30)))),  # date style
            ("G1", "inlineStr", None, "True"),  # None and "" leave no cell
        ]
    ]


def test_a_count_and_a_percentage_of_the_same_value_keep_their_styles(tmp_path) -> None:
    # a summary column: counts, then a share shown as a percentage, equal as numbers
    path = one_sheet(tmp_path, [([1], ()), ([1.0], (0,)), ([1], ()), ([True], ())], columns=1)
    assert [row[0][1:] for row in cells(path)] == [
        ("n", None, "1"),
        ("n", "3", "1"),
        ("n", None, "1"),
        ("inlineStr", None, "True"),
    ]


@pytest.mark.parametrize(
    ("text", "xml"),
    [
        ("a & <b>", "<t>a &amp; &lt;b&gt;</t>"),
        (" lead", '<t xml:space="preserve"> lead</t>'),
        ("trail\t", '<t xml:space="preserve">trail\t</t>'),
        ("bell\x07", "<t>bell_x0007_</t>"),
        ("_x0041_", "<t>_x005F_x0041_</t>"),
        ("line\nbreak", "<t>line\nbreak</t>"),
    ],
)
def test_text_is_escaped_as_excel_expects(tmp_path, text, xml) -> None:
    path = one_sheet(tmp_path, [([text], ()), ([text], ())], columns=1)
    with zipfile.ZipFile(path) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert sheet.count(xml) == 2  # the same the second time, from the column's cache


def test_excel_serial_dates_count_the_leap_day_1900_never_had() -> None:
    assert excel_date(date(1900, 1, 1)) == 1
    assert excel_date(date(1900, 2, 28)) == 59
    assert excel_date(date(1900, 3, 1)) == 61
    assert excel_date(date(2027, 6, 30)) == 46568


def test_header_frozen_pane_widths_and_filter(tmp_path) -> None:
    book = Workbook(tmp_path / "t.xlsx", ["by team", "two"])
    sheet = book.add_sheet(rows=2, columns=2, widths=(30, 30), frozen_header=True, autofilter=True)
    sheet.write(["Team", "People"], style=HEADER_STYLE)
    sheet.write(["North", 5])
    book.add_sheet(rows=0, columns=0)
    path = book.close()
    assert cells(path)[0] == [("A1", "inlineStr", "1", "Team"), ("B1", "inlineStr", "1", "People")]
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
        workbook = archive.read("xl/workbook.xml").decode()
    assert '<dimension ref="A1:B2"/>' in sheet_xml
    assert 'state="frozen"' in sheet_xml and '<autoFilter ref="A1:B2"/>' in sheet_xml
    assert '<col min="1" max="2" width="30.7109375" customWidth="1"/>' in sheet_xml
    assert "'by team'!$A$1:$B$2" in workbook


def test_rows_must_match_the_declared_size(tmp_path) -> None:
    book = Workbook(tmp_path / "t.xlsx", ["t"])
    book.add_sheet(rows=2, columns=1).write(["only one"])
    with pytest.raises(ValueError, match="1 rows written, 2 declared"):
        book.close()


def test_dates_and_times_are_not_taken_for_dates(tmp_path) -> None:
    book = Workbook(tmp_path / "t.xlsx", ["t"])
    with pytest.raises(TypeError):
        book.add_sheet(rows=1, columns=1).write([datetime(2027, 1, 1, 9, 30)])


def test_column_letters() -> None:
    assert [column_letters(n) for n in (0, 25, 26, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def test_a_failed_workbook_leaves_no_file(tmp_path) -> None:
    book = Workbook(tmp_path / "t.xlsx", ["t"])
    book.add_sheet(rows=1, columns=1).write(["half"])
    book.discard()
    assert not (tmp_path / "t.xlsx").exists()
