"""`eip report` from the command line: the files it writes, its summary, its refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from eip.cli import main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "report"


def test_writes_the_three_files_and_a_summary(arguments, tmp_path, capsys) -> None:
    assert main(arguments) == 0
    out = capsys.readouterr().out
    for name in ("index.html", "completion.csv", "report.xlsx"):
        assert (tmp_path / "out" / name).stat().st_size > 0
        assert f"Wrote {tmp_path / 'out' / name}" in out
    assert "People: 8 in 2 teams (9 required completions)" in out
    assert "Overdue 3" in out and "Expired 1" in out
    assert "Skipped: 2 course or block not in any manifest" in out
    assert "course course-v1:OTHER+X1+2027: 2 events" in out
    assert "Skipped: 1 user not in the roster" in out and "e.g. zed" in out
    assert "roster.csv:11: start date '31/31/2027' is not a date" in out
    assert "Done in" in out


def test_damaged_lines_are_named_in_the_summary(arguments, write_log, tmp_path, capsys) -> None:
    damaged = write_log(tmp_path / "damaged.log", ['{"event_type": "grade", "usern'])
    assert main([*arguments, "--events", str(damaged)]) == 0
    out = capsys.readouterr().out
    assert "Skipped: 1 not a JSON object (damaged line)" in out
    assert f"  {damaged}:1" in out


def test_skipped_grade_report_rows_are_named_in_the_summary(arguments, tmp_path, capsys) -> None:
    grades = tmp_path / "grades.csv"
    grades.write_text(
        "Student ID,Email,Username,Grade\n"
        "17,ffion@council.example,ffionj,85\n"
        "18,gareth@council.example,gareth,n/a\n"
        "19,huw@council.example,huw,0.5\n",
        encoding="utf-8",
    )
    grade_report = f"course-v1:EIP+RL101+1.1={grades}"
    assert main([*arguments, "--grade-report", grade_report]) == 0
    out = capsys.readouterr().out
    assert "Grade reports: 2 rows skipped" in out
    assert f"  {grades}:2: Grade 85 is not a share from 0 to 1" in out
    assert f"  {grades}:3: unreadable Grade" in out


def test_a_framework_that_cannot_be_read_is_named_in_the_summary(
    arguments, tmp_path, capsys
) -> None:
    manifests = tmp_path / "manifests"
    manifests.mkdir()
    for manifest in (FIXTURES / "manifests").glob("*.json"):
        text = manifest.read_text(encoding="utf-8")
        (manifests / manifest.name).write_text(
            text.replace('"framework": "research-literacy"', '"framework": "no-such-framework"'),
            encoding="utf-8",
        )
    changed = [
        str(manifests) if value == str(FIXTURES / "manifests") else value for value in arguments
    ]
    assert main(changed) == 0
    out = capsys.readouterr().out
    assert "Competencies not reported: the framework no-such-framework could not be read: " in out


def test_team_and_roster_column_options(arguments, tmp_path, capsys) -> None:
    assert main([*arguments, "--team", "Early Help", "--roster-column", "team=Team"]) == 0
    out = capsys.readouterr().out
    assert "People: 3 in 1 teams" in out
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Research-literacy training: Early Help" in html


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (["--manifests", "nowhere"], "eip report: no manifest folder nowhere"),
        (["--team", "Fostering"], "eip report: no team 'Fostering' in the roster"),
        (["--roster-column", "start"], "eip report: --roster-column 'start': write FIELD=HEADER"),
        (["--roster", "missing.csv"], "eip report: cannot read the roster missing.csv"),
        (["--events", "missing.log"], "eip report: no tracking log missing.log"),
    ],
)
def test_problems_are_reported_without_a_traceback(arguments, capsys, change, message) -> None:
    assert main([*arguments, *change]) == 2
    assert message in capsys.readouterr().err


def test_a_bad_date_is_refused_by_the_parser(arguments, capsys) -> None:
    with pytest.raises(SystemExit):
        main([*arguments, "--as-of", "30/06/2027"])
    assert "is not a date like 2027-03-31" in capsys.readouterr().err
