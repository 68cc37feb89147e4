"""Authored text inside OLX elements: how it is read, checked and written back.

Two kinds of text live in our formats: plain text (titles, labels, citations), where line
breaks and repeated spaces mean nothing, and Markdown, usually in a CDATA section, whose
indentation inside the XML file is not part of the text.
"""

from __future__ import annotations

import re
import textwrap

from lxml import etree

from xblocks.core.messages import _
from xblocks.core.problems import Problems

_IMAGE_WITHOUT_ALT = re.compile(r"!\[\s*\]\(")


def one_line(text: str | None) -> str:
    """Text with every run of whitespace made one space, and no space at either end."""
    return " ".join((text or "").split())


def markdown_text(text: str | None) -> str:
    """Authored Markdown without the indentation or blank lines around it."""
    return textwrap.dedent(text or "").strip()


def read_markdown(
    element: etree._Element | None,
    problems: Problems,
    *,
    required: bool = False,
    rationale: bool = False,
) -> str:
    """The Markdown of `element` ("" if absent); images need alt text, required text words
    (named a rationale in messages when `rationale`)."""
    if element is None:
        return ""
    raw = element.text or ""
    for match in _IMAGE_WITHOUT_ALT.finditer(raw):
        line = (element.sourceline or 0) + raw.count("\n", 0, match.start())
        problems.add_at(
            line or None,
            _("an image in <{tag}> has no alt text"),
            _("describe the image between the brackets: ![Bar chart of ...](...)."),
            tag=element.tag,
        )
    text = markdown_text(raw)
    if required and not text and rationale:
        problems.add(
            element,
            _("<{tag}> has no rationale"),
            _("write the rationale in Markdown."),
            tag=element.tag,
        )
    elif required and not text:
        problems.add(
            element, _("<{tag}> has no text"), _("write the text in Markdown."), tag=element.tag
        )
    return text


def add_markdown(parent: etree._Element, name: str, text: str) -> etree._Element:
    """Append <name> holding Markdown `text` in a CDATA section, on lines of its own if long."""
    element = etree.SubElement(parent, name)
    if not text:
        return element
    body = f"\n{text}\n" if "\n" in text else text
    # A CDATA section cannot contain "]]>"; such text is written escaped instead.
    element.text = body if "]]>" in body else etree.CDATA(body)
    return element
