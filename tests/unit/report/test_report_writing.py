"""The three files are the same whether the workbook is written alongside the others (in a
forked process) or after them, and a failure in either process is reported."""

from __future__ import annotations

import os
import zipfile

import pytest

from eip.report import forked
from eip.report.strings import Strings
from eip.report.writing import FILES, write_outputs

fork_only = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


def contents(folder) -> dict[str, object]:
    found: dict[str, object] = {}
    for name in FILES:
        path = folder / name
        if name.endswith(".xlsx"):
            with zipfile.ZipFile(path) as book:
                found[name] = {
                    part: book.read(part) for part in book.namelist() if part != "docProps/core.xml"
                }
        else:
            found[name] = path.read_bytes()
    return found


@fork_only
def test_written_alongside_or_one_after_another_the_files_are_the_same(
    report, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(forked, "_cores", lambda: 2)
    started = []
    start = forked.Forked.start
    monkeypatch.setattr(forked.Forked, "start", lambda task: started.append(1) or start(task))
    built = report()
    together, apart = tmp_path / "together", tmp_path / "apart"
    together.mkdir()
    apart.mkdir()
    assert write_outputs(built, together, Strings()) == [together / name for name in FILES]
    write_outputs(built, apart, Strings(), parallel=False)
    assert started == [1]
    assert contents(together) == contents(apart)


@fork_only
def test_a_failure_writing_the_workbook_is_raised_here(report, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(forked, "_cores", lambda: 2)
    (tmp_path / "report.xlsx").mkdir()  # a folder where the file should go
    with pytest.raises(IsADirectoryError):
        write_outputs(report(), tmp_path, Strings())
    assert (tmp_path / "index.html").stat().st_size > 0


def test_without_fork_the_files_are_written_in_turn(report, tmp_path, monkeypatch) -> None:
    monkeypatch.delattr(forked.os, "fork", raising=False)
    assert [path.name for path in write_outputs(report(), tmp_path, Strings())] == list(FILES)
    assert all((tmp_path / name).stat().st_size > 0 for name in FILES)
