"""A handler call from a scenario page adds a tracking-log line in Open edX's shape."""

import json

import pytest

pytestmark = pytest.mark.django_db


def read_lines(path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_submission_is_written_to_the_tracking_log(
    settings, appraisal_scenario, scenario_page, post_json, complete_appraisal
) -> None:
    scenario_id, xml = appraisal_scenario
    _, usage_ids = scenario_page(scenario_id, student="tracking_learner")
    before = read_lines(settings.EIP_TRACKING_LOG)

    response = post_json(
        usage_ids[0], "submit", complete_appraisal(xml), student="tracking_learner"
    )

    assert response.status_code == 200, response.content
    added = read_lines(settings.EIP_TRACKING_LOG)[len(before) :]
    assert {line["event_type"] for line in added} == {
        "grade",
        "completion",
        "edx.eip.appraisal.submitted",
    }
    for line in added:
        assert line["username"] == "tracking_learner"
        assert line["event_source"] == "server"
        assert line["time"].endswith("+00:00")
        assert line["context"]["course_id"] == settings.EIP_WORKBENCH_COURSE_ID
        assert line["context"]["user_id"] == "tracking_learner"
        assert line["context"]["module"]["usage_key"] == usage_ids[0]
    submitted = next(line for line in added if line["event_type"].startswith("edx.eip."))
    assert submitted["event"]["attempt"] == 1
    grade = next(line for line in added if line["event_type"] == "grade")
    assert grade["event"]["value"] == grade["event"]["max_value"]


def test_refused_input_writes_no_tracking_line(
    settings, appraisal_scenario, scenario_page, post_json
) -> None:
    scenario_id, _ = appraisal_scenario
    _, usage_ids = scenario_page(scenario_id, student="careless_learner")
    before = read_lines(settings.EIP_TRACKING_LOG)

    response = post_json(usage_ids[0], "submit", "{not json", student="careless_learner")

    assert response.status_code == 400
    assert "error" in response.json()
    assert read_lines(settings.EIP_TRACKING_LOG) == before
