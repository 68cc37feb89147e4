"""The data of a competency framework: levels, domains, competencies and attainment rules."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from xblocks.core.authored import Text
from xblocks.core.competencies import CompetencyTag, parse_competency_tags
from xblocks.core.messages import Message, _
from xblocks.core.xml import OLXError

from .evidence import Evidence

ANY = "any"
# Evidence kinds a rule may ask for: a block type, or any block.
KINDS = ("eip_appraisal", "eip_case_study", ANY)
# A score exactly at the minimum counts, whatever rounding the division did on the way.
SCORE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Requirement:
    """At least `min_count` pieces of `kind`, tagged at `min_level` or above, each scoring
    at least `min_score` (a fraction)."""

    kind: str
    min_count: int = 1
    min_level: int = 1
    min_score: float = 0.0

    def accepts_block(self, block_type: str, level: int | None) -> bool:
        """Could a block of `block_type` tagged at `level` count here (if scored well)?"""
        return (self.kind in (ANY, block_type)) and level is not None and level >= self.min_level

    def admits(self, competency_id: str, piece: Evidence) -> bool:
        """Does `piece` count towards this requirement for `competency_id`?"""
        return (
            self.accepts_block(piece.block_type, piece.level_for(competency_id))
            and piece.score >= self.min_score - SCORE_TOLERANCE
        )

    def is_implied_by(self, other: Requirement) -> bool:
        """Does meeting `other` always meet this requirement too?"""
        return (
            self.kind in (ANY, other.kind)
            and other.min_count >= self.min_count
            and other.min_level >= self.min_level
            and other.min_score >= self.min_score
        )


@dataclass(frozen=True)
class Rule:
    """The evidence that reaches `level`: every requirement must hold, and, when
    `requires_below`, the level below must have been reached."""

    level: int
    requirements: tuple[Requirement, ...]
    requires_below: bool = False

    def is_implied_by(self, other: Rule) -> bool:
        """Does meeting `other` always meet this rule's requirements too?"""
        return all(
            any(mine.is_implied_by(theirs) for theirs in other.requirements)
            for mine in self.requirements
        )


@dataclass(frozen=True)
class Level:
    number: int
    name: Text
    descriptor: Text


@dataclass(frozen=True)
class Competency:
    id: str
    domain_id: str
    title: Text
    description: Text
    descriptors: Mapping[int, Text]
    rules: tuple[Rule, ...]

    def descriptor(self, level: int, lang: str | None = None) -> str:
        text = self.descriptors.get(level)
        return text.get(lang) if text else ""

    def rule(self, level: int) -> Rule | None:
        return next((rule for rule in self.rules if rule.level == level), None)

    def __hash__(self) -> int:
        return hash((self.id, self.rules))


@dataclass(frozen=True)
class Domain:
    id: str
    title: Text
    description: Text
    competencies: tuple[Competency, ...]


@dataclass(frozen=True)
class Framework:
    id: str
    version: str
    title: Text
    description: Text
    levels: tuple[Level, ...]
    domains: tuple[Domain, ...]

    @cached_property
    def competencies(self) -> tuple[Competency, ...]:
        """Every competency, in the order of the file."""
        return tuple(c for domain in self.domains for c in domain.competencies)

    @property
    def max_level(self) -> int:
        return len(self.levels)

    @cached_property
    def _by_id(self) -> dict[str, Competency]:
        return {competency.id: competency for competency in self.competencies}

    def competency(self, competency_id: str) -> Competency | None:
        return self._by_id.get(competency_id)

    def domain(self, domain_id: str) -> Domain | None:
        return next((domain for domain in self.domains if domain.id == domain_id), None)

    def level(self, number: int) -> Level | None:
        return self.levels[number - 1] if 1 <= number <= self.max_level else None

    def check_tags(
        self,
        tags: Iterable[CompetencyTag] | str,
        *,
        source: str | None = None,
        line: int | None = None,
    ) -> list[OLXError]:
        """Problems with `tags` (text or parsed): malformed, unknown here, or level out of range."""
        if isinstance(tags, str):
            try:
                tags = parse_competency_tags(tags, source=source, line=line)
            except OLXError as error:
                return [error]
        errors = []
        for tag in tags:
            if self.competency(tag.id) is None:
                errors.append(self._unknown(tag, source, line))
            elif tag.level is not None and not 1 <= tag.level <= self.max_level:
                errors.append(
                    OLXError(
                        Message(
                            _(
                                '"{tag}": framework "{framework}" has levels 1 to {max}, not '
                                "{level}."
                            ),
                            tag=str(tag),
                            framework=self.id,
                            max=self.max_level,
                            level=tag.level,
                        ),
                        source=source,
                        line=line,
                        fix=Message(
                            _("Tag a level from 1 to {max}, e.g. {id}:2."),
                            max=self.max_level,
                            id=tag.id,
                        ),
                    )
                )
        return errors

    def _unknown(self, tag: CompetencyTag, source: str | None, line: int | None) -> OLXError:
        ids = [c.id for c in self.competencies]
        close = difflib.get_close_matches(tag.id, ids, n=1)
        fix = (
            _(
                "Did you mean {close}? Use a competency id the framework defines; "
                "`eip competencies list` shows them all."
            )
            if close
            else _(
                "Use a competency id the framework defines; `eip competencies list` shows them all."
            )
        )
        return OLXError(
            Message(
                _(
                    'competency "{id}" is not defined by framework "{framework}" (version '
                    "{version})."
                ),
                id=tag.id,
                framework=self.id,
                version=self.version,
            ),
            source=source,
            line=line,
            fix=Message(fix, close=close[0] if close else ""),
        )
