"""Read tracking logs into per-learner, per-block progress, in one streaming pass.

Memory grows with the roster, the distinct block ids and the learner-block pairs with
activity (a 77-byte record each, `progress.ProgressStore`), never with the number of lines:
a line is read, folded into its learner's block progress, and dropped, and repeats are
told by a table of fixed size (`repeats`). Each block id seen has a row number for every
person in the roster (4 bytes each). Lines without any of the markers in `events.MARKERS`
are not parsed at all.

Parsing the lines that matter is most of the time, so for large logs a forked child
(`forked`) reads the same files and parses about half of them, chosen by each line's key (a
line and its repeats go to the same process, so each process counts their repeats), and this
process merges what it hands back. The merge reproduces a single pass: block progress folds
in any order, counts add up, and what is listed in the order first seen (unknown courses and
users, the first damaged lines) is put back in that order. Should the two halves have
matched a block id differently (a workbench id is matched by the name its first event
gives), the logs are read again in one pass.
"""

from __future__ import annotations

import json
import marshal
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path

from eip.report import events as ev
from eip.report.dates import event_timestamp
from eip.report.forked import Forked
from eip.report.logs import LogFile, without_header
from eip.report.matching import BlockIndex, UsageInfo, course_run
from eip.report.progress import BlockProgress, Progress, ProgressStore, no_rows
from eip.report.progressbar import ProgressBar
from eip.report.repeats import Repeats

MALFORMED_EXAMPLES = 20
PROGRESS_EVERY = 1 << 16
PARALLEL_BYTES = 32 << 20  # smaller logs are read in one process: forking is not worth it
# The child's share of the lines to parse, by their key's low byte: a little under half, as
# it also has to hand its findings over.
CHILD_SHARE = range(0, 104)
OWN_SHARE = range(104, 256)


@dataclass
class UnknownUser:
    """A username with activity in our courses that is not in the roster."""

    username: str
    events: int = 0
    last_seen: float = float("-inf")
    usage_keys: set[str] = field(default_factory=set)


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
    progress: Mapping[str, dict[str, BlockProgress]] = field(default_factory=dict)


_NO_MATCH = UsageInfo("", ())
_decode = json.JSONDecoder().decode


def parse_line(line: bytes) -> object:
    """`json.loads(line)`, skipping its sniffing for UTF-16 and UTF-32 when the line plainly
    starts as UTF-8 JSON (an object's brace, then not a zero byte)."""
    if line[:1] == b"{" and line[1:2] != b"\x00":
        return _decode(line.decode("utf-8", "surrogatepass"))
    return json.loads(line)


def read_logs(
    paths: Iterable[Path],
    index: BlockIndex,
    people: Mapping[str, str],
    *,
    elsewhere: frozenset[str] = frozenset(),
    until: float = float("inf"),
    bar: ProgressBar | None = None,
    parallel: bool = True,
) -> Reading:
    """Fold every relevant event into progress.

    `people` maps a lower-cased username to the roster key of its person; `elsewhere` holds
    roster usernames left out by a team filter; `until` is the last moment that counts.
    """
    files = list(paths)
    bar = bar or ProgressBar(enabled=False)
    roster = _Roster(people)
    reader = _Reader(index, roster, elsewhere, until, files)
    child = None
    if parallel and sum(_size(path) for path in files) >= PARALLEL_BYTES:
        other = _Reader(index, roster, elsewhere, until, files, share=CHILD_SHARE)
        child = Forked.start(lambda: other.read_all(ProgressBar(enabled=False)).partial())
        if child is not None:
            reader.share = OWN_SHARE
    try:
        reader.read_all(bar)
    except BaseException:
        if child is not None:
            child.stop()
        raise
    bar.finish()
    if child is not None and not reader.absorb(child.result()):
        reader = _Reader(index, roster, elsewhere, until, files)
        reader.read_all(ProgressBar(enabled=False))
    reader.resolve()
    return reader.reading


def event_key(line: bytes) -> int:
    """The key a line and its repeats are known by: its 64-bit hash."""
    return hash(line)


class _Roster:
    """The people events are folded for, numbered: a username's number is its person's."""

    def __init__(self, people: Mapping[str, str]) -> None:
        self.persons = list(dict.fromkeys(people.values()))  # number -> person key
        # person key -> number
        self.index = dict(zip(self.persons, range(len(self.persons)), strict=True))
        # lower-cased username -> number: the same mapping when each person is listed under
        # their key alone (then the usernames, in order, are the persons)
        if list(people) == self.persons:
            self.numbers = self.index
        else:
            self.numbers = {username: self.index[person] for username, person in people.items()}


def _numbers(data: bytes) -> array:
    numbers = array("I")
    numbers.frombytes(data)
    return numbers


