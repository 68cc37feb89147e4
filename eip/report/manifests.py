"""Course manifests (`dist/<slug>-<version>.manifest.json`, written by `eip build`): which
blocks make up each course version, with their weights and competencies."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eip.errors import CommandError
from eip.translation import _

MANIFEST_VERSION = 1
PATTERN = "*.manifest.json"


class ManifestError(CommandError):
    """A manifest is missing, unreadable or not in the format `eip build` writes."""


@dataclass(frozen=True)
class Block:
    usage_id: str
    type: str
    url_name: str
    display_name: str
    graded: bool
    completable: bool
    weight: float
    competencies: tuple[tuple[str, int | None], ...]
    course_id: str


@dataclass(frozen=True)
class CourseVersion:
    slug: str
    version: str
    course_id: str
    org: str
    code: str
    title: dict[str, str]
    framework: str
    blocks: tuple[Block, ...]
    source: str = field(default="", compare=False)
    # worked out once: they are asked for every person who must complete the course
    completable_blocks: tuple[Block, ...] = field(init=False, repr=False, compare=False)
    graded_blocks: tuple[Block, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        completable = tuple(block for block in self.blocks if block.completable)
        graded = tuple(block for block in self.blocks if block.graded and block.weight > 0)
        object.__setattr__(self, "completable_blocks", completable)
        object.__setattr__(self, "graded_blocks", graded)

    def title_in(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en") or self.slug

    def title_language(self, lang: str) -> str:
        """The language of `title_in(lang)`: `lang` when the manifest has the title in it,
        else English (the fallback, or the slug)."""
        return lang if self.title.get(lang) else "en"


def load_manifests(folder: Path) -> list[CourseVersion]:
    """Every manifest in `folder`, ordered by course slug and version."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ManifestError(
            _(
                "no manifest folder {folder}: build the courses with `eip build` or point "
                "--manifests at the folder that holds *.manifest.json."
            ).format(folder=folder)
        )
    paths = sorted(folder.glob(PATTERN))
    if not paths:
        raise ManifestError(
            _("no {pattern} files in {folder}: build the courses with `eip build` first.").format(
                pattern=PATTERN, folder=folder
            )
        )
    courses: dict[str, CourseVersion] = {}
    for path in paths:
        course = read_manifest(path)
        earlier = courses.get(course.course_id)
        if earlier is not None and earlier != course:
            raise ManifestError(
                _(
                    "{path} and {other} both describe {course} but differ: keep only the "
                    "manifest of the build that was imported."
                ).format(path=path, other=earlier.source, course=course.course_id)
            )
        courses[course.course_id] = course
    return sorted(courses.values(), key=lambda c: (c.slug, _version_key(c.version)))


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in version.split("."))


def read_manifest(path: Path) -> CourseVersion:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ManifestError(
            _("cannot read {path}: {problem}.").format(path=path, problem=error.strerror)
        ) from error
    except json.JSONDecodeError as error:
        raise ManifestError(
            # Translators: {problem} is the JSON reader's own message, in English.
            _("{path}:{line}: not valid JSON ({problem}). Rebuild it with `eip build`.").format(
                path=path, line=error.lineno, problem=error.msg
            )
        ) from error
    try:
        return _course(path, data)
    except (KeyError, TypeError, ValueError) as error:
        raise ManifestError(
            _("{path}: not a course manifest ({problem}). Rebuild it with `eip build`.").format(
                path=path, problem=f"{type(error).__name__}: {error}"
            )
        ) from error


def _course(path: Path, data: dict[str, Any]) -> CourseVersion:
    if data.get("manifest_version") != MANIFEST_VERSION:
        raise ManifestError(
            _(
                "{path}: manifest_version {found} is not {wanted}; rebuild with this version of "
                "`eip build`."
            ).format(path=path, found=repr(data.get("manifest_version")), wanted=MANIFEST_VERSION)
        )
    course = data["course"]
    course_id = str(course["course_id"])
    blocks = tuple(
        Block(
            usage_id=str(block["usage_id"]),
            type=str(block["type"]),
            url_name=str(block.get("url_name", "")),
            display_name=str(block.get("display_name", "")),
            graded=bool(block.get("graded", False)),
            completable=bool(block.get("completable", False)),
            weight=float(block.get("weight", 1.0)),
            competencies=tuple(
                (str(tag["id"]), None if tag.get("level") is None else int(tag["level"]))
                for tag in block.get("competencies", [])
            ),
            course_id=course_id,
        )
        for block in data["blocks"]
    )
    title = course.get("title") or {}
    return CourseVersion(
        slug=str(course["slug"]),
        version=str(course["version"]),
        course_id=course_id,
        org=str(course.get("org", "")),
        code=str(course.get("code", "")),
        title={str(k): str(v) for k, v in title.items()} if isinstance(title, dict) else {},
        framework=str(course.get("framework", "")),
        blocks=blocks,
        source=str(path),
    )
