"""The workbench writes events as Open edX tracking-log lines."""

import json
import threading
from datetime import UTC, datetime
from types import SimpleNamespace

from eip.workbench.tracking import TrackingLog, tracking_record

COURSE = "course-v1:EIP+RL101+2026-01"


def fake_block(usage_id: str = "fgc-trial.eip_appraisal.d0.u0"):
    return SimpleNamespace(scope_ids=SimpleNamespace(usage_id=usage_id), display_name="FGC trial")


def fake_runtime(learner: str):
    """Stands in for WorkbenchRuntime, which keeps the learner id as `user_id`."""
    return SimpleNamespace(user_id=learner)


def test_record_has_the_tracking_log_shape() -> None:
    record = tracking_record(
        event_type="edx.eip.appraisal.submitted",
        event={"score": 0.5},
        username="alys",
        user_id="alys",
        course_id=COURSE,
        usage_key="block-v1:x",
        display_name="FGC trial",
        time=datetime(2026, 11, 27, 9, 30, tzinfo=UTC),
    )
    assert record["event_type"] == record["name"] == "edx.eip.appraisal.submitted"
    assert record["event_source"] == "server"
    assert record["username"] == "alys"
    assert record["time"] == "2026-11-27T09:30:00+00:00"
    assert record["event"] == {"score": 0.5}
    assert record["context"]["course_id"] == COURSE
    assert record["context"]["org_id"] == "EIP"
    assert record["context"]["user_id"] == "alys"
    assert record["context"]["module"] == {"usage_key": "block-v1:x", "display_name": "FGC trial"}


def test_publish_appends_one_json_line_per_event(tmp_path) -> None:
    log = TrackingLog(tmp_path / "tracking.log", COURSE)
    runtime = fake_runtime("bryn")
    log.publish_from_runtime(runtime, fake_block(), "grade", {"value": 3, "max_value": 4})
    log.publish_from_runtime(runtime, fake_block(), "completion", {"completion": 1.0})
    lines = (tmp_path / "tracking.log").read_text().splitlines()
    assert [json.loads(line)["event_type"] for line in lines] == ["grade", "completion"]
    first = json.loads(lines[0])
    assert first["context"]["module"]["usage_key"] == "fgc-trial.eip_appraisal.d0.u0"
    assert first["event"] == {"value": 3, "max_value": 4}
    assert first["username"] == "bryn"


def test_concurrent_writers_never_interleave_lines(tmp_path) -> None:
    log = TrackingLog(tmp_path / "tracking.log", COURSE)
    runtime = fake_runtime("carys")
    payload = {"text": "x" * 5000}

    def write_many() -> None:
        for _ in range(50):
            log.publish_from_runtime(runtime, fake_block(), "edx.eip.test", payload)

    threads = [threading.Thread(target=write_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = (tmp_path / "tracking.log").read_text().splitlines()
    assert len(lines) == 200
    assert all(json.loads(line)["event"] == payload for line in lines)
