"""`edx.eip.competency.level_reached`: published once for each level a learner first reaches,
with the evidence behind it; the levels seen are kept in the learner's state."""

from __future__ import annotations

SOS = "signs-of-safety-evaluation.xml"
PARENTS = "parents-cp-conferences.xml"
FGC = "fgc-trial.xml"


def _reached(course) -> list[dict]:
    return course.runtime.events("edx.eip.competency.level_reached")


def test_no_evidence_no_event(course):
    course.view()
    assert _reached(course) == []
    assert course.block().levels_seen == {}
    assert course.block().levels_seen_at


def test_a_new_level_is_announced_once_with_its_evidence(course):
    course.finish_appraisal(SOS, 0.8)
    course.finish_appraisal(PARENTS, 0.9)
    course.view()
    events = {event["competency"]: event for event in _reached(course)}
    assert set(events) == {
        "appraise.validity",
        "appraise.applicability",
        "appraise.instrument_choice",
    }
    validity = events["appraise.validity"]
    assert validity["level"] == 2
    assert validity["previous_level"] == 0
    assert sorted(validity["evidence_ids"]) == sorted(
        str(course.usages[name]) for name in (SOS, PARENTS)
    )
    assert validity["framework"] == "research-literacy"
    assert validity["framework_version"] == "1"
    assert validity["course_version"] == ""
    assert validity["usage_id"] == str(course.usages["tracker"])
    assert course.block().levels_seen["appraise.validity"] == 2

    course.view()
    assert len(_reached(course)) == 3


def test_a_higher_level_later_is_announced_with_the_level_before(course):
    course.finish_appraisal(SOS, 0.65)
    course.view()
    (first,) = [e for e in _reached(course) if e["competency"] == "appraise.validity"]
    assert (first["level"], first["previous_level"]) == (1, 0)
    course.finish_appraisal(FGC, 0.9)
    course.finish_appraisal(SOS, 0.75)
    course.json("refresh")
    later = [e for e in _reached(course) if e["competency"] == "appraise.validity"]
    assert [(e["level"], e["previous_level"]) for e in later] == [(1, 0), (2, 1)]


def test_levels_are_per_learner(course):
    course.finish_appraisal(SOS, 0.9, user="ana")
    course.view(user="ana")
    course.view(user="ben")
    assert course.block(user="ana").levels_seen["appraise.validity"] == 1
    assert course.block(user="ben").levels_seen == {}


def test_refresh_returns_the_profile_again(course):
    status, body = course.json("refresh")
    assert status == 200
    assert "Not yet evidenced" in body["profile_html"]
    course.finish_appraisal(SOS, 0.9)
    status, body = course.json("refresh")
    assert "Level 1: Consolidation" in body["profile_html"]
    assert body["found_text"].startswith("You have finished 1 of the 4")
