"""`eip build`: a course version as the OLX archive Studio imports, and its manifest."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from eip import translation
from eip.course.build import build_loaded
from eip.course.course_file import COURSE_FILE
from eip.course.frozen import check_release
from eip.course.loader import load_version
from eip.course.problems import Problems, problem_text, shown_path
from eip.course.progress import terminal_progress
from eip.course.version_file import version_folders
from eip.errors import CommandError
from eip.translation import N_, _, ngettext
from xblocks.core.xml import OLXError

NAME = "build"
HELP = N_("build a course version into an OLX archive for Studio, with its manifest")
DESCRIPTION = N_(
    "Build courses/<slug>/<version> into <out>/<slug>-<version>.tar.gz (import it in Studio: "
    "Tools > Import) and <out>/<slug>-<version>.manifest.json (read by eip report). The same "
    "sources always give the same bytes."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("version", type=Path, help=_("the version folder, e.g. courses/x/1.0"))
    parser.add_argument(
        "--out", type=Path, default=Path("dist"), help=_("output folder (default %(default)s)")
    )
    parser.add_argument("--quiet", action="store_true", help=_("print nothing but problems"))
    translation.add_option(parser)
    parser.set_defaults(run=run)


def version_folder(path: Path) -> Path:
    """`path` if it is a version folder; a CommandError that says what to give otherwise."""
    if not path.is_dir():
        raise CommandError(
            _("{path} is not a folder. Give a version folder: courses/<slug>/1.0").format(path=path)
        )
    if (path / COURSE_FILE).is_file():
        versions = ", ".join(shown_path(v) for v in version_folders(path)) or _("none yet")
        raise CommandError(
            _("{path} is a course, not a version. Give one of its versions: {versions}").format(
                path=path, versions=versions
            )
        )
    if not (path.parent / COURSE_FILE).is_file():
        raise CommandError(
            _("{path} is not a course version: its parent folder has no {file}.").format(
                path=path, file=COURSE_FILE
            )
        )
    return path


def print_problems(problems: Iterable[OLXError]) -> None:
    """Each problem on its own line of standard error, as `eip check` words it."""
    for problem in problems:
        print(problem_text(problem), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    folder = version_folder(args.version)
    problems = Problems()
    loaded = load_version(folder, problems)
    if loaded is not None:
        release = loaded.version.course.release(loaded.version.version)
        if release is not None:
            check_release(loaded.version.course, release, problems)
    if loaded is None or problems:
        print_problems(problems)
        count = len(problems)
        print(
            ngettext(
                "eip build: {count} problem; nothing was built. Fix it and build again "
                "(eip check lists it too).",
                "eip build: {count} problems; nothing was built. Fix them and build again "
                "(eip check lists them too).",
                count,
            ).format(count=count),
            file=sys.stderr,
        )
        return 1
    build = build_loaded(loaded, terminal_progress(quiet=args.quiet))
    archive, manifest = build.write(args.out)
    if not args.quiet:
        size = f"{len(build.archive) / 1024:.0f}"
        files = len(build.files)
        print(
            ngettext(
                "Built {archive} ({count} file, {size} kB)",
                "Built {archive} ({count} files, {size} kB)",
                files,
            ).format(archive=shown_path(archive), count=files, size=size)
        )
        print(_("  and {manifest}").format(manifest=shown_path(manifest)))
        print(
            _("  course run {course_id}, content {hash}").format(
                course_id=loaded.version.course_id, hash=build.content_hash
            )
        )
    return 0
