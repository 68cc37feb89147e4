"""Every word a manager reads in the report, in one place, so that an edition in another
language translates this table and nothing else.

`Strings(lang)` looks a key up in the language's table and falls back to English per
string. Placeholders use `str.format` names, e.g. `{count}`.
"""

from __future__ import annotations

from collections.abc import Mapping

STATUSES = ("not_started", "in_progress", "completed", "overdue", "expired")

ENGLISH: dict[str, str] = {
    # Statuses, in the order a manager acts on them.
    "status.overdue": "Overdue",
    "status.expired": "Expired",
    "status.not_started": "Not started",
    "status.in_progress": "In progress",
    "status.completed": "Completed",
    # Columns.
    "col.person": "Person",
    "col.id": "Username or email",
    "col.name": "Name",
    "col.team": "Team",
    "col.manager": "Manager",
    "col.role": "Role",
    "col.start": "Start date",
    "col.course": "Course",
    "col.course_id": "Course id",
    "col.status": "Status",
    "col.due": "Due date",
    "col.completed": "Date completed",
    "col.version": "Version",
    "col.all_versions": "all versions",
    "col.score": "Score",
    "col.people": "People",
    "col.assigned": "Required completions",
    "col.percent_complete": "Completed (%)",
    "col.average_score": "Average score",
    "col.domain": "Domain",
    "col.competency": "Competency",
    "col.level": "Level",
    "col.no_level": "No level yet",
    "col.measure": "Measure",
    "col.value": "Value",
    "col.username": "Username",
    "col.courses_seen": "Courses with activity",
    "col.events": "Events",
    "col.last_seen": "Last activity",
    "col.completions": "Completions",
    "col.month": "Month",
    "col.reason": "Reason",
    "col.where": "Where",
    # Levels of the competency framework (Social Care Wales stages).
    "level.1": "Consolidation",
    "level.2": "Experienced",
    "level.3": "Senior",
    "level.4": "Consultant",
    "level.name": "Level {level}: {name}",
    # Months, for the chart of completions over time.
    "month.1": "January",
    "month.2": "February",
    "month.3": "March",
    "month.4": "April",
    "month.5": "May",
    "month.6": "June",
    "month.7": "July",
    "month.8": "August",
    "month.9": "September",
    "month.10": "October",
    "month.11": "November",
    "month.12": "December",
    # Page.
    "report.title": "Research-literacy training: completion and competencies",
    "report.team_title": "Research-literacy training: {teams}",
    "report.as_of": "As of {date}",
    "report.generated": "Generated {when} from {files} tracking-log files.",
    "report.intro": (
        "Who has completed the research-literacy training their role requires, who is "
        "overdue, and which research competencies each team has shown. Each row is one "
        "person and one required course."
    ),
    "report.skip_link": "Skip to the tables",
    "totals.heading": "Totals",
    "totals.people": "People",
    "totals.teams": "Teams",
    "totals.assigned": "Required completions",
    "totals.completed": "Completed",
    "totals.overdue": "Overdue",
    "totals.expired": "Expired",
    "totals.percent": "{percent}%",
    "charts.heading": "Charts",
    "chart.by_team": "Completion by team",
    "chart.by_team.desc": "Share of each team's required completions that are complete.",
    "chart.by_team.bar": "{team}: {percent}% complete ({done} of {total})",
    "chart.status": "Status of all required completions",
    "chart.status.bar": "{status}: {count}",
    "chart.over_time": "Completions by month",
    "chart.over_time.desc": "Courses completed in each of the last twelve months.",
    "chart.over_time.bar": "{month}: {count} completions",
    "chart.competency": "Competency coverage by domain and level",
    "chart.competency.desc": (
        "People whose highest level in any competency of the domain is the level shown."
    ),
    "chart.competency.bar": "{domain}, {level}: {count} people",
    "chart.empty": "Nothing to show yet.",
    "tables.heading": "People and required courses",
    "filters.heading": "Filter the tables",
    "filters.team": "Team",
    "filters.status": "Status",
    "filters.course": "Course",
    "filters.all_teams": "All teams",
    "filters.all_statuses": "All statuses",
    "filters.all_courses": "All courses",
    "filters.showing": "Showing {shown} of {total} rows.",
    "filters.none": "No rows match these filters.",
    "table.caption": "{team}: people and required courses (manager {manager})",
    "table.caption_no_manager": "{team}: people and required courses",
    "table.sort": "Sort by {column}",
    "table.no_score": "no score",
    "competency.heading": "Competencies by team",
    "competency.caption": "{team}: people at each level, by competency",
    "competency.none": "No competency framework was found, so competencies are not shown.",
    "unknown.heading": "People in the logs but not in the roster",
    "unknown.intro": (
        "These usernames have activity in the training but are not in the staff roster. "
        "They are not counted in any team. Add them to the roster if they are staff."
    ),
    "unknown.caption": "Usernames in the tracking logs that are not in the roster",
    "unknown.none": "Everyone with activity is in the roster.",
    "about.heading": "About this report",
    "about.events": "Tracking-log lines read: {lines}. Training events used: {used}.",
    "about.duplicates": "Repeated events ignored (overlapping log copies): {count}.",
    "about.skipped": "Events not used: {count}.",
    "about.roster_problems": "Roster rows skipped: {count}.",
    "about.status_rules": (
        "Due dates are counted from each person's start date. A course is completed when "
        "every activity in one version of it is complete and the score reaches the pass "
        "mark. A completion expires when its renewal period has passed."
    ),
    "print.note": "Printed from the report of {date}.",
    # Summary sheet and terminal.
    "summary.as_of": "Report date",
    "summary.people": "People in the roster",
    "summary.teams": "Teams",
    "summary.assigned": "Required completions",
    "summary.percent_complete": "Completed (%)",
    "summary.lines": "Tracking-log lines read",
    "summary.used": "Training events used",
    "summary.duplicates": "Repeated events ignored",
    "summary.skipped": "Events not used: {reason}",
    "summary.unknown_users": "Usernames not in the roster",
    "summary.roster_problems": "Roster rows skipped",
    "sheet.summary": "summary",
    "sheet.by_team": "by team",
    "sheet.by_person": "by person",
    "sheet.by_course": "by course",
    "sheet.competencies": "competencies",
    # Why an event or row was not used.
    "skip.malformed": "not a JSON object (damaged line)",
    "skip.no_user": "no username",
    "skip.no_block": "no block id",
    "skip.unknown_user": "user not in the roster",
    "skip.unknown_course": "course or block not in any manifest",
    "skip.ambiguous": "block found in several course versions; cannot tell which",
    "skip.after_as_of": "after the report date",
    "skip.bad_time": "missing or unreadable time",
    "skip.other_team": "outside the teams asked for",
    # Terminal.
    "term.reading": "Reading {file}",
    "term.people": "People: {people} in {teams} teams ({assigned} required completions)",
    "term.statuses": "Status: {statuses}",
    "term.events": (
        "Events: {lines} lines read in {files} files; {used} training events used, "
        "{duplicates} repeats ignored"
    ),
    "term.skipped": "Skipped: {count} {reason}",
    "term.example": "  {where}",
    "term.more": "  ... and {count} more",
    "term.unknown_courses": "  course {course}: {count} events",
    "term.unknown_users": "  {count} usernames, e.g. {examples}",
    "term.roster": "Roster: {count} rows skipped",
    "term.no_requirement": "No course is required of role {role!r} ({count} in the roster)",
    "term.wrote": "Wrote {path}",
    "term.time": "Done in {seconds:.1f} s.",
}

LANGUAGES: dict[str, Mapping[str, str]] = {"en": ENGLISH}


class Strings:
    """The report's words in one language, English where a translation is missing."""

    def __init__(self, lang: str = "en") -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"no report strings for language {lang!r}")
        self.lang = lang
        self._table = LANGUAGES[lang]

    def __call__(self, key: str, **fields: object) -> str:
        template = self._table.get(key) or ENGLISH[key]
        return template.format(**fields) if fields else template

    def status(self, status: str) -> str:
        return self(f"status.{status}")
