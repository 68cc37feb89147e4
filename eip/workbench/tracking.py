"""Write `runtime.publish` events as Open edX tracking-log lines (one JSON object a line)."""

from __future__ import annotations

import json
import threading
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def tracking_record(
    *,
    event_type: str,
    event: Any,
    username: str,
    user_id: str,
    course_id: str,
    usage_key: str,
    display_name: str,
    time: datetime,
) -> dict[str, Any]:
    """One server event in the shape the LMS writes to its tracking log."""
    org_id = (
        course_id.split(":", 1)[-1].split("+", 1)[0] if course_id.startswith("course-v1:") else ""
    )
    return {
        "name": event_type,
        "event_type": event_type,
        "event_source": "server",
        "username": username,
        "time": time.isoformat(),
        "event": event,
        "context": {
            "course_id": course_id,
            "org_id": org_id,
            "user_id": user_id,
            "path": "",
            "module": {"usage_key": usage_key, "display_name": display_name},
        },
        "host": "127.0.0.1",
        "ip": "127.0.0.1",
        "agent": "",
        "referer": "",
        "accept_language": "",
        "page": None,
        "session": "",
    }


def _learner_id(runtime: Any) -> str:
    """The `?student=` id. The SDK keeps it as `runtime.user_id`, deprecated for blocks but
    the only place that holds it for every block, whichever services the block declares."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return str(runtime.user_id or "")


class TrackingLog:
    """Appends one line per event; safe to call from the server's threads."""

    def __init__(self, path: Path, course_id: str) -> None:
        self.path = Path(path)
        self.course_id = course_id
        self._lock = threading.Lock()

    def write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, sort_keys=True, default=str) + "\n"
        with self._lock, self.path.open("a", encoding="utf-8") as log:
            log.write(line)

    def publish_from_runtime(
        self, runtime: Any, block: Any, event_type: str, event_data: Any
    ) -> None:
        """Stands in for `WorkbenchRuntime.publish(block, event_type, event_data)`."""
        learner = _learner_id(runtime)
        self.write(
            tracking_record(
                event_type=event_type,
                event=event_data,
                username=learner,
                user_id=learner,
                course_id=self.course_id,
                usage_key=str(block.scope_ids.usage_id),
                display_name=str(getattr(block, "display_name", "") or ""),
                time=datetime.now(UTC),
            )
        )
