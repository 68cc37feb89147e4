"""The one place XML is parsed: hardened lxml parsing, RELAX NG validation and readable errors.

Every error names where it happened (source and line) and, where we can tell, how to fix it,
because the people reading these messages are trainers editing an exercise file.
"""

from __future__ import annotations

import codecs
import functools
import importlib.resources
import re
from collections.abc import Iterable, Iterator

from lxml import etree

from xblocks.core.messages import Gettext, Message, _, english, translate

MAX_XML_BYTES = 2 * 1024 * 1024

_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)
_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml\b.*?\?>", re.DOTALL)
# Where a problem is when only its line is known, and a problem followed by its fix.
_LINE = _("line {line}")
# Translators: {problem} is "file:line: what is wrong"; {fix} says how to fix it.
_WITH_FIX = _("{problem} Fix: {fix}")


class OLXError(ValueError):
    """A problem in authored XML, located by source and line, with a suggested fix.

    `message` and `fix` are text as the problem reads in English (`str(error)` puts them
    together); when they are `Message`s (xblocks.core.messages), `translated(gettext)` words
    the whole problem in another language. Plain text is shown as it is.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        fix: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.fix = fix

    def __str__(self) -> str:
        return self.translated(english)

    def translated(self, gettext: Gettext | None = None) -> str:
        """`file:line: what. Fix: how`, worded in the language of `gettext` (the blocks'
        catalogue), English where it has no translation."""
        gettext = gettext or english
        source = translate(self.source, gettext)
        if source and self.line:
            location = f"{source}:{self.line}"
        elif source:
            location = source
        elif self.line:
            location = gettext(_LINE).format(line=self.line)
        else:
            location = ""
        message = translate(self.message, gettext)
        text = f"{location}: {message}" if location else message
        if self.fix:
            text = gettext(_WITH_FIX).format(problem=text, fix=translate(self.fix, gettext))
        return text

    def with_source(self, source: str) -> OLXError:
        """A copy of this error (same class, same details) that names `source`."""
        copy = self.__class__.__new__(self.__class__)
        copy.__dict__.update(self.__dict__)
        copy.args = self.args
        copy.source = source
        return copy


class OLXErrors(ValueError):
    """Every problem found in one document, for validators that report them all at once."""

    def __init__(self, errors: Iterable[OLXError]) -> None:
        self.errors: list[OLXError] = list(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        return self.translated(english)

    def translated(self, gettext: Gettext | None = None) -> str:
        """Every problem, one a line, in the language of `gettext`."""
        return "\n".join(error.translated(gettext) for error in self.errors)

    def __iter__(self) -> Iterator[OLXError]:
        return iter(self.errors)

    def __len__(self) -> int:
        return len(self.errors)


def _parser() -> etree.XMLParser:
    # A fresh parser per document: lxml parsers keep an error log and are not thread-safe.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        strip_cdata=False,
        remove_comments=False,
        remove_blank_text=False,
        recover=False,
    )


# libxml2 message prefix -> what to do about it.
_SYNTAX_FIXES = (
    ("Opening and ending tag mismatch", _("Close elements in the reverse order they were opened.")),
    ("EntityRef", _("Write a literal & as &amp; (or put the text in a CDATA section).")),
    ("xmlParseEntityRef", _("Write a literal & as &amp; (or put the text in a CDATA section).")),
    ("Entity '", _("Only &amp; &lt; &gt; &quot; &apos; and numeric references like &#160; exist.")),
    ("StartTag: invalid element name", _("Write a literal < as &lt; (or use a CDATA section).")),
    ("AttValue", _('Put every attribute value in quotes, e.g. weight="1".')),
    ("attributes construct error", _('Write attributes as name="value", separated by spaces.')),
    ("Attribute ", _("Give each attribute only once per element.")),
    ("Extra content at the end", _("Keep everything inside one root element.")),
    ("Document is empty", _("The file must contain one root element.")),
    ("Premature end of data", _("An element is not closed: add its end tag.")),
    ("EndTag", _("Check the end tag is spelled </name> with the same name as its start tag.")),
    (
        "Couldn't find end of Start Tag",
        _("Finish the start tag with > (or /> for an empty element)."),
    ),
)


def _syntax_fix(message: str) -> Message:
    for prefix, fix in _SYNTAX_FIXES:
        if message.startswith(prefix):
            return Message(fix)
    return Message(_("Check the XML is well formed near this line."))


def _line_of(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, index) + 1


def _refuse_doctype(data: bytes, source: str) -> None:
    # A DOCTYPE can only stand in the prolog, before the root element. Refusing it before
    # parsing means no DTD, entity declaration or external reference is ever processed.
    position = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    while match := _PROLOG_ITEM.match(data, position):
        position = match.end()
    if _DOCTYPE.match(data, position):
        raise OLXError(
            Message(_("DOCTYPE and ENTITY declarations are not allowed")),
            source=source,
            line=_line_of(data, position),
            fix=Message(
                _("Remove the declaration; write special characters as &amp; &lt; or in CDATA.")
            ),
        )


def _as_utf8(data: str | bytes, source: str) -> bytes:
    if isinstance(data, bytes):
        for bom, codec in _WIDE_BOMS:
            if data.startswith(bom):
                try:
                    data = data[len(bom) :].decode(codec)
                except UnicodeDecodeError as error:
                    message = Message(
                        _("the file is not valid {codec} text: {error}"),
                        codec=codec,
                        error=Message.verbatim(str(error)),
                    )
                    raise OLXError(message, source=source) from None
                break
        else:
            return data
    # lxml refuses str input that declares an encoding; the declaration adds nothing here.
    data = _XML_DECLARATION.sub(lambda match: "\n" * match.group().count("\n"), data)
    return data.encode("utf-8")


def parse_xml(data: str | bytes, *, source: str = "<string>") -> etree._Element:
    """Parse authored XML safely; any problem is an OLXError naming `source` and the line."""
    # Checked before decoding too: no encoding needs more than four bytes a character.
    if len(data) > MAX_XML_BYTES * 4 or len(encoded := _as_utf8(data, source)) > MAX_XML_BYTES:
        raise OLXError(
            Message(_("the document is over the {limit}-byte limit"), limit=f"{MAX_XML_BYTES:,}"),
            source=source,
            fix=Message(_("Split the content, or move large media out of the XML.")),
        )
    _refuse_doctype(encoded, source)
    parser = _parser()
    try:
        root = etree.fromstring(encoded, parser)
    except etree.XMLSyntaxError as error:
        # The parser's own log: the exception's log is shared by every parse in the thread.
        first = parser.error_log[0] if len(parser.error_log) else None
        message = first.message if first is not None else str(error.msg)
        line = first.line if first is not None else error.lineno
        raise OLXError(
            Message.verbatim(message), source=source, line=line or None, fix=_syntax_fix(message)
        ) from None
    if root.getroottree().docinfo.doctype:
        # A second lock, for encodings the byte scan above cannot read.
        raise OLXError(Message(_("DOCTYPE declarations are not allowed")), source=source, line=1)
    return root


@functools.cache
def load_relaxng(package: str, name: str) -> etree.RelaxNG:
    """The RELAX NG schema `name` shipped in `package` (parsed once per process)."""
    resource = importlib.resources.files(package).joinpath(name)
    source = f"{package}/{name}"
    with importlib.resources.as_file(resource) as path:
        try:
            document = etree.parse(str(path), _parser())
            return etree.RelaxNG(document)
        except etree.XMLSyntaxError as error:
            raise OLXError(str(error.msg), source=source, line=error.lineno) from None
        except etree.RelaxNGParseError as error:
            message = Message(
                _("invalid RELAX NG schema: {error}"), error=Message.verbatim(str(error))
            )
            raise OLXError(message, source=source) from None


# libxml2 RELAX NG messages -> (readable message, fix). The named groups are element and
# attribute names, or a value; {parent} is the element the message is about.
_SCHEMA_MESSAGES = (
    (
        re.compile(r"Did not expect element (?P<element>\S+) there"),
        _("element <{element}> is not allowed here"),
        _("Remove <{element}>, check its spelling, or move it to where it belongs."),
    ),
    (
        re.compile(r"Expecting an element , got nothing"),
        _("<{parent}> is missing a required child element"),
        _("Add the missing element to <{parent}> (see the documented format)."),
    ),
    (
        re.compile(r"Expecting an element (?P<element>\S+), got nothing"),
        _("element <{element}> is missing"),
        _("Add the <{element}> element."),
    ),
    (
        re.compile(r"Expecting element (?P<expected>\S+), got (?P<found>\S+)"),
        _("expected <{expected}> but found <{found}>"),
        _("Check the order and spelling of the child elements."),
    ),
    (
        re.compile(r"Invalid attribute (?P<attribute>\S+) for element (?P<element>\S+)"),
        _(
            'attribute "{attribute}" is not allowed on <{element}>, or its value is not one of '
            "the allowed values"
        ),
        _(
            'Check the spelling of "{attribute}" and its value; remove it if <{element}> does '
            "not take it."
        ),
    ),
    (
        re.compile(r"Element (?P<element>\S+) failed to validate attributes"),
        _(
            "<{element}> is missing a required attribute or has an attribute value that is not "
            "allowed"
        ),
        _("Compare the attributes of <{element}> with the documented format."),
    ),
    (
        re.compile(r"Element (?P<element>\S+) has extra content: (?P<content>\S+)"),
        _("<{element}> has content that is not allowed: {content}"),
        _("Remove the extra content from <{element}>."),
    ),
    (
        re.compile(r"Extra element (?P<element>\S+) in interleave"),
        _("element <{element}> is not allowed here or appears too often"),
        _("Remove the extra <{element}>."),
    ),
    (
        re.compile(r"Element (?P<element>\S+) failed to validate content"),
        _("the content of <{element}> does not match the documented format"),
        _("Compare the children of <{element}> with the documented format."),
    ),
    (
        re.compile(r"Type (?P<type>\S+) doesn't allow value '(?P<value>.*)'"),
        _("the value '{value}' is not a valid {type}"),
        _("Use a value of type {type}."),
    ),
    (
        re.compile(r"Value '(?P<value>.*)' for attribute ?(?P<attribute>\S*)"),
        _("the value '{value}' is not allowed here"),
        _("Use one of the documented values."),
    ),
)
_GENERIC = re.compile(
    r"failed to validate content|failed to validate attributes|Invalid sequence in interleave"
)


def _readable(message: str, path: str | None) -> tuple[Message, Message]:
    # The element the message is about, from its path such as /eip_appraisal/study[2].
    parent = re.sub(r"\[\d+\]$", "", (path or "").rstrip("/").rpartition("/")[2]) or "?"
    for pattern, text, fix in _SCHEMA_MESSAGES:
        match = pattern.search(message)
        if match:
            values = match.groupdict()
            return Message(text, parent=parent, **values), Message(fix, parent=parent, **values)
    return Message.verbatim(message), Message(_("Compare the element with the documented format."))


def schema_errors(element: etree._Element, schema: etree.RelaxNG, *, source: str) -> list[OLXError]:
    """Every way `element` breaks `schema`, each with its line, a readable message and a fix."""
    if schema.validate(element):
        return []
    entries = [entry for entry in schema.error_log if entry.message]
    specific = [entry for entry in entries if not _GENERIC.search(entry.message)]
    # RELAX NG repeats a failure as "failed to validate content" on each ancestor; the
    # specific messages say what is wrong, so the generic ones are dropped when both exist.
    chosen = specific or entries
    errors: list[OLXError] = []
    seen: set[tuple[int, str]] = set()
    for entry in chosen:
        message, fix = _readable(entry.message, entry.path)
        if (entry.line, message) in seen:
            continue
        seen.add((entry.line, message))
        errors.append(OLXError(message, source=source, line=entry.line or None, fix=fix))
    if not errors:
        errors.append(OLXError(Message(_("does not match the schema")), source=source))
    return errors


def validate_schema(element: etree._Element, schema: etree.RelaxNG, *, source: str) -> None:
    """Raise OLXErrors listing every schema problem of `element`, if there is any."""
    errors = schema_errors(element, schema, source=source)
    if errors:
        raise OLXErrors(errors)


def serialize(element: etree._Element) -> str:
    """`element` as unicode XML: no declaration, CDATA sections kept, its tail left out."""
    return etree.tostring(element, encoding="unicode", with_tail=False)
