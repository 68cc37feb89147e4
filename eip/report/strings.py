"""Every word a manager reads in the report, in one place.

`ENGLISH` is the table: each value is the English, marked with `N_()` (or `Nn_()` for a
singular and plural pair) so that it is extracted into the `eip` gettext catalogue
(`eip/translations/`), where it is translated. `Strings(lang)` looks a key's English up in
that language's catalogue, with the English as the fallback for any string not translated.
Placeholders use `str.format` names, e.g. `{count}`; a pair is chosen by its `count` (a
whole number, shown with thousands separators).
"""

from __future__ import annotations

from collections.abc import Mapping

from eip.translation import LANGUAGES, N_, Nn_, catalogue

STATUSES = ("not_started", "in_progress", "completed", "overdue", "expired")
# The columns of a row per person and required course, as keys of ENGLISH: completion.csv
# and the workbook's by-person sheet.
PERSON_COLUMNS = (
    "col.id",
    "col.name",
    "col.team",
    "col.manager",
    "col.role",
    "col.start",
    "col.course",
    "col.status",
    "col.due",
    "col.completed",
    "col.version",
    "col.score",
)

ENGLISH: Mapping[str, str | tuple[str, str]] = {
    # Statuses, in the order a manager acts on them.
    # Translators: the status of one person's required course.
    "status.overdue": N_("Overdue"),
    "status.expired": N_("Expired"),
    "status.not_started": N_("Not started"),
    "status.in_progress": N_("In progress"),
    "status.completed": N_("Completed"),
    # Columns.
    "col.person": N_("Person"),
    "col.id": N_("Username or email"),
    "col.name": N_("Name"),
    "col.team": N_("Team"),
    "col.manager": N_("Manager"),
    "col.role": N_("Role"),
    "col.start": N_("Start date"),
    "col.course": N_("Course"),
    "col.course_id": N_("Course id"),
    "col.status": N_("Status"),
    "col.due": N_("Due date"),
    "col.completed": N_("Date completed"),
    "col.version": N_("Version"),
    # Translators: in the version column, the row that counts every version of a course.
    "col.all_versions": N_("all versions"),
    "col.score": N_("Score"),
    "col.score_percent": N_("Score (%)"),
    "col.people": N_("People"),
    "col.assigned": N_("Required completions"),
    "col.percent_complete": N_("Completed (%)"),
    "col.average_score": N_("Average score"),
    "col.domain": N_("Domain"),
    "col.competency": N_("Competency"),
    "col.level": N_("Level"),
    "col.no_level": N_("No level yet"),
    "col.measure": N_("Measure"),
    "col.value": N_("Value"),
    "col.username": N_("Username"),
    "col.courses_seen": N_("Courses with activity"),
    "col.events": N_("Events"),
    "col.last_seen": N_("Last activity"),
    "col.completions": N_("Completions"),
    "col.month": N_("Month"),
    "col.reason": N_("Reason"),
    "col.where": N_("Where"),
    # A level of the competency framework: its number and its name from the framework.
    "level.name": N_("Level {level}: {name}"),
    # Months, for the chart of completions over time: the name, and its short form.
    "month.1": N_("January"),
    "month.2": N_("February"),
    "month.3": N_("March"),
    "month.4": N_("April"),
    "month.5": N_("May"),
    "month.6": N_("June"),
    "month.7": N_("July"),
    "month.8": N_("August"),
    "month.9": N_("September"),
    "month.10": N_("October"),
    "month.11": N_("November"),
    "month.12": N_("December"),
    # Translators: short month names, under the bars of the chart of completions by month.
    "month_short.1": N_("Jan"),
    "month_short.2": N_("Feb"),
    "month_short.3": N_("Mar"),
    "month_short.4": N_("Apr"),
    "month_short.5": N_("May"),
    "month_short.6": N_("Jun"),
    "month_short.7": N_("Jul"),
    "month_short.8": N_("Aug"),
    "month_short.9": N_("Sep"),
    "month_short.10": N_("Oct"),
    "month_short.11": N_("Nov"),
    "month_short.12": N_("Dec"),
    # Translators: a month and its year, e.g. "March 2027".
    "month.year": N_("{month} {year}"),
    # Page.
    "report.title": N_("Research-literacy training: completion and competencies"),
    "report.team_title": N_("Research-literacy training: {teams}"),
    "report.as_of": N_("As of {date}"),
    "report.generated": N_("Generated {when} from {files} tracking-log files."),
    "report.intro": N_(
        "Who has completed the research-literacy training their role requires, who is "
        "overdue, and which research competencies each team has shown. Each row is one "
        "person and one required course."
    ),
    "report.skip_link": N_("Skip to the tables"),
    "totals.heading": N_("Totals"),
    "totals.people": N_("People"),
    "totals.teams": N_("Teams"),
    "totals.assigned": N_("Required completions"),
    # Translators: how many required completions are complete, as a share.
    "totals.completed": N_("Completed"),
    "totals.overdue": N_("Overdue"),
    "totals.expired": N_("Expired"),
    "totals.percent": N_("{percent}%"),
    "charts.heading": N_("Charts"),
    "chart.by_team": N_("Completion by team"),
    "chart.by_team.desc": N_("Share of each team's required completions that are complete."),
    "chart.by_team.bar": N_("{team}: {percent}% complete ({done} of {total})"),
    "chart.status": N_("Status of all required completions"),
    "chart.status.bar": N_("{status}: {count}"),
    "chart.over_time": N_("Completions by month"),
    "chart.over_time.desc": N_("Courses completed in each of the last twelve months."),
    "chart.over_time.bar": Nn_("{month}: {count} completion", "{month}: {count} completions"),
    "chart.competency": N_("Competency coverage by domain and level"),
    "chart.competency.desc": N_(
        "People whose highest level in any competency of the domain is the level shown."
    ),
    "chart.competency.bar": Nn_(
        "{domain}, {level}: {count} person", "{domain}, {level}: {count} people"
    ),
    "chart.empty": N_("Nothing to show yet."),
    "tables.heading": N_("People and required courses"),
    "filters.heading": N_("Filter the tables"),
    "filters.team": N_("Team"),
    "filters.status": N_("Status"),
    "filters.course": N_("Course"),
    "filters.all_teams": N_("All teams"),
    "filters.all_statuses": N_("All statuses"),
    "filters.all_courses": N_("All courses"),
    "filters.showing": N_("Showing {shown} of {total} rows."),
    "filters.none": N_("No rows match these filters."),
    "table.caption": N_("{team}: people and required courses (manager {manager})"),
    "table.caption_no_manager": N_("{team}: people and required courses"),
    "table.sort": N_("Sort by {column}"),
    "table.no_score": N_("no score"),
    "competency.heading": N_("Competencies by team"),
    "competency.caption": N_("{team}: people at each level, by competency"),
    "competency.none": N_("No competency framework was found, so competencies are not shown."),
    "unknown.heading": N_("People in the logs but not in the roster"),
    "unknown.intro": N_(
        "These usernames have activity in the training but are not in the staff roster. "
        "They are not counted in any team. Add them to the roster if they are staff."
    ),
    "unknown.caption": N_("Usernames in the tracking logs that are not in the roster"),
    "unknown.none": N_("Everyone with activity is in the roster."),
    "about.heading": N_("About this report"),
    "about.events": N_("Tracking-log lines read: {lines}. Training events used: {used}."),
    "about.duplicates": N_("Repeated events ignored (overlapping log copies): {count}."),
    "about.skipped": N_("Events not used: {count}."),
    # Translators: {reason} is why events were not used, e.g. "no username".
    "about.skipped_reason": N_("{reason}: {count}"),
    "about.roster_problems": N_("Roster rows skipped: {count}."),
    "about.status_rules": N_(
        "Due dates are counted from each person's start date. A course is completed when "
        "every activity in one version of it is complete and the score reaches the pass "
        "mark. A completion expires when its renewal period has passed."
    ),
    "print.note": N_("Printed from the report of {date}."),
    # Summary sheet and terminal.
    "summary.as_of": N_("Report date"),
    "summary.people": N_("People in the roster"),
    "summary.teams": N_("Teams"),
    "summary.assigned": N_("Required completions"),
    "summary.percent_complete": N_("Completed (%)"),
    "summary.lines": N_("Tracking-log lines read"),
    "summary.used": N_("Training events used"),
    "summary.duplicates": N_("Repeated events ignored"),
    "summary.skipped": N_("Events not used: {reason}"),
    "summary.unknown_users": N_("Usernames not in the roster"),
    "summary.roster_problems": N_("Roster rows skipped"),
    # Translators: the names of the workbook's sheets: at most 31 characters each, none of
    # [ ] : * ? / \.
    "sheet.summary": N_("summary"),
    "sheet.by_team": N_("by team"),
    "sheet.by_person": N_("by person"),
    "sheet.by_course": N_("by course"),
    "sheet.competencies": N_("competencies"),
    # Why an event or row was not used.
    "skip.malformed": N_("not a JSON object (damaged line)"),
    "skip.no_user": N_("no username"),
    "skip.no_block": N_("no block id"),
    "skip.unknown_user": N_("user not in the roster"),
    "skip.unknown_course": N_("course or block not in any manifest"),
    "skip.ambiguous": N_("block found in several course versions; cannot tell which"),
    "skip.after_as_of": N_("after the report date"),
    "skip.bad_time": N_("missing or unreadable time"),
    "skip.other_team": N_("outside the teams asked for"),
    # Terminal.
    "term.reading": N_("Reading {file}"),
    "term.people": N_("People: {people} in {teams} teams ({assigned} required completions)"),
    "term.statuses": N_("Status: {statuses}"),
    # Translators: one status and its count, in the list after "Status:".
    "term.status_count": N_("{status} {count}"),
    "term.events": N_(
        "Events: {lines} lines read in {files} files; {used} training events used, "
        "{duplicates} repeats ignored"
    ),
    # Translators: {reason} is why events were not used, e.g. "no username".
    "term.skipped": N_("Skipped: {count} {reason}"),
    "term.example": N_("  {where}"),
    "term.more": N_("  ... and {count} more"),
    "term.unknown_courses": Nn_(
        "  course {course}: {count} event", "  course {course}: {count} events"
    ),
    "term.unknown_users": Nn_(
        "  {count} username, e.g. {examples}", "  {count} usernames, e.g. {examples}"
    ),
    "term.roster": Nn_("Roster: {count} row skipped", "Roster: {count} rows skipped"),
    "term.grade_reports": Nn_(
        "Grade reports: {count} row skipped", "Grade reports: {count} rows skipped"
    ),
    "term.unreadable_framework": N_(
        "Competencies not reported: the framework {framework} could not be read: {reason}"
    ),
    "term.no_requirement": N_("No course is required of role {role} ({count} in the roster)"),
    "term.no_requirement_no_role": N_(
        "No course is required of people with no role ({count} in the roster)"
    ),
    "term.wrote": N_("Wrote {path}"),
    "term.time": N_("Done in {seconds} s."),
    "term.lines": Nn_("{count} line", "{count} lines"),
}


class Strings:
    """The report's words in one language, English where a translation is missing."""

    def __init__(self, lang: str = "en") -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"no report strings for language {lang!r}")
        self.lang = lang
        self._catalogue = catalogue(lang)

    def __call__(self, key: str, **fields: object) -> str:
        english = ENGLISH[key]
        if isinstance(english, tuple):
            count = fields["count"]
            if not isinstance(count, int):
                raise TypeError(f"{key}: count must be a whole number, not {count!r}")
            template = self._catalogue.ngettext(*english, count)
            fields = {**fields, "count": f"{count:,}"}
        else:
            template = self._catalogue.gettext(english)
        return template.format(**fields) if fields else template

    def status(self, status: str) -> str:
        return self(f"status.{status}")

    def month(self, month: int, *, short: bool = False) -> str:
        return self(f"month_short.{month}" if short else f"month.{month}")
