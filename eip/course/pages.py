"""Section and unit files: front matter checked key by key, the body split into parts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from xblocks.core.xml import OLXError

from .body import split_body
from .frontmatter import FrontMatter, read_front_matter
from .model import Prose, Section, Unit
from .problems import Problems, shown_path

NAME = re.compile(r"(\d+)-([a-z0-9][a-z0-9-]*)")
SECTION_FILE = "section.md"
KEYS = ("title", "title_cy", "minutes", "outcomes", "outcomes_cy")
_LIST_FIX = 'Write a list of quoted sentences: outcomes = ["First outcome", "Second outcome"]'


class _Reader:
    """Reads one page's front matter, recording each problem with its line."""

    def __init__(self, page: FrontMatter, path: Path, problems: Problems) -> None:
        self.page = page
        self.path = path
        self.problems = problems

    def problem(self, key: str, message: str, fix: str) -> None:
        self.problems.add(message, path=self.path, line=self.page.line_of(key), fix=fix)

    def text(self, key: str, *, required: bool, why: str = "") -> str:
        value = self.page.meta.get(key)
        if value is None:
            if required:
                # Said at the title, where the missing line belongs.
                self.problems.add(
                    f"{key} is missing{why}",
                    path=self.path,
                    line=self.page.line_of("title"),
                    fix=f'Add a line: {key} = "..."'
                    if key == "title"
                    else f'Add a line after the title: {key} = "..."',
                )
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem(key, f"{key} must be non-empty text", f'Write {key} = "..."')
            return ""
        return value.strip()

    def minutes(self) -> int | None:
        value = self.page.meta.get("minutes")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            self.problem(
                "minutes",
                "minutes must be a whole number of minutes above 0",
                "Write e.g. minutes = 25 (no quotes).",
            )
            return None
        return value

    def sentences(self, key: str, *, required: bool) -> tuple[str, ...]:
        value = self.page.meta.get(key)
        if value is None:
            if required:
                self.problem(key, f"{key} is missing: a section states its outcomes", _LIST_FIX)
            return ()
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(item, str) and item.strip() for item in value)
        ):
            self.problem(key, f"{key} must be a non-empty list of sentences", _LIST_FIX)
            return ()
        return tuple(item.strip() for item in value)

    def unknown_keys(self) -> None:
        for key in self.page.meta:
            if key not in KEYS:
                self.problem(
                    key,
                    f'unknown front-matter key "{key}"',
                    f"Use only {', '.join(KEYS)}; check the spelling.",
                )


def _read(path: Path, problems: Problems) -> FrontMatter | None:
    source = shown_path(path)
    try:
        return read_front_matter(path.read_text(encoding="utf-8"), source=source)
    except UnicodeDecodeError:
        problems.add("the file is not UTF-8 text", path=path, fix="Save the file as UTF-8.")
    except OLXError as error:
        problems.add_error(error)
    return None


def _common(
    page: FrontMatter, path: Path, name: str, problems: Problems, welsh: bool, section: bool
) -> dict[str, Any]:
    """The fields a section and a unit share: their name and slug, and their front matter."""
    reader = _Reader(page, path, problems)
    reader.unknown_keys()
    why = ': the Welsh title (course.toml languages include "cy")'
    match = NAME.fullmatch(name)
    return {
        "name": name,
        "slug": match.group(2) if match else name,
        "title": reader.text("title", required=True),
        "title_cy": reader.text("title_cy", required=welsh, why=why),
        "minutes": reader.minutes(),
        "outcomes": reader.sentences("outcomes", required=section),
        "outcomes_cy": reader.sentences("outcomes_cy", required=False),
    }


def read_section(folder: Path, problems: Problems, *, welsh: bool) -> Section | None:
    """The section in `folder` without its units (None if section.md cannot be read)."""
    path = folder / SECTION_FILE
    if not path.is_file():
        problems.add(
            f"the section has no {SECTION_FILE}",
            path=folder,
            fix=f"Add {SECTION_FILE} with front matter (title, outcomes, minutes) and an "
            "introduction.",
        )
        return None
    page = _read(path, problems)
    if page is None:
        return None
    common = _common(page, path, folder.name, problems, welsh, True)
    parts, errors = split_body(page.body, first_line=page.body_line, source=shown_path(path))
    problems.extend(errors)
    if any(not isinstance(part, Prose) for part in parts):
        problems.add(
            "assessments go in units, not in section.md",
            path=path,
            line=next(part.line for part in parts if not isinstance(part, Prose)),
            fix="Move the ::: line into one of the section's unit files.",
        )
    return Section(path=folder, **common, intro=Prose(markdown=page.body, line=page.body_line))


def read_unit(path: Path, problems: Problems, *, welsh: bool) -> Unit | None:
    page = _read(path, problems)
    if page is None:
        return None
    common = _common(page, path, path.stem, problems, welsh, False)
    parts, errors = split_body(page.body, first_line=page.body_line, source=shown_path(path))
    problems.extend(errors)
    return Unit(path=path, **common, parts=tuple(parts))


def numbered(entries: list[Path], problems: Problems, what: str) -> list[Path]:
    """Entries named NN-slug, in order; misnamed and duplicate entries are problems."""
    good: list[tuple[int, str, Path]] = []
    for entry in entries:
        stem = entry.stem if entry.is_file() else entry.name
        match = NAME.fullmatch(stem)
        if not match:
            problems.add(
                f'"{entry.name}" is not named like a {what}',
                path=entry,
                fix=f"Name each {what} NN-slug (e.g. 01-why-evidence-matters): a number, a "
                "hyphen, then lowercase words joined by hyphens.",
            )
            continue
        good.append((int(match.group(1)), match.group(2), entry))
    good.sort(key=lambda item: (item[0], item[1]))
    seen_numbers: dict[int, Path] = {}
    seen_slugs: dict[str, Path] = {}
    for number, slug, entry in good:
        if number in seen_numbers:
            problems.add(
                f"two {what}s are numbered {number:02d}: {seen_numbers[number].name} and "
                f"{entry.name}",
                path=entry,
                fix=f"Renumber the {what}s so that each number is used once.",
            )
        if slug in seen_slugs:
            problems.add(
                f'two {what}s are named "{slug}": {seen_slugs[slug].name} and {entry.name}',
                path=entry,
                fix=f"Give each {what} a different name after its number.",
            )
        seen_numbers.setdefault(number, entry)
        seen_slugs.setdefault(slug, entry)
    return [entry for _, _, entry in good]
