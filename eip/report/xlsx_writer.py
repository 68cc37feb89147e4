"""A small streaming XLSX writer: just what `report.xlsx` needs, written straight into the zip.

Each sheet is written a row at a time, with its size declared up front (the `<dimension>`
element comes before the rows). Cells are inline strings, numbers and dates (numbers with a
date format); three styles besides the default: a bold wrapped header, a date and a
percentage. A sheet may have a frozen header row, column widths and an autofilter.

The XML follows what XlsxWriter writes in its constant-memory mode (the same cell types,
style indexes, number text and escapes; the package around the sheets is `xlsx_parts`).
Writing it directly costs about a microsecond a cell where a general library costs ten,
and the "by person" sheet has a cell for every person and course.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path
from typing import IO

from eip.report import xlsx_parts as parts

HEADER_STYLE, DATE_STYLE, PERCENT_STYLE = 1, 2, 3
MAX_STRING = 32_767  # Excel's limit, in UTF-16 units
COMPRESS_LEVEL = 1  # the XML shrinks about as well at 1 as at 6, several times faster

# Excel's day 0 is 1899-12-31 and it counts a 29 February 1900 that never was, so from
# March 1900 a date's serial number is its distance from 1899-12-30.
_EPOCH = date(1899, 12, 30).toordinal()
# Text that XlsxWriter writes escaped: control characters as _xHHHH_ (and a literal _xHHHH_
# with its underscore escaped), and the two non-characters.
_CONTROL = re.compile("_x[0-9a-fA-F]{4}_|[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_MARKUP = re.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]")
_SPACE_AT_ENDS = re.compile("^\\s|\\s$")
_CACHE_SIZE = 2048  # cells kept per column
_ROW = "\x00"  # stands for the row number in a cell's XML: never in the text (escaped)
_ROWS_PER_WRITE = 512


def column_letters(index: int) -> str:
    """The letters of column `index` (from 0): A, B, ... Z, AA, AB, ..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def excel_date(day: date) -> int:
    """The serial number Excel stores for `day` (days from its 1900 epoch)."""
    serial = day.toordinal() - _EPOCH
    return serial if serial > 60 else serial - 1


def _control(match: re.Match) -> str:
    text = match.group(0)
    return f"_x005F{text}" if len(text) > 1 else f"_x{ord(text):04X}_"


def _is_plain(text: str) -> bool:
    """Nothing to escape, no _xHHHH_ to protect, no space at either end (most text)."""
    return (
        _MARKUP.search(text) is None
        and "_x" not in text
        and not text[:1].isspace()
        and not text[-1:].isspace()
    )


def _string_xml(text: str) -> str:
    """The inline-string cell for `text`, after its reference: ' t="inlineStr">...</c>'."""
    if len(text) > MAX_STRING // 2 and len(text.encode("utf-16-le")) > MAX_STRING * 2:
        text = text.encode("utf-16-le")[: MAX_STRING * 2].decode("utf-16-le", "ignore")
    if _is_plain(text):
        return f' t="inlineStr"><is><t>{text}</t></is></c>'
    text = _CONTROL.sub(_control, text)
    space = ' xml:space="preserve"' if _SPACE_AT_ENDS.search(text) else ""
    return f' t="inlineStr"><is><t{space}>{escape(text, quote=False)}</t></is></c>'


def _other_xml(value: object, percent: bool) -> str:
    """A cell's XML after its reference, for values of types other than str, int, float, date:
    their subclasses as their base type, and anything else as its text (True as "True")."""
    if isinstance(value, datetime):
        raise TypeError(f"the report writes dates, not dates and times: {value!r}")
    if isinstance(value, date):
        return f' s="{DATE_STYLE}"><v>{excel_date(value)}</v></c>'
    if isinstance(value, int | float) and not isinstance(value, bool):
        shown = f' s="{PERCENT_STYLE}"' if percent else ""
        return f"{shown}><v>{float(value):.16G}</v></c>"
    return _string_xml(str(value))


