"""Files shipped inside a block's package: plain text and Django templates."""

from __future__ import annotations

import importlib.resources
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
    # Imported here so that the rest of the package works where Django is not configured.
    from xblock.utils.resources import ResourceLoader

    # The loader adds its own key to the context it is given: hand it a copy.
    rendered = ResourceLoader(package).render_django_template(
        path, dict(context), i18n_service=i18n_service
    )
    return str(rendered)
