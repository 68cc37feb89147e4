"""Each block in Welsh in `eip serve` (`?lang=cy`): the page declares lang="cy", no interface
string of the English catalogues is left on it as the learner works through it, every visible
text of English authored content (exercises, case studies, and instrument or framework texts
not yet translated) sits in an element whose language is "en", the instrument's Welsh is
shown where it has it, and axe finds no serious or critical violation. The language switch on
the page goes back to English."""

from __future__ import annotations

import re
import textwrap
import urllib.parse
import urllib.request
import uuid
from functools import cache
from pathlib import Path

import lxml.html
from lxml import etree
from playwright.sync_api import Page, expect
from welsh_pages import PAGE_TEXTS, catalogue_strings, proper_names
from welsh_pages import clean as _clean

from xblocks.appraisal.model.exercise import parse_exercise
from xblocks.case_study.model import parse_case_study
from xblocks.competency.block import SCENARIO_TITLE
from xblocks.core.markdown import render_markdown

ROOT = Path(__file__).resolve().parents[2]
APPRAISAL = ROOT / "assessments" / "appraisals" / "fgc-trial.xml"
CASE_STUDY = ROOT / "assessments" / "case-studies" / "pre-birth-domestic-abuse.xml"
# Authored text this long is taken out of a line before looking for interface strings in it.
LONG_FRAGMENT = 8

# Every visible text node inside the blocks (not the workbench page around them), with the
# language its nearest `lang` ancestor declares.
BLOCK_TEXTS = """() => {
    const found = [];
    document.querySelectorAll('[data-block-type]').forEach((block) => {
        if (block.parentElement.closest('[data-block-type]')) return;  // inside another
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const parent = walker.currentNode.parentElement;
            const text = (walker.currentNode.data || '').replace(/\\s+/g, ' ').trim();
            // A <code> holds an identifier (a node id for staff), which is no language.
            if (!text || !parent || parent.closest('script, style, textarea, template, code')) {
                continue;
            }
            if (!parent.checkVisibility({ visibilityProperty: true })) continue;
            const holder = parent.closest('[lang]');
            found.push({ text, lang: holder ? holder.getAttribute('lang') : null });
        }
    });
    return found;
}"""


# The catalogues of what these pages show (the `eip` command's own is never on them).
PAGE_CATALOGUES = ("blocks", "workbench")


def interface_strings() -> tuple[tuple[str, re.Pattern], ...]:
    """Every English message id of the blocks' and the workbench's catalogues."""
    return catalogue_strings(PAGE_CATALOGUES)


def _texts_of(element: etree._Element) -> set[str]:
    texts = set()
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        for value in (node.text, node.tail, *node.attrib.values()):
            text = _clean(value)
            if text:
                texts.add(text)
                # Markdown in CDATA: the page shows its rendering, element by element.
                markdown = textwrap.dedent(value).strip()
                rendered = lxml.html.fragment_fromstring(
                    render_markdown(markdown) or "<p></p>", create_parent="div"
                )
                for part in rendered.iter():
                    texts.add(_clean(part.text_content()))
                    texts.update(_clean(bit) for bit in (part.text, part.tail) if _clean(bit))
    return texts


@cache
def authored_fragments() -> tuple[frozenset[str], tuple[str, ...]]:
    """(every authored text, the long ones longest first) of the shipped content: exercises,
    case studies, instruments and frameworks, in every language they carry."""
    texts: set[str] = set()
    for path in sorted((ROOT / "assessments").glob("*/*.xml")):
        texts |= _texts_of(etree.parse(str(path)).getroot())
    long = sorted((text for text in texts if len(text) >= LONG_FRAGMENT), key=len, reverse=True)
    return frozenset(texts), tuple(long)


# Attributes that hold words a person reads; the others are ids, values and settings.
READ_ATTRIBUTES = ("display_name", "title")


