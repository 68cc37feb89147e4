"""Attribute text of <eip_appraisal> to values; `xblocks.core.attributes` writes them back."""

from __future__ import annotations

import re

from xblocks.core.messages import Message, _
from xblocks.core.olx_text import one_line
from xblocks.core.xml import OLXError

_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?\Z")
_WHOLE = re.compile(r"[0-9]+\Z")


def parse_attribute(name: str, text: str) -> object:
    """The value of <eip_appraisal> attribute `name`; OLXError (a ValueError) saying what is
    wrong."""
    if name == "weight":
        if not _NUMBER.match(text.strip()):
            raise OLXError(Message(_('weight="{text}" is not a number of 0 or more'), text=text))
        return float(text)
    if name == "max_attempts":
        if not _WHOLE.match(text.strip()):
            raise OLXError(
                Message(_('max_attempts="{text}" is not a whole number of 0 or more'), text=text)
            )
        return int(text)
    return one_line(text)
