"""Rows for the instructor's report of a block (XBlock's `generate_report_data`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any


def report_rows(
    user_states: Iterable[Any],
    row_of: Callable[[Any], dict | None],
    limit_responses: int | None = None,
) -> Iterator[tuple[str, dict]]:
    """(username, row) for each learner whose stored state `row_of` makes a row of (None
    skips the learner), at most `limit_responses` of them."""
    count = 0
    for user_state in user_states:
        if limit_responses is not None and count >= limit_responses:
            return
        row = row_of(user_state.state)
        if row is not None:
            count += 1
            yield user_state.username, row
