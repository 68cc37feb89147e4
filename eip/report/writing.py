"""Write the report's three files: index.html, completion.csv and report.xlsx.

The workbook takes about as long to write as the page and the CSV together, and none of
them changes the report, so where the system can fork a child process writes the workbook
while this one writes the others (`forked`): on a machine with a spare core the files are
written in about half the time. Otherwise the three are written one after the other.
"""

from __future__ import annotations

from pathlib import Path

from eip.report.build import Report
from eip.report.csv_out import write_csv
from eip.report.forked import Forked
from eip.report.html_page import write_html
from eip.report.strings import Strings
from eip.report.xlsx_out import write_xlsx

FILES = ("index.html", "completion.csv", "report.xlsx")


def write_outputs(report: Report, out: Path, text: Strings, *, parallel: bool = True) -> list[Path]:
    html, csv, xlsx = (Path(out) / name for name in FILES)
    report.warm()  # once, here, rather than in each process
    child = Forked.start(lambda: write_xlsx(report, xlsx, text)) if parallel else None
    try:
        write_html(report, html, text)
        write_csv(report, csv, text)
    except BaseException:
        if child is not None:
            child.stop()
        raise
    if child is None:
        write_xlsx(report, xlsx, text)
    else:
        child.result()
    return [html, csv, xlsx]
