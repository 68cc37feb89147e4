"""Walking a case study: each step, back, and the actions that do not fit the walk."""

import copy
import json
from dataclasses import replace
from pathlib import Path

import pytest

from xblocks.case_study.model import CaseStudy, parse_case_study
from xblocks.case_study.model.walk import (
    WalkError,
    advance,
    back,
    choose,
    map_statements,
    new_walk,
    walk_fits,
    walk_path,
)

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = {
    "s-police": "worried",
    "s-sister": "working_well",
    "s-plan": "next_steps",
    "s-scan": "working_well",
}


@pytest.fixture(scope="module")
def case() -> CaseStudy:
    return parse_case_study((FIXTURES / "full.xml").read_bytes(), source="full.xml")


def at_decision(case: CaseStudy) -> dict:
    walk = new_walk(case)
    for node_id in ("referral", "ev-idva", "ev-course"):
        walk = advance(case, walk, node_id)
    return walk


def at_plan(case: CaseStudy) -> dict:
    walk = choose(case, at_decision(case), "first-visit", "joint-visit")
    walk = map_statements(case, walk, "map-safety", EXPECTED, 4, "Police involvement.")
    return advance(case, walk, "reflect", text="She wants to be heard.")


def test_a_new_walk_is_at_the_start(case: CaseStudy) -> None:
    assert new_walk(case) == {
        "node": "referral",
        "steps": [],
        "points": 0,
        "mapping": {},
        "reflections": {},
        "ended": None,
    }


def test_advancing_through_narrative_and_evidence(case: CaseStudy) -> None:
    walk = at_decision(case)
    assert walk["node"] == "first-visit"
    assert walk["steps"] == [
        {"node": "referral", "kind": "narrative", "points": 0},
        {"node": "ev-idva", "kind": "evidence", "points": 0},
        {"node": "ev-course", "kind": "evidence", "points": 0},
    ]
    assert walk_path(walk) == ["referral", "ev-idva", "ev-course", "first-visit"]


def test_choosing_earns_the_choice_points_and_records_its_evidence(case: CaseStudy) -> None:
    walk = choose(case, at_decision(case), "first-visit", "joint-visit")
    assert walk["node"] == "map-safety"
    assert walk["points"] == 2
    assert walk["steps"][-1] == {
        "node": "first-visit",
        "kind": "decision",
        "choice": "joint-visit",
        "points": 2,
        "evidence": ["ev-idva"],
    }


def test_mapping_earns_points_per_statement_placed_as_expected(case: CaseStudy) -> None:
    walk = choose(case, at_decision(case), "first-visit", "joint-visit")
    placements = {**EXPECTED, "s-scan": "worried"}
    walk = map_statements(case, walk, "map-safety", placements, 3, "Because.")
    assert walk["points"] == 2 + 3
    assert walk["node"] == "reflect"
    assert walk["mapping"]["map-safety"] == {
        "placements": placements,
        "scale": 3,
        "reason": "Because.",
        "points": 3,
    }
    assert walk["steps"][-1] == {
        "node": "map-safety",
        "kind": "mapping",
        "points": 3,
        "placements": placements,
        "scale": 3,
        "reason": "Because.",
    }


def test_the_safety_scale_is_optional(case: CaseStudy) -> None:
    walk = choose(case, at_decision(case), "first-visit", "joint-visit")
    walk = map_statements(case, walk, "map-safety", EXPECTED)
    assert walk["mapping"]["map-safety"]["scale"] is None


def test_a_reflection_keeps_its_text(case: CaseStudy) -> None:
    walk = at_plan(case)
    assert walk["node"] == "plan"
    assert walk["reflections"] == {"reflect": "She wants to be heard."}
    assert walk["steps"][-1] == {"node": "reflect", "kind": "reflection", "points": 0}


def test_reaching_an_ending_ends_the_walk(case: CaseStudy) -> None:
    walk = choose(case, at_plan(case), "plan", "advocacy")
    assert (walk["node"], walk["ended"], walk["points"]) == ("end-safe", "end-safe", 9)
    assert walk_path(walk)[-1] == "end-safe"


