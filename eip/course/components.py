"""What each vertical of a built course holds, shared by `eip build` and the workbench preview.

A unit is its prose as `html` components and its assessments as our blocks, in file order;
a section starts with an introduction vertical that states its outcomes and time.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from . import urlnames
from .assessments import Assessment
from .loader import LoadedVersion
from .model import Prose, Reference, Section, Unit
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


def about_html(
    title_cy: str,
    minutes: int | None,
    outcomes: tuple[str, ...],
    outcomes_cy: tuple[str, ...],
    *,
    lead: str,
) -> str:
    """Welsh title, time and outcomes, as shown at the top of a section or unit."""
    parts = []
    if title_cy:
        parts.append(f'<p class="eip-title-cy" lang="cy">{escape(title_cy)}</p>')
    if minutes:
        parts.append(f'<p class="eip-minutes">About {minutes} minutes</p>')
    if outcomes:
        parts.append(f'<p class="eip-outcomes-lead">{escape(lead)}</p>{_items(outcomes)}')
    if outcomes_cy:
        parts.append(_items(outcomes_cy, "cy"))
    return "\n".join(parts)


def _markdown_html(prose: Prose) -> str:
    return inner_html(render(prose.markdown))


def section_intro(section: Section) -> VerticalContent:
    about = about_html(
        section.title_cy,
        section.total_minutes or None,
        section.outcomes,
        section.outcomes_cy,
        lead="By the end of this section you will be able to:",
    )
    html = "\n".join(part for part in (about, _markdown_html(section.intro)) if part)
    text = Text(urlnames.intro_text(section), f"{section.title}: introduction", html)
    return VerticalContent(urlnames.intro(section), "About this section", (text,))


def unit_content(loaded: LoadedVersion, section: Section, unit: Unit) -> VerticalContent:
    components: list[Component] = []
    about = about_html(
        unit.title_cy, unit.minutes, unit.outcomes, unit.outcomes_cy, lead="In this unit you will:"
    )
    pending = [about] if about else []
    repeats: dict[str, int] = {}
    count = 0

    def flush() -> None:
        nonlocal count, pending
        if pending:
            count += 1
            display = unit.title if count == 1 else f"{unit.title} ({count})"
            components.append(
                Text(urlnames.text(section, unit, count), display, "\n".join(pending))
            )
            pending = []

    for part in unit.parts:
        if isinstance(part, Prose):
            pending.append(_markdown_html(part))
            continue
        assessment = loaded.assessment(unit, part)
        flush()
        if assessment is None:
            components.append(Unplaced(part))
            continue
        repeats[assessment.slug] = repeats.get(assessment.slug, 0) + 1
        name = urlnames.block(section, unit, assessment.slug, repeats[assessment.slug])
        components.append(Block(name, assessment))
    flush()
    return VerticalContent(
        urlnames.vertical(section, unit), unit.title, tuple(components), unit=unit
    )


def section_verticals(loaded: LoadedVersion, section: Section) -> list[VerticalContent]:
    return [section_intro(section)] + [
        unit_content(loaded, section, unit) for unit in section.units
    ]
