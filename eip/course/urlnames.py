"""Stable url_names for the built course, from section, unit and assessment names.

Section and unit slugs hold only [a-z0-9-], so joining them with "_" and marking the
structural elements with "__" can never make two elements share a name. Numbers are left
out: renumbering a unit does not change its blocks' ids within a run.
"""

from __future__ import annotations

from .model import Section, Unit


def chapter(section: Section) -> str:
    return section.slug


def sequential(section: Section) -> str:
    return f"{section.slug}__seq"


def intro(section: Section) -> str:
    return f"{section.slug}__intro"


def intro_text(section: Section) -> str:
    return f"{section.slug}__intro__text"


def vertical(section: Section, unit: Unit) -> str:
    return f"{section.slug}_{unit.slug}"


def text(section: Section, unit: Unit, number: int) -> str:
    return f"{section.slug}_{unit.slug}__text{number}"


def block(section: Section, unit: Unit, slug: str, repeat: int = 1) -> str:
    name = f"{section.slug}_{unit.slug}_{slug}"
    return name if repeat == 1 else f"{name}__{repeat}"
