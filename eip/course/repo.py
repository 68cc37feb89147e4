"""Where things are: the folder holding `assessments/` and `courses/` for a path."""

from __future__ import annotations

import os
from pathlib import Path

ASSESSMENTS = "assessments"
COURSES = "courses"
COURSES_ENV = "EIP_COURSES_DIR"
APPRAISALS = "appraisals"
CASE_STUDIES = "case-studies"
INSTRUMENTS = "instruments"
COMPETENCIES = "competencies"


def _ancestors(start: Path) -> list[Path]:
    start = start.resolve()
    return [start, *start.parents]


def assessments_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds an `assessments/` folder."""
    return next((folder for folder in _ancestors(start) if (folder / ASSESSMENTS).is_dir()), None)


def repo_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` (default: here) with `courses/` or
    `assessments/`; `start` itself if there is none."""
    start = start or Path.cwd()
    for folder in _ancestors(start):
        if (folder / COURSES).is_dir() or (folder / ASSESSMENTS).is_dir():
            return folder
    return start.resolve()


def courses_folder(start: Path | None = None) -> Path | None:
    """`$EIP_COURSES_DIR`, else the `courses/` folder at or above `start` (default: here)."""
    configured = os.environ.get(COURSES_ENV)
    if configured:
        folder = Path(configured).expanduser()
        return folder if folder.is_dir() else None
    for folder in _ancestors(start or Path.cwd()):
        if (folder / COURSES).is_dir():
            return folder / COURSES
    return None
