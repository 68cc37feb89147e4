"""Assessments placed in units, found in `assessments/` and validated with the real models."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from eip.translation import _, ngettext
from xblocks.appraisal.model.exercise import parse_exercise
from xblocks.case_study.model import parse_case_study
from xblocks.core.competencies import CompetencyTag, parse_competency_tags
from xblocks.core.xml import OLXError, OLXErrors, parse_xml

from .frameworks import Frameworks
from .hashing import file_hash
from .model import APPRAISAL, CASE_STUDY, TRACKER, Reference
from .problems import Problems, shown_path
from .repo import APPRAISALS, ASSESSMENTS, CASE_STUDIES

BLOCK_TYPES = {
    APPRAISAL: "eip_appraisal",
    CASE_STUDY: "eip_case_study",
    TRACKER: "eip_competency_tracker",
}
FOLDERS = {APPRAISAL: APPRAISALS, CASE_STUDY: CASE_STUDIES}


@dataclass(frozen=True, eq=False)
class Assessment:
    """One assessment as a block: its authored XML root and what the course needs to know."""

    kind: str
    slug: str
    path: Path | None  # the authored file (None for a tracker)
    element: etree._Element = field(repr=False)
    display_name: str
    weight: float
    graded: bool
    completable: bool
    competencies: tuple[CompetencyTag, ...] = ()
    digest: str = ""  # sha256 of the authored file

    @property
    def block_type(self) -> str:
        return BLOCK_TYPES[self.kind]


def _tags(text: str, source: str) -> tuple[CompetencyTag, ...]:
    try:
        return tuple(parse_competency_tags(text, source=source))
    except OLXError:
        return ()  # the model has reported it


def _parse_appraisal(element: etree._Element, source: str) -> Any:
    return parse_exercise(element, source=source)


class AssessmentLibrary:
    """The assessments of one repository, each read and validated once."""

    def __init__(self, root: Path | None, frameworks: Frameworks | None = None) -> None:
        self.root = root
        self.frameworks = frameworks or Frameworks(root)
        self._cache: dict[tuple[str, str], tuple[Assessment | None, list[OLXError]]] = {}

    def folder(self, kind: str) -> Path | None:
        return self.root / ASSESSMENTS / FOLDERS[kind] if self.root else None

    def path_of(self, kind: str, slug: str) -> Path | None:
        folder = self.folder(kind)
        return folder / f"{slug}.xml" if folder else None

    def names(self, kind: str) -> list[str]:
        folder = self.folder(kind)
        if folder is None or not folder.is_dir():
            return []
        return sorted(entry.stem for entry in folder.glob("*.xml"))

    def read(self, kind: str, slug: str) -> tuple[Assessment | None, list[OLXError]]:
        """The assessment (None if missing or invalid) and the problems in its file."""
        key = (kind, slug)
        if key not in self._cache:
            self._cache[key] = self._read(kind, slug)
        return self._cache[key]

    def _read(self, kind: str, slug: str) -> tuple[Assessment | None, list[OLXError]]:
        path = self.path_of(kind, slug)
        if path is None or not path.is_file():
            return None, []
        source = shown_path(path)
        parse = _parse_appraisal if kind == APPRAISAL else parse_case_study
        try:
            element = parse_xml(path.read_bytes(), source=source)
            model = parse(element, source=source)
        except OLXErrors as errors:
            return None, list(errors.errors)
        except OLXError as error:
            return None, [error]
        weight = float(model.weight)
        return (
            Assessment(
                kind=kind,
                slug=slug,
                path=path,
                element=element,
                display_name=model.display_name,
                weight=weight,
                graded=weight > 0,
                completable=True,
                competencies=_tags(model.competencies, source),
                digest=file_hash(path),
            ),
            [],
        )

    def resolve(
        self, reference: Reference, *, framework_id: str, unit: Path, problems: Problems
    ) -> Assessment | None:
        """The assessment `reference` places, or None with the reasons added to `problems`."""
        if reference.kind == TRACKER:
            return self._tracker(reference, framework_id, unit, problems)
        assessment, errors = self.read(reference.kind, reference.target)
        if errors:
            problems.extend(errors)
            problems.add(
                # Translators: {kind} is the word after ::: (appraisal, case-study), as typed.
                ngettext(
                    '{kind} "{target}" is invalid ({count} problem in {file})',
                    '{kind} "{target}" is invalid ({count} problems in {file})',
                    len(errors),
                ).format(
                    kind=reference.kind,
                    target=reference.target,
                    count=len(errors),
                    file=errors[0].source,
                ),
                path=unit,
                line=reference.line,
                fix=_("Fix the problems reported for {file}, or place another {kind}.").format(
                    file=errors[0].source, kind=reference.kind
                ),
            )
            return None
        if assessment is None:
            self._missing(reference, unit, problems)
            return None
        self._check_competencies(assessment, framework_id, problems)
        return assessment

    def _missing(self, reference: Reference, unit: Path, problems: Problems) -> None:
        folder = f"{ASSESSMENTS}/{FOLDERS[reference.kind]}/"
        names = self.names(reference.kind)
        close = difflib.get_close_matches(reference.target, names, n=1)
        use = _("Use one of: {names}; or create it with eip new {kind} {target}.").format(
            names=", ".join(names) or _("none yet"), kind=reference.kind, target=reference.target
        )
        problems.add(
            _('unknown {kind} "{target}": there is no {path}').format(
                kind=reference.kind, target=reference.target, path=f"{folder}{reference.target}.xml"
            ),
            path=unit,
            line=reference.line,
            fix=_("Did you mean {name}? {fix}").format(name=close[0], fix=use) if close else use,
        )

    def _check_competencies(
        self, assessment: Assessment, framework_id: str, problems: Problems
    ) -> None:
        framework, _errors = self.frameworks.load(framework_id)
        if framework is None or assessment.path is None:
            return
        problems.extend(
            framework.check_tags(
                list(assessment.competencies),
                source=shown_path(assessment.path),
                line=assessment.element.sourceline,
            )
        )

    def _tracker(
        self, reference: Reference, framework_id: str, unit: Path, problems: Problems
    ) -> Assessment | None:
        if reference.target != framework_id:
            problems.add(
                _(
                    'the tracker shows framework "{shown}" but the course uses "{framework}" '
                    "(course.toml)"
                ).format(shown=reference.target, framework=framework_id),
                path=unit,
                line=reference.line,
                fix=_("Write ::: {kind} {target}").format(kind=TRACKER, target=framework_id),
            )
            return None
        framework, errors = self.frameworks.load(reference.target)
        title = ""
        if errors:
            for error in errors:
                problems.add(
                    error.message,
                    path=error.source or unit,
                    line=error.line if error.source else reference.line,
                    fix=error.fix,
                )
            return None
        if framework is not None:
            title = framework.title.get("en")
        element = etree.Element(BLOCK_TYPES[TRACKER])
        element.set("display_name", f"Your competencies: {title}" if title else "Your competencies")
        element.set("framework", reference.target)
        return Assessment(
            kind=TRACKER,
            slug=reference.target,
            path=None,
            element=element,
            display_name=element.get("display_name"),
            weight=0.0,
            graded=False,
            completable=True,  # complete once the learner rates their confidence at the end
        )
