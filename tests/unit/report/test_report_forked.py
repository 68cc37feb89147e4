"""The forked child's cases (forked_cases.py), run in a fresh Python on every platform that
can fork: `Forked` refuses to fork while other threads run, and earlier tests in this process
(the browser's driver waits for its process in a thread) may have left one running."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CASES = Path(__file__).with_name("forked_cases.py")
ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_forked_cases_in_a_fresh_python() -> None:
    result = subprocess.run(
        [sys.executable, "-P", "-m", "pytest", "-q", "-p", "no:cacheprovider", str(CASES)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in summary and "skipped" not in summary, summary
