"""Course prose: Markdown rendered by the blocks' one cleaner, and links into `static/`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import lxml.html
from lxml import etree

from xblocks.core.markdown import render_markdown

STATIC_PREFIXES = ("static/", "/static/")
_LINKS = (("img", "src"), ("a", "href"))


@dataclass(frozen=True)
class StaticLink:
    tag: str
    url: str
    path: str  # inside static/, e.g. "four-sources.svg"
    alt: str | None


@functools.lru_cache(maxsize=2048)
def _rendered(markdown: str) -> str:
    # Checking, building and the manifest each look at the same prose: render it once.
    return render_markdown(markdown)


def render(markdown: str) -> etree._Element:
    """The cleaned HTML of `markdown`, inside a <div> for inspection and rewriting."""
    return parse_html(_rendered(markdown))


def parse_html(html: str) -> etree._Element:
    """Cleaned HTML inside a <div>, for rewriting links."""
    return lxml.html.fragment_fromstring(html, create_parent="div")


def static_path(url: str) -> str | None:
    for prefix in STATIC_PREFIXES:
        if url.startswith(prefix):
            return url[len(prefix) :].split("#")[0].split("?")[0]
    return None


def images_without_alt(root: etree._Element) -> list[str]:
    return [image.get("src", "") for image in root.iter("img") if not image.get("alt", "").strip()]


def static_links(root: etree._Element) -> list[StaticLink]:
    found = []
    for tag, attribute in _LINKS:
        for element in root.iter(tag):
            url = element.get(attribute, "")
            path = static_path(url)
            if path is not None:
                found.append(StaticLink(tag, url, path, element.get("alt")))
    return found


def rewrite_static(root: etree._Element, new_url: Callable[[str], str]) -> etree._Element:
    """`root` with every link into static/ replaced by `new_url(path inside static/)`."""
    for tag, attribute in _LINKS:
        for element in root.iter(tag):
            path = static_path(element.get(attribute, ""))
            if path is not None:
                element.set(attribute, new_url(path))
    return root


def inner_html(root: etree._Element) -> str:
    """The children of `root` as HTML (for the built course)."""
    text = escape(root.text, quote=False) if root.text else ""
    return text + "".join(
        lxml.html.tostring(child, encoding="unicode", method="html") for child in root
    )


def inner_xhtml(root: etree._Element) -> str:
    """The children of `root` as well-formed XML (to embed in OLX)."""
    text = escape(root.text, quote=False) if root.text else ""
    return text + "".join(etree.tostring(child, encoding="unicode", method="xml") for child in root)
