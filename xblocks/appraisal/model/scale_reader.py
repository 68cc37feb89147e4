"""Reading <scales>: the options an answer can take and the part credit for near misses."""

from __future__ import annotations

from lxml import etree

from xblocks.core.authored import TOKEN, texts
from xblocks.core.messages import _, one_of
from xblocks.core.problems import Problems

from .instrument_types import Option, Scale
from .rules import UNANSWERED


def read_scales(parent: etree._Element, problems: Problems) -> dict[str, Scale]:
    scales: dict[str, Scale] = {}
    for element in parent.findall("scale"):
        scale_id = element.get("id", "")
        if not TOKEN.match(scale_id):
            problems.add(
                element,
                _('scale id "{id}" is not a valid id'),
                _("use lower-case letters, digits and _ (starting with a letter)."),
                id=scale_id,
            )
        if scale_id in scales:
            problems.add(
                element,
                _('scale "{id}" is declared twice'),
                _("rename or remove one."),
                id=scale_id,
            )
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
                _('option value "{value}" is not a valid value'),
                _("use lower-case letters, digits and _ (starting with a letter), e.g. cant_tell."),
                value=value,
            )
        elif value == UNANSWERED:
            problems.add(
                element,
                _('"{value}" is reserved for blank answers'),
                _("choose another value."),
                value=UNANSWERED,
            )
        if value in options:
            problems.add(
                element,
                _('option "{value}" appears twice in scale "{scale}"'),
                _("remove one."),
                value=value,
                scale=scale.get("id"),
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
                    _('<near> names "{value}", which is not an option of scale "{scale}"'),
                    _("use one of {values}."),
                    value=value,
                    scale=scale.get("id"),
                    values=one_of(values),
                )
        if a == b:
            problems.add(
                element,
                _("<near> pairs an option with itself"),
                _("name two different options: equal answers always earn full credit."),
            )
        credit = _credit(element, problems)
        pair = frozenset((a, b))
        if pair in near:
            problems.add(element, _("<near> pairs {a} and {b} twice"), _("remove one."), a=a, b=b)
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
            _('credit="{credit}" is not a number between 0 and 1'),
            _('write part credit as a fraction such as credit="0.5".'),
            credit=text,
        )
        return 0.0
    return credit
