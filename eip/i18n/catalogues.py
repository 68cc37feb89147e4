"""Which gettext catalogues the project keeps, where, and how their strings are found.

Each catalogue has an English source file (`en/LC_MESSAGES/<domain>.po`, the extraction
template: message ids, no translations) and one `.po` and compiled `.mo` per other language.
The blocks' catalogue sits where the Open edX LMS looks for a pip-installed XBlock's own
translations: `<top-level package>/translations/<locale>/LC_MESSAGES/text.mo` (see
docs/translations.md).
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from eip.translation import LANGUAGES, NAMES, SOURCE

PROJECT = "Evidence in Practice"
SOURCE_LANGUAGE = SOURCE
DJANGO_TEMPLATES = "eip.i18n.django_templates:extract_django"
# `# Translators: ...` comments above a marked string reach the .po files.
COMMENT_TAGS = ("Translators:",)
TEAMS = {**NAMES, SOURCE: f"{NAMES[SOURCE]} (source)"}


@dataclass(frozen=True)
class CatalogueSpec:
    """One catalogue: the folders scanned for marked strings and where its files live."""

    name: str
    folder: str  # relative to the repository, holds <locale>/LC_MESSAGES/<domain>.po
    domain: str
    sources: tuple[str, ...]  # folders scanned, relative to the repository
    method_map: tuple[tuple[str, str], ...]
    languages: tuple[str, ...] = tuple(code for code in LANGUAGES if code != SOURCE)
    # `s("...")` is the competency tracker's shorthand for gettext; `_n(singular, plural)`
    # marks a pair that ngettext chooses from later.
    keywords: dict = field(default_factory=lambda: {**DEFAULT_KEYWORDS, "s": None, "_n": (1, 2)})

    def po_path(self, root: Path, language: str) -> Path:
        return root / self.folder / language / "LC_MESSAGES" / f"{self.domain}.po"

    def mo_path(self, root: Path, language: str) -> Path:
        return self.po_path(root, language).with_suffix(".mo")


CATALOGUES = (
    # The three blocks (and what they share): one catalogue, because the LMS loads it by the
    # blocks' top-level package, which all three share.
    CatalogueSpec(
        name="blocks",
        folder="xblocks/translations",
        domain="text",
        sources=("xblocks",),
        method_map=(
            ("translations/**", "ignore"),
            ("**.py", "python"),
            ("**/templates/**.html", DJANGO_TEMPLATES),
        ),
    ),
    # The workbench's own page around the blocks (`eip serve`), loaded by Django itself.
    CatalogueSpec(
        name="workbench",
        folder="eip/workbench/translations",
        domain="django",
        sources=("eip/workbench",),
        method_map=(("templates/**.html", DJANGO_TEMPLATES),),
    ),
    # The `eip` command: what trainers read from check, build, diff, release and new, and
    # every word of the managers' report (eip/report/strings.py). Read at run time by
    # `eip.translation` (`N_()` and `Nn_()` mark strings translated where they are shown).
    CatalogueSpec(
        name="eip",
        folder="eip/translations",
        domain="eip",
        sources=("eip",),
        method_map=(
            ("workbench/**", "ignore"),
            ("tutor/**", "ignore"),
            ("i18n/**", "ignore"),
            ("translations/**", "ignore"),
            ("**.py", "python"),
        ),
        keywords={**DEFAULT_KEYWORDS, "Nn_": (1, 2)},
    ),
)


def new_catalogue(spec: CatalogueSpec, language: str) -> Catalog:
    return Catalog(
        locale=language,
        domain=spec.domain,
        project=PROJECT,
        version=spec.name,
        last_translator=f"{PROJECT} translators",
        language_team=TEAMS.get(language, language),
        header_comment=(
            f"# {PROJECT}: {spec.name} interface strings ({language}).\n"
            "# This file is distributed under the same licence as the project.\n#"
        ),
        fuzzy=False,
    )


def _extracted(root: Path, spec: CatalogueSpec) -> Iterator[tuple]:
    for source in spec.sources:
        for filename, lineno, message, comments, context in extract_from_dir(
            root / source,
            method_map=spec.method_map,
            keywords=spec.keywords,
            comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
        ):
            parts = message if isinstance(message, tuple) else (message,)
            if not parts[0] or any(part is None for part in parts):
                continue  # a call whose message is not a literal: marked where it is defined
            yield f"{source}/{filename}", lineno, message, comments, context


def extract(root: Path, spec: CatalogueSpec) -> Catalog:
    """Every marked string of the catalogue's sources, in the source language."""
    catalog = new_catalogue(spec, SOURCE_LANGUAGE)
    for path, lineno, message, comments, context in _extracted(root, spec):
        catalog.add(
            message,
            None,
            locations=[(path, lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def read_catalogue(path: Path, language: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def compile_mo(catalog: Catalog) -> bytes:
    """The catalogue compiled (fuzzy and untranslated entries left out, as msgfmt does)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def mo_messages(data: bytes) -> dict:
    """What gettext reads from compiled `data`: msgid (or (msgid, n)) -> translation."""
    translations = gettext.GNUTranslations(io.BytesIO(data))
    return {key: value for key, value in translations._catalog.items() if key != ""}
