"""Progress for long builds: a counter line per unit at a terminal, nothing otherwise."""

from __future__ import annotations

import io

from eip.course.build import build_loaded
from eip.course.progress import terminal_progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_counter_per_unit_at_a_terminal(demo, load):
    screen = Terminal()
    build_loaded(load(demo / "1.0"), terminal_progress(screen))
    shown = screen.getvalue()
    assert shown.count("\r") == 4
    assert "[1/4] 01-why-evidence/01-four-sources" in shown
    assert shown.endswith("[4/4] 02-in-practice/02-your-record\n")


def test_quiet_when_not_a_terminal_or_asked():
    assert terminal_progress(io.StringIO()) is None
    assert terminal_progress(Terminal(), quiet=True) is None
