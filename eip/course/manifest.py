"""`dist/<slug>-<version>.manifest.json`: the blocks of a built version, for reports.

Every block of ours is listed, with whether it is graded or completable; reports count the
ones that are. The course's languages and titles, and the language of each section's and
unit's prose, say whether (and where) the course is bilingual. No timestamps: the same sources
give the same manifest.
"""

from __future__ import annotations

import json
from pathlib import Path

from .components import Block, section_verticals
from .loader import LoadedVersion
from .repo import ASSESSMENTS, COMPETENCIES

MANIFEST_VERSION = 1


def usage_id(loaded: LoadedVersion, block_type: str, url_name: str) -> str:
    course = loaded.version.course
    return (
        f"block-v1:{course.org}+{course.code}+{loaded.version.version}"
        f"+type@{block_type}+block@{url_name}"
    )


def _source(block: Block, root: Path | None) -> str:
    assessment = block.assessment
    if assessment.path is None:
        return f"{ASSESSMENTS}/{COMPETENCIES}/{assessment.slug}.xml"
    if root is not None and assessment.path.is_relative_to(root):
        return assessment.path.relative_to(root).as_posix()
    return assessment.path.as_posix()


def _titles(title: str, title_cy: str) -> dict[str, str]:
    return {"en": title, "cy": title_cy} if title_cy else {"en": title}


def _sections(loaded: LoadedVersion) -> list[dict]:
    """Each section and unit with its titles and the languages its prose is in."""
    return [
        {
            "name": section.name,
            "title": _titles(section.title, section.title_cy),
            "languages": list(section.languages),
            "units": [
                {
                    "name": unit.name,
                    "title": _titles(unit.title, unit.title_cy),
                    "languages": list(unit.languages),
                }
                for unit in section.units
            ],
        }
        for section in loaded.version.sections
    ]


def manifest(loaded: LoadedVersion, content_hash: str, root: Path | None) -> dict:
    """The manifest of `loaded`; `root` is the folder paths in `source` are relative to."""
    version = loaded.version
    course = version.course
    blocks = []
    for section in version.sections:
        for content in section_verticals(loaded, section):
            for component in content.components:
                if not isinstance(component, Block):
                    continue
                assessment = component.assessment
                blocks.append(
                    {
                        "usage_id": usage_id(loaded, assessment.block_type, component.url_name),
                        "type": assessment.block_type,
                        "url_name": component.url_name,
                        "display_name": assessment.display_name,
                        "section": section.name,
                        "unit": content.unit.name if content.unit else "",
                        "graded": assessment.graded,
                        "completable": assessment.completable,
                        "weight": assessment.weight,
                        "competencies": [
                            {"id": tag.id, "level": tag.level} for tag in assessment.competencies
                        ],
                        "source": _source(component, root),
                    }
                )
    return {
        "manifest_version": MANIFEST_VERSION,
        "course": {
            "slug": course.slug,
            "version": version.version,
            "course_id": version.course_id,
            "org": course.org,
            "code": course.code,
            "title": dict(course.title),
            "languages": list(course.languages),
            "framework": course.framework,
            "hash": content_hash,
        },
        "sections": _sections(loaded),
        "blocks": blocks,
    }


def manifest_bytes(data: dict) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
