"""Write the report's three files: index.html, completion.csv and report.xlsx.

The workbook takes about as long to write as the page and the CSV together, and none of
them changes the report, so where the system can fork (Linux, macOS) a child process
writes the workbook while this one writes the others: on a machine with a spare core the
files are written in about half the time. A child's failure is raised here as its own
exception; without fork, or with other threads running (a fork copies only the calling
thread, which could leave a lock held), the three are written one after the other.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from eip.report.build import Report
from eip.report.csv_out import write_csv
from eip.report.html_page import write_html
from eip.report.strings import Strings
from eip.report.xlsx_out import write_xlsx

FILES = ("index.html", "completion.csv", "report.xlsx")


def write_outputs(report: Report, out: Path, text: Strings, *, parallel: bool = True) -> list[Path]:
    html, csv, xlsx = (Path(out) / name for name in FILES)
    child = _Child.start(lambda: write_xlsx(report, xlsx, text)) if parallel else None
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
        child.wait()
    return [html, csv, xlsx]


class _Child:
    """A forked process running one task; `wait()` raises what the task raised."""

    def __init__(self, pid: int, errors: int) -> None:
        self.pid = pid
        self.errors = errors  # read end of a pipe that carries the task's exception

    @classmethod
    def start(cls, task: Callable[[], object]) -> _Child | None:
        if not hasattr(os, "fork") or threading.active_count() > 1:
            return None
        sys.stdout.flush()
        sys.stderr.flush()
        errors, report_error = os.pipe()
        pid = os.fork()
        if pid:
            os.close(report_error)
            return cls(pid, errors)
        os.close(errors)
        status = 0
        try:
            task()
        except BaseException as error:  # handed to the parent, which raises it
            status = 1
            with os.fdopen(report_error, "wb") as pipe:
                pipe.write(_pickled(error))
        finally:
            os._exit(status)  # no cleanup: the parent's files and buffers are not the child's

    def wait(self) -> None:
        with os.fdopen(self.errors, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        if os.waitstatus_to_exitcode(status) == 0:
            return
        if data:
            raise pickle.loads(data)
        raise RuntimeError(f"the process writing the workbook ended with status {status}")

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.errors)


def _pickled(error: BaseException) -> bytes:
    try:
        return pickle.dumps(error)
    except Exception:  # an exception that cannot be pickled: its text, at least
        return pickle.dumps(RuntimeError(f"{type(error).__name__}: {error}"))
