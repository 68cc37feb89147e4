"""Helpers for the tests of Welsh: of authored Welsh (instruments, competency frameworks),
read as the models read the files and held to the glossary as the catalogues are; and of the
language of parts on a block's page.

The unit suites import this module by name (tests/unit/conftest.py puts this folder on the
path)."""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

import lxml.html
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]


def parse(data: bytes) -> etree._Element:
    """The root of an authored file, without comments, entities or network access."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    return etree.fromstring(data, parser)


def own_text(element: etree._Element) -> str:
    """An element's own text, whitespace folded."""
    return " ".join((element.text or "").split())


@functools.cache
def _translation_tests() -> ModuleType:
    """The glossary reader of the catalogue tests, so all Welsh is held to the same rules."""
    path = ROOT / "tests" / "unit" / "test_translations.py"
    spec = importlib.util.spec_from_file_location("eip_translation_tests", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def glossary_problems(english: str, welsh: str, not_terms: Iterable[str] = ()) -> list[str]:
    """Glossary terms in `english` whose Welsh term `welsh` lacks. Longer English terms are
    taken first and removed, so "child protection" asks for "amddiffyn plant", not "plentyn".
    `not_terms` are English phrases that hold a glossary word in another sense."""
    helpers = _translation_tests()
    names, terms = helpers.glossary()
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
        forms = set().union(*(helpers.welsh_forms(term) for term in welsh_terms))
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
