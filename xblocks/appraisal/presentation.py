"""Turn an appraisal exercise and a learner's state into plain dicts for templates and JSON.

No XBlock import and no domain rule: what counts as complete, what agrees and what the
judgements are all come from the model; this module only arranges them for display.
`gettext` is the block's i18n `ugettext`, so every sentence a person reads is translatable.

Texts a person reads from authored content are `Shown` strings (xblocks.core.language) that
know their language: the instrument's in the learner's language where it has a translation,
else English; the study's and the expert's always English. Templates mark those that differ
from the block's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from xblocks.core.competencies import parse_competency_tags
from xblocks.core.language import BlockLanguage
from xblocks.core.markdown import render_markdown

Gettext = Callable[[str], str]

OVERALL = "overall"
AGREEMENT_SYMBOLS = {
    "agree": "\u2713",
    "near": "\u2248",
    "differ": "\u2717",
    "not_scored": "\u2013",
}


def study_context(study: Any, lang: str = "en") -> dict:
    """The study as shown to everyone: title, fictional label, summary and exhibits (all
    written in English, so marked as English in a page in another language)."""
    english = BlockLanguage(lang).english
    return {
        "title": english(study.title),
        "fictional": study.fictional,
        "label": english(study.label),
        "citation": english(study.citation),
        "summary_html": english(render_markdown(study.summary_md)),
        "exhibits": [
            {
                "title": english(exhibit.title),
                "body_html": english(render_markdown(exhibit.body_md)),
            }
            for exhibit in study.exhibits
        ],
    }


def _options(instrument: Any, scale_id: str | None, lang: str, chosen: str) -> list:
    if not scale_id:
        return []
    show = BlockLanguage(lang).show
    return [
        {"value": option.value, "label": show(option.label), "checked": option.value == chosen}
        for option in instrument.scale(scale_id).options
    ]


def _entry(saved: Mapping | None) -> tuple[str, str]:
    saved = saved or {}
    return str(saved.get("answer", "") or ""), str(saved.get("reason", "") or "")


def form_context(exercise: Any, draft: Mapping, lang: str, uid: str) -> dict:
    """The instrument as a form, pre-filled from the learner's draft. Holds nothing expert."""
    instrument = exercise.instrument
    show = BlockLanguage(lang).show
    answers = draft.get("answers") or {}
    sections, index = [], 0
    for section in instrument.sections:
        items = []
        for item in section.items:
            index += 1
            key = f"{uid}-i{index}"
            answer, reason = _entry(answers.get(item.id))
            if item.text_only:  # the written answer is what the textarea holds
                answer, reason = "", answer
            items.append(
                {
                    "id": item.id,
                    "key": key,
                    "text": show(item.text),
                    "hints": [show(hint) for hint in item.hints],
                    "screening": item.screening,
                    "text_only": item.text_only,
                    "options": _options(instrument, item.scale_id, lang, answer),
                    "reason": reason,
                    "reason_required": exercise.reason_required(item.id),
                }
            )
        sections.append({"id": section.id, "title": show(section.title), "items": items})
    answer, reason = _entry(draft.get(OVERALL))
    key = f"{uid}-overall"
    stop_rule = instrument.stop_rule
    return {
        "sections": sections,
        "overall": {
            "key": key,
            "text": show(instrument.overall_text),
            "options": _options(instrument, instrument.overall_scale_id, lang, answer),
            "reason": reason,
            "reason_required": exercise.reason_required(OVERALL),
        },
        "stop_rule": None
        if stop_rule is None
        else {
            "items": " ".join(stop_rule.item_ids),
            "answers": " ".join(stop_rule.answers),
            "message": show(stop_rule.message),
        },
        "stopped": bool(draft.get("stopped")),
    }


def _label(instrument: Any, scale_id: str | None, value: str | None, lang: str) -> str:
    if not scale_id or not value:
        return ""
    for option in instrument.scale(scale_id).options:
        if option.value == value:
            return BlockLanguage(lang).show(option.label)
    return value


def _peers(instrument: Any, scale_id: str | None, counts: Mapping, lang: str) -> list:
    if not scale_id or not counts:
        return []
    show = BlockLanguage(lang).show
    return [
        {"label": show(option.label), "count": int(counts.get(option.value, 0))}
        for option in instrument.scale(scale_id).options
    ]


