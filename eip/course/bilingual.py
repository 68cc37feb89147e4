"""The fixed words a built page adds to what authors wrote, in English and Welsh, and the
language regions of a page that has Welsh prose.

A bilingual page shows the Welsh first (Welsh is not to be treated less favourably than
English), then the English, each in its own region marked with its `lang`, labelled with the
language's name and linking to the other language. These words are part of the course
content, like the authored prose: a bilingual page carries both languages whatever language
the build runs in, so they are kept here rather than looked up in a gettext catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .model import WELSH

ENGLISH = "en"
ORDER = (WELSH, ENGLISH)  # the order of the regions on a page


@dataclass(frozen=True)
class Words:
    name: str  # the language's own name: the label of its region
    read_in: str  # the link to this language's region from the other region
    section_lead: str  # before a section's outcomes
    unit_lead: str  # before a unit's outcomes
    minute: str  # "About 1 minute"
    minutes: str  # "About {n} minutes"
    two_minutes: str = ""  # where two takes its own form (Welsh: "Tua 2 funud")

    def time(self, minutes: int) -> str:
        if minutes == 1:
            return self.minute
        if minutes == 2 and self.two_minutes:
            return self.two_minutes
        return self.minutes.format(n=minutes)


WORDS = {
    ENGLISH: Words(
        name="English",
        read_in="Read in English",
        section_lead="By the end of this section you will be able to:",
        unit_lead="In this unit you will:",
        minute="About 1 minute",
        minutes="About {n} minutes",
    ),
    WELSH: Words(
        name="Cymraeg",
        read_in="Darllen yn Gymraeg",
        section_lead="Erbyn diwedd yr adran hon, byddwch yn gallu:",
        unit_lead="Yn yr uned hon, byddwch yn:",
        minute="Tua 1 munud",
        minutes="Tua {n} munud",
        two_minutes="Tua 2 funud",
    ),
}


def region_id(anchor: str, lang: str) -> str:
    return f"{anchor}-{lang}"


def _region(anchor: str, lang: str, html: str, others: list[str]) -> str:
    label = region_id(anchor, lang) + "-label"
    links = " ".join(
        f'<a class="eip-language-switch" href="#{region_id(anchor, other)}" lang="{other}" '
        f'hreflang="{other}">{escape(WORDS[other].read_in)}</a>'
        for other in others
    )
    # A group, not a landmark: a page can hold several texts, each with its two languages.
    return (
        f'<div class="eip-language" id="{region_id(anchor, lang)}" lang="{lang}" role="group" '
        f'aria-labelledby="{label}">\n'
        f'<p class="eip-language-bar"><span class="eip-language-label" id="{label}">'
        f"{escape(WORDS[lang].name)}</span> {links}</p>\n"
        f"{html}\n</div>"
    )


def regions(anchor: str, texts: dict[str, str]) -> str:
    """`texts` ({language: HTML}) as one page: a region per language, Welsh first.

    `anchor` makes the regions' ids (`<anchor>-cy`, `<anchor>-en`), so it must be unique on
    the page (a component's url_name). English alone is returned as it is, as on a page
    without Welsh; Welsh alone is marked as Welsh.
    """
    present = [lang for lang in ORDER if texts.get(lang, "").strip()]
    if not present:
        return ""
    if present == [ENGLISH]:
        return texts[ENGLISH]
    if len(present) == 1:
        return f'<div lang="{present[0]}">\n{texts[present[0]]}\n</div>'
    parts = [
        _region(anchor, lang, texts[lang], [other for other in present if other != lang])
        for lang in present
    ]
    return '<div class="eip-languages">\n' + "\n".join(parts) + "\n</div>"
