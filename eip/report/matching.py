"""Which block of which course version an event belongs to.

An LMS event names its block by usage key (`block-v1:ORG+CODE+RUN+type@T+block@NAME`), and
the manifest lists exactly that key: the match is exact. The local workbench gives blocks
its own ids (`<scenario>.<type>.d0.u0`) and one course id for everything
(`course-v1:EIP+WORKBENCH+local`, or `$EIP_WORKBENCH_COURSE_ID`). Such a block is matched
by its type and display name (or url_name) within the manifests, narrowed to the course
its course id names when a manifest has that org and code; and, when the same block is in
several versions, to the version its events name: `course_version` in our events, the run
of the course id (a workbench started with `EIP_WORKBENCH_COURSE_ID=course-v1:EIP+RL101+1.0`
reports as version 1.0), or the scenario its id starts with (the workbench's course
previews are titled "<course title> <version> · <section>", which the SDK slugifies into
the id, e.g. `using-research-in-practice-10-1-why-evidence-matters.eip_appraisal.d0.u0`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from eip.report.manifests import Block, CourseVersion

_LMS_USAGE = re.compile(
    r"^block-v1:(?P<org>[^+]+)\+(?P<code>[^+]+)\+(?P<run>[^+]+)\+type@(?P<type>[^+]+)"
    r"\+block@(?P<name>.+)$"
)
_WORKBENCH_USAGE = re.compile(
    r"^(?P<scenario>[^.]*)\.(?P<type>[A-Za-z0-9_-]+)(?:\.(?P<name>[^.]+))?\.d\d+\.u\d+$"
)
_COURSE = re.compile(r"^course-v1:(?P<org>[^+]+)\+(?P<code>[^+]+)\+(?P<run>[^+]+)$")


def course_run(course_id: str) -> str:
    match = _COURSE.match(course_id)
    return match.group("run") if match else ""


def slugify(text: str) -> str:
    """As Django's `slugify`, which the workbench uses for scenario ids."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text.lower())
    return re.sub(r"[-\s]+", "-", text).strip("-_")


def _name_key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class UsageInfo:
    """What the logs say about one usage key, gathered while reading; resolved at the end."""

    usage_key: str
    candidates: tuple[Block, ...]
    versions_seen: set[str] = field(default_factory=set)


class BlockIndex:
    def __init__(self, courses: Iterable[CourseVersion]) -> None:
        self.courses = {course.course_id: course for course in courses}
        self.by_usage: dict[str, Block] = {}
        self.by_name: dict[tuple[str, str], list[Block]] = defaultdict(list)
        self.by_url_name: dict[tuple[str, str], list[Block]] = defaultdict(list)
        self.org_codes: set[tuple[str, str]] = set()
        self.scenario_prefixes = {
            slugify(f"{course.title_in('en')} {course.version}"): course.version
            for course in self.courses.values()
        }
        for course in self.courses.values():
            self.org_codes.add((course.org, course.code))
            for block in course.blocks:
                self.by_usage[block.usage_id] = block
                self.by_name[(block.type, _name_key(block.display_name))].append(block)
                if block.url_name:
                    self.by_url_name[(block.type, block.url_name)].append(block)

    def candidates(self, usage_key: str, course_id: str, display_name: str) -> tuple[Block, ...]:
        """The manifest blocks this usage key may be, before looking at versions."""
        exact = self.by_usage.get(usage_key)
        if exact is not None:
            return (exact,)
        block_type, name = _type_and_name(usage_key)
        found: list[Block] = []
        if block_type and name:
            found = self.by_url_name.get((block_type, name), [])
        if not found and block_type and display_name:
            found = self.by_name.get((block_type, _name_key(display_name)), [])
        course = _COURSE.match(course_id or "")
        if course and (course["org"], course["code"]) in self.org_codes:
            wanted = (course["org"], course["code"])
            found = [b for b in found if _org_code(self.courses[b.course_id]) == wanted]
        return tuple(found)

    def version_hints(self, usage_key: str) -> set[str]:
        """Versions a workbench id names through its scenario (see the module notes)."""
        match = _WORKBENCH_USAGE.match(usage_key)
        if not match:
            return set()
        scenario = match["scenario"]
        return {
            version
            for prefix, version in self.scenario_prefixes.items()
            if scenario == prefix or scenario.startswith(f"{prefix}-")
        }

    def resolve(self, info: UsageInfo) -> Block | None:
        """The one block the usage key stands for, or None when it cannot be told."""
        if len(info.candidates) == 1:
            candidate = info.candidates[0]
            if candidate.usage_id == info.usage_key:
                return candidate
        slugs = {self.courses[b.course_id].slug for b in info.candidates}
        versions = {c.version for c in self.courses.values() if c.slug in slugs}
        named = info.versions_seen & versions
        narrowed = [
            b for b in info.candidates if not named or self.courses[b.course_id].version in named
        ]
        return narrowed[0] if len(narrowed) == 1 else None


def _org_code(course: CourseVersion) -> tuple[str, str]:
    return (course.org, course.code)


def _type_and_name(usage_key: str) -> tuple[str, str]:
    match = _LMS_USAGE.match(usage_key)
    if match:
        return match["type"], match["name"]
    match = _WORKBENCH_USAGE.match(usage_key)
    if match:
        return match["type"], match["name"] or ""
    return "", ""