def agreement_texts(gettext: Gettext) -> dict[str, str]:
    return {
        "agree": gettext("Agrees with the expert"),
        "near": gettext("Close to the expert (partial credit)"),
        "differ": gettext("Differs from the expert"),
        "not_scored": gettext("Not scored: compare your answer with the expert's"),
    }


def _row(
    instrument: Any,
    result: Any,
    text: str,
    scale_id: str | None,
    tallies: Mapping,
    lang: str,
    texts: Mapping[str, str],
    gettext: Gettext,
) -> dict:
    no_answer = gettext("No answer")
    peers = _peers(instrument, scale_id, tallies.get(result.item_id) or {}, lang)
    return {
        "id": result.item_id,
        "text": text,
        "text_only": scale_id is None,
        "agreement": result.agreement,
        "agreement_text": texts[result.agreement],
        "symbol": AGREEMENT_SYMBOLS[result.agreement],
        "learner_label": _label(instrument, scale_id, result.learner_value, lang) or no_answer,
        "learner_reason": (result.learner_value if scale_id is None else result.learner_reason)
        or "",
        "expert_label": _label(instrument, scale_id, result.expert_value, lang),
        "rationale_html": BlockLanguage(lang).english(
            render_markdown(result.expert_rationale_md or "")
        ),
        "peers": peers,
        "peers_total": sum(peer["count"] for peer in peers),
    }


def judgement_rows(instrument: Any, learner: Mapping, expert: Mapping, lang: str) -> list:
    """Computed judgements (rule-based instruments) from the learner's and expert's answers."""
    return [
        {
            "title": BlockLanguage(lang).show(judgement.title),
            "learner": _label(instrument, judgement.scale_id, learner.get(judgement.id), lang)
            or learner.get(judgement.id, ""),
            "expert": _label(instrument, judgement.scale_id, expert.get(judgement.id), lang)
            or expert.get(judgement.id, ""),
        }
        for judgement in instrument.judgements
        if judgement.id in learner or judgement.id in expert
    ]


def feedback_context(
    exercise: Any, result: Any, tallies: Mapping, lang: str, gettext: Gettext
) -> dict:
    """The learner's appraisal beside the expert's, item by item, with peer counts."""
    instrument = exercise.instrument
    show = BlockLanguage(lang).show
    texts = agreement_texts(gettext)
    by_item = {item_result.item_id: item_result for item_result in result.items}
    sections = []
    for section in instrument.sections:
        rows = [
            _row(
                instrument,
                by_item[item.id],
                show(item.text),
                item.scale_id,
                tallies,
                lang,
                texts,
                gettext,
            )
            for item in section.items
            if item.id in by_item
        ]
        sections.append({"id": section.id, "title": show(section.title), "rows": rows})
    overall = _row(
        instrument,
        result.overall,
        show(instrument.overall_text),
        instrument.overall_scale_id,
        {OVERALL: tallies.get(OVERALL) or {}},
        lang,
        texts,
        gettext,
    )
    return {
        "sections": sections,
        "overall": overall,
        "judgements": judgement_rows(
            instrument, result.learner_judgements, result.expert_judgements, lang
        ),
    }


def expert_context(exercise: Any, lang: str, gettext: Gettext) -> dict:
    """The expert appraisal for staff previews (author view)."""
    instrument = exercise.instrument
    language = BlockLanguage(lang)
    show, english = language.show, language.english
    sections = []
    for section in instrument.sections:
        rows = []
        for item in section.items:
            answer = exercise.expert_answers[item.id]
            rows.append(
                {
                    "id": item.id,
                    "text": show(item.text),
                    "label": _label(instrument, item.scale_id, answer.value, lang),
                    "rationale_html": english(render_markdown(answer.rationale_md or "")),
                    "reason_required": exercise.reason_required(item.id),
                }
            )
        sections.append({"id": section.id, "title": show(section.title), "rows": rows})
    expert_values = {
        item_id: answer.value or "" for item_id, answer in exercise.expert_answers.items()
    }
    judgements = instrument.compute_judgements(expert_values) if instrument.judgements else {}
    return {
        "instrument_title": show(instrument.title),
        "sections": sections,
        "overall": {
            "text": show(instrument.overall_text),
            "label": _label(instrument, instrument.overall_scale_id, exercise.overall_value, lang),
            "rationale_html": english(render_markdown(exercise.overall_rationale_md or "")),
        },
        "judgements": judgement_rows(instrument, {}, judgements, lang),
        "no_answer": gettext("No answer"),
    }


