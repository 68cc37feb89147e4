"""Fixtures for the report tests: the files in tests/fixtures/report and a small, readable
tracking log written from the table in `story_events`."""

from __future__ import annotations

import gzip
import json
import re
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import lxml.etree
import pytest

from eip.report.build import ReportOptions, build_report
from eip.workbench.tracking import tracking_record
from xblocks.competency.model.library import read_framework

FIXTURES = Path(__file__).parents[2] / "fixtures" / "report"
AS_OF = date(2027, 6, 30)
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def usage(code: str, version: str, block_type: str, name: str) -> str:
    return f"block-v1:EIP+{code}+{version}+type@{block_type}+block@{name}"


FGC_10 = usage("RL101", "1.0", "eip_appraisal", "fgc-trial")
BIRTH_10 = usage("RL101", "1.0", "eip_case_study", "pre-birth")
FGC_11 = usage("RL101", "1.1", "eip_appraisal", "fgc-trial")
BIRTH_11 = usage("RL101", "1.1", "eip_case_study", "pre-birth")
SOS_11 = usage("RL101", "1.1", "eip_appraisal", "signs-of-safety")
REVIEW = usage("AR201", "1.0", "eip_appraisal", "parenting-review")
ELSEWHERE = "block-v1:OTHER+X1+2027+type@problem+block@p1"


def course_of(usage_key: str) -> str:
    org, code, run = usage_key.removeprefix("block-v1:").split("+")[:3]
    return f"course-v1:{org}+{code}+{run}"


def line(username: str, when: str, event_type: str, usage_key: str, event: dict) -> str:
    """One tracking-log line in the shape the LMS and the workbench write."""
    record = tracking_record(
        event_type=event_type,
        event=event,
        username=username,
        user_id=username,
        course_id=course_of(usage_key) if usage_key.startswith("block-v1:") else "",
        usage_key=usage_key,
        display_name="",
        time=datetime.fromisoformat(when).replace(tzinfo=UTC),
    )
    return json.dumps(record, sort_keys=True)


def appraisal(username: str, when: str, usage_key: str, share: float, attempt: int = 1) -> list:
    """What an LMS logs for an appraisal submission: only our event (it carries the grade)."""
    version = course_of(usage_key).rsplit("+", 1)[1]
    event = {
        "instrument_id": "rct",
        "instrument_version": "1",
        "competencies": [{"id": "appraise.validity", "level": 2}],
        "stopped": False,
        "answers": {},
        "overall": {"answer": "moderate", "credit": 1.0},
        "score": {"earned": share * 10, "possible": 10, "fraction": share},
        "attempt": attempt,
        "max_attempts": 0,
        "grade": {"value": share, "max_value": 1.0},
        "course_version": version,
        "usage_id": usage_key,
    }
    return [line(username, when, "edx.eip.appraisal.submitted", usage_key, event)]


def graded(username: str, when: str, usage_key: str, share: float, weight: float = 2.0) -> list:
    """What the workbench logs for any block: `grade` and `completion`."""
    return [
        line(username, when, "grade", usage_key, {"value": share * weight, "max_value": weight}),
        line(username, when, "completion", usage_key, {"completion": 1.0}),
    ]


def story() -> list[str]:
    """Each roster person's story (see tests/fixtures/report/roster.csv), plus noise."""
    lines = []
    # alys: completed version 1.0 on 2027-02-10 -> completed.
    lines += appraisal("alys", "2027-02-01T10:00:00", FGC_10, 0.5)
    lines += appraisal("alys", "2027-02-03T10:00:00", FGC_10, 0.9, attempt=2)
    lines += graded("alys", "2027-02-10T15:30:00", BIRTH_10, 0.75)
    # after the report date: ignored
    lines += appraisal("alys", "2027-07-02T09:00:00", SOS_11, 1.0)
    # bryn: one block of two -> in progress (due 2027-07-30).
    lines += appraisal("bryn", "2027-06-01T09:00:00", FGC_10, 0.8)
    # dafydd: one block, due 2027-04-04 -> overdue.
    lines += appraisal("Dafydd", "2027-03-01T09:00:00", FGC_10, 0.8)
    # efa: completed 2026-03-01, renewal every 12 months -> expired on 2027-03-01.
    lines += appraisal("efa", "2026-02-20T09:00:00", FGC_10, 1.0)
    lines += graded("efa", "2026-03-01T11:00:00", BIRTH_10, 1.0)
    # ffion (roster by email; username ffionj from the grade report): version 1.1 complete.
    lines += appraisal("ffionj", "2027-05-02T09:00:00", FGC_11, 0.7)
    lines += appraisal("ffionj", "2027-05-10T09:00:00", SOS_11, 0.9)
    lines += graded("ffionj", "2027-05-20T16:00:00", BIRTH_11, 0.8)
    # gareth: finished version 1.0 but below the pass mark; passed appraising-reviews.
    lines += appraisal("gareth", "2027-04-01T09:00:00", FGC_10, 0.2)
    lines += graded("gareth", "2027-04-02T09:00:00", BIRTH_10, 0.3)
    lines += appraisal("gareth", "2027-04-01T12:00:00", REVIEW, 0.55)
    # zed: not in the roster.
    lines += appraisal("zed", "2027-06-01T09:00:00", FGC_10, 0.6)
    # another course on the same site.
    lines += graded("alys", "2027-03-01T09:00:00", ELSEWHERE, 1)
    # noise: events the report never parses, and one it parses and drops.
    lines.append(json.dumps({"event_type": "/courseware", "username": "alys", "event": "{}"}))
    lines.append(json.dumps({"event_type": "problem_check", "event": {"grade": 1}}))
    return lines


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def story_lines() -> list[str]:
    return story()


