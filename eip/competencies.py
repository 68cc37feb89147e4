"""`eip competencies`: show a competency framework, or export it for Open edX's content tagging."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eip.errors import CommandError
from xblocks.appraisal.model.text import LANGS
from xblocks.competency.model.framework import Framework
from xblocks.competency.model.library import UnknownFramework, load_framework
from xblocks.competency.model.outline import framework_outline
from xblocks.competency.model.taxonomy import taxonomy_csv, taxonomy_rows
from xblocks.core.xml import OLXErrors

NAME = "competencies"
HELP = "list a competency framework, or export it as an Open edX taxonomy"
DESCRIPTION = (
    "Show a competency framework from assessments/competencies as a readable outline "
    "(list), or write it as a CSV that Studio's taxonomy import accepts (export), so the "
    "same competencies can tag content in Studio."
)
DEFAULT_FRAMEWORK = "research-literacy"
FORMATS = ("openedx-taxonomy",)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list",
        help="print the framework as an outline",
        description="Print the levels, domains and competencies of a framework, with each "
        "competency's level descriptors and the evidence each level needs.",
    )
    _common(listing)
    listing.add_argument(
        "--brief", action="store_true", help="only the domains and competencies, without levels"
    )
    export = actions.add_parser(
        "export",
        help="write the framework as an Open edX taxonomy CSV",
        description="Write a CSV with columns id, value, parent_id, comments: a row per "
        "domain, then a row per competency under its domain. Import it in Studio under "
        "Taxonomies.",
    )
    export.add_argument("--format", required=True, choices=FORMATS, help="the export format")
    _common(export)
    export.add_argument(
        "--out", type=Path, default=None, help="file to write (default: standard output)"
    )
    parser.set_defaults(run=run)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--framework",
        default=DEFAULT_FRAMEWORK,
        help="id of a framework in assessments/competencies (default %(default)s)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default="en",
        help="language of titles, descriptions and level descriptors, English where a text "
        "has no translation (default %(default)s)",
    )


def run(args: argparse.Namespace) -> int:
    framework = _load(args.framework)
    if args.action == "list":
        sys.stdout.write(framework_outline(framework, lang=args.lang, brief=args.brief))
        return 0
    try:
        text = taxonomy_csv(framework, args.lang)
    except ValueError as error:
        raise CommandError(f"cannot export framework {framework.id}: {error}.") from None
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(
            f"cannot write {args.out}: {error.strerror or error}. Choose another file with --out."
        ) from error
    rows = len(taxonomy_rows(framework, args.lang))
    print(f"Wrote {rows} tags of {framework.id} version {framework.version} to {args.out}")
    return 0


def _load(framework_id: str) -> Framework:
    try:
        return load_framework(framework_id)
    except UnknownFramework as error:
        raise CommandError(str(error)) from None
    except OLXErrors as errors:
        raise CommandError(f"framework {framework_id} has problems:\n{errors}") from None
