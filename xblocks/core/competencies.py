"""Competency tags on blocks: "appraise.validity:2 ask.question" (framework id, optional level)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from xblocks.core.messages import Message, _
from xblocks.core.xml import OLXError

MIN_LEVEL = 1
MAX_LEVEL = 4

_ID = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
_FORMAT_FIX = Message(
    _(
        "Write space-separated tags like appraise.validity:2 ask.question: a lowercase dotted "
        "competency id, optionally followed by :level ({min}-{max})."
    ),
    min=MIN_LEVEL,
    max=MAX_LEVEL,
)


@dataclass(frozen=True)
class CompetencyTag:
    id: str
    level: int | None = None

    def __str__(self) -> str:
        return self.id if self.level is None else f"{self.id}:{self.level}"


def _bad(message: Message, source: str | None, line: int | None) -> OLXError:
    return OLXError(message, source=source, line=line, fix=_FORMAT_FIX)


def _parse_tag(token: str, source: str | None, line: int | None) -> CompetencyTag:
    identifier, colon, level_text = token.partition(":")
    if not _ID.fullmatch(identifier):
        message = Message(
            _('"{tag}" is not a competency tag: "{id}" is not a valid id'),
            tag=token,
            id=identifier,
        )
        raise _bad(message, source, line)
    if not colon:
        return CompetencyTag(identifier)
    if not (level_text.isascii() and level_text.isdigit()):
        raise _bad(Message(_('"{tag}": the level must be a number'), tag=token), source, line)
    level = int(level_text)
    if not MIN_LEVEL <= level <= MAX_LEVEL:
        message = Message(
            _('"{tag}": the level must be {min} to {max}, not {level}'),
            tag=token,
            min=MIN_LEVEL,
            max=MAX_LEVEL,
            level=level,
        )
        raise _bad(message, source, line)
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
            message = Message(_('competency "{id}" is listed more than once'), id=tag.id)
            raise _bad(message, source, line)
        seen.add(tag.id)
        tags.append(tag)
    return tags


def format_competency_tags(tags: Iterable[CompetencyTag]) -> str:
    """The canonical text of `tags`: space-separated, id[:level]."""
    return " ".join(str(tag) for tag in tags)
