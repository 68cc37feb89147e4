"""`eip competencies list` and `eip competencies export --format openedx-taxonomy`."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eip.cli import main


def test_list_prints_an_outline(capsys) -> None:
    assert main(["competencies", "list"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Research literacy in children's social care (research-literacy")
    assert "  4 Consultant / research champion" in out
    assert "Appraise [appraise]" in out
    assert "  appraise.validity: Judge how far a study can be trusted" in out
    assert (
        "Needs: 2 appraisal exercises tagged at level 2 or above, each scoring at least 70%" in out
    )


def test_list_brief_in_welsh(capsys) -> None:
    assert main(["competencies", "list", "--brief", "--lang", "cy"]) == 0
    out = capsys.readouterr().out
    assert "Arfarnu [appraise]" in out
    assert "Needs:" not in out


def test_export_writes_the_taxonomy(tmp_path: Path, capsys) -> None:
    out = tmp_path / "taxonomy.csv"
    code = main(["competencies", "export", "--format", "openedx-taxonomy", "--out", str(out)])
    assert code == 0
    assert "Wrote 22 tags" in capsys.readouterr().out
    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")  # a byte-order mark would rename column "id"
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 22
    assert rows[0] == {
        "id": "ask",
        "value": "Ask",
        "parent_id": "",
        "comments": "Turning a practice issue into a question that evidence can answer.",
    }


def test_export_to_standard_output(capsys) -> None:
    assert main(["competencies", "export", "--format", "openedx-taxonomy"]) == 0
    assert capsys.readouterr().out.startswith("id,value,parent_id,comments\n")


def test_unknown_framework_is_a_clear_error(capsys) -> None:
    code = main(["competencies", "list", "--framework", "nursing"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith('eip competencies: there is no competency framework "nursing"')
    assert "research-literacy" in err


def test_unwritable_file_is_a_clear_error(tmp_path: Path, capsys) -> None:
    target = tmp_path / "missing-folder" / "taxonomy.csv"
    code = main(["competencies", "export", "--format", "openedx-taxonomy", "--out", str(target)])
    assert code == 2
    assert f"cannot write {target}" in capsys.readouterr().err


def test_format_is_required() -> None:
    with pytest.raises(SystemExit):
        main(["competencies", "export"])
