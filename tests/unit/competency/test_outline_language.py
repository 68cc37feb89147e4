"""The outline of `eip competencies list` in Welsh: each rule one whole sentence from the
blocks' catalogue, in the form its count asks for; the English exactly as it always read."""

from __future__ import annotations

import itertools
import re

import pytest

from eip import translation
from eip.cli import main
from xblocks.competency.model.framework import Framework
from xblocks.competency.model.framework_types import ANY, KINDS, Requirement, Rule
from xblocks.competency.model.outline import (
    REQUIREMENTS,
    describe_requirement,
    describe_rule,
    framework_outline,
)

ENGLISH_WORDS = ("Needs", "Levels:", "tagged", "scoring", "reached first", "version", "each")


def flat(text: str) -> str:
    """The outline without its line wrapping."""
    return " ".join(text.split())


def welsh_outline(framework: Framework, brief: bool = False) -> str:
    with translation.speaking("cy"):
        return framework_outline(
            framework,
            lang="cy",
            brief=brief,
            gettext=translation.blocks_gettext,
            ngettext=translation.blocks_ngettext,
        )


def test_the_english_outline_reads_as_it_always_did(small: Framework) -> None:
    text = flat(framework_outline(small))
    for sentence in (
        "Needs: 1 appraisal exercise tagged with it, scoring at least 60%.",
        "Needs: 2 appraisal exercises tagged at level 3 or above, each scoring at least 80%; "
        "and 3 exercises or case studies tagged at level 2 or above, each scoring at least 70%; "
        "and level 2 reached first.",
        "Needs: not reached through course evidence.",
        "Needs: 1 exercise or case study tagged with it.",
        "Needs: 1 case study tagged at level 3 or above, scoring at least 80%.",
    ):
        assert sentence in text
    assert re.match(r".+ \(\S+, version \S+\)\n\nLevels:\n", framework_outline(small))


def test_every_requirement_is_one_whole_template() -> None:
    """Each kind, with or without a level, with or without a score, is its own singular and
    plural pair, and the requirement is exactly that template filled in: nothing is added
    around it in English."""
    assert len(set(REQUIREMENTS.values())) == len(REQUIREMENTS) == 4 * 4
    for kind, count, level, score in itertools.product(
        (*KINDS, "eip_other"), (1, 2, 3), (1, 2), (0.0, 0.75)
    ):
        chosen = []

        def ngettext(singular: str, plural: str, n: int, chosen=chosen) -> str:
            chosen.append((singular, plural, n))
            return "<{count}|{level}|{percent}>"

        text = describe_requirement(Requirement(kind, count, level, score), ngettext)
        [(singular, plural, n)] = chosen
        assert n == count
        assert ("at level {level}" in singular) == (level > 1)
        assert ("{percent}%" in singular) == (score > 0)
        assert ("each scoring" in plural) == (score > 0) and "each" not in singular
        assert ("{kind}" in singular) == (kind not in KINDS)
        assert text == f"<{count}|{level}|{score * 100:g}>"


def _pseudo(template: str) -> str:
    """A made-up translation: every word of the template in capitals, placeholders kept."""
    return re.sub(
        r"\{[a-z_]+\}|[^{}]+", lambda m: m[0] if m[0][0] == "{" else m[0].upper(), template
    )


def _pseudo_n(singular: str, plural: str, count: int) -> str:
    return _pseudo(singular if count == 1 else plural)


