"""Language of parts: which language a text is shown in, and marking it in templates,
scripts' data and the block's root (WCAG 3.1.1 and 3.1.2)."""

import copy
import json
import pickle

import pytest
from django.utils import translation
from xblock.runtime import NullI18nService

from xblocks.core.authored import Text
from xblocks.core.language import (
    BlockLanguage,
    Phrase,
    Shown,
    declare_lang,
    pick,
    primary_language,
)
from xblocks.core.resources import render_template

WELSH = BlockLanguage("cy")
ENGLISH = BlockLanguage("en")


def welsh_gettext(text: str) -> str:
    return {
        "Case study": "Astudiaeth achos",
        "Step {number}: {title}": "Cam {number}: {title}",
    }.get(text, text)


# --- choosing the text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [("cy", "cy"), ("cy-GB", "cy"), ("cy_GB", "cy"), ("CY", "cy"), ("", "en"), (None, "en")],
)
def test_primary_language(code, expected):
    assert primary_language(code) == expected


def test_pick_falls_back_to_english_per_text():
    both = Text.of("Yes", "Ie")
    english_only = Text.of("Can't tell")

    assert pick(both, "cy") == ("Ie", "cy")
    assert pick(both, "cy-GB") == ("Ie", "cy")
    assert pick(both, "en") == ("Yes", "en")
    assert pick(english_only, "cy") == ("Can't tell", "en")


def test_pick_treats_an_empty_translation_as_missing():
    assert pick({"en": "Yes", "cy": ""}, "cy") == ("Yes", "en")


def test_pick_takes_whatever_language_there_is_last():
    assert pick({"fr": "Oui"}, "cy") == ("Oui", "fr")
    assert pick({}, "cy") == ("", "en")


def test_pick_reads_a_plain_string_as_authored_english():
    assert pick("Family group conferences", "cy") == ("Family group conferences", "en")
    assert pick(None, "cy") == ("", "en")


def test_a_welsh_text_in_a_welsh_block_needs_no_mark():
    shown = WELSH.show(Text.of("Yes", "Ie"))

    assert shown == "Ie"
    assert (shown.lang, shown.block_lang, shown.foreign) == ("cy", "cy", False)
    assert shown.as_json() == {"text": "Ie"}


def test_an_english_fallback_in_a_welsh_block_is_marked():
    shown = WELSH.show(Text.of("Can't tell"))

    assert shown == "Can't tell"
    assert (shown.lang, shown.foreign) == ("en", True)
    assert shown.as_json() == {"text": "Can't tell", "lang": "en"}


def test_nothing_is_marked_in_an_english_block():
    assert not ENGLISH.show(Text.of("Yes", "Ie")).foreign
    assert not ENGLISH.english("A study").foreign
    assert ENGLISH.english("A study").as_json() == {"text": "A study"}


def test_english_only_content_is_marked_in_a_welsh_block():
    shown = WELSH.english("Family group conferences: a trial")

    assert shown.foreign and shown.lang == "en"
    # An empty text has nothing to mark.
    assert not WELSH.english("").foreign and not WELSH.english(None)


def test_display_names_are_welsh_only_when_the_catalogue_translates_them():
    default = WELSH.translated("Case study", welsh_gettext)
    authored = WELSH.translated("Pre-birth assessment", welsh_gettext)

    assert (default, default.lang, default.foreign) == ("Astudiaeth achos", "cy", False)
    assert (authored, authored.lang, authored.foreign) == ("Pre-birth assessment", "en", True)
    assert not ENGLISH.translated("Pre-birth assessment", welsh_gettext).foreign


def test_a_shown_text_is_a_string_everywhere():
    shown = WELSH.english("Seeing people alone")

    assert isinstance(shown, Shown) and isinstance(shown, str)
    assert json.dumps({"title": shown}) == '{"title": "Seeing people alone"}'
    assert f"{shown}!" == "Seeing people alone!"
    for again in (copy.deepcopy(shown), pickle.loads(pickle.dumps(shown))):
        assert again == shown and again.lang == "en" and again.block_lang == "cy"


# --- sentences with parts in another language ---------------------------------------------


def test_a_phrase_marks_only_the_foreign_value():
    phrase = WELSH.phrase(
        welsh_gettext("Step {number}: {title}"), number=2, title=WELSH.english("Seeing people")
    )

    assert isinstance(phrase, Phrase) and phrase == "Cam 2: Seeing people"
    assert phrase.pieces == (("Cam 2: ", None), ("Seeing people", "en"))
    assert phrase.as_json() == [{"text": "Cam 2: "}, {"text": "Seeing people", "lang": "en"}]
    assert not phrase.foreign and phrase.lang is None


