"""Tracking-log files: plain or gzipped JSON lines, found from files and folders."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from eip.errors import CommandError

GZIP_MAGIC = b"\x1f\x8b"


class LogError(CommandError):
    """A tracking log named on the command line cannot be read."""


def expand_paths(names: Iterable[Path]) -> list[Path]:
    """Files as given; a folder stands for the files directly inside it, sorted by name."""
    paths: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            paths.extend(sorted(p for p in path.iterdir() if p.is_file()))
        elif path.is_file():
            paths.append(path)
        else:
            raise LogError(f"no tracking log {path}: check the path given to --events.")
    return list(dict.fromkeys(paths))


class LogFile:
    """One log opened for reading lines as bytes; `position()` is how far through the file
    (compressed bytes for a gzip file), for progress."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self._raw = self.path.open("rb")
        except OSError as error:
            raise LogError(f"cannot read {self.path}: {error.strerror}.") from error
        self.size = self.path.stat().st_size
        self.compressed = self._raw.peek(2)[:2] == GZIP_MAGIC
        self.lines: BinaryIO = (
            io.BufferedReader(gzip.GzipFile(fileobj=self._raw), buffer_size=1 << 20)
            if self.compressed
            else self._raw
        )

    def position(self) -> int:
        return self._raw.tell()

    def close(self) -> None:
        self.lines.close()
        self._raw.close()

    def __enter__(self) -> LogFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
