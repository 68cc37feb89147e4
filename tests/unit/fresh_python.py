"""Running a snippet in a fresh Python, with the locale variables of this process removed,
for tests of what `eip` imports and which language it chooses on its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def run_python(code: str, **environment: str) -> str:
    """What `code` prints, run from the repository with only `environment`'s locale."""
    clean = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**clean, **environment},
        check=True,
    )
    return result.stdout
