"""Every course version in the workbench: one scenario per section and one per unit.

The scenarios are made by the same code as `eip build` (eip.course.components), so a
trainer previews what learners will see. Open edX's `vertical` and `html` blocks do not
exist in the workbench; the SDK's `vertical_demo` and `html_demo` stand in for them (they
are hidden from the index, not removed). Prose is the same cleaned HTML the build writes,
as XHTML; images in the version's static/ folder are inlined, as the workbench does not
serve course files. An assessment whose block is not installed shows a note instead.

The workbench page declares the language the visitor chose (`<html lang>`); course text is
marked as English, and a page with Welsh prose shows its Welsh and English regions, each
marked with its own language, Welsh first, as `eip build` writes them.

`install()` makes the workbench add these scenarios each time it loads its own.
"""

from __future__ import annotations

import base64
import logging
import mimetypes
import threading
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

from lxml import etree

from eip.course.bilingual import ENGLISH
from eip.course.components import Block, Text, VerticalContent, section_verticals
from eip.course.loader import LoadedVersion, load_version
from eip.course.olx import block_element
from eip.course.problems import Problems
from eip.course.prose import inner_xhtml, parse_html, rewrite_static
from eip.course.repo import courses_folder
from eip.course.version_file import STATIC, is_hidden, version_folders
from xblocks.core.xml import parse_xml

log = logging.getLogger(__name__)

SCENARIO_PREFIX = "eip_course"
CONTAINER = "vertical_demo"
TEXT = "html_demo"
MAX_INLINE_BYTES = 2 * 1024 * 1024
COURSE_LANGUAGE = ENGLISH  # of course text not in a language region of its own
_LOADING = threading.RLock()


def _installed_blocks() -> set[str]:
    return {point.name for point in entry_points(group="xblock.v1")}


def _data_url(path: Path) -> str | None:
    if not path.is_file() or path.stat().st_size > MAX_INLINE_BYTES:
        return None
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _text(html: str, static: Path) -> etree._Element:
    root = rewrite_static(
        parse_html(html), lambda name: _data_url(static / name) or f"/{STATIC}/{name}"
    )
    # html_demo fills $placeholders from its context; "$$" is a literal "$".
    xhtml = inner_xhtml(root).replace("$", "$$")
    return parse_xml(
        f'<{TEXT}><div class="eip-course-text" lang="{COURSE_LANGUAGE}">{xhtml}</div></{TEXT}>',
        source="course preview",
    )


def _note(text: str) -> etree._Element:
    element = etree.Element(TEXT)
    paragraph = etree.SubElement(etree.SubElement(element, "div"), "p")
    paragraph.text = text.replace("$", "$$")
    return element


def _components(content: VerticalContent, static: Path, installed: set[str], version: str) -> list:
    elements = []
    for component in content.components:
        if isinstance(component, Text):
            elements.append(_text(component.html, static))
        elif isinstance(component, Block):
            assessment = component.assessment
            if assessment.block_type in installed:
                element = block_element(component, url_name=False)
                # The workbench gives every block its own course run: the version is set on
                # the block, so its events name the version the preview shows.
                element.set("course_version", version)
                elements.append(element)
            else:
                elements.append(
                    _note(
                        f'Here learners see "{assessment.display_name}" '
                        f"({assessment.block_type}); that block is not installed in this "
                        "workbench."
                    )
                )
        else:
            reference = component.reference
            elements.append(
                _note(
                    f'Here the unit places {reference.kind} "{reference.target}", which cannot '
                    f"be shown: eip check lists the problem."
                )
            )
    return elements


def _container(children: list[etree._Element]) -> str:
    container = etree.Element(CONTAINER)
    container.extend(children)
    return etree.tostring(container, encoding="unicode")


def _heading(text: str) -> etree._Element:
    element = etree.Element(TEXT)
    wrapper = etree.SubElement(
        element, "div", {"class": "eip-course-text", "lang": COURSE_LANGUAGE}
    )
    heading = etree.SubElement(wrapper, "h2")
    heading.text = text.replace("$", "$$")
    return element


def version_scenarios(loaded: LoadedVersion) -> Iterator[tuple[str, str, str]]:
    version = loaded.version
    course = version.course
    static = version.path / STATIC
    installed = _installed_blocks()
    title = f"{course.title.get('en') or course.slug} {version.version}"
    base = f"{SCENARIO_PREFIX}.{course.slug}.{version.version}"
    for number, section in enumerate(version.sections, start=1):
        verticals = section_verticals(loaded, section)
        whole: list[etree._Element] = []
        for content in verticals:
            if content.unit is not None:
                whole.append(_heading(content.display_name))
            whole.extend(_components(content, static, installed, version.version))
        yield (
            f"{base}.{section.name}",
            f"{title} · {number}. {section.title} (whole section)",
            _container(whole),
        )
        for unit_number, content in enumerate(verticals[1:], start=1):
            yield (
                f"{base}.{section.name}.{content.unit.name}",
                f"{title} · {number}.{unit_number} {content.display_name}",
                _container(_components(content, static, installed, version.version)),
            )


def course_scenarios(folder: Path | None = None) -> list[tuple[str, str, str]]:
    """(scenario name, description, OLX) for every version of every course in `folder`
    (default: $EIP_COURSES_DIR, else the courses/ folder at or above the working folder)."""
    folder = folder or courses_folder()
    if folder is None or not folder.is_dir():
        return []
    scenarios = []
    for course_folder in sorted(folder.iterdir()):
        if not course_folder.is_dir() or is_hidden(course_folder):
            continue
        if not (course_folder / "course.toml").is_file():
            continue
        for version_folder in version_folders(course_folder):
            problems = Problems()
            loaded = load_version(version_folder, problems)
            for problem in problems:
                log.warning("course preview: %s", problem)
            if loaded is not None:
                scenarios.extend(version_scenarios(loaded))
    return scenarios


def add_course_scenarios() -> None:
    """Add the course scenarios to the workbench's list; a broken one is logged, not fatal."""
    from workbench.scenarios import add_xml_scenario

    for name, description, xml in course_scenarios():
        try:
            add_xml_scenario(name, description, xml)
        except Exception:  # one bad scenario must not take the workbench down
            log.warning("cannot load the course scenario %s", description, exc_info=True)


def install() -> None:
    """Make the workbench add course scenarios whenever it (re)loads its scenarios.

    Call once from the workbench app's ready(). The SDK loads scenarios on the first page
    and again on "reset state", through `init_scenarios`, which is wrapped here. It fills
    its list in place, and loading courses takes seconds, so pages wait for the loading to
    finish rather than show a partial list.
    """
    from workbench import runtime_util, scenarios, views

    if getattr(scenarios.init_scenarios, "adds_courses", False):
        return
    original_init = scenarios.init_scenarios
    original_get = views.get_scenarios

    def init_scenarios() -> None:
        with _LOADING:
            original_init()
            add_course_scenarios()

    def get_scenarios() -> dict:
        with _LOADING:
            return original_get()

    init_scenarios.adds_courses = True  # type: ignore[attr-defined]
    scenarios.init_scenarios = init_scenarios
    runtime_util.init_scenarios = init_scenarios
    views.get_scenarios = get_scenarios
