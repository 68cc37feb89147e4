"""Competency tags: "appraise.validity:2 ask.question"."""

import pytest

from xblocks.core.competencies import (
    CompetencyTag,
    format_competency_tags,
    parse_competency_tags,
)
from xblocks.core.xml import OLXError


def test_parse_ids_with_and_without_levels():
    tags = parse_competency_tags("appraise.validity:2 ask.question")

    assert tags == [CompetencyTag("appraise.validity", 2), CompetencyTag("ask.question", None)]


def test_any_whitespace_separates_tags():
    tags = parse_competency_tags("\n  appraise.validity:2\t use.apply_in_practice.team:4\n")

    assert [tag.id for tag in tags] == ["appraise.validity", "use.apply_in_practice.team"]


@pytest.mark.parametrize("text", ["", "   ", None])
def test_no_tags(text):
    assert parse_competency_tags(text) == []


@pytest.mark.parametrize(
    "text",
    ["appraise.validity:2 ask.question", "a.b", "a1.b_2:1 c.d.e:4"],
)
def test_format_is_the_inverse_of_parse(text):
    assert format_competency_tags(parse_competency_tags(text)) == text


def test_format_normalises_whitespace():
    assert format_competency_tags(parse_competency_tags(" a.b:1\n\nc.d ")) == "a.b:1 c.d"


BAD_TAGS = {
    "no dot": ("appraise", "not a valid id"),
    "capital letter": ("Appraise.validity", "not a valid id"),
    "starts with digit": ("1appraise.validity", "not a valid id"),
    "empty segment": ("appraise..validity", "not a valid id"),
    "trailing dot": ("appraise.", "not a valid id"),
    "hyphen": ("appraise.risk-of-bias", "not a valid id"),
    "level 0": ("appraise.validity:0", "the level must be 1 to 4, not 0"),
    "level 5": ("appraise.validity:5", "the level must be 1 to 4, not 5"),
    "empty level": ("appraise.validity:", "the level must be a number"),
    "word level": ("appraise.validity:two", "the level must be a number"),
    "negative level": ("appraise.validity:-1", "the level must be a number"),
    "two colons": ("appraise.validity:2:3", "the level must be a number"),
    "comma separated": ("appraise.validity,ask.question", "not a valid id"),
    "repeated id": ("appraise.validity:2 appraise.validity:3", "more than once"),
}


@pytest.mark.parametrize("case", BAD_TAGS, ids=list(BAD_TAGS))
def test_bad_tags_are_olx_errors_with_a_fix(case):
    text, message = BAD_TAGS[case]

    with pytest.raises(OLXError) as caught:
        parse_competency_tags(f"ask.question {text}", source="fgc.xml", line=2)

    error = caught.value
    assert message in error.message
    assert error.source == "fgc.xml"
    assert error.line == 2
    assert "appraise.validity:2" in error.fix
    assert str(error).startswith("fgc.xml:2: ")
