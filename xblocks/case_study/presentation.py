"""Turn a case study and a learner's walk into plain dicts for templates, reports and events.

No XBlock import and no domain rule: where the learner is, what a step scored and what a
mapping got right all come from the model; this module only arranges what the learner has
already reached for display. `gettext` is the block's i18n `ugettext`.

Case studies are written in English only: every authored text comes out as a `Shown` string
(xblocks.core.language) in English, which templates mark with `lang="en"` in a page in
another language. `lang` is the block's language.

What is secret until reached (choice feedback, points and targets, expected placements,
scale guidance, endings) is only ever read here from steps the walk has taken.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Mapping
from typing import Any

from xblocks.case_study.model import CATEGORIES
from xblocks.case_study.model.walk import mapping_result, walk_path, walk_score
from xblocks.core.competencies import parse_competency_tags
from xblocks.core.language import BlockLanguage, Shown
from xblocks.core.markdown import number_text, render_markdown
from xblocks.core.messages import _
from xblocks.core.resources import APPRAISAL_EXERCISES, shipped_root
from xblocks.core.xml import OLXError, parse_xml

Gettext = Callable[[str], str]


KIND_NAMES = {
    "narrative": _("Case notes"),
    "evidence": _("Evidence"),
    "decision": _("Decision"),
    "mapping": _("Mapping"),
    "reflection": _("Reflection"),
    "ending": _("Ending"),
}
CATEGORY_NAMES = {
    "worried": _("What we are worried about"),
    "working_well": _("What is working well"),
    "next_steps": _("What needs to happen"),
}
CERTAINTY_NAMES = {
    "high": _("High"),
    "moderate": _("Moderate"),
    "low": _("Low"),
    "very_low": _("Very low"),
}


def percent(fraction: float) -> int:
    return round(100 * float(fraction))


def english(lang: str) -> Callable[[str | None], Shown]:
    """Authored text of a case study as shown in a block in `lang`: English."""
    return BlockLanguage(lang).english


def markdown_in(lang: str, markdown_text: str | None) -> Shown:
    """Authored Markdown rendered, as English shown in a block in `lang`."""
    return BlockLanguage(lang).english(render_markdown(markdown_text or ""))


def competency_list(text: str) -> list[dict]:
    """Competency tags as event data: [{"id": ..., "level": ...}]."""
    return [{"id": tag.id, "level": tag.level} for tag in parse_competency_tags(text)]


def _kind_text(kind: str, gettext: Gettext) -> str:
    return gettext(KIND_NAMES.get(kind, kind))


def category_options(gettext: Gettext) -> list[dict]:
    return [{"value": value, "label": gettext(CATEGORY_NAMES[value])} for value in CATEGORIES]


def category_text(value: str | None, gettext: Gettext) -> str:
    if not value:
        return gettext("Not placed")
    return gettext(CATEGORY_NAMES[value]) if value in CATEGORY_NAMES else value


def certainty_text(value: str, gettext: Gettext) -> str:
    return gettext(CERTAINTY_NAMES[value]) if value in CERTAINTY_NAMES else value


@functools.lru_cache(maxsize=128)
def appraisal_title(slug: str) -> str:
    """The display name of the appraisal exercise `slug`, if the course ships it."""
    if not slug:
        return ""
    try:
        entry = shipped_root(*APPRAISAL_EXERCISES).joinpath(f"{slug}.xml")
        if not entry.is_file():
            return ""
        root = parse_xml(entry.read_text(encoding="utf-8"), source=f"{slug}.xml")
    except (OSError, OLXError):
        return ""
    return root.get("display_name", "")


def evidence_card(node: Any, gettext: Gettext, lang: str = "en") -> dict:
    """An evidence node as shown to a learner (the card itself holds nothing secret)."""
    en = english(lang)
    return {
        "id": node.id,
        "title": en(node.title),
        "certainty": node.certainty,
        "certainty_text": certainty_text(node.certainty, gettext),
        "fictional": node.fictional,
        "citation": en(node.citation),
        "summary_html": markdown_in(lang, node.summary_md),
        "appraisal_title": en(appraisal_title(node.appraisal)),
    }


def _evidence_refs(case: Any, evidence_ids: Any, gettext: Gettext, lang: str) -> list[dict]:
    en = english(lang)
    refs = []
    for evidence_id in evidence_ids or ():
        node = case.nodes.get(evidence_id)
        if node is None:
            continue
        refs.append(
            {
                "id": node.id,
                "title": en(node.title),
                "certainty_text": certainty_text(node.certainty, gettext),
                "fictional": node.fictional,
                "citation": en(node.citation),
            }
        )
    return refs


# --- the node the learner is at ------------------------------------------------------------


def node_context(case: Any, walk: Mapping, uid: str, gettext: Gettext, lang: str = "en") -> dict:
    """The current node (not an ending) as a form: only what the learner may see now."""
    en = english(lang)
    node = case.node(walk["node"])
    context: dict[str, Any] = {
        "id": node.id,
        "kind": node.kind,
        "kind_text": _kind_text(node.kind, gettext),
        "title": en(node.title),
        "step_number": len(walk.get("steps") or ()) + 1,
    }
    if node.kind == "narrative":
        context["body_html"] = markdown_in(lang, node.body_md)
    elif node.kind == "evidence":
        context["evidence"] = evidence_card(node, gettext, lang)
    elif node.kind == "decision":
        context["prompt_html"] = markdown_in(lang, node.prompt_md)
        context["choices"] = [
            {"id": choice.id, "label": en(choice.label), "key": f"{uid}-c{index}"}
            for index, choice in enumerate(node.choices, start=1)
        ]
    elif node.kind == "mapping":
        options = category_options(gettext)
        context["prompt_html"] = markdown_in(lang, node.prompt_md)
        context["statements"] = [
            {
                "id": statement.id,
                "text": en(statement.text),
                "key": f"{uid}-s{index}",
                "options": options,
            }
            for index, statement in enumerate(node.statements, start=1)
        ]
        context["scale"] = node.scale
    elif node.kind == "reflection":
        context["prompt_html"] = markdown_in(lang, node.prompt_md)
        context["shareable"] = node.shareable
        context["text"] = str((walk.get("reflections") or {}).get(node.id, "") or "")
    return context


def _mapping_rows(case: Any, node: Any, saved: Mapping, gettext: Gettext, lang: str) -> dict:
    en = english(lang)
    placements = saved.get("placements") or {}
    rows = []
    for statement, placed, expected, agrees in mapping_result(case, node, placements):
        rows.append(
            {
                "text": en(statement.text),
                "placed_text": category_text(placed, gettext),
                "expected_text": category_text(expected, gettext),
                "agrees": bool(agrees),
                "feedback_html": markdown_in(lang, statement.feedback_md),
            }
        )
    scale = saved.get("scale")
    return {
        "title": en(node.title),
        "rows": rows,
        "correct": sum(1 for row in rows if row["agrees"]),
        "total": len(rows),
        "scale": node.scale,
        "scale_value": "" if scale is None else str(scale),
        "reason": str(saved.get("reason", "") or ""),
        "guidance_html": markdown_in(lang, node.scale_guidance_md),
    }


def previous_context(case: Any, walk: Mapping, gettext: Gettext, lang: str = "en") -> dict | None:
    """Feedback on the step just taken, if it was a choice or a mapping; else None."""
    steps = walk.get("steps") or ()
    if not steps:
        return None
    step = steps[-1]
    node = case.nodes.get(step.get("node"))
    if node is None:
        return None
    if node.kind == "decision":
        choice = node.choice(step.get("choice") or "")
        if choice is None:
            return None
        return {
            "kind": "decision",
            "label": english(lang)(choice.label),
            "feedback_html": markdown_in(lang, choice.feedback_md),
            "evidence": _evidence_refs(case, choice.evidence_ids, gettext, lang),
        }
    if node.kind == "mapping":
        saved = (walk.get("mapping") or {}).get(node.id) or {}
        return {"kind": "mapping", **_mapping_rows(case, node, saved, gettext, lang)}
    return None


def history_context(case: Any, walk: Mapping, gettext: Gettext, lang: str = "en") -> list[dict]:
    """The steps taken so far, compactly: each node's title and the choice made there."""
    en = english(lang)
    rows = []
    for step in walk.get("steps") or ():
        node = case.nodes.get(step.get("node"))
        if node is None:
            continue
        choice = node.choice(step.get("choice") or "") if node.kind == "decision" else None
        rows.append(
            {
                "title": en(node.title),
                "kind_text": _kind_text(node.kind, gettext),
                "choice_label": en(choice.label) if choice is not None else "",
            }
        )
    return rows


