"""The appraisal instruments in Welsh: every English text of every shipped instrument has its
Welsh sibling right after it (repeated texts such as hints paired in order, per parent), in
the glossary's terms, and the instrument the real parser reads gives the Welsh for "cy" and
the English for "en", text by text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from welsh_content import glossary_problems, own_text, parse

from xblocks.appraisal.model.instrument import Instrument, Text, parse_instrument
from xblocks.appraisal.model.library import InstrumentLibrary

FOLDER = Path(__file__).resolve().parents[3] / "assessments" / "instruments"
INSTRUMENTS = sorted(FOLDER.glob("*.xml"))
LABEL = "assessments/instruments"


def _owner(element: etree._Element) -> str:
    """How the parent of a text is named, e.g. <item id="4a"> or <option value="yes">."""
    shown = [f'{name}="{element.get(name)}"' for name in ("id", "value") if element.get(name)]
    return f"<{' '.join([element.tag, *shown])}>"


def _ordinal(position: int, count: int) -> str:
    return f" ({position + 1} of {count})" if count > 1 else ""


def _siblings(parent: etree._Element) -> Iterator[tuple[str, list, list]]:
    """(tag, English children, Welsh children) for every tag of `parent` that has a lang."""
    tags = dict.fromkeys(
        child.tag for child in parent if isinstance(child.tag, str) and child.get("lang")
    )
    for tag in tags:
        children = parent.findall(tag)
        yield (
            tag,
            [child for child in children if child.get("lang") == "en"],
            [child for child in children if child.get("lang") == "cy"],
        )


# --- every English text has a Welsh sibling right after it ---------------------------------


def welsh_problems(data: bytes, source: str) -> list[str]:
    """Each English text without a non-empty, different Welsh sibling of the same tag right
    after it, as 'file:line: what is wrong; what to do'. The n-th Welsh text of a tag in a
    parent translates its n-th English one, as the instrument model reads them."""
    problems = []
    for parent in parse(data).iter():
        for tag, english, welsh in _siblings(parent):
            for n, en in enumerate(english):
                where = (
                    f'{source}:{en.sourceline}: <{tag} lang="en">'
                    f"{_ordinal(n, len(english))} in {_owner(parent)}"
                )
                if n >= len(welsh):
                    problems.append(
                        f'{where} has no Welsh sibling; add <{tag} lang="cy">...</{tag}> right '
                        "after it."
                    )
                    continue
                cy = welsh[n]
                if not own_text(cy):
                    problems.append(
                        f"{where}: its Welsh on line {cy.sourceline} is empty; translate it."
                    )
                elif own_text(cy) == own_text(en):
                    problems.append(
                        f"{where}: its Welsh on line {cy.sourceline} is the same as the English; "
                        "translate it."
                    )
                if en.getnext() is not cy:
                    problems.append(
                        f"{where}: its Welsh is on line {cy.sourceline}; move it right after the "
                        "English."
                    )
            for cy in welsh[len(english) :]:
                problems.append(
                    f'{source}:{cy.sourceline}: <{tag} lang="cy"> in {_owner(parent)} has no '
                    f'English to translate; add the <{tag} lang="en"> before it, or remove it.'
                )
    return problems


def test_the_shipped_instruments_are_found() -> None:
    names = {path.stem for path in INSTRUMENTS}
    assert {"rct", "rob_trial", "weight_of_evidence", "tapupas"} <= names
    assert len(INSTRUMENTS) >= 7


@pytest.mark.parametrize("path", INSTRUMENTS, ids=lambda path: path.name)
def test_every_english_text_has_its_welsh_sibling(path: Path) -> None:
    problems = welsh_problems(path.read_bytes(), f"{LABEL}/{path.name}")
    assert not problems, "\n".join(problems)


HALF_TRANSLATED = b"""<instrument id="half" version="1" family="checklist">
  <metadata>
    <title lang="en">Half</title>
    <title lang="cy">Hanner</title>
    <description lang="en">Not translated.</description>
  </metadata>
  <section id="A">
    <title lang="en">Section</title>
    <title lang="cy"> </title>
    <item id="1" scale="ync">
      <text lang="en">Clear?</text>
      <text lang="cy">Clear?</text>
      <hint lang="en">First hint.</hint>
      <hint lang="cy">Awgrym cyntaf.</hint>
      <hint lang="en">Second hint.</hint>
      <hint lang="en">Third hint.</hint>
      <hint lang="cy">Ail awgrym.</hint>
    </item>
  </section>
  <stop-rule items="1" answers="no">
    <message lang="cy">Neges heb Saesneg.</message>
  </stop-rule>
