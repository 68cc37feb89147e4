"""Messages the models word for authors, in English or any language the blocks' catalogue has.

A model that finds a problem does not write a finished sentence: it gives a template marked
with `_()` (so that the blocks' catalogue, domain `text`, holds it) and the values that fill
it, as a `Message`. A `Message` is a `str`: its English, exactly as the sentence always read,
so that code and tests that read it as text go on working. `message.render(gettext)` words
it in another language: the template through `gettext`, each value rendered the same way
(a value may itself be a `Message`, a list made with `one_of`, or an `OLXError`), then the
finishing steps (`full_stop`, `sentence`) applied to the result.

    problems.add(element, _('<{tag}> is empty'), _("write the {tag}."), tag=name)

Placeholders are named (`{tag}`, `{line}`); a sentence is one template, never pieces joined.
Text that is not ours (a parser's own message) is `Message.verbatim(text)`: shown as it is in
every language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from xblocks.core.language import BlockLanguage, Shown

Gettext = Callable[[str], str]


def _(template: str) -> str:
    """Mark a template for the blocks' catalogue; it is translated where it is shown."""
    return template


def english(text: str) -> str:
    """The gettext of the source language: every template as it is written."""
    return text


def full_stop(text: str) -> str:
    """Text ending as a sentence does, so that "... Fix: ..." reads well."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def sentence(text: str) -> str:
    """Text starting with a capital and ending with a full stop, as a fix is shown."""
    return full_stop(text[:1].upper() + text[1:])


def rendered(value: object, gettext: Gettext) -> str:
    """A value of a message in the language of `gettext`: a Message or a Listing rendered,
    an OLXError translated, anything else as text."""
    render = getattr(value, "render", None)
    if callable(render):
        return render(gettext)
    translated = getattr(value, "translated", None)
    if callable(translated):
        return translated(gettext)
    return str(value)


def shown(value: object, language: BlockLanguage, gettext: Gettext) -> Shown:
    """A problem or warning as a block shows it to staff: in the block's language through
    the block's `gettext`, and marked English when the catalogue left it in English."""
    english_text = str(value)
    text = rendered(value, gettext)
    if text != english_text:
        return language.own(text)
    return language.english(text)


class Message(str):
    """A sentence for an author: as a `str`, its English; `render(gettext)` in another
    language. Values are kept apart from the template until it is rendered."""

    template: str
    values: Mapping[str, object]
    finish: tuple[Callable[[str], str], ...]
    translatable: bool

    def __new__(cls, template: str, /, **values: object) -> Message:
        return cls._made(template, values, (), translatable=True)

    @classmethod
    def verbatim(cls, text: str) -> Message:
        """Text that is not in the catalogue (another tool's message): the same in every
        language."""
        return cls._made(str(text), {}, (), translatable=False)

    @classmethod
    def _made(
        cls,
        template: str,
        values: Mapping[str, object],
        finish: tuple[Callable[[str], str], ...],
        *,
        translatable: bool,
    ) -> Message:
        message = str.__new__(
            cls, _render(template, values, finish, english, translatable=translatable)
        )
        message.template = template
        message.values = dict(values)
        message.finish = finish
        message.translatable = translatable
        return message

    def render(self, gettext: Gettext | None = None) -> str:
        """The message in the language of `gettext` (English without one), English for any
        template the catalogue does not translate."""
        if gettext is None:
            return str(self)
        return _render(
            self.template, self.values, self.finish, gettext, translatable=self.translatable
        )

    def finished(self, *steps: Callable[[str], str]) -> Message:
        """The same message with `steps` (e.g. `full_stop`) applied after rendering."""
        return self._made(
            self.template, self.values, (*self.finish, *steps), translatable=self.translatable
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild,
            (type(self), self.template, self.values, self.finish, self.translatable),
        )

    def __repr__(self) -> str:
        return f"Message({self.template!r}, values={self.values!r})"


def _render(
    template: str,
    values: Mapping[str, object],
    finish: tuple[Callable[[str], str], ...],
    gettext: Gettext,
    *,
    translatable: bool,
) -> str:
    if translatable:
        text = gettext(template).format(
            **{name: rendered(value, gettext) for name, value in values.items()}
        )
    else:
        text = template
    for step in finish:
        text = step(text)
    return text


def _rebuild(
    cls: type[Message],
    template: str,
    values: Mapping[str, object],
    finish: tuple[Callable[[str], str], ...],
    translatable: bool,
) -> Message:
    return cls._made(template, values, finish, translatable=translatable)


def message(text: str | Message, values: Mapping[str, object] | None = None) -> Message:
    """`text` as a Message: a Message as it is (it has its values), a template filled with
    `values`."""
    if isinstance(text, Message):
        return text
    return Message(text, **(values or {}))


def translate(text: object, gettext: Gettext | None) -> str:
    """`text` in the language of `gettext` if it is a Message; any other text as it is."""
    if isinstance(text, Message):
        return text.render(gettext)
    return "" if text is None else str(text)


class Listing(str):
    """Values in a message, "1, 2, 3" (as a `str`, the English), or "(none)" translated when
    there is none; OLXErrors or Messages among them are rendered in the message's language."""

    items: tuple[object, ...]
    separator: str

    def __new__(cls, items: Iterable[object], separator: str = ", ") -> Listing:
        kept = tuple(items)
        listing = str.__new__(cls, _listing(kept, separator, english))
        listing.items = kept
        listing.separator = separator
        return listing

    def render(self, gettext: Gettext | None = None) -> str:
        return _listing(self.items, self.separator, gettext or english)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.items, self.separator))


# What a list of values reads when it is empty.
_NONE = _("(none)")


def _listing(items: tuple[object, ...], separator: str, gettext: Gettext) -> str:
    if not items:
        return gettext(_NONE)
    return separator.join(rendered(item, gettext) for item in items)


def one_of(values: Iterable[object]) -> Listing:
    """Values for a message: "1, 2, 3"."""
    return Listing(values)
