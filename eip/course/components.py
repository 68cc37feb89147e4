"""What each vertical of a built course holds, shared by `eip build` and the workbench preview.

A unit is its prose as `html` components and its assessments as our blocks, in file order;
a section starts with an introduction vertical that states its outcomes and time.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from . import urlnames
from .assessments import Assessment
from .bilingual import ENGLISH, WORDS, regions
from .body import gaps
from .loader import LoadedVersion
from .model import WELSH, Prose, Reference, Section, Unit
from .prose import inner_html, render


@dataclass(frozen=True)
class Text:
    url_name: str
    display_name: str
    html: str  # cleaned HTML; links into static/ still as authored


@dataclass(frozen=True)
class Block:
    url_name: str
    assessment: Assessment


@dataclass(frozen=True)
class Unplaced:
    """A reference whose assessment could not be loaded (only in a version with problems,
    which is never built; the workbench preview says so where it would be)."""

    reference: Reference


Component = Text | Block | Unplaced


@dataclass(frozen=True)
class VerticalContent:
    url_name: str
    display_name: str
    components: tuple[Component, ...]
    unit: Unit | None = None  # None for the section's introduction


def _items(sentences: tuple[str, ...], lang: str | None = None) -> str:
    attribute = f' lang="{lang}"' if lang else ""
    items = "".join(f"<li>{escape(sentence)}</li>" for sentence in sentences)
    return f"<ul{attribute}>{items}</ul>"


def about_in(
    lang: str, title: str, minutes: int | None, outcomes: tuple[str, ...], *, section: bool
) -> str:
    """The top of a page's region in `lang` (on a page with Welsh prose): its title in that
    language if given, time and outcomes, with the fixed words in that language."""
    words = WORDS[lang]
    parts = []
    if title:
        parts.append(f'<p class="eip-title-{lang}">{escape(title)}</p>')
    if minutes:
        parts.append(f'<p class="eip-minutes">{escape(words.time(minutes))}</p>')
    if outcomes:
        lead = words.section_lead if section else words.unit_lead
        parts.append(f'<p class="eip-outcomes-lead">{escape(lead)}</p>{_items(outcomes)}')
    return "\n".join(parts)


def about_html(
    title_cy: str,
    minutes: int | None,
    outcomes: tuple[str, ...],
    outcomes_cy: tuple[str, ...],
    *,
    section: bool,
) -> str:
    """The top of a page without Welsh prose: the English top with the Welsh title before it
    and the Welsh outcomes after it, each marked as Welsh."""
    return _joined(
        f'<p class="eip-title-cy" lang="cy">{escape(title_cy)}</p>' if title_cy else "",
        about_in(ENGLISH, "", minutes, outcomes, section=section),
        _items(outcomes_cy, WELSH) if outcomes_cy else "",
    )


def _markdown_html(prose: Prose | None) -> str:
    return inner_html(render(prose.markdown)) if prose is not None else ""


def _joined(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _page_html(
    page: Section | Unit,
    anchor: str,
    english: Prose | None,
    welsh: Prose | None,
    *,
    first: bool,
    section: bool,
) -> str:
    """The HTML of one stretch of a page's prose (with the page's title, time and outcomes
    before the first): in Welsh and English if the page has Welsh prose."""
    minutes = (page.total_minutes or None) if isinstance(page, Section) else page.minutes
    if page.welsh is None:
        about = about_html(page.title_cy, minutes, page.outcomes, page.outcomes_cy, section=section)
        return _joined(about if first else "", _markdown_html(english))
    texts = {
        WELSH: _joined(
            about_in(WELSH, page.title_cy, minutes, page.outcomes_cy, section=section)
            if first
            else "",
            _markdown_html(welsh),
        ),
        ENGLISH: _joined(
            about_in(ENGLISH, "", minutes, page.outcomes, section=section) if first else "",
            _markdown_html(english),
        ),
    }
    return regions(anchor, texts)


def section_intro(section: Section) -> VerticalContent:
    anchor = urlnames.intro_text(section)
    welsh = gaps(section.welsh.parts)[0] if section.welsh else None
    html = _page_html(section, anchor, section.intro, welsh, first=True, section=True)
    text = Text(anchor, f"{section.title}: introduction", html)
    return VerticalContent(urlnames.intro(section), "About this section", (text,))


def unit_content(loaded: LoadedVersion, section: Section, unit: Unit) -> VerticalContent:
    components: list[Component] = []
    repeats: dict[str, int] = {}
    count = 0
    # The Welsh prose lines up with the English between the same ::: lines (checked when
    # read); a preview of a version with problems shows what lines up.
    welsh = gaps(unit.welsh.parts) if unit.welsh else []
    references = unit.references
    for index, english in enumerate(gaps(unit.parts)):
        anchor = urlnames.text(section, unit, count + 1)
        theirs = welsh[index] if index < len(welsh) else None
        html = _page_html(unit, anchor, english, theirs, first=index == 0, section=False)
        if html:
            count += 1
            display = unit.title if count == 1 else f"{unit.title} ({count})"
            components.append(Text(anchor, display, html))
        if index == len(references):
            break
        part = references[index]
        assessment = loaded.assessment(unit, part)
        if assessment is None:
            components.append(Unplaced(part))
            continue
        repeats[assessment.slug] = repeats.get(assessment.slug, 0) + 1
        name = urlnames.block(section, unit, assessment.slug, repeats[assessment.slug])
        components.append(Block(name, assessment))
    return VerticalContent(
        urlnames.vertical(section, unit), unit.title, tuple(components), unit=unit
    )


def section_verticals(loaded: LoadedVersion, section: Section) -> list[VerticalContent]:
    return [section_intro(section)] + [
        unit_content(loaded, section, unit) for unit in section.units
    ]
