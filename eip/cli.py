"""The `eip` command: one entry point for the tools that run outside the LMS.

Each command is a module with `NAME`, `HELP`, `DESCRIPTION` and `add_arguments(parser)`,
which sets `run(args) -> int` as the parser's default; add a command by listing its module.
Only the module of the command being run is imported (the course tools take a tenth of a
second to import, which `eip report` on a small log would otherwise pay).

`HELP` and `DESCRIPTION` are marked with `N_()` and worded here, in the language of the
command: its `--lang` option, else the environment's (`eip.translation`). A command that
writes for people adds the option with `eip.translation.add_option(parser)`. In a language
other than English, argparse's own words ("usage: ", its errors) come from the same catalogue
(`eip.argparse_words`) for the length of the command.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence

from eip import translation
from eip.errors import CommandError
from eip.translation import _

COMMANDS = {
    "serve": "eip.serve",
    "competencies": "eip.competencies",
    "report": "eip.report_command",
    "build": "eip.build",
    "check": "eip.check",
    "diff": "eip.diff",
    "release": "eip.release",
    "new": "eip.new",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with `only` the parser for that one command."""
    parser = argparse.ArgumentParser(
        prog="eip",
        description=_(
            "Evidence in Practice: run the local workbench, build and check courses, "
            "report on training."
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module_name in COMMANDS.items():
        if only is not None and name != only:
            continue
        command = importlib.import_module(module_name)
        command.add_arguments(
            commands.add_parser(
                command.NAME, help=_(command.HELP), description=_(command.DESCRIPTION)
            )
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # The help is worded before the command line is parsed: in the language it asks for.
    with translation.speaking(translation.choose(translation.requested(argv))), argparse_words():
        parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
        args = parser.parse_args(argv)
    with translation.speaking(translation.choose(getattr(args, "lang", None))), argparse_words():
        try:
            return args.run(args)
        except CommandError as error:
            print(f"eip {args.command}: {error}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            return 130


def argparse_words() -> contextlib.AbstractContextManager:
    """argparse's own words in the language `eip` speaks now; in English, argparse as it is
    (nothing imported, nothing read)."""
    if translation.active() == translation.SOURCE:
        return contextlib.nullcontext()
    from eip import argparse_words as words

    return words.translated()


if __name__ == "__main__":
    sys.exit(main())
