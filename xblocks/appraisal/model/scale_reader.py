"""Reading <scales>: the options an answer can take and the part credit for near misses."""

from __future__ import annotations

from lxml import etree

from .instrument_types import Option, Scale
from .problems import TOKEN, Problems, one_of, texts
from .rules import UNANSWERED


def read_scales(parent: etree._Element, problems: Problems) -> dict[str, Scale]:
    scales: dict[str, Scale] = {}
    for element in parent.findall("scale"):
        scale_id = element.get("id", "")
        if not TOKEN.match(scale_id):
            problems.add(
                element,
                f'scale id "{scale_id}" is not a valid id',
                "use lower-case letters, digits and _ (starting with a letter).",
            )
        if scale_id in scales:
            problems.add(element, f'scale "{scale_id}" is declared twice', "rename or remove one.")
        options = _read_options(element, problems)
        scales[scale_id] = Scale(scale_id, options, _read_near(element, options, problems))
    return scales


def _read_options(scale: etree._Element, problems: Problems) -> tuple[Option, ...]:
    options: dict[str, Option] = {}
    for element in scale.findall("option"):
        value = element.get("value", "")
        if not TOKEN.match(value):
            problems.add(
                element,
                f'option value "{value}" is not a valid value',
                "use lower-case letters, digits and _ (starting with a letter), e.g. cant_tell.",
            )
        elif value == UNANSWERED:
            problems.add(
                element, f'"{UNANSWERED}" is reserved for blank answers', "choose another value."
            )
        if value in options:
            problems.add(
                element,
                f'option "{value}" appears twice in scale "{scale.get("id")}"',
                "remove one.",
            )
        options[value] = Option(value, texts(element, "label", problems))
    return tuple(options.values())


def _read_near(
    scale: etree._Element, options: tuple[Option, ...], problems: Problems
) -> dict[frozenset[str], float]:
    values = [option.value for option in options]
    near: dict[frozenset[str], float] = {}
    for element in scale.findall("near"):
        a, b = element.get("a", ""), element.get("b", "")
        for value in (a, b):
            if value not in values:
                problems.add(
                    element,
                    f'<near> names "{value}", which is not an option of scale "{scale.get("id")}"',
                    f"use one of {one_of(values)}.",
                )
        if a == b:
            problems.add(
                element,
                "<near> pairs an option with itself",
                "name two different options: equal answers always earn full credit.",
            )
        credit = _credit(element, problems)
        pair = frozenset((a, b))
        if pair in near:
            problems.add(element, f"<near> pairs {a} and {b} twice", "remove one.")
        near[pair] = credit
    return near


def _credit(element: etree._Element, problems: Problems) -> float:
    text = element.get("credit", "")
    try:
        credit = float(text)
    except ValueError:
        credit = -1.0
    if not 0.0 < credit < 1.0:
        problems.add(
            element,
            f'credit="{text}" is not a number between 0 and 1',
            'write part credit as a fraction such as credit="0.5".',
        )
        return 0.0
    return credit
