"""One reading of numbers for every authored format: an exercise's and a case study's weight
and attempts accept and refuse the same spellings."""

from __future__ import annotations

import pytest

from xblocks.appraisal.model.values import parse_attribute
from xblocks.case_study.model.values import AttributeProblem, number, whole
from xblocks.core.xml import OLXError

NUMBERS = {"1": 1.0, "0": 0.0, "0.5": 0.5, ".5": 0.5, "1.": 1.0, " 2 ": 2.0}
NOT_NUMBERS = ("heavy", "-1", "1e3", "", ".", "1.2.3")


@pytest.mark.parametrize(("text", "value"), NUMBERS.items())
def test_both_blocks_read_a_weight_alike(text: str, value: float) -> None:
    assert parse_attribute("weight", text) == number("weight", text) == value


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_both_blocks_refuse_the_same_weights(text: str) -> None:
    with pytest.raises(OLXError, match="is not a number of 0 or more"):
        parse_attribute("weight", text)
    with pytest.raises(AttributeProblem):
        number("weight", text)


@pytest.mark.parametrize("text", ("2.5", "two", "-1"))
def test_attempts_are_whole_numbers_in_both(text: str) -> None:
    with pytest.raises(OLXError, match="is not a whole number of 0 or more"):
        parse_attribute("max_attempts", text)
    with pytest.raises(AttributeProblem):
        whole("max_attempts", text)
    assert parse_attribute("max_attempts", "3") == whole("max_attempts", "3") == 3
