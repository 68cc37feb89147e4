"""Problems found in files a person writes, collected so that one run reports all of them.

A problem is an `OLXError` (file, line, message, fix): the same record the blocks raise for
broken OLX, so an error from an exercise and one from a course read alike.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from eip.translation import _, model_text
from xblocks.core.xml import OLXError, OLXErrors


def shown_path(path: Path | str) -> str:
    """`path` as a person should see it: relative to the working folder when inside it."""
    path = Path(path)
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return os.fspath(path)


def problem_text(error: OLXError) -> str:
    """A problem as `eip` prints it: `file:line: what. Fix: how`, as `str(error)` words it,
    in the language `eip` speaks (the message and fix are worded where they were found: by
    `eip`, or by a block model, whose words the blocks' catalogue translates)."""
    if error.source and error.line:
        location = f"{error.source}:{error.line}"
    elif error.source:
        location = error.source
    elif error.line:
        location = _("line {line}").format(line=error.line)
    else:
        location = ""
    message = model_text(error.message)
    text = f"{location}: {message}" if location else message
    if error.fix:
        # Translators: {problem} is "file:line: what is wrong"; {fix} says how to fix it.
        text = _("{problem} Fix: {fix}").format(problem=text, fix=model_text(error.fix))
    return text


class Problems:
    """An ordered collection of OLXErrors, each reported once."""

    def __init__(self) -> None:
        self._errors: list[OLXError] = []
        self._seen: set[str] = set()

    def add(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        fix: str | None = None,
    ) -> None:
        source = shown_path(path) if path is not None else None
        self.add_error(OLXError(message, source=source, line=line, fix=fix))

    def add_error(self, error: OLXError) -> None:
        key = str(error)
        if key not in self._seen:
            self._seen.add(key)
            self._errors.append(error)

    def extend(self, errors: Iterable[OLXError] | OLXErrors) -> None:
        for error in errors:
            self.add_error(error)

    def __iter__(self) -> Iterator[OLXError]:
        return iter(self._errors)

    def __len__(self) -> int:
        return len(self._errors)

    def __bool__(self) -> bool:
        return bool(self._errors)

    def files(self) -> set[str]:
        return {error.source for error in self._errors if error.source}


def read_text(
    path: Path, problems: Problems, *, missing: tuple[str, str] | None = None
) -> str | None:
    """The text of the UTF-8 file `path`, without a byte-order mark; None once a problem is
    added if it is not UTF-8 or, given `missing` (what is wrong, how to fix it), if there is
    no such file (a problem of its folder)."""
    if missing is not None and not path.is_file():
        message, fix = missing
        problems.add(message, path=path.parent, fix=fix)
        return None
    try:
        return path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        problems.add(_("the file is not UTF-8 text"), path=path, fix=_("Save the file as UTF-8."))
        return None
