"""The language of each text a block shows, and when the page must say so.

A block speaks the learner's language (`en` or `cy`), but not everything in it is in that
language: instruments and the competency framework carry Welsh beside English, one text at
a time, with English where a text has no translation yet; exercises and case studies are
written in English only. WCAG 2.2 (3.1.1 Language of Page, 3.1.2 Language of Parts) asks the
page to declare its language and to mark every part that is in another one, so that screen
readers pronounce it properly.

- `BlockLanguage(code)` is the block's language; its root element declares it (`lang`).
- `BlockLanguage.show(text)` picks the text to show from a multilingual text (the models'
  `Text`, or a mapping of language to string) and returns it as a `Shown`: a `str` that also
  knows the language it is actually in.
- `BlockLanguage.english(text)` is authored text that exists in English only.
- `BlockLanguage.phrase(template, **values)` is a sentence of the interface with authored
  values in it, as a `Phrase`: a `str` that knows which of its pieces are in which language.
- Templates mark the parts with the `eip_lang` filters (`xblocks.core.language_tags`);
  scripts receive `as_json()` pieces and mark the elements they create.

Nothing here imports Django, so the models and `eip` can use it too.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

DEFAULT_LANGUAGE = "en"


def primary_language(code: str | None) -> str:
    """'cy-GB', 'cy_GB' and 'CY' all mean 'cy'; an empty code means English."""
    if not code:
        return DEFAULT_LANGUAGE
    return code.replace("_", "-").split("-", 1)[0].strip().lower() or DEFAULT_LANGUAGE


class Multilingual(Protocol):
    """What the models' `Text` is: one string per language code."""

    @property
    def values(self) -> Mapping[str, str]: ...


def pick(text: Multilingual | Mapping[str, str] | str | None, lang: str) -> tuple[str, str]:
    """(the string to show in `lang`, the language it is in), falling back per text.

    The order is the models' own (`Text.get`): the text in `lang`, else in English, else in
    whichever language it has. An empty string counts as missing. A plain `str` is authored
    English; None is an empty English text.
    """
    if text is None:
        return "", DEFAULT_LANGUAGE
    if isinstance(text, str):
        return text, DEFAULT_LANGUAGE
    values = text if isinstance(text, Mapping) else text.values
    wanted = primary_language(lang)
    by_language = {primary_language(code): value for code, value in values.items() if value}
    for code in (wanted, DEFAULT_LANGUAGE):
        if code in by_language:
            return by_language[code], code
    first = next(iter(by_language.items()), None)
    return ("", DEFAULT_LANGUAGE) if first is None else (first[1], first[0])


class Shown(str):
    """A text as shown in a block: the string itself, the language it is in (`lang`) and the
    block's language (`block_lang`). `foreign` says the page must mark it."""

    lang: str
    block_lang: str

    def __new__(cls, text: str, lang: str, block_lang: str) -> Shown:
        shown = super().__new__(cls, text)
        shown.lang = primary_language(lang)
        shown.block_lang = primary_language(block_lang)
        return shown

    @property
    def foreign(self) -> bool:
        """Is the text in a language other than the block's (so it needs its own `lang`)?"""
        return bool(str(self)) and self.lang != self.block_lang

    @property
    def pieces(self) -> tuple[tuple[str, str | None], ...]:
        """(text, language or None when it is the block's), as for a `Phrase`."""
        return ((str(self), self.lang if self.foreign else None),)

    def as_json(self) -> dict[str, str]:
        """For a script: {"text": ...}, with "lang" only when the script must set it."""
        return _piece_json(str(self), self.lang if self.foreign else None)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.lang, self.block_lang))

    def __repr__(self) -> str:
        return f"Shown({str(self)!r}, lang={self.lang!r}, block_lang={self.block_lang!r})"


