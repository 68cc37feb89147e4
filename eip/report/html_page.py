"""`index.html`: one self-contained page (inline CSS, a small inline script, inline SVG),
written a section at a time so that a large workforce does not sit in memory as one string.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape
from importlib.resources import files
from pathlib import Path

from eip.report.build import Report, UnknownUserRow
from eip.report.html_charts import charts_section, percent
from eip.report.html_tables import (
    competencies_section,
    iso_date,
    lang_attribute,
    people_section,
)
from eip.report.strings import Strings


def _static(name: str) -> str:
    return files("eip.report").joinpath("static", name).read_text(encoding="utf-8")


def write_html(report: Report, path: Path, text: Strings) -> Path:
    with Path(path).open("w", encoding="utf-8") as out:
        for chunk in _page(report, text):
            out.write(chunk)
    return Path(path)


def _page(report: Report, text: Strings) -> Iterator[str]:
    teams = report.options.teams
    title = (
        text("report.team_title", teams=", ".join(report.teams)) if teams else text("report.title")
    )
    as_of = text("report.as_of", date=report.as_of.isoformat())
    yield (
        f'<!DOCTYPE html>\n<html lang="{escape(text.lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} ({escape(as_of)})</title>"
        f"<style>{_static('report.css')}</style></head><body>"
        f'<a class="skip" href="#people">{escape(text("report.skip_link"))}</a>'
        f'<header><h1>{escape(title)}</h1><p class="as-of">{escape(as_of)}</p>'
        f"<p>{escape(text('report.intro'))}</p>"
        f'<p class="print-only">{escape(text("print.note", date=report.as_of.isoformat()))}</p>'
        "</header><main>"
    )
    yield _totals(report, text)
    yield charts_section(report, text)
    yield from people_section(report, text)
    yield competencies_section(report, text)
    yield _unknown_users(report, text)
    yield _about(report, text)
    strings = json.dumps(
        {"showing": text("filters.showing"), "none": text("filters.none")}, ensure_ascii=False
    ).replace("<", "\\u003c")
    yield (
        f'</main><script type="application/json" id="report-strings">{strings}</script>'
        f"<script>{_static('report.js')}</script></body></html>\n"
    )


def _totals(report: Report, text: Strings) -> str:
    total = report.tally()
    items = [
        (text("totals.people"), f"{len(report.people):,}"),
        (text("totals.teams"), f"{len(report.teams):,}"),
        (text("totals.assigned"), f"{total.total:,}"),
        (text("totals.completed"), text("totals.percent", percent=percent(total.share_complete))),
        (text("totals.overdue"), f"{total.count('overdue'):,}"),
        (text("totals.expired"), f"{total.count('expired'):,}"),
    ]
    cells = "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in items)
    return (
        '<section aria-labelledby="totals-heading">'
        f'<h2 id="totals-heading">{escape(text("totals.heading"))}</h2>'
        f'<dl class="totals">{cells}</dl></section>'
    )


def _unknown_users(report: Report, text: Strings) -> str:
    if report.options.teams:
        return ""
    heading = (
        '<section aria-labelledby="unknown-heading">'
        f'<h2 id="unknown-heading">{escape(text("unknown.heading"))}</h2>'
    )
    if not report.unknown_users:
        return f"{heading}<p>{escape(text('unknown.none'))}</p></section>"
    head = "".join(
        f'<th scope="col">{escape(text(key))}</th>'
        for key in ("col.username", "col.courses_seen", "col.events", "col.last_seen")
    )
    rows = "".join(
        f'<tr><th scope="row">{escape(u.username)}</th><td>{_titles(report, u, text)}</td>'
        f'<td class="number">{u.events}</td><td>{iso_date(u.last_seen)}</td></tr>'
        for u in report.unknown_users
    )
    return (
        f"{heading}<p>{escape(text('unknown.intro'))}</p>"
        '<div class="table-wrap" role="region" tabindex="0" aria-labelledby="unknown-caption">'
        f'<table><caption id="unknown-caption">{escape(text("unknown.caption"))}</caption>'
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table></div></section>"
    )


def _titles(report: Report, user: UnknownUserRow, text: Strings) -> str:
    """The titles of the courses a user has activity in, each marked with its language when
    it is not the page's."""
    language = {title: report.title_languages.get(slug) for slug, title in report.titles.items()}
    shown = []
    for title in user.courses:
        attribute = lang_attribute(language.get(title) or text.lang, text.lang)
        shown.append(f"<span{attribute}>{escape(title)}</span>" if attribute else escape(title))
    return ", ".join(shown)


def _about(report: Report, text: Strings) -> str:
    reading = report.reading
    items = [
        text(
            "report.generated",
            when=report.generated.strftime("%Y-%m-%d %H:%M UTC"),
            files=len(reading.files),
        ),
        text("about.events", lines=f"{reading.lines:,}", used=f"{reading.used:,}"),
        text("about.duplicates", count=f"{reading.duplicates:,}"),
        text("about.skipped", count=f"{sum(reading.skipped.values()):,}"),
    ]
    items += [
        text("about.skipped_reason", reason=text("skip." + reason), count=f"{count:,}")
        for reason, count in sorted(reading.skipped.items())
    ]
    items.append(text("about.roster_problems", count=len(report.roster.problems)))
    listed = "".join(f"<li>{escape(item)}</li>" for item in items)
    return (
        '<section aria-labelledby="about-heading">'
        f'<h2 id="about-heading">{escape(text("about.heading"))}</h2>'
        f'<p>{escape(text("about.status_rules"))}</p><ul class="note">{listed}</ul></section>'
    )
