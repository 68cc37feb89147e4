"""A framework as readable plain text, and its rules in English sentences (for `eip` and docs).

Learner-facing wording lives in the tracker's translated templates; this is for trainers.
"""

from __future__ import annotations

import textwrap

from .framework_types import ANY, Framework, Requirement, Rule

KIND_NAMES = {
    "eip_appraisal": ("appraisal exercise", "appraisal exercises"),
    "eip_case_study": ("case study", "case studies"),
    ANY: ("exercise or case study", "exercises or case studies"),
}
WIDTH = 100


def describe_requirement(requirement: Requirement) -> str:
    """E.g. "2 appraisal exercises tagged at level 2 or above, each scoring at least 70%"."""
    count = requirement.min_count
    singular, plural = KIND_NAMES.get(requirement.kind, (requirement.kind, requirement.kind))
    text = f"{count} {singular if count == 1 else plural}"
    if requirement.min_level > 1:
        text += f" tagged at level {requirement.min_level} or above"
    else:
        text += " tagged with it"
    if requirement.min_score > 0:
        each = "" if count == 1 else "each "
        text += f", {each}scoring at least {requirement.min_score * 100:g}%"
    return text


def describe_rule(rule: Rule) -> str:
    """The whole rule as one sentence, e.g. "1 case study ...; and level 1 first."."""
    parts = [describe_requirement(requirement) for requirement in rule.requirements]
    if rule.requires_below:
        parts.append(f"level {rule.level - 1} reached first")
    return "; and ".join(parts) + "."


def framework_outline(framework: Framework, *, lang: str = "en", brief: bool = False) -> str:
    """Levels, then each domain with its competencies; unless `brief`, each competency's
    level descriptors and the evidence each level needs."""
    lines = [f"{framework.title.get(lang)} ({framework.id}, version {framework.version})", ""]
    lines.append("Levels:")
    for level in framework.levels:
        lines.append(f"  {level.number} {level.name.get(lang)}")
        if not brief:
            lines.extend(_wrapped(level.descriptor.get(lang), 6))
    for domain in framework.domains:
        lines += ["", f"{domain.title.get(lang)} [{domain.id}]"]
        if not brief:
            lines.extend(_wrapped(domain.description.get(lang), 2))
        for competency in domain.competencies:
            lines.append(f"  {competency.id}: {competency.title.get(lang)}")
            if brief:
                continue
            lines.extend(_wrapped(competency.description.get(lang), 4))
            for level in framework.levels:
                lines.append(f"    {level.number} {level.name.get(lang)}:")
                lines.extend(_wrapped(competency.descriptor(level.number, lang), 8))
                rule = competency.rule(level.number)
                needs = describe_rule(rule) if rule else "not reached through course evidence."
                lines.extend(_wrapped(f"Needs: {needs}", 8))
    return "\n".join(lines) + "\n"


def _wrapped(text: str, indent: int) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=" " * indent, subsequent_indent=" " * indent)
