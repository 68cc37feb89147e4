"""parse_framework: what a valid file becomes, and every refusal with its line and fix."""

from __future__ import annotations

import pytest

from xblocks.competency.model.framework import Requirement, Rule, parse_framework
from xblocks.core.xml import OLXErrors


def test_small_framework_parses(small) -> None:
    assert (small.id, small.version) == ("small", "1")
    assert small.title.get("cy") == "Fframwaith bach"
    assert [level.name.get("en") for level in small.levels] == [
        "Starting",
        "Practising",
        "Leading",
        "Shaping",
    ]
    assert small.level(1).name.get("cy") == "Dechrau"
    assert small.level(2).name.get("cy") == "Practising"  # English when there is no Welsh
    assert small.level(5) is None
    assert small.max_level == 4
    assert [domain.id for domain in small.domains] == ["appraise", "integrate"]
    assert [c.id for c in small.competencies] == [
        "appraise.validity",
        "integrate.sources",
        "integrate.family_voice",
    ]
    validity = small.competency("appraise.validity")
    assert validity.domain_id == "appraise"
    assert validity.title.get("cy") == "Barnu dilysrwydd"
    assert validity.descriptor(3) == "Appraises reviews."
    assert validity.rule(3) == Rule(
        3,
        (Requirement("eip_appraisal", 2, 3, 0.8), Requirement("any", 3, 2, 0.7)),
        requires_below=True,
    )
    assert small.competency("nope.nope") is None


def test_evidence_attributes_have_defaults(small) -> None:
    rule = small.competency("integrate.family_voice").rule(1)
    assert rule == Rule(1, (Requirement("any", 1, 1, 0.0),), requires_below=False)


def test_parse_is_deterministic(small_xml, small) -> None:
    assert parse_framework(small_xml.encode(), source="again.xml") == small


def _error_at(errors, line: int, *words: str):
    matches = [e for e in errors if e.line == line and all(w in str(e) for w in words)]
    assert matches, f"no error on line {line} with {words}: {[str(e) for e in errors]}"
    error = matches[0]
    assert error.source == "assessments/competencies/small.xml"
    assert error.fix
    return error


def test_syntax_error_names_the_line(small_xml, errors_of, line_of) -> None:
    broken = small_xml.replace('<title lang="en">Judge validity</title>', "<title>Judge")
    errors = errors_of(broken)
    assert len(errors) == 1 and errors[0].line and errors[0].fix


def test_schema_error_names_the_line(small_xml, errors_of, line_of) -> None:
    broken = small_xml.replace(
        '<description lang="en">Judging studies.</description>',
        '<description lang="en">Judging studies.</description><colour/>',
    )
    _error_at(errors_of(broken), line_of(broken, "<colour/>"), "colour")


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('id="small"', 'id="Small Framework"', ("not a valid id",)),
        ('version="1"', 'version="one"', ("not a version number",)),
    ],
)
def test_identity_is_checked(small_xml, errors_of, line_of, old, new, words) -> None:
    broken = small_xml.replace(old, new, 1)
    _error_at(errors_of(broken), line_of(broken, new), *words)


def test_levels_must_be_numbered_in_order(small_xml, errors_of, line_of) -> None:
    broken = small_xml.replace('<level number="2">', '<level number="3">')
    _error_at(errors_of(broken), line_of(broken, '<level number="3">'), "where 2 was expected")


def test_at_most_four_levels(small_xml, errors_of, line_of) -> None:
    fifth = '<level number="5"><name lang="en">Fifth</name><descriptor lang="en">x</descriptor>'
    broken = small_xml.replace("</levels>", f"  {fifth}</level>\n  </levels>")
    _error_at(errors_of(broken), line_of(broken, fifth), "at most 4 levels")


