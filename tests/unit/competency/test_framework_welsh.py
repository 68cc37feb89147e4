"""The competency frameworks in Welsh: every English text of every shipped framework has its
Welsh sibling right after it, in the glossary's terms, and the model, the outline and the
taxonomy export give the Welsh for "cy" and the English for "en", per text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from lxml import etree
from welsh_content import glossary_problems, own_text, parse

from xblocks.competency.model.framework import Framework, parse_framework
from xblocks.competency.model.library import read_framework
from xblocks.competency.model.outline import framework_outline
from xblocks.competency.model.taxonomy import taxonomy_csv

FOLDER = Path(__file__).resolve().parents[3] / "assessments" / "competencies"
FRAMEWORKS = sorted(FOLDER.glob("*.xml"))


# --- every English text has a Welsh sibling right after it ---------------------------------


def _shown(element: etree._Element, lang: str) -> str:
    attributes = "".join(
        f' {name}="{value}"' for name, value in element.attrib.items() if name != "lang"
    )
    return f'<{element.tag}{attributes} lang="{lang}">'


def _owner(element: etree._Element) -> str:
    parent = element.getparent()
    while parent is not None and parent.get("id") is None and parent.get("number") is None:
        parent = parent.getparent()
    if parent is None:
        return ""
    key = "id" if parent.get("id") is not None else "number"
    return f' in <{parent.tag} {key}="{parent.get(key)}">'


def _is_welsh_of(candidate: etree._Element | None, english: etree._Element) -> bool:
    if candidate is None or candidate.tag != english.tag or candidate.get("lang") != "cy":
        return False
    others = {name: value for name, value in candidate.attrib.items() if name != "lang"}
    return others == {name: value for name, value in english.attrib.items() if name != "lang"}


def welsh_problems(data: bytes, source: str) -> list[str]:
    """Each English text without a non-empty, different Welsh sibling right after it, as
    'file:line: what is wrong; what to do'."""
    problems = []
    for english in parse(data).iter():
        if not isinstance(english.tag, str) or english.get("lang") != "en":
            continue
        where = f"{source}:{english.sourceline}: {_shown(english, 'en')}{_owner(english)}"
        following = english.getnext()
        siblings = [el for el in english.itersiblings() if _is_welsh_of(el, english)]
        siblings += [el for el in english.itersiblings(preceding=True) if _is_welsh_of(el, english)]
        if not siblings:
            problems.append(
                f"{where} has no Welsh sibling; add {_shown(english, 'cy')}...</{english.tag}> "
                "right after it."
            )
            continue
        welsh = siblings[0]
        if not own_text(welsh):
            problems.append(
                f"{where}: its Welsh on line {welsh.sourceline} is empty; translate it."
            )
        elif own_text(welsh) == own_text(english):
            problems.append(
                f"{where}: its Welsh on line {welsh.sourceline} is the same as the English; "
                "translate it."
            )
        if welsh is not following:
            problems.append(
                f"{where}: its Welsh is on line {welsh.sourceline}; move it right after the "
                "English."
            )
    return problems


def test_the_shipped_frameworks_are_found() -> None:
    assert FOLDER / "research-literacy.xml" in FRAMEWORKS


@pytest.mark.parametrize("path", FRAMEWORKS, ids=lambda path: path.name)
def test_every_english_text_has_its_welsh_sibling(path: Path) -> None:
    problems = welsh_problems(path.read_bytes(), f"assessments/competencies/{path.name}")
    assert not problems, "\n".join(problems)


HALF_TRANSLATED = b"""<framework id="half" version="1">
  <title lang="en">Half</title>
  <title lang="cy">Hanner</title>
  <description lang="en">Not translated.</description>
  <domain id="ask">
    <description lang="en">Asking.</description>
    <description lang="cy"> </description>
    <competency id="ask.question">
      <descriptor level="1" lang="en">Asks.</descriptor>
      <descriptor level="1" lang="cy">Asks.</descriptor>
      <descriptor level="2" lang="en">Asks well.</descriptor>
      <descriptor level="1" lang="cy">Yn gofyn.</descriptor>
      <descriptor level="3" lang="en">Asks better.</descriptor>
      <descriptor level="4" lang="en">Asks best.</descriptor>
      <descriptor level="3" lang="cy">Yn gofyn yn well.</descriptor>
    </competency>
  </domain>
