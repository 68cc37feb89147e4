"""A course and its versions as read from `courses/<slug>/`: plain data, no I/O."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

APPRAISAL = "appraisal"
CASE_STUDY = "case-study"
TRACKER = "competency-tracker"
REFERENCE_KINDS = (APPRAISAL, CASE_STUDY, TRACKER)


@dataclass(frozen=True)
class Release:
    version: str
    date: datetime.date | None
    hash: str
    line: int


@dataclass(frozen=True)
class Course:
    path: Path
    slug: str
    org: str
    code: str
    licence: str
    languages: tuple[str, ...]
    framework: str
    title: dict[str, str]
    partners: tuple[dict[str, str], ...] = ()
    authors: tuple[dict[str, str], ...] = ()
    releases: tuple[Release, ...] = ()

    @property
    def toml_path(self) -> Path:
        return self.path / "course.toml"

    def release(self, version: str) -> Release | None:
        return next((item for item in self.releases if item.version == version), None)

    def course_id(self, version: str) -> str:
        return f"course-v1:{self.org}+{self.code}+{version}"

    @property
    def welsh(self) -> bool:
        return "cy" in self.languages


@dataclass(frozen=True)
class Prose:
    """Markdown between references; `line` is where it starts in its file."""

    markdown: str
    line: int


@dataclass(frozen=True)
class Reference:
    """A `::: kind target` line placing an assessment in a unit."""

    kind: str
    target: str
    line: int


Part = Prose | Reference

WELSH = "cy"


@dataclass(frozen=True)
class Companion:
    """A page's Welsh prose, from the file beside it (`NN-slug.cy.md`, `section.cy.md`).

    Its `:::` lines match the English file's, so `parts` line up with the English parts.
    """

    path: Path
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Unit:
    path: Path
    name: str  # the file name without .md, e.g. "02-four-sources"
    slug: str  # the name without its number, e.g. "four-sources"
    title: str
    title_cy: str
    minutes: int | None
    outcomes: tuple[str, ...]
    outcomes_cy: tuple[str, ...]
    parts: tuple[Part, ...]
    welsh: Companion | None = None

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages of the unit's prose."""
        return ("en", WELSH) if self.welsh else ("en",)

    @property
    def references(self) -> tuple[Reference, ...]:
        return tuple(part for part in self.parts if isinstance(part, Reference))


@dataclass(frozen=True)
class Section:
    path: Path  # the folder
    name: str  # the folder name, e.g. "01-why-evidence-matters"
    slug: str
    title: str
    title_cy: str
    minutes: int | None
    outcomes: tuple[str, ...]
    outcomes_cy: tuple[str, ...]
    intro: Prose
    units: tuple[Unit, ...] = ()
    welsh: Companion | None = None

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages of the section's introduction."""
        return ("en", WELSH) if self.welsh else ("en",)

    @property
    def total_minutes(self) -> int:
        """The stated time, else the sum of the units' times."""
        if self.minutes is not None:
            return self.minutes
        return sum(unit.minutes or 0 for unit in self.units)


@dataclass(frozen=True)
class Version:
    course: Course
    path: Path
    version: str
    start: datetime.date
    end: datetime.date
    course_image: str  # relative to the version folder, e.g. "static/course-image.png"
    overview: dict[str, str]
    pass_mark: float = 0.5
    sections: tuple[Section, ...] = field(default=())

    @property
    def course_id(self) -> str:
        return self.course.course_id(self.version)

    @property
    def units(self) -> list[tuple[Section, Unit]]:
        return [(section, unit) for section in self.sections for unit in section.units]
