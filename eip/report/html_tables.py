"""The report's tables as HTML: people x required courses per team (sortable, filterable),
and competencies by team."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from eip.report.build import Report
from eip.report.status import Assignment
from eip.report.strings import STATUSES, Strings

if TYPE_CHECKING:
    from xblocks.core.authored import Text

STATUS_ORDER = {status: index for index, status in enumerate(STATUSES)}
KEPT_ROWS = 4096  # row endings kept for reuse, at most


def iso_date(day: date | None) -> str:
    return day.isoformat() if day else ""


def lang_attribute(lang: str, page: str) -> str:
    """` lang="en"` for text in another language than the page's (a course title or a
    framework name without a translation); nothing otherwise."""
    return f' lang="{escape(lang)}"' if lang and lang != page else ""


def title_attribute(report: Report, slug: str, page: str) -> str:
    """The `lang` attribute a course's title needs on the page."""
    return lang_attribute(report.title_languages.get(slug, page), page)


def named(text: Text, lang: str) -> tuple[str, str]:
    """A framework text in `lang`, and the `lang` attribute it needs (its English when it
    has no translation)."""
    shown = text.get(lang)
    return shown, lang_attribute(lang if text.values.get(lang) else "en", lang)


def _options(all_label: str, values: list[tuple[str, str, str]]) -> str:
    """`<option>`s: one for all, then (value, label, lang attribute) each."""
    options = [f'<option value="">{escape(all_label)}</option>']
    options += [
        f'<option value="{escape(v)}"{attribute}>{escape(label)}</option>'
        for v, label, attribute in values
    ]
    return "".join(options)


def people_section(report: Report, text: Strings) -> Iterator[str]:
    courses = [
        (slug, title, title_attribute(report, slug, text.lang))
        for slug, title in sorted(report.titles.items(), key=lambda item: item[1].casefold())
    ]
    filters = [
        (
            "team",
            text("filters.team"),
            text("filters.all_teams"),
            [(t, t, "") for t in report.teams],
        ),
        (
            "status",
            text("filters.status"),
            text("filters.all_statuses"),
            [(s, text.status(s), "") for s in STATUSES],
        ),
        ("course", text("filters.course"), text("filters.all_courses"), courses),
    ]
    controls = "".join(
        f'<div><label for="filter-{name}">{escape(label)}</label>'
        f'<select id="filter-{name}" data-filter="{name}">{_options(every, values)}</select></div>'
        for name, label, every, values in filters
    )
    total = len(report.assignments)
    yield (
        '<section id="people" aria-labelledby="people-heading" tabindex="-1">'
        f'<h2 id="people-heading">{escape(text("tables.heading"))}</h2>'
        f'<form class="filters" aria-label="{escape(text("filters.heading"))}" '
        f'onsubmit="return false">{controls}</form>'
        f'<p id="result-count" role="status" aria-live="polite">'
        f"{escape(text('filters.showing', shown=total, total=total))}</p>"
    )
    row = _Rows(text, report.title_languages)
    for index, (team, assignments) in enumerate(report.by_team().items()):
        yield _team_table(report, text, index, team, assignments, row)
    yield "</section>"


HEADERS = (
    ("col.name", "text"),
    ("col.role", "text"),
    ("col.course", "text"),
    ("col.status", "number"),
    ("col.due", "text"),
    ("col.completed", "text"),
    ("col.version", "text"),
    ("col.score", "number"),
)


def _team_table(
    report: Report,
    text: Strings,
    index: int,
    team: str,
    assignments: list[Assignment],
    row: _Rows,
) -> str:
    manager = report.managers.get(team, "")
    caption = (
        text("table.caption", team=team, manager=manager)
        if manager
        else text("table.caption_no_manager", team=team)
    )
    heads = []
    for position, (key, kind) in enumerate(HEADERS):
        label = escape(text(key))
        sort = ' aria-sort="ascending"' if position == 0 else ""
        number = ' class="number"' if key == "col.score" else ""
        heads.append(
            f'<th scope="col" data-type="{kind}"{sort}{number}>'
            f'<button type="button">{label}</button></th>'
        )
    rows = "".join([row(a) for a in assignments])
    return (
        f'<section class="team" data-team-section data-team="{escape(team)}">'
        f'<div class="table-wrap" role="region" tabindex="0" '
        f'aria-labelledby="team-{index}-caption">'
        f'<table class="sortable"><caption id="team-{index}-caption">{escape(caption)}</caption>'
        f"<thead><tr>{''.join(heads)}</tr></thead><tbody>{rows}</tbody></table></div></section>"
    )