def _language_texts(root: etree._Element) -> tuple[set[str], set[str]]:
    """(English texts, Welsh texts) of one authored file, as a page shows them: an element
    in lang="cy" is Welsh, every other text (lang="en", or content written in English
    only) English."""
    english: set[str] = set()
    welsh: set[str] = set()
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        texts = welsh if node.xpath("ancestor-or-self::*[@lang][1]/@lang") == ["cy"] else english
        for value in (node.text, *(node.get(name) for name in READ_ATTRIBUTES)):
            if not _clean(value):
                continue
            texts.add(_clean(value))
            # Markdown in CDATA: the page shows its rendering, element by element.
            rendered = lxml.html.fragment_fromstring(
                render_markdown(textwrap.dedent(value).strip()) or "<p></p>", create_parent="div"
            )
            for part in rendered.iter():
                texts.add(_clean(part.text_content()))
                texts.update(_clean(bit) for bit in (part.text, part.tail) if _clean(bit))
    return english - {""}, welsh - {""}


@cache
def language_fragments() -> tuple[str, tuple[str, ...], str]:
    """(the English authored texts, one per line; the long ones, longest first; the Welsh
    authored texts, one per line) of the shipped content. English that also occurs in Welsh
    text (a name such as PICO) is left out: a Welsh page may show it unmarked."""
    english: set[str] = set()
    welsh: set[str] = set()
    for path in sorted((ROOT / "assessments").glob("*/*.xml")):
        found_english, found_welsh = _language_texts(etree.parse(str(path)).getroot())
        english |= found_english
        welsh |= found_welsh
    welsh_lines = "\n".join(sorted(welsh))
    names = set(proper_names())
    english = {
        text
        for text in english
        if re.search(r"[A-Za-z]{3,}", text) and text not in names and text not in welsh_lines
    }
    long = sorted(
        (text for text in english if len(text) >= LONG_FRAGMENT and " " in text),
        key=len,
        reverse=True,
    )
    return "\n".join(sorted(english)), tuple(long), welsh_lines


def _whole_words(text: str) -> re.Pattern:
    start = r"\b" if re.match(r"\w", text) else ""
    end = r"\b" if re.search(r"\w$", text) else ""
    return re.compile(start + re.escape(text) + end)


def is_english_authored(text: str) -> bool:
    """Is `text`, shown on a page, (part of) English authored content?"""
    english, long, welsh = language_fragments()
    if not re.search(r"[A-Za-z]{3,}", text) or text in proper_names() or text in welsh:
        return False  # no word, a name, or also Welsh: nothing to tell from the text alone
    if text in english and _whole_words(text).search(english):
        return True  # the whole or a part of an English text (texts never span lines)
    return any(fragment in text for fragment in long if len(fragment) <= len(text))


def unmarked_english_on(page: Page) -> list[str]:
    """Visible texts of English authored content in the blocks whose language is not "en"."""
    return sorted(
        {
            f"{item['text'][:120]!r} (lang={item['lang']!r})"
            for item in page.evaluate(BLOCK_TEXTS)
            if item["lang"] != "en" and is_english_authored(item["text"])
        }
    )


def assert_marked(page: Page) -> None:
    unmarked = unmarked_english_on(page)
    assert not unmarked, "English authored text not marked lang=en:\n" + "\n".join(unmarked)


@cache
def scenario_names(base: str) -> frozenset[str]:
    """The workbench's scenario titles: authored, like the content they name."""
    with urllib.request.urlopen(f"{base}/") as response:  # no cookie: the page's own stays
        index = response.read().decode("utf-8")
    links = lxml.html.fromstring(index).xpath("//ul[@class='eip-wb-scenarios']//a")
    return frozenset(_clean(link.text_content()) for link in links)


def english_left_on(page: Page) -> list[str]:
    """Interface strings of the English catalogues still on the page, with where."""
    every, long = authored_fragments()
    address = urllib.parse.urlsplit(page.url)
    names = scenario_names(f"{address.scheme}://{address.netloc}")
    long = tuple(sorted({*long, *names}, key=len, reverse=True))
    found = []
    for text in set(page.evaluate(PAGE_TEXTS)):
        if text in every or text in names:
            continue
        rest = text
        for fragment in (*long, *proper_names()):
            if fragment in rest:
                rest = rest.replace(fragment, " \u2022 ")
        for message_id, pattern in interface_strings():
            if pattern.search(rest):
                found.append(f"{message_id!r} in {text[:160]!r}")
    return sorted(set(found))


