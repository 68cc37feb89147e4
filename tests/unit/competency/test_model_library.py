"""Finding frameworks: by id, from the package or the source folder, with clear refusals."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest

from xblocks.competency.model import library
from xblocks.competency.model.library import (
    UnknownFramework,
    framework_ids,
    load_framework,
    read_framework,
)
from xblocks.core import resources
from xblocks.core.xml import OLXErrors


def test_load_framework_is_cached() -> None:
    assert load_framework("research-literacy") is load_framework("research-literacy")


@pytest.mark.parametrize("framework_id", ["nope", "../competencies/research-literacy", ""])
def test_unknown_framework_lists_what_is_shipped(framework_id: str) -> None:
    with pytest.raises(UnknownFramework) as caught:
        load_framework(framework_id)
    assert "shipped: research-literacy" in str(caught.value)
    assert caught.value.fix


def test_file_must_hold_the_framework_it_is_named_after(tmp_path: Path, small_xml: str) -> None:
    (tmp_path / "other.xml").write_text(small_xml, encoding="utf-8")
    with pytest.raises(OLXErrors) as caught:
        read_framework(tmp_path, "other", label="frameworks")
    [error] = caught.value.errors
    assert error.source == "frameworks/other.xml"
    assert 'holds framework "small"' in error.message


def test_read_framework_from_a_folder(tmp_path: Path, small_xml: str) -> None:
    (tmp_path / "small.xml").write_text(small_xml, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a framework", encoding="utf-8")
    assert framework_ids(tmp_path) == ["small"]
    assert read_framework(tmp_path, "small").id == "small"


def test_source_folder_is_used_when_the_package_is_not_installed(monkeypatch) -> None:
    def missing(package: str):
        raise ModuleNotFoundError(package)

    monkeypatch.setattr(importlib.resources, "files", missing)
    root = resources.shipped_root(library.PACKAGE, library.LABEL)
    # The checkout's folder beside the `xblocks` package (wherever that package is installed).
    checkout = Path(resources.__file__).resolve().parents[2]
    assert Path(str(root)) == checkout / "assessments" / "competencies"
