"""The research-literacy course as shipped: version 1.1 is released, its record matching its
files, and its first section is in Welsh beside the English, page by page."""

from __future__ import annotations

import json

import lxml.html
import pytest

from eip.course.course_file import read_course
from eip.course.hashing import content_hash, version_files
from eip.course.problems import Problems
from eip.course.release_record import read_record


@pytest.fixture
def course(repository):
    return repository / "courses" / "research-literacy"


def test_1_1_is_released_and_its_record_matches_its_files(course):
    release = read_course(course, Problems()).release("1.1")
    assert release is not None, "courses/research-literacy/course.toml has no release 1.1"
    files = version_files(course / "1.1")
    assert release.hash == content_hash(files)
    record = read_record(course, "1.1")
    assert record is not None and record.hash == release.hash
    assert record.files == files
    welsh = sorted(name for name in record.files if name.endswith(".cy.md"))
    assert welsh == [
        "01-why-evidence-matters/01-four-sources-of-evidence.cy.md",
        "01-why-evidence-matters/02-evidence-informed-practice.cy.md",
        "01-why-evidence-matters/03-families-and-court.cy.md",
        "01-why-evidence-matters/04-the-duty-in-wales.cy.md",
        "01-why-evidence-matters/section.cy.md",
    ]
    assert record.assessments  # the assessments it places, as released


def test_the_first_section_of_1_1_is_in_welsh_page_by_page(course, load):
    first, *rest = load(course / "1.1").version.sections
    pages = [first, *first.units]
    assert all(page.languages == ("en", "cy") for page in pages)
    assert all(len(page.outcomes_cy) == len(page.outcomes) > 0 for page in pages)
    assert all(page.languages == ("en",) for section in rest for page in (section, *section.units))
    assert "Welsh" in load(course / "1.1").version.overview["en"]


def test_1_0_is_unchanged_and_english_only(course, load):
    version = load(course / "1.0").version
    assert not any(page.welsh for s in version.sections for page in (s, *s.units))


def test_the_built_1_1_is_bilingual_where_its_prose_is(course, build, archive_file):
    built = build(course / "1.1")
    sections = json.loads(built.manifest)["sections"]
    assert [section["languages"] for section in sections] == [["en", "cy"]] + [["en"]] * 4
    assert {tuple(unit["languages"]) for unit in sections[0]["units"]} == {("en", "cy")}
    html = archive_file(
        built.archive, "course/html/why-evidence-matters_four-sources-of-evidence__text1.html"
    ).decode()
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    welsh, english = root.find_class("eip-language")
    assert (welsh.get("lang"), english.get("lang")) == ("cy", "en")
    assert "Y pedair ffynhonnell tystiolaeth" in welsh.text_content()
    # the Welsh diagram in the Welsh part, the English one in the English part
    assert welsh.find(".//img").get("src") == "/static/four-sources-of-evidence-cy.svg"
    assert english.find(".//img").get("src") == "/static/four-sources-of-evidence.svg"
