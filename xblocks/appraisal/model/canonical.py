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

from xblocks.core.xml import parse_xml

from .problems import markdown_text, one_line

MARKDOWN_ELEMENTS = frozenset({"summary", "exhibit", "answer", "overall"})
PLAIN_ELEMENTS = frozenset({"title", "label", "citation"})
RUNTIME_ATTRIBUTES = ("url_name",)


def canonical_exercise(data: str | bytes | etree._Element) -> bytes:
    """The C14N bytes of an exercise after the normalisation described above."""
    if isinstance(data, etree._Element):
        root = etree.fromstring(etree.tostring(data))
    else:
        root = parse_xml(data, source="<canonical>")
    for attribute in RUNTIME_ATTRIBUTES:
        root.attrib.pop(attribute, None)
    for node in root.xpath("//comment() | //processing-instruction()"):
        _remove_keeping_tail(node)
    for element in root.iter(etree.Element):
        if len(element):
            element.text = _significant(element.text)
            for child in element:
                child.tail = _significant(child.tail)
        elif element.tag in MARKDOWN_ELEMENTS:
            element.text = markdown_text(element.text) or None
        elif element.tag in PLAIN_ELEMENTS:
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
