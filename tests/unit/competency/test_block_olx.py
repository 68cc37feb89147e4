"""The tracker in OLX, the workbench scenario, and what it gives the platform
(student_view_data, index_dictionary)."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from xblocks.competency.block import SCENARIO_TITLE, CompetencyTrackerBlock
from xblocks.core.xml import OLXError

SOS = "signs-of-safety-evaluation.xml"


def test_attributes_become_settings(make_course):
    course = make_course(
        '<eip_competency_tracker display_name="My profile" framework="research-literacy" '
        'show_self_rating="false" course_version="1.1"/>'
    )
    tracker = course.block()
    assert tracker.display_name == "My profile"
    assert tracker.framework == "research-literacy"
    assert tracker.show_self_rating is False
    assert tracker.course_version == "1.1"


def test_defaults(make_course):
    tracker = make_course("<eip_competency_tracker/>").block()
    assert tracker.display_name == "Your competencies"
    assert tracker.framework == "research-literacy"
    assert tracker.show_self_rating is True


def test_as_the_course_build_writes_it(make_course):
    tracker = make_course(
        '<eip_competency_tracker display_name="Your competencies: Research literacy" '
        'framework="research-literacy"/>'
    ).block()
    assert tracker.show_self_rating is True


def test_an_unknown_framework_is_refused_with_the_shipped_ones(course_runtime):
    with pytest.raises(OLXError) as caught:
        course_runtime.parse_xml_string('<eip_competency_tracker framework="research-literate"/>')
    assert "research-literate" in caught.value.message
    assert "research-literacy" in caught.value.message
    assert caught.value.line == 1
    assert caught.value.fix


def test_show_self_rating_must_be_true_or_false(make_course):
    with pytest.raises(OLXError) as caught:
        make_course('<eip_competency_tracker show_self_rating="yes"/>')
    assert 'show_self_rating="yes"' in caught.value.message


def test_exported_xml_keeps_what_was_authored(make_course):
    tracker = make_course(
        '<eip_competency_tracker framework="research-literacy" show_self_rating="false"/>'
    ).block()
    node = etree.Element("node")
    tracker.add_xml_to_node(node)
    assert node.tag == "eip_competency_tracker"
    assert node.get("framework") == "research-literacy"
    assert node.get("show_self_rating") == "false"


def test_the_workbench_scenario_holds_two_exercises_a_case_study_and_the_tracker(
    course_runtime,
):
    ((title, xml),) = CompetencyTrackerBlock.workbench_scenarios()
    assert title == SCENARIO_TITLE
    root = etree.fromstring(xml)
    assert root.tag == "vertical_demo"
    assert [child.tag for child in root] == [
        "eip_appraisal",
        "eip_appraisal",
        "eip_case_study",
        "eip_competency_tracker",
    ]
    course_runtime.act_as("learner")
    usage = course_runtime.parse_xml_string(xml)
    vertical = course_runtime.get_block(usage)
    tracker = vertical.get_child(vertical.children[-1])
    fragment = tracker.student_view({})
    assert "Your profile at a glance" in fragment.content


def test_student_view_data_gives_levels_and_ratings(course):
    course.finish_appraisal(SOS, 0.9)
    course.json(
        "rate",
        {
            "phase": "before",
            "ratings": dict.fromkeys(
                ("ask", "acquire", "appraise", "integrate", "apply", "share"), 4
            ),
        },
    )
    data = course.block().student_view_data()
    assert data["available"] is True
    assert data["framework"] == {
        "id": "research-literacy",
        "version": "1",
        "title": "Research literacy in children's social care",
    }
    levels = {item["competency"]: item["level"] for item in data["competencies"]}
    assert levels["appraise.validity"] == 1
    assert [domain["domain"] for domain in data["domains"]] == [
        "ask",
        "acquire",
        "appraise",
        "integrate",
        "apply",
        "share",
    ]
    assert data["ratings"]["before"]["appraise"] == 4


def test_index_dictionary_names_the_framework_and_its_areas(course):
    body = course.block().index_dictionary()
    assert body["content_type"] == "Competency tracker"
    assert body["content"]["title"] == "Research literacy in children's social care"
    assert "Appraise" in body["content"]["areas"]


def test_the_tracker_is_a_completable_block_without_a_score(course):
    tracker = course.block()
    assert tracker.has_custom_completion is True
    assert not getattr(tracker, "has_score", False)


def test_studio_edits_the_settings_and_refuses_an_unknown_framework(course):
    html = course.block(user="staff").studio_view({}).content
    for name in ("display_name", "framework", "show_self_rating"):
        assert f'data-field-name="{name}"' in html
    status, body = course.json(
        "submit_studio_edits",
        {"values": {"framework": "research-literate"}, "defaults": []},
        user="staff",
    )
    assert status == 400
    assert "research-literate" in json.dumps(body)
    assert course.block(user="staff").framework == "research-literacy"
    status, _ = course.json(
        "submit_studio_edits",
        {"values": {"display_name": "My profile", "show_self_rating": False}, "defaults": []},
        user="staff",
    )
    assert status == 200
    tracker = course.block(user="staff")
    assert (tracker.display_name, tracker.show_self_rating) == ("My profile", False)
