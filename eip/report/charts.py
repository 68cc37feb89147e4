"""Inline SVG charts with a text label on every bar, so they read without colour and print.

Each chart is an `<svg role="img">` whose accessible name is its title and whose
description lists every bar's label, for people who cannot see it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

BAR_COLOUR = "#1d5fa0"
TRACK_COLOUR = "#e3e8ee"
TEXT_COLOUR = "#1b1b1b"
WIDTH = 640


@dataclass(frozen=True)
class Bar:
    label: str  # the full text shown with the bar, e.g. "Team A: 80% complete (8 of 10)"
    value: float
    colour: str = BAR_COLOUR


def _open(chart_id: str, width: int, height: int, title_id: str, bars: Sequence[Bar]) -> str:
    description = "; ".join(bar.label for bar in bars)
    return (
        f'<svg role="img" class="chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="{title_id} {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )


def horizontal_bars(
    chart_id: str, title_id: str, bars: Sequence[Bar], *, maximum: float | None = None
) -> str:
    """One row per bar: its label on a line above, the bar below, scaled to `maximum`."""
    top = max((bar.value for bar in bars), default=0.0) if maximum is None else maximum
    row = 48
    height = max(row * len(bars), row)
    parts = [_open(chart_id, WIDTH, height, title_id, bars)]
    for index, bar in enumerate(bars):
        y = index * row
        length = 0.0 if top <= 0 else (WIDTH - 4) * bar.value / top
        parts.append(
            f'<text x="0" y="{y + 17}" fill="{TEXT_COLOUR}" font-size="16">'
            f"{escape(bar.label)}</text>"
            f'<rect x="0" y="{y + 25}" width="{WIDTH - 4}" height="14" fill="{TRACK_COLOUR}"/>'
            f'<rect x="0" y="{y + 25}" width="{length:.1f}" height="14" fill="{bar.colour}" '
            'stroke="#1b1b1b" stroke-width="0.5"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def columns(chart_id: str, title_id: str, bars: Sequence[Bar], labels: Sequence[str]) -> str:
    """Vertical bars with the value above each and a short label (`labels`) below."""
    count = max(len(bars), 1)
    slot = WIDTH // count
    plot = 160
    height = plot + 48
    top = max((bar.value for bar in bars), default=0.0)
    parts = [_open(chart_id, WIDTH, height, title_id, bars)]
    for index, (bar, label) in enumerate(zip(bars, labels, strict=True)):
        x = index * slot
        tall = 0.0 if top <= 0 else (plot - 20) * bar.value / top
        y = plot - tall
        middle = x + slot / 2
        parts.append(
            f'<rect x="{x + 6}" y="{y:.1f}" width="{slot - 12}" height="{tall:.1f}" '
            f'fill="{bar.colour}"/>'
            f'<text x="{middle:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="13" '
            f'fill="{TEXT_COLOUR}">{bar.value:g}</text>'
            f'<text x="{middle:.1f}" y="{plot + 18}" text-anchor="middle" font-size="12" '
            f'fill="{TEXT_COLOUR}">{escape(label)}</text>'
        )
    parts.append(
        f'<line x1="0" y1="{plot}" x2="{WIDTH}" y2="{plot}" stroke="{TEXT_COLOUR}" '
        'stroke-width="1"/></svg>'
    )
    return "".join(parts)
