"""`eip diff` on the fixture's known change from 1.0 to 1.1: one unit's prose revised, an
evaluation unit with a new exercise added, and the competency record renumbered."""

from __future__ import annotations

import datetime

from eip.course.diff import diff_versions
from eip.course.diff_report import format_diff
from eip.course.release import release_version


def _diff(demo, load):
    return diff_versions(load(demo / "1.0"), load(demo / "1.1"))


def test_units_added_moved_and_changed(demo, load):
    diff = _diff(demo, load)
    assert diff.sections == []
    units = {(c.kind, c.name): (c.old, c.new) for c in diff.units}
    assert units == {
        ("changed", "appraising-a-trial"): (
            "01-why-evidence/02-appraising-a-trial",
            "01-why-evidence/02-appraising-a-trial",
        ),
        ("added", "weighing-an-evaluation"): (None, "02-in-practice/02-weighing-an-evaluation"),
        ("moved", "your-record"): (
            "02-in-practice/02-your-record",
            "02-in-practice/03-your-record",
        ),
    }


def test_changed_prose_comes_as_a_unified_diff(demo, load):
    change = next(c for c in _diff(demo, load).units if c.kind == "changed")
    text = "".join(change.text_diff)
    assert text.startswith("--- 1.0/01-why-evidence/02-appraising-a-trial.md\n")
    assert "+++ 1.1/01-why-evidence/02-appraising-a-trial.md\n" in text
    assert "-A randomised trial is the fairest test of whether a service works. Read the" in text
    assert "+A randomised trial is the fairest test of whether a service works, when it is" in text


def test_exercises_added(demo, load):
    changes = [(c.kind, c.what, c.name, c.new) for c in _diff(demo, load).assessments]
    assert changes == [
        (
            "added",
            "appraisal",
            "signs-of-safety-evaluation",
            "02-in-practice/02-weighing-an-evaluation",
        ),
        ("moved", "competency-tracker", "research-literacy", "02-in-practice/03-your-record"),
    ]


def test_grading_and_competencies_are_affected(demo, load):
    diff = _diff(demo, load)
    # Both sections were graded as "Appraisal" already: the policy itself is unchanged.
    assert diff.grading == ["graded appraisal signs-of-safety-evaluation added (weight 1)"]
    assert "appraise.instrument_choice: evidence from 1 -> 2 assessments" in diff.competencies


def test_a_version_compared_with_itself_changes_nothing(demo, load):
    version = load(demo / "1.0")
    diff = diff_versions(version, version)
    assert (diff.sections, diff.units, diff.assessments, diff.grading, diff.competencies) == (
        [],
        [],
        [],
        [],
        [],
    )
    text = format_diff(diff, "demo")
    assert "Grading: not affected" in text
    assert "Competencies: not affected" in text


def test_report_text(demo, load):
    text = format_diff(_diff(demo, load), "demo")
    assert text.startswith("demo 1.0 -> 1.1\n")
    assert "Units:\n  changed          01-why-evidence/02-appraising-a-trial\n" in text
    assert "  added            02-in-practice/02-weighing-an-evaluation\n" in text
    assert (
        "  moved            02-in-practice/02-your-record -> 02-in-practice/03-your-record" in text
    )
    assert (
        "  added            appraisal signs-of-safety-evaluation in "
        "02-in-practice/02-weighing-an-evaluation" in text
    )
    assert "Grading: AFFECTED\n  - graded appraisal signs-of-safety-evaluation added" in text
    assert "Changed text:\n--- 1.0/01-why-evidence/02-appraising-a-trial.md" in text
    assert "Changed text" not in format_diff(_diff(demo, load), "demo", text=False)


def test_an_exercise_changed_since_a_release_is_reported(copy_fixture, load):
    root = copy_fixture("valid")
    course = root / "courses" / "demo"
    release_version(course / "1.0", datetime.date(2026, 11, 27))
    exercise = root / "assessments" / "appraisals" / "fgc-trial.xml"
    exercise.write_text(exercise.read_text().replace("four Welsh", "five Welsh"))
    diff = diff_versions(load(course / "1.0"), load(course / "1.1"))
    assert ("changed", "appraisal", "fgc-trial") in [
        (c.kind, c.what, c.name) for c in diff.assessments
    ]
