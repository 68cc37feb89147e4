"""What the authored formats (instruments, exercises, competency frameworks) share: bilingual
text, reading it from `<name lang="...">` elements, how elements are named in messages, and
the shapes of ids. Problems are collected with `xblocks.core.problems`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree

from xblocks.core.language import DEFAULT_LANGUAGE, pick
from xblocks.core.messages import _
from xblocks.core.olx_text import one_line
from xblocks.core.problems import Problems

LANGS = ("en", "cy")


@dataclass(frozen=True)
class Text:
    """Translations of one piece of text, keyed by language code ('en', 'cy')."""

    values: Mapping[str, str] = field(default_factory=dict)

    def get(self, lang: str | None = None) -> str:
        """The text in `lang` (e.g. 'cy' or 'cy-GB'), falling back to English."""
        return pick(self, lang or DEFAULT_LANGUAGE)[0]

    def __str__(self) -> str:
        return self.get(DEFAULT_LANGUAGE)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.values.items())))

    @classmethod
    def of(cls, en: str, cy: str | None = None) -> Text:
        """A Text from an English string and, optionally, its Welsh translation."""
        return cls({"en": en} if cy is None else {"en": en, "cy": cy})


def describe(element: etree._Element) -> str:
    """How an element is named in messages, e.g. <answer item="4d">."""
    shown = [
        f'{name}="{element.get(name)}"'
        for name in ("id", "item", "judgement", "value")
        if element.get(name) is not None
    ]
    return f"<{' '.join([element.tag, *shown])}>"


def known_lang(element: etree._Element, problems: Problems) -> bool:
    """Whether `element`'s lang is one of ours; a problem says so when it is not."""
    lang = element.get("lang", "")
    if lang in LANGS:
        return True
    problems.add(
        element,
        _('<{tag} lang="{lang}"> has an unknown language'),
        _('use lang="{first}" or lang="{second}".'),
        tag=element.tag,
        lang=lang,
        first=LANGS[0],
        second=LANGS[1],
    )
    return False


def texts(parent: etree._Element, name: str, problems: Problems) -> Text:
    """The <name lang="..."> children of `parent` as one Text (English required)."""
    values: dict[str, str] = {}
    for child in parent.findall(name):
        lang = child.get("lang", "")
        if known_lang(child, problems) and lang in values:
            problems.add(
                child,
                _('<{name} lang="{lang}"> appears twice in {parent}'),
                _("keep one <{name}> per language."),
                name=name,
                lang=lang,
                parent=describe(parent),
            )
        values[lang] = one_line(child.text)
        if not values[lang]:
            problems.add(
                child,
                _("<{name}> is empty"),
                _("write the {name}, or remove the element."),
                name=name,
            )
    if parent.find(name) is not None and "en" not in values:
        problems.add(
            parent,
            _('{parent} has no <{name} lang="en">'),
            _('add <{name} lang="en">...</{name}>: English is required.'),
            parent=describe(parent),
            name=name,
        )
    return Text(values)


def grouped_texts(parent: etree._Element, name: str, problems: Problems) -> tuple[Text, ...]:
    """Repeated texts such as hints: the n-th Welsh <name> translates the n-th English one."""
    by_lang: dict[str, list[str]] = {}
    for child in parent.findall(name):
        lang = child.get("lang", "")
        if not known_lang(child, problems):
            continue
        text = one_line(child.text)
        if not text:
            problems.add(
                child,
                _("<{name}> is empty"),
                _("write the {name}, or remove the element."),
                name=name,
            )
        by_lang.setdefault(lang, []).append(text)
    english = by_lang.get("en", [])
    for lang, values in by_lang.items():
        if len(values) > len(english):
            problems.add(
                parent,
                _('{parent} has more <{name} lang="{lang}"> than English ones'),
                _("give each {name} in English; translations pair with them in order."),
                parent=describe(parent),
                name=name,
                lang=lang,
            )
    return tuple(
        Text({lang: values[n] for lang, values in by_lang.items() if n < len(values)})
        for n in range(len(english))
    )


TOKEN = re.compile(r"[a-z][a-z0-9_]*\Z")
ITEM_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")
VERSION = re.compile(r"[0-9]+(\.[0-9]+)*\Z")
