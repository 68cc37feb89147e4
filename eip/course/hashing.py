"""The content hash of a version folder, and the per-file hashes behind it.

The hash is sha256 over a listing of "<sha256 of file>  <path>" lines, sorted by path, so a
recorded listing tells which file changed. Text files are hashed with their line endings
made "\\n", so a checkout that converts them (Windows) hashes the same.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

TEXT_SUFFIXES = frozenset({".md", ".toml", ".svg", ".txt", ".xml", ".html", ".css", ".csv"})
HASH_PREFIX = "sha256:"


def ignored(relative: Path) -> bool:
    """Files no version is made of: hidden files and folders, caches, editor backups."""
    return any(
        part.startswith(".") or part == "__pycache__" or part.endswith("~")
        for part in relative.parts
    )


def file_hash(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix.lower() in TEXT_SUFFIXES:
        data = data.replace(b"\r\n", b"\n")
    return hashlib.sha256(data).hexdigest()


def version_files(folder: Path) -> dict[str, str]:
    """{path inside the folder (POSIX): sha256 hex} for every file that makes the version."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not ignored(relative):
            found[relative.as_posix()] = file_hash(path)
    return dict(sorted(found.items()))


def listing(files: dict[str, str]) -> str:
    return "".join(f"{digest}  {path}\n" for path, digest in sorted(files.items()))


def content_hash(files: dict[str, str]) -> str:
    return HASH_PREFIX + hashlib.sha256(listing(files).encode("utf-8")).hexdigest()
