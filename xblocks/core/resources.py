"""Files shipped inside a block's package: plain text, Django templates and content folders."""

from __future__ import annotations

import functools
import importlib.resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


def load_text(package: str, path: str) -> str:
    """The UTF-8 text of `path`, relative to the folder of `package`."""
    return importlib.resources.files(package).joinpath(path).read_text(encoding="utf-8")


def render_template(
    package: str, path: str, context: dict[str, Any], i18n_service: Any = None
) -> str:
    """Render the Django template `path` of `package` with autoescaping on.

    `{% load i18n %}` with `{% trans %}` / `{% blocktrans %}` translate through
    `i18n_service` (the block's i18n service), as in the LMS.
    """
    from django.template import Context

    # `_i18n_service` is where XBlock's i18n template tags look for the block's service.
    return str(
        _compiled_template(package, path).render(
            Context({**context, "_i18n_service": i18n_service})
        )
    )


@functools.cache
def _compiled_template(package: str, path: str) -> Any:
    """The template compiled once per process: the LMS renders blocks on every request."""
    from django.template import Template

    return Template(load_text(package, path), engine=_engine(package))


@functools.cache
def _engine(package: str) -> Any:
    """The engine XBlock's own ResourceLoader builds, with XBlock's i18n tags and `eip_lang`,
    the filters that mark the language of parts (`xblocks.core.language_tags`), and a loader
    for the templates that `{% extends %}` and `{% include %}` name
    (`xblocks.core.template_loader`)."""
    # Imported here so that the rest of the package works where Django is not configured.
    from django.template import Engine
    from django.template.backends.django import get_installed_libraries

    libraries = {
        **get_installed_libraries(),
        "i18n": "xblock.utils.templatetags.i18n",
        "eip_lang": "xblocks.core.language_tags",
    }
    loader = ("xblocks.core.template_loader.PackageTemplates", package)
    return Engine(
        libraries=libraries, loaders=[("django.template.loaders.cached.Loader", [loader])]
    )


# The content packages setup.py maps from assessments/, as (package, folder in a checkout):
# what shipped_root takes.
APPRAISAL_EXERCISES = ("xblocks.appraisal.exercises", "assessments/appraisals")
CASE_STUDIES = ("xblocks.case_study.scenarios", "assessments/case-studies")


def shipped_root(package: str, folder: str) -> Traversable:
    """The files of content package `package` (e.g. "xblocks.appraisal.exercises").

    In a source checkout that is not installed the package does not exist; then the
    repository `folder` it is built from (e.g. "assessments/appraisals") is used.
    """
    try:
        return importlib.resources.files(package)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2].joinpath(*folder.split("/"))
