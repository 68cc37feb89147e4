"""`eip check`: every problem in the courses and assessments, each with file, line and fix."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eip import translation
from eip.course.check import check
from eip.course.problems import problem_text
from eip.errors import CommandError
from eip.translation import N_, _, ngettext

NAME = "check"
HELP = N_("check courses and assessments; list every problem with its file, line and fix")
DESCRIPTION = N_(
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
        help=_("course or version folders, assessment files or folders (default: everything)"),
    )
    parser.add_argument(
        "--no-olx", action="store_true", help=_("skip building and checking the OLX (faster)")
    )
    translation.add_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    report = check(args.paths or None, olx=not args.no_olx)
    if not (report.problems or report.courses or report.versions or report.assessments):
        raise CommandError(
            _(
                "nothing to check here: run eip check in the repository (the folder with "
                "courses/ and assessments/), or name course folders or assessment files."
            )
        )
    for problem in report.problems:
        print(problem_text(problem))
    for note in report.notes:
        print(_("note: {note}").format(note=note), file=sys.stderr)
    versions = ngettext(
        "{count} course version", "{count} course versions", report.versions
    ).format(count=report.versions)
    assessments = ngettext(
        "{count} assessment file", "{count} assessment files", report.assessments
    ).format(count=report.assessments)
    # Translators: {versions} is "2 course versions", {assessments} "15 assessment files".
    checked = _("{versions} and {assessments}").format(versions=versions, assessments=assessments)
    count = len(report.problems)
    if count:
        files = len(report.problems.files())
        problems = ngettext("{count} problem", "{count} problems", count).format(count=count)
        in_files = ngettext("{count} file", "{count} files", files).format(count=files)
        print(
            # Translators: e.g. "eip check: 3 problems in 2 files (2 course versions and 15
            # assessment files checked)".
            _("eip check: {problems} in {files} ({checked} checked)").format(
                problems=problems, files=in_files, checked=checked
            ),
            file=sys.stderr,
        )
        return 1
    print(_("eip check: no problems in {checked}").format(checked=checked), file=sys.stderr)
    return 0
