"""What changed between two versions of a course, as a trainer needs to know it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from eip.translation import gettext

from .effects import competency_effects, grading_effects
from .loader import LoadedVersion
from .model import WELSH, Companion
from .release_record import read_record

ADDED, REMOVED, MOVED, CHANGED = "added", "removed", "moved", "changed"


@dataclass(frozen=True)
class Change:
    kind: str  # added, removed, moved, changed, or "moved, changed"
    what: str  # section, unit, appraisal, case-study, competency-tracker
    name: str
    old: str | None = None  # where it was, e.g. "03-appraising-research/02-appraising-a-trial"
    new: str | None = None
    text_diff: tuple[str, ...] = ()


@dataclass(frozen=True)
class VersionDiff:
    old: str
    new: str
    sections: list[Change] = field(default_factory=list)
    units: list[Change] = field(default_factory=list)
    assessments: list[Change] = field(default_factory=list)
    grading: list[str] = field(default_factory=list)
    competencies: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Item:
    key: str
    slug: str
    where: str
    path: Path


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


def _text_diff(old: _Item, new: _Item, old_label: str, new_label: str) -> tuple[str, ...]:
    return tuple(
        difflib.unified_diff(
            _text(old.path).splitlines(keepends=True),
            _text(new.path).splitlines(keepends=True),
            fromfile=f"{old_label}/{old.path.relative_to(old.path.parents[1]).as_posix()}",
            tofile=f"{new_label}/{new.path.relative_to(new.path.parents[1]).as_posix()}",
        )
    )


def _match(old: list[_Item], new: list[_Item]) -> list[tuple[_Item | None, _Item | None]]:
    """Pairs by full key, then leftovers by slug where that is unambiguous."""
    pairs: list[tuple[_Item | None, _Item | None]] = []
    new_by_key = {item.key: item for item in new}
    left_old = []
    for item in old:
        partner = new_by_key.pop(item.key, None)
        if partner is None:
            left_old.append(item)
        else:
            pairs.append((item, partner))
    left_new = list(new_by_key.values())
    for item in list(left_old):
        candidates = [other for other in left_new if other.slug == item.slug]
        if len(candidates) == 1:
            pairs.append((item, candidates[0]))
            left_old.remove(item)
            left_new.remove(candidates[0])
    pairs += [(item, None) for item in left_old] + [(None, item) for item in left_new]
    return pairs


def _compare(
    what: str, old: list[_Item], new: list[_Item], labels: tuple[str, str]
) -> list[Change]:
    changes = []
    for before, after in _match(old, new):
        if after is None:
            changes.append(Change(REMOVED, what, before.slug, old=before.where))
        elif before is None:
            changes.append(Change(ADDED, what, after.slug, new=after.where))
        else:
            moved = before.where != after.where
            changed = _text(before.path) != _text(after.path)
            if moved or changed:
                kind = ", ".join(k for k, on in ((MOVED, moved), (CHANGED, changed)) if on)
                diff = _text_diff(before, after, *labels) if changed else ()
                changes.append(Change(kind, what, after.slug, before.where, after.where, diff))
    return changes


def _with_welsh(item: _Item, companion: Companion | None) -> list[_Item]:
    """The page, then its Welsh companion file (if any) as an item of its own."""
    if companion is None:
        return [item]
    label = gettext("{name} (Welsh)")
    welsh = _Item(
        f"{item.key}#{WELSH}",
        label.format(name=item.slug),
        label.format(name=item.where),
        companion.path,
    )
    return [item, welsh]


def _sections(loaded: LoadedVersion) -> list[_Item]:
    return [
        item
        for s in loaded.version.sections
        for item in _with_welsh(_Item(s.slug, s.slug, s.name, s.path / "section.md"), s.welsh)
    ]


def _units(loaded: LoadedVersion) -> list[_Item]:
    return [
        item
        for s, u in loaded.version.units
        for item in _with_welsh(
            _Item(f"{s.slug}/{u.slug}", u.slug, f"{s.name}/{u.name}", u.path), u.welsh
        )
    ]


def _placements(loaded: LoadedVersion) -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for unit, reference, _ in loaded.assessments():
        where = f"{unit.path.parent.name}/{unit.name}"
        found.setdefault((reference.kind, reference.target), []).append(where)
    return found


def _digests(loaded: LoadedVersion) -> dict[tuple[str, str], str]:
    """Each placed assessment's file hash: as released, if this version was released."""
    record = read_record(loaded.version.course.path, loaded.version.version)
    recorded = (
        record.assessments
        if record and loaded.version.course.release(loaded.version.version)
        else {}
    )
    digests = {}
    for _, reference, assessment in loaded.assessments():
        name = (
            assessment.path.relative_to(loaded.root).as_posix()
            if assessment.path and loaded.root and assessment.path.is_relative_to(loaded.root)
            else ""
        )
        digests[(reference.kind, reference.target)] = recorded.get(name, assessment.digest)
    return digests


def _assessments(old: LoadedVersion, new: LoadedVersion) -> list[Change]:
    before, after = _placements(old), _placements(new)
    old_digests, new_digests = _digests(old), _digests(new)
    changes = []
    for key in sorted(before.keys() | after.keys()):
        kind, slug = key
        where_old = ", ".join(before.get(key, [])) or None
        where_new = ", ".join(after.get(key, [])) or None
        if key not in after:
            changes.append(Change(REMOVED, kind, slug, old=where_old))
        elif key not in before:
            changes.append(Change(ADDED, kind, slug, new=where_new))
        else:
            moved = sorted(before[key]) != sorted(after[key])
            changed = old_digests.get(key) != new_digests.get(key)
            if moved or changed:
                label = ", ".join(k for k, on in ((MOVED, moved), (CHANGED, changed)) if on)
                changes.append(Change(label, kind, slug, where_old, where_new))
    return changes


def diff_versions(old: LoadedVersion, new: LoadedVersion) -> VersionDiff:
    labels = (old.version.version, new.version.version)
    return VersionDiff(
        old=old.version.version,
        new=new.version.version,
        sections=_compare("section", _sections(old), _sections(new), labels),
        units=_compare("unit", _units(old), _units(new), labels),
        assessments=_assessments(old, new),
        grading=grading_effects(old, new),
        competencies=competency_effects(old, new),
    )
