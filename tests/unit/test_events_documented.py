"""Every event the blocks publish is documented in docs/events.md with exactly its fields.

One small course (an appraisal, a case study that passes every kind of node, and the
competency tracker) is taken by one learner through the blocks' own handlers in XBlock's
test runtime; what the runtime is asked to publish is compared with the tables of
docs/events.md: the same events, the same fields, and values of the documented types
(objects written `{a: type, b: type}` must have exactly those keys). The sample events the
xAPI tests transform (tests/xapi/fixtures/events.jsonl) are held to the same tables.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import webob
from xblock.core import XBlock
from xblock.fields import Scope, String
from xblock.reference.user_service import UserService, XBlockUser
from xblock.runtime import DictKeyValueStore, KvsFieldData
from xblock.test.tools import TestRuntime

from xblocks.appraisal.block import AppraisalBlock
from xblocks.case_study.block import CaseStudyBlock
from xblocks.competency.block import CompetencyTrackerBlock
from xblocks.competency.model.library import load_framework
from xblocks.core.resources import shipped_root

ROOT = Path(__file__).resolve().parents[2]
EVENTS_DOC = ROOT / "docs" / "events.md"
XAPI_SAMPLES = ROOT / "tests" / "xapi" / "fixtures" / "events.jsonl"

# Every kind of node once: narrative > evidence > decision > mapping > reflection > ending.
CASE = """\
<eip_case_study display_name="Documented events" start="intro" competencies="apply.decisions:2">
  <narrative id="intro" next="ev" title="Referral"><body>A referral.</body></narrative>
  <evidence id="ev" next="choice" title="Evidence" certainty="low" fictional="true">
    <summary>A fictional summary.</summary>
    <citation>Fictional; written for this course.</citation>
  </evidence>
  <decision id="choice" title="Decide">
    <prompt>Which way?</prompt>
    <choice id="on" target="map" points="1"><label>On</label><feedback>Good.</feedback></choice>
    <choice id="off" target="end" points="0"><label>Off</label><feedback>Hm.</feedback></choice>
  </decision>
  <mapping id="map" next="think" title="Map" points="1" scale="true">
    <prompt>Sort these.</prompt>
    <statement id="s1" expected="worried"><text>A worry</text><feedback>Yes.</feedback></statement>
    <statement id="s2" expected="working_well"><text>A strength</text><feedback>Yes.</feedback>
    </statement>
  </mapping>
  <reflection id="think" next="end" title="Reflect"><prompt>Why?</prompt></reflection>
  <ending id="end" title="The end">
    <outcome>It ended.</outcome><debrief>Learn.</debrief><band min="0">Any score.</band>
  </ending>
</eip_case_study>
"""


# --- docs/events.md ----------------------------------------------------------------------


def _tables(text: str) -> dict[str, list[list[str]]]:
    """Each `## heading`'s first table, as rows of cells (header and rule left out)."""
    found: dict[str, list[list[str]]] = {}
    heading = None
    for line in text.splitlines():
        if line.startswith("## "):
            heading = line[3:].strip().strip("`")
            continue
        if heading is None or not line.startswith("|"):
            if found.get(heading):
                heading = None  # the first table is over
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if set("".join(cells)) <= set("-: "):
            continue
        found.setdefault(heading, []).append(cells)
    return {name: rows[1:] for name, rows in found.items()}


def documented() -> dict[str, dict[str, str]]:
    """Event name -> documented field -> its type text, for ours and Open edX's own."""
    tables = _tables(EVENTS_DOC.read_text(encoding="utf-8"))
    events: dict[str, dict[str, str]] = {}
    for name, rows in tables.items():
        if name.startswith("edx.eip."):
            events[name] = {row[0].strip("`"): row[1] for row in rows}
    for row in tables["Open edX's own events"]:
        # `value` (number), `max_value` (number)
        fields = re.findall(r"`([a-z_]+)` \(([^)]*)\)", row[1])
        events[row[0].strip("`")] = dict(fields)
    return events


# --- the type language of the tables -------------------------------------------------------

Check = Callable[[Any], list[str]]
PRIMITIVES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
PLURALS = {"strings": "string", "integers": "integer", "numbers": "number"}