def report_columns(instrument: Any) -> list[str]:
    columns = []
    for item in instrument.items:
        columns += [f"{item.id} answer", f"{item.id} reason"]
    return [
        *columns,
        "overall answer",
        "overall reason",
        "score",
        "possible",
        "attempts",
        "submitted at",
    ]


def report_row(instrument: Any, state: Mapping) -> dict | None:
    """One learner's last submitted appraisal as a report row; None if never submitted."""
    submission = state.get("submission") or {}
    if not submission:
        return None
    answers = submission.get("answers") or {}
    row: dict[str, Any] = {}
    for item in instrument.items:
        answer, reason = _entry(answers.get(item.id))
        row[f"{item.id} answer"] = answer
        row[f"{item.id} reason"] = reason
    answer, reason = _entry(submission.get(OVERALL))
    row.update(
        {
            "overall answer": answer,
            "overall reason": reason,
            "score": submission.get("earned", 0),
            "possible": submission.get("possible", 0),
            "attempts": state.get("attempts", 0),
            "submitted at": submission.get("submitted_at", ""),
        }
    )
    return row


def _text_data(item: Any, instrument: Any, lang: str) -> dict:
    scale = instrument.scale(item.scale_id) if item.scale_id else None
    return {
        "id": item.id,
        "text": item.text.get(lang),
        "hints": [hint.get(lang) for hint in item.hints],
        "screening": item.screening,
        "response": "text" if scale is None else "scale",
        "options": []
        if scale is None
        else [{"value": option.value, "label": option.label.get(lang)} for option in scale.options],
    }


def structure_data(exercise: Any, lang: str) -> dict:
    """Study and instrument structure for the mobile apps: no answer key, no scoring rule."""
    instrument = exercise.instrument
    stop_rule = instrument.stop_rule
    overall_scale = instrument.scale(instrument.overall_scale_id)
    return {
        "study": study_context(exercise.study),
        "instrument": {
            "id": instrument.id,
            "version": instrument.version,
            "title": instrument.title.get(lang),
            "sections": [
                {
                    "id": section.id,
                    "title": section.title.get(lang),
                    "items": [_text_data(item, instrument, lang) for item in section.items],
                }
                for section in instrument.sections
            ],
            "overall": {
                "text": instrument.overall_text.get(lang),
                "options": [
                    {"value": option.value, "label": option.label.get(lang)}
                    for option in overall_scale.options
                ],
            },
            "stop_rule": None
            if stop_rule is None
            else {
                "items": list(stop_rule.item_ids),
                "answers": list(stop_rule.answers),
                "message": stop_rule.message.get(lang),
            },
        },
        "reasons_required": [
            item.id for item in instrument.items if exercise.reason_required(item.id)
        ],
    }


def submitted_event(exercise: Any, appraisal: Mapping, result: Any) -> dict:
    """The data of `edx.eip.appraisal.submitted` that the exercise and the scoring decide.

    Option values only: free text (reasons, written answers) stays out of tracking logs.
    """
    credits = {item.item_id: item.credit for item in result.items}
    text_only = {item.id for item in exercise.instrument.items if item.text_only}
    return {
        "instrument_id": exercise.instrument_id,
        "instrument_version": exercise.instrument_version,
        "competencies": [
            {"id": tag.id, "level": tag.level}
            for tag in parse_competency_tags(exercise.competencies)
        ],
        "stopped": bool(appraisal.get("stopped")),
        "answers": {
            item_id: {
                "answer": None if item_id in text_only else entry["answer"],
                "credit": credits.get(item_id),
            }
            for item_id, entry in appraisal["answers"].items()
        },
        "overall": {"answer": appraisal[OVERALL]["answer"], "credit": result.overall.credit},
        "score": {
            "earned": result.earned,
            "possible": result.possible,
            "fraction": result.fraction,
        },
    }