def test_walks_are_json_and_never_changed_in_place(case: CaseStudy) -> None:
    walk = at_plan(case)
    before = copy.deepcopy(walk)
    ended = choose(case, walk, "plan", "advocacy")
    back(case, walk)
    assert walk == before
    assert json.loads(json.dumps(ended)) == ended


def test_back_undoes_the_last_step_and_its_points(case: CaseStudy) -> None:
    walk = choose(case, at_decision(case), "first-visit", "joint-visit")
    undone = back(case, walk)
    assert undone == at_decision(case)
    assert undone["points"] == 0


def test_back_undoes_a_mapping(case: CaseStudy) -> None:
    before = choose(case, at_decision(case), "first-visit", "joint-visit")
    walk = map_statements(case, before, "map-safety", EXPECTED, 5, "")
    assert back(case, walk) == before


def test_back_restores_the_earlier_mapping_of_a_node_met_twice() -> None:
    xml = (
        '<eip_case_study display_name="x" start="sort">'
        '<mapping id="sort" next="pick" title="Sort"><prompt>p</prompt>'
        '<statement id="s" expected="worried"><text>t</text></statement></mapping>'
        '<decision id="pick" title="Pick"><prompt>p</prompt>'
        '<choice id="again" target="sort"><label>Again</label></choice>'
        '<choice id="stop" target="end"><label>Stop</label></choice></decision>'
        '<ending id="end" title="E"><outcome>o</outcome><debrief>d</debrief></ending>'
        "</eip_case_study>"
    )
    case = parse_case_study(xml, source="x")
    walk = map_statements(case, new_walk(case), "sort", {"s": "worried"})
    walk = choose(case, walk, "pick", "again")
    second = map_statements(case, walk, "sort", {"s": "next_steps"})
    assert second["mapping"]["sort"]["placements"] == {"s": "next_steps"}
    undone = back(case, second)
    assert undone["mapping"]["sort"]["placements"] == {"s": "worried"}
    assert undone["mapping"]["sort"]["points"] == 1
    assert undone["points"] == 1


def test_back_keeps_what_a_learner_wrote_in_a_reflection(case: CaseStudy) -> None:
    walk = back(case, at_plan(case))
    assert walk["node"] == "reflect"
    assert walk["reflections"] == {"reflect": "She wants to be heard."}


@pytest.mark.parametrize(
    ("action", "code"),
    [
        (lambda case, walk: advance(case, walk, "referral"), "stale"),
        (lambda case, walk: choose(case, walk, "plan", "advocacy"), "stale"),
        (lambda case, walk: advance(case, walk, "first-visit"), "wrong_kind"),
        (lambda case, walk: map_statements(case, walk, "first-visit", {}), "wrong_kind"),
        (lambda case, walk: choose(case, walk, "first-visit", "nope"), "unknown_choice"),
        (lambda case, walk: choose(case, walk, "first-visit", "course"), "unknown_choice"),
    ],
)
def test_actions_that_do_not_fit_the_decision(case: CaseStudy, action, code: str) -> None:
    walk = at_decision(case)
    with pytest.raises(WalkError) as caught:
        action(case, walk)
    assert caught.value.code == code
    assert str(caught.value) == caught.value.message


def test_text_is_only_for_reflections(case: CaseStudy) -> None:
    with pytest.raises(WalkError) as caught:
        advance(case, new_walk(case), "referral", text="Why not?")
    assert caught.value.code == "wrong_kind"
    assert advance(case, new_walk(case), "referral", text="")["node"] == "ev-idva"


