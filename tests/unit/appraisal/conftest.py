"""Fixtures for the eip_appraisal block tests: a test runtime that records what it publishes,
blocks parsed from the shipped exercises, and handler calls as the LMS makes them."""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Callable
from typing import Any

import pytest
import webob
from xblock.fields import ScopeIds
from xblock.runtime import DictKeyValueStore, KvsFieldData
from xblock.test.tools import TestRuntime

from xblocks.appraisal.block import AppraisalBlock
from xblocks.appraisal.model.exercise import OVERALL, Exercise

EXERCISES = sorted(
    entry.name
    for entry in importlib.resources.files("xblocks.appraisal.exercises").iterdir()
    if entry.name.endswith(".xml")
)


def exercise_text(name: str) -> str:
    return (importlib.resources.files("xblocks.appraisal.exercises") / name).read_text("utf-8")


class AppraisalRuntime(TestRuntime):
    """A runtime holding one store, recording what blocks publish."""

    def __init__(self, services: dict[str, Any] | None = None) -> None:
        self.kvs = DictKeyValueStore()
        super().__init__(services={"field-data": KvsFieldData(self.kvs), **(services or {})})
        self.published: list[tuple[str, dict]] = []

    def load_block_type(self, block_type: str) -> type:
        return AppraisalBlock

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False) -> str:
        return f"/handler/{handler_name}/{suffix}"

    def local_resource_url(self, block, uri: str) -> str:
        return f"/resource/{uri}"

    def publish(self, block, event_type: str, event_data: dict) -> None:
        self.published.append((event_type, event_data))

    def events(self, event_type: str) -> list[dict]:
        return [data for kind, data in self.published if kind == event_type]


class Learner:
    """One learner's view of a block: a fresh instance per request, as in the LMS."""

    def __init__(self, runtime: AppraisalRuntime, usage_id: Any, user_id: str) -> None:
        self.runtime = runtime
        self.usage_id = usage_id
        self.user_id = user_id

    @property
    def block(self) -> AppraisalBlock:
        definition_id = self.runtime.id_reader.get_definition_id(self.usage_id)
        keys = ScopeIds(self.user_id, "eip_appraisal", definition_id, self.usage_id)
        return self.runtime.construct_xblock_from_class(AppraisalBlock, keys)

    def call(self, handler: str, data: Any = None, method: str = "POST") -> tuple[int, dict]:
        body = json.dumps({} if data is None else data).encode()
        request = webob.Request.blank(
            "/", method=method, body=body, content_type="application/json"
        )
        response = self.block.handle(handler, request)
        return response.status_code, json.loads(response.body or b"{}")

    def view(self, view: str = "student_view") -> Any:
        """The view's Fragment."""
        return getattr(self.block, view)({})

    def html(self, view: str = "student_view") -> str:
        return self.view(view).content


@pytest.fixture
def appraisal_runtime() -> AppraisalRuntime:
    return AppraisalRuntime()


@pytest.fixture
def load_exercise(appraisal_runtime: AppraisalRuntime) -> Callable[..., Any]:
    """load_exercise(name_or_xml) -> usage id of a block parsed from a shipped exercise."""

    def load(name_or_xml: str) -> Any:
        xml = exercise_text(name_or_xml) if name_or_xml.endswith(".xml") else name_or_xml
        return appraisal_runtime.parse_xml_string(xml)

    return load


@pytest.fixture
def learner(appraisal_runtime: AppraisalRuntime, load_exercise) -> Callable[..., Learner]:
    """learner(exercise_name, user_id="learner") -> Learner of a block of that exercise."""
    usages: dict[str, Any] = {}

    def make(name: str = "fgc-trial.xml", user_id: str = "learner") -> Learner:
        if name not in usages:
            usages[name] = load_exercise(name)
        return Learner(appraisal_runtime, usages[name], user_id)

    return make


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "shipped_exercise" in metafunc.fixturenames:
        metafunc.parametrize("shipped_exercise", EXERCISES)


@pytest.fixture
def make_expert_appraisal() -> Callable[..., dict]:
    return expert_appraisal


@pytest.fixture
def make_differing_appraisal() -> Callable[[Exercise], dict]:
    return differing_appraisal


def expert_appraisal(exercise: Exercise, reason: str = "Because the paper says so.") -> dict:
    """A complete appraisal that agrees with the expert on every item."""
    answers = {}
    for item in exercise.instrument.items:
        expert = exercise.expert_answers[item.id]
        if item.text_only:
            answers[item.id] = {"answer": "My written answer.", "reason": ""}
        else:
            answers[item.id] = {"answer": expert.value, "reason": reason}
    return {
        "answers": answers,
        "overall": {"answer": exercise.overall_value, "reason": reason},
        "stopped": False,
    }


def differing_appraisal(exercise: Exercise) -> dict:
    """A complete appraisal whose scale answers are each the least credited by the scale."""
    appraisal = expert_appraisal(exercise)
    instrument = exercise.instrument
    for item in instrument.scored_items:
        scale = instrument.item_scale(item.id)
        expert = exercise.expert_answers[item.id].value
        appraisal["answers"][item.id]["answer"] = min(
            scale.values, key=lambda value, expert=expert: scale.credit(value, expert)
        )
    scale = instrument.overall_scale
    appraisal[OVERALL]["answer"] = min(
        scale.values, key=lambda value: scale.credit(value, exercise.overall_value)
    )
    return appraisal