</framework>
"""


def test_the_check_names_file_line_element_and_fix() -> None:
    problems = welsh_problems(HALF_TRANSLATED, "half.xml")
    assert problems == [
        'half.xml:4: <description lang="en"> in <framework id="half"> has no Welsh sibling; '
        'add <description lang="cy">...</description> right after it.',
        'half.xml:6: <description lang="en"> in <domain id="ask">: its Welsh on line 7 is '
        "empty; translate it.",
        'half.xml:9: <descriptor level="1" lang="en"> in <competency id="ask.question">: its '
        "Welsh on line 10 is the same as the English; translate it.",
        'half.xml:11: <descriptor level="2" lang="en"> in <competency id="ask.question"> has no '
        'Welsh sibling; add <descriptor level="2" lang="cy">...</descriptor> right after it.',
        'half.xml:13: <descriptor level="3" lang="en"> in <competency id="ask.question">: its '
        "Welsh is on line 15; move it right after the English.",
        'half.xml:14: <descriptor level="4" lang="en"> in <competency id="ask.question"> has no '
        'Welsh sibling; add <descriptor level="4" lang="cy">...</descriptor> right after it.',
    ]


# --- the Welsh uses the glossary's terms ----------------------------------------------------


# English phrases that hold a glossary word in another sense.
NOT_TERMS = ("changes course",)


def test_the_glossary_check_takes_longer_terms_first() -> None:
    assert glossary_problems("a child protection plan", "cynllun amddiffyn plant") == []
    assert glossary_problems("for the child", "i'r plant") == ["plentyn"]
    assert glossary_problems("the evidence", "y dystiolaeth") == []
    assert glossary_problems("PICO questions about supervision", "cwestiynau PICO") == [
        "goruchwyliaeth"
    ]


@pytest.mark.parametrize("path", FRAMEWORKS, ids=lambda path: path.name)
def test_the_welsh_uses_the_glossary_terms(path: Path) -> None:
    # Titles and names were chosen before this check and are short labels; the prose is held
    # to the glossary.
    problems = []
    for english in parse(path.read_bytes()).iter("description", "descriptor"):
        welsh = english.getnext()
        if english.get("lang") != "en" or not _is_welsh_of(welsh, english):
            continue
        for term in glossary_problems(own_text(english), own_text(welsh), NOT_TERMS):
            problems.append(f"{path.name}:{welsh.sourceline}: {own_text(welsh)!r} lacks {term}")
    assert not problems, "\n".join(problems)


# --- the model gives each text by language, English where Welsh is missing -----------------

FIXTURE = """<?xml version="1.0" encoding="UTF-8"?>
<framework id="bilingual" version="1">
  <title lang="en">Bilingual</title>
  <title lang="cy">Dwyieithog</title>
  <description lang="en">A framework in two languages.</description>
  <description lang="cy">Fframwaith mewn dwy iaith.</description>
  <levels>
    <level number="1">
      <name lang="en">Starting</name>
      <name lang="cy">Dechrau</name>
      <descriptor lang="en">Uses evidence with help.</descriptor>
      <descriptor lang="cy">Mae'n defnyddio tystiolaeth gyda chymorth.</descriptor>
    </level>
    <level number="2">
      <name lang="en">Practising</name>
      <name lang="cy">Ymarfer</name>
      <descriptor lang="en">Uses evidence alone.</descriptor>
    </level>
  </levels>
  <domain id="ask">
    <title lang="en">Ask</title>
    <title lang="cy">Gofyn</title>
    <description lang="en">Asking questions.</description>
    <description lang="cy">Gofyn cwestiynau.</description>
    <competency id="ask.question">
      <title lang="en">Ask a question</title>
      <title lang="cy">Gofyn cwestiwn</title>
      <description lang="en">Turn a worry into a question.</description>
      <descriptor level="1" lang="en">Asks with help.</descriptor>
      <descriptor level="1" lang="cy">Mae'n gofyn gyda chymorth.</descriptor>
      <descriptor level="2" lang="en">Asks alone.</descriptor>
      <rule level="1">
        <evidence kind="any" min-count="1" min-level="1" min-score="0.6"/>
      </rule>
    </competency>
  </domain>
