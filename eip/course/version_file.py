"""A version folder: `version.toml`, `static/`, and its sections and units in order."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from pathlib import Path

from eip.translation import _

from .companion import is_companion, orphans
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
        (_("{key} is missing") if value is None else _("{key} must be a date")).format(key=key),
        path=path,
        line=key_line(text, key),
        fix=_("Write {key} = 2027-01-04 (a date, no quotes).").format(key=key),
    )
    return datetime.date(2000, 1, 1)


def _settings(course: Course, folder: Path, problems: Problems) -> Version | None:
    path = folder / VERSION_FILE
    missing = (
        _("the version has no {file}").format(file=VERSION_FILE),
        _("Add {file} with start, end, course_image and [overview].").format(file=VERSION_FILE),
    )
    read = read_toml_file(path, problems, missing=missing)
    if read is None:
        return None
    text, data = read
    for key in data:
        if key not in KEYS:
            problems.add(
                _('unknown key "{key}"').format(key=key),
                path=path,
                line=key_line(text, key) or table_line(text, key),
                fix=_("Use only {keys}; check the spelling.").format(keys=", ".join(KEYS)),
            )
    start = _date(data, "start", text, path, problems)
    end = _date(data, "end", text, path, problems)
    if start >= end and "start" in data and "end" in data:
        problems.add(
            _("the course must end after it starts"),
            path=path,
            line=key_line(text, "end"),
            fix=_("Set end to a date after start."),
        )
    image = data.get("course_image")
    image_line = key_line(text, "course_image")
    if not isinstance(image, str) or not image.startswith(f"{STATIC}/"):
        problems.add(
            _("course_image must name an image in static/"),
            path=path,
            line=image_line,
            fix=_('Write course_image = "static/course-image.png" and put the image there.'),
        )
        image = ""
    elif not (folder / image).is_file() or Path(image).suffix.lower() not in IMAGE_TYPES:
        problems.add(
            _('the course image "{image}" is not a PNG, JPEG or SVG file in this version').format(
                image=image
            ),
            path=path,
            line=image_line,
            fix=_("Add the image at {path}, or correct the path.").format(
                path=shown_path(folder / image)
            ),
        )
    overview = data.get("overview")
    overview_line = table_line(text, "overview")
    overview = overview if isinstance(overview, dict) else {}
    for lang in ("en", "cy") if course.welsh else ("en",):
        value = overview.get(lang)
        if not isinstance(value, str) or not value.strip():
            problems.add(
                _("the overview has no Welsh text (cy)")
                if lang == "cy"
                else _("the overview has no English text (en)"),
                path=path,
                line=key_line(text, lang, "overview") or overview_line,
                fix=_('Add {lang} = "..." under [overview]: one or two sentences.').format(
                    lang=lang
                ),
            )
    pass_mark = data.get("pass_mark", 0.5)
    if isinstance(pass_mark, bool) or not isinstance(pass_mark, int | float):
        pass_mark = -1
    if not 0 < pass_mark <= 1:
        problems.add(
            _("pass_mark must be a number above 0 and at most 1"),
            path=path,
            line=key_line(text, "pass_mark"),
            fix=_("Write e.g. pass_mark = 0.5 (half the weighted score)."),
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
    problems.add(_('"{name}" does not belong here').format(name=entry.name), path=entry, fix=fix)


def read_version(course: Course, folder: Path, problems: Problems) -> Version | None:
    """The version in `folder`; every problem found is added to `problems`."""
    if not VERSION.fullmatch(folder.name):
        problems.add(
            _('"{name}" is not a version number').format(name=folder.name),
            path=folder,
            fix=_("Name version folders like 1.0 or 1.1."),
        )
        return None
    version = _settings(course, folder, problems)
    if version is None:
        return None
    entries = sorted(entry for entry in folder.iterdir() if not is_hidden(entry))
    folders = [entry for entry in entries if entry.is_dir() and entry.name != STATIC]
    for entry in entries:
        if entry.is_file() and entry.suffix == ".md":
            _unexpected(
                entry, problems, _("Put Markdown pages inside a section folder (NN-slug/).")
            )
    sections = []
    for section_folder in numbered(folders, problems, "section"):
        section = read_section(section_folder, problems, welsh=course.welsh)
        children = sorted(entry for entry in section_folder.iterdir() if not is_hidden(entry))
        for entry in children:
            if entry.is_dir() or entry.suffix != ".md":
                _unexpected(entry, problems, _("Put images and other files in the static/ folder."))
        unit_files = [entry for entry in children if entry.suffix == ".md" and entry.is_file()]
        orphans([entry for entry in unit_files if is_companion(entry)], problems)
        unit_files = [
            entry for entry in unit_files if entry.name != SECTION_FILE and not is_companion(entry)
        ]
        units = []
        for unit_file in numbered(unit_files, problems, "unit"):
            unit = read_unit(unit_file, problems, welsh=course.welsh)
            if unit is not None:
                units.append(unit)
        if not unit_files:
            problems.add(
                _("the section has no units"),
                path=section_folder,
                fix=_("Add a unit file such as 01-introduction.md."),
            )
        if section is not None:
            sections.append(replace(section, units=tuple(units)))
    if not sections:
        problems.add(
            _("the version has no sections"),
            path=folder,
            fix=_("Add a section folder such as 01-introduction/ with section.md and a unit."),
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