class Sheet:
    """One worksheet, written into the open zip entry a row at a time."""

    def __init__(
        self,
        out: IO[bytes],
        name: str,
        *,
        rows: int,
        columns: int,
        widths: Sequence[float],
        selected: bool,
        frozen_header: bool,
        autofilter: bool,
    ) -> None:
        self.out = out
        self.pending: list[str] = []  # rows not yet compressed into the zip
        self.name = name
        self.rows = rows
        self.columns = columns
        self.autofilter = autofilter and rows > 1
        self.row = 0
        self.letters = [column_letters(n) for n in range(columns)]
        self.caches: list[dict[object, str]] = [{} for _ in range(columns)]
        self.counts: list[dict[int, str]] = [{} for _ in range(columns)]
        self.last = f"{self.letters[columns - 1]}{rows}" if rows and columns else "A1"
        view = ' tabSelected="1"' if selected else ""
        pane = (
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft"/>'
            if frozen_header
            else ""
        )
        self._write(
            f'{parts.DECLARATION}<worksheet xmlns="{parts.MAIN}" xmlns:r="{parts.RELS}">'
            f'<dimension ref="{"A1:" + self.last if self.last != "A1" else "A1"}"/>'
            f'<sheetViews><sheetView{view} workbookViewId="0">{pane}</sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/>{parts.cols(widths)}<sheetData>'
        )

    def _write(self, text: str) -> None:
        self.pending.append(text)
        if len(self.pending) >= _ROWS_PER_WRITE:
            self._flush()

    def _flush(self) -> None:
        self.out.write("".join(self.pending).encode("utf-8"))
        self.pending.clear()

    def write(self, cells: Sequence[object], percent: Sequence[int] = (), style: int = 0) -> None:
        """The next row: strings, numbers, dates; None and "" leave the cell empty. Numbers in
        the `percent` columns are shown as percentages; `style` applies to every string."""
        self.row += 1
        if style:
            self._write(self._row(cells, percent, style).replace(_ROW, str(self.row)))
            return
        # Down a sheet the same strings and dates come again and again (teams, statuses,
        # due dates): each column keeps their cells' XML, the row number left to fill in.
        caches = self.caches
        parts = [f'<row r="{_ROW}">']
        append = parts.append
        column = -1
        for value in cells:
            column += 1
            piece = caches[column].get(value)
            if piece is None:
                piece = self._cached(column, value, percent)
            append(piece)
        append("</row>")
        self._write("".join(parts).replace(_ROW, str(self.row)))

    def _cached(self, column: int, value: object, percent: Sequence[int]) -> str:
        """A cell's XML, kept for the next time when it is a string, a date or empty (whose
        keys cannot be equal to another kind's, as an int's and a float's or True's can), or
        a count, kept apart."""
        kind = type(value)
        if kind is str and 0 < len(value) < MAX_STRING // 2 and _is_plain(value):  # type: ignore[arg-type]
            cache = self.caches[column]
            piece = f'<c r="{self.letters[column]}{_ROW}" t="inlineStr"><is><t>{value}</t></is></c>'
            if len(cache) < _CACHE_SIZE:
                cache[value] = piece
            return piece
        if kind is str or kind is date or value is None:
            cache = self.caches[column]
        elif kind is int and column not in percent:
            cache = self.counts[column]
            piece = cache.get(value)
            if piece is not None:
                return piece
        else:
            return self._cell(column, value, column in percent, 0)
        piece = self._cell(column, value, False, 0)
        if len(cache) < _CACHE_SIZE:
            cache[value] = piece
        return piece

    def _row(self, cells: Sequence[object], percent: Sequence[int], style: int) -> str:
        pieces = [self._cell(n, value, n in percent, style) for n, value in enumerate(cells)]
        return f'<row r="{_ROW}">{"".join(pieces)}</row>'

    def _cell(self, column: int, value: object, percent: bool, style: int) -> str:
        """A cell's XML, with _ROW for its row number ("" for an empty cell)."""
        if value is None or value == "":
            return ""
        kind = type(value)
        if kind is str:
            body = _string_xml(value)  # type: ignore[arg-type]
        elif kind is date:
            body = f' s="{DATE_STYLE}"><v>{excel_date(value)}</v></c>'  # type: ignore[arg-type]
        elif kind is float or kind is int:
            shown = f' s="{PERCENT_STYLE}"' if percent else ""
            body = f"{shown}><v>{value:.16G}</v></c>"
        else:
            body = _other_xml(value, percent)
        if style and body[1] == "t":  # a string
            body = f' s="{style}"{body}'
        return f'<c r="{self.letters[column]}{_ROW}"{body}'

    def close(self) -> str | None:
        """Finish the sheet; its autofilter's range (as in the workbook's names), if any."""
        if self.row != self.rows:
            raise ValueError(f"sheet {self.name!r}: {self.row} rows written, {self.rows} declared")
        filtered = f"A1:{self.last}" if self.autofilter else None
        self._write(
            "</sheetData>"
            + (f'<autoFilter ref="{filtered}"/>' if filtered else "")
            + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
            'footer="0.3"/></worksheet>'
        )
        self._flush()
        self.out.close()
        if not filtered:
            return None
        first, last = "$A$1", "$" + self.last.rstrip("0123456789") + "$" + str(self.rows)
        return f"{parts.quoted(self.name)}!{first}:{last}"


