"""The built OLX checked by `olxcleaner`, the validator Open edX course teams use.

olxcleaner knows Open edX's own blocks; ours are named to it as allowed blocks. It reads a
course from a folder, so the built files are written to a temporary one.
"""

from __future__ import annotations

import importlib
import tempfile
from pathlib import Path

from eip.translation import N_, _
from xblocks.core.xml import OLXError

from .assessments import BLOCK_TYPES

OUR_BLOCKS = tuple(BLOCK_TYPES.values())
# olxcleaner's levels: DEBUG 0, INFO 1, WARNING 2, ERROR 3. Warnings count as problems too.
MIN_LEVEL = 2
FIX = N_(
    "Studio would not import this course cleanly. Correct what the message names in "
    "version.toml or the unit files; if it names nothing you wrote, report it as a bug in "
    "eip build."
)


def available() -> bool:
    try:
        importlib.import_module("olxcleaner")
    except ModuleNotFoundError:
        return False
    return True


def olxcleaner_errors(files: dict[str, bytes], *, label: str) -> list[OLXError]:
    """olxcleaner's findings on the course made of `files`; `label` names it in messages."""
    olxcleaner = importlib.import_module("olxcleaner")
    with tempfile.TemporaryDirectory(prefix="eip-olx-") as folder:
        root = Path(folder)
        for name, data in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        _course, store, _summary = olxcleaner.validate(
            str(root), steps=8, ignore=[], allowed_xblocks=list(OUR_BLOCKS)
        )
        errors = [error for error in store.errors if error.level_val >= MIN_LEVEL]
        return [
            OLXError(
                # Translators: olxcleaner's own level (warning, error), name and description.
                _("olxcleaner {level} {name}: {description}").format(
                    level=error.level.lower(), name=error.name, description=error.description
                ),
                source=_("{version} (built {file})").format(version=label, file=error.filename),
                fix=_(FIX),
            )
            for error in errors
        ]
