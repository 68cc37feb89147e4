"""The Welsh edition's interface: complete catalogues, where the LMS loads them, the glossary
kept, no sentence hard-coded in JavaScript, and Welsh with English fallback per string."""

from __future__ import annotations

import gettext
import importlib.resources
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.test import RequestFactory
from django.utils import translation
from welsh_content import glossary, welsh_forms

from eip.i18n.catalogues import CATALOGUES, extract, read_catalogue
from eip.i18n.check import catalogue_problems
from eip.i18n.refresh import refresh_catalogue
from eip.workbench.i18n import BlockI18nService, LanguageSwitchMiddleware, language_switch
from xblocks.core.resources import render_template

ROOT = Path(__file__).resolve().parents[2]
BLOCKS = next(spec for spec in CATALOGUES if spec.name == "blocks")
BLOCK_FOLDERS = ("xblocks/appraisal", "xblocks/case_study", "xblocks/competency")


# --- the catalogues are complete and current ------------------------------------------------


@pytest.mark.parametrize("spec", CATALOGUES, ids=lambda spec: spec.name)
def test_every_string_has_a_current_welsh_translation(spec) -> None:
    """Extract the strings from the code: each has a Welsh translation (every plural form,
    same placeholders), none is fuzzy, none obsolete, and the .mo is compiled from the .po."""
    problems = catalogue_problems(ROOT, spec)
    assert not problems, "run `make translations` and translate:\n" + "\n".join(problems)


def test_extraction_finds_the_strings_of_all_three_blocks() -> None:
    """Python, Django templates, plural forms and the block-specific marker all count."""
    catalog = extract(ROOT, BLOCKS)
    places = [path for message in catalog if message.id for path, _ in message.locations]
    for folder in BLOCK_FOLDERS:
        assert sum(path.startswith(f"{folder}/templates/") for path in places) >= 20, folder
        assert sum(path.startswith(folder) and path.endswith(".py") for path in places) >= 10
    ids = {message.id for message in catalog}
    assert ("How %(counter)s learner answered", "How %(counter)s learners answered") in ids
    assert ("case study", "case studies") in ids  # marked with _n(), chosen by ngettext
    assert "Not yet evidenced" in ids  # marked with the tracker's s()
    assert len(ids) > 250


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _welsh(root: Path) -> Path:
    return BLOCKS.po_path(root, "cy")


def _translate_all(root: Path, text: str) -> None:
    path = _welsh(root)
    catalog = read_catalogue(path, "cy")
    for message in catalog:
        if message.id:
            message.string = text
            message.flags.discard("fuzzy")
    from eip.i18n.refresh import po_bytes

    path.write_bytes(po_bytes(catalog))


def test_a_refresh_and_the_check_catch_new_changed_and_removed_strings(tmp_path: Path) -> None:
    _write(tmp_path, "xblocks/demo/block.py", '_("Save the draft")\n_("Close")\n')
    _write(tmp_path, "xblocks/demo/templates/page.html", '{% load i18n %}{% trans "Hello" %}\n')
    refresh_catalogue(tmp_path, BLOCKS)
    problems = catalogue_problems(tmp_path, BLOCKS)
    assert len(problems) == 3 and all("is not translated" in problem for problem in problems)

    _translate_all(tmp_path, "Cymraeg")
    assert any("not compiled" in problem for problem in catalogue_problems(tmp_path, BLOCKS))
    refresh_catalogue(tmp_path, BLOCKS)
    assert catalogue_problems(tmp_path, BLOCKS) == []

    _write(tmp_path, "xblocks/demo/block.py", '_("Save the drafts")\n')
    refresh_catalogue(tmp_path, BLOCKS)
    problems = "\n".join(catalogue_problems(tmp_path, BLOCKS))
    assert "'Save the drafts' is marked fuzzy" in problems
    assert "'Close' is obsolete" in problems


