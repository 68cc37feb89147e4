"""`eip build`: a course version as the OLX archive Studio imports, and its manifest."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eip.course.build import build_loaded
from eip.course.course_file import COURSE_FILE
from eip.course.frozen import check_release
from eip.course.loader import load_version
from eip.course.problems import Problems, shown_path
from eip.course.progress import terminal_progress
from eip.course.version_file import version_folders
from eip.errors import CommandError

NAME = "build"
HELP = "build a course version into an OLX archive for Studio, with its manifest"
DESCRIPTION = (
    "Build courses/<slug>/<version> into <out>/<slug>-<version>.tar.gz (import it in Studio: "
    "Tools > Import) and <out>/<slug>-<version>.manifest.json (read by eip report). The same "
    "sources always give the same bytes."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("version", type=Path, help="the version folder, e.g. courses/x/1.0")
    parser.add_argument(
        "--out", type=Path, default=Path("dist"), help="output folder (default %(default)s)"
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing but problems")
    parser.set_defaults(run=run)


def version_folder(path: Path) -> Path:
    """`path` if it is a version folder; a CommandError that says what to give otherwise."""
    if not path.is_dir():
        raise CommandError(f"{path} is not a folder. Give a version folder: courses/<slug>/1.0")
    if (path / COURSE_FILE).is_file():
        versions = ", ".join(shown_path(v) for v in version_folders(path)) or "none yet"
        raise CommandError(
            f"{path} is a course, not a version. Give one of its versions: {versions}"
        )
    if not (path.parent / COURSE_FILE).is_file():
        raise CommandError(
            f"{path} is not a course version: its parent folder has no {COURSE_FILE}."
        )
    return path


def print_problems(problems: Problems, stream=None) -> None:
    stream = stream or sys.stdout
    for problem in problems:
        print(problem, file=stream)


def run(args: argparse.Namespace) -> int:
    folder = version_folder(args.version)
    problems = Problems()
    loaded = load_version(folder, problems)
    if loaded is not None:
        release = loaded.version.course.release(loaded.version.version)
        if release is not None:
            check_release(loaded.version.course, release, problems)
    if loaded is None or problems:
        print_problems(problems, sys.stderr)
        print(
            f"eip build: {len(problems)} problem{'s' if len(problems) != 1 else ''}; "
            "nothing was built. Fix them and build again (eip check lists them too).",
            file=sys.stderr,
        )
        return 1
    build = build_loaded(loaded, terminal_progress(quiet=args.quiet))
    archive, manifest = build.write(args.out)
    if not args.quiet:
        size = len(build.archive) / 1024
        print(f"Built {shown_path(archive)} ({len(build.files)} files, {size:.0f} kB)")
        print(f"  and {shown_path(manifest)}")
        print(f"  course run {loaded.version.course_id}, content {build.content_hash}")
    return 0
