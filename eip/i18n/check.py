"""Is every catalogue complete and current? Each problem is a sentence naming the fix."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from eip.i18n.catalogues import (
    CATALOGUES,
    SOURCE_LANGUAGE,
    CatalogueSpec,
    compile_mo,
    extract,
    mo_messages,
    read_catalogue,
)

REFRESH = "run `make translations`"
# str.format fields ({name}) and Django/%-style named fields (%(name)s).
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)[sd]")


def message_ids(catalog: Catalog) -> set:
    return {message.id for message in catalog if message.id}


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text or ""))


def _forms(value: object) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)  # type: ignore[return-value]


def message_problems(message: Message, num_plurals: int) -> list[str]:
    """Untranslated, fuzzy, or placeholders that the translation changes."""
    name = repr(_forms(message.id)[0])
    problems = []
    if message.fuzzy:
        problems.append(f"{name} is marked fuzzy: check the translation and remove the flag")
    strings = _forms(message.string)
    if not all(strings) or (message.pluralizable and len(strings) != num_plurals):
        forms = " in every plural form" if message.pluralizable else ""
        problems.append(f"{name} is not translated{forms}")
        return problems
    wanted = set().union(*(placeholders(part) for part in _forms(message.id)))
    for text in strings:
        found = placeholders(text)
        if found - wanted or (not message.pluralizable and found != wanted):
            problems.append(f"{name}: the translation has {sorted(found)}, not {sorted(wanted)}")
            break
    return problems


def language_problems(root: Path, spec: CatalogueSpec, language: str, wanted: set) -> list[str]:
    path = spec.po_path(root, language)
    where = path.relative_to(root)
    if not path.exists():
        return [f"{where} is missing: {REFRESH}"]
    catalog = read_catalogue(path, language)
    problems = [f"{where}: {problem}" for problem in _catalogue_problems(catalog, wanted)]
    mo_path = spec.mo_path(root, language)
    if not mo_path.exists() or mo_messages(mo_path.read_bytes()) != mo_messages(
        compile_mo(catalog)
    ):
        problems.append(f"{mo_path.relative_to(root)} is not compiled from the .po: {REFRESH}")
    return problems


def _catalogue_problems(catalog: Catalog, wanted: set) -> list[str]:
    problems = []
    if catalog.fuzzy:
        problems.append("the header is marked fuzzy: remove the flag")
    for key in catalog.obsolete:
        problems.append(f"{_forms(key)[0]!r} is obsolete: delete the #~ entry")
    present = message_ids(catalog)
    for message_id in sorted(present - wanted, key=str):
        problems.append(f"{_forms(message_id)[0]!r} is no longer in the code: {REFRESH}")
    for message_id in sorted(wanted - present, key=str):
        problems.append(f"{_forms(message_id)[0]!r} is missing: {REFRESH}")
    for message in catalog:
        if message.id and message.id in wanted:
            problems += message_problems(message, catalog.num_plurals)
    return problems


def catalogue_problems(root: Path, spec: CatalogueSpec) -> list[str]:
    """Every problem of one catalogue against the code at `root`."""
    wanted = message_ids(extract(root, spec))
    source = spec.po_path(root, SOURCE_LANGUAGE)
    problems = []
    if not source.exists() or message_ids(read_catalogue(source, SOURCE_LANGUAGE)) != wanted:
        problems.append(f"{source.relative_to(root)} does not match the code: {REFRESH}")
    for language in spec.languages:
        problems += language_problems(root, spec, language, wanted)
    return problems


def problems(root: Path) -> list[str]:
    return [problem for spec in CATALOGUES for problem in catalogue_problems(root, spec)]