def _size(path: Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0  # reported when the file is opened


class _Reader:
    """One pass over the logs; with a `share`, only the lines whose key's low byte is in it
    are parsed."""

    def __init__(self, index, roster: _Roster, elsewhere, until, files, share=None):
        self.index = index
        self.roster = roster
        self.elsewhere = elsewhere
        self.until = until
        self.share = share
        self.reading = Reading(files=list(files))
        self.store = ProgressStore()
        # block id (as the logs give it) -> each person's row in the store, 0 for none
        self.rows: dict[str, array] = {}
        # made when reading starts: not in this process for the child's reader
        self.repeats: Repeats = None  # type: ignore[assignment]
        self.infos: dict[str, UsageInfo] = {}
        self.counts: Counter = Counter()  # usage key -> events counted (not repeats)
        self.runs: dict[str, str] = {}  # course id -> its run
        # where each block id, unknown course and unknown user was first seen, and from what
        self.file_index = 0
        self.first_info: dict[str, tuple[int, int, str, str]] = {}  # file, line, course, name
        self.first_course: dict[str, tuple[int, int]] = {}
        self.first_user: dict[str, tuple[int, int]] = {}

    def read_all(self, bar: ProgressBar) -> _Reader:
        self.repeats = Repeats()
        for index, path in enumerate(self.reading.files):
            self.file_index = index
            with LogFile(path) as log:
                self.read(log, bar)
        return self

    def read(self, log: LogFile, bar: ProgressBar) -> None:
        parse = parse_line
        key = ev.EVENT_TYPE_KEY
        skip = len(key)
        wanted = ev.RELEVANT_PREFIXES
        first, second, third = ev.MARKERS
        relevant = ev.is_relevant
        fold = self.fold
        reading = self.reading
        share = self.share
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
            if line[:1] != b"{":
                line = without_header(line)
            line_key = hash(line.rstrip())  # event_key(line), without the call
            if share is not None and line_key & 0xFF not in share:
                continue  # the other process's line
            try:
                record = parse(line)
            except ValueError:
                _malformed(reading, log.path, number)
                continue
            if not isinstance(record, dict):
                _malformed(reading, log.path, number)
                continue
            event_type = record.get("event_type") or record.get("name")
            if not isinstance(event_type, str) or not relevant(event_type):
                continue
            data = record.get("event")
            context = record.get("context")
            if not isinstance(data, dict) or not isinstance(context, dict):
                _malformed(reading, log.path, number)
                continue
            fold(record, event_type, data, context, line_key, number)
        reading.lines += number

    def fold(
        self, record: dict, event_type: str, data: dict, context: dict, key: int, number: int
    ) -> None:
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
            info = self.infos[usage_key] = self._info(usage_key, course_id, display)
            self.first_info[usage_key] = (self.file_index, number, course_id, display)
        if info is _NO_MATCH:
            skipped["unknown_course"] += 1
            unknown = course_id or usage_key
            if unknown not in reading.unknown_courses:
                self.first_course[unknown] = (self.file_index, number)
            reading.unknown_courses[unknown] += 1
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
        person = self.roster.numbers.get(user_key)
        if person is None:
            if user_key in self.elsewhere:
                skipped["other_team"] += 1
            else:
                if username not in reading.unknown_users:
                    self.first_user[username] = (self.file_index, number)
                _unknown_user(reading, username, info.usage_key, when, self.repeats.seen(key))
            return
        if self.repeats.seen(key):
            reading.duplicates += 1  # and folded again, which changes nothing
        else:
            reading.used += 1
            self.counts[usage_key] += 1
        rows = self.rows.get(usage_key)
        if rows is None:
            # keyed by the one string kept for this block id, not this line's copy of it
            rows = self.rows[info.usage_key] = no_rows(len(self.roster.persons))
        row = rows[person]
        if row:
            state = self.store.load(row)
            _apply(state, event_type, data, when)
            self.store.save(row, state)
        else:
            state = BlockProgress()
            _apply(state, event_type, data, when)
            rows[person] = self.store.add(state)

    def _info(self, usage_key: str, course_id: str, display: str) -> UsageInfo:
        candidates = self.index.candidates(usage_key, course_id, display)
        if not candidates:
            return _NO_MATCH
        return UsageInfo(usage_key, candidates, self.index.version_hints(usage_key))

    def partial(self) -> tuple:
        """What this pass found, for `absorb` in the other process: plain values, marshalled
        (much quicker and smaller than pickled objects); the block progress as its store
        holds it (a few large buffers, quick to hand over), with each block id's people and
        their rows."""
        reading = self.reading
        found = {
            "used": reading.used,
            "duplicates": reading.duplicates,
            "skipped": dict(reading.skipped),
            "malformed": reading.malformed,
            "unknown_courses": dict(reading.unknown_courses),
            "unknown_users": [
                (user.username, user.events, user.last_seen, user.usage_keys)
                for user in reading.unknown_users.values()
            ],
            "infos": {
                key: (None if info is _NO_MATCH else info.versions_seen, self.first_info[key])
                for key, info in self.infos.items()
            },
            "counts": dict(self.counts),
            "first_course": self.first_course,
            "first_user": self.first_user,
        }
        pairs = {}
        for key, rows in self.rows.items():
            people = array("I", compress(range(len(rows)), rows))
            pairs[key] = (people.tobytes(), array("I", map(rows.__getitem__, people)).tobytes())
        return marshal.dumps(found), marshal.dumps(pairs), self.store.contents()

    def absorb(self, partial: tuple) -> bool:
        """Merge the other half's `partial`; False when the two matched a block id
        differently, and then this reading must be done again in one pass."""
        part = marshal.loads(partial[0])
        for key, (versions, first) in part["infos"].items():
            info = self.infos.get(key)
            if info is None:
                info = self.infos[key] = self._info(key, first[2], first[3])
                self.first_info[key] = first
            elif self._info(key, first[2], first[3]).candidates != info.candidates:
                return False
            if versions is not None:
                if info is _NO_MATCH:
                    return False
                info.versions_seen |= versions
            elif info is not _NO_MATCH:
                return False
        reading = self.reading
        reading.used += part["used"]
        reading.duplicates += part["duplicates"]
        reading.skipped.update(part["skipped"])
        place = {str(path): n for n, path in enumerate(reading.files)}
        reading.malformed = sorted(
            reading.malformed + part["malformed"], key=lambda where: (place[where[0]], where[1])
        )[:MALFORMED_EXAMPLES]
        self.counts.update(part["counts"])
        courses = reading.unknown_courses
        courses.update(part["unknown_courses"])
        firsts = {**part["first_course"], **self.first_course}
        for course, first in part["first_course"].items():
            firsts[course] = min(first, firsts[course])
        reading.unknown_courses = Counter({c: courses[c] for c in sorted(courses, key=firsts.get)})
        users = reading.unknown_users
        for name, events, last_seen, usage_keys in part["unknown_users"]:
            first = part["first_user"][name]
            mine = users.get(name)
            if mine is None:
                users[name] = UnknownUser(name, events, last_seen, usage_keys)
                self.first_user[name] = first
                continue
            mine.events += events
            mine.last_seen = max(mine.last_seen, last_seen)
            mine.usage_keys |= usage_keys
            self.first_user[name] = min(self.first_user[name], first)
        reading.unknown_users = {
            name: users[name] for name in sorted(users, key=self.first_user.get)
        }
        # people are numbered alike in both processes (`_Roster`, made before the fork)
        store = self.store
        theirs = ProgressStore.from_contents(partial[2])
        for key, (people, their_rows) in marshal.loads(partial[1]).items():
            rows = self.rows.get(key)
            if rows is None:
                rows = self.rows[self.infos[key].usage_key] = no_rows(len(self.roster.persons))
            for person, their_row in zip(_numbers(people), _numbers(their_rows), strict=True):
                state = theirs.load(their_row)
                row = rows[person]
                if row:
                    mine = store.load(row)
                    mine.merge(state)
                    store.save(row, mine)
                else:
                    rows[person] = store.add(state)
        return True

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
        ids: dict[str, list[str]] = {}  # manifest usage id -> the logs' ids for it
        for usage_key in self.rows:
            target = resolved.get(usage_key)
            if target is not None:
                ids.setdefault(target, []).append(usage_key)
        store = self.store
        blocks: dict[str, array] = {}
        for target, keys in ids.items():
            rows = self.rows[keys[0]]
            if len(keys) > 1:  # several ids of one block: each person's progress merged
                rows = array("I", rows)
                for key in keys[1:]:
                    more = self.rows[key]
                    for person in compress(range(len(more)), more):
                        row = rows[person]
                        if row:
                            state = store.load(row)
                            state.merge(store.load(more[person]))
                            store.save(row, state)
                        else:
                            rows[person] = more[person]
            blocks[target] = rows
        self.rows = {}
        reading.progress = Progress(store, self.roster.persons, self.roster.index, blocks)
        for user in reading.unknown_users.values():
            user.usage_keys = {resolved[k] for k in user.usage_keys if resolved.get(k)}


def _apply(state: BlockProgress, event_type: str, data: dict, when: float) -> None:
    """Fold one event into its learner's block progress."""
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
            state.tagged(when, tags)


def _malformed(reading: Reading, path: Path, number: int) -> None:
    reading.skipped["malformed"] += 1
    if len(reading.malformed) < MALFORMED_EXAMPLES:
        reading.malformed.append((str(path), number))


def _unknown_user(
    reading: Reading, username: str, usage_key: str, when: float, repeat: bool
) -> None:
    user = reading.unknown_users.get(username)
    if user is None:
        user = reading.unknown_users[username] = UnknownUser(username)
    if repeat:
        reading.duplicates += 1
        return
    reading.skipped["unknown_user"] += 1
    user.events += 1
    user.last_seen = max(user.last_seen, when)
    user.usage_keys.add(usage_key)
