"""A learner walks the research-literacy course (its latest version) in `eip serve`: one
unit of each section, as the workbench previews it for trainers. Each unit shows its Welsh
title, its prose, its images and every assessment placed in it, with no serious
accessibility problem in the course text."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from eip.course.loader import LoadedVersion, load_version
from eip.course.model import Prose, Section, Unit
from eip.course.problems import Problems
from eip.course.prose import render
from eip.course.version_file import version_folders
from eip.workbench.process import WorkbenchDidNotStart, running_workbench

COURSES = Path(__file__).resolve().parents[2] / "courses"
COURSE = COURSES / "research-literacy"
INSTALLED = {point.name for point in entry_points(group="xblock.v1")}


def _latest() -> LoadedVersion:
    problems = Problems()
    loaded = load_version(version_folders(COURSE)[-1], problems)
    assert loaded is not None and not problems, "\n".join(str(p) for p in problems)
    return loaded


def _unit_to_walk(loaded: LoadedVersion, section: Section) -> Unit:
    """The section's first unit with an assessment in it, else its first unit."""
    with_assessment = [unit for unit in section.units if unit.references]
    return (with_assessment or list(section.units))[0]


def _first_sentence(unit: Unit) -> str:
    prose = next(part for part in unit.parts if isinstance(part, Prose))
    paragraph = next(p for p in render(prose.markdown).iter("p") if p.text_content().strip())
    return paragraph.text_content().strip().split(". ")[0][:80]


@pytest.fixture(scope="module")
def course_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("course-serve") / "var"
    try:
        with running_workbench(data_dir, env={"EIP_COURSES_DIR": str(COURSES)}) as (base, _):
            yield base
    except WorkbenchDidNotStart as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture
def learner(browser, course_server: str) -> Iterator[Page]:
    context = browser.new_context(base_url=course_server)
    yield context.new_page()
    context.close()


def _open(page: Page, loaded: LoadedVersion, section: Section, unit: Unit, student: str) -> None:
    version = loaded.version
    scenario = f"eip_course.{version.course.slug}.{version.version}.{section.name}.{unit.name}"
    page.goto("/")
    link = page.locator(f'a[href="/scenario/{scenario}/"]')
    if not link.count():
        pytest.fail(
            "the workbench lists no course scenarios: eip.workbench.course_scenarios.install() "
            "must be called from the workbench app's ready()",
            pytrace=False,
        )
    expect(link).to_contain_text(unit.title)
    page.goto(f"/scenario/{scenario}/?student={student}")


def test_learner_walks_one_unit_of_each_section(learner: Page, assert_accessible):
    if not COURSE.is_dir():
        pytest.fail("courses/research-literacy is missing", pytrace=False)
    loaded = _latest()
    assert len(loaded.version.sections) >= 5
    student = f"learner-{uuid.uuid4().hex[:8]}"
    for section in loaded.version.sections:
        unit = _unit_to_walk(loaded, section)
        _open(learner, loaded, section, unit, student)
        text = learner.locator(".eip-course-text")
        expect(text.first).to_be_visible()
        if unit.title_cy:
            expect(learner.locator('[lang="cy"]', has_text=unit.title_cy).first).to_be_visible()
        expect(learner.get_by_text(_first_sentence(unit), exact=False).first).to_be_visible()
        for index in range(learner.locator(".eip-course-text img").count()):
            image = learner.locator(".eip-course-text img").nth(index)
            image.scroll_into_view_if_needed()
            assert image.evaluate("img => img.complete && img.naturalWidth > 0"), unit.name
            assert image.get_attribute("alt"), unit.name
        for reference in unit.references:
            assessment = loaded.assessment(unit, reference)
            if assessment.block_type in INSTALLED:
                block = learner.locator(
                    f'[data-block-type="{assessment.block_type}"]', has_text=assessment.display_name
                )
                expect(block.first).to_be_visible()
            else:
                expect(
                    learner.get_by_text(f'Here learners see "{assessment.display_name}"')
                ).to_be_visible()
        learner.keyboard.press("End")  # read to the end of the unit
        assert_accessible(learner, include=".eip-course-text")


def test_a_whole_section_previews_every_unit_in_order(learner: Page):
    loaded = _latest()
    version = loaded.version
    section = version.sections[0]
    learner.goto(f"/scenario/eip_course.{version.course.slug}.{version.version}.{section.name}/")
    headings = learner.locator(".eip-course-text h2").all_inner_texts()
    titles = [unit.title for unit in section.units]
    assert [title for title in headings if title in titles] == titles


def test_a_unit_with_welsh_prose_shows_welsh_first_and_links_the_languages(learner: Page):
    """The latest version's first section has Welsh prose: each unit shows its Welsh part
    first, marked lang="cy", then its English part, marked lang="en", each linking to the
    other; in the workbench's Welsh and English alike."""
    loaded = _latest()
    section = loaded.version.sections[0]
    unit = next((unit for unit in section.units if unit.welsh is not None), None)
    if unit is None:
        pytest.fail(f"{section.name} of the latest version has no Welsh prose", pytrace=False)
    version = loaded.version
    scenario = f"eip_course.{version.course.slug}.{version.version}.{section.name}.{unit.name}"
    for lang in ("cy", "en"):
        learner.goto(f"/scenario/{scenario}/?lang={lang}")
        expect(learner.locator("html")).to_have_attribute("lang", lang)
        welsh = learner.locator('.eip-language[lang="cy"]').first
        english = learner.locator('.eip-language[lang="en"]').first
        expect(welsh).to_contain_text(unit.title_cy)
        expect(english).to_contain_text(_first_sentence(unit))
        assert welsh.bounding_box()["y"] < english.bounding_box()["y"]  # Welsh first
        welsh.get_by_role("link", name="Read in English").click()
        expect(learner).to_have_url(re.compile(f"#{re.escape(english.get_attribute('id'))}$"))
        expect(english).to_be_in_viewport()
        english.get_by_role("link", name="Darllen yn Gymraeg").click()
        expect(learner).to_have_url(re.compile(f"#{re.escape(welsh.get_attribute('id'))}$"))
        expect(welsh).to_be_in_viewport()
