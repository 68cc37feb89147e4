"""`eip new`: scaffold a course, a version, an appraisal exercise or a case study."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from eip import translation
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
from eip.translation import N_, _

NAME = "new"
HELP = N_("scaffold a course, a version, an appraisal exercise or a case study")
DESCRIPTION = N_(
    "Write starting files that parse and pass eip check except for the TODO text to "
    "replace. A new version copies the latest one."
)
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def _slug(text: str) -> str:
    if not SLUG.fullmatch(text):
        raise argparse.ArgumentTypeError(
            # Translators: {text} is what was typed, in quotes.
            _("{text}: use lowercase letters, digits and hyphens, e.g. family-support").format(
                text=repr(text)
            )
        )
    return text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    course = kinds.add_parser("course", help=_("a course with version 1.0"))
    course.add_argument("slug", type=_slug)
    course.add_argument("--title", default="TODO: course title", help=_("English title"))
    course.add_argument("--org", default="EIP", help=_("organisation (default %(default)s)"))
    course.add_argument("--code", default=None, help=_("course code (default: from the slug)"))
    version = kinds.add_parser("version", help=_("the next version, copied from the latest"))
    version.add_argument("course", type=Path, help=_("the course folder, e.g. courses/x"))
    version.add_argument("--version", default=None, help=_("its number (default: next minor)"))
    appraisal = kinds.add_parser("appraisal", help=_("an appraisal exercise"))
    appraisal.add_argument("slug", type=_slug)
    appraisal.add_argument("--instrument", required=True, help=_("instrument id, e.g. rct"))
    appraisal.add_argument("--instrument-version", default="1")
    case_study = kinds.add_parser("case-study", help=_("a branching case study"))
    case_study.add_argument("slug", type=_slug)
    for kind in (course, version, appraisal, case_study):
        translation.add_option(kind)
    parser.set_defaults(run=run)


def _instrument(instrument_id: str, version: str):
    from xblocks.appraisal.model.library import list_instruments, load_instrument
    from xblocks.core.xml import OLXError

    try:
        return load_instrument(instrument_id, version)
    except OLXError as error:
        known = ", ".join(sorted({item.id for item in list_instruments()}))
        # Translators: {problem} says what is wrong; {known} lists the instruments' ids.
        raise CommandError(
            _("{problem} Instruments: {known}.").format(
                problem=translation.model_text(error.message), known=known
            )
        ) from None


def _made(paths: list[Path]) -> None:
    for path in paths:
        print(_("  wrote {path}").format(path=shown_path(path)))


def run(args: argparse.Namespace) -> int:
    root = repo_root()
    try:
        if args.kind == "course":
            code = args.code or "".join(word[0] for word in args.slug.split("-")).upper() + "101"
            paths = new_course(root, args.slug, title=args.title, org=args.org, code=code)
            print(_("New course {slug}, version 1.0:").format(slug=args.slug))
            _made(paths)
            print(
                _("Replace each TODO, then: eip check {path}").format(
                    path=shown_path(paths[0].parent)
                )
            )
        elif args.kind == "version":
            source, target = new_version(args.course, args.version)
            print(
                _("New version {path}, copied from {source}.").format(
                    path=shown_path(target), source=source.name
                )
            )
            print(
                _("Edit it, then see what changed: eip diff {old} {new}").format(
                    old=shown_path(source), new=shown_path(target)
                )
            )
        elif args.kind == "appraisal":
            instrument = _instrument(args.instrument, args.instrument_version)
            path = new_appraisal(root, args.slug, instrument)
            print(
                _("New appraisal exercise for instrument {instrument}:").format(
                    instrument=instrument.id
                )
            )
            _made([path])
            print(_("Replace each TODO and choose each expert value, then:"))
            print(f"  eip check {shown_path(path)}")
        else:
            path = new_case_study(root, args.slug)
            print(_("New case study:"))
            _made([path])
            print(
                _("Replace each TODO and grow the graph, then: eip check {path}").format(
                    path=shown_path(path)
                )
            )
    except ScaffoldError as error:
        raise CommandError(str(error)) from None
    return 0
