"""Rule-based judgements: a judgement takes the result of the first rule whose conditions hold.

Conditions look at answers to items and at judgements computed before; an item left blank has
the value `UNANSWERED`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from xblocks.core.authored import Text

UNANSWERED = "unanswered"


@dataclass(frozen=True)
class When:
    """Holds when the item's answer (or the judgement) is one of `values`."""

    kind: Literal["item", "judgement"]
    ref: str
    values: frozenset[str]

    def holds(self, items: Mapping[str, str], judgements: Mapping[str, str]) -> bool:
        source = items if self.kind == "item" else judgements
        return source.get(self.ref, UNANSWERED) in self.values


@dataclass(frozen=True)
class Count:
    """Holds when at least `minimum` of `refs` (judgements or items) have a value in `values`."""

    refs: tuple[str, ...]
    values: frozenset[str]
    minimum: int

    def holds(self, items: Mapping[str, str], judgements: Mapping[str, str]) -> bool:
        found = sum(1 for ref in self.refs if _value(ref, items, judgements) in self.values)
        return found >= self.minimum


def _value(ref: str, items: Mapping[str, str], judgements: Mapping[str, str]) -> str:
    # Item and judgement ids never clash (the instrument parser refuses that).
    if ref in judgements:
        return judgements[ref]
    return items.get(ref, UNANSWERED)


Condition = When | Count


@dataclass(frozen=True)
class Rule:
    """`result` applies when every condition holds."""

    result: str
    conditions: tuple[Condition, ...]

    def holds(self, items: Mapping[str, str], judgements: Mapping[str, str]) -> bool:
        return all(condition.holds(items, judgements) for condition in self.conditions)


@dataclass(frozen=True)
class Judgement:
    """A judgement computed from answers (e.g. a risk-of-bias domain), on scale `scale_id`."""

    id: str
    title: Text
    scale_id: str
    item_ids: tuple[str, ...]
    rules: tuple[Rule, ...]
    otherwise: str

    def evaluate(self, items: Mapping[str, str], judgements: Mapping[str, str]) -> str:
        for rule in self.rules:
            if rule.holds(items, judgements):
                return rule.result
        return self.otherwise


def answer_values(answers: Mapping[str, str | None]) -> dict[str, str]:
    """Answers as rule inputs: blank or missing answers become `UNANSWERED`."""
    return {item_id: value or UNANSWERED for item_id, value in answers.items()}