_HTML_SPECIAL = re.compile("[&<>\"']")


def _escape(text: str) -> str:
    """`html.escape`, quicker for the usual text that has nothing to escape."""
    return escape(text) if _HTML_SPECIAL.search(text) else text


class _Rows:
    """A table row per assignment. Roles, courses, statuses, dates, versions and scores
    repeat down the tables, so the HTML of that part of a row is kept once made."""

    def __init__(self, text: Strings, title_languages: dict[str, str]) -> None:
        self.text = text
        self.title_lang = {
            slug: lang_attribute(lang, text.lang) for slug, lang in title_languages.items()
        }
        self.known: dict[tuple, str] = {}

    def __call__(self, a: Assignment) -> str:
        person = a.person
        return (
            f'<tr data-status="{a.status}" data-course="{_escape(a.slug)}">'
            f'<th scope="row" data-sort="{_escape(person.name.casefold())}">'
            f'{_escape(person.name)} <span class="id">{_escape(person.id)}</span></th>'
            f"{self._rest(a)}"
        )

    def _rest(self, a: Assignment) -> str:
        """The row after the person's name: role, course, status, dates, version, score."""
        key = (a.person.role, a.slug, a.status, a.due, a.completed, a.version, a.score)
        html = self.known.get(key)
        if html is None:
            score = "" if a.score is None else f"{a.score * 100:.0f}%"
            score_key = "" if a.score is None else f"{a.score:.4f}"
            status = escape(self.text.status(a.status))
            title_lang = self.title_lang.get(a.slug, "")
            html = (
                f"<td>{escape(a.person.role)}</td><td{title_lang}>{escape(a.title)}</td>"
                f'<td data-sort="{STATUS_ORDER[a.status]}">'
                f'<span class="status status-{a.status}">{status}</span></td>'
                f"<td>{iso_date(a.due)}</td><td>{iso_date(a.completed)}</td>"
                f"<td>{escape(a.version)}</td>"
                f'<td class="number" data-sort="{score_key}">{score}</td></tr>'
            )
            if len(self.known) < KEPT_ROWS:
                self.known[key] = html
        return html


def competencies_section(report: Report, text: Strings) -> str:
    heading = (
        '<section aria-labelledby="competency-heading">'
        f'<h2 id="competency-heading">{escape(text("competency.heading"))}</h2>'
    )
    coverage = report.coverage
    if coverage is None:
        return f"{heading}<p>{escape(text('competency.none'))}</p></section>"
    lang = text.lang
    framework = coverage.framework
    levels = [text("col.no_level")] + [
        text("level.name", level=level.number, name=level.name.get(lang))
        for level in framework.levels
    ]
    head = f'<th scope="col">{escape(text("col.competency"))}</th>' + "".join(
        f'<th scope="col" class="number">{escape(name)}</th>' for name in levels
    )
    position = {competency.id: n for n, competency in enumerate(framework.competencies)}
    tables = []
    for index, (team, counts) in enumerate(report.team_levels().items()):
        groups = []
        for domain in framework.domains:
            title, attribute = named(domain.title, lang)
            rows = [
                f'<tr><th scope="rowgroup" colspan="{len(levels) + 1}"{attribute}>'
                f"{escape(title)}</th></tr>"
            ]
            for competency in domain.competencies:
                row = counts[position[competency.id]]
                cells = "".join(f'<td class="number">{n}</td>' for n in row)
                title, attribute = named(competency.title, lang)
                rows.append(f'<tr><th scope="row"{attribute}>{escape(title)}</th>{cells}</tr>')
            groups.append(f"<tbody>{''.join(rows)}</tbody>")
        tables.append(
            f'<section data-competency-team="{escape(team)}">'
            '<div class="table-wrap" role="region" tabindex="0" '
            f'aria-labelledby="competency-{index}">'
            "<table>"
            f'<caption id="competency-{index}">{escape(text("competency.caption", team=team))}'
            f"</caption><thead><tr>{head}</tr></thead>{''.join(groups)}"
            "</table></div></section>"
        )
    return heading + "".join(tables) + "</section>"
