"""Fixtures for the course toolchain tests: the fixture repositories in tests/fixtures/courses
(each a small repository with courses/ and, when it needs its own, assessments/), copies of
them to change, and helpers that build and read archives."""

from __future__ import annotations

import io
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from eip.course.build import Build, build_loaded
from eip.course.loader import LoadedVersion, load_version
from eip.course.problems import Problems

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "courses"
REPOSITORY = Path(__file__).resolve().parents[3]


@pytest.fixture
def fixtures() -> Path:
    """tests/fixtures/courses."""
    return FIXTURES


@pytest.fixture
def repository() -> Path:
    """The checkout's root (courses/ and assessments/)."""
    return REPOSITORY


@pytest.fixture
def demo(fixtures: Path) -> Path:
    """The valid fixture course (versions 1.0 and 1.1)."""
    return fixtures / "valid" / "courses" / "demo"


@pytest.fixture
def load() -> Callable[[Path], LoadedVersion]:
    """`load(version_folder)`: the loaded version; fails the test if it has problems."""

    def loaded(folder: Path) -> LoadedVersion:
        problems = Problems()
        result = load_version(folder, problems)
        assert not problems, "\n".join(str(problem) for problem in problems)
        assert result is not None
        return result

    return loaded


@pytest.fixture
def build(load) -> Callable[[Path], Build]:
    """`build(version_folder)`: an in-memory build of a version without problems."""
    return lambda folder: build_loaded(load(folder))


@pytest.fixture
def archive_members() -> Callable[[bytes], dict[str, tarfile.TarInfo]]:
    def members(data: bytes) -> dict[str, tarfile.TarInfo]:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            return {member.name: member for member in tar.getmembers()}

    return members


@pytest.fixture
def archive_file() -> Callable[[bytes, str], bytes]:
    def read(data: bytes, name: str) -> bytes:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            member = tar.extractfile(name)
            assert member is not None, name
            return member.read()

    return read
