"""Warnings for authors: worth a second look, never a refusal."""

from dataclasses import replace
from pathlib import Path

from xblocks.case_study.model import case_study_warnings, parse_case_study

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str):
    return parse_case_study((FIXTURES / name).read_bytes(), source=name)


def test_short_summaries_and_a_single_ending() -> None:
    assert case_study_warnings(load("full.xml")) == [
        'evidence "ev-idva": the summary has 6 words; aim for 80 to 200',
        'evidence "ev-course": the summary has 7 words; aim for 80 to 200',
    ]
    assert case_study_warnings(load("minimal.xml")) == [
        "the case study has fewer than two endings: choices lead to one outcome"
    ]


def test_uncited_evidence_unknown_appraisal_equal_points_and_missing_guidance() -> None:
    case = load("full.xml")
    words = " ".join(["word"] * 100)
    nodes = dict(case.nodes)
    nodes["ev-idva"] = replace(nodes["ev-idva"], summary_md=words, appraisal="no-such-exercise")
    nodes["ev-course"] = replace(nodes["ev-course"], summary_md=words)
    plan = nodes["plan"]
    nodes["plan"] = replace(
        plan,
        choices=tuple(replace(c, points=1, evidence_ids=("ev-idva",)) for c in plan.choices),
    )
    nodes["map-safety"] = replace(nodes["map-safety"], scale_guidance_md="")
    assert case_study_warnings(replace(case, nodes=nodes)) == [
        'evidence "ev-idva": appraisal="no-such-exercise" names no exercise in '
        "assessments/appraisals",
        'evidence "ev-course" is not named in any choice\'s evidence, so the ending cannot '
        "show it was used",
        'mapping "map-safety" asks for a safety scale but has no <scale-guidance> saying '
        "what the authors would judge",
        'decision "plan": every choice earns the same points (1), so this decision does not '
        "change the score",
    ]


def test_a_shipped_appraisal_is_found() -> None:
    case = load("full.xml")
    assert not any("fgc-trial" in warning for warning in case_study_warnings(case))
    assert not any(
        "appraisal=" in warning
        for warning in case_study_warnings(
            replace(
                case,
                nodes={**case.nodes, "ev-idva": replace(case.node("ev-idva"), appraisal="x-y")},
            ),
            check_appraisals=False,
        )
    )
