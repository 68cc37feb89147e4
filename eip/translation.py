"""The words of the `eip` command in the language the person running it chose.

`eip` speaks English (the source) and Welsh (`cy`). A command's `--lang` option chooses;
without it the language comes from the environment as gettext reads it: the first of
`LANGUAGE`, `LC_ALL`, `LC_MESSAGES` and `LANG` that is set (`cy_GB.UTF-8` means Welsh;
`LANGUAGE` may list several, `fr:cy:en`, and the first one `eip` speaks counts). Anything
else is English, and so is any one string the catalogue does not translate.

Mark a string with `_()` where it is worded (it is translated there, in the active
language), `ngettext()` where it counts something, and `N_()` (`Nn_()` for a singular and
plural pair) where it is only defined, to be translated where it is shown (a table of
labels). Every marked string is in the catalogue `eip/translations/<lang>/LC_MESSAGES/
eip.mo` (see docs/translations.md). The catalogue is read on the first string translated,
never for English, so choosing a language costs a command nothing until it speaks.

Messages the block models word (an `OLXError` of an exercise, case study, instrument or
framework, or an `xblocks.core.messages.Message`) belong to the blocks' catalogue
(`xblocks/translations/<lang>/LC_MESSAGES/text.mo`, domain `text`): `model_text()` words
them in the active language, and `blocks_gettext()` and `blocks_ngettext()` are the gettext
a model's own wording takes (the outline of a competency framework). That catalogue too is
read on the first message translated.

Library code speaks English unless told otherwise: only `eip.cli` (or a caller of
`speaking`) changes the language, for the length of one command.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

DOMAIN = "eip"
BLOCKS_DOMAIN = "text"
SOURCE = "en"
LANGUAGES = (SOURCE, "cy")
NAMES = {"en": "English", "cy": "Cymraeg"}
FOLDER = Path(__file__).resolve().parent / "translations"
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
OPTION = "--lang"

_catalogues: dict[str, _gettext.NullTranslations] = {}
_blocks_catalogues: dict[str, _gettext.NullTranslations] = {}
_active = SOURCE


def N_(message: str) -> str:
    """Mark `message` for the catalogue; it is translated where it is shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair; `ngettext`-style lookup chooses where it is shown."""
    return singular, plural


def catalogue(lang: str) -> _gettext.NullTranslations:
    """The translations for `lang` (read once); English, and any language without a
    catalogue, translate nothing."""
    found = _catalogues.get(lang)
    if found is None:
        if lang == SOURCE:
            found = _gettext.NullTranslations()
        else:
            found = _gettext.translation(DOMAIN, str(FOLDER), [lang], fallback=True)
        _catalogues[lang] = found
    return found


def blocks_catalogue(lang: str) -> _gettext.NullTranslations:
    """The blocks' translations (domain `text`) for `lang`, read once: where the models'
    messages are translated. English translates nothing."""
    found = _blocks_catalogues.get(lang)
    if found is None:
        if lang == SOURCE:
            found = _gettext.NullTranslations()
        else:
            # Only asked for when a model's message is shown, so `xblocks` is imported already.
            import xblocks

            folder = Path(xblocks.__file__).resolve().parent / "translations"
            found = _gettext.translation(BLOCKS_DOMAIN, str(folder), [lang], fallback=True)
        _blocks_catalogues[lang] = found
    return found


def active() -> str:
    """The language `eip` speaks now."""
    return _active


def blocks_gettext(message: str) -> str:
    """A message of the blocks' catalogue in the active language (English without one)."""
    if _active == SOURCE:
        return message
    return blocks_catalogue(_active).gettext(message)


def blocks_ngettext(singular: str, plural: str, count: int) -> str:
    """The form for `count` of a message of the blocks' catalogue, in the active language."""
    if _active == SOURCE:
        return singular if count == 1 else plural
    return blocks_catalogue(_active).ngettext(singular, plural, count)


def model_text(value: object) -> str:
    """What a block model worded, in the active language: an `OLXError` or `OLXErrors` as
    `file:line: what. Fix: how`, a `Message` (a problem's message or fix, an authoring
    warning) as a sentence. Any other text, such as what `eip` worded itself, as it is."""
    translated = getattr(value, "translated", None)
    if callable(translated):
        return translated(blocks_gettext)
    render = getattr(value, "render", None)
    if callable(render):
        return render(blocks_gettext)
    return str(value)


def _(message: str) -> str:
    """`message` in the active language (English when it has no translation)."""
    if _active == SOURCE:
        return message
    return catalogue(_active).gettext(message)


# The same, for modules where `_` already names something else (a loop's unused values).
gettext = _


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for `count`, in the active language."""
    return catalogue(_active).ngettext(singular, plural, count)


@contextmanager
def speaking(lang: str) -> Iterator[str]:
    """Speak `lang` inside the block, then the language spoken before."""
    global _active
    if lang not in LANGUAGES:
        raise ValueError(f"eip does not speak {lang!r}: choose one of {', '.join(LANGUAGES)}")
    before, _active = _active, lang
    try:
        yield lang
    finally:
        _active = before


def _spoken(value: str) -> str | None:
    """The language of one locale name (`cy_GB.UTF-8@euro` -> `cy`), if `eip` speaks it."""
    code = value.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0]
    code = code.strip().lower()
    return code if code in LANGUAGES else None


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language gettext would take from the environment, if `eip` speaks it; else
    English. As gettext does, only the first variable that is set counts."""
    environ = os.environ if environ is None else environ
    for name in ENVIRONMENT:
        value = environ.get(name)
        if value:
            for part in value.split(":"):
                found = _spoken(part)
                if found:
                    return found
            return SOURCE
    return SOURCE


def requested(argv: Sequence[str]) -> str | None:
    """The language asked for with `--lang` on a command line, read before it is parsed
    (so that the parser's help is worded in it); None when not given or not spoken."""
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == OPTION and index + 1 < len(argv):
            value = argv[index + 1]
        elif word.startswith(f"{OPTION}="):
            value = word.split("=", 1)[1]
        else:
            continue
        return value if value in LANGUAGES else None
    return None


def choose(option: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The `--lang` given, else the environment's language."""
    return option if option in LANGUAGES else from_environment(environ)


def add_option(parser: Any, help: str | None = None) -> None:
    """The `--lang` option: the language of what the command writes."""
    parser.add_argument(
        OPTION,
        choices=LANGUAGES,
        default=None,
        help=help
        or _("the language of the messages: en or cy (default: from the environment, e.g. LANG)"),
    )
