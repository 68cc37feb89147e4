"""Anonymous answer counts: only option values, never free text."""

from pathlib import Path

from xblocks.appraisal.model.instrument import parse_instrument
from xblocks.appraisal.model.tallies import TallyCount, add_to_tallies, tally_rows

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


def test_rows_follow_the_instrument_and_its_scales() -> None:
    tallies = {"1": {"yes": 3, "no": 1}, "overall": {"low": 2}, "5": {"x": 9}}
    rows = tally_rows(INSTRUMENT, tallies, "cy")
    assert [row.item_id for row in rows] == ["1", "2", "3", "4a", "overall"]
    first = rows[0]
    assert first.text == "A yw'r astudiaeth yn gofyn cwestiwn clir?"
    assert first.total == 4
    assert first.counts == (
        TallyCount("yes", "Ie", 3, 75),
        TallyCount("cant_tell", "Can't tell", 0, 0),
        TallyCount("no", "Na", 1, 25),
    )
    assert rows[1].total == 0
    assert all(count.percent == 0 for count in rows[1].counts)
    overall = rows[-1]
    assert overall.text.startswith("Overall, how much confidence")
    assert [(c.value, c.count, c.percent) for c in overall.counts] == [
        ("high", 0, 0),
        ("moderate", 0, 0),
        ("low", 2, 100),
    ]
