"""Language of parts in the competency tracker: the block declares the learner's language,
the framework's texts are in Welsh where the framework has them and marked English where it
falls back, the exercises' names (English) are marked, and an English page marks nothing."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from django.utils import translation
from welsh_content import lang_of, text_of

from eip.workbench.i18n import BlockI18nService
from xblocks.competency import block as tracker_module
from xblocks.competency.model.framework import parse_framework

SMALL = (Path(__file__).parent / "fixtures" / "small.xml").read_text(encoding="utf-8")
WELSH_DESCRIPTOR = "Yn defnyddio rhestr wirio gyda chymorth."
SOS = "signs-of-safety-evaluation.xml"


@pytest.fixture
def course(monkeypatch, course_runtime, make_course):
    """The test course with a tracker of the small framework, which has Welsh for some
    texts only (and here one Welsh descriptor), in a runtime whose i18n service reads the
    blocks' catalogues as the LMS does."""
    english = '<descriptor level="1" lang="en">Uses a checklist with help.</descriptor>'
    assert english in SMALL
    text = SMALL.replace(
        english, f'{english}<descriptor level="1" lang="cy">{WELSH_DESCRIPTOR}</descriptor>'
    )
    framework = parse_framework(text.encode(), source="small.xml")
    monkeypatch.setattr(tracker_module, "load_framework", lambda framework_id: framework)
    course_runtime._services["i18n"] = BlockI18nService(packages=("xblocks",))
    return make_course('<eip_competency_tracker framework="small"/>')


def page_of(course, code: str, view: str = "student_view") -> lxml.html.HtmlElement:
    with translation.override(code):
        return lxml.html.fromstring(f"<main>{course.view(view)}</main>")


def root_of(page: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The block's own root element, inside the runtime's wrapper."""
    return page.xpath("./div/div")[0]


def test_the_block_declares_the_learners_language(course):
    for code in ("cy", "en"):
        assert root_of(page_of(course, code)).get("lang") == code


def test_welsh_framework_texts_are_unmarked_and_fallbacks_marked(course):
    page = page_of(course, "cy")

    heading = page.xpath("//h3")[0]
    assert (text_of(heading), lang_of(heading)) == ("Eich cymwyseddau", "cy")
    intro = page.xpath("//p[contains(@class, 'eip-competency__intro')]")[0]
    assert "Fframwaith bach" in text_of(intro) and not intro.xpath(".//*[@lang]")
    domains = page.xpath("//section[@data-domain]/h4")
    assert [(text_of(h4), h4.get("lang")) for h4 in domains] == [
        ("Arfarnu", None),
        ("Integrate", "en"),
    ]
    description = page.xpath("//section[@data-domain='appraise']/p")[0]
    assert (text_of(description), description.get("lang")) == ("Judging studies.", "en")
    titles = page.xpath("//article[@data-competency]/h5")
    assert [(text_of(h5), h5.get("lang")) for h5 in titles] == [
        ("Barnu dilysrwydd", None),
        ("Weigh sources", "en"),
        ("Weigh the family's view", "en"),
    ]


def test_level_names_and_descriptors_fall_back_per_string(course):
    page = page_of(course, "cy")

    labels = page.xpath("//dl[contains(@class, 'levels')]//dt")
    assert text_of(labels[0]).endswith("Lefel 1: Dechrau") and not labels[0].xpath("./span[@lang]")
    [name] = labels[1].xpath("./span[@lang]")
    assert (name.get("lang"), name.text) == ("en", "Practising")
    assert text_of(labels[1]).endswith("Lefel 2: Practising")
    descriptors = page.xpath("//dl[contains(@class, 'levels')]//dd")
    assert descriptors and all(dd.get("lang") == "en" for dd in descriptors)

    validity = page.xpath("//article[@data-competency='appraise.validity']")[0]
    [next_descriptor] = validity.xpath(".//div[@data-role='next']/p[contains(@class, 'descr')]")
    assert (text_of(next_descriptor), next_descriptor.get("lang")) == (WELSH_DESCRIPTOR, None)
    sources = page.xpath("//article[@data-competency='integrate.sources']")[0]
    [english] = sources.xpath(".//div[@data-role='next']/p[contains(@class, 'descr')]")
    assert (text_of(english), english.get("lang")) == ("Names the sources.", "en")


def test_evidence_from_english_exercises_is_marked(course):
    course.finish_appraisal(SOS, 0.9)
    page = page_of(course, "cy")

    exercise = course.block(SOS).display_name
    rows = page.xpath("//table[@data-role='evidence']//tbody/tr/th")
    assert rows and all((text_of(th), th.get("lang")) == (exercise, "en") for th in rows)
    level = page.xpath("//article[@data-competency='appraise.validity']//*[@data-role='level']")
    assert text_of(level[0]) == "Lefel 1: Dechrau" and not level[0].xpath(".//*[@lang]")


def test_an_english_page_marks_nothing_but_its_root(course):
    course.finish_appraisal(SOS, 0.9)
    assert page_of(course, "en").xpath("//@lang") == ["en"]
    assert page_of(course, "en", "author_view").xpath("//@lang") == ["en"]


def test_the_framework_page_marks_its_english_parts(course):
    with translation.override("cy"):
        response = course.call("framework_page", method="GET")
    page = lxml.html.fromstring(response.body)

    assert page.get("lang") == "cy"
    assert (page.xpath("//h1")[0].text, page.xpath("//h1")[0].get("lang")) == (
        "Fframwaith bach",
        None,
    )
    validity = page.xpath("//section[@id='appraise.validity']")[0]
    descriptors = validity.xpath(".//dd")
    assert (text_of(descriptors[0]), descriptors[0].get("lang")) == (WELSH_DESCRIPTOR, None)
    assert all(dd.get("lang") == "en" for dd in descriptors[1:])
    assert validity.xpath(".//dt")[1].xpath("./span[@lang='en']")[0].text == "Practising"


def test_the_staff_views_declare_their_language(course):
    coverage = page_of(course, "cy", "author_view")
    assert root_of(coverage).get("lang") == "cy"
    sources = coverage.xpath("//tr[@data-competency='integrate.sources']/th")[0]
    assert sources.xpath("./span[@lang='en']")[0].text == "Weigh sources"
    editor = page_of(course, "cy", "studio_view")
    assert root_of(editor).get("class") == "editor-with-buttons"
    assert root_of(editor).get("lang") == "cy"
