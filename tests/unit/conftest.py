"""Unit tests need no database; Django is configured only so that templates can render.

Under pytest-django the project's settings are already loaded and this does nothing.

The fixtures here serve every block suite: a test runtime for one kind of block that records
what it publishes, learners who call its handlers as the LMS does, and expert appraisals.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import django
import pytest
import webob
from django.apps import apps
from django.conf import settings
from xblock.fields import ScopeIds
from xblock.reference.user_service import UserService, XBlockUser
from xblock.runtime import DictKeyValueStore, KvsFieldData
from xblock.test.tools import TestRuntime

CHECKOUT = Path(__file__).resolve().parents[2]
COURSE_FIXTURES = CHECKOUT / "tests" / "fixtures" / "courses"

if not settings.configured:
    settings.configure(
        INSTALLED_APPS=[],
        USE_I18N=True,
        LANGUAGE_CODE="en",
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
    )
if not apps.ready:
    django.setup()


# The helpers the unit suites share (welsh_content.py) are imported by module name.
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))


class CurrentUser(UserService):
    """The LMS's user service, for whichever learner (staff or not) a test is acting as."""

    def __init__(self, username: str = "", staff: bool = False) -> None:
        super().__init__()
        self.username = username
        self.staff = staff

    def get_current_user(self) -> XBlockUser:
        user = XBlockUser(is_current_user=True)
        user.opt_attrs = {
            "edx-platform.username": self.username,
            "edx-platform.user_is_staff": self.staff,
        }
        return user


class BlockRuntime(TestRuntime):
    """A runtime holding one store for blocks of one type, recording what they publish."""

    def __init__(
        self, block_type: str, block_class: type, services: dict[str, Any] | None = None
    ) -> None:
        self.block_type = block_type
        self.block_class = block_class
        self.kvs = DictKeyValueStore()
        super().__init__(services={"field-data": KvsFieldData(self.kvs), **(services or {})})
        self.published: list[tuple[str, dict]] = []

    def load_block_type(self, block_type: str) -> type:
        return self.block_class

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False) -> str:
        return f"/handler/{handler_name}/{suffix}"

    def local_resource_url(self, block, uri: str) -> str:
        return f"/resource/{uri}"

    def publish(self, block, event_type: str, event_data: dict) -> None:
        self.published.append((event_type, event_data))

    def events(self, event_type: str) -> list[dict]:
        return [data for kind, data in self.published if kind == event_type]

    def block(self, usage_id: Any, user_id: str) -> Any:
        """A fresh instance of the block `usage_id` as `user_id` sees it."""
        definition_id = self.id_reader.get_definition_id(usage_id)
        keys = ScopeIds(user_id, self.block_type, definition_id, usage_id)
        return self.construct_xblock_from_class(self.block_class, keys)

    def empty_block(self, *, staff: bool = False) -> Any:
        """A new block with nothing authored in it, seen by a learner who is staff or not."""
        self._services["user"] = CurrentUser(staff=staff)
        definition_id = self.id_generator.create_definition(self.block_type)
        return self.block(self.id_generator.create_usage(definition_id), "learner")


class Learner:
    """One learner's view of a block: a fresh instance per request, as in the LMS."""

    def __init__(self, runtime: BlockRuntime, usage_id: Any, user_id: str) -> None:
        self.runtime = runtime
        self.usage_id = usage_id
        self.user_id = user_id

    @property
    def block(self) -> Any:
        return self.runtime.block(self.usage_id, self.user_id)

    def call(self, handler: str, data: Any = None, method: str = "POST") -> tuple[int, dict]:
        body = json.dumps({} if data is None else data).encode()
        request = webob.Request.blank(
            "/", method=method, body=body, content_type="application/json"
        )
        response = self.block.handle(handler, request)
        return response.status_code, json.loads(response.body or b"{}")

    def view(self, view: str = "student_view") -> Any:
        """The view's Fragment."""
        return getattr(self.block, view)({})

    def html(self, view: str = "student_view") -> str:
        return self.view(view).content


@pytest.fixture
def copy_fixture(tmp_path: Path) -> Callable[[str], Path]:
    """`copy_fixture(name)`: a copy of fixture repository `name` (in tests/fixtures/courses)
    to change; returns its root.

    The copy sits in a temporary folder with no assessments/ above it, so a fixture without
    its own uses a copy of the shipped one.
    """

    def copy(name: str) -> Path:
        root = tmp_path / name
        shutil.copytree(COURSE_FIXTURES / name, root)
        if not (root / "assessments").exists():
            shutil.copytree(CHECKOUT / "assessments", root / "assessments")
        return root

    return copy


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """`eip` speaks the language the environment names (LANG=cy_GB.UTF-8 means Welsh): the
    tests run in English wherever they run, unless a test chooses another language."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def block_runtime() -> type[BlockRuntime]:
    """`block_runtime(block_type, block_class)`: a BlockRuntime for that block."""
    return BlockRuntime


@pytest.fixture
def current_user() -> CurrentUser:
    return CurrentUser()


@pytest.fixture
def make_learners() -> Callable[..., Callable[..., Learner]]:
    """`make_learners(runtime, load, default, actions=None)`: a suite's `learner(name=default,
    user_id="learner")`, whose Learner is of the block `load(name)` parsed (once per name).
    `actions` is a class of the suite's own Learner methods."""

    def learners(
        runtime: BlockRuntime,
        load: Callable[[str], Any],
        default: str,
        actions: type | None = None,
    ) -> Callable[..., Learner]:
        learner_class = type("Learner", (actions, Learner), {}) if actions else Learner
        usages: dict[str, Any] = {}

        def make(name: str = default, user_id: str = "learner") -> Learner:
            if name not in usages:
                usages[name] = load(name)
            return learner_class(runtime, usages[name], user_id)

        return make

    return learners


def expert_appraisal(exercise: Any, reason: str = "Because the paper says so.") -> dict:
    """A complete appraisal of an exercise that agrees with the expert on every item."""
    answers = {}
    for item in exercise.instrument.items:
        expert = exercise.expert_answers[item.id]
        if item.text_only:
            answers[item.id] = {"answer": "My written answer.", "reason": ""}
        else:
            answers[item.id] = {"answer": expert.value, "reason": reason}
    return {
        "answers": answers,
        "overall": {"answer": exercise.overall_value, "reason": reason},
        "stopped": False,
    }


@pytest.fixture
def make_expert_appraisal() -> Callable[..., dict]:
    """`make_expert_appraisal(exercise, reason=...)`: what `expert_appraisal` says."""
    return expert_appraisal
