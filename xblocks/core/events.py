"""Events a block publishes: Open edX's `grade` and `completion`, and our own
`edx.eip.<family>.<action>` events (documented in docs/events.md)."""

from __future__ import annotations

import re
from typing import Any

from xblock.core import XBlock

# course-v1:ORG+CODE+RUN, or a usage key inside that course (block-v1:ORG+CODE+RUN+type@...).
_COURSE_RUN = re.compile(r"^(?:course|block)-v1:[^+]+\+[^+]+\+([^+]+)")


def _run_of(key: Any) -> str:
    if key is None:
        return ""
    match = _COURSE_RUN.match(str(key))
    return match.group(1) if match else ""


def course_version(block: XBlock) -> str:
    """The course version the block is part of: its `course_version` setting if an author
    set one, else the run of its course-v1 course id, else ""."""
    explicit = getattr(block, "course_version", "") or ""
    if explicit:
        return str(explicit)
    usage_id = getattr(block.scope_ids, "usage_id", None)
    # Not `block.course_id`: the SDK workbench patches a made-up one onto every block.
    candidates = (
        getattr(usage_id, "course_key", None),
        usage_id,
        getattr(block.runtime, "course_id", None),
    )
    for key in candidates:
        run = _run_of(key)
        if run:
            return run
    return ""


def publish_grade(block: XBlock, earned: float, possible: float) -> None:
    """Tell the runtime the learner's score: `grade` with value and max_value."""
    block.runtime.publish(block, "grade", {"value": earned, "max_value": possible})


def publish_completion(block: XBlock, value: float = 1.0) -> None:
    """Tell the runtime how complete the block is, from 0.0 to 1.0."""
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"completion must be between 0 and 1, not {value}")
    block.runtime.publish(block, "completion", {"completion": value})


def publish_event(block: XBlock, action: str, data: dict[str, Any]) -> None:
    """Publish `edx.eip.<block.EVENT_FAMILY>.<action>` with `data`, `course_version` and
    `usage_id` (the last two always set here, so every event carries them)."""
    family = getattr(block, "EVENT_FAMILY", "")
    if not family:
        raise ValueError(f"{type(block).__name__} must set EVENT_FAMILY to publish events")
    payload = {
        **data,
        "course_version": course_version(block),
        "usage_id": str(block.scope_ids.usage_id),
    }
    block.runtime.publish(block, f"edx.eip.{family}.{action}", payload)
