"""Released versions are frozen: their files must still match the hash in course.toml."""

from __future__ import annotations

from pathlib import Path

from .hashing import content_hash, file_hash, version_files
from .model import Course, Release
from .problems import Problems, shown_path
from .release_record import compare, read_record, record_path


def _fix(course: Course, path: str) -> str:
    return (
        f"A released version is frozen. Undo the change (e.g. git checkout -- {path}) and make "
        f"it in a new version instead: eip new version {shown_path(course.path)}"
    )


def check_release(course: Course, release: Release, problems: Problems) -> None:
    """Problems naming each file of a released version that changed, appeared or went."""
    folder = course.path / release.version
    where = f"(see course.toml line {release.line})"
    if not folder.is_dir():
        problems.add(
            f"version {release.version} is released but its folder is missing",
            path=course.toml_path,
            line=release.line,
            fix=f"Restore {shown_path(folder)} from version control.",
        )
        return
    current = version_files(folder)
    if content_hash(current) == release.hash:
        return
    record = read_record(course.path, release.version)
    if record is None or record.hash != release.hash:
        reason = (
            f"{shown_path(record_path(course.path, release.version))} is missing"
            if record is None
            else f"{shown_path(record_path(course.path, release.version))} records another hash"
        )
        problems.add(
            f"the files of released version {release.version} no longer match the hash "
            f"recorded here, and eip cannot say which file changed because {reason}",
            path=course.toml_path,
            line=release.line,
            fix=f"Restore {shown_path(folder)} and its release record from version control.",
        )
        return
    changes = compare(record.files, current)
    for name, what in (
        *((name, "changed") for name in changes.changed),
        *((name, "was added") for name in changes.added),
        *((name, "was removed") for name in changes.removed),
    ):
        path = folder / name
        problems.add(
            f"this file {what} after version {release.version} was released {where}",
            path=path,
            line=None,
            fix=_fix(course, shown_path(path)),
        )


def assessment_drift(course: Course, release: Release, root: Path | None) -> list[str]:
    """Notes (not problems) on assessments that changed since the version was released."""
    record = read_record(course.path, release.version)
    if record is None or root is None:
        return []
    notes = []
    for name, digest in sorted(record.assessments.items()):
        path = root / name
        if not path.is_file() or file_hash(path) != digest:
            state = "was removed" if not path.is_file() else "changed"
            notes.append(
                f"{shown_path(path)} {state} since {course.slug} {release.version} was "
                f"released; rebuilding {release.version} now would include that. The archive "
                "built at release is the record of what learners had."
            )
    return notes
