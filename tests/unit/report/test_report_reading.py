"""Streaming the logs: overlapping and gzipped copies, damaged lines, unknown users and
courses, and the cheap skip of lines that cannot matter."""

from __future__ import annotations

import io
import json
import random

from eip.report import progressbar, reading
from eip.report.logs import LogFile
from eip.report.manifests import load_manifests
from eip.report.matching import BlockIndex
from eip.report.progressbar import ProgressBar
from eip.report.reading import read_logs


def test_overlapping_copies_count_each_event_once(
    report, rows, story_lines, write_log, tmp_path
) -> None:
    single = report()
    half = len(story_lines) // 2
    older = write_log(tmp_path / "tracking.log.2", story_lines[: half + 5])
    newer = write_log(tmp_path / "tracking.log.1", story_lines[half - 5 :])
    whole = write_log(tmp_path / "copy.log", story_lines)
    again = write_log(tmp_path / "copy-again.log.gz", story_lines, gz=True)

    rotated = report(events=[newer, older])  # newest first, overlapping by ten lines
    doubled = report(events=[again, whole])

    for built in (rotated, doubled):
        assert rows(built) == rows(single)
        assert built.reading.used == single.reading.used
        assert built.reading.skipped["unknown_user"] == single.reading.skipped["unknown_user"]
    # every event we fold, and every unknown user's event, appears twice in `doubled`
    repeats = single.reading.used + single.reading.skipped["unknown_user"]
    assert doubled.reading.duplicates == repeats
    assert 0 < rotated.reading.duplicates < repeats


def test_event_order_does_not_change_the_report(
    report, rows, story_lines, write_log, tmp_path
) -> None:
    shuffled = list(story_lines)
    random.Random(7).shuffle(shuffled)
    assert rows(report(events=[write_log(tmp_path / "s.log", shuffled)])) == rows(report())


def test_gzipped_logs_read_like_plain_ones(report, rows, story_lines, write_log, tmp_path) -> None:
    gz = write_log(tmp_path / "tracking.log.3.gz", story_lines, gz=True)
    # named without .gz too: the content, not the name, says it is compressed
    hidden = write_log(tmp_path / "tracking.log.4", story_lines, gz=True)
    assert rows(report(events=[gz])) == rows(report())
    assert rows(report(events=[hidden])) == rows(report())
    assert LogFile(gz).compressed


def test_a_folder_stands_for_the_logs_inside_it(
    report, rows, story_lines, write_log, tmp_path
) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    write_log(folder / "a.log", story_lines[:10])
    write_log(folder / "b.log.gz", story_lines[10:], gz=True)
    assert rows(report(events=[folder])) == rows(report())


def test_lines_with_tutors_logging_header_read_like_bare_json(
    report, rows, story_lines, write_log, tmp_path
) -> None:
    header = "2027-02-01 10:15:02,123 INFO 39 [tracking] logger.py:41 - "
    prefixed = write_log(tmp_path / "tutor-tracking.log", [header + line for line in story_lines])
    single = report()
    built = report(events=[prefixed])
    assert rows(built) == rows(single)
    assert built.reading.skipped["malformed"] == 0
    # a copy stripped of its headers (as older guides did by hand) repeats the same events
    both = report(events=[prefixed, write_log(tmp_path / "stripped.log", story_lines)])
    assert rows(both) == rows(single)
    assert both.reading.duplicates == single.reading.used + single.reading.skipped["unknown_user"]


def test_damaged_lines_are_counted_with_file_and_line(
    report, rows, story_lines, write_log, tmp_path
) -> None:
    damaged = [
        *story_lines[:3],
        '{"event_type": "grade", "username": "alys", "event": {"value": 1',  # cut off
        '["edx.eip.appraisal.submitted"]',  # JSON, but not an object
        '{"event_type": "grade", "username": "alys", "event": "x", "context": {}}',
        *story_lines[3:],
    ]
    log = write_log(tmp_path / "damaged.log", damaged)
    built = report(events=[log])
    assert built.reading.skipped["malformed"] == 3
    assert built.reading.malformed == [(str(log), 4), (str(log), 5), (str(log), 6)]
    assert rows(built) == rows(report())