# --- the ending ----------------------------------------------------------------------------


def _peers(node: Any, chosen: str, tallies: Mapping, lang: str) -> tuple[list[dict], int]:
    counts = tallies.get(node.id) or {}
    if not isinstance(counts, Mapping):
        return [], 0
    en = english(lang)
    peers = [
        {
            "label": en(choice.label),
            "count": int(counts.get(choice.id, 0) or 0),
            "chosen": choice.id == chosen,
        }
        for choice in node.choices
    ]
    return peers, sum(peer["count"] for peer in peers)


def path_rows(
    case: Any, walk: Mapping, tallies: Mapping, gettext: Gettext, lang: str = "en"
) -> list[dict]:
    """Every step of a finished walk: the choice made, its points, the evidence it drew on,
    how other learners chose, and how a mapping compared with the authors'."""
    en = english(lang)
    rows = []
    for step in walk.get("steps") or ():
        node = case.nodes.get(step.get("node"))
        if node is None:
            continue
        row: dict[str, Any] = {
            "title": en(node.title),
            "kind": node.kind,
            "kind_text": _kind_text(node.kind, gettext),
            "points": number_text(step.get("points", 0) or 0),
            "scored": node.kind in ("decision", "mapping"),
        }
        if node.kind == "decision":
            choice = node.choice(step.get("choice") or "")
            row["choice_label"] = en(choice.label) if choice else ""
            row["evidence"] = _evidence_refs(
                case, choice.evidence_ids if choice else (), gettext, lang
            )
            row["peers"], row["peers_total"] = _peers(node, step.get("choice") or "", tallies, lang)
        elif node.kind == "mapping":
            saved = (walk.get("mapping") or {}).get(node.id) or {}
            row["mapping"] = _mapping_rows(case, node, saved, gettext, lang)
        rows.append(row)
    return rows


