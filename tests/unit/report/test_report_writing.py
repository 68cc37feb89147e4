"""The three files are the same whether the workbook is written alongside the others (by a
forked child) or after them, and a failure writing it is reported."""

from __future__ import annotations

import zipfile

import pytest

from eip.report.strings import Strings
from eip.report.writing import FILES, write_outputs


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


def test_written_alongside_or_one_after_another_the_files_are_the_same(
    report, tmp_path, inline_fork
) -> None:
    built = report()
    together, apart = tmp_path / "together", tmp_path / "apart"
    together.mkdir()
    apart.mkdir()
    assert write_outputs(built, together, Strings()) == [together / name for name in FILES]
    assert inline_fork.started == 1
    write_outputs(built, apart, Strings(), parallel=False)
    assert inline_fork.started == 1
    assert contents(together) == contents(apart)


def test_a_failure_writing_the_workbook_is_raised_here(report, tmp_path, inline_fork) -> None:
    (tmp_path / "report.xlsx").mkdir()  # a folder where the file should go
    with pytest.raises(IsADirectoryError):
        write_outputs(report(), tmp_path, Strings())
    assert (tmp_path / "index.html").stat().st_size > 0


def test_without_a_spare_core_the_files_are_written_in_turn(report, tmp_path, monkeypatch) -> None:
    from eip.report import forked

    monkeypatch.setattr(forked, "_spare_core", lambda: False)
    assert [path.name for path in write_outputs(report(), tmp_path, Strings())] == list(FILES)
    assert all((tmp_path / name).stat().st_size > 0 for name in FILES)
