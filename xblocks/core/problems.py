"""Collecting every problem in one authored file, each located by line and with a fix.

A reader adds problems as it finds them and raises them all at once, so that a trainer sees
every mistake in a file in one go rather than one per save.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from xblocks.core.messages import Message, full_stop, message, sentence
from xblocks.core.xml import OLXError, OLXErrors


class Problems:
    """The problems found so far in `source`; `raise_if_any` reports them all at once.

    A problem's message and fix are templates marked with `_()` (xblocks.core.messages),
    filled with the same named values, so that they can be shown in any language:

        problems.add(element, _('<{tag}> is empty'), _("write the {tag}."), tag=name)

    The message ends as a sentence does and the fix starts with a capital, in every
    language.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.errors: list[OLXError] = []

    def add(
        self,
        element: etree._Element | None,
        text: str | Message,
        fix: str | Message | None = None,
        /,
        **values: object,
    ) -> None:
        self.add_at(element.sourceline if element is not None else None, text, fix, **values)

    def add_at(
        self,
        line: int | None,
        text: str | Message,
        fix: str | Message | None = None,
        /,
        **values: object,
    ) -> None:
        self.errors.append(
            OLXError(
                message(text, values).finished(full_stop),
                source=self.source,
                line=line,
                fix=message(fix, values).finished(sentence) if fix else None,
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
