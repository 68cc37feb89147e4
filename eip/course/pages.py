"""Section and unit files: front matter checked key by key, the body split into parts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from eip.translation import N_, _
from xblocks.core.xml import OLXError

from .body import split_body
from .companion import no_references, read_companion
from .frontmatter import FrontMatter, read_front_matter
from .model import Companion, Prose, Section, Unit
from .problems import Problems, read_text, shown_path

NAME = re.compile(r"(\d+)-([a-z0-9][a-z0-9-]*)")
SECTION_FILE = "section.md"
KEYS = ("title", "title_cy", "minutes", "outcomes", "outcomes_cy")
_LIST_FIX = N_('Write a list of quoted sentences: outcomes = ["First outcome", "Second outcome"]')
# What `numbered` names: the word for one, and for several.
_WHAT = {"section": (N_("section"), N_("sections")), "unit": (N_("unit"), N_("units"))}


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
                    (why or _("{key} is missing")).format(key=key),
                    path=self.path,
                    line=self.page.line_of("title"),
                    fix=(
                        _('Add a line: {key} = "..."')
                        if key == "title"
                        else _('Add a line after the title: {key} = "..."')
                    ).format(key=key),
                )
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem(
                key,
                _("{key} must be non-empty text").format(key=key),
                _('Write {key} = "..."').format(key=key),
            )
            return ""
        return value.strip()

    def minutes(self) -> int | None:
        value = self.page.meta.get("minutes")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            self.problem(
                "minutes",
                _("minutes must be a whole number of minutes above 0"),
                _("Write e.g. minutes = 25 (no quotes)."),
            )
            return None
        return value

    def sentences(self, key: str, *, required: bool) -> tuple[str, ...]:
        value = self.page.meta.get(key)
        if value is None:
            if required:
                self.problem(
                    key,
                    _("{key} is missing: a section states its outcomes").format(key=key),
                    _(_LIST_FIX),
                )
            return ()
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(item, str) and item.strip() for item in value)
        ):
            self.problem(
                key, _("{key} must be a non-empty list of sentences").format(key=key), _(_LIST_FIX)
            )
            return ()
        return tuple(item.strip() for item in value)

    def unknown_keys(self) -> None:
        for key in self.page.meta:
            if key not in KEYS:
                self.problem(
                    key,
                    _('unknown front-matter key "{key}"').format(key=key),
                    _("Use only {keys}; check the spelling.").format(keys=", ".join(KEYS)),
                )


def _read(
    path: Path, problems: Problems, *, missing: tuple[str, str] | None = None
) -> FrontMatter | None:
    text = read_text(path, problems, missing=missing)
    if text is None:
        return None
    try:
        return read_front_matter(text, source=shown_path(path))
    except OLXError as error:
        problems.add_error(error)
    return None


def _common(
    page: FrontMatter, path: Path, name: str, problems: Problems, welsh: bool, section: bool
) -> dict[str, Any]:
    """The fields a section and a unit share: their name and slug, and their front matter."""
    reader = _Reader(page, path, problems)
    reader.unknown_keys()
    why = _('{key} is missing: the Welsh title (course.toml languages include "cy")')
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


def _welsh_outcomes(
    page: FrontMatter, path: Path, common: dict[str, Any], companion: Companion | None,
    problems: Problems,
) -> None:  # fmt: skip
    """outcomes_cy is the same list as outcomes, and a page with Welsh prose has it."""
    outcomes, welsh = common["outcomes"], common["outcomes_cy"]
    if welsh and outcomes and len(welsh) != len(outcomes):
        problems.add(
            _("outcomes_cy has {welsh} sentences but outcomes has {english}").format(
                welsh=len(welsh), english=len(outcomes)
            ),
            path=path,
            line=page.line_of("outcomes_cy"),
            fix=_("Give each outcome its Welsh, in the same order as outcomes."),
        )
    if companion is not None and outcomes and not welsh and "outcomes_cy" not in page.meta:
        problems.add(
            _(
                "outcomes_cy is missing: the page has Welsh text ({file}), so its outcomes "
                "need their Welsh too"
            ).format(file=companion.path.name),
            path=path,
            line=page.line_of("outcomes"),
            fix=_(
                'Add outcomes_cy = ["...", ...] after outcomes: each outcome in Welsh, in the '
                "same order."
            ),
        )


def read_section(folder: Path, problems: Problems, *, welsh: bool) -> Section | None:
    """The section in `folder` without its units (None if section.md cannot be read)."""
    path = folder / SECTION_FILE
    missing = (
        _("the section has no {file}").format(file=SECTION_FILE),
        _("Add {file} with front matter (title, outcomes, minutes) and an introduction.").format(
            file=SECTION_FILE
        ),
    )
    page = _read(path, problems, missing=missing)
    if page is None:
        return None
    common = _common(page, path, folder.name, problems, welsh, True)
    parts, errors = split_body(page.body, first_line=page.body_line, source=shown_path(path))
    problems.extend(errors)
    no_references(parts, path, problems)
    intro = Prose(markdown=page.body, line=page.body_line)
    companion = read_companion(path, (intro,), problems, welsh=welsh, section=True)
    _welsh_outcomes(page, path, common, companion, problems)
    return Section(path=folder, **common, intro=intro, welsh=companion)


def read_unit(path: Path, problems: Problems, *, welsh: bool) -> Unit | None:
    page = _read(path, problems)
    if page is None:
        return None
    common = _common(page, path, path.stem, problems, welsh, False)
    parts, errors = split_body(page.body, first_line=page.body_line, source=shown_path(path))
    problems.extend(errors)
    companion = read_companion(path, tuple(parts), problems, welsh=welsh, section=False)
    _welsh_outcomes(page, path, common, companion, problems)
    return Unit(path=path, **common, parts=tuple(parts), welsh=companion)


def numbered(entries: list[Path], problems: Problems, what: str) -> list[Path]:
    """Entries named NN-slug, in order; misnamed and duplicate entries are problems."""
    one, several = (_(word) for word in _WHAT.get(what, (what, f"{what}s")))
    good: list[tuple[int, str, Path]] = []
    for entry in entries:
        stem = entry.stem if entry.is_file() else entry.name
        match = NAME.fullmatch(stem)
        if not match:
            problems.add(
                # Translators: {what} is "section" or "unit".
                _('"{name}" is not named like a {what}').format(name=entry.name, what=one),
                path=entry,
                fix=_(
                    "Name each {what} NN-slug (e.g. 01-why-evidence-matters): a number, a "
                    "hyphen, then lowercase words joined by hyphens."
                ).format(what=one),
            )
            continue
        good.append((int(match.group(1)), match.group(2), entry))
    good.sort(key=lambda item: (item[0], item[1]))
    seen_numbers: dict[int, Path] = {}
    seen_slugs: dict[str, Path] = {}
    for number, slug, entry in good:
        if number in seen_numbers:
            problems.add(
                # Translators: {what} is "sections" or "units".
                _("two {what} are numbered {number}: {first} and {second}").format(
                    what=several,
                    number=f"{number:02d}",
                    first=seen_numbers[number].name,
                    second=entry.name,
                ),
                path=entry,
                fix=_("Renumber the {what} so that each number is used once.").format(what=several),
            )
        if slug in seen_slugs:
            problems.add(
                _('two {what} are named "{slug}": {first} and {second}').format(
                    what=several, slug=slug, first=seen_slugs[slug].name, second=entry.name
                ),
                path=entry,
                fix=_("Give each {what} a different name after its number.").format(what=one),
            )
        seen_numbers.setdefault(number, entry)
        seen_slugs.setdefault(slug, entry)
    return [entry for _, _, entry in good]
