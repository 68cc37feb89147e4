"""`eip release`: record a version's content hash in course.toml and freeze it.

tomllib cannot write, so the `[[releases]]` entry is appended as text; the rest of the file
is left byte for byte as it was, and the result is parsed again before it is saved.
"""

from __future__ import annotations

import datetime
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from eip.translation import _

from .check import Checker
from .course_file import COURSE_FILE
from .hashing import content_hash, version_files
from .problems import Problems
from .release_record import Record, write_record


class ReleaseRefused(Exception):
    """The version cannot be released; `problems` says why (may be empty)."""

    def __init__(self, message: str, problems: Problems | None = None) -> None:
        super().__init__(message)
        self.problems = problems or Problems()


@dataclass(frozen=True)
class Released:
    version: str
    hash: str
    date: datetime.date
    new: bool  # False: it was already released with exactly this content


def releases_entry(version: str, date: datetime.date, digest: str) -> str:
    return f'[[releases]]\nversion = "{version}"\ndate = {date.isoformat()}\nhash = "{digest}"\n'


def append_release(text: str, entry: str) -> str:
    """`text` with `entry` appended after one blank line."""
    body = text.rstrip("\n")
    return f"{body}\n\n{entry}" if body.strip() else entry


def _save(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def release_version(folder: Path, date: datetime.date) -> Released:
    """Release the version in `folder`; ReleaseRefused if it has problems or was released
    before with other content."""
    folder = folder.resolve()
    course_folder = folder.parent
    checker = Checker()
    loaded = checker.check_single_version(folder)
    problems = checker.problems
    course_toml = course_folder / COURSE_FILE
    # Read as the checker did; if it is not UTF-8, the checker has said so and it is refused.
    text = course_toml.read_text(encoding="utf-8", errors="replace").removeprefix("\ufeff")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        data = {}
    releases = data.get("releases", [])
    released = next(
        (r for r in releases if isinstance(r, dict) and r.get("version") == folder.name), None
    )
    if problems:
        refusal = (
            _("cannot release {version}: it was released before and its files have changed since")
            if released
            else _("cannot release {version}: it has problems")
        )
        raise ReleaseRefused(refusal.format(version=folder.name), problems)
    files = version_files(folder)
    digest = content_hash(files)
    if released is not None:
        return Released(folder.name, digest, released.get("date"), new=False)
    assessments = {}
    if loaded is not None and loaded.root is not None:
        for _unit, _reference, assessment in loaded.assessments():
            if assessment.path is not None:
                name = assessment.path.relative_to(loaded.root).as_posix()
                assessments[name] = assessment.digest
    new_text = append_release(text, releases_entry(folder.name, date, digest))
    expected = {**data, "releases": [*releases, {
        "version": folder.name, "date": date, "hash": digest,
    }]}  # fmt: skip
    if tomllib.loads(new_text) != expected:
        raise ReleaseRefused(
            _(
                "cannot add the release to {file} without changing the rest of it: a "
                "[[releases]] entry must be able to go at the end of the file. Move any table "
                "that follows the releases above them."
            ).format(file=COURSE_FILE)
        )
    write_record(course_folder, Record(folder.name, digest, files, assessments))
    _save(course_toml, new_text)
    return Released(folder.name, digest, date, new=True)
