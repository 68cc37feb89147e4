"""Django configured as an LMS with event-routing-backends and our plugin app.

These tests need `edx-event-routing-backends` and this project installed beside it:
`tox -e xapi`. The main test environments do not collect this folder (tox.ini passes
--ignore). What only edx-platform provides (the learner's anonymous id, the course's name)
is stood in for, as event-routing-backends' own tests do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import django
import pytest
from django.conf import settings

LMS = "https://lms.example.org"
SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "events.jsonl"

if not settings.configured:
    settings.configure(
        INSTALLED_APPS=[
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "event_routing_backends",
            "xblocks.xapi.apps.EIPXapiConfig",
        ],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        LMS_ROOT_URL=LMS,
        XAPI_AGENT_IFI_TYPE="external_id",
        XAPI_EVENTS_ENABLED=True,
        XAPI_EVENT_LOGGING_ENABLED=False,
        USE_TZ=True,
    )
    django.setup()


@pytest.fixture(autouse=True)
def platform(monkeypatch: pytest.MonkeyPatch) -> None:
    """edx-platform's answers: the learner's anonymous xAPI id and the course's name."""
    from event_routing_backends.processors.xapi import transformer

    monkeypatch.setattr(transformer, "get_anonymous_user_id", lambda who, kind: f"anon-{who}")
    monkeypatch.setattr(
        transformer,
        "get_course_from_id",
        lambda course_id: {"display_name": "Using research in practice"},
    )


@pytest.fixture(scope="session")
def samples() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAMPLES.read_text("utf-8").splitlines()]
