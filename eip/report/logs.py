"""Tracking-log files: plain or gzipped JSON lines, found from files and folders."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from eip.errors import CommandError
from eip.translation import _

GZIP_MAGIC = b"\x1f\x8b"
BUFFER_SIZE = 1 << 20


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
            raise LogError(
                _("no tracking log {path}: check the path given to --events.").format(path=path)
            )
    return list(dict.fromkeys(paths))


def without_header(line: bytes) -> bytes:
    """The JSON of a tracking-log line. Tutor's LMS writes a logging header before each
    event (`2027-02-01 10:15:02,123 INFO 39 [tracking] logger.py:41 - {...}`); the event
    starts at the first brace."""
    start = line.find(b"{")
    return line[start:] if start > 0 else line


class LogFile:
    """One log opened for reading lines as bytes; `position()` is how far through the file
    (compressed bytes for a gzip file), for progress."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            # a large buffer: the default 8 KB holds a handful of lines, a read call each
            self._raw = self.path.open("rb", buffering=BUFFER_SIZE)
        except OSError as error:
            raise LogError(
                _("cannot read {path}: {problem}.").format(path=self.path, problem=error.strerror)
            ) from error
        self.size = self.path.stat().st_size
        self.compressed = self._raw.peek(2)[:2] == GZIP_MAGIC
        self.lines: BinaryIO = (
            io.BufferedReader(gzip.GzipFile(fileobj=self._raw), buffer_size=BUFFER_SIZE)
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
