"""`courses/<slug>/releases/<version>.json`: what a release was made of, file by file.

course.toml keeps the version's content hash; this record keeps the hash of each file
behind it (so `eip check` can say which file changed) and of each assessment the version
placed (so it can say when one has changed since the release).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

RELEASES = "releases"


@dataclass(frozen=True)
class Record:
    version: str
    hash: str
    files: dict[str, str]
    assessments: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Changes:
    changed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changed or self.added or self.removed)


def record_path(course_folder: Path, version: str) -> Path:
    return course_folder / RELEASES / f"{version}.json"


def write_record(course_folder: Path, record: Record) -> Path:
    path = record_path(course_folder, record.version)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "version": record.version,
        "hash": record.hash,
        "files": dict(sorted(record.files.items())),
        "assessments": dict(sorted(record.assessments.items())),
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read_record(course_folder: Path, version: str) -> Record | None:
    """The record, or None if it is missing or not one `eip release` wrote."""
    path = record_path(course_folder, version)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Record(
            version=str(data["version"]),
            hash=str(data["hash"]),
            files={str(k): str(v) for k, v in data["files"].items()},
            assessments={str(k): str(v) for k, v in data.get("assessments", {}).items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def compare(recorded: dict[str, str], current: dict[str, str]) -> Changes:
    return Changes(
        changed=tuple(p for p in sorted(recorded) if p in current and current[p] != recorded[p]),
        added=tuple(p for p in sorted(current) if p not in recorded),
        removed=tuple(p for p in sorted(recorded) if p not in current),
    )
