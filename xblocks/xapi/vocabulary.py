"""The IRIs our statements use: verbs, activity types and extension keys, one table per event.

Verbs and activity types come from public vocabularies (ADL, Tin Can, DoD ISD), chosen so
that no statement of ours looks like one Open edX's own transformers emit for grades,
completion or problems. Competencies and our extensions are named in our own URN namespace
(not the LMS's address), so statements from different sites about one competency agree.
"""

from __future__ import annotations

from dataclasses import dataclass

NAMESPACE = "urn:evidence-in-practice"
COMPETENCY_PREFIX = f"{NAMESPACE}:competency:"
EXTENSION_PREFIX = f"{NAMESPACE}:extension:"


@dataclass(frozen=True)
class Verb:
    iri: str
    display: str


ANSWERED = Verb("http://adlnet.gov/expapi/verbs/answered", "answered")
COMPLETED = Verb("http://adlnet.gov/expapi/verbs/completed", "completed")
INTERACTED = Verb("http://adlnet.gov/expapi/verbs/interacted", "interacted")
RESPONDED = Verb("http://adlnet.gov/expapi/verbs/responded", "responded")
ACHIEVED = Verb("https://w3id.org/xapi/dod-isd/verbs/achieved", "achieved")

ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
SURVEY = "http://id.tincanapi.com/activitytype/survey"
OBJECTIVE = "http://adlnet.gov/expapi/activities/objective"
COURSE = "http://adlnet.gov/expapi/activities/course"


@dataclass(frozen=True)
class EventMapping:
    """How one event becomes a statement: its verb; its object's activity type (the block,
    or for `objective` the competency the event names); the event fields the result's score
    and response are made of; and the fields carried as result extensions."""

    verb: Verb
    object_type: str
    scored: tuple[str, ...]
    extensions: tuple[str, ...]


EVENTS: dict[str, EventMapping] = {
    "edx.eip.appraisal.submitted": EventMapping(
        COMPLETED,
        ASSESSMENT,
        ("score",),
        (
            "instrument_id",
            "instrument_version",
            "stopped",
            "answers",
            "overall",
            "attempt",
            "max_attempts",
            "grade",
        ),
    ),
    "edx.eip.case_study.step": EventMapping(
        INTERACTED,
        SIMULATION,
        ("total_points", "choice"),
        ("node", "kind", "choice", "points", "to", "path", "attempt"),
    ),
    "edx.eip.case_study.mapped": EventMapping(
        ANSWERED,
        SIMULATION,
        ("correct", "statements", "placements"),
        ("node", "placements", "scale", "points", "attempt"),
    ),
    "edx.eip.case_study.completed": EventMapping(
        COMPLETED,
        SIMULATION,
        ("points", "max_points", "fraction"),
        ("ending", "path", "choices", "attempt", "max_attempts", "grading", "grade"),
    ),
    "edx.eip.competency.rated": EventMapping(
        RESPONDED,
        SURVEY,
        ("phase",),
        ("phase", "ratings", "framework", "framework_version"),
    ),
    "edx.eip.competency.level_reached": EventMapping(
        ACHIEVED,
        OBJECTIVE,
        ("level",),
        ("level", "previous_level", "evidence_ids", "framework", "framework_version"),
    ),
}

# Fields every statement carries outside the result: the competencies as parent activities
# (and their levels as a context extension), the course version and the block's usage id.
CONTEXT_FIELDS = ("competencies", "course_version", "usage_id")

EVENT_NAMES: tuple[str, ...] = tuple(EVENTS)


def extension(name: str) -> str:
    """The IRI of our extension `name` (an event field, with `_` written `-`)."""
    return EXTENSION_PREFIX + name.replace("_", "-")


def competency_iri(competency_id: str) -> str:
    return COMPETENCY_PREFIX + competency_id
