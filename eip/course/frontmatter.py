"""Markdown files that start with TOML front matter between `+++` lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eip.translation import N_, _
from xblocks.core.xml import OLXError

from .tomltext import key_line, parse_toml

FENCE = "+++"
_FENCE_FIX = N_(
    'Start the file with a line "+++", then the front matter (title = "...", ...), then '
    'another "+++" line, then the Markdown.'
)


@dataclass(frozen=True)
class FrontMatter:
    """The front matter's values, the Markdown body and where each begins in the file."""

    meta: dict[str, Any]
    body: str
    body_line: int
    text: str = field(repr=False)
    source: str = ""

    def line_of(self, key: str) -> int:
        """The line of `key` in the front matter (the opening fence if it is absent)."""
        return key_line(self.text, key, first_line=2) or 1


def read_front_matter(text: str, *, source: str) -> FrontMatter:
    """Split and parse; a missing fence or bad TOML is an OLXError with the line."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise OLXError(
            _('the file does not start with front matter (a "{fence}" line)').format(fence=FENCE),
            source=source,
            line=1,
            fix=_(_FENCE_FIX),
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            break
    else:
        raise OLXError(
            _('the front matter is not closed: no second "{fence}" line').format(fence=FENCE),
            source=source,
            line=1,
            fix=_('Add a line "{fence}" after the last front-matter line.').format(fence=FENCE),
        )
    toml_text = "".join(lines[1:index])
    meta = parse_toml(toml_text, source=source, first_line=2)
    body = "".join(lines[index + 1 :])
    return FrontMatter(meta=meta, body=body, body_line=index + 2, text=toml_text, source=source)
