"""A Babel extraction method for Django templates ({% trans %}, {% blocktrans %}).

Django's own `templatize` turns a template into Python source holding `gettext()`,
`ngettext()` and `pgettext()` calls on the same lines, which Babel's Python extractor then
reads: the message ids are exactly those that Django's `makemessages` would write, so
`{% blocktrans with name=x %}...{{ name }}...` becomes "...%(name)s...".
"""

from __future__ import annotations

import io
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from babel.messages.extract import extract_python

ENCODING = "utf-8"


def extract_django(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, Any, list[str]]]:
    """Babel's extraction-method interface, for one Django template."""
    from django.utils.translation.template import templatize

    source = fileobj.read().decode(options.get("encoding", ENCODING))
    # Indentation would upset Python's tokenizer; the calls keep their line numbers.
    python = "\n".join(line.lstrip() for line in templatize(source).split("\n"))
    yield from extract_python(
        io.BytesIO(python.encode(ENCODING)),
        keywords,
        comment_tags,
        {**options, "encoding": ENCODING},
    )