class Phrase(str):
    """A sentence of the block's language with parts in another one, e.g. Welsh "Dewisoch:"
    and an English choice. As a `str` it is the plain sentence; `pieces` says which parts
    need their own `lang` (None: the block's language)."""

    pieces: tuple[tuple[str, str | None], ...]

    def __new__(cls, pieces: Iterable[tuple[str, str | None]]) -> Phrase:
        merged: list[tuple[str, str | None]] = []
        for text, lang in pieces:
            if not text:
                continue
            if merged and merged[-1][1] == lang:
                merged[-1] = (merged[-1][0] + text, lang)
            else:
                merged.append((text, lang))
        phrase = super().__new__(cls, "".join(text for text, _ in merged))
        phrase.pieces = tuple(merged)
        return phrase

    @property
    def foreign(self) -> bool:
        """Is the whole sentence in another language than the block's?"""
        return len(self.pieces) == 1 and self.pieces[0][1] is not None

    @property
    def lang(self) -> str | None:
        """The language of the whole sentence when it is one foreign piece, else None."""
        return self.pieces[0][1] if self.foreign else None

    def as_json(self) -> list[dict[str, str]]:
        """For a script: a list of {"text": ...}, with "lang" where the script must set it."""
        return [_piece_json(text, lang) for text, lang in self.pieces]

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.pieces,))

    def __repr__(self) -> str:
        return f"Phrase({self.pieces!r})"


def _piece_json(text: str, lang: str | None) -> dict[str, str]:
    return {"text": text} if lang is None else {"text": text, "lang": lang}


@dataclass(frozen=True)
class BlockLanguage:
    """The language a block is shown in (the learner's: "en" or "cy")."""

    code: str = DEFAULT_LANGUAGE

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", primary_language(self.code))

    def show(self, text: Multilingual | Mapping[str, str] | str | None) -> Shown:
        """The text in this language where it has one, else in English (per text)."""
        value, lang = pick(text, self.code)
        return Shown(value, lang, self.code)

    def english(self, text: str | None) -> Shown:
        """Authored text that is written in English only (a study, a case study)."""
        return Shown(text or "", DEFAULT_LANGUAGE, self.code)

    def own(self, text: str | None) -> Shown:
        """Text already in this language, e.g. from the interface catalogue."""
        return Shown(text or "", self.code, self.code)

    def translated(self, text: str | None, gettext: Callable[[str], str]) -> Shown:
        """An authored name that the catalogue may translate (a block's display name: the
        default "Case study" is in the catalogue, an author's own title is not). What the
        catalogue translates is in this language; what it leaves as it was is English."""
        text = text or ""
        result = gettext(text) if text else text
        if self.code == DEFAULT_LANGUAGE or result != text:
            return self.own(result)
        return self.english(text)

    def phrase(self, template: str, **values: Any) -> Phrase:
        """`template.format(**values)` as a `Phrase`: each `Shown` value in another language
        (and each foreign piece of a `Phrase` value) keeps its own language.

        Only named fields are allowed (`{title}`, `{count:d}`), as in the catalogues.
        """
        pieces: list[tuple[str, str | None]] = []
        formatter = string.Formatter()
        for literal, field, spec, conversion in formatter.parse(template):
            pieces.append((literal, None))
            if field is None:
                continue
            if not field or field.isdigit():
                raise ValueError(
                    f"{template!r}: positional field {{{field}}}; name every field, e.g. "
                    "{title}, so that translations can reorder them."
                )
            value = formatter.get_field(field, (), values)[0]
            if conversion:
                value = formatter.convert_field(value, conversion)
            pieces.extend(self._pieces_of(value, spec or ""))
        return Phrase(pieces)

    def _pieces_of(self, value: Any, spec: str) -> list[tuple[str, str | None]]:
        if isinstance(value, Shown) and not spec:
            return [(str(value), value.lang if value.lang != self.code else None)]
        if isinstance(value, Phrase) and not spec:
            return [(text, None if lang == self.code else lang) for text, lang in value.pieces]
        return [(format(value, spec), None)]


_FIRST_TAG = re.compile(r"^(\s*<[A-Za-z][\w:-]*)((?:\s[^<>]*?)?)(/?>)")


def declare_lang(html: str, lang: str) -> str:
    """`html` with `lang` declared on its first element, for markup rendered by someone
    else's template (XBlock's settings editor); an element that declares one keeps it."""
    match = _FIRST_TAG.match(html)
    if match is None or re.search(r"\slang\s*=", match.group(2)):
        return html
    code = primary_language(lang)
    return f'{match.group(1)}{match.group(2)} lang="{code}"{match.group(3)}{html[match.end() :]}'
