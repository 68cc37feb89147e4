"""attain(): each level boundary of the small framework's rules, and how evidence counts."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from xblocks.competency.model.attainment import attain
from xblocks.competency.model.evidence import Evidence
from xblocks.core.competencies import CompetencyTag

# appraise.validity in the small framework:
#   1: 1 appraisal, tag level >= 1, score >= 0.6
#   2: 2 appraisals, level >= 2, >= 0.7; level 1 first
#   3: 2 appraisals, level >= 3, >= 0.8, and 3 of any kind, level >= 2, >= 0.7; level 2 first
#   4: 2 appraisals, level >= 4, >= 0.9; level 3 first
# Each piece: (kind, tag level, score).
A, C = "eip_appraisal", "eip_case_study"
BOUNDARIES = {
    "nothing": ([], 0),
    "level 1 exactly at min-score": ([(A, 1, 0.6)], 1),
    "level 1 just below min-score": ([(A, 1, 0.59)], 0),
    "level 1 of the wrong kind": ([(C, 1, 1.0)], 0),
    "level 2 exactly at min-score": ([(A, 2, 0.7), (A, 2, 0.7)], 2),
    "level 2 one just below": ([(A, 2, 0.7), (A, 2, 0.69)], 1),
    "level 2 count short by one": ([(A, 2, 0.7)], 1),
    "level 2 tag level too low": ([(A, 2, 0.7), (A, 1, 1.0)], 1),
    "level 3 exactly": ([(A, 3, 0.8), (A, 3, 0.8), (C, 2, 0.7)], 3),
    "level 3 appraisal just below": ([(A, 3, 0.8), (A, 3, 0.79), (C, 2, 0.7)], 2),
    "level 3 any just below": ([(A, 3, 0.8), (A, 3, 0.8), (C, 2, 0.69)], 2),
    "level 3 count short by one": ([(A, 3, 0.8), (A, 3, 0.8)], 2),
    "level 4 exactly": ([(A, 4, 0.9), (A, 4, 0.9), (C, 2, 0.7)], 4),
    "level 4 just below": ([(A, 4, 0.9), (A, 4, 0.89), (C, 2, 0.7)], 3),
    "level 4 count short by one, so level 2 is not met either": ([(A, 4, 0.9), (C, 2, 0.7)], 1),
}


def _pieces(piece, spec):
    return [
        piece(tags=f"appraise.validity:{level}", score=score, kind=kind)
        for kind, level, score in spec
    ]


@pytest.mark.parametrize(("spec", "expected"), BOUNDARIES.values(), ids=BOUNDARIES.keys())
def test_level_boundaries(small, piece, spec, expected) -> None:
    result = attain(small, _pieces(piece, spec))["appraise.validity"]
    assert result.level == expected
    assert sorted(result.evidence) == list(range(1, expected + 1))


def test_score_from_a_division_counts_at_the_minimum(small, piece) -> None:
    # 2.1 / 3 is 0.7000000000000001 and 0.7 * 3 / 3 may be a hair under: both are 70%.
    pieces = [
        piece(tags="appraise.validity:2", score=2.1 / 3),
        piece(tags="appraise.validity:2", score=(0.7 * 3) / 3 - 1e-12),
    ]
    assert attain(small, pieces)["appraise.validity"].level == 2


def test_level_below_is_required_when_the_rule_says_so(small, piece) -> None:
    # integrate.sources: level 1 needs a case study; level 2 two appraisals, level 1 first.
    appraisals = [piece(tags="integrate.sources:2", score=0.9) for _ in range(2)]
    assert attain(small, appraisals)["integrate.sources"].level == 0
    case = piece(tags="integrate.sources:1", score=0.6, kind=C)
    result = attain(small, [*appraisals, case])["integrate.sources"]
    assert result.level == 2
    assert result.evidence[1] == (case,)
    assert set(result.evidence[2]) == set(appraisals)


def test_a_level_without_requires_below_is_reached_directly(small, piece) -> None:
    # integrate.family_voice: level 1 anything tagged; level 3 a case study at level 3, 0.8.
    case = piece(tags="integrate.family_voice:3", score=0.8, kind=C)
    result = attain(small, [case])["integrate.family_voice"]
    assert result.level == 3
    assert result.next is None


def test_no_evidence_says_what_level_1_needs(small) -> None:
    result = attain(small, [])["appraise.validity"]
    assert result.level == 0 and result.evidence == {}
    assert result.next.level == 1
    [needed] = result.next.shortfalls
    assert (needed.requirement.kind, needed.missing, needed.counted) == (A, 1, ())


def test_next_level_lists_what_counts_and_what_scored_too_low(small, piece) -> None:
    good = piece("good", "appraise.validity:2", 0.75)
    low = piece("low", "appraise.validity:2", 0.65)
    result = attain(small, [good, low])["appraise.validity"]
    assert result.level == 1
    assert result.next.level == 2
    [progress] = result.next.progress
    assert progress.counted == (good,)
    assert progress.missing == 1
    assert progress.scored_too_low == (low,)


def test_next_level_skips_levels_without_a_rule(small, piece) -> None:
    result = attain(small, [piece(tags="integrate.family_voice", score=0.1)])
    assert result["integrate.family_voice"].level == 1
    assert result["integrate.family_voice"].next.level == 3


def test_met_requirements_are_reported_as_met(small, piece) -> None:
    pieces = _pieces(piece, [(A, 3, 0.8), (A, 3, 0.8)])
    result = attain(small, pieces)["appraise.validity"]
    assert result.level == 2
    met, short = result.next.progress
    assert met.met and not short.met
    assert short.missing == 1
    assert result.next.shortfalls == (short,)


def test_untagged_level_counts_as_level_1(small, piece) -> None:
    pieces = [piece(tags="appraise.validity", score=0.9) for _ in range(2)]
    result = attain(small, pieces)["appraise.validity"]
    assert result.level == 1
    # Too low a level is not something a retry mends, so it is not "scored too low".
    assert result.next.shortfalls[0].scored_too_low == ()


def test_other_competencies_do_not_count(small, piece) -> None:
    result = attain(small, [piece(tags="integrate.sources:4", score=1.0)])
    assert result["appraise.validity"].level == 0


def test_one_block_counts_once_with_its_best_score(small, piece) -> None:
    first = piece("same", "appraise.validity:2", 0.65, day=1)
    better = piece("same", "appraise.validity:2", 0.95, day=2)
    again = piece("same", "appraise.validity:2", 0.5, day=3)
    result = attain(small, [first, better, again])["appraise.validity"]
    assert result.level == 1
    assert result.evidence[1] == (better,)
    assert result.next.progress[0].missing == 1


def test_equal_scores_keep_the_latest(small, piece) -> None:
    early = piece("same", "appraise.validity:1", 0.8, day=1)
    late = piece("same", "appraise.validity:1", 0.8, day=5)
    assert attain(small, [late, early])["appraise.validity"].evidence[1] == (late,)


def test_every_competency_is_in_the_result_in_framework_order(small) -> None:
    assert list(attain(small, [])) == [c.id for c in small.competencies]


def test_as_dict_is_json_ready(small, piece) -> None:
    pieces = _pieces(piece, [(A, 2, 0.7), (A, 2, 0.7)])
    data = attain(small, pieces)["appraise.validity"].as_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["level"] == 2
    assert data["evidence"]["2"][0]["completed_at"] == "2027-01-01T00:00:00+00:00"
    assert data["next"]["level"] == 3
    assert [r["missing"] for r in data["next"]["requirements"]] == [2, 1]


def test_evidence_ids_lists_each_block_once(small, piece) -> None:
    pieces = _pieces(piece, [(A, 2, 0.7), (A, 2, 0.7)])
    result = attain(small, pieces)["appraise.validity"]
    assert sorted(result.evidence_ids) == sorted(p.usage_id for p in pieces)


@pytest.mark.parametrize("score", [-0.1, 1.01, float("nan"), "0.7"])
def test_evidence_refuses_a_score_that_is_not_a_fraction(score) -> None:
    with pytest.raises(ValueError, match="score"):
        Evidence(
            "eip_appraisal",
            "b",
            "t",
            "appraise.validity",
            score,
            datetime(2027, 1, 1, tzinfo=UTC),
        )


def test_evidence_tags_may_be_given_as_text_or_tags() -> None:
    made = Evidence("eip_case_study", "b", "t", "apply.decisions:2 ask.question", 1.0)
    assert made.competencies == (
        CompetencyTag("apply.decisions", 2),
        CompetencyTag("ask.question", None),
    )
    assert made == Evidence("eip_case_study", "b", "t", made.competencies, 1.0)
    assert made.level_for("ask.question") == 1
    assert made.level_for("apply.decisions") == 2
    assert made.level_for("apply.evaluate") is None
