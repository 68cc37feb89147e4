"""Reading an authored file (all problems at once), a block's fields as an element, report
rows and workbench scenario text."""

from types import SimpleNamespace

import pytest

from xblocks.core.reading import misnamed_file, read_authored, root_of_parts
from xblocks.core.reports import report_rows
from xblocks.core.scenarios import scenario_xml
from xblocks.core.xml import OLXErrors, load_relaxng


@pytest.fixture
def schema(sample_package):
    return load_relaxng(sample_package, "schema.rng")


def _titles(root, problems):
    for answer in root.findall("answer"):
        problems.add(answer, f"answer {answer.get('item')} is not wanted", "remove it.")
    return root.findtext("title")


def test_read_authored_gives_what_read_makes(schema):
    xml = '<exercise weight="1"><title>T</title></exercise>'
    assert read_authored(xml, source="a.xml", schema=schema, read=_titles) == "T"


def test_read_authored_reports_every_problem_read_adds(schema):
    xml = '<exercise weight="1">\n<title>T</title>\n<answer item="1"/>\n<answer item="2"/>\n'
    xml += "</exercise>"
    with pytest.raises(OLXErrors) as caught:
        read_authored(xml, source="a.xml", schema=schema, read=_titles)
    assert [(error.source, error.line) for error in caught.value.errors] == [
        ("a.xml", 3),
        ("a.xml", 4),
    ]


@pytest.mark.parametrize("xml", ["<exercise>", '<exercise weight="heavy"><title/></exercise>'])
def test_read_authored_stops_at_syntax_and_schema(schema, xml):
    with pytest.raises(OLXErrors) as caught:
        read_authored(xml, source="a.xml", schema=schema, read=_titles)
    assert all(error.source == "a.xml" for error in caught.value.errors)


def test_root_of_parts_writes_attributes_as_authors_do_and_leaves_none_out():
    root = root_of_parts("exercise", {"weight": 1.0, "mode": None}, "<title>T</title>", source="s")
    assert dict(root.attrib) == {"weight": "1"}
    assert root.findtext("title") == "T"


def test_root_of_parts_names_the_line_of_a_syntax_error():
    with pytest.raises(OLXErrors) as caught:
        root_of_parts("exercise", {}, "<title>\n</titel>", source="Studio editor")
    assert caught.value.errors[0].source == "Studio editor"
    assert caught.value.errors[0].line == 2


def test_misnamed_file_says_how_to_fix_it():
    (error,) = misnamed_file("framework", "a", "b", source="x/b.xml").errors
    assert error.line == 1 and '"a"' in error.message and "a.xml" in error.fix


def test_report_rows_skip_learners_without_a_row_and_stop_at_the_limit():
    states = [SimpleNamespace(username=name, state={"n": n}) for n, name in enumerate("abcd")]
    rows = report_rows(states, lambda state: state if state["n"] != 1 else None, 2)
    assert list(rows) == [("a", {"n": 0}), ("c", {"n": 2})]


def test_scenario_xml_drops_only_the_declaration():
    assert scenario_xml('  <?xml version="1.0"?>\n<a><?pi x?></a>') == "<a><?pi x?></a>"
