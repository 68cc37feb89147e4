"""A unit's Markdown body: prose, and `::: kind target` lines that place assessments."""

from __future__ import annotations

import re
from collections.abc import Sequence

from eip.translation import N_, _
from xblocks.core.xml import OLXError

from .model import REFERENCE_KINDS, Part, Prose, Reference

MARKER = ":::"
SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
_FENCE = re.compile(r"^\s*(```|~~~)")
REFERENCE_FIX = N_(
    'Write the line exactly as "::: appraisal <slug>", "::: case-study <slug>" or '
    '"::: competency-tracker <framework-id>", where <slug> is a file name in '
    "assessments/appraisals/ or assessments/case-studies/ without .xml."
)


def _reference(line: str, number: int, source: str) -> Reference:
    words = line.split()
    if words[0] != MARKER:
        words = [MARKER, words[0][len(MARKER) :], *words[1:]]
    if len(words) != 3 or words[1] not in REFERENCE_KINDS:
        raise OLXError(
            _('"{line}" is not a reference').format(line=line.strip()),
            source=source,
            line=number,
            fix=_(REFERENCE_FIX),
        )
    kind, target = words[1], words[2]
    if target.endswith(".xml"):
        raise OLXError(
            # Translators: {kind} is the word after ::: (appraisal, case-study), as typed.
            _('"{target}": name the {kind} without ".xml"').format(target=target, kind=kind),
            source=source,
            line=number,
            fix=_("Write ::: {kind} {target}").format(
                kind=kind, target=target.removesuffix(".xml")
            ),
        )
    if not SLUG.fullmatch(target):
        raise OLXError(
            _('"{target}" is not a valid {kind} name').format(target=target, kind=kind),
            source=source,
            line=number,
            fix=_("Use the file name: lowercase letters, digits and hyphens."),
        )
    return Reference(kind=kind, target=target, line=number)


def split_body(body: str, *, first_line: int, source: str) -> tuple[list[Part], list[OLXError]]:
    """The prose and references of `body` in order, and the problems found in it."""
    parts: list[Part] = []
    errors: list[OLXError] = []
    chunk: list[str] = []
    chunk_line = first_line
    fenced = None

    def flush(next_line: int) -> None:
        nonlocal chunk, chunk_line
        text = "".join(chunk)
        if text.strip():
            parts.append(Prose(markdown=text, line=chunk_line))
        chunk = []
        chunk_line = next_line

    for number, line in enumerate(body.splitlines(keepends=True), start=first_line):
        fence = _FENCE.match(line)
        if fence:
            fenced = None if fenced == fence.group(1) else (fenced or fence.group(1))
        if fenced is None and line.lstrip().startswith(MARKER):
            flush(number + 1)
            try:
                parts.append(_reference(line, number, source))
            except OLXError as error:
                errors.append(error)
            continue
        if not chunk:
            chunk_line = number
        chunk.append(line)
    flush(0)
    return parts, errors


def gaps(parts: Sequence[Part]) -> list[Prose | None]:
    """The prose before, between and after the references, one entry per gap (None where a
    gap has no prose): a body with n references has n + 1 gaps."""
    found: list[Prose | None] = [None]
    for part in parts:
        if isinstance(part, Reference):
            found.append(None)
        else:
            found[-1] = part
    return found
