"""What staff and the platform see: the author preview, the Studio editor and its validation,
the mobile data, the search index, and a block whose exercise cannot be loaded."""

from __future__ import annotations

import importlib.resources
import json

import lxml.html
import pytest
import webob

from xblocks.appraisal.block import AppraisalBlock
from xblocks.core.markdown import plain_text

FGC = "fgc-trial.xml"
ROB = "fgc-trial-risk-of-bias.xml"


def _page(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<div>{html}</div>")


def _studio_values(block: AppraisalBlock, **changes: str) -> dict:
    values = {
        "display_name": block.display_name,
        "instrument": block.instrument,
        "instrument_version": block.instrument_version,
        "competencies": block.competencies,
        "weight": "1",
        "max_attempts": str(block.max_attempts),
        "require_reasons": block.require_reasons,
        "content_xml": block.content_xml,
    }
    values.update(changes)
    return values


# --- author preview ----------------------------------------------------------------------


def test_author_view_shows_the_expert_appraisal(learner):
    block = learner(FGC).block
    exercise = block.exercise()
    shown = " ".join(_page(block.author_view({}).content).text_content().split())
    assert exercise.study.title in shown
    for answer in exercise.expert_answers.values():
        assert plain_text(answer.rationale_md)[:40] in shown
    assert plain_text(exercise.overall_rationale_md)[:40] in shown


def test_author_view_shows_judgements_of_rule_based_instruments(learner):
    block = learner(ROB).block
    page = _page(block.author_view({}).content)
    titles = [cell.text_content() for cell in page.xpath(".//tbody//th")]
    assert titles == [j.title.get() for j in block.exercise().instrument.judgements]


# --- Studio editor -----------------------------------------------------------------------


def test_studio_view_is_a_labelled_form_with_the_current_values(learner):
    block = learner(FGC).block
    fragment = block.studio_view({})
    page = _page(fragment.content)
    labelled = {label.get("for") for label in page.xpath(".//label")}
    controls = page.xpath(".//input | .//select | .//textarea")
    assert {control.get("name") for control in controls} >= {
        "display_name",
        "instrument",
        "instrument_version",
        "weight",
        "max_attempts",
        "competencies",
        "require_reasons",
        "content_xml",
    }
    assert all(control.get("id") in labelled for control in controls)
    assert page.xpath(".//textarea[@name='content_xml']")[0].text_content() == block.content_xml
    selected = page.xpath(".//select[@name='instrument']/option[@selected]")[0]
    assert selected.get("value") == "rct"
    assert fragment.js_init_fn == "EIPStudio"


def test_studio_saves_valid_changes(learner):
    me = learner(FGC)
    values = _studio_values(me.block, display_name="Renamed", weight="2.5", max_attempts="1")
    status, body = me.call("studio_submit", values)
    assert status == 200, body
    block = me.block
    assert (block.display_name, block.weight, block.max_attempts) == ("Renamed", 2.5, 1)
    assert block.max_score() == 2.5


def test_studio_refuses_broken_xml_with_the_line_and_saves_nothing(learner):
    me = learner(FGC)
    before = me.block.content_xml
    broken = before.replace("</summary>", "</summery>", 1)
    line = broken[: broken.index("</summery>")].count("\n") + 1
    status, body = me.call(
        "studio_submit", _studio_values(me.block, display_name="New", content_xml=broken)
    )
    assert status == 400
    assert f"Studio editor:{line}:" in body["error"]
    assert me.block.content_xml == before
    assert me.block.display_name != "New"


def test_studio_refuses_an_exercise_the_model_refuses(learner):
    me = learner(FGC)
    content = me.block.content_xml.replace('<answer item="4b"', '<answer item="99"', 1)
    status, body = me.call("studio_submit", _studio_values(me.block, content_xml=content))
    assert status == 400
    problems = body["error"].split("\n")
    assert any("99" in problem and problem.startswith("Studio editor:") for problem in problems)
    assert '<answer item="4b"' in me.block.content_xml


@pytest.mark.parametrize(
    "field, value",
    [
        ("weight", "heavy"),
        ("max_attempts", "-1"),
        ("competencies", "Bad Tag"),
        ("instrument", "nosuch"),
        ("require_reasons", "all 99"),
    ],
)
def test_studio_refuses_bad_settings(learner, field, value):
    me = learner(FGC)
    status, body = me.call("studio_submit", _studio_values(me.block, **{field: value}))
    assert status == 400 and body["error"]
    assert getattr(me.block, field) != value


def test_studio_edit_keeps_export_minimal(learner):
    text = (importlib.resources.files("xblocks.appraisal.exercises") / FGC).read_text("utf-8")
    me = learner(text.replace(' weight="1"', "", 1))
    assert me.call("studio_submit", _studio_values(me.block))[0] == 200
    assert not me.block.fields["weight"].is_set_on(me.block)


# --- platform data -----------------------------------------------------------------------


def test_student_view_data_has_the_structure_but_no_key(learner):
    block = learner(ROB).block
    exercise = block.exercise()
    data = block.student_view_data()
    assert data["available"] is True
    assert data["study"]["title"] == exercise.study.title
    items = [item for section in data["instrument"]["sections"] for item in section["items"]]
    assert [item["id"] for item in items] == [item.id for item in exercise.instrument.items]
    text = json.dumps(data)
    study = plain_text(exercise.study.summary_md)
    for answer in exercise.expert_answers.values():
        snippet = plain_text(answer.rationale_md)[:40]
        assert snippet in study or snippet not in text
    assert not _keys(data) & {
        "expert",
        "expert_answers",
        "near",
        "credit",
        "rationale",
        "rationale_md",
        "judgements",
        "rules",
        "overall_value",
    }


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value).union(*(_keys(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys(item) for item in value))
    return set()


def test_index_dictionary_holds_the_study_title_and_summary(learner):
    block = learner(FGC).block
    index = block.index_dictionary()
    assert index["content"]["title"] == block.exercise().study.title
    assert "family group conference" in index["content"]["summary"].lower()
    assert "<" not in index["content"]["summary"]
    assert index["content_type"] == "Appraisal"


def test_max_score_is_the_weight(learner):
    assert learner(FGC).block.max_score() == 1.0


# --- a block without a usable exercise ---------------------------------------------------


def test_empty_block_says_it_is_not_available(appraisal_runtime):
    block = appraisal_runtime.empty_block()
    content = block.student_view({}).content
    assert "not available" in content
    assert "Studio" not in content and "instrument" not in content.lower()
    assert block.student_view_data()["available"] is False
    assert "not available" in block.author_view({}).content


def test_staff_see_why_a_block_is_not_available(appraisal_runtime):
    block = appraisal_runtime.empty_block(staff=True)
    assert "shown to staff only" in block.student_view({}).content


def test_empty_block_handlers_refuse(appraisal_runtime):
    block = appraisal_runtime.empty_block()
    request = webob.Request.blank(
        "/", method="POST", body=b'{"answers": {}}', content_type="application/json"
    )
    response = block.handle("save_draft", request)
    assert response.status_code == 409


def test_studio_can_fill_an_empty_block(appraisal_runtime, learner):
    source = learner(FGC).block
    block = appraisal_runtime.empty_block()
    studio = block.studio_view({}).content
    assert "Choose an instrument" in studio

    body = json.dumps(_studio_values(source)).encode()
    request = webob.Request.blank("/", method="POST", body=body, content_type="application/json")
    assert block.handle("studio_submit", request).status_code == 200
    assert block.exercise().study.title == source.exercise().study.title


def test_runtimes_can_render_views_by_name(learner):
    """LMS and workbench call block.render(view_name, context): it must render the view."""
    block = learner(FGC).block
    assert "eip-appraisal__form" in block.render("student_view", {}).content
    assert "eip-appraisal--author" in block.render("author_view", {}).content
