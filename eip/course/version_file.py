"""A version folder: `version.toml`, `static/`, and its sections and units in order."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from pathlib import Path

from .course_file import VERSION
from .model import Course, Version
from .pages import SECTION_FILE, numbered, read_section, read_unit
from .problems import Problems, shown_path
from .tomltext import key_line, read_toml_file, table_line

VERSION_FILE = "version.toml"
STATIC = "static"
KEYS = ("start", "end", "course_image", "overview", "pass_mark")
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".svg")


def is_hidden(path: Path) -> bool:
    return path.name.startswith(".") or path.name == "__pycache__"


def _date(data: dict, key: str, text: str, path: Path, problems: Problems) -> datetime.date:
    value = data.get(key)
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    problems.add(
        f"{key} is missing" if value is None else f"{key} must be a date",
        path=path,
        line=key_line(text, key),
        fix=f"Write {key} = 2027-01-04 (a date, no quotes).",
    )
    return datetime.date(2000, 1, 1)


def _settings(course: Course, folder: Path, problems: Problems) -> Version | None:
    path = folder / VERSION_FILE
    if not path.is_file():
        problems.add(
            f"the version has no {VERSION_FILE}",
            path=folder,
            fix=f"Add {VERSION_FILE} with start, end, course_image and [overview].",
        )
        return None
    read = read_toml_file(path, problems)
    if read is None:
        return None
    text, data = read
    for key in data:
        if key not in KEYS:
            problems.add(
                f'unknown key "{key}"',
                path=path,
                line=key_line(text, key) or table_line(text, key),
                fix=f"Use only {', '.join(KEYS)}; check the spelling.",
            )
    start = _date(data, "start", text, path, problems)
    end = _date(data, "end", text, path, problems)
    if start >= end and "start" in data and "end" in data:
        problems.add(
            "the course must end after it starts",
            path=path,
            line=key_line(text, "end"),
            fix="Set end to a date after start.",
        )
    image = data.get("course_image")
    image_line = key_line(text, "course_image")
    if not isinstance(image, str) or not image.startswith(f"{STATIC}/"):
        problems.add(
            "course_image must name an image in static/",
            path=path,
            line=image_line,
            fix='Write course_image = "static/course-image.png" and put the image there.',
        )
        image = ""
    elif not (folder / image).is_file() or Path(image).suffix.lower() not in IMAGE_TYPES:
        problems.add(
            f'the course image "{image}" is not a PNG, JPEG or SVG file in this version',
            path=path,
            line=image_line,
            fix=f"Add the image at {shown_path(folder / image)}, or correct the path.",
        )
    overview = data.get("overview")
    overview_line = table_line(text, "overview")
    overview = overview if isinstance(overview, dict) else {}
    for lang in ("en", "cy") if course.welsh else ("en",):
        value = overview.get(lang)
        if not isinstance(value, str) or not value.strip():
            name = "Welsh" if lang == "cy" else "English"
            problems.add(
                f"the overview has no {name} text ({lang})",
                path=path,
                line=key_line(text, lang, "overview") or overview_line,
                fix=f'Add {lang} = "..." under [overview]: one or two sentences.',
            )
    pass_mark = data.get("pass_mark", 0.5)
    if isinstance(pass_mark, bool) or not isinstance(pass_mark, int | float):
        pass_mark = -1
    if not 0 < pass_mark <= 1:
        problems.add(
            "pass_mark must be a number above 0 and at most 1",
            path=path,
            line=key_line(text, "pass_mark"),
            fix="Write e.g. pass_mark = 0.5 (half the weighted score).",
        )
        pass_mark = 0.5
    return Version(
        course=course,
        path=folder,
        version=folder.name,
        start=start,
        end=end,
        course_image=image or "",
        overview={k: v for k, v in overview.items() if isinstance(v, str)},
        pass_mark=float(pass_mark),
    )


def _unexpected(entry: Path, problems: Problems, fix: str) -> None:
    problems.add(f'"{entry.name}" does not belong here', path=entry, fix=fix)


def read_version(course: Course, folder: Path, problems: Problems) -> Version | None:
    """The version in `folder`; every problem found is added to `problems`."""
    if not VERSION.fullmatch(folder.name):
        problems.add(
            f'"{folder.name}" is not a version number',
            path=folder,
            fix="Name version folders like 1.0 or 1.1.",
        )
        return None
    version = _settings(course, folder, problems)
    if version is None:
        return None
    entries = sorted(entry for entry in folder.iterdir() if not is_hidden(entry))
    folders = [entry for entry in entries if entry.is_dir() and entry.name != STATIC]
    for entry in entries:
        if entry.is_file() and entry.suffix == ".md":
            _unexpected(entry, problems, "Put Markdown pages inside a section folder (NN-slug/).")
    sections = []
    for section_folder in numbered(folders, problems, "section"):
        section = read_section(section_folder, problems, welsh=course.welsh)
        children = sorted(entry for entry in section_folder.iterdir() if not is_hidden(entry))
        for entry in children:
            if entry.is_dir() or entry.suffix != ".md":
                _unexpected(entry, problems, "Put images and other files in the static/ folder.")
        unit_files = [entry for entry in children if entry.suffix == ".md" and entry.is_file()]
        unit_files = [entry for entry in unit_files if entry.name != SECTION_FILE]
        units = []
        for unit_file in numbered(unit_files, problems, "unit"):
            unit = read_unit(unit_file, problems, welsh=course.welsh)
            if unit is not None:
                units.append(unit)
        if not unit_files:
            problems.add(
                "the section has no units",
                path=section_folder,
                fix="Add a unit file such as 01-introduction.md.",
            )
        if section is not None:
            sections.append(replace(section, units=tuple(units)))
    if not sections:
        problems.add(
            "the version has no sections",
            path=folder,
            fix="Add a section folder such as 01-introduction/ with section.md and a unit.",
        )
    return replace(version, sections=tuple(sections))


def version_folders(course_folder: Path) -> list[Path]:
    """The version folders of a course, oldest first (by version number)."""
    found = [
        entry
        for entry in course_folder.iterdir()
        if entry.is_dir() and VERSION.fullmatch(entry.name)
    ]
    return sorted(found, key=lambda entry: version_key(entry.name))


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))
