"""`eip release`: record a version's content hash in course.toml, freezing the version."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from eip.build import version_folder
from eip.course.problems import shown_path
from eip.course.release import ReleaseRefused, release_version
from eip.course.release_record import record_path

NAME = "release"
HELP = "record a course version's content hash in course.toml, freezing it"
DESCRIPTION = (
    "Check the version, then add a [[releases]] entry (version, date, content hash) to "
    "course.toml and write releases/<version>.json with the hash of every file. From then "
    "on eip check fails, naming the file, if the version's files change. A released version "
    "with other content is never released again."
)


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-27") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("version", type=Path, help="the version folder, e.g. courses/x/1.0")
    parser.add_argument(
        "--date", type=_date, default=None, help="release date (default: today), YYYY-MM-DD"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = version_folder(args.version)
    try:
        released = release_version(folder, args.date or datetime.date.today())
    except ReleaseRefused as refusal:
        for problem in refusal.problems:
            print(problem, file=sys.stderr)
        print(f"eip release: {refusal}", file=sys.stderr)
        return 1
    course_toml = shown_path(folder.parent / "course.toml")
    if not released.new:
        print(f"{folder.name} is already released with this content ({released.hash}).")
        return 0
    print(f"Released {folder.name} on {released.date.isoformat()}: {released.hash}")
    print(f"  recorded in {course_toml} and {shown_path(record_path(folder.parent, folder.name))}")
    print("  Commit both with the version folder; the version is now frozen.")
    return 0
