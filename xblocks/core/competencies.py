"""Competency tags on blocks: "appraise.validity:2 ask.question" (framework id, optional level)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from xblocks.core.xml import OLXError

MIN_LEVEL = 1
MAX_LEVEL = 4

_ID = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
_FORMAT_FIX = (
    "Write space-separated tags like appraise.validity:2 ask.question: a lowercase dotted "
    f"competency id, optionally followed by :level ({MIN_LEVEL}-{MAX_LEVEL})."
)


@dataclass(frozen=True)
class CompetencyTag:
    id: str
    level: int | None = None

    def __str__(self) -> str:
        return self.id if self.level is None else f"{self.id}:{self.level}"


def _bad(message: str, source: str | None, line: int | None) -> OLXError:
    return OLXError(message, source=source, line=line, fix=_FORMAT_FIX)


def _parse_tag(token: str, source: str | None, line: int | None) -> CompetencyTag:
    identifier, colon, level_text = token.partition(":")
    if not _ID.fullmatch(identifier):
        message = f'"{token}" is not a competency tag: "{identifier}" is not a valid id'
        raise _bad(message, source, line)
    if not colon:
        return CompetencyTag(identifier)
    if not (level_text.isascii() and level_text.isdigit()):
        raise _bad(f'"{token}": the level must be a number', source, line)
    level = int(level_text)
    if not MIN_LEVEL <= level <= MAX_LEVEL:
        raise _bad(
            f'"{token}": the level must be {MIN_LEVEL} to {MAX_LEVEL}, not {level}', source, line
        )
    return CompetencyTag(identifier, level)


def parse_competency_tags(
    text: str, *, source: str | None = None, line: int | None = None
) -> list[CompetencyTag]:
    """The tags in `text`, in order; a malformed or repeated tag raises OLXError."""
    tags: list[CompetencyTag] = []
    seen: set[str] = set()
    for token in (text or "").split():
        tag = _parse_tag(token, source, line)
        if tag.id in seen:
            raise _bad(f'competency "{tag.id}" is listed more than once', source, line)
        seen.add(tag.id)
        tags.append(tag)
    return tags


def format_competency_tags(tags: Iterable[CompetencyTag]) -> str:
    """The canonical text of `tags`: space-separated, id[:level]."""
    return " ".join(str(tag) for tag in tags)