def ending_context(
    case: Any,
    walk: Mapping,
    fraction: float,
    tallies: Mapping,
    gettext: Gettext,
    lang: str = "en",
) -> dict:
    """The debrief of the ending the walk reached."""
    ending = case.node(walk["node"])
    band = ending.band_for(fraction)
    return {
        "id": ending.id,
        "kind": "ending",
        "kind_text": _kind_text("ending", gettext),
        "title": english(lang)(ending.title),
        "outcome_html": markdown_in(lang, ending.outcome_md),
        "debrief_html": markdown_in(lang, ending.debrief_md),
        "band_html": markdown_in(lang, band.text_md) if band is not None else "",
        "path": path_rows(case, walk, tallies, gettext, lang),
    }


# --- staff ---------------------------------------------------------------------------------


def _title_of(case: Any, node_id: str, lang: str) -> Shown:
    node = case.nodes.get(node_id)
    return english(lang)(node.title if node is not None else node_id)


def outline_context(case: Any, gettext: Gettext, lang: str = "en") -> dict:
    """The whole graph for staff: every node, its way on, choices, points and answers."""
    en = english(lang)
    nodes = []
    for node in case.nodes.values():
        entry: dict[str, Any] = {
            "id": node.id,
            "kind": node.kind,
            "kind_text": _kind_text(node.kind, gettext),
            "title": en(node.title),
            "start": node.id == case.start,
            "next": getattr(node, "next", "") or "",
            "next_title": _title_of(case, getattr(node, "next", "") or "", lang),
        }
        if node.kind == "narrative":
            entry["body_html"] = markdown_in(lang, node.body_md)
        elif node.kind == "evidence":
            entry["evidence"] = evidence_card(node, gettext, lang)
            entry["appraisal"] = node.appraisal
        elif node.kind == "decision":
            entry["prompt_html"] = markdown_in(lang, node.prompt_md)
            entry["choices"] = [
                {
                    "id": choice.id,
                    "label": en(choice.label),
                    "target": choice.target,
                    "target_title": _title_of(case, choice.target, lang),
                    "points": choice.points,
                    "evidence": ", ".join(choice.evidence_ids),
                    "feedback_html": markdown_in(lang, choice.feedback_md),
                }
                for choice in node.choices
            ]
        elif node.kind == "mapping":
            entry["prompt_html"] = markdown_in(lang, node.prompt_md)
            entry["points"] = node.points
            entry["scale"] = node.scale
            entry["statements"] = [
                {
                    "id": statement.id,
                    "text": en(statement.text),
                    "expected_text": category_text(statement.expected, gettext),
                    "feedback_html": markdown_in(lang, statement.feedback_md),
                }
                for statement in node.statements
            ]
            entry["guidance_html"] = markdown_in(lang, node.scale_guidance_md)
        elif node.kind == "reflection":
            entry["prompt_html"] = markdown_in(lang, node.prompt_md)
            entry["shareable"] = node.shareable
        elif node.kind == "ending":
            entry["outcome_html"] = markdown_in(lang, node.outcome_md)
            entry["debrief_html"] = markdown_in(lang, node.debrief_md)
            entry["bands"] = [
                {"min": number_text(band.min), "text_html": markdown_in(lang, band.text_md)}
                for band in node.bands
            ]
        nodes.append(entry)
    return {
        "nodes": nodes,
        "max_points": case.max_points,
        "start_title": _title_of(case, case.start, lang),
    }


