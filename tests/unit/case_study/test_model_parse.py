"""Parsing a case study: every node kind, the settings and their defaults, and the parts
the block stores in its fields."""

from pathlib import Path

import pytest
from lxml import etree

from xblocks.case_study.model import (
    Band,
    CaseStudy,
    Choice,
    Decision,
    Ending,
    Evidence,
    Mapping,
    Narrative,
    Reflection,
    Statement,
    case_study_content_xml,
    parse_case_study,
    parse_case_study_parts,
    successors,
)
from xblocks.core.xml import OLXErrors

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str) -> CaseStudy:
    return parse_case_study((FIXTURES / name).read_bytes(), source=name)


@pytest.fixture(scope="module")
def full() -> CaseStudy:
    return load("full.xml")


def test_settings(full: CaseStudy) -> None:
    assert full.display_name == "Test case: a first visit after a disclosure"
    assert (full.start, full.allow_back, full.max_attempts, full.grading) == (
        "referral",
        True,
        2,
        "last",
    )
    assert full.competencies == "apply.decisions:2 integrate.sources"
    assert full.weight == 1.0
    assert full.max_points == 9


def test_defaults() -> None:
    case = load("minimal.xml")
    assert (case.allow_back, case.max_attempts, case.grading, case.competencies, case.weight) == (
        True,
        0,
        "best",
        "",
        1.0,
    )
    assert case.max_points == 0
    assert case.node("done").bands == ()
    assert case.node("done").band_for(0.5) is None


def test_nodes_keep_the_file_order(full: CaseStudy) -> None:
    assert list(full.nodes) == [
        "referral",
        "ev-idva",
        "ev-course",
        "first-visit",
        "more-info",
        "map-safety",
        "reflect",
        "plan",
        "end-safe",
        "end-drift",
    ]
    assert [node.kind for node in full.nodes.values()] == [
        "narrative",
        "evidence",
        "evidence",
        "decision",
        "narrative",
        "mapping",
        "reflection",
        "decision",
        "ending",
        "ending",
    ]
    assert [ending.id for ending in full.endings] == ["end-safe", "end-drift"]
    with pytest.raises(KeyError):
        full.node("missing")


def test_narrative(full: CaseStudy) -> None:
    node = full.node("referral")
    assert isinstance(node, Narrative)
    assert (node.title, node.next) == ("The referral", "ev-idva")
    assert node.body_md.startswith("A midwife refers **Sam**")
    assert node.body_md.endswith("(/static/timeline.png)")
    assert full.node("more-info").body_md.startswith("The midwife calls back")


def test_evidence(full: CaseStudy) -> None:
    real = full.node("ev-idva")
    assert real == Evidence(
        id="ev-idva",
        title="Independent domestic violence advisers",
        certainty="moderate",
        fictional=False,
        appraisal="fgc-trial",
        summary_md="Evaluations suggest advocacy reduces repeat abuse.",
        citation="Example Author (2020). A real-looking citation over two lines.",
        next="ev-course",
    )
    made_up = full.node("ev-course")
    assert (made_up.fictional, made_up.certainty, made_up.appraisal) == (True, "very_low", "")
    assert made_up.summary_md == "One small uncontrolled study & a survey."


def test_decision_and_choices(full: CaseStudy) -> None:
    node = full.node("first-visit")
    assert isinstance(node, Decision)
    assert node.prompt_md == "How will you plan the first visit?"
    assert [choice.id for choice in node.choices] == ["joint-visit", "letter", "wait"]
    assert node.choice("joint-visit") == Choice(
        id="joint-visit",
        label="Visit jointly with the adviser, seeing Sam alone first",
        target="map-safety",
        points=2,
        evidence_ids=("ev-idva",),
        feedback_md="Seeing Sam alone first makes disclosure safer.",
    )
    letter, wait = node.choice("letter"), node.choice("wait")
    assert (letter.points, letter.evidence_ids) == (1, ())
    assert (wait.points, wait.evidence_ids, wait.feedback_md) == (0, (), "")
    assert node.choice("nope") is None
    assert full.node("plan").choice("advocacy").evidence_ids == ("ev-idva", "ev-course")


def test_mapping_and_statements(full: CaseStudy) -> None:
    node = full.node("map-safety")
    assert isinstance(node, Mapping)
    assert (node.points, node.scale, node.next, node.max_points) == (1, True, "reflect", 4)
    assert node.scale_guidance_md == "We would judge about 4."
    assert [(s.id, s.expected) for s in node.statements] == [
        ("s-police", "worried"),
        ("s-sister", "working_well"),
        ("s-plan", "next_steps"),
        ("s-scan", "working_well"),
    ]
    assert node.statement("s-police") == Statement(
        "s-police", "Police were called twice this year.", "worried", "Past harm is a worry."
    )
    assert node.statement("s-sister").feedback_md == ""
    assert node.statement("nope") is None


def test_reflection(full: CaseStudy) -> None:
    node = full.node("reflect")
    assert node == Reflection(
        id="reflect",
        title="Pause and reflect",
        prompt_md="What would Sam want you to know?",
        shareable=False,
        next="plan",
    )


def test_ending_and_bands(full: CaseStudy) -> None:
    node = full.node("end-safe")
    assert isinstance(node, Ending)
    assert node.outcome_md == "Sam keeps working with the adviser."
    assert node.debrief_md == "The evidence on advocacy was the strongest you had."
    assert [band.min for band in node.bands] == [0.8, 0.5, 0.0]
    assert node.band_for(1.0).text_md == "A well-evidenced plan."
    assert node.band_for(0.8).text_md == "A well-evidenced plan."
    assert node.band_for(0.7999999999999999).text_md == "A well-evidenced plan."
    assert node.band_for(0.79).text_md == "A reasonable plan."
    assert node.band_for(0.0) == Band(0.0, "Look again at the evidence.")


def test_successors(full: CaseStudy) -> None:
    assert successors(full.node("referral")) == ("ev-idva",)
    assert successors(full.node("first-visit")) == ("map-safety", "more-info", "end-drift")
    assert successors(full.node("plan")) == ("end-safe", "end-drift")
    assert successors(full.node("end-safe")) == ()


def test_parts_give_the_same_case_study(full: CaseStudy) -> None:
    content = case_study_content_xml(full)
    assert content.startswith('<narrative id="referral" next="ev-idva" title="The referral">')
    attributes = {
        "display_name": full.display_name,
        "start": full.start,
        "allow_back": full.allow_back,
        "max_attempts": full.max_attempts,
        "grading": full.grading,
        "competencies": full.competencies,
        "weight": full.weight,
        "url_name": None,
    }
    assert parse_case_study_parts(attributes, content, source="block") == full


def test_parts_report_errors_with_the_source() -> None:
    with pytest.raises(OLXErrors) as caught:
        parse_case_study_parts({"display_name": "x", "start": "a"}, "<narrative", source="blk")
    assert caught.value.errors[0].source == "blk"


def test_an_element_is_parsed_as_well_as_text() -> None:
    root = etree.fromstring((FIXTURES / "minimal.xml").read_bytes())
    assert parse_case_study(root, source="m") == load("minimal.xml")