@pytest.mark.parametrize(
    ("placements", "scale", "message"),
    [
        ({"s-police": "worried"}, None, "not placed: s-sister, s-plan, s-scan"),
        ({**EXPECTED, "s-extra": "worried"}, None, "not statements of this mapping: s-extra"),
        ({**EXPECTED, "s-plan": "maybe"}, None, "s-plan must be placed in one of"),
        (EXPECTED, 11, "from 0 to 10"),
        (EXPECTED, -1, "from 0 to 10"),
        (EXPECTED, True, "from 0 to 10"),
        (EXPECTED, 4.5, "from 0 to 10"),
    ],
)
def test_incomplete_or_bad_placements(
    case: CaseStudy, placements: dict, scale: object, message: str
) -> None:
    walk = choose(case, at_decision(case), "first-visit", "joint-visit")
    with pytest.raises(WalkError, match=message) as caught:
        map_statements(case, walk, "map-safety", placements, scale, "")
    assert caught.value.code in ("placements", "scale")


def test_a_scale_where_none_is_asked_is_refused(case: CaseStudy) -> None:
    nodes = {**case.nodes, "map-safety": replace(case.node("map-safety"), scale=False)}
    no_scale = replace(case, nodes=nodes)
    walk = choose(no_scale, at_decision(no_scale), "first-visit", "joint-visit")
    with pytest.raises(WalkError) as caught:
        map_statements(no_scale, walk, "map-safety", EXPECTED, 5)
    assert caught.value.code == "scale"


def test_back_at_the_start_is_refused(case: CaseStudy) -> None:
    with pytest.raises(WalkError) as caught:
        back(case, new_walk(case))
    assert caught.value.code == "at_start"


def test_back_from_a_stale_page_is_refused(case: CaseStudy) -> None:
    with pytest.raises(WalkError) as caught:
        back(case, at_decision(case), node_id="referral")
    assert caught.value.code == "stale"
    assert back(case, at_decision(case), node_id="first-visit")["node"] == "ev-course"


def test_back_is_refused_when_the_case_study_does_not_allow_it(case: CaseStudy) -> None:
    strict = replace(case, allow_back=False)
    with pytest.raises(WalkError) as caught:
        back(strict, at_decision(strict))
    assert caught.value.code == "no_back"


def test_nothing_is_accepted_after_the_ending(case: CaseStudy) -> None:
    ended = choose(case, at_decision(case), "first-visit", "wait")
    assert ended["ended"] == "end-drift"
    for action in (
        lambda: back(case, ended),
        lambda: advance(case, ended, "end-drift"),
        lambda: choose(case, ended, "end-drift", "wait"),
        lambda: map_statements(case, ended, "end-drift", {}),
    ):
        with pytest.raises(WalkError) as caught:
            action()
        assert caught.value.code == "ended"


def test_a_loop_can_be_walked_round_and_left(case: CaseStudy) -> None:
    walk = choose(case, at_decision(case), "first-visit", "letter")
    walk = advance(case, walk, "more-info")
    assert walk["node"] == "first-visit"
    walk = choose(case, walk, "first-visit", "joint-visit")
    assert walk["points"] == 3
    assert walk_path(walk)[3:] == ["first-visit", "more-info", "first-visit", "map-safety"]


def test_walk_fits_the_case_study_it_was_made_for(case: CaseStudy) -> None:
    walk = at_plan(case)
    assert walk_fits(case, walk)
    assert walk_fits(case, choose(case, walk, "plan", "close"))
    assert walk_fits(case, new_walk(case))


@pytest.mark.parametrize(
    "spoil",
    [
        lambda walk: walk.update(node="gone"),
        lambda walk: walk["steps"][3].update(choice="gone"),
        lambda walk: walk["steps"][0].update(kind="decision"),
        lambda walk: walk["steps"][0].update(points="0"),
        lambda walk: walk.update(ended="end-safe"),
        lambda walk: walk.pop("mapping"),
        lambda walk: walk.update(reflections=[]),
    ],
)
def test_walk_fits_refuses_stored_walks_that_no_longer_fit(case: CaseStudy, spoil) -> None:
    walk = at_plan(case)
    spoil(walk)
    assert not walk_fits(case, walk)
    assert not walk_fits(case, None)
