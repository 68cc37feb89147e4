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
        return html, re.findall(r'data-usage="([^"]+)"', html)

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
