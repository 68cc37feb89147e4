"""`eip competencies`: show a competency framework, or export it for Open edX's content tagging."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eip import translation
from eip.errors import CommandError
from eip.translation import N_, _, ngettext
from xblocks.competency.model.framework import Framework
from xblocks.competency.model.library import UnknownFramework, load_framework
from xblocks.competency.model.outline import framework_outline
from xblocks.competency.model.taxonomy import taxonomy_csv
from xblocks.core.xml import OLXErrors

NAME = "competencies"
HELP = N_("list a competency framework, or export it as an Open edX taxonomy")
DESCRIPTION = N_(
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
        help=_("print the framework as an outline"),
        description=_(
            "Print the levels, domains and competencies of a framework, with each "
            "competency's level descriptors and the evidence each level needs."
        ),
    )
    _common(listing)
    listing.add_argument(
        "--brief",
        action="store_true",
        help=_("only the domains and competencies, without levels"),
    )
    export = actions.add_parser(
        "export",
        help=_("write the framework as an Open edX taxonomy CSV"),
        description=_(
            "Write a CSV with columns id, value, parent_id, comments: a row per "
            "domain, then a row per competency under its domain. Import it in Studio under "
            "Taxonomies."
        ),
    )
    export.add_argument("--format", required=True, choices=FORMATS, help=_("the export format"))
    _common(export)
    export.add_argument(
        "--out", type=Path, default=None, help=_("file to write (default: standard output)")
    )
    parser.set_defaults(run=run)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--framework",
        default=DEFAULT_FRAMEWORK,
        help=_("id of a framework in assessments/competencies (default %(default)s)"),
    )
    translation.add_option(
        parser,
        help=_(
            "the language of titles, descriptions, level descriptors and messages, English "
            "where a text has no translation: en or cy (default: from the environment, e.g. "
            "LANG)"
        ),
    )


def run(args: argparse.Namespace) -> int:
    framework = _load(args.framework)
    lang = translation.active()  # `--lang`, else the environment's (eip.cli chose it)
    if args.action == "list":
        outline = framework_outline(
            framework,
            lang=lang,
            brief=args.brief,
            gettext=translation.blocks_gettext,
            ngettext=translation.blocks_ngettext,
        )
        sys.stdout.write(outline)
        return 0
    try:
        text = taxonomy_csv(framework, lang)
    except ValueError as error:
        raise CommandError(
            # Translators: {problem} is the framework model's own message.
            _("cannot export framework {framework}: {problem}.").format(
                framework=framework.id, problem=translation.model_text(error)
            )
        ) from None
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(
            _("cannot write {path}: {problem}. Choose another file with --out.").format(
                path=args.out, problem=error.strerror or error
            )
        ) from error
    # One row per domain and one per competency (taxonomy_rows), counted without remaking them.
    rows = sum(1 + len(domain.competencies) for domain in framework.domains)
    print(
        ngettext(
            "Wrote {count} tag of {framework} version {version} to {path}",
            "Wrote {count} tags of {framework} version {version} to {path}",
            rows,
        ).format(count=rows, framework=framework.id, version=framework.version, path=args.out)
    )
    return 0


def _load(framework_id: str) -> Framework:
    try:
        return load_framework(framework_id)
    except UnknownFramework as error:
        raise CommandError(translation.model_text(error)) from None
    except OLXErrors as errors:
        raise CommandError(
            _("framework {framework} has problems:\n{problems}").format(
                framework=framework_id, problems=translation.model_text(errors)
            )
        ) from None
