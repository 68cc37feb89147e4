"""Fixtures for the eip_case_study block tests: blocks parsed from a small case study and the
shipped ones in the shared recording runtime, learners who call their handlers as the LMS
does and walk them, and a probe for text a learner must not see before reaching it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import lxml.html
import pytest

from xblocks.case_study.block import SCENARIOS_FOLDER, SCENARIOS_PACKAGE, CaseStudyBlock
from xblocks.core.markdown import plain_text
from xblocks.core.resources import shipped_root

# A small case study whose every score is easy to work out by hand. Best path:
# intro > ev-a > first (good, 2) > map (3 x 1) > reflect > final (safe, 2) = 7 points.
SMALL_CASE = """\
<eip_case_study display_name="A first home visit" start="intro" allow_back="true"
    max_attempts="2" grading="best" competencies="apply.decisions:2 integrate.sources"
    weight="2">
  <narrative id="intro" next="ev-a" title="The referral">
    <body><![CDATA[
*A composite family.* A midwife has referred Ana, who is pregnant, because her partner
controls her money and phone.
]]></body>
  </narrative>
  <evidence id="ev-a" next="first" title="Seeing people alone" certainty="moderate"
      fictional="true">
    <summary><![CDATA[
A fictional summary: people at risk disclose more when they are seen on their own, by
someone they already trust, somewhere they feel safe.
]]></summary>
    <citation>Fictional; written for this course.</citation>
  </evidence>
  <decision id="first" title="First contact">
    <prompt><![CDATA[How do you make **first contact**?]]></prompt>
    <choice id="good" target="map" points="2" evidence="ev-a">
      <label>See Ana alone at her next antenatal appointment</label>
      <feedback><![CDATA[
Feedback on seeing Ana alone: the safest way to learn more, through someone she trusts.
]]></feedback>
    </choice>
    <choice id="poor" target="reflect" points="0" evidence="">
      <label>Visit Ana and her partner together at home</label>
      <feedback><![CDATA[
Feedback on the joint visit: Ana cannot speak freely with her partner in the room.
]]></feedback>
    </choice>
  </decision>
  <mapping id="map" next="reflect" title="What we know so far" points="1" scale="true">
    <prompt><![CDATA[Sort what you learned at the appointment.]]></prompt>
    <statement id="s1" expected="worried">
      <text>Her partner checks her phone every evening</text>
      <feedback><![CDATA[
Statement feedback one: coercive control is a known danger sign.
      ]]></feedback>
    </statement>
    <statement id="s2" expected="working_well">
      <text>Ana's mother visits twice a week</text>
      <feedback><![CDATA[
Statement feedback two: a trusted adult around the baby is a strength.
      ]]></feedback>
    </statement>
    <statement id="s3" expected="next_steps">
      <text>A written safety plan agreed with Ana</text>
      <feedback><![CDATA[
Statement feedback three: a plan is something that needs to happen.
      ]]></feedback>
    </statement>
    <scale-guidance><![CDATA[
The authors would put this at about 3: the danger is current.
    ]]></scale-guidance>
  </mapping>
  <reflection id="reflect" next="final" title="Pause and reflect" shareable="true">
    <prompt><![CDATA[What did you notice about your own first reaction?]]></prompt>
  </reflection>
  <decision id="final" title="The plan">
    <prompt><![CDATA[What goes into the plan?]]></prompt>
    <choice id="safe" target="end-safe" points="2" evidence="ev-a">
      <label>A plan made with Ana and an independent advocate</label>
      <feedback><![CDATA[
Feedback on the advocate plan: Ana keeps control of her own safety.
      ]]></feedback>
    </choice>
    <choice id="risky" target="end-risky" points="0">
      <label>Close the case once the baby is born</label>
      <feedback><![CDATA[
Feedback on closing the case: the risk rises around the birth.
      ]]></feedback>
    </choice>
  </decision>
  <ending id="end-safe" title="A plan that holds">
    <outcome><![CDATA[
Outcome of the safe ending: Ana and the baby are safe at six months.
    ]]></outcome>
    <debrief><![CDATA[
Debrief of the safe ending: seeing Ana alone opened everything up.
    ]]></debrief>
    <band min="0.8"><![CDATA[High band words: you acted on the evidence throughout.]]></band>
    <band min="0"><![CDATA[Low band words: look again at the first decision you made.]]></band>
  </ending>
  <ending id="end-risky" title="A crisis after the birth">
    <outcome><![CDATA[
Outcome of the risky ending: the police are called a week after the birth.
    ]]></outcome>
    <debrief><![CDATA[
Debrief of the risky ending: the birth is a time of rising danger.
    ]]></debrief>
    <band min="0"><![CDATA[Risky band words: read the advocacy evidence card again.]]></band>
  </ending>
