"""Scoring: the maximum over simple paths, a walk's points and fraction, mapping results."""

from pathlib import Path

import pytest

from xblocks.case_study.model import CaseStudy, parse_case_study
from xblocks.case_study.model.best_path import max_points
from xblocks.case_study.model.walk import (
    StatementResult,
    advance,
    choose,
    map_statements,
    mapping_result,
    new_walk,
    walk_score,
)

FIXTURES = Path(__file__).parent / "fixtures"
END = '<ending id="{id}" title="E"><outcome>o</outcome><debrief>d</debrief></ending>'


def decision(node_id: str, *choices: tuple[str, str, int]) -> str:
    """<decision> with (choice id, target, points) choices."""
    return (
        f'<decision id="{node_id}" title="T"><prompt>p</prompt>'
        + "".join(
            f'<choice id="{cid}" target="{target}" points="{points}"><label>l</label></choice>'
            for cid, target, points in choices
        )
        + "</decision>"
    )


def narrative(node_id: str, next_id: str) -> str:
    return f'<narrative id="{node_id}" next="{next_id}" title="T"><body>b</body></narrative>'


def story(start: str, *nodes: str) -> CaseStudy:
    xml = f'<eip_case_study display_name="x" start="{start}">{"".join(nodes)}</eip_case_study>'
    return parse_case_study(xml, source="story.xml")


@pytest.fixture(scope="module")
def full() -> CaseStudy:
    return parse_case_study((FIXTURES / "full.xml").read_bytes(), source="full.xml")


def test_max_points_takes_the_best_branch() -> None:
    case = story(
        "a",
        decision("a", ("a1", "b", 1), ("a2", "c", 3)),
        decision("b", ("b1", "end", 5)),
        decision("c", ("c1", "end", 1), ("c2", "end2", 2)),
        END.format(id="end"),
        END.format(id="end2"),
    )
    assert case.max_points == 6  # a1 (1) + b1 (5) beats a2 (3) + c2 (2)


def test_max_points_counts_a_choice_into_an_ending() -> None:
    case = story("a", decision("a", ("a1", "end", 4), ("a2", "end", 1)), END.format(id="end"))
    assert case.max_points == 4


def test_max_points_counts_every_mapping_statement(full: CaseStudy) -> None:
    # joint-visit 2 + four statements at 1 + advocacy 3.
    assert full.max_points == 9


def test_max_points_with_a_loop_that_has_an_exit() -> None:
    # a -> b -> a is a loop; the best simple path cannot go round it to collect a1 twice.
    case = story(
        "a",
        decision("a", ("a1", "b", 2), ("a2", "end", 1)),
        decision("b", ("b1", "a", 5), ("b2", "end", 0)),
        END.format(id="end"),
    )
    assert case.max_points == 2  # a1 then b2; b1 would revisit a
    assert max_points(case.nodes, "b") == 6  # from b: b1 (5) to a, then a2 (1)


def test_max_points_is_zero_without_points() -> None:
    assert story("a", narrative("a", "end"), END.format(id="end")).max_points == 0


def test_max_points_of_an_unknown_start_is_zero(full: CaseStudy) -> None:
    assert max_points(full.nodes, "missing") == 0


def test_walk_score_of_the_best_walk(full: CaseStudy) -> None:
    walk = new_walk(full)
    for node_id in ("referral", "ev-idva", "ev-course"):
        walk = advance(full, walk, node_id)
    walk = choose(full, walk, "first-visit", "joint-visit")
    placements = {s.id: s.expected for s in full.node("map-safety").statements}
    walk = map_statements(full, walk, "map-safety", placements)
    walk = advance(full, walk, "reflect", text="")
    assert walk_score(full, walk) == (6, 9, 6 / 9)
    walk = choose(full, walk, "plan", "advocacy")
    assert walk_score(full, walk) == (9, 9, 1.0)


def test_walk_score_is_capped_at_the_maximum(full: CaseStudy) -> None:
    # Round the loop: letter (1) then joint-visit (2) ... collects 10 of a maximum of 9.
    walk = new_walk(full)
    for node_id in ("referral", "ev-idva", "ev-course"):
        walk = advance(full, walk, node_id)
    walk = choose(full, walk, "first-visit", "letter")
    walk = advance(full, walk, "more-info")
    walk = choose(full, walk, "first-visit", "joint-visit")
    placements = {s.id: s.expected for s in full.node("map-safety").statements}
    walk = map_statements(full, walk, "map-safety", placements)
    walk = advance(full, walk, "reflect")
    walk = choose(full, walk, "plan", "advocacy")
    assert walk["points"] == 10
    assert walk_score(full, walk) == (9, 9, 1.0)


def test_a_fresh_walk_scores_nothing(full: CaseStudy) -> None:
    assert walk_score(full, new_walk(full)) == (0, 9, 0.0)


def test_the_fraction_is_one_when_nothing_can_be_earned() -> None:
    case = story("a", narrative("a", "end"), END.format(id="end"))
    walk = advance(case, new_walk(case), "a")
    assert walk_score(case, walk) == (0, 0, 1.0)


def test_mapping_result_compares_with_the_expected_placements(full: CaseStudy) -> None:
    placements = {"s-police": "worried", "s-sister": "worried", "s-plan": "next_steps"}
    results = mapping_result(full, "map-safety", placements)
    assert [(r.statement.id, r.placed, r.expected, r.agrees) for r in results] == [
        ("s-police", "worried", "worried", True),
        ("s-sister", "worried", "working_well", False),
        ("s-plan", "next_steps", "next_steps", True),
        ("s-scan", None, "working_well", False),
    ]
    assert mapping_result(full, full.node("map-safety"), placements) == results
    statement, placed, expected, agrees = results[0]
    assert isinstance(results[0], StatementResult)
    assert (statement.id, placed, expected, agrees) == ("s-police", "worried", "worried", True)


def test_mapping_result_of_another_kind_of_node(full: CaseStudy) -> None:
    with pytest.raises(TypeError):
        mapping_result(full, "plan", {})


def test_the_band_follows_the_fraction(full: CaseStudy) -> None:
    ending = full.node("end-safe")
    assert [ending.band_for(f).min for f in (1.0, 6 / 9, 0.1)] == [0.8, 0.5, 0.0]
