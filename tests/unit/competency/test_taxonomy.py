"""The Open edX taxonomy CSV: the columns and rules of openedx-learning's tag import."""

from __future__ import annotations

import csv
import io

import pytest

from xblocks.competency.model.framework import parse_framework
from xblocks.competency.model.library import load_framework
from xblocks.competency.model.taxonomy import COLUMNS, taxonomy_csv, taxonomy_rows


@pytest.fixture(params=["en", "cy"])
def rows(request) -> list[dict[str, str]]:
    text = taxonomy_csv(load_framework("research-literacy"), request.param)
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames) == COLUMNS == ("id", "value", "parent_id", "comments")
    return list(reader)


def test_one_row_per_domain_and_competency(rows) -> None:
    framework = load_framework("research-literacy")
    assert [row["id"] for row in rows if not row["parent_id"]] == [d.id for d in framework.domains]
    assert [row["id"] for row in rows if row["parent_id"]] == [c.id for c in framework.competencies]
    for row in rows:
        if row["parent_id"]:
            assert row["id"].split(".")[0] == row["parent_id"]


def test_ids_and_values_are_unique_and_required(rows) -> None:
    assert all(row["id"] and row["value"] for row in rows)
    assert len({row["id"] for row in rows}) == len(rows)
    assert len({row["value"].casefold() for row in rows}) == len(rows)


def test_parents_exist_and_come_first(rows) -> None:
    seen: set[str] = set()
    for row in rows:
        assert not row["parent_id"] or row["parent_id"] in seen
        seen.add(row["id"])


def test_values_avoid_reserved_characters(rows) -> None:
    for row in rows:
        assert "\t" not in row["value"] and ";" not in row["value"] and " > " not in row["value"]


def test_comments_carry_the_summary(rows, request) -> None:
    lang = request.node.callspec.params["rows"]
    framework = load_framework("research-literacy")
    by_id = {row["id"]: row for row in rows}
    validity = framework.competency("appraise.validity")
    assert by_id["appraise.validity"]["comments"] == validity.description.get(lang)
    assert all(row["comments"] for row in rows)


def test_welsh_values_are_welsh() -> None:
    rows = taxonomy_rows(load_framework("research-literacy"), "cy")
    assert rows[0]["value"] == "Gofyn"


def test_a_value_clash_through_the_english_fallback_is_refused(small_xml) -> None:
    # The integrate domain has no Welsh title, so its Welsh value is "Integrate".
    clash = small_xml.replace(
        '<title lang="en">Weigh sources</title>',
        '<title lang="en">Weigh sources</title><title lang="cy">Integrate</title>',
    )
    framework = parse_framework(clash, source="clash.xml")
    assert taxonomy_rows(framework, "en")
    with pytest.raises(ValueError, match=r'"integrate\.sources" and "integrate" have the same'):
        taxonomy_rows(framework, "cy")
