"""Anonymous tallies: choice counts per decision and placements per statement."""

from pathlib import Path

import pytest

from xblocks.case_study.model import CaseStudy, parse_case_study
from xblocks.case_study.model.tallies import (
    add_walk_to_tallies,
)
from xblocks.case_study.model.walk import advance, choose, map_statements, new_walk

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def case() -> CaseStudy:
    return parse_case_study((FIXTURES / "full.xml").read_bytes(), source="full.xml")


def walk_to(case: CaseStudy, *, loop: bool, plan: str, scan: str = "working_well") -> dict:
    walk = new_walk(case)
    for node_id in ("referral", "ev-idva", "ev-course"):
        walk = advance(case, walk, node_id)
    if loop:
        walk = choose(case, walk, "first-visit", "letter")
        walk = advance(case, walk, "more-info")
    walk = choose(case, walk, "first-visit", "joint-visit")
    placements = {s.id: s.expected for s in case.node("map-safety").statements}
    walk = map_statements(case, walk, "map-safety", {**placements, "s-scan": scan})
    walk = advance(case, walk, "reflect", text="Private thoughts.")
    return choose(case, walk, "plan", plan)


def test_a_walk_is_counted(case: CaseStudy) -> None:
    tallies = add_walk_to_tallies({}, case, walk_to(case, loop=False, plan="advocacy"))
    assert tallies == {
        "first-visit": {"joint-visit": 1},
        "plan": {"advocacy": 1},
        "s-police": {"worried": 1},
        "s-sister": {"working_well": 1},
        "s-plan": {"next_steps": 1},
        "s-scan": {"working_well": 1},
    }


def test_counts_add_up_and_the_input_is_not_changed(case: CaseStudy) -> None:
    first = add_walk_to_tallies({}, case, walk_to(case, loop=False, plan="advocacy"))
    snapshot = {key: dict(value) for key, value in first.items()}
    second = add_walk_to_tallies(
        first, case, walk_to(case, loop=True, plan="close", scan="worried")
    )
    assert first == snapshot
    assert second["first-visit"] == {"joint-visit": 2, "letter": 1}
    assert second["plan"] == {"advocacy": 1, "close": 1}
    assert second["s-scan"] == {"working_well": 1, "worried": 1}


def test_a_choice_taken_twice_in_one_walk_counts_once(case: CaseStudy) -> None:
    walk = new_walk(case)
    for node_id in ("referral", "ev-idva", "ev-course"):
        walk = advance(case, walk, node_id)
    for _ in range(2):
        walk = choose(case, walk, "first-visit", "letter")
        walk = advance(case, walk, "more-info")
    assert add_walk_to_tallies({}, case, walk) == {"first-visit": {"letter": 1}}


def test_free_text_and_unknown_ids_are_never_counted(case: CaseStudy) -> None:
    walk = walk_to(case, loop=False, plan="advocacy")
    walk["steps"].append({"node": "plan", "kind": "decision", "choice": "<script>", "points": 0})
    walk["steps"].append({"node": "gone", "kind": "decision", "choice": "x", "points": 0})
    walk["mapping"]["map-safety"]["placements"]["s-police"] = "anything typed"
    walk["mapping"]["gone"] = {"placements": {"x": "worried"}}
    tallies = add_walk_to_tallies({}, case, walk)
    assert "reflect" not in tallies and "gone" not in tallies and "x" not in tallies
    assert tallies["plan"] == {"advocacy": 1}
    assert "s-police" not in tallies