def test_the_check_refuses_changed_placeholders(tmp_path: Path) -> None:
    _write(tmp_path, "xblocks/demo/block.py", '_("Step {number} of {total}")\n')
    refresh_catalogue(tmp_path, BLOCKS)
    _translate_all(tmp_path, "Cam {rhif} o {total}")
    refresh_catalogue(tmp_path, BLOCKS)
    problems = "\n".join(catalogue_problems(tmp_path, BLOCKS))
    assert "the translation has ['{rhif}', '{total}']" in problems


# --- where the LMS finds it, and what the blocks show ---------------------------------------


def test_the_catalogue_is_where_the_lms_loads_a_blocks_own_translations() -> None:
    """The LMS (XBlockI18nService) reads `<top-level package>/translations/<locale>/
    LC_MESSAGES/text.mo` of the installed block; all three blocks' top-level package is
    `xblocks`."""
    folder = importlib.resources.files("xblocks") / "translations"
    welsh = gettext.translation("text", str(folder), ["cy"])
    assert welsh.gettext("Save") == "Cadw"
    assert welsh.ngettext("case study", "case studies", 2) == "astudiaeth achos"


@pytest.fixture
def welsh():
    with translation.override("cy"):
        yield BlockI18nService(packages=("xblocks",))


def test_welsh_with_english_fallback_per_string(welsh) -> None:
    assert welsh.ugettext("Submit appraisal") == "Cyflwyno'r arfarniad"
    assert welsh.gettext("A sentence no catalogue has") == "A sentence no catalogue has"
    path = ("Your path so far (%(counter)s step)", "Your path so far (%(counter)s steps)")
    assert welsh.ungettext(*path, 2) == "Eich llwybr hyd yma (%(counter)s gam)"
    assert welsh.ngettext(*path, 3) == "Eich llwybr hyd yma (%(counter)s cham)"
    with translation.override("en"):
        assert welsh.gettext("Submit appraisal") == "Submit appraisal"


def test_block_templates_render_in_welsh_through_the_service(welsh) -> None:
    html = render_template(
        "xblocks.case_study",
        "templates/history.html",
        {"history": [{"title": "T", "kind_text": "K", "choice_label": ""}] * 2},
        i18n_service=welsh,
    )
    assert "Eich llwybr hyd yma (2 gam)" in html
    html = render_template(
        "xblocks.competency",
        "templates/unavailable.html",
        {"display_name": "Your competencies", "errors": []},
        i18n_service=welsh,
    )
    assert "Eich cymwyseddau" in html  # the default display name, translated
    assert "Nid yw'r proffil cymwyseddau hwn ar gael eto." in html
    html = render_template(
        "xblocks.competency",
        "templates/unavailable.html",
        {"display_name": "<b>Mine</b> & 50%", "errors": []},
        i18n_service=welsh,
    )
    assert "&lt;b&gt;Mine&lt;/b&gt; &amp; 50%" in html  # an authored name: escaped, as is


def test_lang_parameter_switches_language_and_keeps_it_in_a_cookie() -> None:
    request = RequestFactory().get("/scenario/x/", {"lang": "cy", "student": "ann"})
    seen = {}

    def view(request):
        from django.http import HttpResponse

        seen["language"] = translation.get_language()
        seen["links"] = language_switch(request)["language_links"]
        return HttpResponse("ok")

    with translation.override("en"):
        response = LanguageSwitchMiddleware(view)(request)
    assert seen["language"] == "cy"
    assert response.cookies["django_language"].value == "cy"
    [english] = seen["links"]
    assert english["code"] == "en" and english["name"] == "English"
    assert english["url"] == "/scenario/x/?lang=en&student=ann"


def test_an_unknown_lang_parameter_changes_nothing() -> None:
    request = RequestFactory().get("/", {"lang": "xx"})
    from django.http import HttpResponse

    response = LanguageSwitchMiddleware(lambda request: HttpResponse("ok"))(request)
    assert "django_language" not in response.cookies


