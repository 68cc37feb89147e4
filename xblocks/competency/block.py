"""The `eip_competency_tracker` XBlock: a learner's competency profile from the course's evidence.

The block is a shell. `evidence_gathering` finds the course's exercises and case studies and
reads the learner's results in them as Evidence; `attain`, in the framework model, turns the
evidence into levels (the only place rules are evaluated); `presentation`, `coverage` and
`record` put the levels into words, tables and an Open Badges-shaped record. The block keeps
only what the learner tells it (their self-ratings) and the levels it last showed them, so
that each new level is announced once and the instructor report can list levels.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import webob
from lxml import etree
from web_fragments.fragment import Fragment
from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Scope, String
from xblock.utils.studio_editable import StudioEditableXBlockMixin
from xblock.validation import ValidationMessage

from xblocks.competency import presentation as present
from xblocks.competency.coverage import coverage_context
from xblocks.competency.evidence_gathering import CourseBlock, course_blocks, gather_evidence
from xblocks.competency.model.attainment import Attainment, attain
from xblocks.competency.model.evidence import Evidence
from xblocks.competency.model.framework_types import Framework
from xblocks.competency.model.library import load_framework
from xblocks.competency.model.summary import DomainSummary, domain_summary
from xblocks.competency.phrasing import CONFIDENCE_MAX, CONFIDENCE_MIN, PHASES, Strings
from xblocks.competency.record import Issuer, Learner, open_badge_record
from xblocks.core import handlers as shape
from xblocks.core.block import EIPBlock, _, now_iso, page_language
from xblocks.core.events import publish_completion, publish_event
from xblocks.core.handlers import HandlerError, json_error, json_handler
from xblocks.core.language import declare_lang
from xblocks.core.olx_block import node_source
from xblocks.core.reports import report_rows
from xblocks.core.resources import APPRAISAL_EXERCISES, CASE_STUDIES, shipped_root
from xblocks.core.scenarios import scenario_xml
from xblocks.core.users import current_username
from xblocks.core.xml import OLXError, OLXErrors

DEFAULT_FRAMEWORK = "research-literacy"
CSS = "competency.css"
JS = "competency.js"
BOOLEAN_WORDS = ("true", "false")

RATE_SHAPE = shape.Record(
    {
        "phase": shape.String(max_length=10, choices=PHASES),
        "ratings": shape.MapOf(
            shape.Integer(minimum=CONFIDENCE_MIN, maximum=CONFIDENCE_MAX), max_items=50
        ),
    }
)

# The workbench scenario: two short appraisal exercises, a case study and the tracker.
SCENARIO_TITLE = "Competency profile: two exercises and the tracker"
SCENARIO_APPRAISALS = ("signs-of-safety-evaluation.xml", "parents-cp-conferences.xml")
SCENARIO_CASE_STUDY = "pre-birth-domestic-abuse.xml"


@dataclass(frozen=True)
class Profile:
    """What the tracker found for the current learner."""

    framework: Framework
    blocks: list[CourseBlock]
    evidence: list[Evidence]
    attainments: dict[str, Attainment]
    summaries: tuple[DomainSummary, ...]


class CompetencyTrackerBlock(StudioEditableXBlockMixin, EIPBlock):
    """The learner's competency profile: levels, evidence, next steps and self-ratings."""

    EVENT_FAMILY = "competency"
    RESOURCE_PACKAGE = "xblocks.competency"
    STYLESHEET = CSS
    SEARCH_TYPE = "Competency tracker"
    MOBILE_FIELDS = ("show_self_rating",)

    has_custom_completion = True
    completion_mode = XBlockCompletionMode.COMPLETABLE
    icon_class = "other"
    # Studio's settings editor (from XBlock's StudioEditableXBlockMixin).
    editable_fields = ("display_name", "framework", "show_self_rating", "course_version")

    display_name = String(
        display_name=_("Display name"), scope=Scope.settings, default=_("Your competencies")
    )
    framework = String(
        display_name=_("Competency framework"),
        help=_("The id of a shipped framework, e.g. research-literacy"),
        scope=Scope.settings,
        default=DEFAULT_FRAMEWORK,
    )
    show_self_rating = Boolean(
        display_name=_("Ask for self-ratings"),
        help=_("Ask learners to rate their confidence per area before and after the course"),
        scope=Scope.settings,
        default=True,
    )

    ratings = Dict(help="Self-rated confidence: {phase: {domain id: 1..5}}", scope=Scope.user_state)
    rated_at = Dict(
        help="When each phase was last rated: {phase: ISO time}", scope=Scope.user_state
    )
    levels_seen = Dict(
        help="Each competency's level when the learner last looked: {competency id: level}",
        scope=Scope.user_state,
    )
    levels_seen_at = String(help="When the learner last looked", scope=Scope.user_state, default="")

    # --- OLX ---------------------------------------------------------------------------

    @classmethod
    def parse_xml(cls, node: etree._Element, runtime: Any, keys: Any) -> CompetencyTrackerBlock:
        """Read the tracker; refuse an unknown framework or a show_self_rating that is not
        true or false (OLXError with file and line). A broken framework file raises its own
        OLXErrors, which name that file."""
        source, line = node_source(node), node.sourceline
        flag = node.get("show_self_rating")
        if flag is not None and flag not in BOOLEAN_WORDS:
            raise OLXError(
                f'show_self_rating="{flag}" is not true or false.',
                source=source,
                line=line,
                fix='Write show_self_rating="true" or show_self_rating="false".',
            )
        try:
            load_framework(node.get("framework", DEFAULT_FRAMEWORK))
        except OLXError as error:
            raise OLXError(error.message, source=source, line=line, fix=error.fix) from None
        return super().parse_xml(node, runtime, keys)

    def validate_field_data(self, validation: Any, data: Any) -> None:
        """Studio refuses to save a framework id that is not shipped."""
        try:
            load_framework(data.framework)
        except (OLXError, OLXErrors) as error:
            for problem in error if isinstance(error, OLXErrors) else [error]:
                message = problem.translated(self.ugettext)
                validation.add(ValidationMessage(ValidationMessage.ERROR, message))

    def load(self) -> Framework:
        """The framework this tracker shows (UnknownFramework or OLXErrors if it cannot)."""
        return load_framework(self.framework)

    # --- the learner's profile ---------------------------------------------------------

    def profile(self, framework: Framework) -> Profile:
        """The current learner's evidence and levels; announces levels reached since the
        learner last looked."""
        blocks = course_blocks(self)
        evidence = gather_evidence(blocks)
        attainments = attain(framework, evidence)
        self._note_levels(framework, attainments)
        return Profile(
            framework, blocks, evidence, attainments, domain_summary(framework, attainments)
        )

    def _note_levels(self, framework: Framework, attainments: dict[str, Attainment]) -> None:
        seen = dict(self.levels_seen or {})
        changed = False
        for competency_id, attainment in attainments.items():
            before = seen.get(competency_id, 0)
            before = before if isinstance(before, int) else 0
            if attainment.level > before:
                publish_event(
                    self,
                    "level_reached",
                    {
                        "competency": competency_id,
                        "level": attainment.level,
                        "previous_level": before,
                        "evidence_ids": list(attainment.evidence_ids),
                        "framework": framework.id,
                        "framework_version": framework.version,
                    },
                )
            if attainment.level != before:
                seen[competency_id] = attainment.level
                changed = True
        if changed:
            self.levels_seen = seen
        self.levels_seen_at = now_iso()

    def _strings(self) -> Strings:
        service = self._i18n()
        ngettext = getattr(service, "ngettext", None) or service.ungettext
        return Strings(self.ugettext, ngettext, page_language())

    # --- learner view --------------------------------------------------------------------

    def student_view(self, context: dict | None = None) -> Fragment:
        try:
            framework = self.load()
        except (OLXError, OLXErrors) as error:
            return self.unavailable_fragment(error)
        profile = self.profile(framework)
        s = self._strings()
        if not self.show_self_rating:
            publish_completion(self, 1.0)  # looking is all there is to do
        page = {
            "uid": self._uid(),
            "display_name": self.display_title(),
            "framework_title": s.show(framework.title),
            "framework_version": framework.version,
            "levels": present.levels_context(framework, s),
            "overview_html": self._overview_html(profile, s),
            "profile_html": self._profile_html(profile, s),
            "forms": present.rating_forms(framework, self.ratings or {}, s)
            if self.show_self_rating
            else [],
            "record_url": self.runtime.handler_url(self, "record"),
            "record_filename": f"competency-record-{framework.id}.json",
            "found_text": self._found_text(profile, s),
        }
        return self.learner_fragment(
            "student.html",
            page,
            js=[JS],
            js_init="EIPCompetencyTracker",
            js_init_args={"strings": self._js_strings()},
        )

    def _overview_html(self, profile: Profile, s: Strings) -> str:
        rows = present.overview_rows(profile.framework, profile.summaries, self.ratings or {}, s)
        return self.render_html(
            "overview.html",
            {"uid": self._uid(), "rows": rows, "show_ratings": self.show_self_rating},
        )

    def _profile_html(self, profile: Profile, s: Strings) -> str:
        domains = present.domains_context(
            profile.framework,
            profile.summaries,
            profile.attainments,
            profile.blocks,
            profile.evidence,
            s,
            self._link_for,
        )
        return self.render_html("profile.html", {"uid": self._uid(), "domains": domains})

    def _found_text(self, profile: Profile, s: Strings) -> str:
        if not profile.blocks:
            return s("This course has no exercises or case studies that give evidence yet.")
        return s.ngettext(
            "You have finished {done} of the {count} exercise and case study in this course "
            "that give evidence.",
            "You have finished {done} of the {count} exercises and case studies in this course "
            "that give evidence.",
            len(profile.blocks),
        ).format(done=len(profile.evidence), count=len(profile.blocks))

    def _link_for(self, course_block: CourseBlock) -> str | None:
        """Where the learner can do `course_block`: an anchor when it is on this page, the
        LMS's jump_to address in an Open edX course, else None (the block is named)."""
        target = course_block.block
        if self.parent is not None and str(getattr(target, "parent", None)) == str(self.parent):
            uid = getattr(target, "_uid", None)
            return f"#{uid()}" if callable(uid) else None
        course_key = getattr(target.scope_ids.usage_id, "course_key", None)
        if course_key is not None:
            return f"/courses/{course_key}/jump_to/{target.scope_ids.usage_id}"
        return None

    def _js_strings(self) -> dict[str, str]:
        strings = {
            "saving": _("Saving your ratings\u2026"),
            "saved": _("Your ratings are saved."),
            "saveFailed": _("Your ratings could not be saved. Please try again."),
            "missing": _("Choose a rating for every area first: {areas}."),
            "updating": _("Updating your profile\u2026"),
            "updated": _("Your profile is up to date."),
            "updateFailed": _("Your profile could not be updated. Please try again."),
        }
        return {key: self.ugettext(text) for key, text in strings.items()}

    # --- handlers ------------------------------------------------------------------------

    @json_handler(RATE_SHAPE)
    def rate(self, data: dict, suffix: str = "") -> dict:
        """Keep the learner's self-ratings for one phase; rating "after" completes the block."""
        if not self.show_self_rating:
            raise HandlerError(self.ugettext("This profile does not ask for self-ratings."), 409)
        framework = self._handler_framework()
        domains = [domain.id for domain in framework.domains]
        ratings = data["ratings"]
        unknown = sorted(set(ratings) - set(domains))
        if unknown:
            raise HandlerError(
                self.ugettext("Unknown area: {id}").format(id=", ".join(unknown)[:100])
            )
        missing = [
            domain.title.get(page_language())
            for domain in framework.domains
            if domain.id not in ratings
        ]
        if missing:
            raise HandlerError(
                self.ugettext("Choose a rating for every area first: {areas}.").format(
                    areas=", ".join(missing)
                )
            )
        phase = data["phase"]
        ordered = {domain_id: ratings[domain_id] for domain_id in domains}
        self.ratings = {**(self.ratings or {}), phase: ordered}
        self.rated_at = {**(self.rated_at or {}), phase: now_iso()}
        publish_event(
            self,
            "rated",
            {
                "phase": phase,
                "ratings": ordered,
                "framework": framework.id,
                "framework_version": framework.version,
            },
        )
        if phase == "after":
            publish_completion(self, 1.0)
        s = self._strings()
        return {
            "phase": phase,
            "ratings": ordered,
            "overview_html": self._overview_html(self.profile(framework), s),
        }

    @json_handler(shape.Record({}))
    def refresh(self, data: dict, suffix: str = "") -> dict:
        """The profile again, for a learner who has finished an exercise on the same page."""
        framework = self._handler_framework()
        profile = self.profile(framework)
        s = self._strings()
        return {
            "overview_html": self._overview_html(profile, s),
            "profile_html": self._profile_html(profile, s),
            "found_text": self._found_text(profile, s),
        }

    @XBlock.handler
    def record(self, request: webob.Request, suffix: str = "") -> webob.Response:
        """The learner's record as an Open Badges 3.0-shaped JSON download (GET)."""
        if request.method != "GET":
            return json_error(405, f"use GET, not {request.method}", Allow="GET")
        try:
            framework = self.load()
        except (OLXError, OLXErrors):
            return json_error(409, self.ugettext("This profile is not available."))
        profile = self.profile(framework)
        body = open_badge_record(
            framework=framework,
            attainments=profile.attainments,
            ratings=self.ratings or {},
            learner=self._learner(),
            issuer=self._issuer(),
            framework_url=urljoin(
                request.url, self.runtime.handler_url(self, "framework_page", thirdparty=True)
            ),
            issued_at=datetime.datetime.now(datetime.UTC),
            s=self._strings(),
        )
        response = webob.Response(
            body=json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8"),
            content_type="application/json",
            charset="utf-8",
        )
        response.headers["Content-Disposition"] = (
            f'attachment; filename="competency-record-{framework.id}.json"'
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    @XBlock.handler
    def framework_page(self, request: webob.Request, suffix: str = "") -> webob.Response:
        """The framework described for anyone (its levels and competencies): the page the
        record's alignments point to. It holds no learner data."""
        if request.method not in ("GET", "HEAD"):
            return json_error(405, f"use GET, not {request.method}", Allow="GET")
        try:
            framework = self.load()
        except (OLXError, OLXErrors):
            return json_error(404, self.ugettext("This framework is not available."))
        context = present.framework_page_context(framework, self._strings())
        html = self.render_html("framework.html", context)
        return webob.Response(body=html.encode("utf-8"), content_type="text/html", charset="utf-8")

    def _handler_framework(self) -> Framework:
        try:
            return self.load()
        except (OLXError, OLXErrors):
            raise HandlerError(self.ugettext("This profile is not available."), 409) from None

    def _learner(self) -> Learner:
        username = current_username(self)
        if username:
            return Learner(username)
        return Learner(str(self.scope_ids.user_id), identifier_type="systemId")

    def _issuer(self) -> Issuer:
        course_id = _course_id(self)
        if course_id:
            name = self.ugettext("Evidence in Practice course {course}").format(course=course_id)
        else:
            name = self.ugettext("Evidence in Practice course")
        return Issuer(key=course_id or "local", name=name)

    # --- staff ---------------------------------------------------------------------------

    def author_view(self, context: dict | None = None) -> Fragment:
        """For trainers: which competencies the course's blocks evidence, and which none."""
        try:
            framework = self.load()
        except (OLXError, OLXErrors) as error:
            return self.unavailable_fragment(error, staff_only=False)
        s = self._strings()
        context = coverage_context(framework, course_blocks(self), s)
        context.update(
            uid=self._uid(),
            display_name=self.display_title(),
            framework_title=s.show(framework.title),
            framework_version=framework.version,
        )
        return self.learner_fragment("author.html", context)

    def studio_view(self, context: dict | None = None) -> Fragment:
        """XBlock's settings editor, its root declaring the language it is shown in."""
        fragment = super().studio_view(context)
        fragment.content = declare_lang(fragment.content, self.language().code)
        return fragment

    def generate_report_data(
        self, user_state_iterator: Any, limit_responses: int | None = None
    ) -> Iterator[tuple[str, dict]]:
        """One row per learner who opened their profile or rated themselves: each
        competency's level as of their last visit to the tracker (levels are worked out when
        a learner looks, from the evidence then), and their self-ratings per area."""
        try:
            framework = self.load()
        except (OLXError, OLXErrors):
            return

        def row_of(state: dict | None) -> dict | None:
            state = state or {}
            if not state.get("levels_seen_at") and not state.get("ratings"):
                return None
            return present.report_row(framework, state)

        yield from report_rows(user_state_iterator, row_of, limit_responses)

    # --- platform integration ------------------------------------------------------------

    def mobile_data(self) -> dict:
        """For the mobile apps: the learner's levels per competency and their self-ratings."""
        framework = self.load()
        profile = self.profile(framework)
        return {
            "framework": {
                "id": framework.id,
                "version": framework.version,
                "title": framework.title.get(page_language()),
            },
            "competencies": [item.as_dict() for item in profile.attainments.values()],
            "domains": [summary.as_dict() for summary in profile.summaries],
            "ratings": self.ratings or {},
        }

    def search_content(self) -> dict[str, str]:
        """For course search: the framework's title and its areas."""
        framework = self.load()
        lang = page_language()
        return {
            "title": framework.title.get(lang),
            "areas": ", ".join(domain.title.get(lang) for domain in framework.domains),
        }

    @staticmethod
    def workbench_scenarios() -> list[tuple[str, str]]:
        """The tracker after two shipped appraisal exercises and a shipped case study."""
        appraisals = shipped_root(*APPRAISAL_EXERCISES)
        cases = shipped_root(*CASE_STUDIES)
        files = [appraisals.joinpath(name) for name in SCENARIO_APPRAISALS]
        files.append(cases.joinpath(SCENARIO_CASE_STUDY))
        parts = [scenario_xml(path.read_text(encoding="utf-8")) for path in files]
        parts.append(
            f'<eip_competency_tracker framework="{DEFAULT_FRAMEWORK}" show_self_rating="true"/>'
        )
        return [(SCENARIO_TITLE, "<vertical_demo>\n" + "\n".join(parts) + "\n</vertical_demo>")]


def _course_id(block: Any) -> str:
    key = getattr(block.scope_ids.usage_id, "course_key", None)
    if key is None:
        key = getattr(block.runtime, "course_id", None)
    return str(key) if key else ""
