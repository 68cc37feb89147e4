"""Welsh companion files (`NN-slug.cy.md`, `section.cy.md`): read beside their English pages
and checked like them, each refusal naming the file and line; built as pages that show the
Welsh first and the English after, each in a region marked with its language and linked to
the other; recorded in the manifest; previewed in the workbench; shown by `eip diff`."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest
from lxml import etree
from xblock.runtime import DictKeyValueStore, KvsFieldData
from xblock.test.tools import TestRuntime

from eip.course.bilingual import WORDS
from eip.course.check import check
from eip.course.diff import diff_versions
from eip.course.diff_report import format_diff
from eip.course.model import Prose, Reference
from eip.workbench.course_scenarios import course_scenarios

SECTION = "01-why-evidence"
FOUR = f"{SECTION}/01-four-sources"  # a unit with an image and outcomes
TRIAL = f"{SECTION}/02-appraising-a-trial"  # a unit with an appraisal between its prose


@pytest.fixture
def bilingual(fixtures: Path) -> Path:
    """The fixture course whose one section has Welsh for every page."""
    return fixtures / "bilingual" / "courses" / "demo"


@pytest.fixture
def version(copy_fixture: Callable[[str], Path]) -> Path:
    """A copy of the bilingual fixture's version 1.0, to change."""
    return copy_fixture("bilingual") / "courses" / "demo" / "1.0"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _html(build, folder: Path, archive_file, name: str) -> lxml.html.HtmlElement:
    data = archive_file(build(folder).archive, f"course/html/{name}.html").decode()
    return lxml.html.fragment_fromstring(data, create_parent="div")


# --- reading ---------------------------------------------------------------------------------


def test_companions_are_read_beside_their_pages(bilingual, load):
    loaded = load(bilingual / "1.0")
    (section,) = loaded.version.sections
    assert section.languages == ("en", "cy")
    assert section.welsh.path.name == "section.cy.md"
    assert section.welsh.parts[0].markdown.startswith("Mae ymarfer yn tynnu ar ymchwil")
    four, trial = section.units
    assert [unit.languages for unit in section.units] == [("en", "cy"), ("en", "cy")]
    assert four.outcomes_cy == ("Enwi pedair ffynhonnell tystiolaeth",)
    kinds = [type(part) for part in trial.welsh.parts]
    assert kinds == [Prose, Reference, Prose]
    assert trial.welsh.parts[1] == Reference("appraisal", "fgc-trial", 4)
    # a companion is not a unit of its own
    assert [unit.name for unit in section.units] == ["01-four-sources", "02-appraising-a-trial"]


def test_a_page_without_a_companion_is_english_only(demo, load):
    unit = load(demo / "1.0").version.sections[0].units[0]
    assert (unit.welsh, unit.languages) == (None, ("en",))


# Each refusal: (what to do to the copy, the file named, its line, words of the message).
def _front_matter(v: Path) -> None:
    path = v / f"{FOUR}.cy.md"
    path.write_text('\n+++\ntitle = "Pedair"\n+++\n' + path.read_text(encoding="utf-8"))


def _no_alt(v: Path) -> None:
    _edit(
        v / f"{FOUR}.cy.md", "![Pedwar sgwâr lliw, un ar gyfer pob ffynhonnell tystiolaeth]", "![]"
    )


def _missing_static(v: Path) -> None:
    _edit(v / f"{FOUR}.cy.md", "static/sources.svg", "static/ffynonellau.svg")


def _other_assessment(v: Path) -> None:
    _edit(v / f"{TRIAL}.cy.md", "::: appraisal fgc-trial", "::: appraisal another-trial")


def _missing_assessment(v: Path) -> None:
    _edit(v / f"{TRIAL}.cy.md", "::: appraisal fgc-trial\n", "")


def _extra_assessment(v: Path) -> None:
    path = v / f"{TRIAL}.cy.md"
    path.write_text(
        path.read_text(encoding="utf-8") + "\n::: competency-tracker research-literacy\n"
    )


def _malformed_assessment(v: Path) -> None:
    _edit(v / f"{TRIAL}.cy.md", "::: appraisal fgc-trial", "::: arfarniad fgc-trial")


def _text_missing_after(v: Path) -> None:
    _edit(v / f"{TRIAL}.cy.md", "Pan fyddwch wedi gorffen, cymharwch eich atebion ag ateb yr "
          "arbenigwr.\n", "")  # fmt: skip


def _text_only_in_welsh(v: Path) -> None:
    _edit(
        v / f"{TRIAL}.md", "When you have finished, compare your answers with the expert's.\n", ""
    )


def _orphan(v: Path) -> None:
    (v / SECTION / "03-no-english.cy.md").write_text("Testun heb ei Saesneg.\n")


