"""Attribute text of <eip_appraisal> to values; `xblocks.core.attributes` writes them back."""

from __future__ import annotations

from xblocks.core.attributes import NUMBER, WHOLE
from xblocks.core.messages import Message, _
from xblocks.core.olx_text import one_line
from xblocks.core.xml import OLXError


def parse_attribute(name: str, text: str) -> object:
    """The value of <eip_appraisal> attribute `name`; OLXError (a ValueError) saying what is
    wrong."""
    if name == "weight":
        if not NUMBER.match(text.strip()):
            raise OLXError(Message(_('weight="{text}" is not a number of 0 or more'), text=text))
        return float(text)
    if name == "max_attempts":
        if not WHOLE.match(text.strip()):
            raise OLXError(
                Message(_('max_attempts="{text}" is not a whole number of 0 or more'), text=text)
            )
        return int(text)
    return one_line(text)
