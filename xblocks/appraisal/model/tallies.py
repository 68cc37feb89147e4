"""Anonymous counts of the answers learners gave, for "how others answered" displays.

Only option values are counted, never free text: tallies live in shared block state.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .appraisal import answer_of
from .exercise_types import OVERALL
from .instrument_types import Instrument, Scale

Tallies = Mapping[str, Mapping[str, int]]
# Every option value matches this; anything else (free text) is never counted.
_OPTION_VALUE = re.compile(r"[a-z][a-z0-9_]{0,63}\Z")


def add_to_tallies(
    tallies: Tallies,
    answers: Mapping[str, object],
    overall_value: str | None,
    instrument: Instrument | None = None,
) -> dict[str, dict[str, int]]:
    """A new tallies dict with one more learner's answers counted ("overall" for the overall).

    `answers` maps item ids to values or to {"answer": ..., "reason": ...}. With `instrument`
    only options of each item's scale are counted; without it, only values shaped like option
    values (so free text is never stored). Blank answers are not counted.
    """
    updated = {key: dict(counts) for key, counts in tallies.items()}
    chosen = [(item_id, answer_of(entry)) for item_id, entry in answers.items()]
    chosen.append((OVERALL, answer_of(overall_value)))
    for item_id, value in chosen:
        if value and _countable(instrument, item_id, value):
            counts = updated.setdefault(item_id, {})
            counts[value] = counts.get(value, 0) + 1
    return updated


def _countable(instrument: Instrument | None, item_id: str, value: str) -> bool:
    if instrument is None:
        return bool(_OPTION_VALUE.match(value))
    scale = _scale(instrument, item_id)
    return scale is not None and value in scale.values


def _scale(instrument: Instrument, item_id: str) -> Scale | None:
    if item_id == OVERALL:
        return instrument.overall_scale
    return instrument.item_scale(item_id) if instrument.has_item(item_id) else None
