"""`eip report`: the managers' completion and competency report (HTML, CSV, XLSX)."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from datetime import date
from pathlib import Path

from eip import translation
from eip.errors import CommandError
from eip.translation import N_, _

NAME = "report"
HELP = N_("report who has completed which course, who is overdue, and team competencies")
DESCRIPTION = N_(
    "Read Open edX tracking logs (plain or gzipped, several, overlapping), the course "
    "manifests, a staff roster and the training requirements; write index.html, "
    "completion.csv and report.xlsx for managers, and print a summary."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--events",
        nargs="+",
        action="extend",
        type=Path,
        required=True,
        metavar="LOG",
        help=_("tracking logs (.log or .gz) or folders of them; repeatable"),
    )
    parser.add_argument(
        "--manifests",
        type=Path,
        default=Path("dist"),
        help=_("folder of *.manifest.json from eip build (default %(default)s)"),
    )
    parser.add_argument("--roster", type=Path, required=True, help=_("staff roster CSV"))
    parser.add_argument(
        "--requirements", type=Path, required=True, help=_("training requirements TOML")
    )
    parser.add_argument(
        "--out", type=Path, default=Path("report"), help=_("output folder (default %(default)s)")
    )
    parser.add_argument(
        "--as-of",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=_("the report date: statuses as of then; later events are ignored (default today)"),
    )
    parser.add_argument(
        "--team",
        action="append",
        default=[],
        metavar="TEAM",
        help=_("only this team (repeatable); the team name as in the roster"),
    )
    parser.add_argument(
        "--grade-report",
        action="append",
        default=[],
        metavar="[COURSE_ID=]CSV",
        help=_("the instructor dashboard's grade report, a second source of scores (repeatable)"),
    )
    parser.add_argument(
        "--roster-column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help=_("the roster column holding FIELD (id, name, team, manager, role, start)"),
    )
    translation.add_option(
        parser,
        help=_(
            "the language of the report and its messages: en or cy (default: from the "
            "environment, e.g. LANG)"
        ),
    )
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        dest="progress",
        action="store_const",
        const=True,
        default=None,
        help=_("always show the progress bar (default: only on a terminal)"),
    )
    progress.add_argument(
        "--no-progress",
        dest="progress",
        action="store_const",
        const=False,
        help=_("never show it"),
    )
    parser.set_defaults(run=run)


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            # Translators: {value} is what was typed, in quotes.
            _("{value} is not a date like 2027-03-31").format(value=repr(value))
        ) from error


def _columns(pairs: list[str]) -> dict[str, str]:
    columns = {}
    for pair in pairs:
        name, equals, header = pair.partition("=")
        if not equals or not name.strip() or not header.strip():
            raise CommandError(
                _("--roster-column {pair}: write FIELD=HEADER, e.g. start='Start date'.").format(
                    pair=repr(pair)
                )
            )
        columns[name.strip()] = header.strip()
    return columns


def run(args: argparse.Namespace) -> int:
    # The report makes millions of short-lived objects and keeps no cycles among them, so
    # the cyclic garbage collector only costs time here (a fifth of it): off while it runs.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(args)
    finally:
        if collecting:
            gc.enable()


def _run(args: argparse.Namespace) -> int:
    from eip.report.build import ReportOptions, build_report
    from eip.report.strings import Strings
    from eip.report.terminal import summary_lines
    from eip.report.writing import write_outputs

    started = time.monotonic()
    options = ReportOptions(
        events=args.events,
        manifests=args.manifests,
        roster=args.roster,
        requirements=args.requirements,
        as_of=args.as_of or date.today(),
        teams=tuple(args.team),
        grade_reports=tuple(args.grade_report),
        roster_columns=_columns(args.roster_column),
        lang=args.lang or translation.active(),
        progress=args.progress,
    )
    text = Strings(options.lang)
    report = build_report(options)
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(
            _("cannot create {path}: {problem}. Choose --out.").format(
                path=out, problem=error.strerror
            )
        ) from error
    written = write_outputs(report, out, text)
    report.elapsed = time.monotonic() - started  # reading and writing, for the summary
    print("\n".join(summary_lines(report, written, text)), file=sys.stdout)
    return 0
