"""Framework.check_tags: what `eip check` and the blocks' validation refuse."""

from __future__ import annotations

import pytest

from xblocks.core.competencies import CompetencyTag


def test_defined_tags_pass(small) -> None:
    assert small.check_tags("appraise.validity:2 integrate.sources", source="x.xml", line=3) == []
    assert small.check_tags([CompetencyTag("integrate.family_voice", 4)]) == []
    assert small.check_tags("") == []


def test_unknown_tag_is_refused_with_file_line_and_a_suggestion(small) -> None:
    [error] = small.check_tags("appraise.validty:2", source="assessments/x.xml", line=7)
    assert (error.source, error.line) == ("assessments/x.xml", 7)
    assert '"appraise.validty" is not defined by framework "small"' in error.message
    assert "Did you mean appraise.validity?" in error.fix
    assert str(error).startswith("assessments/x.xml:7: ")


def test_every_unknown_tag_is_reported(small) -> None:
    errors = small.check_tags("ask.question appraise.validity acquire.search", line=1)
    assert [e.message.split('"')[1] for e in errors] == ["ask.question", "acquire.search"]


@pytest.mark.parametrize("level", [0, 5])
def test_level_outside_the_framework_is_refused(small, level) -> None:
    [error] = small.check_tags([CompetencyTag("appraise.validity", level)], source="x", line=2)
    assert "levels 1 to 4" in error.message
    assert error.line == 2


def test_malformed_text_is_one_error(small) -> None:
    [error] = small.check_tags("Appraise:9", source="x.xml", line=4)
    assert "not a competency tag" in error.message
    assert (error.source, error.line) == ("x.xml", 4)


def test_level_beyond_four_in_text_is_refused(small) -> None:
    [error] = small.check_tags("appraise.validity:5", source="x.xml", line=4)
    assert "1 to 4" in error.message