@pytest.fixture
def write_log() -> Callable[..., Path]:
    """`write_log(path, lines, gz=False)`: a tracking log holding `lines`."""

    def write(path: Path, lines: list[str], gz: bool = False) -> Path:
        data = "".join(f"{text}\n" for text in lines).encode()
        path.write_bytes(gzip.compress(data) if gz else data)
        return path

    return write


@pytest.fixture
def arguments(tmp_path: Path, story_lines, write_log) -> list[str]:
    """`eip report`'s arguments over the fixtures and the story log (gzipped), writing to
    tmp_path/out."""
    log = write_log(tmp_path / "tracking.log.gz", story_lines, gz=True)
    return [
        "report",
        "--events", str(log),
        "--manifests", str(FIXTURES / "manifests"),
        "--roster", str(FIXTURES / "roster.csv"),
        "--requirements", str(FIXTURES / "requirements.toml"),
        "--out", str(tmp_path / "out"),
        "--as-of", "2027-06-30",
        "--grade-report", str(FIXTURES / "EIP_RL101_1.1_grade_report_2027-06-30-1200.csv"),
        "--no-progress",
    ]  # fmt: skip


def _column(reference: str) -> int:
    letters = re.match(r"[A-Z]+", reference).group(0)
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def xlsx_sheets(path: Path) -> dict[str, list[list[tuple]]]:
    """Each sheet's rows as (reference, cell type, style index, value) per cell, by sheet
    name, read back from the workbook's XML as a spreadsheet would; "_formats" holds each
    style index's number format."""
    with zipfile.ZipFile(path) as book:
        workbook = lxml.etree.fromstring(book.read("xl/workbook.xml"))
        rels = lxml.etree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels}
        sheets = {}
        for sheet in workbook.iter(f"{MAIN}sheet"):
            xml = lxml.etree.fromstring(book.read("xl/" + targets[sheet.get(f"{REL}id")]))
            rows = []
            for row in xml.iter(f"{MAIN}row"):
                cells: list[tuple] = []
                for cell in row.iter(f"{MAIN}c"):
                    column = _column(cell.get("r"))
                    cells += [(None, None, None, None)] * (column - len(cells))
                    kind = cell.get("t", "n")
                    if kind == "inlineStr":
                        value = "".join(cell.itertext())
                    else:
                        found = cell.find(f"{MAIN}v")
                        value = None if found is None else found.text
                    cells.append((cell.get("r"), kind, cell.get("s"), value))
                rows.append(cells)
            sheets[sheet.get("name")] = rows
        styles = lxml.etree.fromstring(book.read("xl/styles.xml"))
    formats = {f.get("numFmtId"): f.get("formatCode") for f in styles.iter(f"{MAIN}numFmt")}
    xfs = list(styles.find(f"{MAIN}cellXfs"))
    sheets["_formats"] = [
        [(str(i), formats.get(xf.get("numFmtId"), xf.get("numFmtId")))] for i, xf in enumerate(xfs)
    ]
    return sheets


@pytest.fixture
def read_xlsx() -> Callable[[Path], dict[str, list[list[tuple]]]]:
    """`read_xlsx(path)`: what `xlsx_sheets` reads."""
    return xlsx_sheets


@pytest.fixture
def framework_loader() -> Callable:
    return lambda framework_id: read_framework(FIXTURES / "frameworks", framework_id)


@pytest.fixture
def options(tmp_path: Path, story_lines, write_log) -> Callable[..., ReportOptions]:
    """`options(**changes)`: ReportOptions over the fixtures and the story log."""
    log = write_log(tmp_path / "tracking.log", story_lines)

    def make(**changes) -> ReportOptions:
        values = {
            "events": [log],
            "manifests": FIXTURES / "manifests",
            "roster": FIXTURES / "roster.csv",
            "requirements": FIXTURES / "requirements.toml",
            "as_of": AS_OF,
            "grade_reports": [str(FIXTURES / "EIP_RL101_1.1_grade_report_2027-06-30-1200.csv")],
            "progress": False,
            **changes,
        }
        return ReportOptions(**values)

    return make


@pytest.fixture
def report(options, framework_loader):
    """`report(**changes)`: the report built from `options(**changes)`."""
    return lambda **changes: build_report(options(**changes), framework_loader)


@pytest.fixture
def rows():
    """`rows(report)`: {(person id, course slug): assignment}."""
    return lambda built: {(a.person.id, a.slug): a for a in built.assignments}


class InlineFork:
    """Stands in for `forked.Forked`: runs the task at once, in this process, and hands back
    its result (or raises its exception) when asked, as a forked child would."""

    started = 0

    def __init__(self, value, error) -> None:
        self.value, self.error = value, error

    @classmethod
    def start(cls, task):
        cls.started += 1
        try:
            return cls(task(), None)
        except BaseException as error:
            return cls(None, error)

    def result(self):
        if self.error is not None:
            raise self.error
        return self.value

    def stop(self) -> None:
        pass


@pytest.fixture
def inline_fork(monkeypatch) -> type[InlineFork]:
    """Reading and writing split in two as on a machine with a spare core, but deterministically
    in this process (the fork itself is tested in test_report_forked)."""
    from eip.report import reading, writing

    class Fork(InlineFork):
        started = 0

    monkeypatch.setattr(reading, "Forked", Fork)
    monkeypatch.setattr(writing, "Forked", Fork)
    return Fork


@pytest.fixture
def log_lines():
    """The helpers that write tracking-log lines, and the block ids of the story."""
    return SimpleNamespace(
        line=line, appraisal=appraisal, graded=graded, FGC_10=FGC_10, FGC_11=FGC_11,
        SOS_11=SOS_11, BIRTH_11=BIRTH_11,
    )  # fmt: skip
