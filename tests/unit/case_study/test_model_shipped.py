"""The shipped case studies: each parses, is big enough to matter, and round-trips."""

import pytest

from xblocks.case_study.model import (
    Ending,
    canonical_case_study,
    case_study_to_string,
    parse_case_study,
)
from xblocks.core.resources import shipped_root

ROOT = shipped_root("xblocks.case_study.scenarios", "assessments/case-studies")
EXPECTED = (
    "pre-birth-domestic-abuse.xml",
    "cp-enquiry-aces-trauma.xml",
    "early-help-choosing-interventions.xml",
)
SHIPPED = sorted({entry.name for entry in ROOT.iterdir() if entry.name.endswith(".xml")})


@pytest.mark.parametrize("name", sorted({*EXPECTED, *SHIPPED}))
def test_every_case_study_parses_and_round_trips(name: str) -> None:
    entry = ROOT.joinpath(name)
    if not entry.is_file():
        pytest.skip(f"assessments/case-studies/{name} is not written yet")
    data = entry.read_bytes()
    case = parse_case_study(data, source=f"assessments/case-studies/{name}")
    assert len(case.nodes) >= 10
    assert len([node for node in case.nodes.values() if isinstance(node, Ending)]) >= 2
    assert case.max_points > 0
    exported = case_study_to_string(case)
    assert parse_case_study(exported, source=name) == case
    assert canonical_case_study(exported) == canonical_case_study(data)