</framework>
"""


@pytest.fixture
def bilingual() -> Framework:
    return parse_framework(FIXTURE, source="tests/bilingual.xml")


def test_descriptions_by_language(bilingual) -> None:
    assert bilingual.description.get("cy") == "Fframwaith mewn dwy iaith."
    assert bilingual.description.get("en") == "A framework in two languages."
    assert bilingual.domain("ask").description.get("cy") == "Gofyn cwestiynau."
    assert bilingual.domain("ask").description.get("en") == "Asking questions."


def test_level_descriptors_by_language_with_english_per_text(bilingual) -> None:
    first, second = bilingual.levels
    assert first.descriptor.get("cy") == "Mae'n defnyddio tystiolaeth gyda chymorth."
    assert first.descriptor.get("cy-GB") == "Mae'n defnyddio tystiolaeth gyda chymorth."
    assert first.descriptor.get("en") == "Uses evidence with help."
    assert second.name.get("cy") == "Ymarfer"
    assert second.descriptor.get("cy") == "Uses evidence alone."


def test_competency_descriptors_by_language_with_english_per_text(bilingual) -> None:
    question = bilingual.competency("ask.question")
    assert question.descriptor(1, "cy") == "Mae'n gofyn gyda chymorth."
    assert question.descriptor(1, "en") == "Asks with help."
    assert question.descriptor(1) == "Asks with help."
    assert question.descriptor(2, "cy") == "Asks alone."
    assert question.title.get("cy") == "Gofyn cwestiwn"
    assert question.description.get("cy") == "Turn a worry into a question."


def test_an_empty_welsh_descriptor_is_refused() -> None:
    broken = FIXTURE.replace(
        '<descriptor level="1" lang="cy">Mae\'n gofyn gyda chymorth.</descriptor>',
        '<descriptor level="1" lang="cy"> </descriptor>',
    )
    assert broken != FIXTURE
    with pytest.raises(Exception, match=r"tests/bilingual\.xml:30: <descriptor> is empty"):
        parse_framework(broken, source="tests/bilingual.xml")


# --- the shipped framework in Welsh: model, outline and export ------------------------------


def _file_texts(path: Path) -> dict[tuple[str, str], str]:
    """Every text of the file by (where, lang), read straight from the XML."""
    found = {}
    for element in parse(path.read_bytes()).iter("description", "descriptor"):
        owner = element.getparent()
        key = "framework" if owner.getparent() is None else owner.get("id", owner.get("number"))
        found[(f"{key}/{element.tag}{element.get('level', '')}", element.get("lang"))] = own_text(
            element
        )
    return found


@pytest.mark.parametrize("path", FRAMEWORKS, ids=lambda path: path.name)
def test_the_model_returns_the_files_text_in_each_language(path: Path) -> None:
    framework = read_framework(FOLDER, path.stem)
    texts = _file_texts(path)

    def expected(where: str, lang: str) -> str:
        return texts.get((where, lang)) or texts[(where, "en")]

    for lang in ("en", "cy"):
        assert framework.description.get(lang) == expected("framework/description", lang)
        for level in framework.levels:
            assert level.descriptor.get(lang) == expected(f"{level.number}/descriptor", lang)
        for domain in framework.domains:
            assert domain.description.get(lang) == expected(f"{domain.id}/description", lang)
            for competency in domain.competencies:
                where = f"{competency.id}/description"
                assert competency.description.get(lang) == expected(where, lang)
                for level in framework.levels:
                    where = f"{competency.id}/descriptor{level.number}"
                    assert competency.descriptor(level.number, lang) == expected(where, lang)


def test_the_outline_in_welsh_shows_the_welsh_descriptors() -> None:
    framework = read_framework(FOLDER, "research-literacy")
    welsh = " ".join(framework_outline(framework, lang="cy").split())
    english = " ".join(framework_outline(framework, lang="en").split())
    validity = framework.competency("appraise.validity")
    for level in framework.levels:
        assert validity.descriptor(level.number, "cy") in welsh
        assert validity.descriptor(level.number, "cy") not in english
        assert level.descriptor.get("cy") in welsh
    assert framework.domain("ask").description.get("cy") in welsh


def test_the_welsh_taxonomy_carries_the_welsh_descriptions() -> None:
    framework = read_framework(FOLDER, "research-literacy")
    rows = {
        lang: {row["id"]: row for row in csv.DictReader(io.StringIO(taxonomy_csv(framework, lang)))}
        for lang in ("en", "cy")
    }
    for competency in framework.competencies:
        assert rows["cy"][competency.id]["comments"] == competency.description.get("cy")
        assert rows["en"][competency.id]["comments"] == competency.description.get("en")
        assert rows["cy"][competency.id]["comments"] != rows["en"][competency.id]["comments"]
    for domain in framework.domains:
        assert rows["cy"][domain.id]["comments"] == domain.description.get("cy")
