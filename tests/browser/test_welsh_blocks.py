"""Each block in Welsh in `eip serve` (`?lang=cy`): the page declares lang="cy", no interface
string of the English catalogues is left on it as the learner works through it (the authored
exercise and case-study content is English and is not checked), and axe finds no serious or
critical violation. The language switch on the page goes back to English."""

from __future__ import annotations

import html
import re
import textwrap
import urllib.parse
import urllib.request
import uuid
from functools import cache
from pathlib import Path

import lxml.html
from babel.messages.pofile import read_po
from lxml import etree
from playwright.sync_api import Page, expect

from eip.i18n.catalogues import CATALOGUES, SOURCE_LANGUAGE
from xblocks.appraisal.model.exercise import parse_exercise
from xblocks.case_study.model import parse_case_study
from xblocks.competency.block import SCENARIO_TITLE
from xblocks.core.markdown import render_markdown

ROOT = Path(__file__).resolve().parents[2]
APPRAISAL = ROOT / "assessments" / "appraisals" / "fgc-trial.xml"
CASE_STUDY = ROOT / "assessments" / "case-studies" / "pre-birth-domestic-abuse.xml"
PLACEHOLDER = re.compile(r"(\{[a-z_]*\}|%\([a-z_]+\)[sd])")
# Authored text this long is taken out of a line before looking for interface strings in it.
LONG_FRAGMENT = 8

PAGE_TEXTS = """() => {
    const clean = (text) => (text || '').replace(/\\s+/g, ' ').trim();
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const parent = walker.currentNode.parentElement;
        // A textarea holds what a person typed or authored, not the interface.
        if (parent && !parent.closest('script, style, textarea')) {
            texts.push(clean(walker.currentNode.data));
        }
    }
    const lines = 'p, li, h1, h2, h3, h4, h5, h6, dt, dd, th, td, caption, label, legend, '
        + 'button, summary, option, a, figcaption';
    document.querySelectorAll(lines).forEach((el) => texts.push(clean(el.textContent)));
    document.querySelectorAll('[aria-label], [title], [alt], [placeholder]').forEach((el) => {
        ['aria-label', 'title', 'alt', 'placeholder'].forEach((name) => {
            if (el.hasAttribute(name)) texts.push(clean(el.getAttribute(name)));
        });
    });
    const strings = (value) => typeof value === 'string' ? [value]
        : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
    document.querySelectorAll('script.xblock_json_init_args').forEach((script) => {
        try { strings(JSON.parse(script.textContent)).forEach((s) => texts.push(clean(s))); }
        catch (error) { /* not JSON: nothing a person reads */ }
    });
    return texts.filter(Boolean);
}"""


def _pattern(message_id: str) -> re.Pattern | None:
    """The message as a regular expression, placeholders matching anything; None when it
    has no word of its own to find (e.g. "{count} {kind}")."""
    text = re.sub(r"<[^>]+>", "", message_id)
    if not re.search(r"[A-Za-z]{2,}", PLACEHOLDER.sub("", text)):
        return None
    body = "".join(
        ".+?" if PLACEHOLDER.fullmatch(part) else re.escape(part)
        for part in PLACEHOLDER.split(text)
    )
    start = r"\b" if re.match(r"\w", text) else ""
    end = r"\b" if re.search(r"\w$", text) else ""
    return re.compile(start + body + end)


@cache
def interface_strings() -> tuple[tuple[str, re.Pattern], ...]:
    """Every English message id of the blocks' and the workbench's catalogues."""
    found = []
    for spec in CATALOGUES:
        with spec.po_path(ROOT, SOURCE_LANGUAGE).open("rb") as handle:
            catalog = read_po(handle, locale=SOURCE_LANGUAGE)
        for message in catalog:
            for part in message.id if isinstance(message.id, tuple) else (message.id,):
                pattern = _pattern(part) if part else None
                if pattern is not None:
                    found.append((part, pattern))
    return tuple(found)


def _clean(text: str) -> str:
    return " ".join(html.unescape(text or "").split())


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


@cache
def proper_names() -> tuple[str, ...]:
    """The names docs/glossary-cy.md keeps in English (e.g. Evidence in Practice)."""
    text = (ROOT / "docs" / "glossary-cy.md").read_text(encoding="utf-8")
    names = text.split("## Names kept in English", 1)[1].split("##", 1)[0].split(":", 1)[1]
    return tuple(sorted((name.strip(" .\n") for name in names.split(",")), key=len, reverse=True))


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
    assert_accessible(page)


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
