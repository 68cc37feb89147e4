"""What the browser tests of Welsh pages share: every text a person meets on a page, the
messages of the English catalogues as patterns to look for in them, and the names that stay
in English in Welsh text (docs/glossary-cy.md)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from eip.i18n.catalogues import CATALOGUES, SOURCE_LANGUAGE

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"(\{[a-z_]*\}|%\([a-z_]+\)[sd])")

# Every text in the page's body a person reads or hears: text nodes (including SVG labels and
# descriptions), the text of each line-like element, the attributes read aloud or shown, and
# the strings a block hands its script.
PAGE_TEXTS = """() => {
    const clean = (text) => (text || '').replace(/\\s+/g, ' ').trim();
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const parent = walker.currentNode.parentElement;
        // A textarea holds what a person typed or authored, not the interface.
        if (parent && !parent.closest('script, style, textarea')) {
            texts.push(clean(walker.currentNode.data));
        }
    }
    const lines = 'p, li, h1, h2, h3, h4, h5, h6, dt, dd, th, td, caption, label, legend, '
        + 'button, summary, option, a, figcaption';
    document.querySelectorAll(lines).forEach((el) => texts.push(clean(el.textContent)));
    document.querySelectorAll('[aria-label], [title], [alt], [placeholder]').forEach((el) => {
        ['aria-label', 'title', 'alt', 'placeholder'].forEach((name) => {
            if (el.hasAttribute(name)) texts.push(clean(el.getAttribute(name)));
        });
    });
    const strings = (value) => typeof value === 'string' ? [value]
        : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
    document.querySelectorAll('script.xblock_json_init_args').forEach((script) => {
        try { strings(JSON.parse(script.textContent)).forEach((s) => texts.push(clean(s))); }
        catch (error) { /* not JSON: nothing a person reads */ }
    });
    return texts.filter(Boolean);
}"""


def clean(text: str | None) -> str:
    return " ".join(html.unescape(text or "").split())


def message_pattern(message_id: str) -> re.Pattern | None:
    """The message as a regular expression, placeholders matching anything; None when it
    has no word of its own to find (e.g. "{count} {kind}")."""
    text = re.sub(r"<[^>]+>", "", message_id)
    if not re.search(r"[A-Za-z]{2,}", PLACEHOLDER.sub("", text)):
        return None
    body = "".join(
        ".+?" if PLACEHOLDER.fullmatch(part) else re.escape(part)
        for part in PLACEHOLDER.split(text)
    )
    start = r"\b" if re.match(r"\w", text) else ""
    end = r"\b" if re.search(r"\w$", text) else ""
    return re.compile(start + body + end)


def _read(path: Path, language: str):
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def _parts(value: object) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)  # type: ignore[return-value]


@cache
def catalogue_strings(names: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    """Every English message id of the catalogues named (e.g. ("blocks", "workbench")), as
    (id, pattern). A message that reads the same in Welsh ("{status}: {count}", "person")
    is left out: finding it on a page says nothing about the page's language."""
    found = []
    for spec in CATALOGUES:
        if spec.name not in names:
            continue
        welsh = _read(spec.po_path(ROOT, "cy"), "cy")
        for message in _read(spec.po_path(ROOT, SOURCE_LANGUAGE), SOURCE_LANGUAGE):
            if not message.id:
                continue
            translated = welsh.get(message.id)
            same = set(_parts(translated.string)) if translated is not None else set()
            for part in _parts(message.id):
                pattern = message_pattern(part) if part and part not in same else None
                if pattern is not None:
                    found.append((part, pattern))
    assert found, f"no catalogue named {names}"
    return tuple(found)


@cache
def proper_names() -> tuple[str, ...]:
    """The names docs/glossary-cy.md keeps in English (e.g. Evidence in Practice)."""
    text = (ROOT / "docs" / "glossary-cy.md").read_text(encoding="utf-8")
    names = text.split("## Names kept in English", 1)[1].split("##", 1)[0].split(":", 1)[1]
    return tuple(sorted((name.strip(" .\n") for name in names.split(",")), key=len, reverse=True))


def english_found(
    texts: Iterable[str],
    messages: Iterable[tuple[str, re.Pattern]],
    *,
    data: Iterable[str] = (),
) -> list[str]:
    """The messages found in `texts`, each with the text it is in. `data` are texts that are
    not the interface (names, authored content): a text that is one of them is passed over,
    and each is taken out of a longer text (with the proper names) before looking in it."""
    data = {text for text in data if text}
    fragments = sorted({*data, *proper_names()}, key=len, reverse=True)
    messages = tuple(messages)
    found = []
    for text in set(texts):
        if text in data:
            continue
        rest = text
        for fragment in fragments:
            if fragment in rest:
                rest = rest.replace(fragment, " \u2022 ")
        for message_id, pattern in messages:
            if pattern.search(rest):
                found.append(f"{message_id!r} in {text[:160]!r}")
    return sorted(set(found))
