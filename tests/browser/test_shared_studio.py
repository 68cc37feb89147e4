"""The Studio editor the blocks share (xblocks/core): its files are served under each block,
and a refused save lists the problems in place and moves focus to them."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from xblocks.appraisal.model.exercise import parse_exercise
from xblocks.case_study.model import parse_case_study

ROOT = Path(__file__).resolve().parents[2]
APPRAISAL = ROOT / "assessments" / "appraisals" / "fgc-trial.xml"
CASE_STUDY = ROOT / "assessments" / "case-studies" / "pre-birth-domestic-abuse.xml"


def _titles() -> list[str]:
    exercise = parse_exercise(APPRAISAL.read_text("utf-8"), source=APPRAISAL.name)
    case = parse_case_study(CASE_STUDY.read_text("utf-8"), source=CASE_STUDY.name)
    return [exercise.display_name, case.display_name]


@pytest.mark.parametrize("index", [0, 1])
def test_the_shared_editor_refuses_broken_xml_in_place(page: Page, assert_accessible, index):
    page.goto("/?lang=en")
    href = page.get_by_role("link", name=_titles()[index], exact=True).get_attribute("href")
    assert href
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(f"{href}studio_view/?student=staff")

    editor = page.locator(".eip-studio")
    expect(editor).to_have_count(1)
    assert page.evaluate("() => typeof window.EIPCore.post === 'function'")
    assert page.evaluate("() => typeof EIPStudio === 'function'")
    assert not [url for url in failed if "/resource/" in url]
    editor.locator("textarea[name=content_xml]").fill("<oops>")
    editor.locator("button[data-action=save]").click()

    problems = editor.locator("[data-role=errors]")
    expect(problems).to_be_visible()
    expect(problems).to_be_focused()
    expect(problems.locator("li").first).to_contain_text("Studio editor:")
    assert not errors
    assert_accessible(page)
