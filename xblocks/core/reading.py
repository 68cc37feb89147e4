"""How a model reads an authored file: well-formed XML, then its schema, then every check the
schema cannot express, with all the problems of a file reported at once."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from lxml import etree

from xblocks.core.attributes import format_attribute
from xblocks.core.messages import Message, _
from xblocks.core.problems import Problems
from xblocks.core.xml import OLXError, OLXErrors, parse_xml, validate_schema

T = TypeVar("T")


def read_authored(
    data: str | bytes | etree._Element,
    *,
    source: str,
    schema: etree.RelaxNG,
    read: Callable[[etree._Element, Problems], T],
) -> T:
    """What `read(root, problems)` makes of `data` (text, or an element already parsed) once
    it is well-formed and `schema` accepts it. Raises OLXErrors listing every problem: the
    syntax error, or all the schema's, or all that `read` added to `problems`."""
    root = data if isinstance(data, etree._Element) else _parsed(data, source)
    validate_schema(root, schema, source=source)
    problems = Problems(source)
    result = read(root, problems)
    problems.raise_if_any()
    return result


def root_of_parts(
    tag: str, attributes: Mapping[str, object], content_xml: str, *, source: str
) -> etree._Element:
    """The element a block's fields stand for: <tag> with `attributes` (None ones left out)
    around `content_xml`. A syntax error in `content_xml` raises OLXErrors."""
    root = _parsed(f"<{tag}>{content_xml}</{tag}>", source)
    for name, value in attributes.items():
        if value is not None:
            root.set(name, format_attribute(value))
    return root


def _parsed(data: str | bytes, source: str) -> etree._Element:
    """`data` parsed; a syntax error raises OLXErrors, as every other problem of a file does."""
    try:
        return parse_xml(data, source=source)
    except OLXError as error:
        raise OLXErrors([error]) from None


# What a shipped file holds -> how a misnamed one is reported.
_MISNAMED = {
    "instrument": _('the file holds instrument "{found}".'),
    "framework": _('the file holds framework "{found}".'),
}


def misnamed_file(what: str, found_id: str, expected_id: str, *, source: str) -> OLXErrors:
    """The problem of a shipped file that holds the `what` ("instrument" or "framework")
    "found_id" but is named for "expected_id" (libraries find files by id)."""
    return OLXErrors(
        [
            OLXError(
                Message(_MISNAMED[what], found=found_id),
                source=source,
                line=1,
                fix=Message(
                    _('Name the file {found}.xml, or set id="{expected}".'),
                    found=found_id,
                    expected=expected_id,
                ),
            )
        ]
    )
