"""The block models the toolchain validates with, imported when first needed.

The case-study and competency models arrived after the appraisal model; a checkout without
one of them reports "not supported yet" instead of failing to start.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any


def _optional(module: str) -> ModuleType | None:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name and module.startswith(error.name):
            return None
        raise


def case_study_parser() -> Callable[..., Any] | None:
    """`parse_case_study`, or None while the case-study model is not installed."""
    module = _optional("xblocks.case_study.model")
    return getattr(module, "parse_case_study", None) if module else None


def competency_library() -> ModuleType | None:
    """`xblocks.competency.model.library`, or None while it is not installed."""
    return _optional("xblocks.competency.model.library")


def competency_parser() -> Callable[..., Any] | None:
    """`parse_framework`, or None while the competency model is not installed."""
    module = _optional("xblocks.competency.model.framework")
    return getattr(module, "parse_framework", None) if module else None