def _orphan_section(v: Path) -> None:
    (v / "02-no-section").mkdir()
    (v / "02-no-section" / "section.cy.md").write_text("Cyflwyniad.\n")
    shutil.copy(v / f"{FOUR}.md", v / "02-no-section" / "01-a-unit.md")


def _course_not_in_welsh(v: Path) -> None:
    _edit(v.parent / "course.toml", 'languages = ["en", "cy"]', 'languages = ["en"]')


def _outcomes_cy_missing(v: Path) -> None:
    _edit(v / f"{FOUR}.md", 'outcomes_cy = ["Enwi pedair ffynhonnell tystiolaeth"]\n', "")


def _outcomes_cy_short(v: Path) -> None:
    _edit(v / SECTION / "section.md", '  "Arfarnu hap-dreial gyda rhestr wirio",\n', "")


def _assessment_in_section(v: Path) -> None:
    path = v / SECTION / "section.cy.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n::: appraisal fgc-trial\n")


def _empty(v: Path) -> None:
    (v / f"{FOUR}.cy.md").write_text("\n\n")


REFUSALS = {
    "front matter": (_front_matter, f"{FOUR}.cy.md", 2, "a Welsh file has no front matter"),
    "image without alt text": (_no_alt, f"{FOUR}.cy.md", 3, "an image has no alt text"),
    "missing static file": (
        _missing_static, f"{FOUR}.cy.md", 3, '"static/ffynonellau.svg" is not a file',
    ),
    "another assessment": (
        _other_assessment, f"{TRIAL}.cy.md", 4,
        'places "::: appraisal another-trial" where 02-appraising-a-trial.md places '
        '"::: appraisal fgc-trial" (line 10)',
    ),
    "an assessment left out": (
        _missing_assessment, f"{TRIAL}.cy.md", 5,
        'the Welsh file lacks "::: appraisal fgc-trial", which 02-appraising-a-trial.md '
        "places at line 10",
    ),
    "an assessment added": (
        _extra_assessment, f"{TRIAL}.cy.md", 8,
        'the Welsh file places "::: competency-tracker research-literacy", which '
        "02-appraising-a-trial.md does not",
    ),
    "a malformed assessment line": (
        _malformed_assessment, f"{TRIAL}.cy.md", 4, '"::: arfarniad fgc-trial" is not a reference',
    ),
    "text left out": (
        _text_missing_after, f"{TRIAL}.cy.md", 4,
        '02-appraising-a-trial.md has text after "::: appraisal fgc-trial" (line 11), but the '
        "Welsh file has none",
    ),
    "text only in Welsh": (
        _text_only_in_welsh, f"{TRIAL}.cy.md", 5,
        'the Welsh file has text after "::: appraisal fgc-trial", but 02-appraising-a-trial.md '
        "has none there",
    ),
    "a unit's Welsh without its English": (
        _orphan, f"{SECTION}/03-no-english.cy.md", 1,
        "a Welsh file without its English file: there is no 03-no-english.md",
    ),
    "a section's Welsh without its English": (
        _orphan_section, "02-no-section/section.cy.md", 1,
        "a Welsh file without its English file: there is no section.md",
    ),
    "a course not in Welsh": (
        _course_not_in_welsh, f"{FOUR}.cy.md", 1,
        'a Welsh file in a course that is not in Welsh: course.toml languages lack "cy"',
    ),
    "outcomes without their Welsh": (
        _outcomes_cy_missing, f"{FOUR}.md", 5, "outcomes_cy is missing: the page has Welsh text",
    ),
    "fewer Welsh outcomes": (
        _outcomes_cy_short, f"{SECTION}/section.md", 9,
        "outcomes_cy has 1 sentences but outcomes has 2",
    ),
    "an assessment in a section": (
        _assessment_in_section, f"{SECTION}/section.cy.md", 5,
        "assessments go in units, not in section.cy.md",
    ),
    "an empty file": (_empty, f"{FOUR}.cy.md", 1, "the Welsh file is empty"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_each_refusal_names_the_file_and_line(version, name):
    change, path, line, words = REFUSALS[name]
    change(version)
    problems = list(check([version], olx=False).problems)
    found = [
        problem
        for problem in problems
        if words in problem.message and problem.source.endswith(f"courses/demo/1.0/{path}")
    ]
    assert found, "\n".join(str(problem) for problem in problems)
    problem = found[0]
    assert problem.line == line
    assert problem.fix
    assert str(problem).startswith(f"{problem.source}:{line}: ")
    assert " Fix: " in str(problem)


def test_the_fixture_itself_has_no_problems(bilingual):
    report = check([bilingual])
    assert not report.problems, "\n".join(str(problem) for problem in report.problems)
    assert report.olx_checked == 1  # the built OLX passed olxcleaner too


# --- building --------------------------------------------------------------------------------


def _regions(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return root.find_class("eip-language")


def test_a_bilingual_page_shows_welsh_first_then_english(bilingual, build, archive_file):
    root = _html(build, bilingual / "1.0", archive_file, "why-evidence_four-sources__text1")
    welsh, english = _regions(root)
    assert (welsh.get("lang"), english.get("lang")) == ("cy", "en")
    assert root.text_content().index("Pedair ffynhonnell") < root.text_content().index(
        "Four sources"
    )
    assert "Ymchwil, doethineb ymarfer" in welsh.text_content()
    assert "Ymchwil" not in english.text_content()
    assert "Research, practice wisdom" in english.text_content()
    assert "Research, practice wisdom" not in welsh.text_content()
    # each labelled with its language's name
    for region, name in ((welsh, "Cymraeg"), (english, "English")):
        (label,) = region.find_class("eip-language-label")
        assert label.text_content() == name
        assert region.get("aria-labelledby") == label.get("id")


def test_each_region_links_to_the_other(bilingual, build, archive_file):
    root = _html(build, bilingual / "1.0", archive_file, "why-evidence_four-sources__text1")
    welsh, english = _regions(root)
    (to_english,) = welsh.find_class("eip-language-switch")
    (to_welsh,) = english.find_class("eip-language-switch")
    assert (to_english.text_content(), to_english.get("lang")) == ("Read in English", "en")
    assert (to_welsh.text_content(), to_welsh.get("lang")) == ("Darllen yn Gymraeg", "cy")
    assert to_english.get("href") == f"#{english.get('id')}"
    assert to_welsh.get("href") == f"#{welsh.get('id')}"


def test_the_words_the_build_adds_are_in_each_region_s_language(bilingual, build, archive_file):
    root = _html(build, bilingual / "1.0", archive_file, "why-evidence_four-sources__text1")
    welsh, english = (region.text_content() for region in _regions(root))
    assert "Pedair ffynhonnell tystiolaeth" in welsh  # the Welsh title, in the Welsh region
    assert "Tua 15 munud" in welsh and "About" not in welsh
    assert "Yn yr uned hon, byddwch yn:" in welsh and "In this unit" not in welsh
    assert "Enwi pedair ffynhonnell tystiolaeth" in welsh
    assert "About 15 minutes" in english and "In this unit you will:" in english
    assert "Name the four sources of evidence" in english
    assert "Pedair ffynhonnell tystiolaeth" not in english and "Tua" not in english
    intro = _html(build, bilingual / "1.0", archive_file, "why-evidence__intro__text")
    welsh, english = (region.text_content() for region in _regions(intro))
    assert "Erbyn diwedd yr adran hon, byddwch yn gallu:" in welsh and "Tua 50 munud" in welsh
    assert "By the end of this section you will be able to:" in english


def test_the_welsh_minutes_take_their_mutation():
    assert [WORDS["cy"].time(n) for n in (1, 2, 3, 25)] == [
        "Tua 1 munud",
        "Tua 2 funud",
        "Tua 3 munud",
        "Tua 25 munud",
    ]
    assert [WORDS["en"].time(n) for n in (1, 25)] == ["About 1 minute", "About 25 minutes"]


def test_prose_on_both_sides_of_an_assessment_is_bilingual(bilingual, build, archive_file):
    data = build(bilingual / "1.0").archive
    vertical = etree.fromstring(
        archive_file(data, "course/vertical/why-evidence_appraising-a-trial.xml")
    )
    assert [child.tag for child in vertical] == ["html", "eip_appraisal", "html"]
    before, after = (
        lxml.html.fragment_fromstring(
            archive_file(data, f"course/html/{child.get('url_name')}.html").decode(),
            create_parent="div",
        )
        for child in (vertical[0], vertical[2])
    )
    assert [r.get("lang") for r in _regions(before)] == [r.get("lang") for r in _regions(after)]
    assert [r.get("lang") for r in _regions(after)] == ["cy", "en"]
    assert "cymharwch eich atebion" in _regions(after)[0].text_content()
    assert "compare your answers" in _regions(after)[1].text_content()
    assert "Tua 35 munud" in before.text_content()  # the time only once, at the top
    assert "Tua 35 munud" not in after.text_content()


def test_region_ids_are_unique_in_the_course(bilingual, build):
    ids = []
    for name, data in build(bilingual / "1.0").files.items():
        if name.startswith("html/") and name.endswith(".html"):
            root = lxml.html.fragment_fromstring(data.decode(), create_parent="div")
            ids += [element.get("id") for element in root.iter() if element.get("id")]
    # four texts (the introduction, one in the first unit, two in the second), each with two
    # regions, each region and its label with an id
    assert len(ids) == len(set(ids)) == 4 * 2 * 2


def test_welsh_prose_is_cleaned_like_english(version, build, archive_file):
    path = version / f"{FOUR}.cy.md"
    path.write_text(
        path.read_text(encoding="utf-8")
        + '\n<script>alert("x")</script>\n\n<p onclick="alert(1)">Cliciwch</p>\n'
    )
    html = archive_file(
        build(version).archive, "course/html/why-evidence_four-sources__text1.html"
    ).decode()
    assert "Cliciwch" in html
    assert "<script" not in html and "onclick" not in html and "alert" not in html


def test_a_page_without_welsh_prose_is_built_as_before(demo, build):
    for name, data in build(demo / "1.0").files.items():
        if name.startswith("html/"):
            assert b"eip-language" not in data, name


def test_the_manifest_records_the_languages(bilingual, build):
    data = json.loads(build(bilingual / "1.0").manifest)
    assert data["course"]["languages"] == ["en", "cy"]
    assert data["course"]["title"]["cy"] == "Cwrs arddangos"
    (section,) = data["sections"]
    assert section["languages"] == ["en", "cy"]
    assert section["title"] == {"en": "Why evidence matters", "cy": "Pam mae tystiolaeth yn bwysig"}
    assert [(unit["name"], unit["languages"]) for unit in section["units"]] == [
        ("01-four-sources", ["en", "cy"]),
        ("02-appraising-a-trial", ["en", "cy"]),
    ]


def test_a_bilingual_build_is_reproducible_and_follows_the_welsh(version, build):
    first, second = build(version), build(version)
    assert (first.archive, first.manifest) == (second.archive, second.manifest)
    _edit(version / f"{FOUR}.cy.md", "a'r cyd-destun lleol", "a'r cyd-destun lleol hefyd")
    changed = build(version)
    assert changed.content_hash != first.content_hash  # the Welsh file is part of the version
    assert changed.archive != first.archive


# --- the workbench preview -------------------------------------------------------------------


def test_the_preview_shows_both_regions_with_their_languages(bilingual):
    xml = dict((name, xml) for name, _, xml in course_scenarios(bilingual.parent))[
        "eip_course.demo.1.0.01-why-evidence.01-four-sources"
    ]
    runtime = TestRuntime(services={"field-data": KvsFieldData(DictKeyValueStore())})
    unit = runtime.get_block(runtime.parse_xml_string(xml))
    content = runtime.get_block(unit.children[0]).content
    root = lxml.html.fragment_fromstring(content, create_parent="div")
    (wrapper,) = root.find_class("eip-course-text")
    assert wrapper.get("lang") == "en"  # course text not in a region of its own is English
    assert [region.get("lang") for region in _regions(root)] == ["cy", "en"]
    assert "Read in English" in content and "Darllen yn Gymraeg" in content
    assert 'src="data:image/svg+xml;base64,' in content  # images inlined in both regions


# --- eip diff --------------------------------------------------------------------------------


def test_diff_reports_welsh_companions_added(demo, bilingual, copy_fixture, load):
    root = copy_fixture("valid")
    new = root / "courses" / "demo" / "1.1"
    for name in ("section.md", "section.cy.md", "01-four-sources.cy.md"):
        shutil.copy(bilingual / "1.0" / SECTION / name, new / SECTION / name)
    _edit(
        new / f"{FOUR}.md",
        "outcomes = [",
        'outcomes_cy = ["Enwi pedair ffynhonnell"]\noutcomes = [',
    )
    diff = diff_versions(load(root / "courses" / "demo" / "1.0"), load(new))
    assert [(c.kind, c.new) for c in diff.sections] == [
        ("changed", SECTION),  # its outcomes_cy
        ("added", f"{SECTION} (Welsh)"),
    ]
    units = {(c.kind, c.new) for c in diff.units}
    assert ("added", f"{FOUR} (Welsh)") in units
    assert ("changed", FOUR) in units  # its outcomes_cy
    text = format_diff(diff, "demo")
    assert f"  added            {SECTION} (Welsh)\n" in text
    assert f"  added            {FOUR} (Welsh)\n" in text


def test_diff_reports_a_changed_welsh_companion_with_its_text(version, load):
    new = version.parent / "1.1"
    shutil.copytree(version, new)
    _edit(new / f"{FOUR}.cy.md", "a'r cyd-destun lleol", "a'r cyd-destun lleol hefyd")
    diff = diff_versions(load(version), load(new))
    assert diff.sections == []
    (change,) = diff.units
    assert (change.kind, change.name, change.new) == (
        "changed",
        "four-sources (Welsh)",
        f"{FOUR} (Welsh)",
    )
    text = format_diff(diff, "demo")
    assert f"--- 1.0/{FOUR}.cy.md\n+++ 1.1/{FOUR}.cy.md\n" in text
    assert "+wrthym, a'r cyd-destun lleol hefyd." in text
