"""The commands as a trainer runs them: output, exit status, and files written."""

from __future__ import annotations

import json
import re

from eip.cli import main


def test_check_prints_file_line_message_and_fix(fixtures, capsys):
    assert main(["check", str(fixtures / "unknown-reference" / "courses" / "demo")]) == 1
    out, err = capsys.readouterr()
    [line] = out.splitlines()
    assert re.match(
        r".+/01-appraising-a-trial\.md:10: unknown appraisal \"fgc-trail\".* Fix: ", line
    )
    assert "eip check: 1 problem in 1 file" in err


def test_check_passes_quietly_on_a_valid_course(demo, capsys):
    assert main(["check", str(demo)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "no problems in 2 course versions" in err


def test_check_with_no_paths_checks_the_repository_here(copy_fixture, monkeypatch, capsys):
    root = copy_fixture("unknown-reference")
    monkeypatch.chdir(root)
    assert main(["check", "--no-olx"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("courses/demo/1.0/01-why-evidence/01-appraising-a-trial.md:10: ")
    assert "assessment files checked" in err


def test_check_of_an_unknown_path(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nowhere")]) == 1
    assert "no such file or folder" in capsys.readouterr().out


def test_build_writes_archive_and_manifest(demo, tmp_path, capsys):
    assert main(["build", str(demo / "1.0"), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "demo-1.0.tar.gz" in out
    assert "course-v1:EIPTEST+DEMO1+1.0" in out
    manifest = json.loads((tmp_path / "demo-1.0.manifest.json").read_text())
    assert manifest["course"]["version"] == "1.0"
    assert (tmp_path / "demo-1.0.tar.gz").stat().st_size > 1000


def test_build_quiet_prints_nothing(demo, tmp_path, capsys):
    assert main(["build", str(demo / "1.0"), "--out", str(tmp_path), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")


def test_build_refuses_a_version_with_problems(fixtures, tmp_path, capsys):
    version = fixtures / "missing-welsh-title" / "courses" / "demo" / "1.0"
    assert main(["build", str(version), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "title_cy is missing" in err
    assert "nothing was built" in err
    assert not list(tmp_path.iterdir())


def test_build_refuses_a_released_version_that_changed(fixtures, tmp_path, capsys):
    version = fixtures / "changed-release" / "courses" / "demo" / "1.0"
    assert main(["build", str(version), "--out", str(tmp_path)]) == 1
    assert "changed after version 1.0 was released" in capsys.readouterr().err


def test_build_of_a_course_folder_names_its_versions(demo, capsys):
    assert main(["build", str(demo)]) == 2
    err = capsys.readouterr().err
    assert "is a course, not a version" in err
    assert "demo/1.0" in err and "demo/1.1" in err


def test_diff(demo, capsys):
    assert main(["diff", str(demo / "1.0"), str(demo / "1.1"), "--no-text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("demo 1.0 -> 1.1\n")
    assert "Grading: AFFECTED" in out
    assert "Changed text" not in out


def test_diff_of_a_version_that_cannot_be_read_lists_its_problems(copy_fixture, capsys):
    course = copy_fixture("valid") / "courses" / "demo"
    (course / "1.1" / "version.toml").unlink()
    assert main(["diff", str(course / "1.0"), str(course / "1.1")]) == 2
    err = capsys.readouterr().err
    assert "demo/1.1: the version has no version.toml Fix: Add version.toml" in err
    assert "eip check" in err and "lists the problems" in err


def test_release(copy_fixture, capsys):
    version = copy_fixture("valid") / "courses" / "demo" / "1.0"
    assert main(["release", str(version), "--date", "2026-11-27"]) == 0
    assert "Released 1.0 on 2026-11-27: sha256:" in capsys.readouterr().out
    assert main(["release", str(version)]) == 0
    assert "already released with this content" in capsys.readouterr().out


def test_release_refusal_lists_the_problems(fixtures, capsys):
    version = fixtures / "changed-release" / "courses" / "demo" / "1.0"
    assert main(["release", str(version)]) == 1
    err = capsys.readouterr().err
    assert "01-appraising-a-trial.md: this file changed after version 1.0 was released" in err
    assert "eip release: cannot release 1.0: it was released before" in err


def test_check_where_there_is_nothing_to_check(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert "nothing to check here" in capsys.readouterr().err
