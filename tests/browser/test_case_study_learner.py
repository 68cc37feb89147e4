"""A learner plays a shipped case study in the workbench with the keyboard only (Tab, Space,
Enter, arrow keys and typing; never a click): steps, a choice and its feedback, back, a
reload that resumes at the same node, the sorting activity and the safety scale, and the
debrief at an ending. Focus follows each step, and axe finds no serious violations."""

from __future__ import annotations

import uuid

from playwright.sync_api import Page, expect

from xblocks.case_study.block import SCENARIOS_FOLDER, SCENARIOS_PACKAGE
from xblocks.case_study.model import parse_case_study
from xblocks.core.resources import shipped_root

CASE = "pre-birth-domestic-abuse.xml"
BLOCK = ".eip-case-study"
NODE = "section.eip-case-study__node"


def _case():
    text = shipped_root(SCENARIOS_PACKAGE, SCENARIOS_FOLDER).joinpath(CASE).read_text("utf-8")
    return parse_case_study(text, source=CASE)


def _open(page: Page, student: str) -> None:
    page.goto("/")
    link = page.get_by_role("link", name=_case().display_name, exact=True)
    page.goto(f"{link.get_attribute('href')}?student={student}")
    expect(page.locator(NODE)).to_be_visible()


def _focused(page: Page, selector: str) -> bool:
    return page.evaluate(
        "s => !!document.activeElement && document.activeElement.matches(s)", selector
    )


