"""`eip release`: record a version's content hash in course.toml, freezing the version."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from eip import translation
from eip.build import print_problems, version_folder
from eip.course.problems import shown_path
from eip.course.release import ReleaseRefused, release_version
from eip.course.release_record import record_path
from eip.translation import N_, _

NAME = "release"
HELP = N_("record a course version's content hash in course.toml, freezing it")
DESCRIPTION = N_(
    "Check the version, then add a [[releases]] entry (version, date, content hash) to "
    "course.toml and write releases/<version>.json with the hash of every file. From then "
    "on eip check fails, naming the file, if the version's files change. A released version "
    "with other content is never released again."
)


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            # Translators: {text} is what was typed, in quotes.
            _("{text} is not a date like 2026-11-27").format(text=repr(text))
        ) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("version", type=Path, help=_("the version folder, e.g. courses/x/1.0"))
    parser.add_argument(
        "--date", type=_date, default=None, help=_("release date (default: today), YYYY-MM-DD")
    )
    translation.add_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = version_folder(args.version)
    try:
        released = release_version(folder, args.date or datetime.date.today())
    except ReleaseRefused as refusal:
        print_problems(refusal.problems)
        print(f"eip release: {refusal}", file=sys.stderr)
        return 1
    course_toml = shown_path(folder.parent / "course.toml")
    if not released.new:
        print(
            _("{version} is already released with this content ({hash}).").format(
                version=folder.name, hash=released.hash
            )
        )
        return 0
    print(
        _("Released {version} on {date}: {hash}").format(
            version=folder.name, date=released.date.isoformat(), hash=released.hash
        )
    )
    record = shown_path(record_path(folder.parent, folder.name))
    print(_("  recorded in {course} and {record}").format(course=course_toml, record=record))
    print(_("  Commit both with the version folder; the version is now frozen."))
    return 0
