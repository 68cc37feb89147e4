"""A framework as readable plain text, and its rules as sentences (for `eip` and docs).

Learner-facing wording lives in the tracker's translated templates; this is for trainers. The
words are in the blocks' catalogue (domain `text`): each sentence is one template marked here,
with named placeholders, translated through the `gettext` and `ngettext` the caller passes
(English without them). A requirement is one whole template for each kind of evidence,
whether it asks for a level, whether it asks for a score and, through `ngettext`, how many
pieces it asks for, so that a language words each combination its own way. The one place
sentences meet is a rule that asks for more than one kind: its requirements are joined by a
template of their own ("{requirements}; and {requirement}"), as a list is.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from xblocks.core.messages import Gettext, _, english, full_stop

from .framework_types import ANY, KINDS, Framework, Requirement, Rule

Ngettext = Callable[[str, str, int], str]
WIDTH = 100


def _n(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for the blocks' catalogue; `ngettext` picks the form."""
    return singular, plural


def english_ngettext(singular: str, plural: str, count: int) -> str:
    """The ngettext of the source language."""
    return singular if count == 1 else plural


# What one requirement of a rule asks for, by (kind, asks for a level above 1, asks for a
# score): a singular and plural pair, chosen by the number of pieces (min-count). A kind the
# model does not know (a rule made in code) is named by its block type.
REQUIREMENTS: dict[tuple[str | None, bool, bool], tuple[str, str]] = {
    # Translators: what a level of a competency needs. {count} is how many pieces of evidence
    # (at least 1); "it" is the competency. The noun stays singular after a number in Welsh.
    ("eip_appraisal", False, False): _n(
        "{count} appraisal exercise tagged with it",
        "{count} appraisal exercises tagged with it",
    ),
    # Translators: {percent} is a number such as 70 or 85.5, the lowest score that counts.
    ("eip_appraisal", False, True): _n(
        "{count} appraisal exercise tagged with it, scoring at least {percent}%",
        "{count} appraisal exercises tagged with it, each scoring at least {percent}%",
    ),
    # Translators: {level} is a level number of the framework, 2 or more.
    ("eip_appraisal", True, False): _n(
        "{count} appraisal exercise tagged at level {level} or above",
        "{count} appraisal exercises tagged at level {level} or above",
    ),
    ("eip_appraisal", True, True): _n(
        "{count} appraisal exercise tagged at level {level} or above, scoring at least {percent}%",
        "{count} appraisal exercises tagged at level {level} or above, each scoring at least "
        "{percent}%",
    ),
    ("eip_case_study", False, False): _n(
        "{count} case study tagged with it",
        "{count} case studies tagged with it",
    ),
    ("eip_case_study", False, True): _n(
        "{count} case study tagged with it, scoring at least {percent}%",
        "{count} case studies tagged with it, each scoring at least {percent}%",
    ),
    ("eip_case_study", True, False): _n(
        "{count} case study tagged at level {level} or above",
        "{count} case studies tagged at level {level} or above",
    ),
    ("eip_case_study", True, True): _n(
        "{count} case study tagged at level {level} or above, scoring at least {percent}%",
        "{count} case studies tagged at level {level} or above, each scoring at least {percent}%",
    ),
    (ANY, False, False): _n(
        "{count} exercise or case study tagged with it",
        "{count} exercises or case studies tagged with it",
    ),
    (ANY, False, True): _n(
        "{count} exercise or case study tagged with it, scoring at least {percent}%",
        "{count} exercises or case studies tagged with it, each scoring at least {percent}%",
    ),
    (ANY, True, False): _n(
        "{count} exercise or case study tagged at level {level} or above",
        "{count} exercises or case studies tagged at level {level} or above",
    ),
    (ANY, True, True): _n(
        "{count} exercise or case study tagged at level {level} or above, scoring at least "
        "{percent}%",
        "{count} exercises or case studies tagged at level {level} or above, each scoring at "
        "least {percent}%",
    ),
    # Translators: {kind} is a block type as written in the framework file (eip_...).
    (None, False, False): _n("{count} {kind} tagged with it", "{count} {kind} tagged with it"),
    (None, False, True): _n(
        "{count} {kind} tagged with it, scoring at least {percent}%",
        "{count} {kind} tagged with it, each scoring at least {percent}%",
    ),
    (None, True, False): _n(
        "{count} {kind} tagged at level {level} or above",
        "{count} {kind} tagged at level {level} or above",
    ),
    (None, True, True): _n(
        "{count} {kind} tagged at level {level} or above, scoring at least {percent}%",
        "{count} {kind} tagged at level {level} or above, each scoring at least {percent}%",
    ),
}
# Translators: a rule that asks for two or three kinds of evidence: {requirements} is what it
# asks for first (one requirement, or two already joined this way), {requirement} the next,
# each worded as above (it starts with a number).
AND_REQUIREMENT = _("{requirements}; and {requirement}")
# Translators: {requirements} is what a rule asks for, worded as above; {level} is the level
# below the one described, which must be reached before it.
AND_BELOW = _("{requirements}; and level {level} reached first")
BELOW_ONLY = _("level {level} reached first")
# Translators: the heading of the outline: the framework's title, its id and its version.
TITLE = _("{title} ({id}, version {version})")
LEVELS = _("Levels:")
# Translators: {rule} is the whole rule for a level, worded as above, ending with a full stop.
NEEDS = _("Needs: {rule}")
NOT_REACHED = _("Needs: not reached through course evidence.")


