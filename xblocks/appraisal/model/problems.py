"""Collecting every problem in one authored file, each located by line and with a fix."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

from lxml import etree

from xblocks.core.xml import OLXError, OLXErrors

from .text import LANGS, Text


class Problems:
    """The problems found so far in `source`; `raise_if_any` reports them all at once."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.errors: list[OLXError] = []

    def add(self, element: etree._Element | None, message: str, fix: str | None = None) -> None:
        self.add_at(element.sourceline if element is not None else None, message, fix)

    def add_at(self, line: int | None, message: str, fix: str | None = None) -> None:
        self.errors.append(
            OLXError(
                full_stop(message),
                source=self.source,
                line=line,
                fix=full_stop(fix[:1].upper() + fix[1:]) if fix else None,
            )
        )

    def extend(self, errors: list[OLXError]) -> None:
        self.errors.extend(errors)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        """Raise OLXErrors with every problem, in the order of the file."""
        if self.errors:
            raise OLXErrors(sorted(self.errors, key=lambda error: error.line or 0))


def full_stop(text: str) -> str:
    """Text ending as a sentence does, so that "... Fix: ..." reads well."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def one_line(text: str | None) -> str:
    """Text with every run of whitespace made one space, and no space at either end."""
    return " ".join((text or "").split())


def markdown_text(text: str | None) -> str:
    """Authored Markdown without the indentation or blank lines around it."""
    return textwrap.dedent(text or "").strip()


def one_of(values: Iterable[object]) -> str:
    """Values for a message: "1, 2, 3"."""
    items = list(values)
    return ", ".join(str(value) for value in items) if items else "(none)"


def describe(element: etree._Element) -> str:
    """How an element is named in messages, e.g. <answer item="4d">."""
    shown = [
        f'{name}="{element.get(name)}"'
        for name in ("id", "item", "judgement", "value")
        if element.get(name) is not None
    ]
    return f"<{' '.join([element.tag, *shown])}>"


def texts(parent: etree._Element, name: str, problems: Problems) -> Text:
    """The <name lang="..."> children of `parent` as one Text (English required)."""
    values: dict[str, str] = {}
    for child in parent.findall(name):
        lang = child.get("lang", "")
        if lang not in LANGS:
            problems.add(
                child,
                f'<{name} lang="{lang}"> has an unknown language',
                f'use lang="{LANGS[0]}" or lang="{LANGS[1]}".',
            )
        elif lang in values:
            problems.add(
                child,
                f'<{name} lang="{lang}"> appears twice in {describe(parent)}',
                f"keep one <{name}> per language.",
            )
        values[lang] = one_line(child.text)
        if not values[lang]:
            problems.add(child, f"<{name}> is empty", f"write the {name}, or remove the element.")
    if parent.find(name) is not None and "en" not in values:
        problems.add(
            parent,
            f'{describe(parent)} has no <{name} lang="en">',
            f'add <{name} lang="en">...</{name}>: English is required.',
        )
    return Text(values)


def grouped_texts(parent: etree._Element, name: str, problems: Problems) -> tuple[Text, ...]:
    """Repeated texts such as hints: the n-th Welsh <name> translates the n-th English one."""
    by_lang: dict[str, list[str]] = {}
    for child in parent.findall(name):
        lang = child.get("lang", "")
        if lang not in LANGS:
            problems.add(
                child,
                f'<{name} lang="{lang}"> has an unknown language',
                f'use lang="{LANGS[0]}" or lang="{LANGS[1]}".',
            )
            continue
        text = one_line(child.text)
        if not text:
            problems.add(child, f"<{name}> is empty", f"write the {name}, or remove the element.")
        by_lang.setdefault(lang, []).append(text)
    english = by_lang.get("en", [])
    for lang, values in by_lang.items():
        if len(values) > len(english):
            problems.add(
                parent,
                f'{describe(parent)} has more <{name} lang="{lang}"> than English ones',
                f"give each {name} in English; translations pair with them in order.",
            )
    return tuple(
        Text({lang: values[n] for lang, values in by_lang.items() if n < len(values)})
        for n in range(len(english))
    )


TOKEN = re.compile(r"[a-z][a-z0-9_]*\Z")
ITEM_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")
VERSION = re.compile(r"[0-9]+(\.[0-9]+)*\Z")
