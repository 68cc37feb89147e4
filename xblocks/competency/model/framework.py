"""Competency frameworks: the data classes and `parse_framework`."""

from .framework_reader import parse_framework
from .framework_types import ANY, KINDS, Competency, Domain, Framework, Level, Requirement, Rule

__all__ = [
    "ANY",
    "KINDS",
    "Competency",
    "Domain",
    "Framework",
    "Level",
    "Requirement",
    "Rule",
    "parse_framework",
]
