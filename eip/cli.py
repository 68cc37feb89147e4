"""The `eip` command: one entry point for the tools that run outside the LMS.

Each command is a module with `NAME`, `HELP`, `DESCRIPTION` and `add_arguments(parser)`,
which sets `run(args) -> int` as the parser's default; add a command by listing its module.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from eip.errors import CommandError

COMMANDS = (
    "eip.serve",
    "eip.competencies",
    "eip.report_command",
    "eip.build",
    "eip.check",
    "eip.diff",
    "eip.release",
    "eip.new",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eip",
        description="Evidence in Practice: run the local workbench, build and check courses, "
        "report on training.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in COMMANDS:
        command = importlib.import_module(module_name)
        command.add_arguments(
            commands.add_parser(command.NAME, help=command.HELP, description=command.DESCRIPTION)
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except CommandError as error:
        print(f"eip {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
