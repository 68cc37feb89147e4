"""Put the report together: read the inputs, stream the logs, work out every status."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from eip.errors import CommandError
from eip.report.assignments import assign
from eip.report.competencies import Coverage, FrameworkLoader, coverage, framework_of
from eip.report.dates import end_of_day_timestamp, utc_date
from eip.report.grade_report import GradeReports, read_grade_reports
from eip.report.logs import expand_paths
from eip.report.manifests import CourseVersion, load_manifests
from eip.report.matching import BlockIndex
from eip.report.progressbar import ProgressBar
from eip.report.reading import Reading, read_logs
from eip.report.requirements import load_requirements
from eip.report.roster import Person, Roster, RosterFormat, read_roster
from eip.report.status import Assignment
from eip.report.strings import Strings
from eip.report.tallies import Tally, tally
from eip.translation import _


@dataclass(frozen=True)
class ReportOptions:
    events: Sequence[Path]
    manifests: Path
    roster: Path
    requirements: Path
    as_of: date
    teams: Sequence[str] = ()
    grade_reports: Sequence[str] = ()
    roster_columns: dict[str, str] = field(default_factory=dict)
    lang: str = "en"
    progress: bool | None = None  # None: a bar when stderr is a terminal


@dataclass(frozen=True)
class UnknownUserRow:
    username: str
    courses: tuple[str, ...]
    events: int
    last_seen: date | None


@dataclass
class Report:
    options: ReportOptions
    generated: datetime
    courses: list[CourseVersion]
    titles: dict[str, str]  # course slug -> title
    title_languages: dict[str, str]  # course slug -> the language its title is in
    roster: Roster
    people: list[Person]
    teams: list[str]
    managers: dict[str, str]  # team -> manager(s)
    assignments: list[Assignment]
    reading: Reading
    unknown_users: list[UnknownUserRow]
    coverage: Coverage | None
    roles_without_requirements: Counter
    grade_problems: list[str] = field(default_factory=list)  # grade report rows skipped
    # frameworks the manifests name that could not be read: (id, why)
    unreadable_frameworks: list[tuple[str, object]] = field(default_factory=list)
    elapsed: float = 0.0
    # worked out once, on first use: each output asks for them
    _teams: dict[str, list[Assignment]] | None = field(default=None, init=False, repr=False)
    _tallies: dict[str | None, Tally] = field(default_factory=dict, init=False, repr=False)
    _levels: dict[str, list[list[int]]] | None = field(default=None, init=False, repr=False)

    @property
    def as_of(self) -> date:
        return self.options.as_of

    def by_team(self) -> dict[str, list[Assignment]]:
        """Each team's assignments, in the report's order (do not change the lists)."""
        if self._teams is None:
            teams: dict[str, list[Assignment]] = {team: [] for team in self.teams}
            for assignment in self.assignments:
                teams[assignment.person.team].append(assignment)
            self._teams = teams
        return self._teams

    def tally(self, team: str | None = None) -> Tally:
        """Counts by status for one team, or (None) for everyone."""
        counts = self._tallies.get(team)
        if counts is None:
            group = self.assignments if team is None else self.by_team()[team]
            counts = self._tallies[team] = tally(group)
        return counts

    def team_levels(self) -> dict[str, list[list[int]]]:
        """Each team's people at each level of each competency (empty without a framework)."""
        if self._levels is None:
            people: dict[str, list[str]] = {team: [] for team in self.teams}
            for person in self.people:
                people[person.team].append(person.key)
            coverage = self.coverage
            self._levels = (
                {team: coverage.level_counts(keys) for team, keys in people.items()}
                if coverage
                else {}
            )
        return self._levels

    def warm(self) -> None:
        """Work out now what every output asks for (before they are written in parallel)."""
        for team in self.by_team():
            self.tally(team)
        self.tally()
        self.team_levels()

    def completions_by_month(self, months: int = 12) -> list[tuple[date, int]]:
        """Completions (still counted, expired or not) in each of the last `months` months."""
        first = date(self.as_of.year, self.as_of.month, 1)
        starts = []
        for back in range(months - 1, -1, -1):
            index = first.year * 12 + first.month - 1 - back
            starts.append(date(index // 12, index % 12 + 1, 1))
        counts = Counter(
            date(a.completed.year, a.completed.month, 1) for a in self.assignments if a.completed
        )
        return [(start, counts.get(start, 0)) for start in starts]


def build_report(options: ReportOptions, load_framework: FrameworkLoader | None = None) -> Report:
    started = time.monotonic()
    courses = load_manifests(options.manifests)
    by_slug: dict[str, list[CourseVersion]] = defaultdict(list)
    for course in courses:
        by_slug[course.slug].append(course)
    requirements = load_requirements(options.requirements, known_courses=by_slug)
    form = requirements.roster_format
    if options.roster_columns:
        form = RosterFormat(
            {**form.columns, **options.roster_columns}, form.delimiter, form.date_formats
        )
    roster = read_roster(options.roster, form)
    grades = read_grade_reports(options.grade_reports, courses)
    people = _chosen(roster.people, options.teams)
    usernames = _usernames(roster.people, grades)
    chosen_keys = {person.key for person in people}
    paths = expand_paths(options.events)
    reading = read_logs(
        paths,
        BlockIndex(courses),
        {name: key for name, key in usernames.items() if key in chosen_keys},
        elsewhere=frozenset(name for name, key in usernames.items() if key not in chosen_keys),
        until=end_of_day_timestamp(options.as_of),
        bar=ProgressBar(enabled=options.progress, lines=_lines_read(Strings(options.lang))),
    )
    titles = {slug: versions[-1].title_in(options.lang) for slug, versions in by_slug.items()}
    title_languages = {
        slug: versions[-1].title_language(options.lang) for slug, versions in by_slug.items()
    }
    username_of = {key: name for name, key in usernames.items()}
    assignments, unrequired = assign(
        people, requirements, by_slug, titles, reading.progress, grades, username_of, options.as_of
    )
    unreadable: list[tuple[str, object]] = []
    report = Report(
        options=options,
        generated=datetime.now(UTC),
        courses=courses,
        titles=titles,
        title_languages=title_languages,
        roster=roster,
        people=people,
        teams=sorted({person.team for person in people}, key=str.casefold),
        managers=_managers(people),
        assignments=assignments,
        reading=reading,
        unknown_users=[] if options.teams else _unknown_users(reading, courses, titles),
        coverage=_coverage(courses, reading, people, load_framework, unreadable),
        roles_without_requirements=unrequired,
        grade_problems=grades.problems,
        unreadable_frameworks=unreadable,
    )
    report.elapsed = time.monotonic() - started
    return report


def _lines_read(text: Strings) -> Callable[[int], str]:
    return lambda count: text("term.lines", count=count)


def _chosen(people: list[Person], teams: Sequence[str]) -> list[Person]:
    if not teams:
        return list(people)
    known = {person.team.casefold() for person in people}
    missing = [team for team in teams if team.strip().casefold() not in known]
    if missing:
        names = ", ".join(sorted({person.team for person in people}, key=str.casefold))
        raise CommandError(
            _("no team {missing} in the roster (teams: {names}).").format(
                missing=", ".join(repr(m) for m in missing), names=names
            )
        )
    wanted = {team.strip().casefold() for team in teams}
    return [person for person in people if person.team.casefold() in wanted]


def _usernames(people: list[Person], grades: GradeReports) -> dict[str, str]:
    """Lower-cased username -> person key. A person listed by email is also found under the
    username the grade report gives for that email."""
    names: dict[str, str] = {}
    for person in people:
        names[person.key] = person.key
        username = grades.usernames_by_email.get(person.key) if "@" in person.key else None
        if username:
            names.setdefault(username, person.key)
    return names


def _managers(people: list[Person]) -> dict[str, str]:
    managers: dict[str, dict[str, None]] = defaultdict(dict)
    for person in people:
        if person.manager:
            managers[person.team][person.manager] = None
    return {team: ", ".join(names) for team, names in managers.items()}


def _unknown_users(reading: Reading, courses, titles) -> list[UnknownUserRow]:
    slug_of = {block.usage_id: c.slug for c in courses for block in c.blocks}
    rows = []
    for user in reading.unknown_users.values():
        slugs = sorted({slug_of[key] for key in user.usage_keys if key in slug_of})
        if not slugs:
            continue
        rows.append(
            UnknownUserRow(
                username=user.username,
                courses=tuple(titles[slug] for slug in slugs),
                events=user.events,
                last_seen=utc_date(user.last_seen) if user.events else None,
            )
        )
    return sorted(rows, key=lambda row: row.username.casefold())


def _coverage(courses, reading: Reading, people, load_framework, unreadable) -> Coverage | None:
    if load_framework is None:
        from xblocks.competency.model.library import load_framework
    framework = framework_of(courses, load_framework, unreadable)
    if framework is None:
        return None
    blocks = {block.usage_id: block for course in courses for block in course.blocks}
    versions = {course.course_id: course.version for course in courses}
    return coverage(framework, reading.progress, blocks, versions, [p.key for p in people])
