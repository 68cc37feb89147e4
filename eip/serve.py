"""`eip serve`: the local workbench, the embedded default for a laptop or a demo."""

from __future__ import annotations

import argparse
import os
import socket
from pathlib import Path

from eip import translation
from eip.errors import CommandError
from eip.translation import N_, _

NAME = "serve"
HELP = N_("start the local Open edX workbench with the course content loaded")
DESCRIPTION = N_(
    "Start the xblock-sdk workbench with the Evidence in Practice blocks and their exercises, "
    "keeping learners' state in the data folder."
)
SETTINGS_MODULE = "eip.workbench.settings"


class ServeError(CommandError):
    """A problem that stops the workbench from starting."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help=_("address to listen on (default %(default)s)")
    )
    parser.add_argument(
        "--port", type=int, default=8000, help=_("port to listen on (default %(default)s)")
    )
    parser.add_argument(
        "--data-dir",
        default="var",
        type=Path,
        help=_("folder for the database, logs and tracking.log (default %(default)s)"),
    )
    translation.add_option(
        parser,
        help=_(
            "the language of these messages: en or cy (default: from the environment, e.g. "
            "LANG); the workbench's pages have their own switch, ?lang=cy"
        ),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    data_dir = prepare_data_dir(args.data_dir)
    check_port_free(args.host, args.port)
    configure_django(data_dir)
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
    print_welcome(args.host, args.port, data_dir)
    call_command("runserver", f"{args.host}:{args.port}", use_reloader=False, verbosity=0)
    return 0


def prepare_data_dir(data_dir: Path) -> Path:
    data_dir = data_dir.expanduser().resolve()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ServeError(
            _(
                "cannot create the data folder {folder}: {problem}. Choose another with --data-dir."
            ).format(folder=data_dir, problem=error.strerror or error)
        ) from error
    if not os.access(data_dir, os.W_OK):
        raise ServeError(
            _("the data folder {folder} is not writable. Choose another with --data-dir.").format(
                folder=data_dir
            )
        )
    return data_dir


def check_port_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise ServeError(
                # Translators: {problem} is the system's own description, e.g. "Address
                # already in use".
                _(
                    "cannot listen on {host}:{port} ({problem}). Is another workbench running? "
                    "Stop it, or choose another port with --port."
                ).format(host=host, port=port, problem=error.strerror or error)
            ) from error


def configure_django(data_dir: Path) -> None:
    os.environ["EIP_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    try:
        import django
    except ImportError as error:
        raise ServeError(
            _("the workbench is not installed. Install it with: {command}").format(
                command="pip install 'evidence-in-practice[workbench]'"
            )
        ) from error
    django.setup()


def print_welcome(host: str, port: int, data_dir: Path) -> None:
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "") else host
    address = f"http://{shown_host}:{port}/"
    print(
        _(
            "Evidence in Practice workbench: {address}\n"
            "  Switch learner by adding ?student=NAME to a page address "
            "(e.g. {address}?student=alys); NAME staff or staff_* sees staff views.\n"
            "  Learners' state, logs and tracking.log are kept in {folder}\n"
            "  Stop with Ctrl+C."
        ).format(address=address, folder=data_dir),
        flush=True,
    )
