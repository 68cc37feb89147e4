"""`eip new`: scaffolds parse and pass `eip check` apart from the TODO text to replace."""

from __future__ import annotations

import pytest

from eip.cli import main
from eip.course.check import check
from xblocks.appraisal.model.exercise import parse_exercise


@pytest.fixture
def repo(copy_fixture, monkeypatch):
    root = copy_fixture("valid")
    monkeypatch.chdir(root)
    return root


def _only_placeholders(report) -> None:
    others = [p for p in report.problems if not p.message.startswith("placeholder text left")]
    assert not others, "\n".join(str(problem) for problem in others)
    assert report.problems  # the TODOs themselves are reported


def test_new_course(repo, capsys):
    assert main(["new", "course", "family-support", "--title", "Supporting families"]) == 0
    course = repo / "courses" / "family-support"
    assert "wrote courses/family-support/course.toml" in capsys.readouterr().out
    assert (course / "1.0" / "static" / "course-image.png").read_bytes().startswith(b"\x89PNG")
    assert 'code = "FS101"' in (course / "course.toml").read_text()
    _only_placeholders(check([course]))


def test_new_version_copies_the_latest(repo, capsys):
    assert main(["new", "version", "courses/demo"]) == 0
    new = repo / "courses" / "demo" / "1.2"
    assert (new / "02-in-practice" / "02-weighing-an-evaluation.md").is_file()
    assert "copied from 1.1" in capsys.readouterr().out
    assert not check([new]).problems
    assert main(["new", "version", "courses/demo", "--version", "2.0"]) == 0
    assert (repo / "courses" / "demo" / "2.0" / "version.toml").is_file()


@pytest.mark.parametrize("instrument", ["rct", "rob_trial", "weight_of_evidence", "tapupas"])
def test_new_appraisal_parses_for_every_kind_of_instrument(repo, instrument):
    slug = f"new-{instrument.replace('_', '-')}"
    assert main(["new", "appraisal", slug, "--instrument", instrument]) == 0
    path = repo / "assessments" / "appraisals" / f"{slug}.xml"
    exercise = parse_exercise(path.read_bytes(), source=path.name)
    assert exercise.instrument_id == instrument
    assert set(exercise.expert_answers) == {item.id for item in exercise.instrument.items}
    _only_placeholders(check([path]))


def test_new_case_study_parses(repo):
    parse_case_study = pytest.importorskip("xblocks.case_study.model").parse_case_study
    assert main(["new", "case-study", "first-visit"]) == 0
    path = repo / "assessments" / "case-studies" / "first-visit.xml"
    case = parse_case_study(path.read_bytes(), source=path.name)
    assert case.max_points == 2
    _only_placeholders(check([path]))


def test_a_scaffold_never_overwrites(repo, capsys):
    assert main(["new", "appraisal", "fgc-trial", "--instrument", "rct"]) == 2
    assert "exists already" in capsys.readouterr().err


def test_an_unknown_instrument_lists_the_known_ones(repo, capsys):
    assert main(["new", "appraisal", "x", "--instrument", "nope"]) == 2
    assert "rct" in capsys.readouterr().err
