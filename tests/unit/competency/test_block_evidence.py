"""Evidence gathering: the tracker finds the course's exercises and case studies (walking up
to the root and down again), reads the current learner's results, and skips what it cannot
read."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import lxml.html

from xblocks.competency.evidence_gathering import course_blocks, gather_evidence

SOS = "signs-of-safety-evaluation.xml"
PARENTS = "parents-cp-conferences.xml"
PRE_BIRTH = "pre-birth-domestic-abuse.xml"
FGC = "fgc-trial.xml"


def _page(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<div>{html}</div>")


def _level_text(html: str, competency_id: str) -> str:
    article = _page(html).xpath(f'.//article[@data-competency="{competency_id}"]')[0]
    return article.xpath('.//*[@data-role="level"]')[0].text_content().strip()


def test_finds_every_exercise_and_case_study_of_the_course_in_order(course):
    found = course_blocks(course.block())
    assert [block.usage_id for block in found] == [
        str(course.usages[name]) for name in (SOS, PARENTS, PRE_BIRTH, FGC)
    ]
    assert [block.block_type for block in found] == [
        "eip_appraisal",
        "eip_appraisal",
        "eip_case_study",
        "eip_appraisal",
    ]
    sos = found[0]
    assert sos.title == course.block(SOS).display_name
    assert sos.level_for("appraise.validity") == 2
    assert sos.level_for("share.champion") is None


def test_nothing_finished_means_no_evidence(course):
    assert gather_evidence(course_blocks(course.block())) == []


def test_a_submitted_appraisal_becomes_evidence(course):
    course.finish_appraisal(SOS, 0.5, at="2027-02-01T10:00:00+00:00")
    course.finish_appraisal(SOS, 0.8, at="2027-02-03T09:30:00+00:00")
    (piece,) = gather_evidence(course_blocks(course.block()))
    sos = course.block(SOS)
    assert piece.block_type == "eip_appraisal"
    assert piece.usage_id == str(course.usages[SOS])
    assert piece.title == sos.display_name
    assert piece.score == 0.8
    assert piece.completed_at == datetime(2027, 2, 3, 9, 30, tzinfo=UTC)
    assert [tag.id for tag in piece.competencies] == [
        "appraise.validity",
        "appraise.applicability",
        "appraise.instrument_choice",
    ]
    assert piece.course_version == ""


def test_course_version_comes_from_the_block(course):
    sos = course.block(SOS)
    sos.course_version = "1.1"
    sos.save()
    course.finish_appraisal(SOS, 0.9)
    (piece,) = gather_evidence(course_blocks(course.block()))
    assert piece.course_version == "1.1"


def test_a_case_study_counts_with_its_best_walk_dated_when_first_reached(course):
    course.finish_case(PRE_BIRTH, 0.6, at="2027-03-01T10:00:00+00:00")
    course.finish_case(PRE_BIRTH, 0.9, at="2027-03-02T10:00:00+00:00")
    course.finish_case(PRE_BIRTH, 0.9, at="2027-03-05T10:00:00+00:00")
    (piece,) = gather_evidence(course_blocks(course.block()))
    assert piece.block_type == "eip_case_study"
    assert piece.score == 0.9
    assert piece.completed_at == datetime(2027, 3, 2, 10, tzinfo=UTC)


def test_a_case_study_walk_in_progress_is_not_evidence(course):
    case = course.block(PRE_BIRTH)
    case.attempts = 1
    case.walk = {"node": "somewhere", "steps": []}
    case.save()
    assert gather_evidence(course_blocks(course.block())) == []


def test_each_learner_sees_only_their_own_results(course):
    course.finish_appraisal(SOS, 0.9, user="ana")
    course.finish_appraisal(PARENTS, 0.9, user="ana")
    course.finish_appraisal(FGC, 0.4, user="ben")
    ana = gather_evidence(course_blocks(course.block(user="ana")))
    ben = gather_evidence(course_blocks(course.block(user="ben")))
    assert sorted(piece.usage_id for piece in ana) == sorted(
        str(course.usages[name]) for name in (SOS, PARENTS)
    )
    assert [piece.score for piece in ben] == [0.4]


def test_a_real_submission_reaches_the_tracker(course, answer_all_like_the_expert):
    status, body = answer_all_like_the_expert(course, SOS)
    assert status == 200, body
    (piece,) = gather_evidence(course_blocks(course.block()))
    assert piece.score == 1.0
    assert piece.completed_at is not None


def test_levels_on_the_page_come_from_the_evidence_of_both_units(course):
    course.finish_appraisal(SOS, 0.75)
    html = course.view()
    assert _level_text(html, "appraise.validity") == "Level 1: Consolidation"
    course.finish_appraisal(FGC, 0.7)  # in the other unit
    html = course.view()
    assert _level_text(html, "appraise.validity") == "Level 2: Experienced"
    assert _level_text(html, "share.champion") == "Not yet evidenced"


def test_a_block_whose_tags_cannot_be_read_is_skipped_and_logged(course, caplog):
    sos = course.block(SOS)
    sos.competencies = "appraise.validity:9"
    sos.save()
    course.finish_appraisal(PARENTS, 0.9)
    with caplog.at_level(logging.WARNING, logger="xblocks.competency.evidence_gathering"):
        found = course_blocks(course.block())
    assert str(course.usages[SOS]) not in [block.usage_id for block in found]
    assert len(found) == 3
    assert any(str(course.usages[SOS]) in record.getMessage() for record in caplog.records)
    assert _level_text(course.view(), "appraise.validity") == "Level 1: Consolidation"


def test_a_child_that_fails_to_load_is_skipped_and_the_rest_still_found(
    course, monkeypatch, caplog
):
    runtime = course.runtime
    broken = course.usages[PARENTS]
    real_get_block = runtime.get_block

    def get_block(usage_id, for_parent=None):
        if usage_id == broken:
            raise RuntimeError("this block cannot be loaded")
        return real_get_block(usage_id, for_parent=for_parent)

    tracker = course.block()
    monkeypatch.setattr(runtime, "get_block", get_block)
    with caplog.at_level(logging.WARNING, logger="xblocks.competency.evidence_gathering"):
        found = course_blocks(tracker)
    assert [block.usage_id for block in found] == [
        str(course.usages[name]) for name in (SOS, PRE_BIRTH, FGC)
    ]
    assert any("could not be loaded" in record.getMessage() for record in caplog.records)


def test_a_block_whose_state_cannot_be_read_is_skipped(course, monkeypatch, caplog):
    from xblocks.competency import evidence_gathering

    course.finish_appraisal(SOS, 0.9)
    course.finish_appraisal(PARENTS, 0.9)
    blocks = course_blocks(course.block())
    broken = str(course.usages[SOS])
    read = evidence_gathering._READERS["eip_appraisal"]

    def failing(block):
        if str(block.scope_ids.usage_id) == broken:
            raise ValueError("corrupt state")
        return read(block)

    monkeypatch.setitem(evidence_gathering._READERS, "eip_appraisal", failing)
    with caplog.at_level(logging.WARNING, logger="xblocks.competency.evidence_gathering"):
        evidence = gather_evidence(blocks)
    assert [piece.usage_id for piece in evidence] == [str(course.usages[PARENTS])]
    assert any(broken in record.getMessage() for record in caplog.records)
