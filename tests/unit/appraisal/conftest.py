"""Fixtures for the eip_appraisal block tests: blocks parsed from the shipped exercises in the
shared recording runtime, learners calling their handlers as the LMS does, and appraisals
made to measure."""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable
from typing import Any

import pytest

from xblocks.appraisal.block import AppraisalBlock
from xblocks.appraisal.model.exercise import OVERALL, Exercise

EXERCISES = sorted(
    entry.name
    for entry in importlib.resources.files("xblocks.appraisal.exercises").iterdir()
    if entry.name.endswith(".xml")
)


def exercise_text(name: str) -> str:
    return (importlib.resources.files("xblocks.appraisal.exercises") / name).read_text("utf-8")


@pytest.fixture
def appraisal_runtime(block_runtime) -> Any:
    return block_runtime("eip_appraisal", AppraisalBlock)


@pytest.fixture
def load_exercise(appraisal_runtime) -> Callable[..., Any]:
    """load_exercise(name_or_xml) -> usage id of a block parsed from a shipped exercise."""

    def load(name_or_xml: str) -> Any:
        xml = exercise_text(name_or_xml) if name_or_xml.endswith(".xml") else name_or_xml
        return appraisal_runtime.parse_xml_string(xml)

    return load


@pytest.fixture
def learner(make_learners, appraisal_runtime, load_exercise) -> Callable[..., Any]:
    """learner(exercise_name="fgc-trial.xml", user_id="learner") -> Learner of a block of
    that exercise."""
    return make_learners(appraisal_runtime, load_exercise, "fgc-trial.xml")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "shipped_exercise" in metafunc.fixturenames:
        metafunc.parametrize("shipped_exercise", EXERCISES)


@pytest.fixture
def make_differing_appraisal(make_expert_appraisal) -> Callable[[Exercise], dict]:
    """A complete appraisal whose scale answers are each the least credited by the scale."""

    def differing_appraisal(exercise: Exercise) -> dict:
        appraisal = make_expert_appraisal(exercise)
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

    return differing_appraisal
