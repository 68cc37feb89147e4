"""Large logs are read by two processes, each parsing about half the lines; what they find
together is exactly what one pass finds: progress, counts, repeats, and the order things
were seen. (The other half is read in this process here: see `inline_fork`.)"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime

from eip.report import reading
from eip.workbench.tracking import tracking_record


def workbench(user: str, when: str, key: str, name: str) -> str:
    record = tracking_record(
        event_type="completion",
        event={"completion": 1.0},
        username=user,
        user_id=user,
        course_id="course-v1:EIP+RL101+1.0",
        usage_key=key,
        display_name=name,
        time=datetime.fromisoformat(when).replace(tzinfo=UTC),
    )
    return json.dumps(record)


def busy_log(story: list[str], make) -> list[str]:
    """The story, with many more events, unknown users and courses (some in two spellings),
    damaged lines and repeats, shuffled."""
    appraisal, graded, blocks = make.appraisal, make.graded, [make.FGC_10, make.FGC_11]
    lines = list(story)
    rng = random.Random(5)
    for n in range(300):
        day = f"2027-{rng.randrange(1, 7):02d}-{rng.randrange(1, 28):02d}T{n % 24:02d}:00:00"
        who = rng.choice(["alys", "bryn", "Dafydd", "efa", "ffionj", "gareth", "zed", "Zed"])
        lines += appraisal(who, day, rng.choice(blocks), rng.choice([0.4, 0.8, 1.0]))
        if n % 7 == 0:
            lines += graded(
                f"visitor{n % 5}", day, f"block-v1:OTHER{n % 3}+X1+2027+type@p+block@p", 1
            )
        if n % 11 == 0:
            lines.append('{"event_type": "grade", "username": "alys", "event": {"value": 1')
    lines += rng.sample(lines, 60)  # repeats, as in overlapping copies
    rng.shuffle(lines)
    return lines


def state_of(s) -> tuple:
    return (
        s.first_seen, s.last_seen, s.completion, s.completed_at, s.grade, s.grade_time,
        s.grade_since, s.attempts, s.competencies,
    )  # fmt: skip


def snapshot(built) -> dict:
    read = built.reading
    return {
        "rows": [
            (a.person.id, a.slug, a.status, a.due, a.completed, a.version, a.score)
            for a in built.assignments
        ],
        "counts": (read.lines, read.used, read.duplicates, dict(read.skipped)),
        "malformed": read.malformed,
        "unknown_courses": list(read.unknown_courses.items()),
        "unknown_users": [
            (u.username, u.events, u.last_seen, sorted(u.usage_keys))
            for u in read.unknown_users.values()
        ],
        "listed": [(u.username, u.courses, u.events, u.last_seen) for u in built.unknown_users],
        "progress": {
            person: {key: state_of(state) for key, state in blocks.items()}
            for person, blocks in read.progress.items()
        },
        "levels": built.coverage.levels,
    }


def both_ways(report, monkeypatch, **options) -> tuple[dict, dict, list[bool]]:
    """The report read in one pass, then in two halves; and whether the halves merged."""
    merged: list[bool] = []
    absorb = reading._Reader.absorb

    def spy(self, part):
        merged.append(absorb(self, part))
        return merged[-1]

    monkeypatch.setattr(reading._Reader, "absorb", spy)
    monkeypatch.setattr(reading, "PARALLEL_BYTES", 1 << 62)
    one = snapshot(report(**options))
    assert merged == []
    monkeypatch.setattr(reading, "PARALLEL_BYTES", 0)
    two = snapshot(report(**options))
    return one, two, merged


def test_two_halves_find_what_one_pass_finds(
    report, story_lines, log_lines, write_log, tmp_path, monkeypatch, inline_fork
) -> None:
    lines = busy_log(story_lines, log_lines)
    half = len(lines) // 2
    logs = [
        write_log(tmp_path / "tracking.log.2.gz", lines[: half + 40], gz=True),
        write_log(tmp_path / "tracking.log.1", lines[half - 40 :]),
        write_log(tmp_path / "copy.log", lines[:50]),
    ]
    one, two, merged = both_ways(report, monkeypatch, events=logs)
    assert merged == [True]
    assert one["counts"][2] > 100  # repeats were found
    assert one["malformed"] and one["unknown_courses"] and one["unknown_users"]
    assert two == one


def test_halves_that_match_a_block_id_differently_are_read_again_in_one_pass(
    report, write_log, tmp_path, monkeypatch, inline_fork
) -> None:
    # a workbench id is matched by the name its first event gives: here a name that matches,
    # then one that does not; one pass folds all its events, and so must two processes
    key = "scenario.eip_appraisal.d0.u0"
    lines = [
        workbench("cerys", "2027-06-01T10:00:00", key, "Appraise: family group conferences trial")
    ]
    lines += [
        workbench("cerys", f"2027-06-02T10:{n:02d}:00", key, "Not in any manifest")
        for n in range(40)
    ]
    one, two, merged = both_ways(report, monkeypatch, events=[write_log(tmp_path / "w.log", lines)])
    assert merged == [False]  # and then read again
    assert one["counts"][1] == 41  # all folded, as the first event decided
    assert two == one
