"""The data of an appraisal instrument: scales, sections of items, stop rule, judgements."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from xblocks.core.authored import Text

from .rules import Judgement, answer_values


@dataclass(frozen=True)
class Option:
    value: str
    label: Text


@dataclass(frozen=True)
class Scale:
    """The answers an item (or judgement) can take, and which near-misses earn part credit."""

    id: str
    options: tuple[Option, ...]
    near: Mapping[frozenset[str], float] = field(default_factory=dict)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(option.value for option in self.options)

    def option(self, value: str) -> Option | None:
        return next((option for option in self.options if option.value == value), None)

    def label(self, value: str, lang: str | None = None) -> str:
        """The option's label in `lang`, or the value itself if it is not an option."""
        option = self.option(value)
        return option.label.get(lang) if option else value

    def credit(self, a: str | None, b: str | None) -> float:
        """1.0 for the same answer, the declared near credit for a near miss, else 0.0."""
        if not a or not b:
            return 0.0
        if a == b:
            return 1.0
        return self.near.get(frozenset((a, b)), 0.0)

    def __hash__(self) -> int:
        return hash((self.id, self.options))


@dataclass(frozen=True)
class Item:
    id: str
    section_id: str
    text: Text
    hints: tuple[Text, ...]
    scale_id: str | None
    screening: bool = False

    @property
    def text_only(self) -> bool:
        """Answered in words only: no scale, never scored."""
        return self.scale_id is None


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    items: tuple[Item, ...]


@dataclass(frozen=True)
class StopRule:
    """Answering any of `answers` to any of `item_ids` means the study is not worth going on."""

    item_ids: tuple[str, ...]
    answers: tuple[str, ...]
    message: Text


@dataclass(frozen=True, eq=False)
class Instrument:
    """One version of an appraisal instrument (identity: id and version)."""

    id: str
    version: str
    family: str
    title: Text
    description: Text
    source: str
    licence: str
    attribution: str
    scales: Mapping[str, Scale]
    sections: tuple[Section, ...]
    stop_rule: StopRule | None
    overall_scale_id: str
    overall_text: Text
    judgements: tuple[Judgement, ...] = ()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Instrument):
            return NotImplemented
        return (self.id, self.version) == (other.id, other.version)

    def __hash__(self) -> int:
        return hash((self.id, self.version))

    @cached_property
    def items(self) -> tuple[Item, ...]:
        """Every item, in the order of the instrument."""
        return tuple(item for section in self.sections for item in section.items)

    @cached_property
    def _items_by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(self._items_by_id)

    def item(self, item_id: str) -> Item:
        """The item `item_id`; KeyError if there is none."""
        return self._items_by_id[item_id]

    def has_item(self, item_id: str) -> bool:
        return item_id in self._items_by_id

    def scale(self, scale_id: str) -> Scale:
        return self.scales[scale_id]

    def item_scale(self, item_id: str) -> Scale | None:
        """The scale of item `item_id`, None for a text-only item."""
        scale_id = self.item(item_id).scale_id
        return None if scale_id is None else self.scales[scale_id]

    @property
    def overall_scale(self) -> Scale:
        return self.scales[self.overall_scale_id]

    @property
    def scored_items(self) -> tuple[Item, ...]:
        """The items answered on a scale (every item that is not text-only)."""
        return tuple(item for item in self.items if not item.text_only)

    def judgement(self, judgement_id: str) -> Judgement:
        return next(j for j in self.judgements if j.id == judgement_id)

    def stopped_at(self, answers: Mapping[str, str | None]) -> str | None:
        """The first item (in instrument order) whose answer triggers the stop rule, if any."""
        if self.stop_rule is None:
            return None
        for item in self.items:
            if item.id in self.stop_rule.item_ids and answers.get(item.id) in set(
                self.stop_rule.answers
            ):
                return item.id
        return None

    def screening_stop(self, answers: Mapping[str, str | None]) -> bool:
        """True when a screening answer says the study is not worth appraising further."""
        return self.stopped_at(answers) is not None

    def items_after(self, item_id: str) -> tuple[Item, ...]:
        """The items that come after `item_id` in the instrument."""
        position = self.item_ids.index(item_id)
        return self.items[position + 1 :]

    def compute_judgements(self, answers: Mapping[str, str | None]) -> dict[str, str]:
        """Every declared judgement, in order, from item answers (blank = 'unanswered')."""
        items = answer_values(answers)
        results: dict[str, str] = {}
        for judgement in self.judgements:
            results[judgement.id] = judgement.evaluate(items, results)
        return results
