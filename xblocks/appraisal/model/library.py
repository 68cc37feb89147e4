"""The shipped instruments, found by id and version.

`assessments/instruments/<id>.xml` holds the current version of instrument <id>; when a new
version is published, the old one stays beside it as `<id>.v<version>.xml`, because every
exercise names the version it was written against.
"""

from __future__ import annotations

import functools
import threading
from importlib.resources.abc import Traversable
from pathlib import Path

from xblocks.core.authored import TOKEN
from xblocks.core.messages import Message, _, one_of
from xblocks.core.reading import misnamed_file
from xblocks.core.resources import shipped_root
from xblocks.core.xml import OLXError, OLXErrors

from .instrument import Instrument, parse_instrument

PACKAGE = "xblocks.appraisal.instruments"
LABEL = "assessments/instruments"


class UnknownInstrument(OLXError):
    """No instrument with this id and version is shipped."""


class InstrumentLibrary:
    """Instruments read from one folder (a package resource or a plain directory)."""

    def __init__(self, root: Traversable | Path | str, *, label: str = LABEL) -> None:
        self.root: Traversable = Path(root) if isinstance(root, str) else root
        self.label = label
        self._parsed: dict[str, Instrument | OLXErrors] = {}
        self._lock = threading.Lock()

    def load(self, instrument_id: str, version: str) -> Instrument:
        """Instrument `instrument_id` at `version`; UnknownInstrument if it is not shipped."""
        for name in (f"{instrument_id}.xml", f"{instrument_id}.v{version}.xml"):
            if not TOKEN.match(instrument_id) or not self.root.joinpath(name).is_file():
                continue
            instrument = self._parse(name)
            if instrument.version == version:
                return instrument
        shipped = [f"{i} v{v}" for i, v in self.available()]
        template = (
            _("there is no instrument {instrument} version {version}; shipped: {shipped}.")
            if shipped
            else _("there is no instrument {instrument} version {version}; shipped: none.")
        )
        raise UnknownInstrument(
            Message(template, instrument=instrument_id, version=version, shipped=one_of(shipped)),
            fix=Message(_("Use an instrument id and version from that list.")),
        )

    def instruments(self) -> list[Instrument]:
        """Every shipped instrument version, by id then version; OLXErrors if any is broken."""
        found: list[Instrument] = []
        errors: list[OLXError] = []
        for name in self._names():
            try:
                found.append(self._parse(name))
            except OLXErrors as problems:
                errors.extend(problems.errors)
        if errors:
            raise OLXErrors(errors)
        return sorted(found, key=lambda instrument: (instrument.id, _version_key(instrument)))

    def available(self) -> list[tuple[str, str]]:
        """(id, version) of every instrument file that parses; broken files are left out."""
        pairs = []
        for name in self._names():
            try:
                instrument = self._parse(name)
            except OLXErrors:
                continue
            pairs.append((instrument.id, instrument.version))
        return sorted(pairs)

    def _names(self) -> list[str]:
        return sorted(
            entry.name
            for entry in self.root.iterdir()
            if entry.name.endswith(".xml") and entry.is_file()
        )

    def _parse(self, name: str) -> Instrument:
        with self._lock:
            if name not in self._parsed:
                self._parsed[name] = self._read(name)
        found = self._parsed[name]
        if isinstance(found, OLXErrors):
            raise found
        return found

    def _read(self, name: str) -> Instrument | OLXErrors:
        source = f"{self.label}/{name}"
        try:
            instrument = parse_instrument(self.root.joinpath(name).read_bytes(), source=source)
        except OLXErrors as errors:
            return errors
        expected = name.split(".", 1)[0]
        if instrument.id != expected:
            return misnamed_file("instrument", instrument.id, expected, source=source)
        return instrument


def _version_key(instrument: Instrument) -> tuple[int, ...]:
    return tuple(int(part) for part in instrument.version.split("."))


@functools.cache
def default_library() -> InstrumentLibrary:
    """The library of the instruments shipped with the package."""
    return InstrumentLibrary(shipped_root(PACKAGE, LABEL))


def load_instrument(instrument_id: str, version: str) -> Instrument:
    """A shipped instrument (cached); UnknownInstrument lists what exists."""
    return default_library().load(instrument_id, version)


def list_instruments() -> list[Instrument]:
    """Every shipped instrument version."""
    return default_library().instruments()
