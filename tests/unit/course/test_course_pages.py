"""Front matter, unit bodies and references: what is read, and errors with their lines."""

from __future__ import annotations

import pytest

from eip.course.body import split_body
from eip.course.frontmatter import read_front_matter
from eip.course.model import Prose, Reference
from xblocks.core.xml import OLXError

PAGE = """+++
title = "Why evidence matters"
minutes = 25
+++

Some prose.
"""


def test_front_matter_is_toml_between_fences():
    page = read_front_matter(PAGE, source="unit.md")
    assert page.meta == {"title": "Why evidence matters", "minutes": 25}
    assert page.body == "\nSome prose.\n"
    assert page.body_line == 5
    assert page.line_of("minutes") == 3


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("title = 'x'\n", 1, "does not start with front matter"),
        ("+++\ntitle = 'x'\n", 1, "not closed"),
        ("+++\ntitle = 'x'\nminutes = twenty\n+++\n", 3, "not valid TOML"),
        ("+++\ntitle = 'x'\ntitle = 'y'\n+++\n", 3, "not valid TOML"),
    ],
)
def test_bad_front_matter_names_the_line(text, line, words):
    with pytest.raises(OLXError) as raised:
        read_front_matter(text, source="unit.md")
    assert raised.value.source == "unit.md"
    assert raised.value.line == line
    assert words in raised.value.message
    assert raised.value.fix


def test_a_byte_order_mark_is_not_an_error():
    assert read_front_matter("\ufeff" + PAGE, source="u.md").meta["minutes"] == 25


def test_body_splits_into_prose_and_references_with_their_lines():
    body = "Intro.\n\n::: appraisal fgc-trial\nBetween.\n::: competency-tracker research-literacy\n"
    parts, errors = split_body(body, first_line=10, source="u.md")
    assert errors == []
    assert parts == [
        Prose("Intro.\n\n", 10),
        Reference("appraisal", "fgc-trial", 12),
        Prose("Between.\n", 13),
        Reference("competency-tracker", "research-literacy", 14),
    ]


def test_reference_lines_inside_code_fences_are_prose():
    body = "```\n::: appraisal not-a-reference\n```\n"
    parts, errors = split_body(body, first_line=1, source="u.md")
    assert errors == []
    assert parts == [Prose(body, 1)]


@pytest.mark.parametrize(
    ("line", "words", "fix"),
    [
        ("::: apraisal fgc-trial", "is not a reference", "::: appraisal <slug>"),
        ("::: appraisal", "is not a reference", "::: appraisal <slug>"),
        ("::: appraisal fgc-trial extra", "is not a reference", "::: appraisal <slug>"),
        ("::: appraisal fgc-trial.xml", 'without ".xml"', "::: appraisal fgc-trial"),
        ("::: appraisal FGC_Trial", "not a valid appraisal name", "lowercase"),
    ],
)
def test_malformed_references_are_errors_at_their_line(line, words, fix):
    parts, errors = split_body(f"Text.\n{line}\n", first_line=7, source="u.md")
    assert [error.line for error in errors] == [8]
    assert words in errors[0].message
    assert fix in errors[0].fix
    assert parts == [Prose("Text.\n", 7)]


def test_a_marker_without_a_space_still_reads():
    parts, errors = split_body(":::appraisal fgc-trial\n", first_line=1, source="u.md")
    assert errors == []
    assert parts == [Reference("appraisal", "fgc-trial", 1)]
