"""The `eip_case_study` XBlock: walk a branching case, act on evidence, read the debrief.

The block is a shell over `xblocks.case_study.model`: it loads the case study from its
fields, moves the learner with the model's pure walk functions, keeps the walk in user state
after every step and publishes events. The page shows only what the learner has reached.

Attempts: a walk is one attempt; the first step starts attempt 1 and `restart` starts the
next, while attempts remain. Grading: each walk that reaches an ending scores points / max
points; the grade is weight x the best or the last of those fractions, as authored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from web_fragments.fragment import Fragment
from xblock.fields import Boolean, Dict, Float, Integer, List, Scope, String

from xblocks.case_study import presentation as present
from xblocks.case_study.model import (
    CATEGORIES,
    SCALE_MAX,
    SCALE_MIN,
    CaseStudy,
    parse_case_study,
    parse_case_study_parts,
)
from xblocks.case_study.model.authoring_warnings import case_study_warnings
from xblocks.case_study.model.tallies import add_walk_to_tallies
from xblocks.case_study.model.walk import (
    WalkError,
    advance,
    back,
    choose,
    map_statements,
    new_walk,
    walk_fits,
    walk_score,
)
from xblocks.core import handlers as shape
from xblocks.core.block import _, now_iso, page_language
from xblocks.core.events import publish_completion, publish_event, publish_grade
from xblocks.core.handlers import HandlerError, json_handler
from xblocks.core.language import Phrase
from xblocks.core.markdown import number_text, plain_text
from xblocks.core.messages import shown
from xblocks.core.olx_block import AuthoredBlock, AuthoredOLX
from xblocks.core.reports import report_rows
from xblocks.core.resources import CASE_STUDIES
from xblocks.core.scenarios import shipped_scenarios
from xblocks.core.xml import OLXError, OLXErrors

# Authored attributes, in the order a case-study file writes them, with Studio's limits.
OLX = AuthoredOLX(
    {
        "display_name": 200,
        "start": 100,
        "allow_back": 10,
        "max_attempts": 10,
        "grading": 10,
        "competencies": 1000,
        "weight": 20,
    },
    # `start` is the LMS's release date on every block, so the start node is `start_node`.
    fields={"start": "start_node"},
)
SCENARIOS_PACKAGE, SCENARIOS_FOLDER = CASE_STUDIES
CSS = "case_study.css"
MAX_TEXT = 5000

_NODE = shape.String(max_length=100, min_length=1)
ADVANCE_SHAPE = shape.Record(
    {"node": _NODE, "text": shape.String(max_length=MAX_TEXT)}, optional=("text",)
)
CHOOSE_SHAPE = shape.Record({"node": _NODE, "choice": shape.String(max_length=100)})
MAP_SHAPE = shape.Record(
    {
        "node": _NODE,
        "placements": shape.MapOf(shape.String(choices=CATEGORIES), max_items=200),
        "scale": shape.Nullable(shape.Integer(minimum=SCALE_MIN, maximum=SCALE_MAX)),
        "reason": shape.String(max_length=MAX_TEXT),
    },
    optional=("scale", "reason"),
)
EMPTY_SHAPE = shape.Record({})


class CaseStudyBlock(AuthoredBlock):
    """A branching case study: act on evidence for a family, then read the debrief."""

    EVENT_FAMILY = "case_study"
    RESOURCE_PACKAGE = "xblocks.case_study"
    STYLESHEET = CSS
    SEARCH_TYPE = "Case study"
    MOBILE_FIELDS = ("allow_back", "max_attempts", "weight", "attempts")
    OLX = OLX
    parse_model = staticmethod(parse_case_study)
    parse_parts = staticmethod(parse_case_study_parts)

    display_name = String(
        display_name=_("Display name"), scope=Scope.settings, default=_("Case study")
    )
    start_node = String(
        display_name=_("Start node"),
        help=_("The id of the node the case study starts at"),
        scope=Scope.settings,
        default="",
    )
    allow_back = Boolean(display_name=_("Allow going back"), scope=Scope.settings, default=True)
    grading = String(
        display_name=_("Grading"),
        help=_("best: the best attempt counts; last: the last attempt counts"),
        scope=Scope.settings,
        default="best",
    )
    content_xml = String(
        help=_("The nodes of the case study, as XML"), scope=Scope.content, default=""
    )

    walk = Dict(help="The learner's current walk (the model's state)", scope=Scope.user_state)
    attempts = Integer(help="Walks started", scope=Scope.user_state, default=0)
    completed = List(help="Walks that reached an ending", scope=Scope.user_state, default=[])
    best_fraction = Float(scope=Scope.user_state, default=0.0)
    last_fraction = Float(scope=Scope.user_state, default=0.0)
    tallies = Dict(help="Anonymous choice counts", scope=Scope.user_state_summary, default={})

    # --- OLX ---------------------------------------------------------------------------

    def case_study(self) -> CaseStudy:
        """The case study these fields hold (see `AuthoredBlock.model`)."""
        return self.model()

    # --- learner view --------------------------------------------------------------------

    def student_view(self, context: dict | None = None) -> Fragment:
        try:
            case = self.case_study()
        except (OLXError, OLXErrors) as error:
            return self.unavailable_fragment(error)
        page = {
            "uid": self._uid(),
            "display_name": self.display_title(),
            "walk_html": self._walk_html(case, self._current_walk(case)),
        }
        return self.learner_fragment(
            "student.html",
            page,
            js=["case_study.js"],
            js_init="EIPCaseStudyBlock",
            js_init_args=self._js_args(),
        )

    def _current_walk(self, case: CaseStudy) -> dict:
        """The stored walk, or a fresh one if none was started or the stored one no longer
        fits the case study (its content was edited since)."""
        walk = self.walk
        if walk and walk_fits(case, walk):
            return walk
        return new_walk(case)

    def _walk_html(self, case: CaseStudy, walk: dict) -> str:
        """The learner's current node: a step to take, or the debrief of an ending."""
        uid = self._uid()
        gettext = self.ugettext
        lang = page_language()
        previous_html = self.render_html(
            "previous.html",
            {"uid": uid, "previous": present.previous_context(case, walk, gettext, lang)},
        )
        if self._ended(case, walk):
            _, _, fraction = walk_score(case, walk)
            context = {
                "uid": uid,
                "node": present.ending_context(case, walk, fraction, self.tallies, gettext, lang),
                "previous_html": previous_html,
                "score_text": self._score_text(case, walk),
                "grade_text": self._grade_text(),
                "attempts_text": self._attempts_text(),
                "can_restart": self._attempts_left() != 0,
            }
            return self.render_html("ending.html", context)
        context = {
            "uid": uid,
            "node": present.node_context(case, walk, uid, gettext, lang),
            "previous_html": previous_html,
            "history_html": self.render_html(
                "history.html", {"history": present.history_context(case, walk, gettext, lang)}
            ),
            "can_go_back": case.allow_back and bool(walk.get("steps")),
            "attempts_text": self._attempts_text(),
        }
        return self.render_html("node.html", context)

    @staticmethod
    def _ended(case: CaseStudy, walk: dict) -> bool:
        return bool(walk.get("ended")) or case.node(walk["node"]).kind == "ending"

    def _attempts_text(self) -> str:
        attempt = max(self.attempts, 1)
        if not self.max_attempts:
            return self.ugettext("Attempt {number} (no limit)").format(number=attempt)
        return self.ugettext("Attempt {number} of {limit}").format(
            number=attempt, limit=self.max_attempts
        )

    def _score_text(self, case: CaseStudy, walk: dict) -> str:
        points, max_points, fraction = walk_score(case, walk)
        return self.ugettext("Your score: {points} out of {possible} ({percent}%)").format(
            points=number_text(points),
            possible=number_text(max_points),
            percent=present.percent(fraction),
        )

    def _grade_text(self) -> str:
        if len(self.completed) < 2:
            return ""
        if self.grading == "last":
            return self.ugettext("Your last attempt counts: {percent}%.").format(
                percent=present.percent(self.last_fraction)
            )
        return self.ugettext("Your best attempt counts: {percent}%.").format(
            percent=present.percent(self.best_fraction)
        )

    def _js_args(self) -> dict:
        strings = {
            "working": _("Saving your step\u2026"),
            "failed": _("Your step could not be saved. Please try again."),
            "chooseFirst": _("Choose one of the options first."),
            "placeAll": _("Sort every statement before you continue."),
            "scaleNeeded": _("The safety scale takes a whole number from 0 to 10."),
        }
        return {"strings": {key: self.ugettext(text) for key, text in strings.items()}}

    # --- handlers ------------------------------------------------------------------------

    @json_handler(ADVANCE_SHAPE)
    def advance(self, data: dict, suffix: str = "") -> dict:
        """Go on from a narrative, an evidence card or a reflection (with its text)."""
        text = data.get("text", "")
        return self._step(
            data["node"], lambda case, walk: advance(case, walk, data["node"], text=text)
        )

    @json_handler(CHOOSE_SHAPE)
    def choose(self, data: dict, suffix: str = "") -> dict:
        """Make a choice at a decision; its feedback is shown with the node it leads to."""
        return self._step(
            data["node"], lambda case, walk: choose(case, walk, data["node"], data["choice"])
        )

    @json_handler(MAP_SHAPE)
    def map(self, data: dict, suffix: str = "") -> dict:
        """Sort a mapping's statements (and perhaps give the safety scale); feedback comes
        with the next node."""

        def act(case: CaseStudy, walk: dict) -> dict:
            return map_statements(
                case,
                walk,
                data["node"],
                data["placements"],
                data.get("scale"),
                data.get("reason", ""),
            )

        return self._step(data["node"], act, mapped=True)

    @json_handler(EMPTY_SHAPE)
    def back(self, data: dict, suffix: str = "") -> dict:
        """Undo the last step and its points, when the case study allows it."""
        case = self._handler_case()
        try:
            walk = back(case, self._current_walk(case))
        except WalkError as error:
            raise self._refusal(error) from None
        self.walk = walk
        return self._response(case, walk)

    @json_handler(EMPTY_SHAPE)
    def restart(self, data: dict, suffix: str = "") -> dict:
        """Start a new walk from the beginning, as a new attempt, while attempts remain."""
        case = self._handler_case()
        if self._attempts_left() == 0:
            raise HandlerError(self.ugettext("You have used all your attempts."), 409)
        self.walk = new_walk(case)
        self.attempts += 1
        return self._response(case, self.walk)

    def _handler_case(self) -> CaseStudy:
        try:
            return self.case_study()
        except (OLXError, OLXErrors):
            raise HandlerError(self.ugettext("This case study is not available."), 409) from None

    def _step(
        self, node_id: str, act: Callable[[CaseStudy, dict], dict], *, mapped: bool = False
    ) -> dict:
        """Take one step from `node_id`: the model moves the walk; the block saves it and
        publishes what happened."""
        case = self._handler_case()
        walk = self._current_walk(case)
        try:
            moved = act(case, walk)
        except WalkError as error:
            raise self._refusal(error) from None
        if not self.walk:
            self.attempts += 1  # the first step of the first walk starts attempt 1
        self.walk = moved
        if mapped:
            publish_event(self, "mapped", present.mapped_event(case, moved, self.attempts))
        publish_event(self, "step", present.step_event(case, moved, self.attempts))
        if self._ended(case, moved):
            self._complete(case, moved)
        return self._response(case, moved)

    def _refusal(self, error: WalkError) -> HandlerError:
        """The model's refusal as a message the learner can act on, in their language."""
        message, status = _REFUSALS.get(error.code, (None, 400))
        return HandlerError(self.ugettext(message) if message else error.message, status)

    def _response(self, case: CaseStudy, walk: dict) -> dict:
        status = self._status_text(case, walk)
        return {
            "node_html": self._walk_html(case, walk),
            "status": str(status),
            # The same sentence in pieces, each with its language where it is not the
            # block's, for the script to announce with the node's title marked.
            "status_parts": status.as_json(),
            "ended": self._ended(case, walk),
            "attempts_left": self._attempts_left(),
        }

    def _status_text(self, case: CaseStudy, walk: dict) -> Phrase:
        node = case.node(walk["node"])
        language = self.language()
        title = language.english(node.title)
        if self._ended(case, walk):
            return language.phrase(
                self.ugettext("You reached an ending: {title}. {score}"),
                title=title,
                score=self._score_text(case, walk),
            )
        return language.phrase(
            self.ugettext("Step {number}: {title}"),
            number=len(walk.get("steps") or ()) + 1,
            title=title,
        )

    def _complete(self, case: CaseStudy, walk: dict) -> None:
        """The walk reached an ending: record it, grade, complete, tally, publish."""
        _, _, fraction = walk_score(case, walk)
        first = not self.completed
        self.completed = [
            *self.completed,
            {
                "attempt": self.attempts,
                **present.finished_walk(case, walk),
                "completed_at": now_iso(),
            },
        ]
        self.best_fraction = max(self.best_fraction, fraction)
        self.last_fraction = fraction
        if first:
            self.tallies = add_walk_to_tallies(self.tallies, case, walk)
        counted = self.last_fraction if self.grading == "last" else self.best_fraction
        grade = {"value": counted * self.weight, "max_value": self.weight}
        publish_grade(self, grade["value"], grade["max_value"])
        publish_completion(self, 1.0)
        event = present.completed_event(case, walk, self.attempts)
        event.update(max_attempts=self.max_attempts, grading=self.grading, grade=grade)
        publish_event(self, "completed", event)

    # --- staff ---------------------------------------------------------------------------

    def author_view(self, context: dict | None = None) -> Fragment:
        """Studio preview: the whole graph as an outline, with anything to look at."""
        try:
            case = self.case_study()
        except (OLXError, OLXErrors) as error:
            return self.unavailable_fragment(error, staff_only=False)
        context = present.outline_context(case, self.ugettext, page_language())
        context.update(
            uid=self._uid(),
            display_name=self.display_title(),
            # Authoring warnings in the author's language (the blocks' catalogue).
            warnings=[
                shown(text, self.language(), self.ugettext) for text in case_study_warnings(case)
            ],
            settings_text=self._settings_text(case),
        )
        return self.learner_fragment("author.html", context)

    def _settings_text(self, case: CaseStudy) -> str:
        grading = (
            self.ugettext("the best attempt counts")
            if case.grading == "best"
            else self.ugettext("the last attempt counts")
        )
        attempts = str(case.max_attempts) if case.max_attempts else self.ugettext("no limit")
        back_text = self.ugettext("yes") if case.allow_back else self.ugettext("no")
        return self.ugettext(
            "Maximum score: {points} points. Attempts: {attempts}; {grading}. "
            "Going back allowed: {back}. Weight: {weight}."
        ).format(
            points=case.max_points,
            attempts=attempts,
            grading=grading,
            back=back_text,
            weight=number_text(case.weight),
        )

    def studio_view(self, context: dict | None = None) -> Fragment:
        """The editor: settings and the scenario XML, validated before anything is saved."""
        values = OLX.studio_values(self)
        return self.studio_fragment(
            "studio_fields.html", {"values": values}, modifier="eip-case-study-studio"
        )

    studio_submit = OLX.studio_handler(parse_case_study_parts)

    def generate_report_data(
        self, user_state_iterator: Any, limit_responses: int | None = None
    ) -> Iterator[tuple[str, dict]]:
        """One row per learner who started: path, points, ending, placements, attempts."""
        case = self.case_study()
        yield from report_rows(
            user_state_iterator,
            lambda state: present.report_row(case, state, walk_score),
            limit_responses,
        )

    # --- platform integration ------------------------------------------------------------

    def mobile_data(self) -> dict:
        """For the mobile apps: the learner's current node, never what is ahead."""
        case = self.case_study()
        walk = self._current_walk(case)
        return {
            "categories": list(CATEGORIES),
            "steps_taken": len(walk.get("steps") or ()),
            "current": present.current_data(case, walk),
        }

    def search_content(self) -> dict[str, str]:
        """For course search: the opening of the case, as plain text."""
        case = self.case_study()
        start = case.node(case.start)
        opening = getattr(start, "body_md", "") or getattr(start, "prompt_md", "")
        return {"title": start.title, "summary": plain_text(opening)}

    @staticmethod
    def workbench_scenarios() -> list[tuple[str, str]]:
        """One scenario per shipped case study; a broken one raises with its file and line."""
        return shipped_scenarios(SCENARIOS_PACKAGE, SCENARIOS_FOLDER, parse_case_study)


# The model's refusal codes (WalkError.code) -> what the learner is told, and the status.
_REFUSALS = {
    "ended": (_("This attempt has ended. Start again to take another path."), 409),
    "stale": (_("This page is out of date. Reload it to carry on where you left off."), 409),
    "wrong_kind": (_("This page is out of date. Reload it to carry on where you left off."), 409),
    "unknown_choice": (_("Choose one of the options first."), 400),
    "placements": (_("Sort every statement before you continue."), 400),
    "scale": (_("The safety scale takes a whole number from 0 to 10."), 400),
    "at_start": (_("You are at the start: there is no step to undo."), 409),
    "no_back": (_("This case study does not let you go back."), 409),
}
