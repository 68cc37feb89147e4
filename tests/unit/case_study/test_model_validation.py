"""Refusals: each file in fixtures/invalid marks the lines that must be reported with
`<!-- ERROR: text -->`; the case study is refused with exactly those lines, each message
naming the node, the file and what to fix."""

import re
from pathlib import Path

import pytest

from xblocks.case_study.model import SEARCH_LIMIT, parse_case_study
from xblocks.core.xml import OLXError, OLXErrors

INVALID = Path(__file__).parent / "fixtures" / "invalid"
MARKER = re.compile(r"<!-- ERROR: (.*?) -->")


def expected_errors(text: str) -> dict[int, list[str]]:
    expected = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = MARKER.search(line)
        if match:
            expected[number] = [part.strip() for part in match.group(1).split(" | ")]
    return expected


def refusal(xml: str | bytes, source: str = "case.xml") -> list[OLXError]:
    with pytest.raises(OLXErrors) as caught:
        parse_case_study(xml, source=source)
    return caught.value.errors


@pytest.mark.parametrize("path", sorted(INVALID.glob("*.xml")), ids=lambda path: path.stem)
def test_each_refusal_names_its_line(path: Path) -> None:
    text = path.read_text()
    expected = expected_errors(text)
    assert expected, f"{path.name} marks no error"
    errors = refusal(text, source=path.name)
    found: dict[int, list[str]] = {}
    for error in errors:
        assert error.source == path.name
        assert error.fix, f"no fix in {error}"
        found.setdefault(error.line, []).append(str(error))
    assert sorted(found) == sorted(expected), "\n".join(str(error) for error in errors)
    for line, fragments in expected.items():
        reported = "\n".join(found[line])
        for fragment in fragments:
            assert fragment in reported, f"line {line}: {fragment!r} not in\n{reported}"


def test_messages_read_as_file_line_message_fix() -> None:
    errors = refusal((INVALID / "empty-decision.xml").read_text(), source="cases/x.xml")
    assert str(errors[0]) == (
        'cases/x.xml:5: <decision id="pick"> has no choices, so the learner has no way '
        'forward. Fix: Add at least one <choice id="..." target="..."> with a <label>.'
    )


def test_broken_links_hide_the_shape_checks() -> None:
    # With next="evidnce" broken, "evidence" and everything after it looks unreachable;
    # only the broken links are reported, so the author fixes the cause.
    errors = refusal((INVALID / "unknown-links.xml").read_text())
    assert not any("cannot be reached" in error.message for error in errors)


def test_malformed_xml_is_one_located_error() -> None:
    errors = refusal('<eip_case_study display_name="x" start="a">\n<narrative>\n')
    assert len(errors) == 1 and errors[0].line is not None


def test_doctype_is_refused() -> None:
    errors = refusal('<!DOCTYPE x [<!ENTITY e "boom">]><eip_case_study/>')
    assert "DOCTYPE" in errors[0].message


def test_a_missing_required_attribute_breaks_the_schema() -> None:
    errors = refusal(
        '<eip_case_study display_name="x" start="a">'
        '<narrative id="a" title="A"><body>t</body></narrative></eip_case_study>'
    )
    assert errors[0].message.startswith("<narrative> is missing a required attribute")


def test_an_element_in_the_wrong_order_breaks_the_schema() -> None:
    errors = refusal(
        '<eip_case_study display_name="x" start="a">\n'
        '<ending id="a" title="A"><debrief>d</debrief><outcome>o</outcome></ending>\n'
        "</eip_case_study>"
    )
    assert errors[0].line == 2


def test_too_many_loops_to_score_is_refused() -> None:
    # Twelve decisions that can each go to any other: far more simple paths than the limit.
    ids = [f"d{n}" for n in range(12)]
    decisions = "".join(
        f'<decision id="{node}" title="T"><prompt>p</prompt>'
        + "".join(
            f'<choice id="{node}-{other}" target="{other}" points="1"><label>l</label></choice>'
            for other in [*ids, "end"]
            if other != node
        )
        + "</decision>"
        for node in ids
    )
    xml = (
        f'<eip_case_study display_name="x" start="d0">{decisions}'
        '<ending id="end" title="E"><outcome>o</outcome><debrief>d</debrief></ending>'
        "</eip_case_study>"
    )
    errors = refusal(xml)
    assert len(errors) == 1
    assert f"over {SEARCH_LIMIT:,} steps" in errors[0].message


def test_every_problem_is_reported_at_once() -> None:
    errors = refusal((INVALID / "values.xml").read_text())
    assert len(errors) >= 15
    assert [error.line for error in errors] == sorted(error.line for error in errors)
