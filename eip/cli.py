"""The `eip` command: one entry point for the tools that run outside the LMS."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from eip import serve


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eip",
        description="Evidence in Practice: run the local workbench, build and check courses, "
        "report on training.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    serve.add_arguments(
        commands.add_parser(
            "serve",
            help="start the local Open edX workbench with the course content loaded",
            description="Start the xblock-sdk workbench with the Evidence in Practice blocks "
            "and their exercises, keeping learners' state in the data folder.",
        )
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except serve.ServeError as error:
        print(f"eip {args.command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
