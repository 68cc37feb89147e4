"""The xAPI mapping (xblocks/xapi/mapping.py) as plain functions, on sample events recorded
from the blocks (fixtures/events.jsonl, held to docs/events.md by
tests/unit/test_events_documented.py). Runs with the main suite: nothing here needs the LMS.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xblocks.xapi import mapping
from xblocks.xapi.vocabulary import (
    CONTEXT_FIELDS,
    COURSE,
    EVENTS,
    OBJECTIVE,
    competency_iri,
    extension,
)

HERE = Path(__file__).parent
LMS = "https://lms.example.org"
ACTOR = {"objectType": "Agent", "account": {"homePage": LMS, "name": "anon-42"}}
SAMPLES = [
    json.loads(line)
    for line in (HERE / "fixtures" / "events.jsonl").read_text("utf-8").splitlines()
]
XAPI_DOC = HERE.parents[1] / "docs" / "xapi.md"
EVENTS_DOC = HERE.parents[1] / "docs" / "events.md"


def _id(sample: dict) -> str:
    return sample["name"].removeprefix("edx.eip.") + (
        f"-{sample['data']['kind']}" if "kind" in sample["data"] else ""
    )


@pytest.fixture(params=SAMPLES, ids=_id)
def sample(request) -> dict:
    return request.param


def _statement(event: dict) -> dict:
    return mapping.statement(event, actor=ACTOR, lms_root=LMS)


def test_every_event_has_a_sample():
    assert {sample["name"] for sample in SAMPLES} == set(EVENTS)


def test_the_statement_names_the_verb_and_the_actor_given(sample):
    made = _statement(sample)
    chosen = EVENTS[sample["name"]].verb
    assert made["verb"] == {"id": chosen.iri, "display": {"en": chosen.display}}
    assert made["actor"] == ACTOR
    assert made["timestamp"] == sample["timestamp"]


def test_the_object_is_the_block_or_the_competency(sample):
    made = _statement(sample)["object"]
    chosen = EVENTS[sample["name"]]
    assert made["definition"]["type"] == chosen.object_type
    if chosen.object_type == OBJECTIVE:
        assert made["id"] == competency_iri(sample["data"]["competency"])
    else:
        key = sample["context"]["module"]["usage_key"]
        assert made["id"] == f"{LMS}/xblock/{key}"
        assert made["definition"]["name"] == {"en": sample["context"]["module"]["display_name"]}


def test_the_course_and_the_competencies_are_parent_activities(sample):
    parents = _statement(sample)["context"]["contextActivities"]["parent"]
    course = sample["context"]["course_id"]
    assert parents[0] == {
        "objectType": "Activity",
        "id": f"{LMS}/course/{course}",
        "definition": {"type": COURSE},
    }
    tags = sample["data"].get("competencies", [])
    assert [parent["id"] for parent in parents[1:]] == [competency_iri(t["id"]) for t in tags]
    assert all(parent["definition"] == {"type": OBJECTIVE} for parent in parents[1:])


def test_every_field_of_the_event_reaches_the_statement(sample):
    chosen = EVENTS[sample["name"]]
    accounted = {*chosen.scored, *chosen.extensions, *CONTEXT_FIELDS}
    if chosen.object_type == OBJECTIVE:
        accounted.add("competency")
    assert set(sample["data"]) <= accounted
    made = _statement(sample)
    for field in chosen.extensions:
        if sample["data"].get(field) is not None:
            assert made["result"]["extensions"][extension(field)] == sample["data"][field]
    extensions = made["context"]["extensions"]
    assert extensions[extension("course_version")] == "1.0"
    if "competencies" in sample["data"]:
        assert extensions[extension("competencies")] == sample["data"]["competencies"]


def test_scores_are_valid_xapi_scores(sample):
    score = _statement(sample)["result"].get("score")
    if score is None:
        return
    if "max" in score:
        assert score["min"] <= score["raw"] <= score["max"]
    if "scaled" in score:
        assert 0 <= score["scaled"] <= 1


def _named(name: str, **match) -> dict:
    return next(
        sample
        for sample in SAMPLES
        if sample["name"] == name and all(sample["data"].get(k) == v for k, v in match.items())
    )


def test_an_appraisal_scores_its_agreement_with_the_expert():
    event = _named("edx.eip.appraisal.submitted")
    result = _statement(event)["result"]
    score = event["data"]["score"]
    assert result["score"] == {
        "raw": score["earned"],
        "min": 0,
        "max": score["possible"],
        "scaled": round(score["fraction"], 6),
    }
    assert result["completion"] is True


def test_a_decision_step_responds_with_the_choice_and_other_steps_do_not():
    decision = _statement(_named("edx.eip.case_study.step", kind="decision"))["result"]
    assert (
        decision["response"] == _named("edx.eip.case_study.step", kind="decision")["data"]["choice"]
    )
    narrative = _statement(_named("edx.eip.case_study.step", kind="narrative"))["result"]
    assert "response" not in narrative
    assert extension("choice") not in narrative["extensions"]  # null is left out


def test_a_mapping_responds_in_xapis_matching_format():
    event = _named("edx.eip.case_study.mapped")
    result = _statement(event)["result"]
    pairs = [pair.split("[.]") for pair in result["response"].split("[,]")]
    assert dict(pairs) == event["data"]["placements"]
    assert result["score"]["raw"] == event["data"]["correct"]
    assert result["score"]["max"] == event["data"]["statements"]


def test_a_level_reached_scores_the_level_out_of_four():
    event = _named("edx.eip.competency.level_reached")
    score = _statement(event)["result"]["score"]
    assert score == {"raw": event["data"]["level"], "min": 0, "max": 4, "scaled": 0.25}


def test_rating_after_the_course_completes_the_tracker():
    assert _statement(_named("edx.eip.competency.rated", phase="after"))["result"]["completion"]
    before = dict(_named("edx.eip.competency.rated"))
    before["data"] = {**before["data"], "phase": "before"}
    assert _statement(before)["result"]["completion"] is False


def test_a_tracking_log_line_gives_the_same_statement(sample):
    line = {
        "event_type": sample["name"],
        "name": sample["name"],
        "time": sample["timestamp"],
        "context": sample["context"],
        "event": sample["data"],
        "event_source": "server",
        "username": "ana",
    }
    assert mapping.statement(line, actor=ACTOR, lms_root=LMS + "/") == _statement(sample)


def test_the_same_event_always_gives_the_same_statement(sample):
    assert json.dumps(_statement(sample)) == json.dumps(_statement(json.loads(json.dumps(sample))))


def test_no_free_text_reaches_a_statement():
    text = json.dumps([_statement(sample) for sample in SAMPLES])
    for secret in ("reason", "Because", "My reflection", "My written answer"):
        assert secret not in text


def test_other_events_are_refused():
    with pytest.raises(mapping.UnknownEvent, match="problem_check"):
        mapping.statement({"name": "problem_check", "data": {}}, actor=ACTOR, lms_root=LMS)


@pytest.mark.parametrize("doc", [XAPI_DOC, EVENTS_DOC], ids=lambda path: path.name)
def test_the_documents_give_each_events_verb_and_object_type(doc):
    rows = {
        line.split("|")[1].strip().strip("`"): line
        for line in doc.read_text(encoding="utf-8").splitlines()
        if line.startswith("| `edx.eip.")
    }
    assert set(rows) == set(EVENTS)
    for name, chosen in EVENTS.items():
        assert chosen.verb.iri in rows[name]
        assert chosen.object_type in rows[name]