def assert_in_welsh(page: Page, assert_accessible) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    left = english_left_on(page)
    assert not left, "English interface strings on the Welsh page:\n" + "\n".join(left)
    assert_marked(page)
    assert_accessible(page)


def assert_items_in_welsh(page: Page, instrument) -> None:
    """Each item's text is shown in Welsh where the instrument has it (unmarked), else in
    English marked lang="en": whichever it is, the text and its language agree."""
    for item in instrument.items:
        legend = page.locator(f'fieldset[data-item="{item.id}"] > legend')
        shown = " ".join(legend.inner_text().split())
        welsh = item.text.values.get("cy")
        if welsh:
            assert " ".join(welsh.split()) in shown, f"item {item.id} is not in Welsh: {shown!r}"
            assert not legend.locator("[lang]").count(), f"item {item.id}: Welsh marked"
        else:
            english = legend.locator('[lang="en"]')
            expect(english).to_have_text(" ".join(item.text.get("en").split()))


def _learner() -> str:
    return f"cy-{uuid.uuid4().hex[:8]}"


def _scenario_href(page: Page, name: str) -> str:
    page.goto("/?lang=cy")
    href = page.get_by_role("link", name=name, exact=True).get_attribute("href")
    assert href
    return href


def test_the_workbench_switches_language_and_remembers_it(page: Page, assert_accessible):
    page.goto("/?lang=cy")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mainc waith leol")
    assert_in_welsh(page, assert_accessible)
    exercise = parse_exercise(APPRAISAL.read_text("utf-8"), source=APPRAISAL.name)
    # No `lang` in the link: the cookie keeps the choice.
    page.get_by_role("link", name=exercise.display_name, exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    switch = page.get_by_role("navigation", name="Iaith").get_by_role("link", name="English")
    expect(switch).to_have_attribute("lang", "en")
    switch.click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("form[data-role=form] h4")).to_have_text("Your appraisal")
    assert "'Submit appraisal'" in "\n".join(english_left_on(page)), "the check finds English"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Cymraeg").click()
    expect(page.locator("form[data-role=form] h4")).to_have_text("Eich arfarniad")


def test_an_appraisal_in_welsh_from_the_form_to_the_feedback(page: Page, assert_accessible):
    exercise = parse_exercise(APPRAISAL.read_text("utf-8"), source=APPRAISAL.name)
    href = _scenario_href(page, exercise.display_name)
    page.goto(f"{href}?student={_learner()}")
    form = page.locator("form[data-role=form]")
    expect(form).to_be_visible()
    assert_items_in_welsh(page, exercise.instrument)
    page.locator("button[data-action=hint]").first.click()
    assert_in_welsh(page, assert_accessible)

    # Submitting with nothing answered lists what is missing, in Welsh.
    page.locator("button[data-action=submit]").click()
    problems = page.locator("[data-role=problems]")
    expect(problems).to_be_visible()
    expect(problems).to_contain_text("dewiswch ateb")
    assert_in_welsh(page, assert_accessible)

    for item in exercise.instrument.items:
        fieldset = page.locator(f'fieldset[data-item="{item.id}"]')
        radios = fieldset.locator("input[type=radio]")
        if radios.count():
            radios.last.check()
        fieldset.locator("textarea").fill(f"Rheswm {item.id}")
    overall = page.locator("fieldset[data-overall]")
    overall.locator("input[type=radio]").first.check()
    overall.locator("textarea").fill("Fy rheswm cyffredinol")
    expect(page.locator("[data-role=save-status]")).to_have_text(
        "Drafft wedi'i gadw", timeout=10_000
    )
    page.locator("button[data-action=submit]").click()
    expect(page.locator("[data-role=feedback]")).to_be_visible()
    expect(page.locator("[data-role=status]")).to_contain_text("Eich sgôr")
    assert_in_welsh(page, assert_accessible)
    # The check can fail: without its marks, the English of the study is found.
    page.evaluate(
        "document.querySelectorAll('[lang=en]').forEach((e) => e.removeAttribute('lang'))"
    )
    assert any(exercise.display_name in found for found in unmarked_english_on(page))


