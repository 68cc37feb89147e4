"""Case studies through the workbench, as a learner's browser sees them: every shipped case
study has a scenario; before a choice is made, neither the page (with its runtime wrapper and
init data) nor any handler response carries its feedback or any ending's text; a step is
saved on the server, so a reload shows the same node."""

import re

import lxml.html
import pytest

pytestmark = pytest.mark.django_db


def _shown(html: str) -> str:
    return " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())


def _case_scenarios() -> dict:
    from workbench.scenarios import get_scenarios

    return {name: sc for name, sc in sorted(get_scenarios().items()) if "eip_case_study" in name}


def _secret_snippets(case) -> list[str]:
    """The start of every choice's feedback and every ending's outcome and debrief."""
    from xblocks.core.markdown import plain_text

    texts = []
    for node in case.nodes.values():
        if node.kind == "decision":
            texts += [choice.feedback_md for choice in node.choices]
        elif node.kind == "ending":
            texts += [node.outcome_md, node.debrief_md]
    return [plain_text(text)[:50] for text in texts if len(plain_text(text)) >= 24]


def _node_of(html: str) -> str:
    return re.search(r'<section class="eip-case-study__node[^"]*" data-node="([^"]+)"', html)[1]


def test_every_shipped_case_study_is_a_scenario():
    from xblocks.case_study.block import CaseStudyBlock

    assert len(_case_scenarios()) == len(CaseStudyBlock.workbench_scenarios()) >= 3


def test_pages_and_handlers_keep_what_is_ahead(scenario_page, post_json):
    from xblocks.case_study.model import parse_case_study

    for scenario_id, scenario in _case_scenarios().items():
        case = parse_case_study(scenario.xml, source=scenario_id)
        snippets = _secret_snippets(case)
        assert snippets
        html, usage_ids = scenario_page(scenario_id, student="curious")
        start = _node_of(html)
        responses = [html]
        for handler, body in [
            ("choose", {"node": start, "choice": "no-such-choice"}),
            ("map", {"node": start, "placements": {}}),
            ("advance", {"node": "no-such-node"}),
            ("back", {}),
            ("restart", {}),
        ]:
            response = post_json(usage_ids[0], handler, body, student="curious")
            responses.append(response.content.decode())
        responses.append(scenario_page(scenario_id, student="curious")[0])
        for response in responses:
            shown = _shown(response)
            for snippet in snippets:
                assert snippet not in response and snippet not in shown, (scenario_id, snippet)


def test_a_step_is_saved_and_a_reload_resumes_there(scenario_page, post_json):
    scenario_id = next(iter(_case_scenarios()))
    html, usage_ids = scenario_page(scenario_id, student="resumer")
    start = _node_of(html)
    response = post_json(usage_ids[0], "advance", {"node": start}, student="resumer")
    assert response.status_code == 200, response.content
    moved = _node_of(response.json()["node_html"])
    assert moved != start
    assert _node_of(scenario_page(scenario_id, student="resumer")[0]) == moved
    assert _node_of(scenario_page(scenario_id, student="someone-else")[0]) == start
