"""Coverage for trainers: which competencies the course's blocks evidence, and how far.

"How far" is the level a learner would reach by doing every block of the course perfectly:
`attain` is asked with a full score for each block, so no rule is evaluated here.
"""

from __future__ import annotations

from xblocks.competency.evidence_gathering import CourseBlock
from xblocks.competency.model.attainment import attain
from xblocks.competency.model.evidence import Evidence
from xblocks.competency.model.framework_types import Framework
from xblocks.competency.phrasing import Strings, kind_title, level_label, requirement_text

FULL_SCORE = 1.0


def coverage_context(framework: Framework, blocks: list[CourseBlock], s: Strings) -> dict:
    """Rows per competency, the competencies nothing evidences, and tags the framework lacks."""
    best_case = attain(
        framework,
        [
            Evidence(
                block_type=block.block_type,
                usage_id=block.usage_id,
                title=block.title,
                competencies=block.tags,
                score=FULL_SCORE,
            )
            for block in blocks
        ],
    )
    rows = []
    for domain in framework.domains:
        for competency in domain.competencies:
            tagged = [block for block in blocks if block.level_for(competency.id) is not None]
            reachable = best_case[competency.id]
            following = reachable.next
            rows.append(
                {
                    "id": competency.id,
                    "title": s.show(competency.title),
                    "domain": s.show(domain.title),
                    "blocks": [
                        {
                            "title": s.title(block.title),
                            "kind": kind_title(block.block_type, s),
                            "level": block.level_for(competency.id),
                        }
                        for block in tagged
                    ],
                    "covered": bool(tagged),
                    "reachable_text": level_label(framework, reachable.level, s),
                    "needs": (
                        [requirement_text(item.requirement, s) for item in following.shortfalls]
                        if following
                        else []
                    ),
                    "needs_level_text": (
                        level_label(framework, following.level, s) if following else ""
                    ),
                }
            )
    return {
        "rows": rows,
        "uncovered": [row["title"] for row in rows if not row["covered"]],
        "covered_count": sum(1 for row in rows if row["covered"]),
        "total": len(rows),
        "block_count": len(blocks),
        # Authoring problems are written in English only (not in the catalogues).
        "problems": [
            s.language.english(f"{block.title}: {error.message} {error.fix or ''}".strip())
            for block in blocks
            for error in framework.check_tags(block.tags)
        ],
    }
