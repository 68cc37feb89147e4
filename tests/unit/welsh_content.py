"""Helpers for the tests of Welsh: of authored Welsh (instruments, competency frameworks),
read as the models read the files and held to the glossary as the catalogues are; and of the
language of parts on a block's page.

The unit suites import this module by name (tests/unit/conftest.py puts this folder on the
path)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import lxml.html
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary-cy.md"


def parse(data: bytes) -> etree._Element:
    """The root of an authored file, without comments, entities or network access."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    return etree.fromstring(data, parser)


def own_text(element: etree._Element) -> str:
    """An element's own text, whitespace folded."""
    return " ".join((element.text or "").split())


MUTATIONS = (  # initial -> (soft, nasal, aspirate); longest initials first
    ("ll", ("l",)),
    ("rh", ("r",)),
    ("ch", ()),
    ("ph", ()),
    ("th", ()),
    ("dd", ()),
    ("ff", ()),
    ("ng", ()),
    ("p", ("b", "mh", "ph")),
    ("t", ("d", "nh", "th")),
    ("c", ("g", "ngh", "ch")),
    ("b", ("f", "m")),
    ("d", ("dd", "n")),
    ("g", ("", "ng")),
    ("m", ("f",)),
)
VOWELS = "aeiouwyâêîôûŵŷ"


def welsh_forms(term: str) -> set[str]:
    """A Welsh term as it may appear after a mutation of its first letter."""
    term = term.lower()
    forms = {term}
    if term[:1] in VOWELS:
        forms.add("h" + term)
        return forms
    for initial, mutated in MUTATIONS:
        if term.startswith(initial):
            forms.update(new + term[len(initial) :] for new in mutated)
            break
    return forms


def glossary() -> tuple[list[str], list[tuple[list[str], list[str]]]]:
    """(names kept in English, [(English forms, Welsh forms)]) from docs/glossary-cy.md."""
    text = GLOSSARY.read_text(encoding="utf-8")
    names_part = text.split("## Names kept in English", 1)[1].split("##", 1)[0]
    names = [name.strip(" .\n") for name in names_part.split(":", 1)[1].split(",")]
    table = text.split("## Terms", 1)[1].split("\n## ", 1)[0]
    terms = []
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0] != "English" and set(cells[0]) - set("-: "):
            terms.append(([part.strip() for part in cells[0].split(";")], cells[1].split(";")))
    return names, [(english, [w.strip() for w in welsh]) for english, welsh in terms]


def glossary_problems(english: str, welsh: str, not_terms: Iterable[str] = ()) -> list[str]:
    """Glossary terms in `english` whose Welsh term `welsh` lacks. Longer English terms are
    taken first and removed, so "child protection" asks for "amddiffyn plant", not "plentyn".
    `not_terms` are English phrases that hold a glossary word in another sense."""
    names, terms = glossary()
    for name in (*names, *not_terms):
        english = english.replace(name, " ")
    missing = []
    for english_forms, welsh_terms in sorted(terms, key=lambda term: -max(map(len, term[0]))):
        pattern = re.compile(
            r"\b(" + "|".join(map(re.escape, english_forms)) + r")\b", re.IGNORECASE
        )
        if not pattern.search(english):
            continue
        english = pattern.sub(" ", english)
        forms = set().union(*(welsh_forms(term) for term in welsh_terms))
        if not any(form in welsh.lower() for form in forms):
            missing.append(" / ".join(welsh_terms))
    return missing


def lang_of(element: lxml.html.HtmlElement) -> str | None:
    """The language an element's text is in on a page: its nearest `lang`, itself included."""
    found = element.xpath("ancestor-or-self::*[@lang][1]/@lang")
    return found[0] if found else None


def text_of(element: lxml.html.HtmlElement) -> str:
    """The text of an element of a page and all inside it, whitespace folded."""
    return " ".join(element.text_content().split())
