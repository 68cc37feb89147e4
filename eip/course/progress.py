"""A one-line counter for long builds, shown only to a person at a terminal."""

from __future__ import annotations

import sys
from typing import TextIO

from .olx import Progress


def terminal_progress(stream: TextIO | None = None, *, quiet: bool = False) -> Progress | None:
    """A progress callback writing "[3/20] unit" over one line, or None when not wanted."""
    stream = stream or sys.stderr
    if quiet or not stream.isatty():
        return None

    def show(done: int, total: int, label: str) -> None:
        end = "\n" if done == total else ""
        stream.write(f"\r\x1b[2K[{done}/{total}] {label}{end}")
        stream.flush()

    return show
