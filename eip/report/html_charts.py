"""The report's charts as HTML figures: completion by team, status, completions by month,
competency coverage by domain and level."""

from __future__ import annotations

from datetime import date
from html import escape

from eip.report.build import Report
from eip.report.charts import Bar, columns, horizontal_bars
from eip.report.strings import Strings

LEVEL_COLOURS = ("#6f777b", "#5694ca", "#1d5fa0", "#12436d", "#0b2239")


def percent(share: float) -> str:
    return f"{share * 100:.0f}"


def _month(text: Strings, start: date, *, short: bool = False) -> str:
    year = f"{start:%y}" if short else str(start.year)
    return text("month.year", month=text.month(start.month, short=short), year=year)


def _figure(chart_id: str, title: str, note: str, svg: str) -> str:
    note_html = f"<p>{escape(note)}</p>" if note else ""
    return (
        f'<figure><figcaption id="{chart_id}-title">{escape(title)}</figcaption>'
        f"{note_html}{svg}</figure>"
    )


def charts_section(report: Report, text: Strings) -> str:
    figures = []
    team_bars = []
    for team in report.by_team():
        counts = report.tally(team)
        label = text(
            "chart.by_team.bar",
            team=team,
            percent=percent(counts.share_complete),
            done=counts.completed,
            total=counts.total,
        )
        team_bars.append(Bar(label, counts.share_complete))
    figures.append(
        _figure(
            "chart-teams",
            text("chart.by_team"),
            text("chart.by_team.desc"),
            horizontal_bars("chart-teams", "chart-teams-title", team_bars, maximum=1.0)
            if team_bars
            else f"<p>{escape(text('chart.empty'))}</p>",
        )
    )
    counts = report.tally()
    status_bars = [
        Bar(text("chart.status.bar", status=text.status(s), count=counts.count(s)), counts.count(s))
        for s in ("completed", "in_progress", "not_started", "overdue", "expired")
    ]
    figures.append(
        _figure(
            "chart-status",
            text("chart.status"),
            "",
            horizontal_bars("chart-status", "chart-status-title", status_bars),
        )
    )
    months = report.completions_by_month()
    month_bars = [
        Bar(text("chart.over_time.bar", month=_month(text, start), count=n), n)
        for start, n in months
    ]
    figures.append(
        _figure(
            "chart-months",
            text("chart.over_time"),
            text("chart.over_time.desc"),
            columns(
                "chart-months",
                "chart-months-title",
                month_bars,
                [_month(text, start, short=True) for start, _ in months],
            ),
        )
    )
    figures.append(_competency_chart(report, text))
    return (
        '<section aria-labelledby="charts-heading">'
        f'<h2 id="charts-heading">{escape(text("charts.heading"))}</h2>'
        f'<div class="charts">{"".join(figures)}</div></section>'
    )


def _competency_chart(report: Report, text: Strings) -> str:
    coverage = report.coverage
    if coverage is None:
        return _figure(
            "chart-competency",
            text("chart.competency"),
            "",
            f"<p>{escape(text('competency.none'))}</p>",
        )
    lang = text.lang
    framework = coverage.framework
    names = [text("col.no_level")] + [
        text("level.name", level=level.number, name=level.name.get(lang))
        for level in framework.levels
    ]
    bars = []
    for domain, row in zip(
        framework.domains, coverage.domain_counts(p.key for p in report.people), strict=True
    ):
        for level, count in enumerate(row):
            label = text(
                "chart.competency.bar",
                domain=domain.title.get(lang),
                level=names[level],
                count=count,
            )
            bars.append(Bar(label, count, LEVEL_COLOURS[min(level, len(LEVEL_COLOURS) - 1)]))
    return _figure(
        "chart-competency",
        text("chart.competency"),
        text("chart.competency.desc"),
        horizontal_bars("chart-competency", "chart-competency-title", bars),
    )
