"""Attribute text to values and back: numbers written the way an author would write them."""

from __future__ import annotations

import re

from .problems import one_line

_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?\Z")
_WHOLE = re.compile(r"[0-9]+\Z")


def parse_attribute(name: str, text: str) -> object:
    """The value of <eip_appraisal> attribute `name`; ValueError saying what is wrong."""
    if name == "weight":
        if not _NUMBER.match(text.strip()):
            raise ValueError(f'weight="{text}" is not a number of 0 or more')
        return float(text)
    if name == "max_attempts":
        if not _WHOLE.match(text.strip()):
            raise ValueError(f'max_attempts="{text}" is not a whole number of 0 or more')
        return int(text)
    return one_line(text)


def format_attribute(value: object) -> str:
    """Attribute text for a value: 1.0 -> "1", 0.5 -> "0.5", 2 -> "2"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)
