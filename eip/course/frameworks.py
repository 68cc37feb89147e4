"""Competency frameworks for a course: from the repository's `assessments/competencies/`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xblocks.competency.model import library
from xblocks.core.xml import OLXError, OLXErrors

from .problems import shown_path
from .repo import ASSESSMENTS, COMPETENCIES


class Frameworks:
    """Loads each framework once; remembers the problems found loading it."""

    def __init__(self, root: Path | None) -> None:
        self.folder = root / ASSESSMENTS / COMPETENCIES if root else None
        self._loaded: dict[str, tuple[Any, list[OLXError]]] = {}

    def load(self, framework_id: str) -> tuple[Any | None, list[OLXError]]:
        """(framework, no problems) or (None, the problems found loading it)."""
        if framework_id not in self._loaded:
            self._loaded[framework_id] = self._load(framework_id)
        return self._loaded[framework_id]

    def _load(self, framework_id: str) -> tuple[Any | None, list[OLXError]]:
        try:
            if self.folder is not None and self.folder.is_dir():
                framework = library.read_framework(
                    self.folder, framework_id, label=shown_path(self.folder)
                )
            else:
                framework = library.load_framework(framework_id)
        except OLXErrors as errors:
            return None, list(errors.errors)
        except OLXError as error:
            return None, [error]
        return framework, []
