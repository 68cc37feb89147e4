"""A learner's appraisal as the block stores it: {item_id: {"answer": str, "reason": str}}."""

from __future__ import annotations

from collections.abc import Mapping

Answer = Mapping[str, str]
Appraisal = Mapping[str, Answer]


def answer_of(entry: object) -> str:
    """The chosen value (or, for a text-only item, the text) of one answer entry."""
    if isinstance(entry, Mapping):
        return str(entry.get("answer") or "").strip()
    return str(entry or "").strip()


def reason_of(entry: object) -> str:
    if isinstance(entry, Mapping):
        return str(entry.get("reason") or "").strip()
    return ""


def chosen_values(answers: Appraisal) -> dict[str, str]:
    """{item_id: answer} with blank answers left out."""
    values = {item_id: answer_of(entry) for item_id, entry in answers.items()}
    return {item_id: value for item_id, value in values.items() if value}
