"""A learner appraises a study in the workbench: drafts survive a reload, the screening stop
rule, submission, feedback with peer counts, and no serious accessibility violations."""

from __future__ import annotations

import importlib.resources
import uuid

from playwright.sync_api import Page, expect

from xblocks.appraisal.model.exercise import parse_exercise

EXERCISE = "fgc-trial.xml"
BLOCK = ".eip-appraisal"


def _exercise():
    text = (importlib.resources.files("xblocks.appraisal.exercises") / EXERCISE).read_text("utf-8")
    return parse_exercise(text, source=EXERCISE)


def _open(page: Page, student: str) -> None:
    page.goto("/")
    href = page.get_by_role("link", name=_exercise().display_name, exact=True).get_attribute("href")
    page.goto(f"{href}?student={student}")
    expect(page.locator("form[data-role=form]")).to_be_visible()


def _answer(page: Page, item_id: str, option: int, reason: str) -> None:
    fieldset = page.locator(f'fieldset[data-item="{item_id}"]')
    radios = fieldset.locator("input[type=radio]")
    if radios.count():
        radios.nth(option).check()
    fieldset.locator("textarea").fill(reason)


def _answer_overall(page: Page) -> None:
    overall = page.locator("fieldset[data-overall]")
    overall.locator("input[type=radio]").nth(1).check()
    overall.locator("textarea").fill("Overall, moderate.")


def test_learner_appraises_reloads_submits_and_sees_feedback(page: Page, assert_accessible):
    item_ids = [item.id for item in _exercise().instrument.items]
    half = len(item_ids) // 2
    _open(page, f"learner-{uuid.uuid4().hex[:8]}")
    assert_accessible(page, include=BLOCK)

    for item_id in item_ids[:half]:
        _answer(page, item_id, 0, f"Reason for {item_id}")
    expect(page.locator("[data-role=save-status]")).not_to_be_empty(timeout=10_000)
    page.reload()
    for item_id in item_ids[:half]:
        fieldset = page.locator(f'fieldset[data-item="{item_id}"]')
        expect(fieldset.locator("textarea")).to_have_value(f"Reason for {item_id}")
        if fieldset.locator("input[type=radio]").count():
            expect(fieldset.locator("input[type=radio]").first).to_be_checked()

    for item_id in item_ids[half:]:
        _answer(page, item_id, 0, f"Reason for {item_id}")
    _answer_overall(page)
    page.locator("button[data-action=submit]").click()

    feedback = page.locator("[data-role=feedback]")
    expect(feedback).to_be_visible()
    expect(page.locator("[data-role=status]")).to_contain_text("%")
    expect(feedback.locator(".eip-appraisal__heading")).to_be_focused()
    expect(feedback.locator(".eip-appraisal__peers").first).to_be_visible()
    expect(feedback.locator(".eip-appraisal__agreement").first).not_to_be_empty()
    assert_accessible(page, include=BLOCK)

    page.reload()
    expect(page.locator("[data-role=feedback]")).to_be_visible()
    page.locator("button[data-action=retry]").click()
    expect(page.locator("form[data-role=form]")).to_be_visible()
    expect(page.locator(f'fieldset[data-item="{item_ids[0]}"] textarea')).to_have_value(
        f"Reason for {item_ids[0]}"
    )


def test_incomplete_submission_lists_problems_and_moves_focus(page: Page):
    _open(page, f"learner-{uuid.uuid4().hex[:8]}")
    page.locator("button[data-action=submit]").click()
    problems = page.locator("[data-role=problems]")
    expect(problems).to_be_visible()
    expect(problems).to_be_focused()
    assert problems.locator("li").count() > 1


def test_hints_open_from_the_keyboard(page: Page):
    _open(page, f"learner-{uuid.uuid4().hex[:8]}")
    toggle = page.locator("button[data-action=hint]").first
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator(f"#{toggle.get_attribute('aria-controls')}")).to_be_visible()
    page.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-expanded", "false")


def test_screening_no_offers_to_stop_and_submit(page: Page, assert_accessible):
    rule = _exercise().instrument.stop_rule
    _open(page, f"learner-{uuid.uuid4().hex[:8]}")
    _answer_overall(page)
    first = page.locator(f'fieldset[data-item="{rule.item_ids[0]}"]')
    first.locator(f'input[value="{rule.answers[0]}"]').check()
    first.locator("textarea").fill("No clear question.")
    notice = page.locator("[data-role=stop-notice]")
    expect(notice).to_be_visible()
    expect(notice.locator("[role=alert]")).to_have_text(rule.message.get())
    assert_accessible(page, include=BLOCK)

    notice.locator("button[data-action=continue]").click()
    expect(notice).to_be_hidden()
    first.locator("input[type=radio]").first.check()
    expect(notice).to_be_hidden()
    first.locator(f'input[value="{rule.answers[0]}"]').check()
    expect(notice).to_be_visible()
    notice.locator("button[data-action=stop]").click()
    expect(page.locator("[data-role=feedback]")).to_contain_text("screening")


def test_readable_at_phone_width(browser, workbench_server, assert_accessible):
    phone = browser.new_context(base_url=workbench_server, viewport={"width": 360, "height": 740})
    page = phone.new_page()
    try:
        _open(page, f"learner-{uuid.uuid4().hex[:8]}")
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], f"the page scrolls sideways at 360px: {widths}"
        study = page.locator(".eip-appraisal__study").bounding_box()
        form = page.locator("form[data-role=form]").bounding_box()
        assert form["y"] >= study["y"] + study["height"] - 1, "study and form should stack"
        assert_accessible(page, include=BLOCK)
    finally:
        phone.close()
