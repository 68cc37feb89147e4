"""`eip check`: every problem in the courses and assessments, each with file, line and fix."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eip.course.check import check
from eip.errors import CommandError

NAME = "check"
HELP = "check courses and assessments; list every problem with its file, line and fix"
DESCRIPTION = (
    "Check course versions (front matter, references, Welsh titles, images, the built OLX "
    "with olxcleaner), every assessment file with the model the LMS uses, and that released "
    "versions are unchanged. With no paths, checks every course and assessment here. "
    "Exit status 1 if there is any problem."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="course or version folders, assessment files or folders (default: everything)",
    )
    parser.add_argument(
        "--no-olx", action="store_true", help="skip building and checking the OLX (faster)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    report = check(args.paths or None, olx=not args.no_olx)
    if not (report.problems or report.courses or report.versions or report.assessments):
        raise CommandError(
            "nothing to check here: run eip check in the repository (the folder with "
            "courses/ and assessments/), or name course folders or assessment files."
        )
    for problem in report.problems:
        print(problem)
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    checked = (
        f"{report.versions} course version{'s' if report.versions != 1 else ''} and "
        f"{report.assessments} assessment file{'s' if report.assessments != 1 else ''}"
    )
    count = len(report.problems)
    if count:
        files = len(report.problems.files())
        print(
            f"eip check: {count} problem{'s' if count != 1 else ''} in {files} "
            f"file{'s' if files != 1 else ''} ({checked} checked)",
            file=sys.stderr,
        )
        return 1
    print(f"eip check: no problems in {checked}", file=sys.stderr)
    return 0
