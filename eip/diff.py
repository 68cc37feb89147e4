"""`eip diff`: what changed between two versions of a course."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eip import translation
from eip.build import print_problems, version_folder
from eip.course.diff import diff_versions
from eip.course.diff_report import format_diff
from eip.course.loader import load_version
from eip.course.problems import Problems
from eip.errors import CommandError
from eip.translation import N_, _, ngettext

NAME = "diff"
HELP = N_("show what changed between two versions of a course")
DESCRIPTION = N_(
    "List the sections, units and assessments added, removed, moved and changed between "
    "two versions, say whether grading or competencies are affected, and show the text diff "
    "of every changed file."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", type=Path, help=_("the earlier version folder, e.g. courses/x/1.0"))
    parser.add_argument("new", type=Path, help=_("the later version folder, e.g. courses/x/1.1"))
    parser.add_argument("--no-text", action="store_true", help=_("leave out the text diffs"))
    translation.add_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    loaded = []
    for path in (args.old, args.new):
        problems = Problems()
        version = load_version(version_folder(path), problems)
        if version is None:
            print_problems(problems)
            raise CommandError(
                _("cannot read {path}; eip check {path} lists the problems.").format(path=path)
            )
        if problems:
            print(
                ngettext(
                    "eip diff: note: {path} has {count} problem (eip check {path}); comparing "
                    "what could be read.",
                    "eip diff: note: {path} has {count} problems (eip check {path}); comparing "
                    "what could be read.",
                    len(problems),
                ).format(path=path, count=len(problems)),
                file=sys.stderr,
            )
        loaded.append(version)
    old, new = loaded
    if old.version.course.path != new.version.course.path:
        raise CommandError(_("the two versions belong to different courses."))
    diff = diff_versions(old, new)
    sys.stdout.write(format_diff(diff, old.version.course.slug, text=not args.no_text))
    return 0
