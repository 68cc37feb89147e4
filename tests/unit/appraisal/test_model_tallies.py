"""Anonymous answer counts: only option values, never free text."""

from pathlib import Path

from xblocks.appraisal.model.instrument import parse_instrument
from xblocks.appraisal.model.tallies import add_to_tallies

INSTRUMENT = parse_instrument(
    (Path(__file__).parent / "fixtures" / "instruments" / "checklist.xml").read_bytes(),
    source="checklist.xml",
)


def test_counts_accumulate_in_a_new_dict() -> None:
    first = add_to_tallies({}, {"1": {"answer": "yes", "reason": "r"}}, "high", INSTRUMENT)
    assert first == {"1": {"yes": 1}, "overall": {"high": 1}}
    second = add_to_tallies(
        first, {"1": {"answer": "yes"}, "2": {"answer": "no"}}, "low", INSTRUMENT
    )
    assert second == {"1": {"yes": 2}, "2": {"no": 1}, "overall": {"high": 1, "low": 1}}
    assert first == {"1": {"yes": 1}, "overall": {"high": 1}}


def test_free_text_blanks_and_strangers_are_never_counted() -> None:
    answers = {
        "5": {"answer": "my private thoughts", "reason": ""},
        "3": {"answer": "", "reason": "r"},
        "4a": {"answer": "perhaps", "reason": "r"},
        "9": {"answer": "yes", "reason": "r"},
    }
    assert add_to_tallies({}, answers, "", INSTRUMENT) == {}
    assert add_to_tallies({}, answers, "superb", INSTRUMENT) == {}


def test_without_an_instrument_only_value_shaped_answers_count() -> None:
    answers = {"1": "yes", "5": "A sentence with spaces.", "2": {"answer": "cant_tell"}}
    assert add_to_tallies({}, answers, {"answer": "moderate"}) == {
        "1": {"yes": 1},
        "2": {"cant_tell": 1},
        "overall": {"moderate": 1},
    }
