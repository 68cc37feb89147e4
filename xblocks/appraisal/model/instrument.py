"""Appraisal instruments: the data classes and `parse_instrument`."""

from xblocks.core.authored import Text

from .instrument_reader import parse_instrument
from .instrument_types import Instrument, Item, Option, Scale, Section, StopRule
from .rules import UNANSWERED, Count, Judgement, Rule, When

__all__ = [
    "UNANSWERED",
    "Count",
    "Instrument",
    "Item",
    "Judgement",
    "Option",
    "Rule",
    "Scale",
    "Section",
    "StopRule",
    "Text",
    "When",
    "parse_instrument",
]
