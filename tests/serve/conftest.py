"""`eip serve` as a person runs it: a real process on a free port, in its own data folder."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from eip.workbench.process import PageClient, WorkbenchDidNotStart, running_workbench


@contextmanager
def serving(data_dir: Path):
    try:
        with running_workbench(data_dir) as started:
            yield started
    except WorkbenchDidNotStart as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture
def serve():
    """`serve(data_dir)` starts `eip serve`; yields (base address, file with its output)."""
    return serving


@pytest.fixture
def learner():
    """`learner(base, student)`: a client with that learner's cookies and CSRF token."""
    return PageClient
