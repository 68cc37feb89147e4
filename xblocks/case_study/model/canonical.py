"""The canonical form of a case-study file, for checking that export changes nothing.

See `xblocks.core.canonical` for what the normalisation touches: comments, whitespace
between elements, whitespace runs in plain text, the indentation of Markdown, CDATA versus
escaped text, and the url_name Studio adds.
"""

from __future__ import annotations

from lxml import etree

from xblocks.core.canonical import canonical_xml

MARKDOWN_ELEMENTS = frozenset(
    {"body", "summary", "prompt", "feedback", "scale-guidance", "outcome", "debrief", "band"}
)
PLAIN_ELEMENTS = frozenset({"citation", "label", "text"})


def canonical_case_study(data: str | bytes | etree._Element) -> bytes:
    """The C14N bytes of a case study after the normalisation described above."""
    return canonical_xml(data, markdown_elements=MARKDOWN_ELEMENTS, plain_elements=PLAIN_ELEMENTS)
