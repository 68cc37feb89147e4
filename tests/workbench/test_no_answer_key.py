"""Through the workbench, as a learner's browser sees it: before submission, neither the page
(with its runtime wrapper and init data) nor any handler response carries the answer key."""

import pytest

pytestmark = pytest.mark.django_db


def appraisal_scenarios() -> list[str]:
    from workbench.scenarios import get_scenarios

    return sorted(name for name in get_scenarios() if name.startswith("eip_appraisal."))


def test_every_exercise_page_and_handler_keeps_the_answer_key(
    scenario_page, post_json, answer_key_probe
) -> None:
    from workbench.scenarios import get_scenarios

    from xblocks.appraisal.model.exercise import parse_exercise

    scenario_ids = appraisal_scenarios()
    assert len(scenario_ids) >= 3
    for scenario_id in scenario_ids:
        exercise = parse_exercise(get_scenarios()[scenario_id].xml, source=scenario_id)
        probe = answer_key_probe(exercise)
        # The probe sees the key in the exercise XML, which the SDK's own page template prints.
        assert probe.leaks(get_scenarios()[scenario_id].xml)
        first = exercise.instrument.items[0].id
        html, usage_ids = scenario_page(scenario_id, student="curious")
        responses = [html]
        for handler, body in [
            ("save_draft", {"answers": {first: {"answer": "", "reason": "draft"}}}),
            ("submit", {"answers": {first: {"answer": "", "reason": "too soon"}}}),
            ("retry", {}),
        ]:
            responses.append(post_json(usage_ids[0], handler, body, student="curious").content)
        responses.append(scenario_page(scenario_id, student="curious")[0])
        for response in responses:
            text = response if isinstance(response, str) else response.decode()
            assert probe.leaks(text) == [], scenario_id
