"""Released versions are frozen: their files must still match the hash in course.toml."""

from __future__ import annotations

from pathlib import Path

from eip.translation import N_, _

from .hashing import content_hash, file_hash, version_files
from .model import Course, Release
from .problems import Problems, shown_path
from .release_record import compare, read_record, record_path

FILE_CHANGED = N_(
    "this file changed after version {version} was released (see course.toml line {line})"
)
FILE_ADDED = N_(
    "this file was added after version {version} was released (see course.toml line {line})"
)
FILE_REMOVED = N_(
    "this file was removed after version {version} was released (see course.toml line {line})"
)


def _fix(course: Course, path: str) -> str:
    return _(
        "A released version is frozen. Undo the change (e.g. git checkout -- {path}) and make "
        "it in a new version instead: eip new version {course}"
    ).format(path=path, course=shown_path(course.path))


def check_release(course: Course, release: Release, problems: Problems) -> None:
    """Problems naming each file of a released version that changed, appeared or went."""
    folder = course.path / release.version
    if not folder.is_dir():
        problems.add(
            _("version {version} is released but its folder is missing").format(
                version=release.version
            ),
            path=course.toml_path,
            line=release.line,
            fix=_("Restore {folder} from version control.").format(folder=shown_path(folder)),
        )
        return
    current = version_files(folder)
    if content_hash(current) == release.hash:
        return
    record = read_record(course.path, release.version)
    if record is None or record.hash != release.hash:
        record_file = shown_path(record_path(course.path, release.version))
        problems.add(
            (
                _(
                    "the files of released version {version} no longer match the hash "
                    "recorded here, and eip cannot say which file changed because {record} is "
                    "missing"
                )
                if record is None
                else _(
                    "the files of released version {version} no longer match the hash "
                    "recorded here, and eip cannot say which file changed because {record} "
                    "records another hash"
                )
            ).format(version=release.version, record=record_file),
            path=course.toml_path,
            line=release.line,
            fix=_("Restore {folder} and its release record from version control.").format(
                folder=shown_path(folder)
            ),
        )
        return
    changes = compare(record.files, current)
    for name, message in (
        *((name, FILE_CHANGED) for name in changes.changed),
        *((name, FILE_ADDED) for name in changes.added),
        *((name, FILE_REMOVED) for name in changes.removed),
    ):
        path = folder / name
        problems.add(
            _(message).format(version=release.version, line=release.line),
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
            note = (
                _(
                    "{path} was removed since {course} {version} was released; rebuilding "
                    "{version} now would include that. The archive built at release is the "
                    "record of what learners had."
                )
                if not path.is_file()
                else _(
                    "{path} changed since {course} {version} was released; rebuilding "
                    "{version} now would include that. The archive built at release is the "
                    "record of what learners had."
                )
            )
            notes.append(
                note.format(path=shown_path(path), course=course.slug, version=release.version)
            )
    return notes
