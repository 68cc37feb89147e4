"""Attribute values written back as the author wrote them.

Exports must not churn authored files: an attribute keeps its authored spelling
(`weight="1.0"`, `min=".80"`) for as long as it still means the value in the model, an
optional attribute the author left out stays out while it holds its default, and a new value
is written the way an author would write it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

MISSING = object()
# What every authored format accepts as a number of 0 or more ("1", "0.5", ".5", "1.") and
# as a whole number of 0 or more.
NUMBER = re.compile(r"([0-9]+(\.[0-9]*)?|\.[0-9]+)\Z")
WHOLE = re.compile(r"[0-9]+\Z")


def format_attribute(value: object) -> str:
    """Attribute text for a value: 1.0 -> "1", 0.5 -> "0.5", 2 -> "2", True -> "true"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (tuple, list)):
        return " ".join(str(part) for part in value)
    return str(value)


def written_attributes(
    values: Mapping[str, object],
    authored: Mapping[str, str],
    defaults: Mapping[str, object],
    means: Callable[[str, str, object], bool],
) -> list[tuple[str, str]]:
    """(name, text) pairs to write for `values`, in their order.

    `authored` is the attribute text as read; `defaults` the optional attributes and their
    values; `means(name, text, value)` says whether authored text still reads as `value`.
    """
    written = []
    for name, value in values.items():
        text = authored.get(name)
        if text is not None and means(name, text, value):
            written.append((name, text))
        elif text is not None or defaults.get(name, MISSING) != value:
            written.append((name, format_attribute(value)))
    return written
