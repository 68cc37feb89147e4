"""A forked child hands back what its task returns, or raises what it raised.

Run by test_report_forked.py in a fresh Python: `Forked` refuses to fork while other
threads run, and earlier tests in the same process (the browser's driver) may leave one."""

from __future__ import annotations

import os
import threading

import pytest

from eip.report import forked
from eip.report.forked import Forked


@pytest.fixture(autouse=True)
def spare_core(monkeypatch) -> None:
    """As with a core to spare, in a process where a child can be forked safely."""
    assert hasattr(os, "fork") and threading.active_count() == 1, "run in a fresh Python"
    monkeypatch.setattr(forked, "_spare_core", lambda: True)


def test_the_child_hands_back_its_result() -> None:
    parent = os.getpid()
    child = Forked.start(lambda: (os.getpid(), [1, 2, 3]))
    assert child is not None
    pid, value = child.result()
    assert value == [1, 2, 3] and pid != parent


def test_what_the_child_raised_is_raised_here() -> None:
    def fails() -> None:
        raise ValueError("no such team")

    child = Forked.start(fails)
    assert child is not None
    with pytest.raises(ValueError, match="no such team"):
        child.result()


def test_a_child_that_ends_without_an_answer_is_an_error() -> None:
    child = Forked.start(lambda: os._exit(3))
    assert child is not None
    with pytest.raises(RuntimeError, match="without an answer"):
        child.result()


def test_a_large_answer_comes_back_whole() -> None:
    child = Forked.start(lambda: (bytearray(range(256)) * 40_000, list(range(100_000))))
    assert child is not None
    data, numbers = child.result()
    assert data == bytearray(range(256)) * 40_000 and numbers == list(range(100_000))


def test_a_child_can_be_stopped() -> None:
    child = Forked.start(lambda: os.pause())
    assert child is not None
    child.stop()


def test_no_child_without_a_spare_core(monkeypatch) -> None:
    monkeypatch.setattr(forked, "_spare_core", lambda: False)
    assert Forked.start(lambda: 1) is None
