"""The repository's own content: `eip check` passes on every course and assessment, and
editing a released file of the research-literacy course makes it fail naming that file."""

from __future__ import annotations

import shutil

import pytest

from eip.course.check import check
from eip.course.course_file import read_course
from eip.course.problems import Problems


def test_eip_check_passes_on_the_repository(repository, monkeypatch):
    monkeypatch.chdir(repository)
    report = check()
    assert not report.problems, "\n".join(str(problem) for problem in report.problems)
    assert report.assessments > 0


def test_editing_a_released_file_of_the_course_is_caught(repository, tmp_path):
    source = repository / "courses" / "research-literacy"
    course = read_course(source, Problems()) if source.is_dir() else None
    if course is None or not course.releases:
        pytest.skip("research-literacy has no released version in this checkout")
    copy = tmp_path / "repo"
    shutil.copytree(repository / "assessments", copy / "assessments")
    shutil.copytree(source, copy / "courses" / "research-literacy")
    version = copy / "courses" / "research-literacy" / course.releases[0].version
    edited = sorted(version.rglob("*.md"))[0]
    edited.write_text(edited.read_text() + "\nAn edit after the release.\n")
    report = check([version.parent], olx=False)
    messages = [(problem.source, problem.message) for problem in report.problems]
    assert any(
        source.endswith(edited.relative_to(copy).as_posix()) and "changed after" in message
        for source, message in messages
    ), messages
