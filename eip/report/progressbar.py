"""A one-line progress bar on stderr while reading large logs; silent when not a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

WIDTH = 30
EVERY_SECONDS = 0.2


class ProgressBar:
    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        enabled: bool | None = None,
        lines: Callable[[int], str] | None = None,
    ) -> None:
        """`lines(count)` words the count of lines read ("1,234 lines")."""
        self.stream = stream or sys.stderr
        self.lines = lines or (lambda count: f"{count:,} lines")
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._shown = 0.0
        self._drawn = False

    def update(self, label: str, done: int, total: int, lines: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._shown < EVERY_SECONDS:
            return
        self._shown = now
        share = min(done / total, 1.0) if total else 1.0
        filled = round(share * WIDTH)
        bar = "#" * filled + "-" * (WIDTH - filled)
        self.stream.write(f"\r{label[-40:]:<40} [{bar}] {share:4.0%} {self.lines(lines)}")
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\r" + " " * (WIDTH + 60) + "\r")
            self.stream.flush()
            self._drawn = False
