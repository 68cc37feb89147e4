"""Language of parts in the appraisal block: the block declares the learner's language, the
instrument shows its Welsh where it has it and marks its English fallback, and the study and
the expert's rationales (English only) are marked English in a Welsh page."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from django.utils import translation
from welsh_content import lang_of, text_of

from eip.workbench.i18n import BlockI18nService
from xblocks.appraisal.block import AppraisalBlock
from xblocks.appraisal.model import exercise_reader
from xblocks.appraisal.model.library import InstrumentLibrary

FIXTURES = Path(__file__).parent / "fixtures"
EXERCISE = (FIXTURES / "exercises" / "checklist-study.xml").read_bytes()


@pytest.fixture
def me(monkeypatch, block_runtime, make_learners):
    """A learner of the fixture exercise, whose checklist has Welsh for some texts only, in
    a runtime whose i18n service reads the blocks' catalogues as the LMS does."""
    library = InstrumentLibrary(FIXTURES / "instruments")
    monkeypatch.setattr(exercise_reader, "default_library", lambda: library)
    runtime = block_runtime(
        "eip_appraisal", AppraisalBlock, services={"i18n": BlockI18nService(packages=("xblocks",))}
    )
    return make_learners(runtime, runtime.parse_xml_string, EXERCISE)()


def page_of(me, code: str, view: str = "student_view") -> lxml.html.HtmlElement:
    with translation.override(code):
        return lxml.html.fromstring(f"<main>{me.html(view)}</main>")


def one(page: lxml.html.HtmlElement, xpath: str) -> lxml.html.HtmlElement:
    [element] = page.xpath(xpath)
    return element


def root_of(page: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The block's own root element."""
    [root] = page.xpath("./*[1]")
    return root


def test_the_block_declares_the_learners_language(me):
    for code in ("cy", "en"):
        assert root_of(page_of(me, code)).get("lang") == code


def test_welsh_item_text_is_shown_in_welsh_without_a_mark(me):
    instrument = me.block.exercise().instrument
    legend = one(page_of(me, "cy"), "//fieldset[@data-item='1']/legend")

    assert instrument.item("1").text.get("cy") in text_of(legend)
    assert not legend.xpath(".//*[@lang]") and lang_of(legend) == "cy"


def test_english_fallbacks_are_marked_english_per_string(me):
    page = page_of(me, "cy")
    instrument = me.block.exercise().instrument

    fallback = one(page, "//fieldset[@data-item='2']/legend/span[@lang]")
    assert (fallback.get("lang"), fallback.text) == ("en", instrument.item("2").text.get("en"))
    section = one(page, "//section[.//fieldset[@data-item='1']]//h5")
    assert (section.get("lang"), section.text) == ("en", "Is the basic design sound?")
    hints = page.xpath("//fieldset[@data-item='1']//div[contains(@class, 'hint')]/p")
    assert [(hint.text, hint.get("lang")) for hint in hints] == [
        ("Meddyliwch am y boblogaeth.", None),
        ("Think about the outcome.", "en"),
    ]
    labels = page.xpath("//fieldset[@data-item='1']//label[contains(@class, 'option')]")
    assert [(text_of(label), label.get("lang")) for label in labels] == [
        ("Ie", None),
        ("Can't tell", "en"),
        ("Na", None),
    ]
    stop = one(page, "//*[@data-role='stop-message']")
    assert lang_of(stop) == "en"  # the script fills it with the English-only message


def test_the_study_is_english_inside_a_welsh_page(me):
    page = page_of(me, "cy")
    study = me.block.exercise().study

    title = one(page, "//h4[contains(@class, 'study-title')]")
    assert (lang_of(title), text_of(title)) == ("en", " ".join(study.title.split()))
    for css in ("summary", "citation", "fictional"):
        assert lang_of(one(page, f"//*[contains(@class, 'eip-appraisal__{css}')]")) == "en"
    assert all(lang_of(figure) == "en" for figure in page.xpath("//figure"))
    heading = one(page, "//h3")
    assert (heading.text, heading.get("lang")) == ("Appraise: a small fictional trial", "en")


def test_an_english_page_has_no_lang_but_its_roots(me, make_expert_appraisal):
    page = page_of(me, "en")
    assert page.xpath("//@lang") == ["en"]
    with translation.override("en"):
        me.call("submit", make_expert_appraisal(me.block.exercise()))
    assert page_of(me, "en").xpath("//@lang") == ["en"]
    assert page_of(me, "en", "author_view").xpath("//@lang") == ["en"]


def test_feedback_marks_the_expert_and_the_fallbacks(me, make_expert_appraisal):
    with translation.override("cy"):
        status, _ = me.call("submit", make_expert_appraisal(me.block.exercise()))
    assert status == 200
    page = page_of(me, "cy")

    rationales = page.xpath("//dd[contains(@class, 'rationale')]")
    assert rationales and all(lang_of(rationale) == "en" for rationale in rationales)
    first = one(page, "(//li[contains(@class, 'result')])[1]/p[contains(@class, 'question')]")
    assert "A yw'r astudiaeth" in text_of(first) and not first.xpath(".//*[@lang]")
    answers = page.xpath("(//li[contains(@class, 'result')])[3]//dd[contains(@class, 'answer')]")
    assert [(text_of(dd), dd.get("lang")) for dd in answers] == [
        ("Can't tell", "en"),
        ("Can't tell", "en"),
    ]
    peers = page.xpath("(//li[contains(@class, 'result')])[1]//div[contains(@class, 'peers')]//li")
    marks = [[span.get("lang") for span in peer.xpath(".//span")] for peer in peers]
    assert list(zip([text_of(peer) for peer in peers], marks, strict=True)) == [
        ("Ie: 1", []),
        ("Can't tell: 0", ["en"]),
        ("Na: 0", []),
    ]


def test_the_staff_preview_marks_the_expert_too(me):
    page = page_of(me, "cy", "author_view")

    assert "eip-appraisal--author" in root_of(page).get("class")
    assert root_of(page).get("lang") == "cy"
    rationales = page.xpath("//div[contains(@class, 'rationale')]")
    assert rationales and all(lang_of(rationale) == "en" for rationale in rationales)
    assert lang_of(one(page, "//p[contains(@class, 'eip-appraisal__intro')]")) == "cy"


def test_the_studio_editor_declares_its_language(me):
    page = page_of(me, "cy", "studio_view")

    assert "eip-studio" in root_of(page).get("class").split()
    assert root_of(page).get("lang") == "cy"


def test_staff_diagnostics_are_in_welsh_in_a_welsh_page(block_runtime):
    runtime = block_runtime(
        "eip_appraisal", AppraisalBlock, services={"i18n": BlockI18nService(packages=("xblocks",))}
    )
    block = runtime.empty_block(staff=True)
    with translation.override("cy"):
        page = lxml.html.fromstring(f"<main>{block.student_view({}).content}</main>")

    root = root_of(page)
    assert root.get("lang") == "cy"
    heading = root.xpath("./h3")[0]
    assert (heading.text, heading.get("lang")) == ("Arfarniad beirniadol", None)
    problems = page.xpath("//div[contains(@class, 'problems')]//li")
    # The model's messages come from the blocks' catalogue, so they are Welsh, unmarked.
    assert problems and all(li.get("lang") is None for li in problems)
    assert "mae elfen plentyn ofynnol ar goll o <eip_appraisal>" in problems[0].text_content()
    assert "I'w gywiro: Ychwanegwch yr elfen" in problems[0].text_content()
