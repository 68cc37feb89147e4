"""Every file in `assessments/` validated with the model that reads it in the LMS."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from eip.translation import N_, _
from xblocks.appraisal.model.exercise import parse_exercise
from xblocks.appraisal.model.instrument import parse_instrument
from xblocks.case_study.model import parse_case_study
from xblocks.competency.model.framework import parse_framework
from xblocks.core.xml import OLXError, OLXErrors

from .problems import Problems, shown_path
from .repo import APPRAISALS, CASE_STUDIES, COMPETENCIES, INSTRUMENTS

KIND_NAMES = {
    APPRAISALS: N_("appraisal exercise"),
    CASE_STUDIES: N_("case study"),
    INSTRUMENTS: N_("instrument"),
    COMPETENCIES: N_("competency framework"),
}


PARSERS: dict[str, Callable[..., Any]] = {
    APPRAISALS: parse_exercise,
    INSTRUMENTS: parse_instrument,
    CASE_STUDIES: parse_case_study,
    COMPETENCIES: parse_framework,
}


def assessment_kind(path: Path) -> str | None:
    """The folder name (appraisals, case-studies, ...) if `path` is an assessment file."""
    return path.parent.name if path.parent.name in KIND_NAMES and path.suffix == ".xml" else None


def check_assessment(path: Path, problems: Problems, notes: list[str]) -> None:
    """Add every problem of one assessment file."""
    kind = assessment_kind(path)
    source = shown_path(path)
    if kind is None:
        notes.append(_("{file}: not checked: not an assessment file").format(file=source))
        return
    parse = PARSERS[kind]
    try:
        model = parse(path.read_bytes(), source=source)
    except OLXErrors as errors:
        problems.extend(errors.errors)
        return
    except OLXError as error:
        problems.add_error(error)
        return
    identifier = getattr(model, "id", None) if kind in (INSTRUMENTS, COMPETENCIES) else None
    if identifier is not None and identifier != path.stem:
        problems.add(
            # Translators: {kind} is "instrument" or "competency framework".
            _('the file holds {kind} "{id}" but is named {file}').format(
                kind=_(KIND_NAMES[kind]), id=identifier, file=path.name
            ),
            path=path,
            line=1,
            fix=_('Name the file {id}.xml, or set id="{stem}".').format(
                id=identifier, stem=path.stem
            ),
        )


def assessment_files(root: Path) -> list[Path]:
    """The assessment files under `root` (an assessments/ folder or one of its folders)."""
    folders = [root] if root.name in KIND_NAMES else [root / name for name in KIND_NAMES]
    return [path for folder in folders if folder.is_dir() for path in sorted(folder.glob("*.xml"))]