def _tab_to(page: Page, selector: str, limit: int = 120) -> None:
    """Press Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if _focused(page, selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _current(page: Page) -> tuple[str, str]:
    node = page.locator(NODE)
    return node.get_attribute("data-node"), node.get_attribute("data-kind")


def _continue(page: Page) -> None:
    _tab_to(page, f"{NODE} button[type=submit]")
    page.keyboard.press("Enter")


def _pick_radio(page: Page, group: str, value: str) -> None:
    """Tab into a radio group, then select `value` with Space and the arrow keys."""
    _tab_to(page, f"{group} input[type=radio]")
    page.keyboard.press("Space")
    for _ in range(10):
        if _focused(page, f'{group} input[type=radio][value="{value}"]'):
            break
        page.keyboard.press("ArrowDown")
    expect(page.locator(f'{group} input[value="{value}"]')).to_be_checked()


def _choose(page: Page, node_id: str, choice_id: str) -> None:
    _pick_radio(page, f'{NODE}[data-node="{node_id}"] fieldset', choice_id)
    _continue(page)


def _sort(page: Page, node) -> None:
    """Sort every statement as the authors expect, give the scale and a reason."""
    for statement in node.statements:
        _pick_radio(page, f'fieldset[data-statement="{statement.id}"]', statement.expected)
    if node.scale:
        _tab_to(page, "input[name=scale]")
        page.keyboard.type("3")
        _tab_to(page, "textarea[name=reason]")
        page.keyboard.type("The danger is current; the plan is not yet in place.")
    _continue(page)


def _expect_moved_from(page: Page, node_id: str) -> None:
    expect(page.locator(f'{NODE}:not([data-node="{node_id}"])')).to_be_visible()
    expect(page.locator(f"{NODE} [data-role=heading]")).to_be_focused()


def _best_choice(case, node_id: str) -> str:
    return max(case.node(node_id).choices, key=lambda choice: choice.points).id


def test_learner_plays_to_an_ending_with_the_keyboard(page: Page, assert_accessible):
    case = _case()
    _open(page, f"learner-{uuid.uuid4().hex[:8]}")
    assert _current(page)[0] == case.start
    assert_accessible(page, include=BLOCK)
    reloaded = checked_decision = went_back = sorted_mapping = False
    for _ in range(60):
        node_id, kind = _current(page)
        if kind == "ending":
            break
        if kind == "decision":
            if not checked_decision:
                assert_accessible(page, include=BLOCK)
                checked_decision = True
            choice = _best_choice(case, node_id)
            if not went_back:
                # Choose, read the feedback, go back, and choose again.
                worst = min(case.node(node_id).choices, key=lambda item: item.points).id
                _choose(page, node_id, worst)
                _expect_moved_from(page, node_id)
                feedback = page.locator(".eip-case-study__previous")
                expect(feedback).to_contain_text(case.node(node_id).choice(worst).label)
                _tab_to(page, "button[data-action=back]")
                page.keyboard.press("Enter")
                expect(page.locator(f'{NODE}[data-node="{node_id}"]')).to_be_visible()
                expect(page.locator(f"{NODE} [data-role=heading]")).to_be_focused()
                went_back = True
            _choose(page, node_id, choice)
            _expect_moved_from(page, node_id)
            expect(page.locator(".eip-case-study__previous")).to_contain_text(
                case.node(node_id).choice(choice).label
            )
            if not reloaded:
                moved_to = _current(page)[0]
                page.reload()
                expect(page.locator(f'{NODE}[data-node="{moved_to}"]')).to_be_visible()
                expect(page.locator(".eip-case-study__previous")).to_be_visible()
                reloaded = True
        elif kind == "mapping":
            _sort(page, case.node(node_id))
            _expect_moved_from(page, node_id)
            result = page.locator(".eip-case-study__previous")
            count = len(case.node(node_id).statements)
            expect(result).to_contain_text(f"You sorted {count} of {count} statements")
            sorted_mapping = True
        elif kind == "reflection":
            _tab_to(page, "textarea[name=text]")
            page.keyboard.type("I noticed I wanted to reassure everyone.")
            _continue(page)
            _expect_moved_from(page, node_id)
        else:
            _continue(page)
            _expect_moved_from(page, node_id)
    ending_id, kind = _current(page)
    assert kind == "ending"
    assert reloaded and went_back and sorted_mapping
    ending = page.locator(NODE)
    expect(ending).to_contain_text("What happened")
    expect(ending.locator("[data-role=score]")).to_contain_text("Your score")
    expect(ending.locator(".eip-case-study__path > li").first).to_be_visible()
    expect(page.locator("[data-role=status]")).to_contain_text(case.node(ending_id).title)
    assert_accessible(page, include=BLOCK)

    page.reload()
    expect(page.locator(f'{NODE}[data-node="{ending_id}"]')).to_be_visible()
    _tab_to(page, "button[data-action=restart]")
    page.keyboard.press("Enter")
    expect(page.locator(f'{NODE}[data-node="{case.start}"]')).to_be_visible()
    expect(page.locator(f"{NODE} [data-role=heading]")).to_be_focused()


def test_an_unsorted_statement_is_pointed_out(page: Page):
    case = _case()
    _open(page, f"learner-{uuid.uuid4().hex[:8]}")
    mapping = next(node for node in case.nodes.values() if node.kind == "mapping")
    for _ in range(60):
        node_id, kind = _current(page)
        if node_id == mapping.id:
            break
        if kind == "decision":
            # Reach the mapping: follow choices whose target leads on towards it.
            choice = _best_choice(case, node_id)
            _choose(page, node_id, choice)
        elif kind == "reflection" or kind in ("narrative", "evidence"):
            _continue(page)
        _expect_moved_from(page, node_id)
    assert _current(page)[0] == mapping.id
    first = mapping.statements[0]
    _pick_radio(page, f'fieldset[data-statement="{first.id}"]', first.expected)
    _continue(page)
    problem = page.locator("[data-role=problem]")
    expect(problem).to_be_visible()
    second = mapping.statements[1].id
    expect(page.locator(f'fieldset[data-statement="{second}"] input').first).to_be_focused()
    assert _current(page)[0] == mapping.id


def test_readable_at_phone_width(browser, workbench_server, assert_accessible):
    phone = browser.new_context(base_url=workbench_server, viewport={"width": 360, "height": 740})
    page = phone.new_page()
    try:
        case = _case()
        _open(page, f"learner-{uuid.uuid4().hex[:8]}")
        for _ in range(30):
            node_id, kind = _current(page)
            widths = page.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert widths[0] <= widths[1], f"{node_id} scrolls sideways at 360px: {widths}"
            if kind in ("mapping", "ending"):
                break
            if kind == "decision":
                _choose(page, node_id, _best_choice(case, node_id))
            else:
                _continue(page)
            _expect_moved_from(page, node_id)
        assert_accessible(page, include=BLOCK)
    finally:
        phone.close()
