"""The canonical form of an authored file, for checking that an export changes nothing.

Two files hold the same content when their canonical XML (C14N) is equal after this
normalisation, which only touches what our formats treat as insignificant:

- comments and processing instructions are dropped;
- whitespace between elements (indentation, blank lines) is dropped;
- in plain-text elements (titles, labels, citations), runs of whitespace are made one space;
- Markdown elements lose the indentation common to all their lines and the blank space
  before and after; CDATA and escaped text are the same;
- attributes added by the runtime (url_name, from Studio exports) are dropped.
"""

from __future__ import annotations

import copy
from collections.abc import Collection

from lxml import etree

from xblocks.core.olx_text import markdown_text, one_line
from xblocks.core.xml import parse_xml

RUNTIME_ATTRIBUTES = ("url_name",)


def canonical_xml(
    data: str | bytes | etree._Element,
    *,
    markdown_elements: Collection[str],
    plain_elements: Collection[str],
    runtime_attributes: Collection[str] = RUNTIME_ATTRIBUTES,
) -> bytes:
    """The C14N bytes of `data` after the normalisation described above."""
    if isinstance(data, etree._Element):
        root = copy.deepcopy(data)  # normalised below; the caller's tree stays as it is
    else:
        root = parse_xml(data, source="<canonical>")
    for attribute in runtime_attributes:
        root.attrib.pop(attribute, None)
    for node in root.xpath("//comment() | //processing-instruction()"):
        _remove_keeping_tail(node)
    for element in root.iter(etree.Element):
        if len(element):
            element.text = _significant(element.text)
            for child in element:
                child.tail = _significant(child.tail)
        elif element.tag in markdown_elements:
            element.text = markdown_text(element.text) or None
        elif element.tag in plain_elements:
            element.text = one_line(element.text) or None
    return etree.tostring(root, method="c14n", with_comments=False)


def _significant(text: str | None) -> str | None:
    return text if text and text.strip() else None


def _remove_keeping_tail(node: etree._Element) -> None:
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)
