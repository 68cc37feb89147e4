"""Our events through event-routing-backends' own xAPI processor and registry."""

from __future__ import annotations

import json

import pytest
from event_routing_backends.processors.xapi.registry import XApiTransformersRegistry
from event_routing_backends.processors.xapi.transformer_processor import XApiProcessor
from tincan import Statement

from xblocks.xapi import mapping
from xblocks.xapi.transformers import EIPTransformer
from xblocks.xapi.vocabulary import EVENT_NAMES, extension

LMS = "https://lms.example.org"


def _transform(event: dict) -> dict:
    """The statement, raising what the processor would only log."""
    statement = XApiTransformersRegistry.get_transformer(event).transform()
    return json.loads(statement.to_json())


def test_the_app_registered_a_transformer_for_every_event():
    for name in EVENT_NAMES:
        assert XApiTransformersRegistry.mapping[name] is EIPTransformer


def test_the_processor_transforms_every_sample(samples):
    statements = XApiProcessor()([dict(sample) for sample in samples])
    assert len(statements) == len(samples)
    assert {s["verb"]["id"] for s in statements} == {
        mapping.verb(name)["id"] for name in EVENT_NAMES
    }


@pytest.fixture(params=range(7), ids=lambda i: f"sample{i}")
def sample(request, samples) -> dict:
    return samples[request.param]


def test_the_statement_is_the_mapping_plus_what_the_platform_knows(sample):
    made = _transform(sample)
    pure = mapping.statement(sample, actor=made["actor"], lms_root=LMS)
    assert made["verb"] == pure["verb"]
    assert made["object"] == pure["object"]
    assert made["result"] == pure["result"]
    assert made["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": LMS, "name": "anon-42"},
    }
    assert made["version"] == "1.0.3"
    assert made["timestamp"].startswith("2027-02-01T10:")


def test_the_course_is_named_and_the_competencies_follow_it(sample):
    parents = _transform(sample)["context"]["contextActivities"]["parent"]
    assert parents[0]["id"] == f"{LMS}/course/{sample['context']['course_id']}"
    assert parents[0]["definition"]["name"] == {"en-US": "Using research in practice"}
    pure = mapping.parent_activities(sample, LMS)
    assert parents[1:] == pure[1:]


def test_our_context_extensions_join_the_routers_own(sample):
    extensions = _transform(sample)["context"]["extensions"]
    assert extensions[extension("course_version")] == "1.0"
    assert extensions["https://w3id.org/xapi/openedx/extension/transformer-version"].startswith(
        "event-routing-backends@"
    )


def test_statement_ids_are_stable(sample):
    assert _transform(sample)["id"] == _transform(json.loads(json.dumps(sample)))["id"]


def test_statements_read_back_as_valid_tincan_statements(sample):
    made = _transform(sample)
    again = json.loads(Statement.from_json(json.dumps(made)).to_json())
    assert again == made
