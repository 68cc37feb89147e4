"""A valid course read into the model: order, titles, times, outcomes and placements."""

from __future__ import annotations

import datetime

from eip.course.model import Prose, Reference


def test_course_toml(demo, load):
    course = load(demo / "1.0").version.course
    assert (course.slug, course.org, course.code) == ("demo", "EIPTEST", "DEMO1")
    assert course.languages == ("en", "cy")
    assert course.title == {"en": "A demonstration course", "cy": "Cwrs arddangos"}
    assert course.framework == "research-literacy"
    assert course.partners[0]["role"] == "commissioning service"
    assert course.releases == ()
    assert course.course_id("1.0") == "course-v1:EIPTEST+DEMO1+1.0"


def test_version_sections_and_units_in_order(demo, load):
    version = load(demo / "1.0").version
    assert version.start == datetime.date(2027, 1, 4)
    assert version.end == datetime.date(2027, 6, 30)
    assert version.course_image == "static/course-image.png"
    assert [section.name for section in version.sections] == ["01-why-evidence", "02-in-practice"]
    first = version.sections[0]
    assert (first.slug, first.title, first.title_cy) == (
        "why-evidence",
        "Why evidence matters",
        "Pam mae tystiolaeth yn bwysig",
    )
    assert first.minutes == 50
    assert first.outcomes[0] == "Name the four sources of evidence in social care"
    assert [unit.name for unit in first.units] == ["01-four-sources", "02-appraising-a-trial"]


def test_unit_parts_and_placed_assessments(demo, load):
    loaded = load(demo / "1.0")
    unit = loaded.version.sections[0].units[1]
    assert [type(part) for part in unit.parts] == [Prose, Reference, Prose]
    reference = unit.references[0]
    assert (reference.kind, reference.target, reference.line) == ("appraisal", "fgc-trial", 10)
    assessment = loaded.assessment(unit, reference)
    assert assessment.block_type == "eip_appraisal"
    assert assessment.display_name == "Appraise a trial: family group conferences"
    assert assessment.graded and assessment.completable
    assert [str(tag) for tag in assessment.competencies] == [
        "appraise.validity:2",
        "appraise.results:2",
        "appraise.applicability:2",
    ]


def test_the_tracker_is_placed_but_not_graded(demo, load):
    loaded = load(demo / "1.0")
    trackers = [a for _, _, a in loaded.assessments() if a.block_type == "eip_competency_tracker"]
    assert len(trackers) == 1
    assert trackers[0].element.get("framework") == "research-literacy"
    assert not trackers[0].graded
    assert trackers[0].completable
