"""Things worth an author's second look that do not make a case study invalid.

Shown beside the outline in Studio's author view and by `eip check`; never a refusal. Each
is a `Message`: English as a `str`, in the author's language with `render(gettext)`.
"""

from __future__ import annotations

from xblocks.core.messages import Message, _
from xblocks.core.resources import APPRAISAL_EXERCISES, shipped_root

from .case_study_types import CaseStudy, Decision, Evidence, Mapping

SUMMARY_WORDS = (80, 200)


def case_study_warnings(case: CaseStudy, *, check_appraisals: bool = True) -> list[Message]:
    """Messages in the file's order; an empty list when nothing stands out."""
    cited = {
        evidence_id
        for node in case.nodes.values()
        if isinstance(node, Decision)
        for choice in node.choices
        for evidence_id in choice.evidence_ids
    }
    warnings: list[Message] = []
    for node in case.nodes.values():
        if isinstance(node, Evidence):
            warnings.extend(_evidence(node, node.id in cited, check_appraisals))
        elif isinstance(node, Decision) and len({c.points for c in node.choices}) == 1:
            warnings.append(
                Message(
                    _(
                        'decision "{id}": every choice earns the same points ({points}), so this '
                        "decision does not change the score"
                    ),
                    id=node.id,
                    points=node.choices[0].points,
                )
            )
        elif isinstance(node, Mapping) and node.scale and not node.scale_guidance_md:
            warnings.append(
                Message(
                    _(
                        'mapping "{id}" asks for a safety scale but has no <scale-guidance> '
                        "saying what the authors would judge"
                    ),
                    id=node.id,
                )
            )
    if len(case.endings) < 2:
        warnings.append(
            Message(_("the case study has fewer than two endings: choices lead to one outcome"))
        )
    return warnings


def _evidence(node: Evidence, cited: bool, check_appraisals: bool) -> list[Message]:
    warnings = []
    words = len(node.summary_md.split())
    low, high = SUMMARY_WORDS
    if not low <= words <= high:
        warnings.append(
            Message(
                _('evidence "{id}": the summary has {words} words; aim for {low} to {high}'),
                id=node.id,
                words=words,
                low=low,
                high=high,
            )
        )
    if not cited:
        warnings.append(
            Message(
                _(
                    'evidence "{id}" is not named in any choice\'s evidence, so the ending '
                    "cannot show it was used"
                ),
                id=node.id,
            )
        )
    if check_appraisals and node.appraisal and not _exercise_exists(node.appraisal):
        warnings.append(
            Message(
                _(
                    'evidence "{id}": appraisal="{appraisal}" names no exercise in '
                    "assessments/appraisals"
                ),
                id=node.id,
                appraisal=node.appraisal,
            )
        )
    return warnings


def _exercise_exists(slug: str) -> bool:
    try:
        return shipped_root(*APPRAISAL_EXERCISES).joinpath(f"{slug}.xml").is_file()
    except OSError:
        return False
