"""The canonical form of an exercise file, for checking that export changes nothing.

Two files are the same exercise when their canonical XML (C14N) is equal after this
normalisation, which only touches what the format treats as insignificant:

- comments and processing instructions are dropped;
- whitespace between elements (indentation, blank lines) is dropped;
- plain-text elements (title, label, citation) have runs of whitespace made one space;
- Markdown elements (summary, exhibit, answer, overall) lose the indentation common to all
  their lines and the blank space before and after; CDATA and escaped text are the same;
- a url_name attribute (added by Studio exports) is dropped.
"""

from __future__ import annotations

from lxml import etree

from xblocks.core.canonical import canonical_xml

MARKDOWN_ELEMENTS = frozenset({"summary", "exhibit", "answer", "overall"})
PLAIN_ELEMENTS = frozenset({"title", "label", "citation"})


def canonical_exercise(data: str | bytes | etree._Element) -> bytes:
    """The C14N bytes of an exercise after the normalisation described above."""
    return canonical_xml(data, markdown_elements=MARKDOWN_ELEMENTS, plain_elements=PLAIN_ELEMENTS)
