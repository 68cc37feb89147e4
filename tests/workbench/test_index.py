"""The workbench index shows our scenarios and hides the SDK's samples."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_index_lists_every_shipped_exercise_and_no_sample(client) -> None:
    html = client.get("/").content.decode()
    scenario_ids = re.findall(r'href="/scenario/([^/"]+)/"', html)
    assert scenario_ids
    assert all(scenario_id.startswith("eip_") for scenario_id in scenario_ids), scenario_ids
    assert '<html lang="en' in html


def test_sdk_samples_are_installed_but_hidden(settings) -> None:
    assert {"problem_demo", "html_demo", "thumbs"} <= settings.EXCLUDED_XBLOCKS
    assert not any(name.startswith("eip_") for name in settings.EXCLUDED_XBLOCKS)
