"""`courses/<slug>/course.toml`: the course's identity, people and releases."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from eip.translation import _

from .model import Course, Release
from .problems import Problems
from .tomltext import array_key_line, key_line, read_toml_file, table_line

COURSE_FILE = "course.toml"
KEYS = (
    "slug", "org", "code", "licence", "languages", "framework", "title", "partners", "authors",
    "releases",
)  # fmt: skip
KEY_CHARS = re.compile(r"[A-Za-z0-9_.~-]+")
HASH = re.compile(r"sha256:[0-9a-f]{64}")
VERSION = re.compile(r"\d+(\.\d+)*")


class _Reader:
    def __init__(self, data: dict[str, Any], text: str, path: Path, problems: Problems) -> None:
        self.data = data
        self.text = text
        self.path = path
        self.problems = problems

    def problem(self, message: str, fix: str, line: int | None) -> None:
        self.problems.add(message, path=self.path, line=line, fix=fix)

    def text_value(self, key: str, *, pattern: re.Pattern[str] | None = None) -> str:
        value = self.data.get(key)
        line = key_line(self.text, key)
        if value is None:
            self.problem(
                _("{key} is missing").format(key=key),
                _('Add a line: {key} = "..."').format(key=key),
                None,
            )
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem(
                _("{key} must be non-empty text").format(key=key),
                _('Write {key} = "..."').format(key=key),
                line,
            )
            return ""
        if pattern and not pattern.fullmatch(value):
            self.problem(
                _('{key} "{value}" may only use letters, digits, ".", "_", "-" and "~"').format(
                    key=key, value=value
                ),
                _(
                    "Change {key} to use only those characters (it becomes part of the course id)."
                ).format(key=key),
                line,
            )
        return value

    def languages(self) -> tuple[str, ...]:
        value = self.data.get("languages", ["en"])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(
                _("languages must be a list of language codes"),
                _('Write languages = ["en", "cy"]'),
                key_line(self.text, "languages"),
            )
            return ("en",)
        if "en" not in value:
            self.problem(
                _('languages must include "en"'),
                _('Write languages = ["en"] or ["en", "cy"]'),
                key_line(self.text, "languages"),
            )
        return tuple(value)

    def title(self, welsh: bool) -> dict[str, str]:
        value = self.data.get("title")
        line = table_line(self.text, "title")
        if not isinstance(value, dict):
            self.problem(
                _("the course title is missing"),
                _('Add a [title] table with en = "..." (and cy = "..." for Welsh).'),
                line,
            )
            return {}
        titles = {lang: text for lang, text in value.items() if isinstance(text, str)}
        for lang in ("en", "cy") if welsh else ("en",):
            if not titles.get(lang, "").strip():
                self.problem(
                    _("the course title has no Welsh text (cy)")
                    if lang == "cy"
                    else _("the course title has no English text (en)"),
                    _('Add {lang} = "..." under [title].').format(lang=lang),
                    key_line(self.text, lang, "title") or line,
                )
        return titles

    def people(self, key: str, fields: tuple[str, ...]) -> tuple[dict[str, str], ...]:
        value = self.data.get(key, [])
        people = []
        for index, entry in enumerate(value if isinstance(value, list) else [None]):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                self.problem(
                    _("each [[{key}]] needs a name").format(key=key),
                    _('Write [[{key}]] then name = "..." and {field} = "..."').format(
                        key=key, field=fields[1]
                    ),
                    table_line(self.text, key, index),
                )
                continue
            people.append({field: str(entry.get(field, "")) for field in fields})
        return tuple(people)

    def releases(self) -> tuple[Release, ...]:
        value = self.data.get("releases", [])
        releases = []
        seen: set[str] = set()
        for index, entry in enumerate(value if isinstance(value, list) else [None]):
            line = table_line(self.text, "releases", index)
            fix = _("Let eip release write this entry: eip release courses/<slug>/<version>")
            if not isinstance(entry, dict):
                self.problem(_("a [[releases]] entry is not a table"), fix, line)
                continue
            version = entry.get("version")
            digest = entry.get("hash")
            date = entry.get("date")
            if not isinstance(version, str) or not VERSION.fullmatch(version):
                self.problem(_('a release needs its version, e.g. version = "1.0"'), fix, line)
                continue
            if not isinstance(digest, str) or not HASH.fullmatch(digest):
                self.problem(
                    _('release {version}: hash must be "sha256:" and 64 hex digits').format(
                        version=version
                    ),
                    fix,
                    array_key_line(self.text, "releases", index, "hash"),
                )
                continue
            if date is not None and not isinstance(date, datetime.date):
                self.problem(
                    _(
                        "release {version}: date must be a date such as 2026-11-27 (no quotes)"
                    ).format(version=version),
                    fix,
                    array_key_line(self.text, "releases", index, "date"),
                )
                date = None
            if version in seen:
                self.problem(
                    _("version {version} is released twice").format(version=version), fix, line
                )
            seen.add(version)
            releases.append(Release(version=version, date=date, hash=digest, line=line or 1))
        return tuple(releases)

    def unknown_keys(self) -> None:
        for key in self.data:
            if key not in KEYS:
                self.problem(
                    _('unknown key "{key}"').format(key=key),
                    _("Use only {keys}; check the spelling.").format(keys=", ".join(KEYS)),
                    key_line(self.text, key) or table_line(self.text, key),
                )


def read_course(folder: Path, problems: Problems) -> Course | None:
    """The course in `folder` (None if its course.toml is missing or not TOML)."""
    path = folder / COURSE_FILE
    missing = (
        _("no {file} in this course folder").format(file=COURSE_FILE),
        _("Create it with eip new course <slug>, or point at a folder that has a {file}.").format(
            file=COURSE_FILE
        ),
    )
    read = read_toml_file(path, problems, missing=missing)
    if read is None:
        return None
    text, data = read
    reader = _Reader(data, text, path, problems)
    reader.unknown_keys()
    slug = reader.text_value("slug")
    if slug and slug != folder.name:
        reader.problem(
            _('slug "{slug}" is not the folder name "{folder}"').format(
                slug=slug, folder=folder.name
            ),
            _("Make the slug and the folder name the same."),
            key_line(text, "slug"),
        )
    languages = reader.languages()
    return Course(
        path=folder,
        slug=slug or folder.name,
        org=reader.text_value("org", pattern=KEY_CHARS),
        code=reader.text_value("code", pattern=KEY_CHARS),
        licence=reader.text_value("licence"),
        languages=languages,
        framework=reader.text_value("framework"),
        title=reader.title("cy" in languages),
        partners=reader.people("partners", ("name", "role")),
        authors=reader.people("authors", ("name", "affiliation")),
        releases=reader.releases(),
    )
