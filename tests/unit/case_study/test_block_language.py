"""Language of parts in the case-study block: the block declares the learner's language and,
in a Welsh page, every text of the case study (written in English) is marked English, in the
HTML and in the status the script announces; an English page marks nothing."""

from __future__ import annotations

import lxml.html
import pytest
from django.utils import translation
from welsh_content import lang_of, text_of

from eip.workbench.i18n import BlockI18nService
from xblocks.core.markdown import plain_text

BEST = {"first": "good", "final": "safe"}


@pytest.fixture
def me(learner, case_runtime):
    """A learner of the small case study, whose runtime's i18n service reads the blocks'
    catalogues as the LMS does."""
    case_runtime._services["i18n"] = BlockI18nService(packages=("xblocks",))
    return learner()


def page(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<main>{html}</main>")


def authored_texts(case) -> list[str]:
    """Every text of the case study a learner can read, as shown."""
    texts = [case.display_name]
    for node in case.nodes.values():
        texts.append(node.title)
        for name in ("body_md", "prompt_md", "summary_md", "outcome_md", "debrief_md"):
            texts.append(plain_text(getattr(node, name, "") or ""))
        texts.append(plain_text(getattr(node, "scale_guidance_md", "") or ""))
        texts.append(getattr(node, "citation", "") or "")
        for choice in getattr(node, "choices", ()):
            texts += [choice.label, plain_text(choice.feedback_md)]
        for statement in getattr(node, "statements", ()):
            texts += [statement.text, plain_text(statement.feedback_md)]
        for band in getattr(node, "bands", ()):
            texts.append(plain_text(band.text_md))
    return [" ".join(text.split()) for text in texts if text.strip()]


def unmarked_english(html: str, case) -> list[str]:
    """Text nodes of authored (English) content whose nearest `lang` is not "en"."""
    authored = authored_texts(case)
    found = []
    for element in page(html).iter():
        if not isinstance(element.tag, str):
            continue
        for text, holder in ((element.text, element), (element.tail, element.getparent())):
            words = " ".join((text or "").split())
            if len(words) < 12 or holder is None:
                continue
            if any(words in whole for whole in authored) and lang_of(holder) != "en":
                found.append(words)
    return found


def test_the_block_declares_the_learners_language(me):
    for code in ("cy", "en"):
        with translation.override(code):
            [root] = page(me.html()).xpath("./div")
        assert root.get("lang") == code


def test_a_welsh_page_marks_the_case_study_english_at_every_step(me):
    case = me.case
    with translation.override("cy"):
        html = me.html()
        first = page(html)
        bodies = me.play(BEST)
        html_at_end = me.html()
    assert lang_of(first.xpath("//h3")[0]) == "en"
    assert lang_of(first.xpath("//section[@data-node]//h4")[0]) == "en"
    assert lang_of(first.xpath("//button[@type='submit']")[0]) == "cy"
    for shown in (html, *(body["node_html"] for body in bodies), html_at_end):
        assert not unmarked_english(shown, case)
    assert unmarked_english(html.replace(' lang="en"', ""), case), "the check can fail"


def test_the_announced_status_marks_the_node_title(me):
    with translation.override("cy"):
        status, body = me.step()
    assert status == 200
    assert body["status_parts"] == [
        {"text": "Cam 2: "},
        {"text": "Seeing people alone", "lang": "en"},
    ]
    assert body["status"] == "Cam 2: Seeing people alone"


def test_sentences_with_authored_parts_mark_only_those_parts(me):
    with translation.override("cy"):
        me.step()
        me.step()
        status, body = me.step("good")
    assert status == 200
    chosen = page(body["node_html"]).xpath("//p[contains(@class, 'chosen')]")[0]
    [span] = chosen.xpath("./span")
    assert (span.get("lang"), span.text) == (
        "en",
        "See Ana alone at her next antenatal appointment",
    )
    # The rest of the sentence is in the block's language, declared by its root.
    assert lang_of(chosen) is None and text_of(chosen).startswith("Eich dewis:")
    feedback = page(body["node_html"]).xpath("//div[contains(@class, 'feedback')]")[0]
    assert lang_of(feedback) == "en"


def test_the_debrief_is_marked_english(me):
    with translation.override("cy"):
        bodies = me.play(BEST)
    ending = page(bodies[-1]["node_html"])
    for css in ("eip-case-study__body", "eip-case-study__band"):
        parts = ending.xpath(f"//div[contains(@class, '{css}')]")
        assert parts and all(part.get("lang") == "en" for part in parts)
    titles = ending.xpath("//p[contains(@class, 'path-title')]")
    assert titles and all(title.xpath("./span[@lang='en']") for title in titles)
    assert bodies[-1]["status_parts"][1] == {"text": "A plan that holds", "lang": "en"}


def test_an_english_page_marks_nothing_but_its_root(me):
    with translation.override("en"):
        pages = [me.html()]
        bodies = me.play(BEST)
        pages += [body["node_html"] for body in bodies]
        author = me.html("author_view")
    assert page(pages[0]).xpath("//@lang") == ["en"]
    assert all(not page(html).xpath("//@lang") for html in pages[1:])
    assert all("lang" not in part for body in bodies for part in body["status_parts"])
    assert page(author).xpath("//@lang") == ["en"]


def test_the_staff_outline_marks_the_case_study_english(me):
    with translation.override("cy"):
        html = me.html("author_view")
        studio = me.html("studio_view")
    outline = page(html)
    assert outline.xpath("./div")[0].get("lang") == "cy"
    assert not unmarked_english(html, me.case)
    assert page(studio).xpath("./div")[0].get("lang") == "cy"
