"""Tutor plugin for Evidence in Practice: `pip install evidence-in-practice` beside Tutor,
then `tutor plugins enable eip` (docs/operators.md).

- Installs this package into the Open edX image (LMS, Studio and their workers), at the
  version the Tutor host has unless EIP_PIP_SPEC says otherwise. It is the same pip step
  Tutor runs for OPENEDX_EXTRA_PIP_REQUIREMENTS, added by a patch so that it never
  replaces an operator's own list.
- Lets `tutor mounts add /path/to/evidence-in-practice` install a checkout instead, as Tutor
  installs mounted XBlock repositories.
- Adds `tutor local do eip-importcourse ARCHIVE`: imports a course archive built by
  `eip build` as the course run it names.

The blocks' xAPI transformers need nothing here: the package registers them with the LMS
itself (docs/xapi.md).
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from importlib.metadata import version

import click
from tutor import hooks

PACKAGE = "evidence-in-practice"
# Where the Studio job container sees $(tutor config printroot)/data/cms-job of the host.
JOB_DATA = "/openedx/data"

# Settings and their defaults (`tutor config save --set EIP_PIP_SPEC=...` to change them).
SETTINGS = {
    # The version of this package on the Tutor host, so the image's blocks and the host's
    # `eip` tools agree.
    "EIP_VERSION": version(PACKAGE),
    # What pip installs into the image: a version, a wheel's URL, a git URL at a tag.
    "EIP_PIP_SPEC": PACKAGE + "=={{ EIP_VERSION }}",
}

# A checkout mounted with `tutor mounts add /path/to/evidence-in-practice` is installed
# from the mount by Tutor itself (editable, like any mounted XBlock), instead of the spec.
DOCKERFILE_PATCH = """\
{% if "evidence-in-practice" not in iter_mounted_directories(MOUNTS, "openedx") %}
# Evidence in Practice: the XBlocks and their xAPI transformers
RUN --mount=type=cache,target=/openedx/.cache/pip,sharing=shared \\
    $PIP_COMMAND install '{{ EIP_PIP_SPEC }}'
{% endif %}
"""

# Runs in the cms-job container, from edx-platform's folder; {archive} is shell-quoted.
IMPORT_SCRIPT = """\
set -eu
archive={archive}
case "$archive" in /*) ;; *) archive="{data}/$archive" ;; esac
if [ ! -f "$archive" ]; then
    echo "ERROR: no course archive at $archive." >&2
    echo 'Copy it to $(tutor config printroot)/data/cms-job/ on the Tutor host first.' >&2
    exit 1
fi
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
tar -xzf "$archive" -C "$workdir"
set -- $(find "$workdir" -name course.xml)
if [ "$#" -ne 1 ]; then
    echo "ERROR: $archive must hold exactly one course.xml; it holds $#." >&2
    exit 1
fi
course_root="$(dirname "$1")"
echo "Importing $(basename "$archive") from $course_root"
python ./manage.py cms import ../data "$course_root"
"""


@click.command(
    name="eip-importcourse",
    help="Import a course archive built by `eip build` (a .tar.gz in the Studio job's data "
    "folder, $(tutor config printroot)/data/cms-job on the host) as the course run it names.",
)
@click.argument("archive")
def import_course(archive: str) -> Iterator[tuple[str, str]]:
    yield ("cms", import_script(archive))


def import_script(archive: str) -> str:
    """The job's shell script for `archive`: a file name in the job's data folder, or an
    absolute path inside the container."""
    return IMPORT_SCRIPT.format(archive=shlex.quote(archive), data=JOB_DATA)


hooks.Filters.CONFIG_DEFAULTS.add_items(list(SETTINGS.items()))
hooks.Filters.ENV_PATCHES.add_item(
    ("openedx-dockerfile-post-python-requirements", DOCKERFILE_PATCH)
)
hooks.Filters.CLI_DO_COMMANDS.add_item(import_course)
hooks.Filters.MOUNTED_DIRECTORIES.add_item(("openedx", "evidence-in-practice"))
