"""Which tracking-log events the report uses, and what each one tells it.

Open edX's LMS hands `grade` and `completion` to its grades and completion services and
does not write them to the tracking log; the workbench writes them. Our own `edx.eip.*`
events are always logged and carry the grade, so on a real site they are what the report
reads: a submission is a completion, and its `grade` is the block's grade.
"""

from __future__ import annotations

# Cheap tests on the raw line, so that most lines are never parsed. Open edX and the
# workbench write `"event_type": "<name>"` (json.dumps' separators): when that is in the line,
# the name that follows decides. A line written another way is parsed if it holds any of
# MARKERS; parsing then decides.
EVENT_TYPE_KEY = b'"event_type": "'
RELEVANT_PREFIXES = (b"edx.eip.", b'grade"', b'completion"')
MARKERS = (b'"edx.eip.', b'"grade"', b'"completion"')

OUR_PREFIX = "edx.eip."
# Our events that mean the learner finished the block (completion 1.0).
COMPLETING = frozenset(
    {
        "edx.eip.appraisal.submitted",
        "edx.eip.case_study.completed",
    }
)


def is_relevant(event_type: str) -> bool:
    return event_type in ("grade", "completion") or event_type.startswith(OUR_PREFIX)


def grade_share(data: dict) -> float | None:
    """The grade in `data` (`grade` event data, or our event's `grade` object) as a share of
    the maximum; None if there is none."""
    value, maximum = data.get("value"), data.get("max_value")
    if not _number(value) or not _number(maximum) or maximum <= 0:
        return None
    return min(max(value / maximum, 0.0), 1.0)


def completion_value(event_type: str, data: dict) -> float | None:
    if event_type == "completion" or (event_type.startswith(OUR_PREFIX) and "completion" in data):
        value = data.get("completion")
        return float(value) if _number(value) else None
    if event_type in COMPLETING:
        return 1.0
    if event_type == "edx.eip.competency.rated" and data.get("phase") == "after":
        return 1.0  # the tracker is complete once the learner rates themselves at the end
    return None


def competency_tags(data: dict) -> tuple[tuple[str, int | None], ...]:
    tags = data.get("competencies")
    if not isinstance(tags, list):
        return ()
    found = []
    for tag in tags:
        if isinstance(tag, dict) and isinstance(tag.get("id"), str):
            level = tag.get("level")
            found.append((tag["id"], level if isinstance(level, int) else None))
    return tuple(found)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
