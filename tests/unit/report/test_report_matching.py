"""Which manifest block an event belongs to: exact LMS usage keys, and workbench ids matched
by block type and display name, narrowed by course and version."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from django.utils.text import slugify as django_slugify

from eip.report.manifests import load_manifests
from eip.report.matching import BlockIndex, UsageInfo, course_run, slugify
from eip.workbench.tracking import tracking_record

FGC = "Appraise: family group conferences trial"
SOS = "Appraise: Signs of Safety evaluation"


@pytest.fixture
def index(fixtures_dir) -> BlockIndex:
    return BlockIndex(load_manifests(fixtures_dir / "manifests"))


def resolve(index: BlockIndex, usage_key: str, course_id: str, name: str, *versions: str):
    info = UsageInfo(usage_key, index.candidates(usage_key, course_id, name), set(versions))
    return index.resolve(info)


def test_an_lms_usage_key_matches_exactly(index) -> None:
    key = "block-v1:EIP+RL101+1.1+type@eip_appraisal+block@fgc-trial"
    block = resolve(index, key, "course-v1:EIP+RL101+1.1", "", "1.1")
    assert block is not None and block.usage_id == key


def test_a_workbench_block_is_matched_by_type_and_name_within_the_version(index) -> None:
    key = "appraise-family-group-conferences-trial.eip_appraisal.d0.u0"
    course = "course-v1:EIP+RL101+1.1"  # EIP_WORKBENCH_COURSE_ID
    block = resolve(index, key, course, FGC, course_run(course))
    assert block is not None
    assert block.course_id == "course-v1:EIP+RL101+1.1"
    # the same exercise is in 1.0 and 1.1: the course_version in our events tells them apart
    block = resolve(index, key, "course-v1:EIP+WORKBENCH+local", FGC, "local", "1.0")
    assert block is not None and block.course_id == "course-v1:EIP+RL101+1.0"


def test_a_workbench_block_in_one_version_only_needs_no_version(index) -> None:
    key = "appraise-signs-of-safety-evaluation.eip_appraisal.d0.u0"
    block = resolve(index, key, "course-v1:EIP+WORKBENCH+local", SOS, "local")
    assert block is not None and block.course_id == "course-v1:EIP+RL101+1.1"


def test_a_block_in_several_versions_with_no_version_named_is_not_guessed(index) -> None:
    key = "appraise-family-group-conferences-trial.eip_appraisal.d0.u0"
    assert resolve(index, key, "course-v1:EIP+WORKBENCH+local", FGC, "local") is None


def test_a_block_of_another_type_or_name_does_not_match(index) -> None:
    key = "x.eip_case_study.d0.u0"
    assert index.candidates(key, "course-v1:EIP+WORKBENCH+local", FGC) == ()
    assert index.candidates("y.eip_appraisal.d0.u0", "", "Some other exercise") == ()


def test_a_key_missing_from_its_versions_manifest_is_not_taken_from_another(index) -> None:
    # signs-of-safety exists only in 1.1: an event from a 1.0 run must not land there
    key = "block-v1:EIP+RL101+1.0+type@eip_appraisal+block@signs-of-safety"
    assert resolve(index, key, "course-v1:EIP+RL101+1.0", SOS, "1.0") is None


def test_workbench_events_report_with_their_version(report, rows, write_log, tmp_path) -> None:
    def event(user: str, when: str, event_type: str, key: str, name: str, data: dict) -> str:
        record = tracking_record(
            event_type=event_type,
            event=data,
            username=user,
            user_id=user,
            course_id="course-v1:EIP+RL101+1.0",
            usage_key=key,
            display_name=name,
            time=datetime.fromisoformat(when),
        )
        return json.dumps(record)

    lines = []
    for key, name, weight in (
        ("appraise-fgc.eip_appraisal.d0.u0", FGC, 1.0),
        ("pre-birth.eip_case_study.d0.u0", "Pre-birth assessment", 2.0),
    ):
        lines.append(
            event(
                "cerys",
                "2027-06-01T10:00:00+00:00",
                "grade",
                key,
                name,
                {"value": weight, "max_value": weight},
            )
        )
        lines.append(
            event(
                "cerys", "2027-06-01T10:00:00+00:00", "completion", key, name, {"completion": 1.0}
            )
        )
    built = report(events=[write_log(tmp_path / "workbench.log", lines)])
    cerys = rows(built)[("cerys", "research-literacy")]
    assert (cerys.status, cerys.version, cerys.score) == ("completed", "1.0", 1.0)


def test_a_course_preview_scenario_names_its_version(index) -> None:
    title = "Using research in practice 1.1 · 1. Why evidence matters (whole section)"
    assert slugify(title) == django_slugify(title)
    key = f"{slugify(title)}.eip_appraisal.d0.u0"
    info = UsageInfo(key, index.candidates(key, "course-v1:EIP+WORKBENCH+local", FGC))
    info.versions_seen |= index.version_hints(key) | {"local"}
    block = index.resolve(info)
    assert block is not None and block.course_id == "course-v1:EIP+RL101+1.1"