def test_a_phrase_with_values_in_the_blocks_language_is_one_piece():
    phrase = WELSH.phrase(
        "Lefel {number}: {name}", number=2, name=WELSH.show(Text.of("Experienced", "Profiadol"))
    )

    assert phrase.pieces == (("Lefel 2: Profiadol", None),)
    assert ENGLISH.phrase("Level {number}: {name}", number=1, name=ENGLISH.english("x")).pieces == (
        ("Level 1: x", None),
    )


def test_a_phrase_keeps_the_parts_of_a_phrase_inside_it():
    inner = WELSH.phrase("Lefel {number}: {name}", number=3, name=WELSH.english("Senior"))
    outer = WELSH.phrase("Nesaf: {level}", level=inner)

    assert outer.pieces == (("Nesaf: Lefel 3: ", None), ("Senior", "en"))
    assert pickle.loads(pickle.dumps(outer)).pieces == outer.pieces


def test_a_phrase_that_is_all_foreign_has_that_language():
    phrase = WELSH.phrase("{title}", title=WELSH.english("Seeing people"))

    assert phrase.foreign and phrase.lang == "en"


def test_a_phrase_applies_format_specs_and_refuses_positional_fields():
    assert WELSH.phrase("{score:.1f}%", score=72.25) == "72.2%"
    with pytest.raises(ValueError, match=r"positional field \{0\}.*name every field"):
        WELSH.phrase("Cam {0}", number=2)
    with pytest.raises(KeyError):
        WELSH.phrase("Cam {number}")


# --- templates ---------------------------------------------------------------------------


def _parts(sample_package, **context):
    return render_template(sample_package, "templates/parts.html", context)


def test_templates_mark_a_foreign_text_and_nothing_else(sample_package):
    html = _parts(
        sample_package,
        block_lang="cy",
        title=WELSH.english("A <b>study</b>"),
        line=WELSH.show(Text.of("Yes", "Ie")),
    )

    assert '<h3 lang="en">A &lt;b&gt;study&lt;/b&gt;</h3>' in html
    assert '<p class="line">Ie</p>' in html


def test_lang_text_puts_each_foreign_part_in_its_own_span(sample_package):
    line = WELSH.phrase("Dewisoch: {label}", label=WELSH.english("Visit & <talk>"))
    html = _parts(sample_package, block_lang="cy", title=WELSH.own("Cam 1"), line=line)

    assert "<h3>Cam 1</h3>" in html
    assert '<p class="line">Dewisoch: <span lang="en">Visit &amp; &lt;talk&gt;</span></p>' in html


def test_plain_strings_pass_through_unmarked_and_escaped(sample_package):
    html = _parts(sample_package, block_lang="en", title="<i>t</i>", line="a & b")

    assert '<h3>&lt;i&gt;t&lt;/i&gt;</h3><p class="line">a &amp; b</p>' in html


def test_an_english_page_has_no_lang_but_its_root(sample_package):
    html = _parts(
        sample_package,
        block_lang="en",
        title=ENGLISH.english("A study"),
        line=ENGLISH.phrase("Step {n}: {t}", n=1, t=ENGLISH.english("Referral")),
    )

    assert html.count("lang=") == 1 and '<div class="root" lang="en">' in html


def test_a_block_declares_its_language_on_its_templates(make_block, sample_block_class):
    block = make_block(sample_block_class, services={"i18n": NullI18nService()})
    for code in ("cy", "en"):
        with translation.override(code):
            assert block.language() == BlockLanguage(code)
            html = block.render_html("parts.html", {"title": "T", "line": "L"})
        assert f'<div class="root" lang="{code}">' in html


def test_a_block_title_is_marked_when_the_catalogue_leaves_it_english(
    make_block, sample_block_class
):
    class Welsh(NullI18nService):
        def gettext(self, text):
            return welsh_gettext(text)

    block = make_block(sample_block_class, services={"i18n": Welsh()})
    block.display_name = "Pre-birth assessment"
    with translation.override("cy"):
        assert block.display_title().foreign
        block.display_name = "Case study"
        assert block.display_title() == "Astudiaeth achos"
        assert not block.display_title().foreign


# --- markup rendered by someone else's template -----------------------------------------


def test_declare_lang_sets_the_first_elements_language():
    assert declare_lang('\n<div class="editor">x</div>', "cy-GB") == (
        '\n<div class="editor" lang="cy">x</div>'
    )
    assert declare_lang("<br/>", "cy") == '<br lang="cy"/>'
    assert declare_lang('<div lang="en">x</div>', "cy") == '<div lang="en">x</div>'
    assert declare_lang("plain text", "cy") == "plain text"
