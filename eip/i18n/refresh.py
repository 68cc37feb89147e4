"""Refresh the catalogues from the code: extract, merge into each language, compile.

New strings arrive untranslated; a string whose wording changed keeps its old translation
marked fuzzy (for the translator to check); strings gone from the code stay at the end of the
file as obsolete `#~` entries until the translator deletes them. The checks fail on all three,
so a refresh is finished only when the translator has dealt with each.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from eip.i18n.catalogues import (
    CATALOGUES,
    SOURCE_LANGUAGE,
    CatalogueSpec,
    compile_mo,
    extract,
    new_catalogue,
    read_catalogue,
)

# Lines that change on every extraction without anything else changing.
VOLATILE = (b'"POT-Creation-Date:', b'"Generated-By:')


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    # Without line numbers, a catalogue changes only when its strings do.
    write_po(buffer, catalog, include_lineno=False, include_previous=True)
    return buffer.getvalue()


def _stable(data: bytes) -> list[bytes]:
    return [line for line in data.splitlines() if not line.startswith(VOLATILE)]


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` unless the file already says the same; True if it was written."""
    if path.exists() and _stable(path.read_bytes()) == _stable(data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def refresh_catalogue(root: Path, spec: CatalogueSpec) -> list[Path]:
    """Refresh one catalogue's files; the ones written."""
    template = extract(root, spec)
    written = []
    source = spec.po_path(root, SOURCE_LANGUAGE)
    if write_if_changed(source, po_bytes(template)):
        written.append(source)
    for language in spec.languages:
        path = spec.po_path(root, language)
        catalog = read_catalogue(path, language) if path.exists() else None
        if catalog is None:
            catalog = new_catalogue(spec, language)
        catalog.update(template, update_creation_date=False)
        if write_if_changed(path, po_bytes(catalog)):
            written.append(path)
        mo_path = spec.mo_path(root, language)
        if write_if_changed(mo_path, compile_mo(catalog)):
            written.append(mo_path)
    return written


def refresh(root: Path) -> list[Path]:
    """Refresh every catalogue of the repository at `root`; the files written."""
    return [path for spec in CATALOGUES for path in refresh_catalogue(root, spec)]
