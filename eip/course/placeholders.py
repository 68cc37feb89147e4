"""Placeholder text that `eip new` writes and a trainer must replace before a release."""

from __future__ import annotations

import re
from pathlib import Path

from eip.translation import _

from .problems import Problems

MARKER = "TODO"
_PATTERN = re.compile(rf"\b{MARKER}\b")


def check_placeholders(path: Path, problems: Problems) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return  # reported by the reader of the file
    for number, line in enumerate(text.splitlines(), start=1):
        if _PATTERN.search(line):
            shown = line.strip()
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            problems.add(
                _("placeholder text left: {text}").format(text=shown),
                path=path,
                line=number,
                fix=_("Replace the {marker} text with the real content.").format(marker=MARKER),
            )
