"""Workbench scenarios made from the authored files a content package ships."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from xblocks.core.resources import shipped_root

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>\s*")


def scenario_xml(text: str) -> str:
    """A shipped file's text without its XML declaration, as a workbench scenario takes it."""
    return _XML_DECLARATION.sub("", text)


def shipped_scenarios(
    package: str, folder: str, parse: Callable[..., Any]
) -> list[tuple[str, str]]:
    """(display name, XML) for each .xml file of `package` (see `shipped_root`), in file
    name order. `parse(text, source=...)` reads each file, so a broken one raises with its
    file and line."""
    scenarios = []
    for entry in sorted(shipped_root(package, folder).iterdir(), key=lambda path: path.name):
        if not entry.name.endswith(".xml"):
            continue
        text = entry.read_text(encoding="utf-8")
        model = parse(text, source=f"{folder}/{entry.name}")
        scenarios.append((model.display_name, scenario_xml(text)))
    return scenarios