</eip_case_study>
"""

SHIPPED = sorted(
    entry.name
    for entry in shipped_root(SCENARIOS_PACKAGE, SCENARIOS_FOLDER).iterdir()
    if entry.name.endswith(".xml")
)


def shipped_text(name: str) -> str:
    return shipped_root(SCENARIOS_PACKAGE, SCENARIOS_FOLDER).joinpath(name).read_text("utf-8")


def case_text(name_or_xml: str) -> str:
    if name_or_xml == "small":
        return SMALL_CASE
    return shipped_text(name_or_xml) if name_or_xml.endswith(".xml") else name_or_xml


class WalkActions:
    """What a case-study Learner does besides calling handlers: step and play a walk."""

    @property
    def case(self) -> Any:
        return self.block.case_study()

    def step(self, *choices: str, scale: int | None = 5, **placements: str) -> tuple[int, dict]:
        """Take the step the current node asks for: `choices[0]` at a decision, the expected
        placements (overridden by `placements`) at a mapping, "Continue" elsewhere."""
        block = self.block
        case = block.case_study()
        walk = block._current_walk(case)
        node = case.node(walk["node"])
        if node.kind == "decision":
            return self.call("choose", {"node": node.id, "choice": choices[0]})
        if node.kind == "mapping":
            placed = {item.id: placements.get(item.id, item.expected) for item in node.statements}
            data = {"node": node.id, "placements": placed}
            if node.scale:
                data.update(scale=scale, reason="Because of what she said.")
            return self.call("map", data)
        if node.kind == "reflection":
            return self.call("advance", {"node": node.id, "text": "My reflection."})
        return self.call("advance", {"node": node.id})

    def play(self, route: dict[str, str], **placements: str) -> list[dict]:
        """Walk to an ending taking `route[decision id]` at each decision (else its first
        choice); returns every response body on the way."""
        bodies = []
        for _ in range(200):
            case = self.case
            walk = self.block._current_walk(case)
            node = case.node(walk["node"])
            if node.kind == "ending":
                return bodies
            choice = route.get(node.id) or (node.choices[0].id if node.kind == "decision" else "")
            status, body = self.step(choice, **placements)
            assert status == 200, body
            bodies.append(body)
        raise AssertionError("the walk did not reach an ending")

    def node_id(self) -> str:
        block = self.block
        return block._current_walk(block.case_study())["node"]


@pytest.fixture
def case_runtime(block_runtime) -> Any:
    return block_runtime("eip_case_study", CaseStudyBlock)


@pytest.fixture
def load_case(case_runtime) -> Callable[[str], Any]:
    """load_case("small" | shipped file name | XML) -> usage id of a block parsed from it."""

    def load(name_or_xml: str) -> Any:
        return case_runtime.parse_xml_string(case_text(name_or_xml))

    return load


@pytest.fixture
def learner(make_learners, case_runtime, load_case) -> Callable[..., Any]:
    """learner(case="small", user_id="learner") -> a Learner of a block of that case study,
    with its WalkActions."""
    return make_learners(case_runtime, load_case, "small", WalkActions)


@pytest.fixture
def small_case_xml() -> str:
    return SMALL_CASE


@pytest.fixture
def case_source() -> Callable[[str], str]:
    """case_source("small" | shipped file name) -> the XML text."""
    return case_text


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "shipped_case" in metafunc.fixturenames:
        metafunc.parametrize("shipped_case", SHIPPED)


# --- the secrecy probe ---------------------------------------------------------------------


def shown_text(html_or_text: str) -> str:
    """The text a reader sees, whitespace folded."""
    return " ".join(lxml.html.fromstring(f"<div>{html_or_text}</div>").text_content().split())


@dataclass(frozen=True)
class CaseStudyProbe:
    """Text a learner must not receive before reaching it, keyed by what reveals it:
    ("choice", decision, choice) for a choice's feedback, ("mapping", node) for its
    statements' feedback and scale guidance, ("ending", node) for an ending's outcome,
    debrief and bands. Snippets are the start and end of each text as shown, skipping any
    that also occur in text a learner may see anywhere (titles, prompts, labels...)."""

    secrets: dict[tuple[str, ...], tuple[str, ...]]

    @classmethod
    def of(cls, case: Any) -> CaseStudyProbe:
        public = " ".join(_public_texts(case))
        secrets: dict[tuple[str, ...], list[str]] = {}
        for key, markdown in _secret_texts(case):
            shown = plain_text(markdown)
            if len(shown) < 24:
                continue
            snippets = [part for part in (shown[:50], shown[-50:]) if part not in public]
            secrets.setdefault(key, []).extend(snippets)
        return cls({key: tuple(found) for key, found in secrets.items() if found})

    def leaks(self, response: str, revealed: set[tuple[str, ...]] = frozenset()) -> list:
        """The keys (not in `revealed`) whose snippets are in `response`, raw or as shown."""
        shown = shown_text(response) if "<" in response else response
        found = []
        for key, snippets in self.secrets.items():
            if key in revealed:
                continue
            if any(snippet in response or snippet in shown for snippet in snippets):
                found.append(key)
        return found


def _public_texts(case: Any) -> Iterator[str]:
    for node in case.nodes.values():
        yield node.title
        for name in ("body_md", "summary_md", "prompt_md", "citation"):
            if getattr(node, name, ""):
                yield plain_text(getattr(node, name))
        for choice in getattr(node, "choices", ()):
            yield choice.label
        for statement in getattr(node, "statements", ()):
            yield statement.text


def _secret_texts(case: Any) -> Iterator[tuple[tuple[str, ...], str]]:
    for node in case.nodes.values():
        if node.kind == "decision":
            for choice in node.choices:
                yield ("choice", node.id, choice.id), choice.feedback_md
        elif node.kind == "mapping":
            for statement in node.statements:
                yield ("mapping", node.id), statement.feedback_md
            yield ("mapping", node.id), node.scale_guidance_md or ""
        elif node.kind == "ending":
            yield ("ending", node.id), node.outcome_md
            yield ("ending", node.id), node.debrief_md
            for band in node.bands:
                yield ("ending", node.id), band.text_md


def revealed_by(walk: dict) -> set[tuple[str, ...]]:
    """The secrets a walk has reached: its choices' feedback, its mappings, its ending."""
    revealed: set[tuple[str, ...]] = set()
    for step in walk.get("steps") or ():
        if step.get("choice"):
            revealed.add(("choice", step["node"], step["choice"]))
        if step.get("kind") == "mapping":
            revealed.add(("mapping", step["node"]))
    if walk.get("ended"):
        revealed.add(("ending", walk["ended"]))
    return revealed


@pytest.fixture
def case_probe() -> Callable[[Any], CaseStudyProbe]:
    """`case_probe(case)`: a CaseStudyProbe for that case study."""
    return CaseStudyProbe.of


@pytest.fixture
def walk_reveals() -> Callable[[dict], set]:
    """`walk_reveals(walk)`: the probe keys a walk has legitimately reached."""
    return revealed_by


def strings_in(value: Any) -> Iterator[str]:
    """Every string in a JSON value (so HTML inside JSON is checked unescaped)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


@pytest.fixture
def json_strings() -> Callable[[Any], list[str]]:
    return lambda value: list(strings_in(value))
