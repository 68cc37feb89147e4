"""The templates a block's template names in `{% extends %}` and `{% include %}`.

`eip-core/<file>` is `xblocks/core/templates/<file>`, shared by every block (as its static
files are `static/eip-core/<file>`); any other name is a file in the `templates/` folder of
the package whose template is rendering. Imported only by Django's template engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.template import Origin, TemplateDoesNotExist
from django.template.loaders.base import Loader

from xblocks.core.resources import load_text

CORE_PREFIX = "eip-core/"
CORE_PACKAGE = "xblocks.core"
TEMPLATES_DIR = "templates/"


class PackageTemplates(Loader):
    """Django's template loader over the files of `package` and of xblocks.core."""

    def __init__(self, engine: Any, package: str) -> None:
        super().__init__(engine)
        self.package = package

    def get_template_sources(self, template_name: str) -> Iterator[Origin]:
        if template_name.startswith(CORE_PREFIX):
            package, name = CORE_PACKAGE, template_name[len(CORE_PREFIX) :]
        else:
            package, name = self.package, template_name
        yield Origin(f"{package}:{TEMPLATES_DIR}{name}", template_name, self)

    def get_contents(self, origin: Origin) -> str:
        package, path = origin.name.split(":", 1)
        try:
            return load_text(package, path)
        except (OSError, ModuleNotFoundError) as error:
            raise TemplateDoesNotExist(origin) from error
