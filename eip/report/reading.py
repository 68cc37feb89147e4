"""Read tracking logs into per-learner, per-block progress, in one streaming pass.

Memory grows with learners x blocks (and distinct block ids), never with the number of
lines: a line is read, folded into its learner's block progress, and dropped. Lines
without any of the markers in `events.MARKERS` are not parsed at all.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from eip.report import events as ev
from eip.report.dates import event_timestamp
from eip.report.logs import LogFile
from eip.report.matching import BlockIndex, UsageInfo, course_run
from eip.report.progress import SEEN_CAP, BlockProgress
from eip.report.progressbar import ProgressBar

MALFORMED_EXAMPLES = 20
PROGRESS_EVERY = 1 << 16


@dataclass
class UnknownUser:
    """A username with activity in our courses that is not in the roster."""

    username: str
    events: int = 0
    last_seen: float = float("-inf")
    usage_keys: set[str] = field(default_factory=set)
    seen: set[int] = field(default_factory=set)


@dataclass
class Reading:
    files: list[Path]
    lines: int = 0
    used: int = 0
    duplicates: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason key -> events
    malformed: list[tuple[str, int]] = field(default_factory=list)  # first few (file, line)
    unknown_courses: Counter = field(default_factory=Counter)  # course id -> events
    unknown_users: dict[str, UnknownUser] = field(default_factory=dict)
    # person key -> manifest usage id -> progress (after resolving the logs' block ids)
    progress: dict[str, dict[str, BlockProgress]] = field(default_factory=dict)


_NO_MATCH = UsageInfo("", ())


def read_logs(
    paths: Iterable[Path],
    index: BlockIndex,
    people: Mapping[str, str],
    *,
    elsewhere: frozenset[str] = frozenset(),
    until: float = float("inf"),
    bar: ProgressBar | None = None,
) -> Reading:
    """Fold every relevant event into progress.

    `people` maps a lower-cased username to the roster key of its person; `elsewhere` holds
    roster usernames left out by a team filter; `until` is the last moment that counts.
    """
    reader = _Reader(index, people, elsewhere, until)
    reading = reader.reading = Reading(files=list(paths))
    bar = bar or ProgressBar(enabled=False)
    for path in reading.files:
        with LogFile(path) as log:
            reader.read(log, bar)
    bar.finish()
    reader.resolve()
    return reading


class _Reader:
    def __init__(self, index, people, elsewhere, until) -> None:
        self.index = index
        self.people = people
        self.elsewhere = elsewhere
        self.until = until
        self.reading = Reading(files=[])
        self.raw: dict[str, dict[str, BlockProgress]] = {}
        self.infos: dict[str, UsageInfo] = {}
        self.counts: Counter = Counter()  # usage key -> events folded
        self.runs: dict[str, str] = {}  # course id -> its run
        self.tags: dict[tuple, tuple] = {}  # competency tags, each kept once

    def read(self, log: LogFile, bar: ProgressBar) -> None:
        loads = json.loads
        key = ev.EVENT_TYPE_KEY
        skip = len(key)
        wanted = ev.RELEVANT_PREFIXES
        first, second, third = ev.MARKERS
        reading = self.reading
        label = log.path.name
        number = 0
        for number, line in enumerate(log.lines, 1):
            if not number % PROGRESS_EVERY:
                bar.update(label, log.position(), log.size, reading.lines + number)
            at = line.find(key)
            if at >= 0:
                if not line.startswith(wanted, at + skip):
                    continue
            elif first not in line and second not in line and third not in line:
                continue
            try:
                record = loads(line)
            except ValueError:
                _malformed(reading, log.path, number)
                continue
            if not isinstance(record, dict):
                _malformed(reading, log.path, number)
                continue
            event_type = record.get("event_type") or record.get("name")
            if not isinstance(event_type, str) or not ev.is_relevant(event_type):
                continue
            data = record.get("event")
            context = record.get("context")
            if not isinstance(data, dict) or not isinstance(context, dict):
                _malformed(reading, log.path, number)
                continue
            self.fold(record, event_type, data, context, line)
        reading.lines += number

    def fold(self, record: dict, event_type: str, data: dict, context: dict, line: bytes) -> None:
        reading = self.reading
        skipped = reading.skipped
        username = record.get("username")
        if not isinstance(username, str) or not username:
            skipped["no_user"] += 1
            return
        module = context.get("module")
        if not isinstance(module, dict):
            module = {}
        usage_key = module.get("usage_key") or data.get("usage_id")
        if not isinstance(usage_key, str) or not usage_key:
            skipped["no_block"] += 1
            return
        try:
            when = event_timestamp(record["time"])
        except (KeyError, TypeError, ValueError):
            skipped["bad_time"] += 1
            return
        if when > self.until:
            skipped["after_as_of"] += 1
            return
        course_id = context.get("course_id")
        course_id = course_id if isinstance(course_id, str) else ""
        info = self.infos.get(usage_key)
        if info is None:
            display = str(module.get("display_name") or "")
            candidates = self.index.candidates(usage_key, course_id, display)
            info = (
                UsageInfo(usage_key, candidates, self.index.version_hints(usage_key))
                if candidates
                else _NO_MATCH
            )
            self.infos[usage_key] = info
        if info is _NO_MATCH:
            skipped["unknown_course"] += 1
            reading.unknown_courses[course_id or usage_key] += 1
            return
        version = data.get("course_version")
        if isinstance(version, str) and version:
            info.versions_seen.add(version)
        run = self.runs.get(course_id)
        if run is None:
            run = self.runs[course_id] = course_run(course_id)
        if run:
            info.versions_seen.add(run)
        user_key = username.lower()
        person = self.people.get(user_key)
        key = hash(line.rstrip())
        if person is None:
            if user_key in self.elsewhere:
                skipped["other_team"] += 1
            else:
                _unknown_user(reading, username, info.usage_key, when, key)
            return
        blocks = self.raw.get(person)
        if blocks is None:
            blocks = self.raw[person] = {}
        state = blocks.get(usage_key)
        if state is None:
            # keyed by the one string kept for this block id, not this line's copy of it
            state = blocks[info.usage_key] = BlockProgress()
        if state.is_repeat(key):
            reading.duplicates += 1
            return
        reading.used += 1
        self.counts[usage_key] += 1
        _apply(state, event_type, data, when, self.tags)

    def resolve(self) -> None:
        """Turn the logs' block ids into manifest blocks, merging ids of the same block."""
        reading = self.reading
        resolved: dict[str, str | None] = {}
        for usage_key, info in self.infos.items():
            if info is _NO_MATCH:
                continue
            block = self.index.resolve(info)
            resolved[usage_key] = block.usage_id if block else None
            if block is None and self.counts[usage_key]:
                reading.skipped["ambiguous"] += self.counts[usage_key]
                reading.used -= self.counts[usage_key]
        for person, blocks in self.raw.items():
            if all(resolved.get(key) == key for key in blocks):
                reading.progress[person] = blocks  # exact usage keys: nothing to change
                continue
            mine: dict[str, BlockProgress] = {}
            for usage_key, state in blocks.items():
                target = resolved.get(usage_key)
                if target is None:
                    continue
                if target in mine:
                    mine[target].merge(state)
                else:
                    mine[target] = state
            if mine:
                reading.progress[person] = mine
        self.raw = {}
        for user in reading.unknown_users.values():
            user.usage_keys = {resolved[k] for k in user.usage_keys if resolved.get(k)}