def test_every_word_of_the_outline_comes_through_the_catalogue(small: Framework) -> None:
    """With a made-up translation in capitals, no English word is left in what the outline
    says itself (the framework's own texts are the file's)."""
    rules = [rule for competency in small.competencies for rule in competency.rules]
    rules.append(Rule(2, (), requires_below=True))
    rules += [
        Rule(4, tuple(Requirement(kind, 2, 3, 0.85) for kind in kinds), requires_below=True)
        for kinds in itertools.permutations(KINDS)
    ]
    for rule in rules:
        text = describe_rule(rule, _pseudo, _pseudo_n)
        assert not re.search("[a-z]", text), text
    outline = framework_outline(small, gettext=_pseudo, ngettext=_pseudo_n).splitlines()
    assert outline[0].endswith(f"({small.id}, VERSION {small.version})")
    assert outline[2] == "LEVELS:"
    needs = [line.strip() for line in outline if line.strip().startswith("NEEDS")]
    assert len(needs) == len(small.competencies) * len(small.levels)
    assert "NEEDS: NOT REACHED THROUGH COURSE EVIDENCE." in needs


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 astudiaeth achos gyda thag ar lefel 2 neu uwch, sy'n sgorio o leiaf 70%"),
        (2, "2 astudiaeth achos gyda thag ar lefel 2 neu uwch, pob un yn sgorio o leiaf 70%"),
        (3, "3 astudiaeth achos gyda thag ar lefel 2 neu uwch, pob un yn sgorio o leiaf 70%"),
        (6, "6 astudiaeth achos gyda thag ar lefel 2 neu uwch, pob un yn sgorio o leiaf 70%"),
    ],
)
def test_a_welsh_requirement_takes_the_form_of_its_count(count: int, expected: str) -> None:
    """The noun stays singular after a number; "each" (pob un) only for more than one."""
    requirement = Requirement("eip_case_study", count, 2, 0.7)
    with translation.speaking("cy"):
        assert describe_requirement(requirement, translation.blocks_ngettext) == expected
    assert describe_requirement(requirement).startswith(f"{count} case stud")


def test_a_welsh_rule_joins_its_requirements_in_welsh() -> None:
    rule = Rule(
        3,
        (Requirement("eip_appraisal", 2, 3, 0.8), Requirement(ANY, 1, 1, 0.0)),
        requires_below=True,
    )
    with translation.speaking("cy"):
        text = describe_rule(rule, translation.blocks_gettext, translation.blocks_ngettext)
    assert text == (
        "2 ymarfer arfarnu gyda thag ar lefel 3 neu uwch, pob un yn sgorio o leiaf 80%; a "
        "hefyd 1 ymarfer neu astudiaeth achos gyda thag y cymhwysedd hwn; a chyrraedd lefel 2 "
        "yn gyntaf."
    )
    assert describe_rule(rule) == (
        "2 appraisal exercises tagged at level 3 or above, each scoring at least 80%; and 1 "
        "exercise or case study tagged with it; and level 2 reached first."
    )


def test_the_welsh_outline_has_no_english_of_its_own(small: Framework) -> None:
    text = welsh_outline(small)
    assert text.startswith(f"{small.title.get('cy')} ({small.id}, fersiwn {small.version})\n")
    assert "\nLefelau:\n" in text
    sentences = flat(text)
    for sentence in (
        # one piece of evidence, with a minimum score
        "Angen: 1 ymarfer arfarnu gyda thag y cymhwysedd hwn, sy'n sgorio o leiaf 60%.",
        # three (the "few" form), joined to another kind and to the level below
        "Angen: 2 ymarfer arfarnu gyda thag ar lefel 3 neu uwch, pob un yn sgorio o leiaf 80%; "
        "a hefyd 3 ymarfer neu astudiaeth achos gyda thag ar lefel 2 neu uwch, pob un yn "
        "sgorio o leiaf 70%; a chyrraedd lefel 2 yn gyntaf.",
        # no minimum score
        "Angen: 1 ymarfer neu astudiaeth achos gyda thag y cymhwysedd hwn.",
        "Ni chyrhaeddir y lefel hon drwy dystiolaeth y cwrs.",
    ):
        assert sentence in sentences
    for english in ENGLISH_WORDS:
        assert english not in text


def test_competencies_list_in_welsh(capsys) -> None:
    assert main(["competencies", "list", "--lang", "cy"]) == 0
    out = capsys.readouterr().out
    assert "\nLefelau:\n" in out
    text = flat(out)
    # plural, with a minimum score, after the level below
    assert (
        "Angen: 2 ymarfer arfarnu gyda thag ar lefel 2 neu uwch, pob un yn sgorio o leiaf "
        "70%; a chyrraedd lefel 1 yn gyntaf." in text
    )
    # singular, with a minimum score
    assert "Angen: 1 astudiaeth achos gyda thag y cymhwysedd hwn, sy'n sgorio o leiaf 60%." in text
    for english in ENGLISH_WORDS:
        assert english not in out
    assert main(["competencies", "list"]) == 0
    english = capsys.readouterr().out
    assert "Needs: 1 case study tagged with it, scoring at least 60%." in flat(english)
    assert "Angen" not in english


def test_competencies_list_in_welsh_from_the_environment(capsys, monkeypatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    assert main(["competencies", "list", "--brief"]) == 0
    out = capsys.readouterr().out
    assert "\nLefelau:\n" in out and "Levels:" not in out
