"""Fixtures for the competency model tests: a small framework, its text to break, and
evidence made to measure."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import webob
from xblock.core import XBlock
from xblock.fields import Scope, String
from xblock.runtime import DictKeyValueStore, KvsFieldData
from xblock.test.tools import TestRuntime

from xblocks.appraisal.block import AppraisalBlock
from xblocks.case_study.block import CaseStudyBlock
from xblocks.competency.block import CompetencyTrackerBlock
from xblocks.competency.model.evidence import Evidence
from xblocks.competency.model.framework import Framework, parse_framework
from xblocks.core.resources import APPRAISAL_EXERCISES, CASE_STUDIES, shipped_root
from xblocks.core.xml import OLXError, OLXErrors

FIXTURES = Path(__file__).parent / "fixtures"
SOURCE = "assessments/competencies/small.xml"


@pytest.fixture
def small_xml() -> str:
    """The text of a valid framework with four levels, two domains and three competencies."""
    return (FIXTURES / "small.xml").read_text(encoding="utf-8")


@pytest.fixture
def small(small_xml: str) -> Framework:
    return parse_framework(small_xml, source=SOURCE)


@pytest.fixture
def line_of() -> Callable[[str, str], int]:
    """The line of the first occurrence of `needle` in `text`."""

    def find(text: str, needle: str) -> int:
        assert needle in text, needle
        return text[: text.index(needle)].count("\n") + 1

    return find


@pytest.fixture
def errors_of() -> Callable[[str], list[OLXError]]:
    """Every problem parse_framework reports in `text` (which must be refused)."""

    def parse(text: str) -> list[OLXError]:
        with pytest.raises(OLXErrors) as caught:
            parse_framework(text, source=SOURCE)
        return caught.value.errors

    return parse


@pytest.fixture
def piece() -> Callable[..., Evidence]:
    """Evidence from a short description: piece("a1", "appraise.validity:2", 0.7)."""
    counter = iter(range(1, 10_000))

    def make(
        usage_id: str | None = None,
        tags: str = "appraise.validity:1",
        score: float = 1.0,
        *,
        kind: str = "eip_appraisal",
        day: int = 1,
    ) -> Evidence:
        number = next(counter)
        return Evidence(
            block_type=kind,
            usage_id=usage_id or f"block-{number}",
            title=f"Exercise {number}",
            competencies=tags,
            score=score,
            completed_at=datetime(2027, 1, day, tzinfo=UTC),
            course_version="1.0",
        )

    return make


# --- the tracker block: a small course in XBlock's test runtime ----------------------------


# Unit 1 holds two appraisals (both tagged appraise.validity:2), a case study and the tracker;
# unit 2 holds a third appraisal (appraise.validity:2 too), so the tracker must walk up.
COURSE_UNITS = (
    (
        ("appraisal", "signs-of-safety-evaluation.xml"),
        ("appraisal", "parents-cp-conferences.xml"),
        ("case_study", "pre-birth-domestic-abuse.xml"),
        ("tracker", ""),
    ),
    (("appraisal", "fgc-trial.xml"),),
)


class Unit(XBlock):
    """A container, standing for the course, its sections and units."""

    has_children = True
    display_name = String(default="Unit", scope=Scope.settings)


BLOCK_TYPES = {
    "vertical": Unit,
    "vertical_demo": Unit,
    "eip_appraisal": AppraisalBlock,
    "eip_case_study": CaseStudyBlock,
    "eip_competency_tracker": CompetencyTrackerBlock,
}


class CourseRuntime(TestRuntime):
    """One store for a whole course; blocks load bound to the current learner, as in the LMS
    (`current`, the LMS's user service)."""

    def __init__(self, current: Any) -> None:
        self.kvs = DictKeyValueStore()
        self.current = current
        super().__init__(services={"field-data": KvsFieldData(self.kvs), "user": self.current})
        self.published: list[tuple[str, str, dict]] = []

    def load_block_type(self, block_type: str) -> type:
        return BLOCK_TYPES[block_type]

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False) -> str:
        base = "unauth_handler" if thirdparty else "handler"
        return f"/{base}/{block.scope_ids.usage_id}/{handler_name}/{suffix}"

    def local_resource_url(self, block, uri: str) -> str:
        return f"/resource/{uri}"

    def publish(self, block, event_type: str, event_data: dict) -> None:
        self.published.append((str(block.scope_ids.usage_id), event_type, event_data))

    def events(self, event_type: str) -> list[dict]:
        return [data for _, kind, data in self.published if kind == event_type]

    def act_as(self, user_id: str) -> None:
        self.user_id = user_id
        self.current.username = user_id
        self.current.staff = user_id.startswith("staff")


