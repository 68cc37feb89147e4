"""The shipped frameworks: each parses, research-literacy has the agreed ids and shape, and
every competency tag in the shipped exercises and case studies is one it defines."""

from __future__ import annotations

import pytest
from lxml import etree

from xblocks.competency.model.attainment import attain
from xblocks.competency.model.evidence import Evidence
from xblocks.competency.model.library import framework_ids, list_frameworks, load_framework
from xblocks.core.resources import shipped_root
from xblocks.core.xml import parse_xml

DOMAINS = {
    "ask": ("Ask", "Gofyn", ["ask.question", "ask.framework"]),
    "acquire": ("Acquire", "Caffael", ["acquire.search", "acquire.summaries"]),
    "appraise": (
        "Appraise",
        "Arfarnu",
        [
            "appraise.instrument_choice",
            "appraise.validity",
            "appraise.results",
            "appraise.applicability",
            "appraise.certainty",
        ],
    ),
    "integrate": ("Integrate", "Integreiddio", ["integrate.sources", "integrate.family_voice"]),
    "apply": ("Apply and evaluate", "Cymhwyso a gwerthuso", ["apply.decisions", "apply.evaluate"]),
    "share": (
        "Share and lead",
        "Rhannu ac arwain",
        ["share.colleagues", "share.coproduce", "share.champion"],
    ),
}
LEVELS = [
    ("Consolidation", "Cydgrynhoi"),
    ("Experienced", "Profiadol"),
    ("Senior", "Uwch"),
    ("Consultant / research champion", "Ymgynghorol / hyrwyddwr ymchwil"),
]
TAGGED_CONTENT = (
    ("xblocks.appraisal.exercises", "assessments/appraisals"),
    ("xblocks.case_study.scenarios", "assessments/case-studies"),
)


def _content_files() -> list[tuple[str, object]]:
    found = []
    for package, folder in TAGGED_CONTENT:
        for entry in shipped_root(package, folder).iterdir():
            if entry.name.endswith(".xml"):
                found.append((f"{folder}/{entry.name}", entry))
    return sorted(found, key=lambda pair: pair[0])


def test_every_shipped_framework_parses() -> None:
    frameworks = list_frameworks()
    assert [framework.id for framework in frameworks] == framework_ids()
    assert "research-literacy" in framework_ids()


@pytest.fixture(scope="module")
def literacy():
    return load_framework("research-literacy")


def test_research_literacy_has_the_agreed_domains_and_ids(literacy) -> None:
    assert literacy.version == "1"
    assert [domain.id for domain in literacy.domains] == list(DOMAINS)
    for domain in literacy.domains:
        english, welsh, ids = DOMAINS[domain.id]
        assert (domain.title.get("en"), domain.title.get("cy")) == (english, welsh)
        assert [competency.id for competency in domain.competencies] == ids
        assert domain.description.get("en")


def test_research_literacy_levels_follow_the_welsh_stages(literacy) -> None:
    assert [(lv.name.get("en"), lv.name.get("cy")) for lv in literacy.levels] == LEVELS
    assert all(level.descriptor.get("en") for level in literacy.levels)
    assert literacy.title.values.keys() == {"en", "cy"}


def test_every_competency_is_complete(literacy) -> None:
    for competency in literacy.competencies:
        assert set(competency.title.values) == {"en", "cy"}, competency.id
        assert competency.title.get("cy") != competency.title.get("en"), competency.id
        assert competency.description.get("en"), competency.id
        assert sorted(competency.descriptors) == [1, 2, 3, 4], competency.id
        assert [rule.level for rule in competency.rules] == [1, 2, 3, 4], competency.id


def test_each_level_is_reachable_with_enough_good_evidence(literacy) -> None:
    # Two appraisals and two case studies at level 4 with full marks reach level 4 everywhere.
    def pieces(competency_id: str) -> list[Evidence]:
        return [
            Evidence(kind, f"{kind}-{n}", "t", f"{competency_id}:4", 1.0)
            for kind in ("eip_appraisal", "eip_case_study")
            for n in range(2)
        ]

    for competency in literacy.competencies:
        assert attain(literacy, pieces(competency.id))[competency.id].level == 4, competency.id


@pytest.mark.parametrize(
    ("source", "entry"), _content_files(), ids=[name for name, _ in _content_files()]
)
def test_content_uses_only_tags_the_framework_defines(literacy, source, entry) -> None:
    root = parse_xml(entry.read_bytes(), source=source)
    text = root.get("competencies")
    if text is None:
        pytest.skip("no competencies attribute")
    assert isinstance(root, etree._Element)
    errors = literacy.check_tags(text, source=source, line=root.sourceline)
    assert not errors, "\n".join(map(str, errors))


def test_the_appraisal_exercises_are_checked() -> None:
    assert any(name.startswith("assessments/appraisals/") for name, _ in _content_files())