def test_unknown_users_are_listed_apart(report) -> None:
    built = report()
    assert [(u.username, u.courses, u.events) for u in built.unknown_users] == [
        ("zed", ("Using research in practice",), 1)
    ]
    assert "zed" not in {a.person.id for a in built.assignments}
    assert built.reading.skipped["unknown_user"] == 1


def test_events_of_courses_without_a_manifest_are_counted_by_course(report) -> None:
    built = report()
    assert built.reading.skipped["unknown_course"] == 2
    assert built.reading.unknown_courses == {"course-v1:OTHER+X1+2027": 2}


def test_lines_without_a_marker_are_never_parsed(report, write_log, tmp_path, monkeypatch) -> None:
    lms = {"event_type": "edx.ui.lms.link_clicked", "username": "alys", "event": {}, "context": {}}
    noise = [
        json.dumps({**lms, "time": f"2027-01-01T00:00:{n % 60:02d}+00:00"}) for n in range(500)
    ]
    log = write_log(tmp_path / "noise.log", noise)
    parsed = []
    real = reading.parse_line
    monkeypatch.setattr(reading, "parse_line", lambda data: parsed.append(data) or real(data))
    built = report(events=[log])
    assert built.reading.lines == 500
    assert parsed == []
    report()  # the story's own events are parsed, through the same function
    assert parsed


def test_a_team_filter_keeps_other_teams_out_and_does_not_call_them_unknown(report) -> None:
    built = report(teams=["early help"])
    assert {a.person.team for a in built.assignments} == {"Early Help"}
    assert built.reading.skipped["other_team"] > 0
    assert built.unknown_users == []


def test_lines_written_without_spaces_are_still_read(
    report, rows, story_lines, write_log, tmp_path
) -> None:
    compact = [json.dumps(json.loads(text), separators=(",", ":")) for text in story_lines]
    assert '"event_type": "' not in compact[0]
    assert rows(report(events=[write_log(tmp_path / "compact.log", compact)])) == rows(report())


def test_the_progress_bar_draws_on_a_terminal_only(
    story_lines, write_log, tmp_path, fixtures_dir, monkeypatch
) -> None:
    log = write_log(tmp_path / "big.log", story_lines * 4000)
    index = BlockIndex(load_manifests(fixtures_dir / "manifests"))
    screen = io.StringIO()
    bar = ProgressBar(screen, enabled=True)
    monkeypatch.setattr(progressbar, "EVERY_SECONDS", 0.0)
    read_logs([log], index, {"alys": "alys"}, bar=bar)
    assert "big.log" in screen.getvalue() and "lines" in screen.getvalue()
    assert screen.getvalue().endswith("\r")  # cleared at the end
    assert not ProgressBar(io.StringIO()).enabled  # not a terminal: no bar


def test_what_is_kept_per_learner_and_block_does_not_grow_with_the_lines(
    story_lines, log_lines, write_log, tmp_path, fixtures_dir
) -> None:
    index = BlockIndex(load_manifests(fixtures_dir / "manifests"))
    # ffion is in the roster by email, and in the logs by username
    people = {"alys": "alys", "bryn": "bryn", "gareth": "gareth", "ffionj": "ffion@council.example"}
    once = read_logs([write_log(tmp_path / "once.log", story_lines)], index, people)
    lines = list(story_lines * 5)
    random.Random(2).shuffle(lines)
    many = read_logs([write_log(tmp_path / "many.log", lines)], index, people)
    assert many.used == once.used == 14
    assert many.skipped["unknown_user"] == once.skipped["unknown_user"] == 5  # dafydd, efa, zed
    assert many.duplicates == 4 * (once.used + once.skipped["unknown_user"])
    # one record for each learner and block with activity, however many lines
    assert many.progress.pairs() == once.progress.pairs() == 3 + 1 + 3 + 3
    assert len(many.progress.store.records) == len(once.progress.store.records)

    def states(read) -> dict:
        return {
            person: {key: repr([getattr(s, n) for n in s.__slots__]) for key, s in blocks.items()}
            for person, blocks in read.progress.items()
        }

    assert states(many) == states(once)
    # people are found under their roster key, not the username the logs give
    assert list(once.progress) == ["alys", "bryn", "gareth", "ffion@council.example"]
    assert "ffionj" not in once.progress and once.progress.get("ffionj") is None
    ffion = {log_lines.FGC_11, log_lines.SOS_11, log_lines.BIRTH_11}
    assert set(once.progress["ffion@council.example"]) == ffion
