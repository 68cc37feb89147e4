"""The shipped content: every instrument and exercise parses, and the instruments have the
ids, items and scales that exercises and the block rely on."""

from importlib.resources.abc import Traversable

import pytest

from xblocks.appraisal.model.exercise import (
    canonical_exercise,
    exercise_to_string,
    parse_exercise,
)
from xblocks.appraisal.model.library import list_instruments, load_instrument, shipped_root

EXERCISE_FILES = sorted(
    (
        entry
        for entry in shipped_root("xblocks.appraisal.exercises", "assessments/appraisals").iterdir()
        if entry.name.endswith(".xml")
    ),
    key=lambda entry: entry.name,
)


def numbered(first: int, last: int) -> list[str]:
    return [str(n) for n in range(first, last + 1)]


# id: (family, sections with item ids, screening items, text-only items, overall scale)
EXPECTED = {
    "rct": (
        "checklist",
        [
            ("A", ["1", "2", "3"]),
            ("B", ["4a", "4b", "4c", "5", "6"]),
            ("C", ["7", "8", "9"]),
            ("D", ["10", "11"]),
        ],
        ["1", "2"],
        ["8"],
        "quality",
    ),
    "systematic_review": (
        "checklist",
        [("A", numbered(1, 5)), ("B", ["6", "7"]), ("C", numbered(8, 10))],
        ["1", "2"],
        ["6", "7"],
        "quality",
    ),
    "qualitative": (
        "checklist",
        [("A", numbered(1, 6)), ("B", numbered(7, 9)), ("C", ["10"])],
        ["1", "2"],
        ["10"],
        "quality",
    ),
    "cohort": (
        "checklist",
        [("A", numbered(1, 6)), ("B", numbered(7, 9)), ("C", numbered(10, 12))],
        ["1", "2"],
        ["7", "8"],
        "quality",
    ),
    "rob_trial": (
        "risk-of-bias",
        [
            (f"d{d}", [f"{d}.{n}" for n in range(1, count + 1)])
            for d, count in ((1, 3), (2, 7), (3, 4), (4, 5), (5, 3))
        ],
        [],
        [],
        "rob",
    ),
    "weight_of_evidence": ("weight-of-evidence", [(None, ["A", "B", "C"])], [], [], "hml"),
    "tapupas": (
        "tapupas",
        [(None, ["source", "T", "A", "P", "U", "Pr", "Ac", "S"])],
        [],
        [],
        "hml",
    ),
}


def test_every_shipped_instrument_parses() -> None:
    found = {(instrument.id, instrument.version) for instrument in list_instruments()}
    assert {(instrument_id, "1") for instrument_id in EXPECTED} <= found


@pytest.mark.parametrize("instrument_id", sorted(EXPECTED))
def test_shipped_instrument_has_the_agreed_shape(instrument_id: str) -> None:
    family, sections, screening, text_only, overall = EXPECTED[instrument_id]
    instrument = load_instrument(instrument_id, "1")
    assert instrument.family == family
    items = [item_id for _, ids in sections for item_id in ids]
    assert [item.id for item in instrument.items] == items
    named = [(section_id, ids) for section_id, ids in sections if section_id is not None]
    if named:
        assert [(s.id, [i.id for i in s.items]) for s in instrument.sections] == named
    assert [item.id for item in instrument.items if item.screening] == screening
    assert [item.id for item in instrument.items if item.text_only] == text_only
    assert instrument.overall_scale_id == overall
    assert (instrument.stop_rule is not None) == bool(screening)
    for item in instrument.items:
        assert item.text.get("en")
    assert instrument.source and instrument.licence and instrument.attribution


def test_checklists_use_yes_cant_tell_no() -> None:
    for instrument_id in ("rct", "systematic_review", "qualitative", "cohort"):
        scale = load_instrument(instrument_id, "1").scale("ync")
        assert scale.values == ("yes", "cant_tell", "no")
        assert scale.credit("yes", "cant_tell") == scale.credit("no", "cant_tell") == 0.5
        assert load_instrument(instrument_id, "1").overall_scale.values == (
            "high",
            "moderate",
            "low",
        )


def test_rob_trial_domains_and_overall_rules() -> None:
    instrument = load_instrument("rob_trial", "1")
    assert [j.id for j in instrument.judgements] == ["d1", "d2", "d3", "d4", "d5", "overall"]
    assert instrument.scale("rob").values == ("low", "some_concerns", "high")
    overall = instrument.judgement("overall")

    def overall_of(**domains: str) -> str:
        return overall.evaluate({}, {f"d{n}": domains.get(f"d{n}", "low") for n in range(1, 6)})

    assert overall_of() == "low"
    assert overall_of(d3="some_concerns") == "some_concerns"
    assert overall_of(d2="high") == "high"
    assert overall_of(d1="some_concerns", d5="high") == "high"
    # Concealment of allocation answered No: the randomisation domain is at high risk.
    assert instrument.compute_judgements({"1.1": "yes", "1.2": "no", "1.3": "no"})["d1"] == "high"


@pytest.mark.parametrize(
    ("a", "b", "c", "d"),
    [
        ("high", "high", "high", "high"),
        ("high", "medium", "high", "high"),
        ("high", "high", "low", "low"),
        ("medium", "medium", "high", "medium"),
    ],
)
def test_weight_of_evidence_d(a: str, b: str, c: str, d: str) -> None:
    instrument = load_instrument("weight_of_evidence", "1")
    assert instrument.compute_judgements({"A": a, "B": b, "C": c})["D"] == d


def test_tapupas_scales() -> None:
    instrument = load_instrument("tapupas", "1")
    assert instrument.item_scale("source").values == (
        "organisational",
        "practitioner",
        "policy",
        "research",
        "user_carer",
    )
    assert instrument.item_scale("T").values == ("yes", "partly", "no", "cant_tell")


def test_exercises_are_shipped() -> None:
    assert EXERCISE_FILES, "assessments/appraisals/ holds no exercise"


@pytest.mark.parametrize("entry", EXERCISE_FILES, ids=lambda entry: entry.name)
def test_every_shipped_exercise_parses_and_round_trips(entry: Traversable) -> None:
    data = entry.read_bytes()
    exercise = parse_exercise(data, source=f"assessments/appraisals/{entry.name}")
    exported = exercise_to_string(exercise)
    assert parse_exercise(exported, source=entry.name) == exercise
    assert canonical_exercise(exported) == canonical_exercise(data)
    assert exercise.study.label or not exercise.study.fictional