def test_duplicate_domain_id(small_xml, errors_of, line_of) -> None:
    broken = small_xml.replace('<domain id="integrate">', '<domain id="appraise">')
    first = line_of(small_xml, '<domain id="appraise">')
    _error_at(errors_of(broken), line_of(small_xml, '<domain id="integrate">'), f"line {first}")


def test_duplicate_competency_id(small_xml, errors_of, line_of) -> None:
    broken = small_xml.replace('"integrate.family_voice"', '"integrate.sources"')
    first = line_of(small_xml, '<competency id="integrate.sources">')
    errors = errors_of(broken)
    line = line_of(small_xml, '<competency id="integrate.family_voice">')
    _error_at(errors, line, '"integrate.sources" is used twice', f"line {first}")


def test_competency_in_an_unknown_domain(small_xml, errors_of, line_of) -> None:
    broken = small_xml.replace('"integrate.sources"', '"combine.sources"')
    error = _error_at(
        errors_of(broken), line_of(broken, "combine.sources"), 'domain "combine"', "not define"
    )
    assert '"integrate."' in error.fix


def test_competency_inside_another_domain(small_xml, errors_of, line_of) -> None:
    broken = small_xml.replace('"integrate.sources"', '"appraise.sources"')
    error = _error_at(errors_of(broken), line_of(broken, "appraise.sources"), "inside domain")
    assert '<domain id="appraise">' in error.fix


@pytest.mark.parametrize("bad", ["validity", "appraise.Validity", "appraise.validity:2"])
def test_competency_id_must_be_a_tag_id(small_xml, errors_of, line_of, bad) -> None:
    broken = small_xml.replace('"appraise.validity"', f'"{bad}"')
    _error_at(errors_of(broken), line_of(broken, f'"{bad}"'), "not a valid id")


def test_descriptor_level_out_of_range(small_xml, errors_of, line_of) -> None:
    old = '<descriptor level="4" lang="en">Leads appraisal'
    broken = small_xml.replace(old, old.replace('"4"', '"5"'))
    errors = errors_of(broken)
    _error_at(errors, line_of(broken, 'level="5"'), "out of range", "levels 1 to 4")
    line = line_of(broken, '<competency id="appraise.validity">')
    _error_at(errors, line, "no English descriptor for level 4")


def test_descriptor_twice(small_xml, errors_of, line_of) -> None:
    old = '<descriptor level="2" lang="en">Appraises one study alone.</descriptor>'
    broken = small_xml.replace(old, old + old.replace("alone", "again"))
    _error_at(errors_of(broken), line_of(broken, old), "two descriptors")


@pytest.mark.parametrize("level", ["0", "5", "two"])
def test_rule_level_out_of_range(small_xml, errors_of, line_of, level) -> None:
    old = '<rule level="4" requires-below="true">'
    broken = small_xml.replace(old, f'<rule level="{level}" requires-below="true">')
    words = ("not a whole number",) if level == "two" else ("out of range",)
    _error_at(errors_of(broken), line_of(small_xml, old), *words)


def test_rules_must_increase(small_xml, errors_of, line_of) -> None:
    old = '<rule level="2" requires-below="true">'
    rule_2 = small_xml[small_xml.index(old) : small_xml.index("</rule>", small_xml.index(old))]
    broken = small_xml.replace(rule_2 + "</rule>", "<!-- moved -->", 1)
    broken = broken.replace("</competency>", f"{rule_2}</rule>\n    </competency>", 1)
    _error_at(errors_of(broken), line_of(broken, old), "comes after the rule for level 4")


def test_two_rules_for_one_level(small_xml, errors_of, line_of) -> None:
    old = '<rule level="4" requires-below="true">'
    broken = small_xml.replace(old, '<rule level="3" requires-below="true">')
    line = line_of(small_xml, old)
    _error_at(errors_of(broken), line, "two rules for level 3")


def test_requires_below_on_level_one(small_xml, errors_of, line_of) -> None:
    broken = small_xml.replace('<rule level="1">', '<rule level="1" requires-below="true">', 1)
    _error_at(errors_of(broken), line_of(small_xml, '<rule level="1">'), "no level below 1")


