"""`tutor local do eip-importcourse ARCHIVE`: the job is listed, and its script, run as the
Studio job container runs it (`sh -e -c`), imports the course a built archive holds. Here
`./manage.py` is a stand-in that records how it was called; the rest is the real script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

STANDIN = """\
import json, os, sys, pathlib, xml.etree.ElementTree as ET
root = pathlib.Path(sys.argv[4])
course = ET.parse(root / "course.xml").getroot().attrib
files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
record = {"argv": sys.argv[1:], "course": course, "files": len(files)}
pathlib.Path(os.environ["RECORD"]).write_text(json.dumps(record))
"""


@pytest.fixture
def platform(tmp_path: Path) -> Path:
    """A stand-in edx-platform folder: the job's working directory."""
    folder = tmp_path / "edx-platform"
    folder.mkdir()
    (folder / "manage.py").write_text(STANDIN)
    return folder


def _run(script: str, platform: Path) -> tuple[subprocess.CompletedProcess, dict | None]:
    record = platform / "record.json"
    env = {
        **os.environ,
        "RECORD": str(record),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    done = subprocess.run(
        ["sh", "-e", "-c", script], cwd=platform, env=env, capture_output=True, text=True
    )
    return done, json.loads(record.read_text()) if record.exists() else None


def test_the_job_is_listed(enabled):
    listed = enabled("local", "do", "--help").stdout
    assert "eip-importcourse" in listed
    helped = enabled("local", "do", "eip-importcourse", "--help").stdout
    assert "ARCHIVE" in helped


def test_the_job_imports_the_course_the_archive_holds(job_script, platform, built_course):
    done, record = _run(job_script(str(built_course)), platform)
    assert done.returncode == 0, done.stderr
    assert record is not None
    command, imported = record["argv"][:3], Path(record["argv"][3])
    assert command == ["cms", "import", "../data"]
    assert imported.name == "course"
    assert record["course"] == {"url_name": "1.0", "org": "EIP", "course": "RL101"}
    with tarfile.open(built_course) as archive:
        course_files = [m for m in archive.getmembers() if m.isfile()]
    assert record["files"] == len(course_files)
    assert not imported.exists(), "the unpacked archive is removed afterwards"
    assert "Importing research-literacy-1.0.tar.gz" in done.stdout


def test_a_missing_archive_is_named_with_where_to_put_it(job_script, platform):
    done, record = _run(job_script("research-literacy-9.9.tar.gz"), platform)
    assert done.returncode == 1
    assert record is None
    assert "no course archive at /openedx/data/research-literacy-9.9.tar.gz" in done.stderr
    assert "$(tutor config printroot)/data/cms-job/" in done.stderr


def test_an_archive_without_one_course_is_refused(job_script, platform, tmp_path):
    folder = tmp_path / "two"
    for name in ("a", "b"):
        (folder / name).mkdir(parents=True)
        ET.ElementTree(ET.Element("course")).write(folder / name / "course.xml")
    archive = tmp_path / "two.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname="two")
    done, record = _run(job_script(str(archive)), platform)
    assert done.returncode == 1
    assert record is None
    assert "must hold exactly one course.xml; it holds 2" in done.stderr


def test_archive_names_are_quoted_for_the_shell(job_script, platform, tmp_path):
    done, _ = _run(job_script("x'; touch pwned; echo '"), platform)
    assert done.returncode == 1
    assert not (platform / "pwned").exists()
