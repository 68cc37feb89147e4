"""What staff and the platform see: the outline in the author view, the Studio editor and
its validation, the mobile data, the search index, and a block whose case study cannot be
loaded."""

from __future__ import annotations

import json

import lxml.html
import pytest
import webob

from xblocks.case_study.block import CaseStudyBlock
from xblocks.core.markdown import plain_text


def _page(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<div>{html}</div>")


def _shown(html: str) -> str:
    return " ".join(_page(html).text_content().split())


def _studio_values(block: CaseStudyBlock, **changes: str) -> dict:
    values = {
        "display_name": block.display_name,
        "start": block.start_node,
        "allow_back": "true" if block.allow_back else "false",
        "max_attempts": str(block.max_attempts),
        "grading": block.grading,
        "competencies": block.competencies,
        "weight": "2",
        "content_xml": block.content_xml,
    }
    values.update(changes)
    return values


# --- author view -------------------------------------------------------------------------


def test_author_view_outlines_every_node_with_its_way_on(learner):
    block = learner().block
    case = block.case_study()
    page = _page(block.author_view({}).content)
    nodes = page.xpath(".//li[@data-node]")
    assert [item.get("data-node") for item in nodes] == list(case.nodes)
    assert [item.get("data-kind") for item in nodes] == [node.kind for node in case.nodes.values()]
    for item, node in zip(nodes, case.nodes.values(), strict=True):
        assert node.title in item.text_content()
        if getattr(node, "next", ""):
            assert item.xpath(f".//a[@href='#{block._uid()}-n-{node.next}']")


def test_author_view_shows_choices_targets_points_and_feedback(learner):
    block = learner().block
    page = _page(block.author_view({}).content)
    choices = {
        item.get("data-choice"): (item.get("data-target"), item.get("data-points"))
        for item in page.xpath(".//li[@data-choice]")
    }
    assert choices == {
        "good": ("map", "2"),
        "poor": ("reflect", "0"),
        "safe": ("end-safe", "2"),
        "risky": ("end-risky", "0"),
    }
    shown = _shown(block.author_view({}).content)
    for text in (
        "Feedback on seeing Ana alone",
        "Expected: What is working well",
        "Statement feedback three",
        "The authors would put this at about 3",
        "Outcome of the risky ending",
        "High band words",
        "Maximum score: 7 points",
        "Shareable",
    ):
        assert text in shown, text


def test_author_view_lists_warnings(learner, small_case_xml):
    xml = small_case_xml.replace('evidence="ev-a"', 'evidence=""')
    shown = _shown(learner(xml).block.author_view({}).content)
    assert "Worth a look" in shown and "ev-a" in shown


def test_author_view_of_a_broken_case_study_lists_its_problems(case_runtime):
    block = case_runtime.empty_block(staff=True)
    block.start_node = "intro"
    block.content_xml = '<narrative id="intro" next="nowhere" title="T"><body>x</body></narrative>'
    shown = _shown(block.author_view({}).content)
    assert "not available" in shown and "nowhere" in shown


# --- Studio editor -----------------------------------------------------------------------


def test_studio_view_is_a_labelled_form_with_the_current_values(learner):
    block = learner().block
    fragment = block.studio_view({})
    page = _page(fragment.content)
    labelled = {label.get("for") for label in page.xpath(".//label")}
    controls = page.xpath(".//input | .//select | .//textarea")
    assert {control.get("name") for control in controls} == {
        "display_name",
        "start",
        "allow_back",
        "max_attempts",
        "grading",
        "competencies",
        "weight",
        "content_xml",
    }
    assert all(control.get("id") in labelled for control in controls)
    assert page.xpath(".//textarea[@name='content_xml']")[0].text_content() == block.content_xml
    assert page.xpath(".//input[@name='start']")[0].get("value") == "intro"
    assert page.xpath(".//select[@name='grading']/option[@selected]")[0].get("value") == "best"
    assert fragment.js_init_fn == "EIPStudio"


def test_studio_saves_valid_changes(learner):
    me = learner()
    values = _studio_values(
        me.block, display_name="Renamed", weight="2.5", max_attempts="1", grading="last"
    )
    status, body = me.call("studio_submit", values)
    assert status == 200, body
    block = me.block
    assert (block.display_name, block.weight, block.max_attempts, block.grading) == (
        "Renamed",
        2.5,
        1,
        "last",
    )
    assert block.max_score() == 2.5


def test_studio_refuses_broken_xml_with_the_line_and_saves_nothing(learner):
    me = learner()
    before = me.block.content_xml
    broken = before.replace("</prompt>", "</promt>", 1)
    line = broken[: broken.index("</promt>")].count("\n") + 1
    status, body = me.call(
        "studio_submit", _studio_values(me.block, display_name="New", content_xml=broken)
    )
    assert status == 400
    assert f"Studio editor:{line}:" in body["error"]
    assert me.block.content_xml == before
    assert me.block.display_name != "New"


def test_studio_refuses_a_graph_the_model_refuses(learner):
    me = learner()
    content = me.block.content_xml.replace('target="end-risky"', 'target="nowhere"', 1)
    status, body = me.call("studio_submit", _studio_values(me.block, content_xml=content))
    assert status == 400
    problems = body["error"].split("\n")
    assert any("nowhere" in item and item.startswith("Studio editor:") for item in problems)
    assert 'target="end-risky"' in me.block.content_xml


@pytest.mark.parametrize(
    "field, value",
    [
        ("weight", "heavy"),
        ("max_attempts", "-1"),
        ("competencies", "Bad Tag"),
        ("start", "nowhere"),
        ("allow_back", "perhaps"),
        ("grading", "average"),
    ],
)
def test_studio_refuses_bad_settings(learner, field, value):
    me = learner()
    status, body = me.call("studio_submit", _studio_values(me.block, **{field: value}))
    assert status == 400 and body["error"]
    name = "start_node" if field == "start" else field
    assert str(getattr(me.block, name)).lower() != value


def test_studio_edit_keeps_export_minimal(learner, small_case_xml):
    me = learner(small_case_xml.replace(' grading="best"', "", 1))
    assert me.call("studio_submit", _studio_values(me.block))[0] == 200
    assert not me.block.fields["grading"].is_set_on(me.block)


def test_studio_can_fill_an_empty_block(case_runtime, learner):
    source = learner().block
    block = case_runtime.empty_block()
    assert "not available" in block.student_view({}).content
    body = json.dumps(_studio_values(source)).encode()
    request = webob.Request.blank("/", method="POST", body=body, content_type="application/json")
    assert block.handle("studio_submit", request).status_code == 200
    assert block.case_study().nodes.keys() == source.case_study().nodes.keys()


# --- platform data -----------------------------------------------------------------------


def test_student_view_data_has_the_current_node_but_nothing_ahead(learner):
    me = learner()
    data = me.block.student_view_data()
    assert data["available"] is True
    assert data["current"]["id"] == "intro" and data["current"]["kind"] == "narrative"
    while me.node_id() != "first":
        me.step()
    data = me.block.student_view_data()
    assert data["current"]["choices"] == [
        {"id": "good", "label": "See Ana alone at her next antenatal appointment"},
        {"id": "poor", "label": "Visit Ana and her partner together at home"},
    ]
    text = json.dumps(data)
    for secret in ("Feedback on", "end-safe", "reflect", '"points"', '"target"'):
        assert secret not in text


def test_index_dictionary_holds_the_opening_as_plain_text(learner):
    block = learner().block
    index = block.index_dictionary()
    assert index["content"]["display_name"] == "A first home visit"
    assert index["content"]["title"] == "The referral"
    assert index["content"]["summary"] == plain_text(block.case_study().node("intro").body_md)
    assert "<" not in index["content"]["summary"]
    assert index["content_type"] == "Case study"


def test_empty_block_says_it_is_not_available(case_runtime):
    block = case_runtime.empty_block()
    content = block.student_view({}).content
    assert "not available" in content and "staff only" not in content
    assert block.student_view_data()["available"] is False
    assert "not available" in block.author_view({}).content
    request = webob.Request.blank(
        "/", method="POST", body=b'{"node": "intro"}', content_type="application/json"
    )
    assert block.handle("advance", request).status_code == 409


def test_staff_see_why_a_block_is_not_available(case_runtime):
    block = case_runtime.empty_block(staff=True)
    assert "shown to staff only" in block.student_view({}).content


def test_runtimes_can_render_views_by_name(learner):
    """LMS and workbench call block.render(view_name, context): it must render the view."""
    block = learner().block
    assert "eip-case-study__node" in block.render("student_view", {}).content
    assert "eip-case-study--author" in block.render("author_view", {}).content
    assert "eip-case-study-studio" in block.render("studio_view", {}).content
