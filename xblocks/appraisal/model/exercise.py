"""Appraisal exercises: the data classes, parsing and writing."""

from .canonical import canonical_exercise
from .exercise_reader import parse_exercise, parse_exercise_parts
from .exercise_types import OVERALL, Exercise, Exhibit, ExpertAnswer, Study
from .exercise_writer import exercise_content_xml, exercise_to_string, exercise_to_xml

__all__ = [
    "OVERALL",
    "Exercise",
    "Exhibit",
    "ExpertAnswer",
    "Study",
    "canonical_exercise",
    "exercise_content_xml",
    "exercise_to_string",
    "exercise_to_xml",
    "parse_exercise",
    "parse_exercise_parts",
]