# --- the glossary is kept --------------------------------------------------------------------


def _english_words(message_id: str, names: list[str]) -> str:
    """The English of a message id without names, identifiers, markup and placeholders."""
    text = message_id.split("e.g.")[0]
    text = re.sub(r"<[^>]+>|\{[a-z_]*\}|%\([a-z_]+\)s", " ", text)
    for name in names:
        text = text.replace(name, " ")
    return text


def test_the_glossary_terms_are_used_in_every_welsh_translation() -> None:
    names, terms = glossary()
    assert len(terms) > 50 and "Evidence in Practice" in names
    problems = []
    for spec in CATALOGUES:
        catalog = read_catalogue(spec.po_path(ROOT, "cy"), "cy")
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            english = " ".join(_english_words(part, names) for part in ids)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for english_forms, welsh_terms in terms:
                pattern = r"\b(" + "|".join(map(re.escape, english_forms)) + r")\b"
                if not re.search(pattern, english, re.IGNORECASE):
                    continue
                forms = set().union(*(welsh_forms(term) for term in welsh_terms))
                for text in strings:
                    if not any(form in text.lower() for form in forms):
                        problems.append(f"{ids[0]!r}: {text!r} lacks {' / '.join(welsh_terms)}")
    assert not problems, "\n".join(problems)


def test_welsh_forms_cover_the_mutations() -> None:
    assert {"dystiolaeth", "nhystiolaeth", "thystiolaeth"} <= welsh_forms("tystiolaeth")
    assert {"gam", "ngham", "cham"} <= welsh_forms("cam")
    assert {"raddfa ddiogelwch", "ngraddfa ddiogelwch"} <= welsh_forms("graddfa ddiogelwch")
    assert "hymgais" in welsh_forms("ymgais")
    assert welsh_forms("llwybr") == {"llwybr", "lwybr"}


# --- JavaScript shows only what the server sends -------------------------------------------

JS_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\])//[^\n]*", re.DOTALL)
JS_STRING = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`(?:[^`\\]|\\.)*`")
# Two words of letters: a sentence or a phrase a person would read.
WORDS = re.compile(r"[A-Za-z]{2,}[ \u00a0]+[A-Za-z]{2,}")


def test_the_blocks_javascript_holds_no_sentence_for_people() -> None:
    """Every word the blocks' scripts show comes from the server (initArgs.strings or the
    rendered HTML), so the JavaScript needs no catalogue of its own."""
    scripts = sorted(ROOT.glob("xblocks/*/static/**/*.js"))
    assert len(scripts) >= 5
    found = []
    for script in scripts:
        code = JS_COMMENT.sub(" ", script.read_text(encoding="utf-8"))
        for literal in JS_STRING.findall(code):
            if WORDS.search(literal) and literal[1:-1] != "use strict":
                found.append(f"{script.relative_to(ROOT)}: {literal}")
    assert not found, "move these into the block's translated strings:\n" + "\n".join(found)


def test_the_english_source_catalogue_is_the_template() -> None:
    """en/LC_MESSAGES/text.po carries the message ids only; Welsh is the one translation."""
    with BLOCKS.po_path(ROOT, "en").open("rb") as handle:
        english = read_po(handle, locale="en")
    assert all(not any(m.string) if m.pluralizable else not m.string for m in english if m.id)
    languages = sorted(path.name for path in (ROOT / BLOCKS.folder).iterdir() if path.is_dir())
    assert languages == ["cy", "en"]
    assert not (ROOT / BLOCKS.folder / "en" / "LC_MESSAGES" / "text.mo").exists()


def test_refreshing_outside_the_repository_is_refused_and_writes_nothing(tmp_path, capsys):
    from eip.i18n.__main__ import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--root", str(tmp_path)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert f"{tmp_path} is not the repository (it lacks eip, eip/workbench, xblocks)" in err
    assert "point --root at it" in err
    assert list(tmp_path.iterdir()) == []
