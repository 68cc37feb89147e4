"""Hardened XML parsing, schema validation and the errors trainers read."""

import time

import pytest
from lxml import etree

from xblocks.core.xml import (
    MAX_XML_BYTES,
    OLXError,
    OLXErrors,
    load_relaxng,
    parse_xml,
    schema_errors,
    serialize,
    validate_schema,
)

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz>&lol9;</lolz>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE eip_appraisal [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<eip_appraisal display_name="&xxe;">&xxe;</eip_appraisal>
"""

HOSTILE_DOCUMENTS = {
    "billion laughs": BILLION_LAUGHS,
    "external entity": EXTERNAL_ENTITY,
    "external DTD": '<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>',
    "network DTD": '<!DOCTYPE a PUBLIC "-//x//y" "http://example.org/a.dtd"><a/>',
    "parameter entity": '<!DOCTYPE a [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><a/>',
    "lowercase doctype": '<!doctype a [<!ENTITY x "y">]><a>&x;</a>',
    "after a comment": (
        '<?xml version="1.0"?>\n<!-- <![CDATA[ -->\n<!DOCTYPE a [<!ENTITY x "y">]><a/>'
    ),
    "after a byte order mark": '\ufeff<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
}


@pytest.mark.parametrize("case", HOSTILE_DOCUMENTS, ids=list(HOSTILE_DOCUMENTS))
@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
def test_doctype_and_entities_are_refused(case, as_bytes):
    data = HOSTILE_DOCUMENTS[case]
    if as_bytes:
        data = data.encode("utf-8")
    started = time.monotonic()

    with pytest.raises(OLXError) as caught:
        parse_xml(data, source="evil.xml")

    assert time.monotonic() - started < 1
    assert "DOCTYPE" in caught.value.message
    assert caught.value.source == "evil.xml"
    assert caught.value.line is not None
    assert "root:" not in str(caught.value)  # nothing from /etc/passwd


def test_doctype_is_refused_in_utf16_too():
    with pytest.raises(OLXError, match="DOCTYPE"):
        parse_xml(EXTERNAL_ENTITY.replace('"1.0"?>', '"1.0" encoding="UTF-16"?>').encode("utf-16"))


def test_doctype_line_is_reported():
    with pytest.raises(OLXError) as caught:
        parse_xml(EXTERNAL_ENTITY, source="evil.xml")

    assert caught.value.line == 2
    assert str(caught.value).startswith("evil.xml:2: DOCTYPE and ENTITY declarations")


def test_undeclared_entities_are_not_expanded():
    with pytest.raises(OLXError) as caught:
        parse_xml("<a>\n&xxe;</a>", source="x.xml")

    assert caught.value.line == 2
    assert "xxe" in caught.value.message


def test_doctype_text_inside_cdata_and_comments_is_just_text():
    root = parse_xml(
        '<a><!-- <!DOCTYPE x> --><b><![CDATA[<!DOCTYPE y [<!ENTITY z "1">]>]]></b></a>'
    )

    assert root.find("b").text == '<!DOCTYPE y [<!ENTITY z "1">]>'


def test_oversize_input_is_refused():
    data = "<a>" + "x" * MAX_XML_BYTES + "</a>"

    with pytest.raises(OLXError) as caught:
        parse_xml(data, source="big.xml")

    assert "limit" in caught.value.message
    assert caught.value.source == "big.xml"


def test_input_just_under_the_limit_parses():
    data = "<a>" + "x" * (MAX_XML_BYTES - 10) + "</a>"

    assert len(parse_xml(data).text) == MAX_XML_BYTES - 10


SYNTAX_ERRORS = {
    "tag mismatch": ("<a>\n<b>\n</a>", 3, "Opening and ending tag mismatch", "reverse order"),
    "bare ampersand": ("<a>\n\nFish & chips</a>", 3, "EntityRef", "&amp;"),
    "unquoted attribute": ("<a>\n<b weight=1/></a>", 2, "AttValue", "quotes"),
    "bare less-than": ("<a>\n1 < 2</a>", 2, "StartTag: invalid element name", "&lt;"),
    "two roots": ("<a/>\n<b/>", 2, "Extra content at the end", "one root element"),
    "empty": ("", 1, "Document is empty", "one root element"),
    "unclosed": ("<a>\n<b>", 2, "", "Fix:"),
    "repeated attribute": ('<a x="1" x="2"/>', 1, "Attribute x redefined", "only once"),
    "html entity": ("<a>&nbsp;</a>", 1, "Entity 'nbsp' not defined", "&#160;"),
}


@pytest.mark.parametrize("case", SYNTAX_ERRORS, ids=list(SYNTAX_ERRORS))
def test_syntax_errors_carry_source_line_and_fix(case):
    data, line, message, fix = SYNTAX_ERRORS[case]

    with pytest.raises(OLXError) as caught:
        parse_xml(data, source="assessments/appraisals/fgc.xml")

    error = caught.value
    assert error.source == "assessments/appraisals/fgc.xml"
    assert error.line == line
    assert message in error.message
    assert error.fix
    assert str(error).startswith(f"assessments/appraisals/fgc.xml:{line}: ")
    assert fix in str(error)


def test_parsing_keeps_cdata_comments_and_lines():
    data = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<a>\n  <!-- note -->\n  <b><![CDATA[x < y]]></b>\n</a>"
    )

    for source in (data, data.encode("utf-8")):
        root = parse_xml(source)
        assert root.find("b").sourceline == 4
        assert serialize(root) == "<a>\n  <!-- note -->\n  <b><![CDATA[x < y]]></b>\n</a>"


def test_str_input_keeps_line_numbers_after_a_multiline_declaration():
    root = parse_xml('<?xml version="1.0"\n encoding="UTF-8"?>\n<a>\n<b/></a>')

    assert root.find("b").sourceline == 4


def test_serialize_has_no_declaration_and_no_tail():
    root = parse_xml("<a><b>é</b> tail</a>")

    assert serialize(root.find("b")) == "<b>é</b>"
    assert isinstance(serialize(root), str)


def test_olx_error_formats():
    assert str(OLXError("bad")) == "bad"
    assert str(OLXError("bad", source="f.xml")) == "f.xml: bad"
    assert str(OLXError("bad", line=3)) == "line 3: bad"
    assert str(OLXError("bad", source="f.xml", line=3, fix="Do X.")) == "f.xml:3: bad Fix: Do X."
    assert isinstance(OLXError("bad"), ValueError)


def test_with_source_copies_subclasses_and_details():
    class UnknownThing(OLXError):
        def __init__(self, name: str) -> None:
            super().__init__(f"unknown {name}", line=4, fix="Use a known one.")
            self.name = name

    original = UnknownThing("rct2")
    copy = original.with_source("a.xml")

    assert type(copy) is UnknownThing
    assert copy.name == "rct2"
    assert str(copy) == "a.xml:4: unknown rct2 Fix: Use a known one."
    assert original.source is None


def test_olx_errors_lists_one_per_line():
    errors = OLXErrors([OLXError("one", line=1), OLXError("two", source="f.xml", line=2)])

    assert str(errors) == "line 1: one\nf.xml:2: two"
    assert len(errors) == 2
    assert [error.message for error in errors] == ["one", "two"]
    assert isinstance(errors, ValueError)


def test_load_relaxng_is_cached(sample_package):
    schema = load_relaxng(sample_package, "schema.rng")

    assert isinstance(schema, etree.RelaxNG)
    assert load_relaxng(sample_package, "schema.rng") is schema


VALID = '<exercise weight="1">\n  <title>T</title>\n  <answer item="1">x</answer>\n</exercise>'


def test_valid_document_has_no_schema_errors(sample_package):
    schema = load_relaxng(sample_package, "schema.rng")

    assert schema_errors(parse_xml(VALID), schema, source="ok.xml") == []
    validate_schema(parse_xml(VALID), schema, source="ok.xml")


SCHEMA_CASES = {
    "unexpected element": (
        '<exercise weight="1">\n  <title>T</title>\n  <answr item="1">x</answr>\n</exercise>',
        3,
        "answr",
    ),
    "missing element": ('<exercise weight="1">\n</exercise>', 1, "<exercise> is missing"),
    "value not in a choice": (
        '<exercise weight="1" mode="c">\n  <title>T</title>\n</exercise>',
        1,
        '"mode"',
    ),
    "unknown attribute": (
        '<exercise weight="1">\n  <title>T</title>\n  <answer item="1" score="2">x</answer>\n'
        "</exercise>",
        3,
        "score",
    ),
    "bad attribute value": (
        '<exercise weight="heavy">\n  <title>T</title>\n</exercise>',
        1,
        "'heavy' is not a valid decimal",
    ),
    "misplaced element": (
        '<exercise weight="1">\n  <answer item="1">x</answer>\n  <title>T</title>\n</exercise>',
        2,
        "<answer>",
    ),
    "missing attribute": ("<exercise>\n  <title>T</title>\n</exercise>", 1, "exercise"),
}


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=list(SCHEMA_CASES))
def test_schema_errors_report_lines_and_fixes(sample_package, case):
    data, line, named = SCHEMA_CASES[case]
    schema = load_relaxng(sample_package, "schema.rng")

    errors = schema_errors(parse_xml(data), schema, source="bad.xml")

    assert errors
    assert errors[0].line == line
    assert errors[0].source == "bad.xml"
    assert errors[0].fix
    assert named in errors[0].message
    assert str(errors[0]).startswith(f"bad.xml:{line}: ")


def test_schema_messages_are_readable(sample_package):
    schema = load_relaxng(sample_package, "schema.rng")
    data = SCHEMA_CASES["unexpected element"][0]

    (error,) = schema_errors(parse_xml(data), schema, source="bad.xml")

    assert error.message == "element <answr> is not allowed here"
    assert "failed to validate" not in str(error)


def test_validate_schema_raises_every_error(sample_package):
    schema = load_relaxng(sample_package, "schema.rng")
    data = SCHEMA_CASES["unknown attribute"][0]

    with pytest.raises(OLXErrors) as caught:
        validate_schema(parse_xml(data), schema, source="bad.xml")

    assert all(error.source == "bad.xml" for error in caught.value.errors)
    assert str(caught.value).splitlines()[0].startswith("bad.xml:3: ")
