"""TOML read with errors that name the line, and the lines of keys for later messages.

tomllib gives values without positions; trainers need to know which line to fix, so the
line of a key is found in the text (simple `key = value` lines, as these files are written).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from eip.translation import N_, _
from xblocks.core.xml import OLXError

from .problems import Problems, read_text, shown_path

_POSITION = re.compile(r"\(at line (\d+), column \d+\)")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]\]?\s*(#.*)?$")
TOML_FIX = N_(
    'Write one key = value per line; put text in "double quotes", lists in [brackets], '
    "dates as 2027-01-04."
)


def parse_toml(text: str, *, source: str, first_line: int = 1) -> dict[str, Any]:
    """Parse `text`; a syntax error is an OLXError at its line (offset by `first_line` - 1)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _POSITION.search(message)
        line = int(match.group(1)) + first_line - 1 if match else None
        message = _POSITION.sub("", message).strip().rstrip(".")
        raise OLXError(
            # Translators: {problem} is the TOML reader's own message, in English.
            _("this is not valid TOML: {problem}").format(problem=message),
            source=source,
            line=line,
            fix=_(TOML_FIX),
        ) from None


def read_toml_file(
    path: Path, problems: Problems, *, missing: tuple[str, str] | None = None
) -> tuple[str, dict[str, Any]] | None:
    """The text of TOML file `path` and what it holds; None once a problem is added to
    `problems` (a syntax error, or one that `read_text` reports)."""
    text = read_text(path, problems, missing=missing)
    if text is None:
        return None
    try:
        return text, parse_toml(text, source=shown_path(path))
    except OLXError as error:
        problems.add_error(error)
        return None


def key_line(text: str, key: str, table: str | None = None, *, first_line: int = 1) -> int | None:
    """The line where `key` is set in `table` (None: the top level), or None if absent."""
    current: str | None = None
    pattern = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}")\s*=""")
    for number, line in enumerate(text.splitlines(), start=first_line):
        header = _HEADER.match(line)
        if header:
            current = header.group(2)
            continue
        if current == table and pattern.match(line):
            return number
    return None


def table_line(text: str, table: str, index: int = 0, *, first_line: int = 1) -> int | None:
    """The line of the `index`-th `[table]` or `[[table]]` header, or None."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=first_line):
        header = _HEADER.match(line)
        if header and header.group(2) == table:
            if seen == index:
                return number
            seen += 1
    return None


def array_key_line(text: str, table: str, index: int, key: str) -> int | None:
    """The line of `key` inside the `index`-th `[[table]]`, else of that header."""
    start = table_line(text, table, index)
    if start is None:
        return None
    lines = text.splitlines()
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number in range(start, len(lines)):
        if _HEADER.match(lines[number]):
            break
        if pattern.match(lines[number]):
            return number + 1
    return start
