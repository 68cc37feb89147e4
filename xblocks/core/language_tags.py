"""Template filters that mark the language of parts (`{% load eip_lang %}`).

- `{{ text|lang_attr }}` is ` lang="en"` when `text` (a `Shown` or a one-language `Phrase`)
  is in another language than the block's, else nothing: put it on the element that holds
  exactly that text, `<h5{{ section.title|lang_attr }}>{{ section.title }}</h5>`, or that
  holds its rendered Markdown, `<div{{ body|lang_attr }}>{{ body|safe }}</div>`.
- `{{ text|lang_text }}` is the text escaped, inside `<span lang="en">` when it is in another
  language; for a `Phrase`, each foreign part in its own span. Use it where the text shares
  its element with other words, and in `{% blocktrans with name=value|lang_text %}`.

Plain strings pass through both as the block's language (`lang_attr` adds nothing).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from xblocks.core.language import Phrase, Shown

register = template.Library()


def _foreign_lang(value: Any) -> str | None:
    if isinstance(value, Shown):
        return value.lang if value.foreign else None
    if isinstance(value, Phrase):
        return value.lang
    return None


@register.filter(is_safe=True)
def lang_attr(value: Any) -> SafeString:
    """` lang="xx"` for a text in another language than the block's; else ""."""
    lang = _foreign_lang(value)
    return format_html(' lang="{}"', lang) if lang else mark_safe("")


@register.filter(is_safe=True)
def lang_text(value: Any) -> SafeString:
    """The text, escaped, with each part in another language inside `<span lang>`."""
    if isinstance(value, (Shown, Phrase)):
        pieces = value.pieces
    else:
        pieces = (("" if value is None else str(value), None),)
    return mark_safe(
        "".join(
            format_html('<span lang="{}">{}</span>', lang, text) if lang else str(escape(text))
            for text, lang in pieces
        )
    )
