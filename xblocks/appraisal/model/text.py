"""Bilingual text: one string per language, English always present."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from xblocks.core.language import DEFAULT_LANGUAGE, pick

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
