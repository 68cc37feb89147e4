"""One `edx.eip.*` event as an xAPI statement: plain functions over dicts (docs/xapi.md).

An event is either what the LMS hands its tracking backends (`name`, `timestamp`, `context`,
`data`) or a tracking-log line (`event_type`, `time`, `context`, `event`). The functions
never look anything up: the actor and the LMS address are given, so the same event always
gives the same statement. event-routing-backends' transformers (`transformers.py`) use the
parts and add what only the LMS knows (the learner's anonymous id, the course's name).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from xblocks.xapi.vocabulary import (
    COURSE,
    EVENTS,
    OBJECTIVE,
    EventMapping,
    competency_iri,
    extension,
)

CATEGORIES_SEPARATOR = "[,]"
PAIR_SEPARATOR = "[.]"
HIGHEST_LEVEL = 4  # the frameworks' levels run 1 (consolidation) to 4 (consultant)


class UnknownEvent(ValueError):
    """The event is not one of ours."""


def event_name(event: Mapping[str, Any]) -> str:
    return str(event.get("name") or event.get("event_type") or "")


def event_data(event: Mapping[str, Any]) -> Mapping[str, Any]:
    data = event.get("data")
    if not isinstance(data, Mapping):
        data = event.get("event")
    return data if isinstance(data, Mapping) else {}


def event_context(event: Mapping[str, Any]) -> Mapping[str, Any]:
    context = event.get("context")
    return context if isinstance(context, Mapping) else {}


def mapping_for(name: str) -> EventMapping:
    try:
        return EVENTS[name]
    except KeyError:
        raise UnknownEvent(f"not an Evidence in Practice event: {name!r}") from None


def verb(name: str) -> dict[str, Any]:
    chosen = mapping_for(name).verb
    return {"id": chosen.iri, "display": {"en": chosen.display}}


def usage_key(event: Mapping[str, Any]) -> str:
    """The block's usage key: the LMS's module context, else the event's own `usage_id`."""
    module = event_context(event).get("module")
    if isinstance(module, Mapping) and module.get("usage_key"):
        return str(module["usage_key"])
    return str(event_data(event).get("usage_id") or "")


def block_iri(lms_root: str, key: str) -> str:
    """The block's activity id, as event-routing-backends names blocks."""
    return f"{lms_root.rstrip('/')}/xblock/{key}"


def course_iri(lms_root: str, course_id: str) -> str:
    return f"{lms_root.rstrip('/')}/course/{course_id}"


def activity_object(event: Mapping[str, Any], lms_root: str) -> dict[str, Any]:
    """The statement's object: the block, or the competency a level was reached in."""
    name = event_name(event)
    chosen = mapping_for(name)
    if chosen.object_type == OBJECTIVE:
        competency = str(event_data(event).get("competency") or "")
        return _activity(competency_iri(competency), OBJECTIVE)
    activity = _activity(block_iri(lms_root, usage_key(event)), chosen.object_type)
    module = event_context(event).get("module")
    if isinstance(module, Mapping) and module.get("display_name"):
        activity["definition"]["name"] = {"en": str(module["display_name"])}
    return activity


def competency_activities(event: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The competencies the event's block evidences, each as an activity (no level: an
    activity's definition must not change from one statement to the next)."""
    found = []
    for tag in event_data(event).get("competencies") or ():
        if isinstance(tag, Mapping) and tag.get("id"):
            found.append(_activity(competency_iri(str(tag["id"])), OBJECTIVE))
    return found


def parent_activities(event: Mapping[str, Any], lms_root: str) -> list[dict[str, Any]]:
    """The course run first (as event-routing-backends puts it), then the competencies."""
    parents = []
    course_id = event_context(event).get("course_id")
    if course_id:
        parents.append(_activity(course_iri(lms_root, str(course_id)), COURSE))
    return parents + competency_activities(event)


def context_extensions(event: Mapping[str, Any]) -> dict[str, Any]:
    data = event_data(event)
    found: dict[str, Any] = {extension("course_version"): data.get("course_version", "")}
    if data.get("competencies"):
        found[extension("competencies")] = list(data["competencies"])
    return found


def result(event: Mapping[str, Any]) -> dict[str, Any]:
    """Score, response, completion and the event's own fields as extensions."""
    name = event_name(event)
    data = event_data(event)
    made = _RESULTS[name](data)
    made["extensions"] = {
        extension(field): data[field]
        for field in mapping_for(name).extensions
        if field in data and data[field] is not None
    }
    return made


def statement(
    event: Mapping[str, Any], *, actor: Mapping[str, Any], lms_root: str
) -> dict[str, Any]:
    """The whole statement for one of our events (UnknownEvent for any other)."""
    name = event_name(event)
    made: dict[str, Any] = {
        "actor": dict(actor),
        "verb": verb(name),
        "object": activity_object(event, lms_root),
        "result": result(event),
        "context": {
            "contextActivities": {"parent": parent_activities(event, lms_root)},
            "extensions": context_extensions(event),
        },
    }
    timestamp = event.get("timestamp") or event.get("time")
    if timestamp:
        made["timestamp"] = str(timestamp)
    return made


def _activity(iri: str, activity_type: str) -> dict[str, Any]:
    return {"objectType": "Activity", "id": iri, "definition": {"type": activity_type}}


def _score(
    raw: float, maximum: float | None = None, scaled: float | None = None
) -> dict[str, float]:
    if maximum is None:
        return {"raw": raw}
    score = {"raw": raw, "min": 0, "max": maximum}
    if scaled is None and maximum > 0:
        scaled = raw / maximum
    if scaled is not None:
        score["scaled"] = round(scaled, 6)
    return score


def _submitted(data: Mapping[str, Any]) -> dict[str, Any]:
    score = data.get("score") or {}
    return {
        "score": _score(score.get("earned", 0), score.get("possible", 0), score.get("fraction")),
        "completion": True,
    }


def _step(data: Mapping[str, Any]) -> dict[str, Any]:
    made: dict[str, Any] = {"score": _score(data.get("total_points", 0))}
    if data.get("choice"):
        made["response"] = str(data["choice"])
    return made


def _mapped(data: Mapping[str, Any]) -> dict[str, Any]:
    # xAPI's "matching" response: source[.]target pairs joined by [,].
    placements = data.get("placements") or {}
    return {
        "score": _score(data.get("correct", 0), data.get("statements", 0)),
        "response": CATEGORIES_SEPARATOR.join(
            f"{statement}{PAIR_SEPARATOR}{category}" for statement, category in placements.items()
        ),
    }


def _completed(data: Mapping[str, Any]) -> dict[str, Any]:
    score = _score(data.get("points", 0), data.get("max_points", 0), data.get("fraction"))
    return {"score": score, "completion": True}


def _rated(data: Mapping[str, Any]) -> dict[str, Any]:
    return {"completion": data.get("phase") == "after"}


def _level_reached(data: Mapping[str, Any]) -> dict[str, Any]:
    return {"score": _score(data.get("level", 0), HIGHEST_LEVEL)}


_RESULTS = {
    "edx.eip.appraisal.submitted": _submitted,
    "edx.eip.case_study.step": _step,
    "edx.eip.case_study.mapped": _mapped,
    "edx.eip.case_study.completed": _completed,
    "edx.eip.competency.rated": _rated,
    "edx.eip.competency.level_reached": _level_reached,
}