class Workbook:
    """`Workbook(path, sheet_names)`; then for each name in order `add_sheet(...)`, its rows,
    `sheet.close()`; then `close()`."""

    def __init__(self, path: Path, sheet_names: Sequence[str]) -> None:
        self.path = Path(path)
        self.names = list(sheet_names)
        self.filters: list[str | None] = []
        self.zip = zipfile.ZipFile(
            self.path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL
        )
        self._part("[Content_Types].xml", parts.content_types(len(self.names)))
        self._part("_rels/.rels", parts.ROOT_RELS)
        self.sheet: Sheet | None = None

    def _part(self, name: str, text: str) -> None:
        self.zip.writestr(name, text.encode("utf-8"))

    def add_sheet(
        self,
        *,
        rows: int,
        columns: int,
        widths: Sequence[float] = (),
        frozen_header: bool = False,
        autofilter: bool = False,
    ) -> Sheet:
        """The next sheet, of `rows` rows and `columns` columns, header included."""
        if self.sheet is not None:
            self.filters.append(self.sheet.close())
        index = len(self.filters)
        out = self.zip.open(f"xl/worksheets/sheet{index + 1}.xml", "w", force_zip64=True)
        self.sheet = Sheet(
            out,
            self.names[index],
            rows=rows,
            columns=columns,
            widths=widths,
            selected=index == 0,
            frozen_header=frozen_header,
            autofilter=autofilter,
        )
        return self.sheet

    def discard(self) -> None:
        """Stop, after a failure: close the file and remove it (no half-written workbook)."""
        if self.sheet is not None:
            self.sheet.out.close()
        self.zip.close()
        self.path.unlink(missing_ok=True)

    def close(self) -> Path:
        if self.sheet is not None:
            self.filters.append(self.sheet.close())
            self.sheet = None
        if len(self.filters) != len(self.names):
            raise ValueError(f"{len(self.filters)} sheets written, {len(self.names)} named")
        self._part("xl/workbook.xml", parts.workbook(self.names, self.filters))
        self._part("xl/_rels/workbook.xml.rels", parts.workbook_rels(len(self.names)))
        self._part("xl/styles.xml", parts.STYLES)
        self._part("docProps/app.xml", parts.app(self.names))
        self._part("docProps/core.xml", parts.core(datetime.now(UTC)))
        self.zip.close()
        return self.path
