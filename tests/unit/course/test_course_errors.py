"""Each broken fixture gives its problem with the file, the line and a fix; `eip check`
collects every problem of a run instead of stopping at the first."""

from __future__ import annotations

import shutil

import pytest

from eip.course.check import check
from eip.course.course_file import read_course
from eip.course.problems import Problems

# fixture -> (file the problem names, its line (None: a whole file), words of the message)
BROKEN = {
    "bad-front-matter": (
        "courses/demo/1.0/01-why-evidence/01-appraising-a-trial.md",
        3,
        "not valid TOML",
    ),
    "unknown-reference": (
        "courses/demo/1.0/01-why-evidence/01-appraising-a-trial.md",
        10,
        'unknown appraisal "fgc-trail"',
    ),
    "invalid-exercise": ("assessments/appraisals/broken-trial.xml", 92, 'value="maybe"'),
    "undefined-competency": (
        "assessments/appraisals/tagged-trial.xml",
        1,
        'competency "appraise.validness" is not defined by framework "research-literacy"',
    ),
    "missing-welsh-title": (
        "courses/demo/1.0/01-why-evidence/01-appraising-a-trial.md",
        2,
        "title_cy is missing",
    ),
    "missing-image": (
        "courses/demo/1.0/01-why-evidence/01-appraising-a-trial.md",
        12,
        '"static/flow-chart.png" is not a file',
    ),
    "changed-release": (
        "courses/demo/1.0/01-why-evidence/01-appraising-a-trial.md",
        None,
        "this file changed after version 1.0 was released",
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_fixture_reports_file_line_and_fix(fixtures, name):
    path, line, words = BROKEN[name]
    report = check([fixtures / name / "courses" / "demo"])
    found = [problem for problem in report.problems if words in problem.message]
    assert found, "\n".join(str(problem) for problem in report.problems)
    problem = found[0]
    assert problem.source.endswith(f"{name}/{path}")
    assert problem.line == line
    assert problem.fix
    assert str(problem).startswith(f"{problem.source}{f':{line}' if line else ''}: ")
    assert " Fix: " in str(problem)


def test_an_invalid_exercise_is_named_at_the_line_that_places_it(fixtures):
    report = check([fixtures / "invalid-exercise" / "courses" / "demo"])
    placing = [p for p in report.problems if 'appraisal "broken-trial" is invalid' in p.message]
    assert [p.line for p in placing] == [10]
    assert placing[0].source.endswith("01-appraising-a-trial.md")


def test_the_valid_fixture_has_no_problems(demo):
    report = check([demo])
    assert not report.problems, "\n".join(str(problem) for problem in report.problems)
    assert report.versions == 2


def test_every_problem_is_reported_in_one_run(copy_fixture):
    root = copy_fixture("valid")
    version = root / "courses" / "demo" / "1.0"
    unit = version / "01-why-evidence" / "02-appraising-a-trial.md"
    unit.write_text(
        unit.read_text()
        .replace('title_cy = "Arfarnu treial"\n', "")
        .replace("::: appraisal fgc-trial", "::: appraisal no-such-exercise")
    )
    section = version / "02-in-practice" / "section.md"
    section.write_text(section.read_text().replace("minutes = 45", "minutes = forty-five"))
    (version / "static" / "sources.svg").unlink()
    report = check([version])
    messages = [problem.message for problem in report.problems]
    assert any("title_cy is missing" in m for m in messages)
    assert any('unknown appraisal "no-such-exercise"' in m for m in messages)
    assert any("not valid TOML" in m for m in messages)
    assert any('"static/sources.svg" is not a file' in m for m in messages)


def test_todo_text_left_by_a_scaffold_is_a_problem(copy_fixture):
    root = copy_fixture("valid")
    unit = root / "courses" / "demo" / "1.0" / "02-in-practice" / "01-qualitative.md"
    unit.write_text(unit.read_text() + "\nTODO: say why this study was chosen.\n")
    report = check([unit.parent.parent])
    assert [(p.message.split(":")[0], p.line) for p in report.problems] == [
        ("placeholder text left", 9)
    ]


def test_a_course_without_the_framework_is_told_which_exist(copy_fixture):
    root = copy_fixture("valid")
    course = root / "courses" / "demo" / "course.toml"
    course.write_text(
        course.read_text().replace('framework = "research-literacy"', 'framework = "nope"')
    )
    report = check([course.parent / "1.0"])
    problem = next(p for p in report.problems if '"nope"' in p.message)
    assert problem.source.endswith("course.toml")
    assert problem.line == 6


def test_removed_and_added_files_of_a_release_are_named(copy_fixture):
    root = copy_fixture("changed-release")
    version = root / "courses" / "demo" / "1.0"
    shutil.copy(version / "static" / "sources.svg", version / "static" / "new.svg")
    (version / "01-why-evidence" / "section.md").unlink()
    report = check([version.parent])
    said = {(p.source.split("1.0/")[-1], p.message.split(" after")[0]) for p in report.problems}
    assert ("01-why-evidence/01-appraising-a-trial.md", "this file changed") in said
    assert ("static/new.svg", "this file was added") in said
    assert ("01-why-evidence/section.md", "this file was removed") in said


@pytest.mark.parametrize(
    "name", ["course.toml", "1.0/version.toml", "1.0/02-in-practice/section.md"]
)
def test_a_file_that_is_not_utf8_is_named_with_a_fix(copy_fixture, name):
    course = copy_fixture("valid") / "courses" / "demo"
    path = course / name
    path.write_bytes(path.read_bytes().replace(b"\n", "\n# café\n".encode("latin-1"), 1))
    report = check([course / "1.0"])
    found = [p for p in report.problems if p.message == "the file is not UTF-8 text"]
    assert [p.source.split("demo/")[-1] for p in found] == [name]
    assert found[0].fix == "Save the file as UTF-8."


def test_a_toml_file_saved_with_a_byte_order_mark_is_read(copy_fixture):
    course = copy_fixture("valid") / "courses" / "demo"
    for path in (course / "course.toml", course / "1.0" / "version.toml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    report = check([course / "1.0"], olx=False)
    messages = [str(problem) for problem in report.problems]
    assert not any("course.toml" in m or "version.toml" in m for m in messages), messages


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("1.0/version.toml", "the version has no version.toml"),
        ("1.0/02-in-practice/section.md", "the section has no section.md"),
    ],
)
def test_a_missing_file_is_a_problem_of_its_folder(copy_fixture, name, words):
    course = copy_fixture("valid") / "courses" / "demo"
    (course / name).unlink()
    report = check([course / "1.0"], olx=False)
    found = [p for p in report.problems if p.message == words]
    assert [p.source.split("demo/")[-1] for p in found] == [name.rsplit("/", 1)[0]]
    assert name.rsplit("/", 1)[1] in found[0].fix


def test_a_course_folder_without_course_toml_says_how_to_make_one(tmp_path):
    problems = Problems()
    assert read_course(tmp_path, problems) is None
    [problem] = problems
    assert problem.message == "no course.toml in this course folder"
    assert problem.source.endswith(tmp_path.name)
    assert "eip new course" in problem.fix
