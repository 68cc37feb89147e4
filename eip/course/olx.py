"""A loaded course version as the files of an OLX course, the way Studio exports one.

`course.xml` points at `course/<run>.xml` (run = the version), which lists the chapters;
each section is a chapter with one sequential; the section's introduction and each unit are
verticals; prose is `html` components (`html/<name>.xml` + `.html`); assessments are our
blocks, inline in the vertical with their own OLX, copied from `assessments/`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable

from lxml import etree

from . import urlnames
from .about import about_pages
from .assessments import BLOCK_TYPES
from .components import Block, Text, VerticalContent, section_verticals
from .grading import grading_policy, section_format
from .loader import LoadedVersion
from .prose import inner_html, parse_html, rewrite_static
from .version_file import STATIC

Progress = Callable[[int, int, str], None]


def _xml(element: etree._Element) -> bytes:
    return etree.tostring(element, encoding="unicode").encode("utf-8") + b"\n"


def _indent(element: etree._Element) -> etree._Element:
    children = list(element)
    if children:
        element.text = "\n  "
        for child in children:
            child.tail = "\n  "
        children[-1].tail = "\n"
    return element


def _json(data: object) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def block_element(block: Block, *, url_name: bool = True) -> etree._Element:
    """The assessment's authored element with url_name first (comments and CDATA kept)."""
    source = block.assessment.element
    element = etree.Element(source.tag)
    if url_name:
        element.set("url_name", block.url_name)
    for name, value in source.attrib.items():
        element.set(name, value)
    element.text = source.text
    for child in source:
        element.append(copy.deepcopy(child))
    return element


def static_html(html: str) -> str:
    """Links into the version's static/ as Open edX serves course files: /static/<path>."""
    return inner_html(rewrite_static(parse_html(html), lambda path: f"/static/{path}"))


def _vertical(content: VerticalContent, files: dict[str, bytes]) -> None:
    vertical = etree.Element("vertical", display_name=content.display_name)
    for component in content.components:
        if isinstance(component, Text):
            etree.SubElement(vertical, "html", url_name=component.url_name)
            pointer = etree.Element(
                "html", filename=component.url_name, display_name=component.display_name
            )
            files[f"html/{component.url_name}.xml"] = _xml(pointer)
            files[f"html/{component.url_name}.html"] = (
                static_html(component.html).encode("utf-8") + b"\n"
            )
        elif isinstance(component, Block):
            vertical.append(block_element(component))
    files[f"vertical/{content.url_name}.xml"] = _xml(_indent(vertical))


def _policy(loaded: LoadedVersion) -> dict:
    version = loaded.version
    used = {assessment.block_type for _, _, assessment in loaded.assessments()}
    return {
        f"course/{version.version}": {
            "display_name": version.course.title.get("en", version.course.slug),
            "language": version.course.languages[0] if version.course.languages else "en",
            "start": f"{version.start.isoformat()}T00:00:00Z",
            "end": f"{version.end.isoformat()}T23:59:59Z",
            "course_image": version.course_image.removeprefix(f"{STATIC}/"),
            "advanced_modules": [name for name in BLOCK_TYPES.values() if name in used],
        }
    }


def course_files(loaded: LoadedVersion, progress: Progress | None = None) -> dict[str, bytes]:
    """Every file of the OLX course, by path inside the course folder."""
    version = loaded.version
    run = version.version
    files: dict[str, bytes] = {}
    files["course.xml"] = _xml(
        etree.Element("course", url_name=run, org=version.course.org, course=version.course.code)
    )
    course = etree.Element("course")
    total = len(version.units)
    done = 0
    for section in version.sections:
        etree.SubElement(course, "chapter", url_name=urlnames.chapter(section))
        chapter = etree.Element("chapter", display_name=section.title)
        etree.SubElement(chapter, "sequential", url_name=urlnames.sequential(section))
        files[f"chapter/{urlnames.chapter(section)}.xml"] = _xml(_indent(chapter))
        sequential = etree.Element("sequential", display_name=section.title)
        assignment = section_format(loaded, section)
        if assignment:
            sequential.set("format", assignment)
            sequential.set("graded", "true")
        for content in section_verticals(loaded, section):
            etree.SubElement(sequential, "vertical", url_name=content.url_name)
            _vertical(content, files)
            if content.unit is not None:
                done += 1
                if progress:
                    progress(done, total, f"{section.name}/{content.unit.name}")
        files[f"sequential/{urlnames.sequential(section)}.xml"] = _xml(_indent(sequential))
    files[f"course/{run}.xml"] = _xml(_indent(course))
    files[f"policies/{run}/policy.json"] = _json(_policy(loaded))
    files[f"policies/{run}/grading_policy.json"] = _json(grading_policy(loaded))
    files.update(about_pages(loaded))
    static = version.path / STATIC
    if static.is_dir():
        for path in sorted(static.rglob("*")):
            relative = path.relative_to(static)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                files[f"static/{relative.as_posix()}"] = path.read_bytes()
    return files
