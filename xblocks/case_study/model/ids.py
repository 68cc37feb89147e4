"""The ids of one file: each must be well formed and given once, across every node, choice
and statement, so that a link, a report row or a tally names exactly one thing."""

from __future__ import annotations

from lxml import etree

from xblocks.core.messages import _
from xblocks.core.problems import Problems

from .names import ID, ID_FIX, describe


class Ids:
    """Every id claimed so far, with the element and line that claimed it first."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.first: dict[str, tuple[str, int | None]] = {}
        self.clean = True

    def claim(self, element: etree._Element, identifier: str) -> bool:
        """Record `identifier` for `element`; False (and a problem) if it is already used.

        A malformed id is a problem too, but the element keeps it, so that its links are
        still checked.
        """
        if not ID.match(identifier):
            self.problems.add(
                element,
                _('{element}: "{id}" is not a valid id'),
                ID_FIX,
                element=describe(element),
                id=identifier,
            )
            self.clean = False
        if identifier in self.first:
            tag, line = self.first[identifier]
            self.problems.add(
                element,
                _('duplicate id "{id}": <{tag}> at line {line} already has it'),
                _("give every node, choice and statement its own id."),
                id=identifier,
                tag=tag,
                line=line,
            )
            self.clean = False
            return False
        self.first[identifier] = (element.tag, element.sourceline)
        return True

    def line(self, identifier: str) -> int | None:
        """The line of the element that first claimed `identifier`."""
        return self.first.get(identifier, ("", None))[1]
