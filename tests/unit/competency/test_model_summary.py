"""domain_summary: each domain's levels at a glance."""

from __future__ import annotations

from xblocks.competency.model.attainment import attain
from xblocks.competency.model.summary import domain_summary


def test_domain_summary_counts_levels(small, piece) -> None:
    evidence = [
        piece(tags="appraise.validity:2 integrate.family_voice:3", score=0.9, kind=kind)
        for kind in ("eip_appraisal", "eip_case_study")
    ]
    appraise, integrate = domain_summary(small, attain(small, evidence))
    assert appraise.domain.id == "appraise"
    assert dict(appraise.levels) == {"appraise.validity": 1}
    assert (appraise.level, appraise.highest) == (1, 1)
    assert integrate.levels == {"integrate.sources": 0, "integrate.family_voice": 3}
    assert (integrate.level, integrate.highest) == (0, 3)
    assert integrate.counts == {0: 1, 1: 0, 2: 0, 3: 1, 4: 0}
    assert integrate.as_dict()["counts"]["3"] == 1


def test_missing_attainments_count_as_level_0(small) -> None:
    summaries = domain_summary(small, {})
    assert [summary.level for summary in summaries] == [0, 0]
    assert summaries[1].counts[0] == 2
