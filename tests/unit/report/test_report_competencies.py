"""Competency coverage comes from the framework's one `attain` function."""

from __future__ import annotations

from datetime import UTC, datetime

from eip.report import competencies
from xblocks.competency.model.attainment import attain
from xblocks.competency.model.evidence import Evidence


def test_levels_are_what_attain_gives_for_the_same_evidence(report, framework_loader) -> None:
    built = report()
    framework = framework_loader("research-literacy")
    pieces = [
        Evidence("eip_appraisal", f"fgc-{n}", "x", "appraise.validity:2", score, datetime.now(UTC))
        for n, score in ((1, 0.7), (2, 0.9))
    ] + [Evidence("eip_case_study", "birth", "x", "integrate.sources:2", 0.8, datetime.now(UTC))]
    expected = attain(framework, pieces)
    levels = dict(
        zip(
            [c.id for c in framework.competencies],
            built.coverage.levels["ffion@council.example"],
            strict=True,
        )
    )
    assert levels == {key: value.level for key, value in expected.items()}
    assert levels["appraise.validity"] == 2


def test_coverage_calls_the_shared_function(report, monkeypatch) -> None:
    calls = []
    real = competencies.attain
    monkeypatch.setattr(competencies, "attain", lambda *a: calls.append(a) or real(*a))
    report()
    assert calls  # no attainment rule of its own in the report


def test_team_counts_by_competency_and_by_domain(report) -> None:
    built = report()
    coverage = built.coverage
    north = [p.key for p in built.people if p.team == "Assessment North"]
    validity = [c.id for c in coverage.framework.competencies].index("appraise.validity")
    assert coverage.level_counts(north)[validity] == [1, 4, 0, 0, 0]
    appraise = [d.id for d in coverage.framework.domains].index("appraise")
    assert coverage.domain_counts(north)[appraise] == [1, 4, 0, 0, 0]


def test_no_framework_means_no_competency_section(report, options) -> None:
    from eip.report.build import build_report

    def missing(framework_id):
        raise LookupError(framework_id)

    built = build_report(options(), missing)
    assert built.coverage is None