def test_requires_below_without_a_rule_below(small_xml, errors_of, line_of) -> None:
    old = '<rule level="3">'
    broken = small_xml.replace(old, '<rule level="3" requires-below="true">')
    _error_at(errors_of(broken), line_of(small_xml, old), "no rule for level 2")


def test_higher_level_must_ask_for_more(small_xml, errors_of, line_of) -> None:
    old = '<evidence kind="eip_appraisal" min-count="2" min-level="4" min-score="0.9"/>'
    new = '<evidence kind="eip_appraisal" min-count="2" min-level="2" min-score="0.7"/>'
    broken = small_xml.replace(old, new)
    line = line_of(small_xml, '<rule level="4" requires-below="true">')
    _error_at(errors_of(broken), line, "nothing more than the rule for level 2")


def test_any_kind_is_implied_by_a_specific_kind() -> None:
    specific = Rule(1, (Requirement("eip_case_study", 2, 2, 0.8),))
    anything = Rule(2, (Requirement("any", 2, 2, 0.7),))
    assert anything.is_implied_by(specific)
    assert not specific.is_implied_by(anything)


@pytest.mark.parametrize(
    ("attribute", "words"),
    [
        ('kind="quiz"', ('kind "quiz" is not known',)),
        ('min-count="0"', ("at least 1",)),
        ('min-count="-1"', ("not a whole number",)),
        ('min-level="5"', ("out of range",)),
        ('min-score="1.5"', ("not a fraction",)),
        ('min-score="70%"', ("not a fraction",)),
    ],
)
def test_evidence_attributes_are_checked(small_xml, errors_of, line_of, attribute, words) -> None:
    old = '<evidence kind="eip_case_study" min-count="1" min-level="3" min-score="0.8"/>'
    name = attribute.split("=")[0]
    start = old.index(name)
    end = old.index('"', old.index('"', start) + 1) + 1
    broken = small_xml.replace(old, old[:start] + attribute + old[end:])
    _error_at(errors_of(broken), line_of(small_xml, old), *words)


def test_one_kind_once_per_rule(small_xml, errors_of, line_of) -> None:
    old = '<evidence kind="any" min-count="3" min-level="2" min-score="0.7"/>'
    broken = small_xml.replace(old, old.replace("any", "eip_appraisal"))
    _error_at(errors_of(broken), line_of(small_xml, old), 'kind="eip_appraisal" twice')


def test_titles_are_unique_per_language(small_xml, errors_of, line_of) -> None:
    broken = small_xml.replace(">Weigh sources<", ">judge VALIDITY<")
    first = line_of(small_xml, ">Judge validity<")
    _error_at(errors_of(broken), line_of(broken, ">judge VALIDITY<"), f"line {first}")


def test_titles_avoid_what_open_edx_reserves(small_xml, errors_of, line_of) -> None:
    broken = small_xml.replace(">Weigh sources<", ">Weigh; sources<")
    _error_at(errors_of(broken), line_of(broken, "Weigh; sources"), '";"')


def test_unknown_language(small_xml, errors_of, line_of) -> None:
    old = '<descriptor level="1" lang="en">Names the sources.</descriptor>'
    broken = small_xml.replace(old, old + old.replace('"en"', '"fr"'))
    _error_at(errors_of(broken), line_of(broken, 'lang="fr"'), "unknown language")


def test_every_problem_is_reported_at_once(small_xml) -> None:
    broken = small_xml.replace('version="1"', 'version="x"').replace(
        'min-score="0.9"', 'min-score="9"'
    )
    with pytest.raises(OLXErrors) as caught:
        parse_framework(broken, source="f.xml")
    assert len(caught.value.errors) == 2
    lines = [error.line for error in caught.value.errors]
    assert lines == sorted(lines)
