"""Workbench tests: the SDK workbench with our settings, through Django's test client."""

import json
import re

import pytest


@pytest.fixture
def scenario_page(client):
    """Fetch a scenario's page as a learner; returns (html, usage ids of our blocks)."""

    def fetch(scenario_id: str, student: str = "student_1") -> tuple[str, list[str]]:
        response = client.get(f"/scenario/{scenario_id}/", {"student": student})
        assert response.status_code == 200
        html = response.content.decode()
        return html, re.findall(r"data-usage=['\"]([^'\"]+)['\"]", html)

    return fetch


@pytest.fixture
def post_json(client):
    def post(usage_id: str, handler: str, body, student: str = "student_1"):
        data = body if isinstance(body, str) else json.dumps(body)
        return client.post(
            f"/handler/{usage_id}/{handler}/?student={student}",
            data=data,
            content_type="application/json",
        )

    return post


def answers_like_the_expert(scenario_xml: str) -> dict:
    """An appraisal that answers every item as the expert did, each with a reason."""
    from xblocks.appraisal.model.exercise import parse_exercise

    exercise = parse_exercise(scenario_xml, source="scenario")
    answers = {}
    for item in exercise.instrument.items:
        expert = exercise.expert_answers[item.id]
        if item.text_only:
            answers[item.id] = {"answer": "Written answer."}
        else:
            answers[item.id] = {"answer": expert.value, "reason": "My reason."}
    return {"answers": answers, "overall": {"answer": exercise.overall_value, "reason": "Why."}}


@pytest.fixture
def appraisal_scenario():
    """(scenario id, exercise XML) of the first appraisal scenario the workbench lists."""
    from workbench.scenarios import get_scenarios

    scenario_id, scenario = sorted(
        (name, sc) for name, sc in get_scenarios().items() if name.startswith("eip_appraisal.")
    )[0]
    return scenario_id, scenario.xml


@pytest.fixture
def complete_appraisal():
    return answers_like_the_expert


@pytest.fixture(autouse=True)
def fresh_scenarios(db, monkeypatch, tmp_path):
    """Reload scenarios into each test's database (the SDK caches them in a global).

    Course previews are left out here (the browser tests walk them): they take seconds.
    """
    from workbench import scenarios

    monkeypatch.setenv("EIP_COURSES_DIR", str(tmp_path / "no-courses"))

    scenarios.SCENARIOS.clear()
    scenarios.get_scenarios.initialized = False
