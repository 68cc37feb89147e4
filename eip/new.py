"""`eip new`: scaffold a course, a version, an appraisal exercise or a case study."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from eip.course.problems import shown_path
from eip.course.repo import repo_root
from eip.course.scaffold import (
    ScaffoldError,
    new_appraisal,
    new_case_study,
    new_course,
    new_version,
)
from eip.errors import CommandError

NAME = "new"
HELP = "scaffold a course, a version, an appraisal exercise or a case study"
DESCRIPTION = (
    "Write starting files that parse and pass eip check except for the TODO text to "
    "replace. A new version copies the latest one."
)
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def _slug(text: str) -> str:
    if not SLUG.fullmatch(text):
        raise argparse.ArgumentTypeError(
            f"{text!r}: use lowercase letters, digits and hyphens, e.g. family-support"
        )
    return text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    course = kinds.add_parser("course", help="a course with version 1.0")
    course.add_argument("slug", type=_slug)
    course.add_argument("--title", default="TODO: course title", help="English title")
    course.add_argument("--org", default="EIP", help="organisation (default %(default)s)")
    course.add_argument("--code", default=None, help="course code (default: from the slug)")
    version = kinds.add_parser("version", help="the next version, copied from the latest")
    version.add_argument("course", type=Path, help="the course folder, e.g. courses/x")
    version.add_argument("--version", default=None, help="its number (default: next minor)")
    appraisal = kinds.add_parser("appraisal", help="an appraisal exercise")
    appraisal.add_argument("slug", type=_slug)
    appraisal.add_argument("--instrument", required=True, help="instrument id, e.g. rct")
    appraisal.add_argument("--instrument-version", default="1")
    case_study = kinds.add_parser("case-study", help="a branching case study")
    case_study.add_argument("slug", type=_slug)
    parser.set_defaults(run=run)


def _instrument(instrument_id: str, version: str):
    from xblocks.appraisal.model.library import list_instruments, load_instrument
    from xblocks.core.xml import OLXError

    try:
        return load_instrument(instrument_id, version)
    except OLXError as error:
        known = ", ".join(sorted({item.id for item in list_instruments()}))
        raise CommandError(f"{error.message} Instruments: {known}.") from None


def _made(paths: list[Path]) -> None:
    for path in paths:
        print(f"  wrote {shown_path(path)}")


def run(args: argparse.Namespace) -> int:
    root = repo_root()
    try:
        if args.kind == "course":
            code = args.code or "".join(word[0] for word in args.slug.split("-")).upper() + "101"
            paths = new_course(root, args.slug, title=args.title, org=args.org, code=code)
            print(f"New course {args.slug}, version 1.0:")
            _made(paths)
            print(f"Replace each TODO, then: eip check {shown_path(paths[0].parent)}")
        elif args.kind == "version":
            source, target = new_version(args.course, args.version)
            print(f"New version {shown_path(target)}, copied from {source.name}.")
            print(
                f"Edit it, then see what changed: eip diff {shown_path(source)} "
                f"{shown_path(target)}"
            )
        elif args.kind == "appraisal":
            instrument = _instrument(args.instrument, args.instrument_version)
            path = new_appraisal(root, args.slug, instrument)
            print(f"New appraisal exercise for instrument {instrument.id}:")
            _made([path])
            print("Replace each TODO and choose each expert value, then:")
            print(f"  eip check {shown_path(path)}")
        else:
            path = new_case_study(root, args.slug)
            print("New case study:")
            _made([path])
            print(f"Replace each TODO and grow the graph, then: eip check {shown_path(path)}")
    except ScaffoldError as error:
        raise CommandError(str(error)) from None
    return 0