# --- reports and platform data --------------------------------------------------------------


def path_text(case: Any, walk: Mapping) -> str:
    """The path as one line for a report: node ids, with the choice made at each decision."""
    parts = []
    for step in walk.get("steps") or ():
        choice = step.get("choice")
        parts.append(f"{step.get('node')} ({choice})" if choice else str(step.get("node")))
    parts.append(str(walk.get("node", "")))
    return " > ".join(parts)


def report_columns(case: Any) -> list[str]:
    columns = ["status", "ending", "path", "points", "max points", "score"]
    for node in case.nodes.values():
        if node.kind == "mapping":
            columns += [f"{node.id} {statement.id}" for statement in node.statements]
            if node.scale:
                columns.append(f"{node.id} scale")
        elif node.kind == "reflection" and node.shareable:
            columns.append(f"{node.id} reflection")
    return [*columns, "attempts", "best score", "completed at"]


def report_row(case: Any, state: Mapping, walk_score: Callable) -> dict | None:
    """One learner's latest finished walk (else the walk in progress); None if never started.

    Reflections appear only for reflection nodes the author marked shareable.
    """
    completed = state.get("completed") or []
    current = state.get("walk") or {}
    if completed:
        last = completed[-1]
        walk = {**last, "node": last.get("ending", "")}
        status = "completed"
        points, max_points = last.get("points", 0), last.get("max_points", 0)
        fraction = last.get("fraction", 0.0)
    elif current:
        walk = current
        status = "in progress"
        points, max_points, fraction = walk_score(case, current)
    else:
        return None
    row: dict[str, Any] = {
        "status": status,
        "ending": walk.get("ending", "") if status == "completed" else "",
        "path": path_text(case, walk),
        "points": points,
        "max points": max_points,
        "score": round(float(fraction), 4),
    }
    mapping = walk.get("mapping") or {}
    reflections = walk.get("reflections") or {}
    for node in case.nodes.values():
        if node.kind == "mapping":
            saved = mapping.get(node.id) or {}
            placements = saved.get("placements") or {}
            for statement in node.statements:
                row[f"{node.id} {statement.id}"] = placements.get(statement.id, "")
            if node.scale:
                scale = saved.get("scale")
                row[f"{node.id} scale"] = "" if scale is None else scale
        elif node.kind == "reflection" and node.shareable:
            row[f"{node.id} reflection"] = str(reflections.get(node.id, "") or "")
    row["attempts"] = state.get("attempts", 0)
    row["best score"] = round(float(state.get("best_fraction", 0.0) or 0.0), 4)
    row["completed at"] = completed[-1].get("completed_at", "") if completed else ""
    return row


