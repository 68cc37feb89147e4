"""A learner's way through the block: the page, each kind of step, back, resume, feedback
after a choice, mapping, reflection and the debrief at an ending."""

from __future__ import annotations

import lxml.html

from xblocks.case_study.model import CATEGORIES

BEST = {"first": "good", "final": "safe"}
WORST = {"first": "poor", "final": "risky"}


def _page(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<div>{html}</div>")


def _text(html: str) -> str:
    return " ".join(_page(html).text_content().split())


def _node_of(html: str) -> str:
    return _page(html).xpath(".//section[@data-node]")[0].get("data-node")


def _to(me, node_id: str, route: dict | None = None) -> None:
    """Step `me` along `route` until the walk is at `node_id`."""
    route = route or BEST
    for _ in range(50):
        if me.node_id() == node_id:
            return
        status, body = me.step(route.get(me.node_id(), ""))
        assert status == 200, body
    raise AssertionError(f"never reached {node_id}")


# --- the page ----------------------------------------------------------------------------


def test_first_page_shows_the_start_node_only(learner):
    me = learner()
    page = _page(me.html())
    [node] = page.xpath(".//section[@data-node]")
    assert node.get("data-node") == "intro"
    heading = node.xpath(".//h4")[0]
    assert heading.text_content() == "The referral"
    assert heading.get("tabindex") == "-1"
    text = page.text_content()
    for other in ("First contact", "What we know so far", "A plan that holds", "Pause"):
        assert other not in text
    assert page.xpath(".//button[@type='submit']")[0].text_content() == "Continue"
    assert not page.xpath(".//button[@data-action='back']")
    assert "Attempt 1 of 2" in text


def test_page_has_a_live_region_and_server_strings(learner):
    fragment = learner().view()
    page = _page(fragment.content)
    assert page.xpath(".//*[@role='status'][@data-role='status']")
    assert fragment.js_init_fn == "EIPCaseStudyBlock"
    strings = fragment.json_init_args["strings"]
    assert strings["chooseFirst"] and strings["placeAll"] and strings["failed"]


def test_viewing_writes_no_state(learner):
    me = learner()
    me.html()
    assert me.block.walk == {} and me.block.attempts == 0


def test_evidence_card_shows_certainty_label_and_citation(learner):
    me = learner()
    status, body = me.step()
    assert status == 200
    assert _node_of(body["node_html"]) == "ev-a"
    text = _text(body["node_html"])
    assert "Fictional teaching summary" in text
    assert "Certainty of this evidence: Moderate" in text
    assert "Fictional; written for this course." in text
    assert body["status"] == "Step 2: Seeing people alone"


def test_decision_is_a_labelled_radio_group_with_continue(learner):
    me = learner()
    _to(me, "first")
    page = _page(me.html())
    [fieldset] = page.xpath(".//fieldset[@data-role='choices']")
    assert fieldset.xpath("./legend")[0].text_content().strip()
    radios = fieldset.xpath(".//input[@type='radio']")
    assert [radio.get("value") for radio in radios] == ["good", "poor"]
    assert len({radio.get("name") for radio in radios}) == 1
    for radio in radios:
        label = page.xpath(f".//label[@for='{radio.get('id')}']")[0]
        assert label.text_content().strip()
    assert page.xpath(".//form[@data-action='choose']//button[@type='submit']")
    assert page.xpath(".//button[@data-action='back']")


def test_every_control_has_a_label(learner):
    me = learner()
    for node_id in ("first", "map", "reflect"):
        _to(me, node_id)
        page = _page(me.html())
        labelled = {label.get("for") for label in page.xpath(".//label")}
        controls = page.xpath(".//input | .//textarea")
        assert controls, node_id
        for control in controls:
            assert control.get("id") in labelled, (node_id, control.get("name"))


# --- stepping ----------------------------------------------------------------------------


def test_each_step_is_saved_and_starts_attempt_one(learner):
    me = learner()
    status, body = me.call("advance", {"node": "intro"})
    assert status == 200
    assert set(body) >= {"node_html", "status"}
    block = me.block
    assert block.walk["node"] == "ev-a"
    assert block.walk["steps"] == [{"node": "intro", "kind": "narrative", "points": 0}]
    assert block.attempts == 1
    me.step()
    assert me.block.attempts == 1


def test_a_choice_shows_its_feedback_with_the_next_node(learner):
    me = learner()
    _to(me, "first")
    status, body = me.call("choose", {"node": "first", "choice": "good"})
    assert status == 200
    assert _node_of(body["node_html"]) == "map"
    text = _text(body["node_html"])
    assert "You chose: See Ana alone at her next antenatal appointment" in text
    assert "Feedback on seeing Ana alone" in text
    assert "Seeing people alone" in text  # the evidence the choice drew on
    assert "Feedback on the joint visit" not in text
    assert me.block.walk["points"] == 2


def test_mapping_sorts_each_statement_with_three_options_and_a_scale(learner):
    me = learner()
    _to(me, "map")
    page = _page(me.html())
    statements = page.xpath(".//fieldset[@data-statement]")
    assert [item.get("data-statement") for item in statements] == ["s1", "s2", "s3"]
    for fieldset in statements:
        assert fieldset.xpath("./legend")[0].text_content().strip()
        radios = fieldset.xpath(".//input[@type='radio']")
        assert tuple(radio.get("value") for radio in radios) == CATEGORIES
    scale = page.xpath(".//input[@name='scale']")[0]
    assert (scale.get("type"), scale.get("min"), scale.get("max")) == ("number", "0", "10")
    assert page.xpath(".//textarea[@name='reason']")


def test_mapping_scores_each_statement_and_shows_the_authors_view(learner):
    me = learner()
    _to(me, "map")
    placements = {"s1": "worried", "s2": "next_steps", "s3": "next_steps"}
    data = {"node": "map", "placements": placements, "scale": 4, "reason": "She is afraid."}
    status, body = me.call("map", data)
    assert status == 200
    walk = me.block.walk
    assert walk["steps"][-1]["points"] == 2
    assert walk["mapping"]["map"]["placements"] == placements
    assert walk["mapping"]["map"]["scale"] == 4
    text = _text(body["node_html"])
    assert _node_of(body["node_html"]) == "reflect"
    assert "You sorted 2 of 3 statements as the authors did." in text
    assert "Statement feedback two" in text
    assert "The authors would put this at about 3" in text
    assert "You put the family at 4 on the safety scale." in text
    assert "She is afraid." in text


def test_the_safety_scale_may_be_left_out(learner):
    me = learner()
    _to(me, "map")
    placed = {"s1": "worried", "s2": "working_well", "s3": "next_steps"}
    status, _ = me.call("map", {"node": "map", "placements": placed})
    assert status == 200
    assert me.block.walk["mapping"]["map"]["scale"] is None


def test_incomplete_or_bad_mappings_are_refused_and_nothing_is_saved(learner):
    me = learner()
    _to(me, "map")
    before = me.block.walk
    for data in (
        {"node": "map", "placements": {"s1": "worried"}},
        {"node": "map", "placements": {"s1": "worried", "s2": "worried", "s3": "elsewhere"}},
        {"node": "map", "placements": {"s1": "worried"}, "scale": 11},
        {"node": "map", "placements": {"s1": "worried"}, "scale": "5"},
        {
            "node": "map",
            "placements": {"s1": "worried", "s2": "worried", "s3": "worried", "x": "worried"},
        },
    ):
        status, body = me.call("map", data)
        assert status == 400, data
        assert set(body) == {"error"}
    assert me.block.walk == before
    assert me.runtime.events("edx.eip.case_study.mapped") == []


def test_reflection_text_is_kept_and_offered_again_after_going_back(learner):
    me = learner()
    _to(me, "reflect")
    text = "I <wanted> to reassure her & move on."
    assert me.call("advance", {"node": "reflect", "text": text})[0] == 200
    assert me.block.walk["reflections"]["reflect"] == text
    assert me.call("back")[0] == 200
    textarea = _page(me.html()).xpath(".//textarea[@name='text']")[0]
    assert textarea.text_content() == text


def test_out_of_date_pages_and_wrong_actions_are_refused(learner):
    me = learner()
    _to(me, "first")
    before = me.block.walk
    assert me.call("advance", {"node": "intro"})[0] == 409  # stale page
    assert me.call("advance", {"node": "first"})[0] == 409  # a decision needs a choice
    status, body = me.call("choose", {"node": "first", "choice": "nope"})
    assert status == 400 and body["error"] == "Choose one of the options first."
    assert me.call("choose", {"node": "first"})[0] == 400
    assert me.call("choose", {"node": "first", "choice": "good", "extra": 1})[0] == 400
    assert me.call("choose", {"node": "first", "choice": "good"}, method="GET")[0] == 405
    assert me.block.walk == before


# --- back and resume ---------------------------------------------------------------------


def test_back_undoes_the_last_step_and_its_points(learner):
    me = learner()
    _to(me, "map")
    assert me.block.walk["points"] == 2
    status, body = me.call("back")
    assert status == 200
    assert _node_of(body["node_html"]) == "first"
    assert me.block.walk["points"] == 0
    assert [step["node"] for step in me.block.walk["steps"]] == ["intro", "ev-a"]
    assert me.call("choose", {"node": "first", "choice": "poor"})[0] == 200
    assert me.node_id() == "reflect"


def test_back_at_the_start_is_refused(learner):
    me = learner()
    status, body = me.call("back")
    assert status == 409 and body["error"]


def test_back_when_the_case_study_forbids_it(learner, small_case_xml):
    me = learner(small_case_xml.replace('allow_back="true"', 'allow_back="false"'))
    _to(me, "first")
    assert not _page(me.html()).xpath(".//button[@data-action='back']")
    assert me.call("back")[0] == 409
    assert me.node_id() == "first"


def test_a_learner_resumes_where_they_left_off(learner):
    me = learner()
    _to(me, "map")
    # A fresh block instance, as on another device: same node, the choice's feedback too.
    page = me.html()
    assert _node_of(page) == "map"
    assert "Feedback on seeing Ana alone" in _text(page)


def test_history_lists_the_steps_taken(learner):
    me = learner()
    _to(me, "map")
    history = _page(me.html()).xpath(".//details[contains(@class, 'history')]")[0]
    assert "3 steps" in history.xpath("./summary")[0].text_content()
    items = [" ".join(item.text_content().split()) for item in history.xpath(".//li")]
    assert items[0] == "Case notes: The referral"
    assert "You chose: See Ana alone" in items[2]


def test_a_walk_that_no_longer_fits_the_case_study_starts_again(learner, small_case_xml):
    me = learner()
    _to(me, "map")
    block = me.block
    block.walk = {**block.walk, "node": "gone"}
    block.save()
    assert _node_of(me.html()) == "intro"


# --- the ending --------------------------------------------------------------------------


def test_the_ending_shows_outcome_debrief_band_path_evidence_and_score(learner):
    me = learner()
    bodies = me.play(BEST)
    last = bodies[-1]
    assert last["ended"] is True
    assert "A plan that holds" in last["status"] and "100%" in last["status"]
    page = _page(last["node_html"])
    text = " ".join(page.text_content().split())
    assert "Outcome of the safe ending" in text
    assert "Debrief of the safe ending" in text
    assert "High band words" in text and "Low band words" not in text
    assert "Your score: 7 out of 7 (100%)" in text
    steps = page.xpath(".//ol[contains(@class, '__path')]/li")
    assert len(steps) == len(me.block.walk["steps"])
    first = " ".join(steps[2].text_content().split())
    assert "You chose: See Ana alone" in first
    assert "Points for this choice: 2" in first
    assert "Seeing people alone" in first
    assert page.xpath(".//*[@data-role='heading'][@tabindex='-1']")
    assert page.xpath(".//button[@data-action='restart']")
    assert "Outcome of the safe ending" in _text(me.html())  # and after a reload


def test_a_low_score_gets_the_lower_band(learner):
    me = learner()
    last = me.play(WORST)[-1]
    text = _text(last["node_html"])
    assert "Outcome of the risky ending" in text
    assert "Risky band words" in text
    assert "Your score: 0 out of 7 (0%)" in text


def test_no_step_is_taken_after_the_ending(learner):
    me = learner()
    me.play(BEST)
    walk = me.block.walk
    assert me.call("advance", {"node": "end-safe"})[0] == 409
    assert me.call("back")[0] == 409
    assert me.block.walk == walk
