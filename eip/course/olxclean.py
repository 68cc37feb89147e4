"""The built OLX checked by `olxcleaner`, the validator Open edX course teams use.

olxcleaner knows Open edX's own blocks; ours are named to it as allowed blocks. It reads a
course from a folder, so the built files are written to a temporary one.
"""

from __future__ import annotations

import importlib
import tempfile
from pathlib import Path

from xblocks.core.xml import OLXError

from .assessments import BLOCK_TYPES

OUR_BLOCKS = tuple(BLOCK_TYPES.values())
# olxcleaner's levels: DEBUG 0, INFO 1, WARNING 2, ERROR 3. Warnings count as problems too.
MIN_LEVEL = 2
FIX = (
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
        _, store, _ = olxcleaner.validate(
            str(root), steps=8, ignore=[], allowed_xblocks=list(OUR_BLOCKS)
        )
        errors = [error for error in store.errors if error.level_val >= MIN_LEVEL]
        return [
            OLXError(
                f"olxcleaner {error.level.lower()} {error.name}: {error.description}",
                source=f"{label} (built {error.filename})",
                fix=FIX,
            )
            for error in errors
        ]