def describe_requirement(requirement: Requirement, ngettext: Ngettext = english_ngettext) -> str:
    """E.g. "2 appraisal exercises tagged at level 2 or above, each scoring at least 70%", in
    the language of `ngettext`."""
    kind = requirement.kind if requirement.kind in KINDS else None
    singular, plural = REQUIREMENTS[(kind, requirement.min_level > 1, requirement.min_score > 0)]
    return ngettext(singular, plural, requirement.min_count).format(
        count=requirement.min_count,
        kind=requirement.kind,
        level=requirement.min_level,
        percent=f"{requirement.min_score * 100:g}",
    )


def describe_rule(
    rule: Rule, gettext: Gettext = english, ngettext: Ngettext = english_ngettext
) -> str:
    """The whole rule as one sentence, e.g. "1 case study ...; and level 1 reached first.", in
    the language of `gettext` and `ngettext`."""
    text = ""
    for requirement in rule.requirements:
        wording = describe_requirement(requirement, ngettext)
        text = (
            gettext(AND_REQUIREMENT).format(requirements=text, requirement=wording)
            if text
            else wording
        )
    if rule.requires_below:
        below = rule.level - 1
        text = (
            gettext(AND_BELOW).format(requirements=text, level=below)
            if text
            else gettext(BELOW_ONLY).format(level=below)
        )
    return full_stop(text)


def framework_outline(
    framework: Framework,
    *,
    lang: str = "en",
    brief: bool = False,
    gettext: Gettext = english,
    ngettext: Ngettext = english_ngettext,
) -> str:
    """Levels, then each domain with its competencies; unless `brief`, each competency's
    level descriptors and the evidence each level needs. The framework's texts in `lang`
    (English where the file has no translation of one), the outline's own words in the
    language of `gettext` and `ngettext`."""
    title = gettext(TITLE).format(
        title=framework.title.get(lang), id=framework.id, version=framework.version
    )
    lines = [title, "", gettext(LEVELS)]
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
                needs = (
                    gettext(NEEDS).format(rule=describe_rule(rule, gettext, ngettext))
                    if rule
                    else gettext(NOT_REACHED)
                )
                lines.extend(_wrapped(needs, 8))
    return "\n".join(lines) + "\n"


def _wrapped(text: str, indent: int) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=" " * indent, subsequent_indent=" " * indent)
