"""Authored Markdown and HTML to safe HTML, against the project's one allow-list.

Authored prose (study summaries, exhibits, expert rationales) is rendered on the server and
cleaned with nh3; learner text is never passed through here, it is escaped by templates.
"""

from __future__ import annotations

import lxml.html
import markdown as _markdown
import nh3

# fmt: off
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div",
        "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span",
        "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)
# fmt: on

ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"lang", "dir"}),
    # "rel" is set by the cleaner itself (noopener noreferrer), never taken from the author.
    "a": frozenset({"href", "title", "hreflang"}),
    "abbr": frozenset({"title"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "ol": frozenset({"start", "reversed"}),
    "q": frozenset({"cite"}),
    "td": frozenset({"align", "colspan", "rowspan"}),
    "th": frozenset({"align", "colspan", "rowspan", "scope"}),
}

ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})

# Elements removed together with everything inside them (the rest keep their text).
_REMOVED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template"})

_EXTENSIONS = ("tables", "fenced_code", "sane_lists")
# Column alignment as the align attribute: inline styles are not on the allow-list.
_EXTENSION_CONFIGS = {"tables": {"use_align_attribute": True}}


def clean_html(html: str) -> str:
    """Authored HTML reduced to the allow-list: no scripts, styles, frames, handlers or
    javascript:/data: URLs; links get rel="noopener noreferrer"."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(_REMOVED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    """Markdown (with tables, fenced code and sane lists) rendered, then cleaned."""
    html = _markdown.markdown(
        text or "",
        extensions=list(_EXTENSIONS),
        extension_configs=_EXTENSION_CONFIGS,
        output_format="html",
    )
    return clean_html(html)


def plain_text(markdown_text: str) -> str:
    """The readable text of authored Markdown, for search indexes and tests."""
    html = render_markdown(markdown_text or "").strip()
    if not html:
        return ""
    return " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())


def number_text(value: float) -> str:
    """1.0 -> "1", 2.5 -> "2.5": how scores and weights read to a person."""
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")
