"""`eip release`: the hash goes into course.toml without disturbing the rest of the file; a
released version is frozen and is never released again with other content."""

from __future__ import annotations

import datetime
import json
import tomllib

import pytest

from eip.course.check import check
from eip.course.hashing import content_hash, version_files
from eip.course.release import ReleaseRefused, release_version

DATE = datetime.date(2026, 11, 27)


@pytest.fixture
def course(copy_fixture):
    return copy_fixture("valid") / "courses" / "demo"


def test_release_appends_the_entry_and_leaves_the_rest_alone(course):
    toml = course / "course.toml"
    before = toml.read_text()
    released = release_version(course / "1.0", DATE)
    after = toml.read_text()
    digest = content_hash(version_files(course / "1.0"))
    assert released.new and released.hash == digest
    assert after.startswith(before.rstrip("\n") + "\n\n[[releases]]\n")
    assert after.endswith(f'version = "1.0"\ndate = 2026-11-27\nhash = "{digest}"\n')
    assert tomllib.loads(after)["releases"] == [{"version": "1.0", "date": DATE, "hash": digest}]


def test_release_writes_the_file_record(course):
    release_version(course / "1.0", DATE)
    record = json.loads((course / "releases" / "1.0.json").read_text())
    assert record["version"] == "1.0"
    assert record["files"] == version_files(course / "1.0")
    assert list(record["assessments"]) == [
        "assessments/appraisals/fgc-trial.xml",
        "assessments/appraisals/parents-cp-conferences.xml",
    ]


def test_a_second_release_is_appended_after_the_first(course):
    release_version(course / "1.0", DATE)
    release_version(course / "1.1", DATE + datetime.timedelta(days=30))
    releases = tomllib.loads((course / "course.toml").read_text())["releases"]
    assert [entry["version"] for entry in releases] == ["1.0", "1.1"]
    assert not check([course]).problems


def test_releasing_again_unchanged_changes_nothing(course):
    release_version(course / "1.0", DATE)
    text = (course / "course.toml").read_text()
    again = release_version(course / "1.0", DATE + datetime.timedelta(days=1))
    assert not again.new
    assert (course / "course.toml").read_text() == text


def test_a_released_version_that_changed_is_refused(course):
    release_version(course / "1.0", DATE)
    text = (course / "course.toml").read_text()
    unit = course / "1.0" / "01-why-evidence" / "01-four-sources.md"
    unit.write_text(unit.read_text() + "\nOne more sentence.\n")
    with pytest.raises(ReleaseRefused) as refused:
        release_version(course / "1.0", DATE)
    assert "released before and its files have changed" in str(refused.value)
    [problem] = list(refused.value.problems)
    assert problem.source.endswith("1.0/01-why-evidence/01-four-sources.md")
    assert (course / "course.toml").read_text() == text


def test_a_version_with_problems_is_not_released(course):
    unit = course / "1.0" / "01-why-evidence" / "01-four-sources.md"
    unit.write_text(unit.read_text().replace("title_cy", "title_welsh"))
    with pytest.raises(ReleaseRefused) as refused:
        release_version(course / "1.0", DATE)
    assert "it has problems" in str(refused.value)
    assert refused.value.problems
    assert "releases" not in tomllib.loads((course / "course.toml").read_text())


def test_editing_a_released_file_fails_check_naming_the_file(course):
    release_version(course / "1.0", DATE)
    assert not check([course]).problems
    static = course / "1.0" / "static" / "sources.svg"
    static.write_text(static.read_text().replace("#1f4e79", "#000000"))
    [problem] = list(check([course]).problems)
    assert problem.source.endswith("demo/1.0/static/sources.svg")
    assert "changed after version 1.0 was released" in problem.message


def test_line_endings_do_not_change_the_hash(course):
    before = content_hash(version_files(course / "1.0"))
    for path in (course / "1.0").rglob("*.md"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    (course / "1.0" / ".DS_Store").write_bytes(b"\0")
    (course / "1.0" / "version.toml~").write_text("backup")
    assert content_hash(version_files(course / "1.0")) == before


def test_a_course_toml_with_a_byte_order_mark_is_released_without_it(course):
    toml = course / "course.toml"
    before = toml.read_text(encoding="utf-8")
    toml.write_bytes(b"\xef\xbb\xbf" + toml.read_bytes())
    released = release_version(course / "1.0", DATE)
    after = toml.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n") + "\n\n[[releases]]\n")
    assert tomllib.loads(after)["releases"][0]["hash"] == released.hash


def test_a_course_toml_that_is_not_utf8_is_refused_with_the_problem(course):
    toml = course / "course.toml"
    toml.write_bytes(toml.read_bytes() + "# café\n".encode("latin-1"))
    with pytest.raises(ReleaseRefused) as refused:
        release_version(course / "1.0", DATE)
    assert [p.message for p in refused.value.problems] == ["the file is not UTF-8 text"]
    assert not (course / "releases").exists()