def shipped_xml(kind: str, name: str) -> str:
    package, folder = APPRAISAL_EXERCISES if kind == "appraisal" else CASE_STUDIES
    text = shipped_root(package, folder).joinpath(name).read_text(encoding="utf-8")
    return re.sub(r"\A\s*<\?xml[^>]*\?>\s*", "", text)


def course_xml(tracker: str = '<eip_competency_tracker framework="research-literacy"/>') -> str:
    units = []
    for unit in COURSE_UNITS:
        parts = [tracker if kind == "tracker" else shipped_xml(kind, name) for kind, name in unit]
        units.append("<vertical>" + "\n".join(parts) + "</vertical>")
    return "<vertical>" + "\n".join(units) + "</vertical>"


class Course:
    """A small course: `block(name)` loads a block (by file name, or "tracker") as the
    current learner; `finish_*` records results in a learner's state."""

    def __init__(self, runtime: CourseRuntime, xml: str) -> None:
        self.runtime = runtime
        runtime.act_as("author")
        self.root = runtime.parse_xml_string(xml)
        self.usages: dict[str, Any] = {}
        self.order: list[str] = []
        self._index(self.root)

    def _index(self, usage_id: Any) -> None:
        block = self.runtime.get_block(usage_id)
        block_type = block.scope_ids.block_type
        if block_type == "eip_competency_tracker":
            self.usages["tracker"] = usage_id
        elif block_type in ("eip_appraisal", "eip_case_study"):
            name = next(
                name
                for unit in COURSE_UNITS
                for kind, name in unit
                if name and block.display_name in shipped_xml(kind, name)
            )
            self.usages[name] = usage_id
            self.order.append(name)
        for child in getattr(block, "children", None) or []:
            self._index(child)

    def block(self, name: str = "tracker", user: str = "learner") -> Any:
        self.runtime.act_as(user)
        return self.runtime.get_block(self.usages[name])

    def finish_appraisal(
        self, name: str, score: float, user: str = "learner", at: str = "2027-02-01T10:00:00+00:00"
    ) -> None:
        block = self.block(name, user)
        block.attempts += 1
        block.best_fraction = max(block.best_fraction, score)
        block.submission = {"earned": score * 10, "possible": 10, "submitted_at": at}
        block.save()

    def finish_case(
        self, name: str, score: float, user: str = "learner", at: str = "2027-03-01T10:00:00+00:00"
    ) -> None:
        block = self.block(name, user)
        block.completed = [*block.completed, {"fraction": score, "completed_at": at}]
        block.best_fraction = max(block.best_fraction, score)
        block.save()

    def call(
        self,
        handler: str,
        data: Any = None,
        *,
        name: str = "tracker",
        user: str = "learner",
        method: str = "POST",
    ) -> webob.Response:
        body = b"" if method == "GET" else json.dumps({} if data is None else data).encode()
        request = webob.Request.blank(
            "http://lms.example/courses/x",
            method=method,
            body=body,
            content_type="application/json",
        )
        block = self.block(name, user)
        response = block.handle(handler, request)
        block.save()
        return response

    def json(self, handler: str, data: Any = None, **kwargs: Any) -> tuple[int, dict]:
        response = self.call(handler, data, **kwargs)
        return response.status_code, json.loads(response.body or b"{}")

    def view(self, view: str = "student_view", user: str = "learner") -> str:
        """The view's HTML, rendered as the runtime renders (state saved afterwards)."""
        block = self.block("tracker", user)
        return self.runtime.render(block, view, {}).content


@pytest.fixture
def course_runtime(current_user) -> CourseRuntime:
    return CourseRuntime(current_user)


@pytest.fixture
def course(course_runtime: CourseRuntime) -> Course:
    """Two units: two appraisals, a case study and the tracker; then a third appraisal."""
    return Course(course_runtime, course_xml())


@pytest.fixture
def make_course(course_runtime: CourseRuntime) -> Callable[..., Course]:
    """make_course(tracker_xml) -> a Course whose tracker is written as given."""
    return lambda tracker: Course(course_runtime, course_xml(tracker))


@pytest.fixture
def tracker_framework() -> Framework:
    from xblocks.competency.model.library import load_framework

    return load_framework("research-literacy")


@pytest.fixture
def answer_all_like_the_expert(make_expert_appraisal) -> Callable[..., tuple[int, dict]]:
    """answer_all_like_the_expert(course, exercise file, user="learner"): a real submission
    through the appraisal block's handler, agreeing with the expert everywhere."""

    def submit(course: Course, name: str, user: str = "learner") -> tuple[int, dict]:
        exercise = course.block(name, user).exercise()
        return course.json("submit", make_expert_appraisal(exercise), name=name, user=user)

    return submit