def _walk_in_welsh(page: Page, case, assert_accessible) -> set[str]:
    """Take the case study to an ending, checking every node's page; the kinds seen."""
    seen = set()
    node = page.locator("section.eip-case-study__node")
    for _ in range(60):
        expect(node).to_be_visible()
        node_id, kind = node.get_attribute("data-node"), node.get_attribute("data-kind")
        assert_in_welsh(page, assert_accessible)
        seen.add(kind)
        if kind == "ending":
            return seen
        current = case.node(node_id)
        if kind == "decision":
            best = max(current.choices, key=lambda choice: choice.points)
            node.locator(f'input[type=radio][value="{best.id}"]').check()
        elif kind == "mapping":
            if "sorting" not in seen:
                # Continuing with nothing sorted is pointed out, in Welsh.
                node.locator("button[type=submit]").click()
                expect(node.locator("[data-role=problem]")).to_be_visible()
                assert_in_welsh(page, assert_accessible)
                seen.add("sorting")
            for statement in current.statements:
                fieldset = node.locator(f'fieldset[data-statement="{statement.id}"]')
                fieldset.locator(f'input[value="{statement.expected}"]').check()
            if current.scale:
                node.locator("input[name=scale]").fill("4")
                node.locator("textarea[name=reason]").fill("Mae'r perygl yn un presennol.")
        elif kind == "reflection":
            node.locator("textarea[name=text]").fill("Sylwais fy mod eisiau tawelu meddwl pawb.")
        node.locator("button[type=submit]").click()
        moved = page.locator(f'section.eip-case-study__node:not([data-node="{node_id}"])')
        expect(moved).to_be_visible()
    raise AssertionError("no ending reached")


def test_a_case_study_in_welsh_to_its_debrief(page: Page, assert_accessible):
    case = parse_case_study(CASE_STUDY.read_text("utf-8"), source=CASE_STUDY.name)
    href = _scenario_href(page, case.display_name)
    page.goto(f"{href}?student={_learner()}")
    seen = _walk_in_welsh(page, case, assert_accessible)
    assert {"narrative", "decision", "mapping", "ending"} <= seen
    expect(page.locator("[data-role=score]")).to_contain_text("Eich sgôr")


def test_the_competency_tracker_in_welsh(page: Page, assert_accessible):
    href = _scenario_href(page, SCENARIO_TITLE)
    page.goto(f"{href}?student={_learner()}")
    tracker = page.locator(".eip-competency")
    expect(tracker.locator("h3").first).to_have_text("Eich cymwyseddau")
    assert_in_welsh(page, assert_accessible)

    form = tracker.locator('form[data-phase="before"]')
    form.locator("fieldset[data-domain]").first.locator('input[value="3"]').check()
    form.locator("button[type=submit]").click()
    expect(form.locator("[data-role=form-status]")).to_contain_text("Dewiswch asesiad")
    fieldsets = form.locator("fieldset[data-domain]")
    for index in range(fieldsets.count()):
        fieldsets.nth(index).locator('input[value="4"]').check()
    form.locator("button[type=submit]").click()
    expect(form.locator("[data-role=form-status]")).to_have_text("Mae eich asesiadau wedi'u cadw.")
    tracker.locator("button[data-action=refresh]").click()
    expect(tracker.locator("[data-role=status]")).to_have_text("Mae eich proffil yn gyfredol.")
    assert_in_welsh(page, assert_accessible)


def test_staff_views_in_welsh(page: Page, assert_accessible):
    """Studio's preview (author_view) and editor (studio_view) of each block."""
    exercise = parse_exercise(APPRAISAL.read_text("utf-8"), source=APPRAISAL.name)
    case = parse_case_study(CASE_STUDY.read_text("utf-8"), source=CASE_STUDY.name)
    for name in (exercise.display_name, case.display_name, SCENARIO_TITLE):
        href = _scenario_href(page, name)
        for view in ("author_view", "studio_view"):
            response = page.goto(f"{href}{view}/?student=staff")
            assert response is not None and response.ok
            if page.locator(".xblock-v1, .xblock").count():
                assert_in_welsh(page, assert_accessible)
