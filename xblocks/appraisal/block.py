"""The `eip_appraisal` XBlock: read a study, appraise it with an instrument, compare with an expert.

The block is a shell over `xblocks.appraisal.model`: it loads the exercise from its fields,
asks the model to check, score and tally, keeps the learner's state and publishes events.

Grading: the model scores each attempt as earned/possible. The block keeps the best fraction
over all attempts and publishes grade = best fraction x weight out of weight, so
`max_score()` is the weight and trying again never lowers a learner's grade.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from web_fragments.fragment import Fragment
from xblock.fields import Boolean, Dict, Float, Integer, Scope, String

from xblocks.appraisal import presentation as present
from xblocks.appraisal.model.exercise import Exercise, parse_exercise, parse_exercise_parts
from xblocks.appraisal.model.library import list_instruments
from xblocks.appraisal.model.scoring import check_complete, score_appraisal
from xblocks.appraisal.model.tallies import add_to_tallies
from xblocks.core import handlers as shape
from xblocks.core.block import _, now_iso, page_language
from xblocks.core.events import publish_completion, publish_event, publish_grade
from xblocks.core.handlers import HandlerError, json_handler
from xblocks.core.markdown import number_text, plain_text
from xblocks.core.olx_block import AuthoredBlock, AuthoredOLX
from xblocks.core.reports import report_rows
from xblocks.core.resources import APPRAISAL_EXERCISES
from xblocks.core.scenarios import shipped_scenarios
from xblocks.core.xml import OLXError, OLXErrors

# Authored attributes, in the order an exercise file writes them, with Studio's limits.
OLX = AuthoredOLX(
    {
        "display_name": 200,
        "instrument": 100,
        "instrument_version": 20,
        "competencies": 1000,
        "weight": 20,
        "max_attempts": 10,
        "require_reasons": 2000,
    },
    model_names={"instrument": "instrument_id"},
)
EXERCISES_PACKAGE, EXERCISES_FOLDER = APPRAISAL_EXERCISES
CSS = "appraisal.css"
MAX_REASON = 5000

# A text-only item's written answer is its "answer"; a scale item's "answer" is an option value.
_ENTRY = shape.Record(
    {"answer": shape.String(max_length=MAX_REASON), "reason": shape.String(max_length=MAX_REASON)},
    optional=("answer", "reason"),
)
APPRAISAL_SHAPE = shape.Record(
    {"answers": shape.MapOf(_ENTRY, max_items=200), "overall": _ENTRY, "stopped": shape.Boolean()},
    optional=("overall", "stopped"),
)


class AppraisalBlock(AuthoredBlock):
    """A critical-appraisal exercise: a study, an instrument and an expert's appraisal."""

    EVENT_FAMILY = "appraisal"
    RESOURCE_PACKAGE = "xblocks.appraisal"
    STYLESHEET = CSS
    SEARCH_TYPE = "Appraisal"
    MOBILE_FIELDS = ("max_attempts", "weight")
    OLX = OLX
    parse_model = staticmethod(parse_exercise)
    parse_parts = staticmethod(parse_exercise_parts)

    display_name = String(
        display_name=_("Display name"), scope=Scope.settings, default=_("Critical appraisal")
    )
    instrument = String(display_name=_("Instrument"), scope=Scope.settings, default="")
    instrument_version = String(
        display_name=_("Instrument version"), scope=Scope.settings, default="1"
    )
    require_reasons = String(
        display_name=_("Reasons required"), scope=Scope.settings, default="all"
    )
    content_xml = String(
        help=_("The study and the expert appraisal, as XML"), scope=Scope.content, default=""
    )

    draft = Dict(scope=Scope.user_state, default={})
    attempts = Integer(scope=Scope.user_state, default=0)
    submission = Dict(scope=Scope.user_state, default={})
    retrying = Boolean(scope=Scope.user_state, default=False)
    best_fraction = Float(scope=Scope.user_state, default=0.0)
    tallies = Dict(scope=Scope.user_state_summary, default={})

    # --- OLX ---------------------------------------------------------------------------

    def exercise(self) -> Exercise:
        """The exercise these fields hold (see `AuthoredBlock.model`)."""
        return self.model()

    # --- learner view --------------------------------------------------------------------

    def student_view(self, context: dict | None = None) -> Fragment:
        try:
            exercise = self.exercise()
        except (OLXError, OLXErrors) as error:
            return self.unavailable_fragment(error)
        uid = self._uid()
        page = {
            "uid": uid,
            "display_name": self.display_title(),
            "study_html": self._study_html(exercise),
            "work_html": self._feedback_html(exercise)
            if self._showing_feedback()
            else self._form_html(exercise),
        }
        return self.learner_fragment(
            "student.html",
            page,
            js=["appraisal.js"],
            js_init="EIPAppraisalBlock",
            js_init_args=self._js_args(),
        )

    def _study_html(self, exercise: Exercise) -> str:
        study = present.study_context(exercise.study, page_language())
        return self.render_html("study.html", {"uid": self._uid(), "study": study})

    def _form_html(self, exercise: Exercise) -> str:
        context = present.form_context(exercise, self.draft, page_language(), self._uid())
        context.update(
            uid=self._uid(),
            attempts_text=self._attempts_text(),
            can_submit=self._attempts_left() != 0,
        )
        return self.render_html("form.html", context)

    def _feedback_html(self, exercise: Exercise) -> str:
        submission = self.submission
        result = score_appraisal(
            exercise, submission.get("answers") or {}, submission.get("overall") or {}
        )
        context = present.feedback_context(
            exercise, result, self.tallies, page_language(), self.ugettext
        )
        context.update(
            uid=self._uid(),
            score_text=self._score_text(),
            attempts_text=self._attempts_text(),
            stopped=bool(submission.get("stopped")),
            can_retry=self._attempts_left() != 0,
        )
        return self.render_html("feedback.html", context)

    def _showing_feedback(self) -> bool:
        return bool(self.submission) and not self.retrying

    def _attempts_text(self) -> str:
        if not self.max_attempts:
            return self.ugettext("Attempts used: {used} (no limit)").format(used=self.attempts)
        return self.ugettext("Attempts used: {used} of {limit}").format(
            used=self.attempts, limit=self.max_attempts
        )

    def _score_text(self) -> str:
        earned = self.submission.get("earned", 0)
        possible = self.submission.get("possible", 0)
        percent = round(100 * earned / possible) if possible else 0
        return self.ugettext("Your score: {earned} out of {possible} ({percent}%)").format(
            earned=number_text(earned),
            possible=number_text(possible),
            percent=percent,
        )

    def _js_args(self) -> dict:
        strings = {
            "saved": _("Draft saved"),
            "saveFailed": _("Your answers could not be saved. We will try again."),
            "submitting": _("Submitting your appraisal\u2026"),
            "submitFailed": _("Your appraisal could not be submitted. Please try again."),
            "showHint": _("Show hint"),
            "hideHint": _("Hide hint"),
            "retryReady": _("Your previous answers are in the form. Change them and submit."),
            "retryFailed": _("Could not start a new attempt. Please try again."),
        }
        return {
            "strings": {key: self.ugettext(text) for key, text in strings.items()},
            "autosaveDelay": 1500,
        }

    # --- handlers ------------------------------------------------------------------------

    @json_handler(APPRAISAL_SHAPE)
    def save_draft(self, data: dict, suffix: str = "") -> dict:
        """Keep the learner's answers as they go."""
        self.draft = self._checked_appraisal(self._handler_exercise(), data)
        return {"saved_at": now_iso()}

    @json_handler(APPRAISAL_SHAPE)
    def submit(self, data: dict, suffix: str = "") -> dict:
        """Score a complete appraisal, store it, publish grade, completion and the event."""
        exercise = self._handler_exercise()
        appraisal = self._checked_appraisal(exercise, data)
        if self._attempts_left() == 0:
            raise HandlerError(self.ugettext("You have used all your attempts."), 409)
        if self._showing_feedback():
            raise HandlerError(
                self.ugettext(
                    "You have already submitted. Choose Try again to start a new attempt."
                ),
                409,
            )
        problems = check_complete(
            exercise,
            appraisal["answers"],
            appraisal["overall"],
            appraisal["stopped"],
            lang=page_language(),
            gettext=self.ugettext,
        )
        if problems:
            raise HandlerError("\n".join(problems), 400)
        result = score_appraisal(exercise, appraisal["answers"], appraisal["overall"])
        self._record(exercise, appraisal, result)
        return {
            "feedback_html": self._feedback_html(exercise),
            "status": self._score_text(),
            "attempts_left": self._attempts_left(),
        }

    @json_handler(shape.Record({}))
    def retry(self, data: dict, suffix: str = "") -> dict:
        """Start a new attempt from the last submitted answers."""
        exercise = self._handler_exercise()
        if self._attempts_left() == 0:
            raise HandlerError(self.ugettext("You have used all your attempts."), 409)
        if not self._showing_feedback():
            raise HandlerError(self.ugettext("Submit your appraisal before trying again."), 409)
        last = self.submission
        self.draft = {
            "answers": last.get("answers") or {},
            "overall": last.get("overall") or {},
            "stopped": False,
        }
        self.retrying = True
        return {"form_html": self._form_html(exercise), "attempts_left": self._attempts_left()}

    def _handler_exercise(self) -> Exercise:
        try:
            return self.exercise()
        except (OLXError, OLXErrors):
            raise HandlerError(self.ugettext("This exercise is not available."), 409) from None

    def _checked_appraisal(self, exercise: Exercise, data: dict) -> dict:
        """The request's answers, refused (400) if they name unknown items or options."""
        instrument = exercise.instrument
        answers = {}
        for item_id, entry in data["answers"].items():
            item = next((item for item in instrument.items if item.id == item_id), None)
            if item is None:
                raise HandlerError(self.ugettext("Unknown item: {id}").format(id=item_id[:40]))
            answers[item_id] = self._checked_entry(instrument, item.scale_id, entry, item_id)
        overall = self._checked_entry(
            instrument, instrument.overall_scale_id, data.get("overall") or {}, present.OVERALL
        )
        return {"answers": answers, "overall": overall, "stopped": data.get("stopped", False)}

    def _checked_entry(
        self, instrument: Any, scale_id: str | None, entry: dict, where: str
    ) -> dict:
        answer = entry.get("answer", "")
        if answer and scale_id and answer not in instrument.scale(scale_id).values:
            raise HandlerError(
                self.ugettext("Not an answer to {id}: {answer}").format(
                    id=where, answer=answer[:40]
                )
            )
        return {"answer": answer, "reason": entry.get("reason", "")}

    def _record(self, exercise: Exercise, appraisal: dict, result: Any) -> None:
        first = self.attempts == 0
        self.attempts += 1
        self.submission = {
            **appraisal,
            "earned": result.earned,
            "possible": result.possible,
            "submitted_at": now_iso(),
        }
        self.draft = appraisal
        self.retrying = False
        self.best_fraction = max(self.best_fraction, result.fraction)
        if first:
            self.tallies = add_to_tallies(
                self.tallies,
                appraisal["answers"],
                appraisal["overall"]["answer"],
                exercise.instrument,
            )
        publish_grade(self, self.best_fraction * self.weight, self.weight)
        publish_completion(self, 1.0)
        event = present.submitted_event(exercise, appraisal, result)
        event.update(
            attempt=self.attempts,
            max_attempts=self.max_attempts,
            grade={"value": self.best_fraction * self.weight, "max_value": self.weight},
        )
        publish_event(self, "submitted", event)

    # --- staff ---------------------------------------------------------------------------

    def author_view(self, context: dict | None = None) -> Fragment:
        """Studio preview: the study with the expert appraisal."""
        try:
            exercise = self.exercise()
        except (OLXError, OLXErrors) as error:
            return self.unavailable_fragment(error, staff_only=False)
        context = present.expert_context(exercise, page_language(), self.ugettext)
        context.update(
            uid=self._uid(),
            display_name=self.display_title(),
            study_html=self._study_html(exercise),
        )
        return self.learner_fragment("author.html", context)

    def studio_view(self, context: dict | None = None) -> Fragment:
        """The editor: settings and the exercise XML, validated before anything is saved."""
        show = self.language().show
        instruments = sorted({(item.id, show(item.title)) for item in list_instruments()})
        values = OLX.studio_values(self)
        return self.studio_fragment(
            "studio_fields.html",
            {
                "values": values,
                "instruments": [{"id": id_, "title": title} for id_, title in instruments],
            },
            modifier="eip-appraisal-studio",
        )

    studio_submit = OLX.studio_handler(parse_exercise_parts)

    def generate_report_data(
        self, user_state_iterator: Any, limit_responses: int | None = None
    ) -> Iterator[tuple[str, dict]]:
        """One row per learner who submitted: each item's answer and reason, score, attempts."""
        instrument = self.exercise().instrument
        yield from report_rows(
            user_state_iterator,
            lambda state: present.report_row(instrument, state),
            limit_responses,
        )

    # --- platform integration ------------------------------------------------------------

    def mobile_data(self) -> dict:
        """For the mobile apps: the study and the instrument, never the answer key."""
        return present.structure_data(self.exercise(), page_language())

    def search_content(self) -> dict[str, str]:
        """For course search: the study's title and summary as plain text."""
        study = self.exercise().study
        return {"title": study.title, "summary": plain_text(study.summary_md)}

    @staticmethod
    def workbench_scenarios() -> list[tuple[str, str]]:
        """One scenario per shipped exercise; a broken one raises with its file and line."""
        return shipped_scenarios(EXERCISES_PACKAGE, EXERCISES_FOLDER, parse_exercise)