def current_data(case: Any, walk: Mapping) -> dict:
    """The learner's current node for the mobile apps (as `node_context`, without HTML ids)."""
    node = case.node(walk["node"])
    data: dict[str, Any] = {"id": node.id, "kind": node.kind, "title": node.title}
    if node.kind == "narrative":
        data["body_html"] = render_markdown(node.body_md)
    elif node.kind == "evidence":
        data.update(
            certainty=node.certainty,
            fictional=node.fictional,
            citation=node.citation,
            summary_html=render_markdown(node.summary_md),
        )
    elif node.kind == "decision":
        data["prompt_html"] = render_markdown(node.prompt_md)
        data["choices"] = [{"id": choice.id, "label": choice.label} for choice in node.choices]
    elif node.kind == "mapping":
        data["prompt_html"] = render_markdown(node.prompt_md)
        data["statements"] = [{"id": item.id, "text": item.text} for item in node.statements]
        data["categories"] = list(CATEGORIES)
        data["scale"] = node.scale
    elif node.kind == "reflection":
        data["prompt_html"] = render_markdown(node.prompt_md)
        data["shareable"] = node.shareable
    elif node.kind == "ending":
        data["outcome_html"] = render_markdown(node.outcome_md)
        data["debrief_html"] = render_markdown(node.debrief_md)
    return data


# --- event data ------------------------------------------------------------------------------
# Ids, points and placements only: reflections and reasons stay out of tracking logs.


def step_event(case: Any, walk: Mapping, attempt: int) -> dict:
    """The data of `edx.eip.case_study.step` for the walk's last step."""
    step = walk["steps"][-1]
    return {
        "node": step["node"],
        "kind": step["kind"],
        "choice": step.get("choice"),
        "points": step.get("points", 0),
        "to": walk["node"],
        "path": walk_path(walk),
        "total_points": walk.get("points", 0),
        "attempt": attempt,
        "competencies": competency_list(case.competencies),
    }


def mapped_event(case: Any, walk: Mapping, attempt: int) -> dict:
    """The data of `edx.eip.case_study.mapped` for the mapping the walk has just done."""
    step = walk["steps"][-1]
    saved = (walk.get("mapping") or {}).get(step["node"]) or {}
    placements = saved.get("placements") or {}
    results = mapping_result(case, case.node(step["node"]), placements)
    return {
        "node": step["node"],
        "placements": dict(placements),
        "correct": sum(1 for result in results if result.agrees),
        "statements": len(results),
        "scale": saved.get("scale"),
        "points": step.get("points", 0),
        "attempt": attempt,
        "competencies": competency_list(case.competencies),
    }


def finished_walk(case: Any, walk: Mapping) -> dict:
    """What the block keeps of a walk that reached an ending (for reports and grading)."""
    points, max_points, fraction = walk_score(case, walk)
    return {
        "ending": walk["node"],
        "path": walk_path(walk),
        "steps": copy.deepcopy(list(walk.get("steps") or [])),
        "mapping": copy.deepcopy(dict(walk.get("mapping") or {})),
        "reflections": copy.deepcopy(dict(walk.get("reflections") or {})),
        "points": points,
        "max_points": max_points,
        "fraction": fraction,
    }


def completed_event(case: Any, walk: Mapping, attempt: int) -> dict:
    """The data of `edx.eip.case_study.completed` that the walk decides."""
    finished = finished_walk(case, walk)
    return {
        "ending": finished["ending"],
        "path": finished["path"],
        "choices": [
            {"node": step["node"], "choice": step["choice"]}
            for step in finished["steps"]
            if step.get("choice")
        ],
        "points": finished["points"],
        "max_points": finished["max_points"],
        "fraction": finished["fraction"],
        "attempt": attempt,
        "competencies": competency_list(case.competencies),
    }