</instrument>
"""


def test_the_check_names_file_line_element_and_fix() -> None:
    problems = welsh_problems(HALF_TRANSLATED, "half.xml")
    assert problems == [
        'half.xml:5: <description lang="en"> in <metadata> has no Welsh sibling; '
        'add <description lang="cy">...</description> right after it.',
        'half.xml:8: <title lang="en"> in <section id="A">: its Welsh on line 9 is empty; '
        "translate it.",
        'half.xml:11: <text lang="en"> in <item id="1">: its Welsh on line 12 is the same as '
        "the English; translate it.",
        'half.xml:15: <hint lang="en"> (2 of 3) in <item id="1">: its Welsh is on line 17; '
        "move it right after the English.",
        'half.xml:16: <hint lang="en"> (3 of 3) in <item id="1"> has no Welsh sibling; '
        'add <hint lang="cy">...</hint> right after it.',
        'half.xml:21: <message lang="cy"> in <stop-rule> has no English to translate; add the '
        '<message lang="en"> before it, or remove it.',
    ]


# --- the Welsh uses the glossary's terms ----------------------------------------------------


# English phrases that hold a glossary word in another sense: a place, not a framework area;
# how much a study counts (pwysau), not the weight of a grade (pwysoliad).
NOT_TERMS = ("council area", "how much weight", "overall weight", "little weight")


def test_the_glossary_check_finds_a_missing_term() -> None:
    assert glossary_problems("the outcome of a randomised trial", "deilliant hap-dreial") == []
    assert glossary_problems("risk of bias", "risg o ogwydd") == []
    assert glossary_problems("risk of bias", "risg o duedd") == ["risg o ogwydd"]
    assert glossary_problems("a child protection plan", "cynllun amddiffyn plant") == []


@pytest.mark.parametrize("path", INSTRUMENTS, ids=lambda path: path.name)
def test_the_welsh_uses_the_glossary_terms(path: Path) -> None:
    # Option labels were chosen before this check and are one or two words; the prose, the
    # titles and the messages are held to the glossary.
    problems = []
    for parent in parse(path.read_bytes()).iter():
        for tag, english, welsh in _siblings(parent):
            if tag == "label":
                continue
            for en, cy in zip(english, welsh, strict=False):
                for term in glossary_problems(own_text(en), own_text(cy), NOT_TERMS):
                    problems.append(f"{path.name}:{cy.sourceline}: {own_text(cy)!r} lacks {term}")
    assert not problems, "\n".join(problems)


# --- the parsed instrument gives each text by language --------------------------------------


def _file_texts(parent: etree._Element | None, tag: str) -> list[dict[str, str]]:
    """The texts <tag> of `parent` read straight from the XML, [{lang: text}] in order."""
    if parent is None:
        return []
    for found, english, welsh in _siblings(parent):
        if found == tag:
            return [
                {"en": own_text(en), **({"cy": own_text(welsh[n])} if n < len(welsh) else {})}
                for n, en in enumerate(english)
            ]
    return []


def _pairs(instrument: Instrument, root: etree._Element) -> Iterator[tuple[str, Text, dict]]:
    """(where, the model's Text, the file's texts by language) for every text of the file."""
    metadata = root.find("metadata")
    yield "title", instrument.title, _file_texts(metadata, "title")[0]
    yield "description", instrument.description, _file_texts(metadata, "description")[0]
    for section, element in zip(instrument.sections, root.findall("section"), strict=True):
        yield f"section {section.id} title", section.title, _file_texts(element, "title")[0]
        for item, item_element in zip(section.items, element.findall("item"), strict=True):
            yield f"item {item.id} text", item.text, _file_texts(item_element, "text")[0]
            hints = _file_texts(item_element, "hint")
            assert len(item.hints) == len(hints), f"item {item.id}: the model lost a hint"
            for n, (hint, expected) in enumerate(zip(item.hints, hints, strict=True)):
                yield f"item {item.id} hint {n + 1}", hint, expected
    yield "overall text", instrument.overall_text, _file_texts(root.find("overall"), "text")[0]
    if instrument.stop_rule is not None:
        messages = _file_texts(root.find("stop-rule"), "message")
        yield "stop-rule message", instrument.stop_rule.message, messages[0]
    for judgement, element in zip(instrument.judgements, root.findall("judgement"), strict=True):
        yield f"judgement {judgement.id} title", judgement.title, _file_texts(element, "title")[0]
    for scale_element in root.find("scales").findall("scale"):
        scale = instrument.scale(scale_element.get("id"))
        for option, element in zip(scale.options, scale_element.findall("option"), strict=True):
            labels = _file_texts(element, "label")
            yield f"option {scale.id}/{option.value}", option.label, labels[0]


@pytest.mark.parametrize("path", INSTRUMENTS, ids=lambda path: path.name)
def test_the_parser_returns_every_text_in_each_language(path: Path) -> None:
    data = path.read_bytes()
    instrument = parse_instrument(data, source=f"{LABEL}/{path.name}")
    checked = 0
    for where, text, expected in _pairs(instrument, parse(data)):
        assert "cy" in expected, f"{path.name}: {where} has no Welsh in the file"
        assert text.get("en") == expected["en"], f"{path.name}: {where} in English"
        assert text.get("cy") == expected["cy"], f"{path.name}: {where} in Welsh"
        assert text.get("cy-GB") == expected["cy"], f"{path.name}: {where} for cy-GB"
        assert text.get("cy") != text.get("en"), f"{path.name}: {where} is English in Welsh"
        checked += 1
    assert checked >= 15


def test_the_library_gives_welsh_item_texts_and_hints() -> None:
    """Through the library that the block loads instruments with: an item's text and each of
    its hints in Welsh for "cy", in English for "en", the n-th Welsh hint for the n-th."""
    library = InstrumentLibrary(FOLDER, label=LABEL)
    root = parse((FOLDER / "rob_trial.xml").read_bytes())
    element = root.find(".//item[@id='2.3']")
    rob = library.load("rob_trial", root.get("version"))
    item = rob.item("2.3")
    assert item.text.get("cy") == own_text(element.find("text[@lang='cy']"))
    assert item.text.get("en") == own_text(element.find("text[@lang='en']"))
    welsh_hints = [own_text(hint) for hint in element.findall("hint[@lang='cy']")]
    english_hints = [own_text(hint) for hint in element.findall("hint[@lang='en']")]
    assert len(item.hints) == len(welsh_hints) == len(english_hints) == 3
    assert [hint.get("cy") for hint in item.hints] == welsh_hints
    assert [hint.get("en") for hint in item.hints] == english_hints
    assert set(welsh_hints).isdisjoint(english_hints)
    # The answer the last hint names is the Welsh label of the option.
    assert "Amherthnasol" in item.hints[2].get("cy")
    assert "Not applicable" in item.hints[2].get("en")
