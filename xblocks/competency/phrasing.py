"""The tracker's sentences about levels, requirements and confidence, in the learner's language.

Every sentence goes through the block's i18n service (`Strings`); framework titles, names and
descriptors come from the framework file in the learner's language, or in English where the
framework has no translation of that text, as `Shown` strings that know which
(xblocks.core.language). Nothing here evaluates a rule: it only puts into words what
`attain` found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from xblocks.competency.model.attainment import RequirementProgress
from xblocks.competency.model.framework_types import ANY, Framework, Requirement
from xblocks.core.language import BlockLanguage, Multilingual, Shown
from xblocks.core.messages import _


def _n(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for translation; `ngettext` picks the form shown."""
    return singular, plural


CONFIDENCE_MIN = 1
CONFIDENCE_MAX = 5
CONFIDENCE_LABELS = {
    1: _("Not at all confident"),
    2: _("A little confident"),
    3: _("Fairly confident"),
    4: _("Confident"),
    5: _("Very confident"),
}
PHASES = ("before", "after")

# Evidence kinds as nouns: (singular, plural), chosen by count.
KIND_NOUNS = {
    "eip_appraisal": _n("appraisal exercise", "appraisal exercises"),
    "eip_case_study": _n("case study", "case studies"),
    ANY: _n("exercise or case study", "exercises or case studies"),
}
KIND_TITLES = {
    "eip_appraisal": _("Appraisal exercise"),
    "eip_case_study": _("Case study"),
}


@dataclass(frozen=True)
class Strings:
    """The block's translations and the learner's language ("en" or "cy")."""

    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]
    lang: str = "en"

    def __call__(self, text: str) -> str:
        return self.gettext(text)

    @property
    def language(self) -> BlockLanguage:
        return BlockLanguage(self.lang)

    def show(self, text: Multilingual | None) -> Shown:
        """A text of the framework in the learner's language, else in English."""
        return self.language.show(text)

    def title(self, name: str) -> Shown:
        """A block's display name: translated when the catalogue has it (a default name),
        else as authored, in English."""
        return self.language.translated(name, self.gettext)


def level_label(framework: Framework, level: int, s: Strings) -> str:
    """E.g. "Level 2: Experienced"; "Not yet evidenced" for level 0. A `Phrase`: the level's
    name keeps its own language where the framework has no translation of it."""
    found = framework.level(level)
    if found is None:
        return s("Not yet evidenced")
    return s.language.phrase(s("Level {number}: {name}"), number=level, name=s.show(found.name))


def percent_text(fraction: float) -> str:
    """A score fraction as a whole percentage, e.g. "85%"."""
    return f"{round(fraction * 100)}%"


def requirement_text(requirement: Requirement, s: Strings) -> str:
    """The whole requirement, e.g. "2 appraisal exercises tagged at level 2 or above, each
    scoring at least 70%"."""
    count = requirement.min_count
    singular, plural = KIND_NOUNS.get(requirement.kind, (requirement.kind, requirement.kind))
    values = {
        "count": count,
        "kind": s.ngettext(singular, plural, count),
        "level": requirement.min_level,
        "percent": round(requirement.min_score * 100),
    }
    levelled = requirement.min_level > 1
    scored = requirement.min_score > 0
    if levelled and scored:
        text = s.ngettext(
            "{count} {kind} tagged at level {level} or above, scoring at least {percent}%",
            "{count} {kind} tagged at level {level} or above, each scoring at least {percent}%",
            count,
        )
    elif levelled:
        text = s.ngettext(
            "{count} {kind} tagged at level {level} or above",
            "{count} {kind} tagged at level {level} or above",
            count,
        )
    elif scored:
        text = s.ngettext(
            "{count} {kind} scoring at least {percent}%",
            "{count} {kind}, each scoring at least {percent}%",
            count,
        )
    else:
        text = s.ngettext("{count} {kind}", "{count} {kind}", count)
    return text.format(**values)


def progress_text(progress: RequirementProgress, s: Strings) -> str:
    """How far the learner is with one requirement, e.g. "1 of 2 done"."""
    counted = min(len(progress.counted), progress.requirement.min_count)
    if progress.met:
        return s("Done")
    return s("{counted} of {count} done").format(
        counted=counted, count=progress.requirement.min_count
    )


def confidence_text(rating: int | None, s: Strings) -> str:
    """E.g. "3 of 5: Fairly confident"; "Not rated yet" when there is no rating."""
    if rating not in CONFIDENCE_LABELS:
        return s("Not rated yet")
    return s("{rating} of {maximum}: {label}").format(
        rating=rating, maximum=CONFIDENCE_MAX, label=s(CONFIDENCE_LABELS[rating])
    )


def kind_title(block_type: str, s: Strings) -> str:
    return s(KIND_TITLES[block_type]) if block_type in KIND_TITLES else block_type


def date_text(moment: datetime | None) -> str:
    """An ISO date (2027-02-01) for machine-readable places; "" when unknown."""
    return moment.date().isoformat() if moment else ""
