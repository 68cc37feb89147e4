"""How complete a learner's appraisal is, and how closely it agrees with the expert's.

Each item answered on a scale earns the scale's credit for the learner's answer against the
expert's (1 when equal, the declared part credit for a near miss, else 0); text-only items are
shown beside the model answer but not scored; the overall judgement counts as one more item.
When the expert's own answers stop the appraisal at a screening question, the items after it
are not scored either.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from .appraisal import Answer, Appraisal, answer_of, chosen_values, reason_of
from .exercise_types import OVERALL, Exercise
from .instrument_types import Instrument, Scale

Agreement = Literal["agree", "near", "differ", "not_scored"]


@dataclass(frozen=True)
class ItemResult:
    item_id: str
    learner_value: str
    learner_reason: str
    expert_value: str | None
    expert_rationale_md: str
    credit: float | None
    agreement: Agreement


@dataclass(frozen=True)
class AppraisalResult:
    items: list[ItemResult]
    overall: ItemResult
    learner_judgements: dict[str, str] = field(default_factory=dict)
    expert_judgements: dict[str, str] = field(default_factory=dict)
    earned: float = 0.0
    possible: float = 0.0
    expert_stopped_at: str | None = None

    @property
    def fraction(self) -> float:
        """earned / possible, 0.0 when nothing is scored."""
        return self.earned / self.possible if self.possible else 0.0


def score_appraisal(exercise: Exercise, answers: Appraisal, overall: Answer) -> AppraisalResult:
    """Compare the learner's appraisal with the expert's, item by item."""
    instrument = exercise.instrument
    expert_values = {item_id: answer.value for item_id, answer in exercise.expert_answers.items()}
    stopped_at = instrument.stopped_at(expert_values)
    unscored = {item.id for item in instrument.items_after(stopped_at)} if stopped_at else set()
    items = []
    for item in instrument.items:
        expert = exercise.expert_answers[item.id]
        scale = None if item.id in unscored else instrument.item_scale(item.id)
        entry = answers.get(item.id, {})
        items.append(_result(item.id, scale, entry, expert.value, expert.rationale_md))
    overall_result = _result(
        OVERALL,
        instrument.overall_scale,
        overall,
        exercise.overall_value,
        exercise.overall_rationale_md,
    )
    scored = [result for result in [*items, overall_result] if result.credit is not None]
    return AppraisalResult(
        items=items,
        overall=overall_result,
        learner_judgements=_judgements(instrument, chosen_values(answers)),
        expert_judgements=_judgements(instrument, expert_values),
        earned=sum(result.credit or 0.0 for result in scored),
        possible=float(len(scored)),
        expert_stopped_at=stopped_at,
    )


def _result(
    item_id: str, scale: Scale | None, entry: object, expert_value: str | None, rationale: str
) -> ItemResult:
    learner = answer_of(entry)
    if scale is None:
        credit, agreement = None, "not_scored"
    else:
        credit = scale.credit(learner, expert_value)
        agreement = "agree" if credit == 1.0 else "near" if credit > 0 else "differ"
    return ItemResult(
        item_id, learner, reason_of(entry), expert_value, rationale, credit, agreement
    )


def _judgements(instrument: Instrument, values: Mapping[str, str | None]) -> dict[str, str]:
    return instrument.compute_judgements(values) if instrument.judgements else {}


def check_complete(
    exercise: Exercise,
    answers: Appraisal,
    overall: Answer,
    stopped: bool,
    *,
    lang: str | None = None,
    gettext: Callable[[str], str] | None = None,
) -> list[str]:
    """What the learner must still do before submitting; empty when the appraisal is complete.

    `stopped` says the learner stops at the screening questions: that is allowed only when a
    screening answer triggers the instrument's stop rule, and then the items after it may be
    left blank. Messages are English unless `gettext` translates the templates.
    """
    _ = gettext or (lambda text: text)
    instrument = exercise.instrument
    messages = [
        _("There is no question {item} in this appraisal.").format(item=item_id)
        for item_id in answers
        if not instrument.has_item(item_id)
    ]
    may_skip: set[str] = set()
    if stopped:
        stop_item = instrument.stopped_at(chosen_values(answers))
        if stop_item is None:
            messages.append(_stop_refused(instrument, lang, _))
        else:
            may_skip = {item.id for item in instrument.items_after(stop_item)}
    for item in instrument.items:
        entry = answers.get(item.id, {})
        if item.id in may_skip and not answer_of(entry):
            continue
        label = _("Question {item}").format(item=item.id)
        messages += _entry_problems(
            exercise, item.id, label, instrument.item_scale(item.id), entry, _
        )
    messages += _entry_problems(
        exercise, OVERALL, _("Overall judgement"), instrument.overall_scale, overall, _
    )
    return messages


def _entry_problems(
    exercise: Exercise,
    item_id: str,
    label: str,
    scale: Scale | None,
    entry: object,
    _: Callable[[str], str],
) -> list[str]:
    value = answer_of(entry)
    if scale is None:
        return [] if value else [_("{label}: write your answer.").format(label=label)]
    if not value:
        return [_("{label}: choose an answer.").format(label=label)]
    if value not in scale.values:
        return [_('{label}: "{value}" is not one of the answers.').format(label=label, value=value)]
    if exercise.reason_required(item_id) and not reason_of(entry):
        return [_("{label}: give a reason for your answer.").format(label=label)]
    return []


def _stop_refused(instrument: Instrument, lang: str | None, _: Callable[[str], str]) -> str:
    rule = instrument.stop_rule
    if rule is None:
        return _("This appraisal has no screening questions: answer every question.")
    scale = instrument.item_scale(rule.item_ids[0])
    answers = " / ".join(scale.label(value, lang) if scale else value for value in rule.answers)
    *others, last = rule.item_ids
    if not others:
        return _(
            "You can stop at the screening questions only when you answer {answers} to "
            "question {items}."
        ).format(answers=answers, items=last)
    return _(
        "You can stop at the screening questions only when you answer {answers} to "
        "question {items} or {last}."
    ).format(answers=answers, items=", ".join(others), last=last)
