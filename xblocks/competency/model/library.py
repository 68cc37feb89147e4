"""The shipped competency frameworks, found by id.

`assessments/competencies/<id>.xml` holds framework <id>; the folder ships as package
`xblocks.competency.frameworks`.
"""

from __future__ import annotations

import functools
from importlib.resources.abc import Traversable

from xblocks.core.messages import Message, _, one_of
from xblocks.core.reading import misnamed_file
from xblocks.core.resources import shipped_root
from xblocks.core.xml import OLXError, OLXErrors

from .framework import Framework, parse_framework
from .framework_reader import FRAMEWORK_ID

PACKAGE = "xblocks.competency.frameworks"
LABEL = "assessments/competencies"


class UnknownFramework(OLXError):
    """No framework with this id is shipped."""


def read_framework(root: Traversable, framework_id: str, *, label: str = LABEL) -> Framework:
    """Framework `framework_id` from the folder `root`, uncached.

    UnknownFramework if there is no such file; OLXErrors if it is broken or holds another id.
    """
    name = f"{framework_id}.xml"
    if not FRAMEWORK_ID.match(framework_id) or not root.joinpath(name).is_file():
        shipped = framework_ids(root)
        template = (
            _('there is no competency framework "{framework}"; shipped: {shipped}.')
            if shipped
            else _('there is no competency framework "{framework}"; shipped: none.')
        )
        raise UnknownFramework(
            Message(template, framework=framework_id, shipped=one_of(shipped)),
            fix=Message(_("Use a framework id from that list.")),
        )
    source = f"{label}/{name}"
    framework = parse_framework(root.joinpath(name).read_bytes(), source=source)
    if framework.id != framework_id:
        raise misnamed_file("framework", framework.id, framework_id, source=source)
    return framework


def framework_ids(root: Traversable | None = None) -> list[str]:
    """The ids of the framework files in `root` (by default, the shipped ones)."""
    folder = root if root is not None else shipped_root(PACKAGE, LABEL)
    return sorted(
        entry.name.removesuffix(".xml")
        for entry in folder.iterdir()
        if entry.name.endswith(".xml") and entry.is_file()
    )


@functools.cache
def load_framework(framework_id: str) -> Framework:
    """A shipped framework (parsed once); UnknownFramework lists what exists."""
    return read_framework(shipped_root(PACKAGE, LABEL), framework_id)


def list_frameworks() -> list[Framework]:
    """Every shipped framework, by id; OLXErrors with every problem if any is broken."""
    found: list[Framework] = []
    errors: list[OLXError] = []
    for framework_id in framework_ids():
        try:
            found.append(load_framework(framework_id))
        except OLXErrors as problems:
            errors.extend(problems.errors)
    if errors:
        raise OLXErrors(errors)
    return found