def _split(text: str, separator: str) -> list[str]:
    """`text` split at `separator` outside braces."""
    parts, depth, start, at = [], 0, 0, 0
    while at < len(text):
        if text[at] == "{":
            depth += 1
        elif text[at] == "}":
            depth -= 1
        elif depth == 0 and text.startswith(separator, at):
            parts.append(text[start:at])
            start = at = at + len(separator)
            continue
        at += 1
    return [*parts, text[start:]]


def type_check(text: str) -> Check:
    """A checker for a documented type: "string or null", "list of strings",
    "list of `{id: string, level: integer or null}`", "object: item id → integer",
    "`{earned: number, possible: number}`", "number, 0 to 1" (what follows a comma is prose)."""
    text = text.replace("`", "").strip()
    options = [_one(part.strip()) for part in _split(text, " or ")]

    def check(value: Any) -> list[str]:
        problems = []
        for option in options:
            problems = option(value)
            if not problems:
                return []
        return problems or [f"{value!r} is not {text}"]

    return check


def _one(text: str) -> Check:
    if text.startswith("list of "):
        inner = text[len("list of ") :]
        item = type_check(PLURALS.get(inner, inner))
        return lambda v: (
            [p for x in v for p in item(x)] if isinstance(v, list) else [f"{v!r} is not a list"]
        )
    if text.startswith("object:"):
        value_check = type_check(text.split("→", 1)[1])
        return lambda v: (
            [p for k, x in v.items() for p in (value_check(x) if isinstance(k, str) else [k])]
            if isinstance(v, dict)
            else [f"{v!r} is not an object"]
        )
    if text.startswith("{"):
        fields = {}
        for part in _split(text.strip()[1:-1], ","):
            key, kind = part.split(":", 1)
            fields[key.strip()] = type_check(kind)
        return lambda v: _record(v, fields)
    name = _split(text, ",")[0].strip()
    if name not in PRIMITIVES:
        raise AssertionError(f"docs/events.md: unknown type {text!r}")
    return lambda v: [] if PRIMITIVES[name](v) else [f"{v!r} is not {name}"]


def _record(value: Any, fields: dict[str, Check]) -> list[str]:
    if not isinstance(value, dict):
        return [f"{value!r} is not an object"]
    if set(value) != set(fields):
        return [f"keys {sorted(value)} but documented {sorted(fields)}"]
    return [problem for key, check in fields.items() for problem in check(value[key])]


def mismatches(name: str, data: dict, docs: dict[str, dict[str, str]]) -> list[str]:
    fields = docs[name]
    problems = []
    if set(data) != set(fields):
        missing = sorted(set(data) - set(fields))
        extra = sorted(set(fields) - set(data))
        problems.append(f"{name}: undocumented {missing}, documented but not sent {extra}")
    for field in set(data) & set(fields):
        problems += [f"{name}.{field}: {p}" for p in type_check(fields[field])(data[field])]
    return problems


# --- one learner takes a small course -------------------------------------------------------


class Unit(XBlock):
    has_children = True
    display_name = String(default="Unit", scope=Scope.settings)


class CurrentUser(UserService):
    def get_current_user(self) -> XBlockUser:
        user = XBlockUser(is_current_user=True)
        user.opt_attrs = {"edx-platform.username": "ana", "edx-platform.user_is_staff": False}
        return user


BLOCKS = {
    "vertical": Unit,
    "eip_appraisal": AppraisalBlock,
    "eip_case_study": CaseStudyBlock,
    "eip_competency_tracker": CompetencyTrackerBlock,
}


class Runtime(TestRuntime):
    def __init__(self) -> None:
        super().__init__(
            services={"field-data": KvsFieldData(DictKeyValueStore()), "user": CurrentUser()}
        )
        self.user_id = "ana"
        self.published: list[tuple[str, dict]] = []

    def load_block_type(self, block_type: str) -> type:
        return BLOCKS[block_type]

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False) -> str:
        return f"/handler/{handler_name}/{suffix}"

    def local_resource_url(self, block, uri: str) -> str:
        return f"/resource/{uri}"

    def publish(self, block, event_type: str, event_data: dict) -> None:
        self.published.append((event_type, json.loads(json.dumps(event_data))))


