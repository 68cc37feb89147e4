"""Events: grade, completion and edx.eip.* with course_version and usage_id."""

from unittest import mock

import pytest

from xblocks.core.events import course_version, publish_completion, publish_event, publish_grade


class CourseKey:
    """Stands in for an opaque_keys CourseLocator (only its string form is used)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text


class UsageKey:
    def __init__(self, course_key: str, block_id: str) -> None:
        self.course_key = CourseKey(course_key)
        self.block_id = block_id

    def __str__(self) -> str:
        return f"{self.course_key}::{self.block_id}"


@pytest.fixture
def block(make_block, sample_block_class):
    return make_block(sample_block_class)


def test_grade_is_published_with_value_and_max_value(block):
    with mock.patch.object(block.runtime, "publish") as publish:
        publish_grade(block, 3.5, 4)

    publish.assert_called_once_with(block, "grade", {"value": 3.5, "max_value": 4})


def test_completion_is_published(block):
    with mock.patch.object(block.runtime, "publish") as publish:
        publish_completion(block)
        publish_completion(block, 0.5)

    assert publish.call_args_list == [
        mock.call(block, "completion", {"completion": 1.0}),
        mock.call(block, "completion", {"completion": 0.5}),
    ]


@pytest.mark.parametrize("value", [-0.1, 1.5])
def test_completion_outside_0_to_1_is_refused(block, value):
    with mock.patch.object(block.runtime, "publish") as publish, pytest.raises(ValueError):
        publish_completion(block, value)

    publish.assert_not_called()


def test_own_events_carry_family_course_version_and_usage_id(block):
    block.course_version = "2025.1"

    with mock.patch.object(block.runtime, "publish") as publish:
        publish_event(block, "submitted", {"competencies": ["appraise.validity"], "score": 0.75})

    publish.assert_called_once_with(
        block,
        "edx.eip.sample.submitted",
        {
            "competencies": ["appraise.validity"],
            "score": 0.75,
            "course_version": "2025.1",
            "usage_id": str(block.scope_ids.usage_id),
        },
    )


def test_event_data_cannot_override_course_version(block):
    block.course_version = "2025.1"

    with mock.patch.object(block.runtime, "publish") as publish:
        publish_event(block, "viewed", {"course_version": "forged"})

    assert publish.call_args.args[2]["course_version"] == "2025.1"


def test_event_family_is_required(make_block, sample_block_class):
    class NoFamily(sample_block_class):
        EVENT_FAMILY = ""

    block = make_block(NoFamily)

    with mock.patch.object(block.runtime, "publish"), pytest.raises(ValueError, match="EVENT"):
        publish_event(block, "viewed", {})


def test_course_version_from_the_field(block):
    block.course_version = "2024-autumn"

    assert course_version(block) == "2024-autumn"


def test_course_version_from_a_course_v1_usage_key(make_block, sample_block_class):
    usage = UsageKey("course-v1:EIP+APPRAISE+2025_01", "appraisal1")
    block = make_block(sample_block_class, usage_id=usage)

    assert course_version(block) == "2025_01"


def test_course_version_from_a_usage_key_string(make_block, sample_block_class):
    usage = "block-v1:EIP+APPRAISE+2024_09+type@eip_appraisal+block@abc"
    block = make_block(sample_block_class, usage_id=usage)

    assert course_version(block) == "2024_09"


def test_course_version_from_the_runtime_course_id(block):
    block.runtime.course_id = CourseKey("course-v1:EIP+CASES+2026_03")

    assert course_version(block) == "2026_03"


def test_field_wins_over_the_course_key(make_block, sample_block_class):
    usage = UsageKey("course-v1:EIP+APPRAISE+2025_01", "appraisal1")
    block = make_block(sample_block_class, usage_id=usage)
    block.course_version = "1.2.0"

    assert course_version(block) == "1.2.0"


def test_course_version_is_blank_without_a_course(block):
    assert course_version(block) == ""


def test_course_version_from_real_opaque_keys(make_block, sample_block_class):
    keys = pytest.importorskip("opaque_keys.edx.keys")
    usage = keys.UsageKey.from_string("block-v1:EIP+APPRAISE+2025_01+type@eip_appraisal+block@a1")
    block = make_block(sample_block_class, usage_id=usage)

    assert course_version(block) == "2025_01"
