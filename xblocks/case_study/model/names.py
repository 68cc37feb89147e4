"""How nodes, choices and statements are named: the shape of ids, and names in messages."""

from __future__ import annotations

import re

from lxml import etree

from xblocks.core.messages import _

ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
ID_FIX = _(
    "use lowercase letters, digits and hyphens, starting with a letter or digit, "
    'e.g. id="first-visit".'
)


def describe(element: etree._Element) -> str:
    """How an element is named in messages, e.g. <choice id="joint-visit">."""
    for name in ("id", "min"):
        value = element.get(name)
        if value is not None:
            return f'<{element.tag} {name}="{value}">'
    return f"<{element.tag}>"
