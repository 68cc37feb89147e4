"""The built archive as Open edX sees it: every block of ours parses with its block class
through the XBlock runtime and exports the same XML, and olxcleaner finds nothing wrong."""

from __future__ import annotations

import io
import tarfile
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from lxml import etree
from xblock.runtime import DictKeyValueStore, KvsFieldData
from xblock.test.tools import TestRuntime

from eip.course.assessments import BLOCK_TYPES
from eip.course.olxclean import olxcleaner_errors

OURS = set(BLOCK_TYPES.values())
INSTALLED = {point.name: point for point in entry_points(group="xblock.v1")}


def _our_elements(archive: bytes) -> list[etree._Element]:
    found = []
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
        for member in tar.getmembers():
            if member.name.startswith("course/vertical/"):
                vertical = etree.fromstring(tar.extractfile(member).read())
                found += [child for child in vertical if child.tag in OURS]
    return found


def _canonical(element: etree._Element) -> bytes:
    return etree.tostring(element, method="c14n", with_comments=True)


def _without_url_name(element: etree._Element) -> etree._Element:
    copy = etree.fromstring(etree.tostring(element))
    copy.attrib.pop("url_name")
    return copy


def _round_trip(element: etree._Element) -> etree._Element:
    runtime = TestRuntime(services={"field-data": KvsFieldData(DictKeyValueStore())})
    usage_id = runtime.parse_xml_string(etree.tostring(element, encoding="unicode"))
    block = runtime.get_block(usage_id)
    assert isinstance(block, INSTALLED[element.tag].load())  # our class, from its entry point
    node = etree.Element("unknown")
    block.add_xml_to_node(node)
    node.attrib.pop("xblock-family", None)  # the runtime's own marker, removed on import
    return node


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_every_block_parses_through_the_runtime_and_exports_the_same_xml(demo, build, version):
    elements = _our_elements(build(demo / version).archive)
    assert {element.tag for element in elements} >= {"eip_appraisal"}
    checked = 0
    for element in elements:
        if element.tag not in INSTALLED:
            continue  # no block class for this tag in this release (see the next test)
        exported = _round_trip(_without_url_name(element))
        assert _canonical(exported) == _canonical(_without_url_name(element))
        checked += 1
    assert checked >= 2


def test_tags_without_an_installed_block_are_only_ones_still_to_come(demo, build):
    tags = {element.tag for element in _our_elements(build(demo / "1.0").archive)}
    missing = tags - INSTALLED.keys()
    assert missing <= {"eip_case_study", "eip_competency_tracker"}


def test_olxcleaner_finds_nothing_wrong(demo, build):
    pytest.importorskip("olxcleaner")
    for version in ("1.0", "1.1"):
        errors = olxcleaner_errors(build(demo / version).files, label=version)
        assert not errors, "\n".join(str(error) for error in errors)


def test_olxcleaner_problems_are_reported(demo, build):
    pytest.importorskip("olxcleaner")
    files = dict(build(demo / "1.0").files)
    del files["static/course-image.png"]
    files["policies/1.0/grading_policy.json"] = b'{"GRADER": [], "GRADE_CUTOFFS": {"Pass": 0.5}}'
    errors = olxcleaner_errors(files, label="courses/demo/1.0")
    text = "\n".join(str(error) for error in errors)
    assert "MissingFile" in text
    assert "GRADER entry in grading policy should not be empty" in text
    assert all(error.source.startswith("courses/demo/1.0 (built ") for error in errors)


def test_the_research_literacy_course_builds_clean_olx(repository, load):
    pytest.importorskip("olxcleaner")
    from eip.course.build import build_loaded
    from eip.course.version_file import version_folders

    course = Path(repository) / "courses" / "research-literacy"
    if not course.is_dir():
        pytest.skip("the research-literacy course is not in this checkout")
    for folder in version_folders(course):
        build = build_loaded(load(folder))
        errors = olxcleaner_errors(build.files, label=folder.name)
        assert not errors, "\n".join(str(error) for error in errors)
        for element in _our_elements(build.archive):
            if element.tag in INSTALLED:
                exported = _round_trip(_without_url_name(element))
                assert _canonical(exported) == _canonical(_without_url_name(element))
