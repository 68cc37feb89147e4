"""Dates as people write them in rosters, and calendar arithmetic for due and renewal dates."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime

from eip.translation import _

# ISO first; then the day-first forms a UK spreadsheet exports.
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y")


def parse_date(text: str, formats: tuple[str, ...] = DATE_FORMATS) -> date:
    """A date in one of `formats`; raises ValueError naming what was expected."""
    text = text.strip()
    if formats and formats[0] == "%Y-%m-%d" and len(text) == 10 and text[4] == text[7] == "-":
        try:
            return date.fromisoformat(text)  # the common case, much faster than strptime
        except ValueError:
            pass
    for form in formats:
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    if len(formats) > 1:
        message = _("{text} is not a date (expected {first} or {second})")
    else:
        message = _("{text} is not a date (expected {first})")
    shown = [_human(form) for form in formats[:2]]
    raise ValueError(message.format(text=repr(text), first=shown[0], second=shown[-1]))


def _human(form: str) -> str:
    return form.replace("%Y", "YYYY").replace("%m", "MM").replace("%d", "DD").replace("%y", "YY")


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def event_timestamp(text: str) -> float:
    """Seconds since the epoch for a tracking-log `time` (ISO 8601; no offset means UTC)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def utc_date(timestamp: float) -> date:
    return datetime.fromtimestamp(timestamp, UTC).date()


def end_of_day_timestamp(day: date) -> float:
    """The last moment of `day` in UTC: events up to here count for a report as of `day`."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() + 86_400 - 1e-6
