"""Attribute text to values and back, for every element of the case-study format.

`ATTRIBUTES` lists, per element, each attribute with how its text is read and its default
(`REQUIRED` when it has none). Reading and writing both use it, so an exported file keeps
the author's spelling (`points="02"`, `min=".80"`) while the value is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from lxml import etree

from xblocks.core.attributes import NUMBER, WHOLE
from xblocks.core.messages import Message, _
from xblocks.core.olx_text import one_line
from xblocks.core.problems import Problems

from .names import describe

REQUIRED = object()


class AttributeProblem(ValueError):
    """Attribute text that does not read as a value: what is wrong, and the fix."""

    def __init__(self, message: Message, fix: Message) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


def text(name: str, value: str) -> str:
    return one_line(value)


def identifier(name: str, value: str) -> str:
    return value


def identifiers(name: str, value: str) -> tuple[str, ...]:
    return tuple(value.split())


def boolean(name: str, value: str) -> bool:
    word = value.strip()
    if word not in ("true", "false"):
        raise AttributeProblem(
            Message(_('{name}="{value}" is neither true nor false'), name=name, value=value),
            Message(_('write {name}="true" or {name}="false".'), name=name),
        )
    return word == "true"


def whole(name: str, value: str) -> int:
    if not WHOLE.match(value.strip()):
        raise AttributeProblem(
            Message(
                _('{name}="{value}" is not a whole number of 0 or more'), name=name, value=value
            ),
            Message(_('write a whole number such as {name}="2".'), name=name),
        )
    return int(value)


def number(name: str, value: str) -> float:
    if not NUMBER.match(value.strip()):
        raise AttributeProblem(
            Message(_('{name}="{value}" is not a number of 0 or more'), name=name, value=value),
            Message(_('write a number such as {name}="1" or {name}="0.5".'), name=name),
        )
    return float(value)


Reader = Callable[[str, str], object]
_NODE: dict[str, tuple[Reader, object]] = {"id": (identifier, REQUIRED), "title": (text, REQUIRED)}
_NEXT: dict[str, tuple[Reader, object]] = {"next": (identifier, REQUIRED)}

ATTRIBUTES: Mapping[str, Mapping[str, tuple[Reader, object]]] = {
    "eip_case_study": {
        "display_name": (text, REQUIRED),
        "start": (identifier, REQUIRED),
        "allow_back": (boolean, True),
        "max_attempts": (whole, 0),
        "grading": (text, "best"),
        "competencies": (text, ""),
        "weight": (number, 1.0),
    },
    "narrative": {**_NODE, **_NEXT},
    "evidence": {
        **_NODE,
        **_NEXT,
        "certainty": (text, REQUIRED),
        "fictional": (boolean, False),
        "appraisal": (text, ""),
    },
    "decision": dict(_NODE),
    "choice": {
        "id": (identifier, REQUIRED),
        "target": (identifier, REQUIRED),
        "points": (whole, 0),
        "evidence": (identifiers, ()),
    },
    "mapping": {**_NODE, **_NEXT, "points": (whole, 1), "scale": (boolean, False)},
    "statement": {"id": (identifier, REQUIRED), "expected": (text, REQUIRED)},
    "reflection": {**_NODE, **_NEXT, "shareable": (boolean, False)},
    "ending": dict(_NODE),
    "band": {"min": (number, REQUIRED)},
}


def defaults(tag: str) -> dict[str, object]:
    """The optional attributes of `tag` and their default values."""
    return {
        name: default for name, (_, default) in ATTRIBUTES[tag].items() if default is not REQUIRED
    }


def read_attributes(element: etree._Element, problems: Problems) -> dict[str, object]:
    """Every attribute of `element` as a value (defaults filled in); bad text is a problem.

    An attribute whose text cannot be read keeps its default (or, if required, its text), so
    reading can go on and report everything else too.
    """
    values: dict[str, object] = {}
    for name, (reader, default) in ATTRIBUTES[element.tag].items():
        written = element.get(name)
        if written is None:
            values[name] = "" if default is REQUIRED else default
            continue
        try:
            values[name] = reader(name, written)
        except AttributeProblem as problem:
            problems.add(
                element,
                Message(
                    _("{element}: {problem}"), element=describe(element), problem=problem.message
                ),
                problem.fix,
            )
            values[name] = written if default is REQUIRED else default
    return values


def means(tag: str) -> Callable[[str, str, object], bool]:
    """Whether authored text of an attribute of `tag` still reads as a given value."""

    def check(name: str, written: str, value: object) -> bool:
        reader, _ = ATTRIBUTES[tag][name]
        try:
            return reader(name, written) == value
        except AttributeProblem:
            return False

    return check
