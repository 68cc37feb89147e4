"""Course versions as workbench scenarios: one per section and one per unit, made by the
same code as `eip build`, in OLX the XBlock runtime parses."""

from __future__ import annotations

from string import Template

import pytest
from lxml import etree
from xblock.runtime import DictKeyValueStore, KvsFieldData
from xblock.test.tools import TestRuntime

from eip.workbench import course_scenarios as module
from eip.workbench.course_scenarios import course_scenarios


@pytest.fixture
def scenarios(demo):
    return course_scenarios(demo.parent)


def test_one_scenario_per_section_and_per_unit(scenarios):
    names = [name for name, _, _ in scenarios]
    assert names[:4] == [
        "eip_course.demo.1.0.01-why-evidence",
        "eip_course.demo.1.0.01-why-evidence.01-four-sources",
        "eip_course.demo.1.0.01-why-evidence.02-appraising-a-trial",
        "eip_course.demo.1.0.02-in-practice",
    ]
    assert len(names) == len(set(names)) == (2 + 4) + (2 + 5)
    descriptions = dict((name, description) for name, description, _ in scenarios)
    assert descriptions["eip_course.demo.1.1.02-in-practice.02-weighing-an-evaluation"] == (
        "A demonstration course 1.1 · 2.2 Weighing an evaluation"
    )
    assert descriptions["eip_course.demo.1.0.01-why-evidence"] == (
        "A demonstration course 1.0 · 1. Why evidence matters (whole section)"
    )


def test_every_scenario_parses_in_the_xblock_runtime(scenarios):
    for _, description, xml in scenarios:
        runtime = TestRuntime(services={"field-data": KvsFieldData(DictKeyValueStore())})
        root = runtime.get_block(runtime.parse_xml_string(xml))
        assert root.scope_ids.block_type == "vertical_demo", description
        assert root.children, description


def test_a_unit_scenario_holds_prose_then_the_exercise(scenarios):
    xml = dict((name, xml) for name, _, xml in scenarios)[
        "eip_course.demo.1.0.01-why-evidence.02-appraising-a-trial"
    ]
    runtime = TestRuntime(services={"field-data": KvsFieldData(DictKeyValueStore())})
    unit = runtime.get_block(runtime.parse_xml_string(xml))
    kinds = [runtime.get_block(child).scope_ids.block_type for child in unit.children]
    assert kinds == ["html_demo", "eip_appraisal", "html_demo"]
    text = runtime.get_block(unit.children[0]).content
    assert "A randomised trial is the fairest test" in text
    assert 'lang="cy"' in text


def test_preview_blocks_name_the_version_they_belong_to(scenarios):
    """The workbench runs every block in one made-up course, so the preview's block carries
    the version itself: its events (and so the report) name the version shown."""
    from xblocks.core.events import course_version

    checked = 0
    for name, _, xml in scenarios:
        version = ".".join(name.split(".")[2:4])  # eip_course.<slug>.<version>.<section>...
        runtime = TestRuntime(services={"field-data": KvsFieldData(DictKeyValueStore())})
        unit = runtime.get_block(runtime.parse_xml_string(xml))
        for block in (runtime.get_block(child) for child in unit.children):
            if block.scope_ids.block_type.startswith("eip_"):
                assert course_version(block) == version, name
                checked += 1
    assert checked


def test_static_images_are_inlined_and_dollars_kept_literal(scenarios):
    xml = dict((name, xml) for name, _, xml in scenarios)[
        "eip_course.demo.1.0.01-why-evidence.01-four-sources"
    ]
    assert 'src="data:image/svg+xml;base64,' in xml
    assert "static/sources.svg" not in xml


def test_the_section_scenario_walks_every_unit(scenarios):
    xml = dict((name, xml) for name, _, xml in scenarios)["eip_course.demo.1.0.02-in-practice"]
    assert "<h2>Appraising a qualitative study</h2>" in xml
    assert "<h2>Your competency record</h2>" in xml
    assert "Qualitative research tells us" in xml


def test_a_block_that_is_not_installed_is_described_not_broken(demo, monkeypatch):
    monkeypatch.setattr(module, "_installed_blocks", lambda: {"eip_appraisal", "eip_case_study"})
    xml = dict((name, xml) for name, _, xml in course_scenarios(demo.parent))[
        "eip_course.demo.1.0.02-in-practice.02-your-record"
    ]
    assert "<eip_competency_tracker" not in xml
    assert "(eip_competency_tracker); that block is not installed in this workbench" in xml


def test_courses_folder_from_the_environment(demo, monkeypatch, tmp_path):
    monkeypatch.setenv("EIP_COURSES_DIR", str(demo.parent))
    assert len(course_scenarios()) == 13
    monkeypatch.setenv("EIP_COURSES_DIR", str(tmp_path / "absent"))
    assert course_scenarios() == []


def test_courses_folder_from_the_working_folder(demo, monkeypatch, tmp_path):
    monkeypatch.delenv("EIP_COURSES_DIR", raising=False)
    monkeypatch.chdir(demo.parent.parent)
    assert len(course_scenarios()) == 13
    monkeypatch.chdir(tmp_path)
    assert course_scenarios() == []


def test_install_adds_course_scenarios_whenever_the_workbench_loads_its_own(monkeypatch):
    from workbench import runtime_util, scenarios, views

    calls = []
    monkeypatch.setattr(scenarios, "init_scenarios", lambda: calls.append("sdk"))
    monkeypatch.setattr(runtime_util, "init_scenarios", scenarios.init_scenarios)
    monkeypatch.setattr(views, "get_scenarios", lambda: calls.append("get") or {})
    monkeypatch.setattr(module, "add_course_scenarios", lambda: calls.append("courses"))
    module.install()
    module.install()  # a second call does not wrap twice
    scenarios.init_scenarios()
    runtime_util.init_scenarios()
    assert views.get_scenarios() == {}
    assert calls == ["sdk", "courses", "sdk", "courses", "get"]


def test_a_dollar_in_prose_stays_a_dollar(tmp_path):
    element = module._text("<p>A session costs $5 ($PLACEHOLDER).</p>", tmp_path)
    content = "".join(etree.tostring(child, encoding="unicode") for child in element)
    assert Template(content).substitute() == (
        '<div class="eip-course-text" lang="en"><p>A session costs $5 ($PLACEHOLDER).</p></div>'
    )


def test_a_reference_that_cannot_be_placed_shows_a_note(fixtures):
    scenarios = course_scenarios(fixtures / "unknown-reference" / "courses")
    xml = dict((name, xml) for name, _, xml in scenarios)[
        "eip_course.demo.1.0.01-why-evidence.01-appraising-a-trial"
    ]
    assert 'Here the unit places appraisal "fgc-trail", which cannot be shown' in xml
    assert "When you have finished" in xml  # the rest of the unit is still previewed