def _call(block: Any, handler: str, data: dict) -> dict:
    request = webob.Request.blank(
        "/", method="POST", body=json.dumps(data).encode(), content_type="application/json"
    )
    response = block.handle(handler, request)
    block.save()
    assert response.status_code == 200, response.body
    return json.loads(response.body)


def _appraise(block: AppraisalBlock) -> None:
    exercise = block.exercise()
    answers = {}
    for item in exercise.instrument.items:
        expert = exercise.expert_answers[item.id]
        value = "My written answer." if item.text_only else expert.value
        answers[item.id] = {"answer": value, "reason": "Because the paper says so."}
    overall = {"answer": exercise.overall_value, "reason": "Because."}
    _call(block, "submit", {"answers": answers, "overall": overall, "stopped": False})


def _walk_case(block: CaseStudyBlock) -> None:
    case = block.case_study()
    for node_id, kind in [
        ("intro", "advance"),
        ("ev", "advance"),
        ("choice", "choose"),
        ("map", "map"),
        ("think", "advance"),
    ]:
        data: dict[str, Any] = {"node": node_id}
        if kind == "choose":
            data["choice"] = "on"
        if kind == "map":
            node = case.node(node_id)
            data.update(
                placements={s.id: s.expected for s in node.statements}, scale=4, reason="Why."
            )
        if node_id == "think":
            data["text"] = "My reflection."
        _call(block, kind, data)


def _rate(block: CompetencyTrackerBlock) -> None:
    framework = load_framework("research-literacy")
    ratings = {domain.id: 3 for domain in framework.domains}
    _call(block, "rate", {"phase": "before", "ratings": ratings})
    _call(block, "rate", {"phase": "after", "ratings": ratings})


@pytest.fixture(scope="module")
def published() -> list[tuple[str, dict]]:
    exercises = shipped_root("xblocks.appraisal.exercises", "assessments/appraisals")
    exercise = exercises.joinpath("fgc-trial.xml").read_text(encoding="utf-8")
    exercise = re.sub(r"\A\s*<\?xml[^>]*\?>\s*", "", exercise)
    tracker = '<eip_competency_tracker framework="research-literacy"/>'
    runtime = Runtime()
    root = runtime.get_block(
        runtime.parse_xml_string(f"<vertical>{exercise}{CASE}{tracker}</vertical>")
    )
    appraisal, case, tracker_block = (runtime.get_block(child) for child in root.children)
    _appraise(appraisal)
    _walk_case(case)
    _rate(tracker_block)
    tracker_block.student_view({})  # works the profile out: levels reached
    return runtime.published


# --- the tests ------------------------------------------------------------------------------


def test_the_course_publishes_every_kind_of_event(published):
    names = {name for name, _ in published}
    assert names == set(documented()), "docs/events.md documents events nobody sends"


def test_every_published_event_matches_its_table(published):
    docs = documented()
    problems = []
    for name, data in published:
        if name not in docs:
            problems.append(f"{name} is not documented in docs/events.md")
            continue
        problems += mismatches(name, data, docs)
    assert problems == []


def test_steps_of_every_kind_were_published(published):
    kinds = {data["kind"] for name, data in published if name == "edx.eip.case_study.step"}
    assert kinds == {"narrative", "evidence", "decision", "mapping", "reflection"}


def test_the_xapi_samples_are_events_as_documented():
    docs = documented()
    samples = [json.loads(line) for line in XAPI_SAMPLES.read_text("utf-8").splitlines()]
    assert {sample["name"] for sample in samples} == {n for n in docs if n.startswith("edx.eip")}
    problems = [p for sample in samples for p in mismatches(sample["name"], sample["data"], docs)]
    assert problems == []


@pytest.mark.parametrize(
    ("text", "good", "bad"),
    [
        ("string or null", None, 3),
        ("list of strings", ["a"], ["a", 1]),
        ("`{earned: number, possible: number}`", {"earned": 1, "possible": 2.5}, {"earned": 1}),
        ("object: item id → `{answer: string or null}`", {"1": {"answer": None}}, {"1": {}}),
        ("list of `{id: string, level: integer or null}`", [{"id": "a", "level": 1}], [{}]),
        ("number, 0\u20131", 0.5, "0.5"),
        ("integer", 2, True),
    ],
)
def test_the_type_language_reads_as_intended(text, good, bad):
    check = type_check(text)
    assert check(good) == []
    assert check(bad) != []