def _apply(state: BlockProgress, event_type: str, data: dict, when: float, known: dict) -> None:
    state.touch(when)
    if event_type == "grade":
        share = ev.grade_share(data)
    else:
        grade = data.get("grade")
        share = ev.grade_share(grade) if isinstance(grade, dict) else None
    if share is not None:
        state.graded(when, share)
    completion = ev.completion_value(event_type, data)
    if completion is not None:
        state.complete(when, completion)
    if event_type.startswith(ev.OUR_PREFIX):
        attempt = data.get("attempt")
        if isinstance(attempt, int) and not isinstance(attempt, bool):
            state.attempted(attempt)
        tags = ev.competency_tags(data)
        if tags:
            state.tagged(when, known.setdefault(tags, tags))  # one copy of each tag list


def _malformed(reading: Reading, path: Path, number: int) -> None:
    reading.skipped["malformed"] += 1
    if len(reading.malformed) < MALFORMED_EXAMPLES:
        reading.malformed.append((str(path), number))


def _unknown_user(reading: Reading, username: str, usage_key: str, when: float, key: int) -> None:
    user = reading.unknown_users.get(username)
    if user is None:
        user = reading.unknown_users[username] = UnknownUser(username)
    if key in user.seen:
        reading.duplicates += 1
        return
    if len(user.seen) < SEEN_CAP * 4:
        user.seen.add(key)
    reading.skipped["unknown_user"] += 1
    user.events += 1
    user.last_seen = max(user.last_seen, when)
    user.usage_keys.add(usage_key)
