"""Collecting every problem in one authored file, each located by line and with a fix.

A reader adds problems as it finds them and raises them all at once, so that a trainer sees
every mistake in a file in one go rather than one per save.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from xblocks.core.xml import OLXError, OLXErrors


class Problems:
    """The problems found so far in `source`; `raise_if_any` reports them all at once."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.errors: list[OLXError] = []

    def add(self, element: etree._Element | None, message: str, fix: str | None = None) -> None:
        self.add_at(element.sourceline if element is not None else None, message, fix)

    def add_at(self, line: int | None, message: str, fix: str | None = None) -> None:
        self.errors.append(
            OLXError(
                full_stop(message),
                source=self.source,
                line=line,
                fix=full_stop(fix[:1].upper() + fix[1:]) if fix else None,
            )
        )

    def extend(self, errors: Iterable[OLXError]) -> None:
        self.errors.extend(errors)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        """Raise OLXErrors with every problem, in the order of the file."""
        if self.errors:
            raise OLXErrors(sorted(self.errors, key=lambda error: error.line or 0))


def full_stop(text: str) -> str:
    """Text ending as a sentence does, so that "... Fix: ..." reads well."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def one_of(values: Iterable[object]) -> str:
    """Values for a message: "1, 2, 3"."""
    items = list(values)
    return ", ".join(str(value) for value in items) if items else "(none)"
