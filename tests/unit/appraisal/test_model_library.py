"""Finding instruments by id and version, in a folder or in the shipped package."""

import shutil
from pathlib import Path

import pytest

from xblocks.appraisal.model.library import (
    InstrumentLibrary,
    UnknownInstrument,
    default_library,
)
from xblocks.core.xml import OLXError, OLXErrors

FIXTURES = Path(__file__).parent / "fixtures" / "instruments"


@pytest.fixture
def library() -> InstrumentLibrary:
    return InstrumentLibrary(FIXTURES)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("checklist.xml", "woe.xml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path


def test_loads_by_id_and_version(library: InstrumentLibrary) -> None:
    instrument = library.load("checklist", "1")
    assert (instrument.id, instrument.version) == ("checklist", "1")
    assert library.load("checklist", "1") is instrument


def test_older_versions_live_beside_the_current_one(library: InstrumentLibrary) -> None:
    old = library.load("checklist", "0")
    assert old.version == "0"
    assert old.title.get() == "An older small checklist"


def test_a_folder_given_as_text_works() -> None:
    assert InstrumentLibrary(str(FIXTURES)).load("woe", "1").id == "woe"


@pytest.mark.parametrize(
    ("instrument_id", "version"),
    [("nope", "1"), ("checklist", "7"), ("../fixtures/checklist", "1"), ("", "")],
)
def test_unknown_instruments_list_what_is_shipped(
    library: InstrumentLibrary, instrument_id: str, version: str
) -> None:
    with pytest.raises(UnknownInstrument) as caught:
        library.load(instrument_id, version)
    error = caught.value
    assert isinstance(error, OLXError)
    assert f"there is no instrument {instrument_id} version {version}" in error.message
    assert "checklist v0, checklist v1, rob v1, woe v1" in error.message
    assert error.fix


def test_instruments_are_listed_by_id_then_version(library: InstrumentLibrary) -> None:
    found = [(i.id, i.version) for i in library.instruments()]
    assert found == [("checklist", "0"), ("checklist", "1"), ("rob", "1"), ("woe", "1")]
    assert library.available() == found


def test_a_broken_file_is_named_but_does_not_hide_the_others(folder: Path) -> None:
    (folder / "broken.xml").write_text('<instrument id="broken" version="1">\n<oops/>')
    library = InstrumentLibrary(folder, label="assessments/instruments")
    assert library.load("woe", "1").id == "woe"
    assert library.available() == [("checklist", "1"), ("woe", "1")]
    with pytest.raises(OLXErrors) as caught:
        library.instruments()
    assert all(e.source == "assessments/instruments/broken.xml" for e in caught.value.errors)
    with pytest.raises(OLXErrors):
        library.load("broken", "1")


def test_the_file_name_must_match_the_id(folder: Path) -> None:
    shutil.copy(FIXTURES / "rob.xml", folder / "rob_trial.xml")
    library = InstrumentLibrary(folder)
    with pytest.raises(OLXErrors) as caught:
        library.load("rob_trial", "1")
    (error,) = caught.value.errors
    assert 'holds instrument "rob"' in error.message
    assert error.source == "assessments/instruments/rob_trial.xml"
    assert "rob.xml" in (error.fix or "")


def test_other_files_are_ignored(folder: Path) -> None:
    (folder / "__init__.py").write_text('"""Instruments."""\n')
    (folder / "notes.txt").write_text("not an instrument")
    assert [i.id for i in InstrumentLibrary(folder).instruments()] == ["checklist", "woe"]


def test_the_default_library_reads_the_shipped_package() -> None:
    library = default_library()
    assert library is default_library()
    assert library.label == "assessments/instruments"
    assert library.root.joinpath("__init__.py").is_file()
