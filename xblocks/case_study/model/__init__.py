"""The branching case study as plain data: its graph, how a learner walks it, and tallies.

Nothing here imports XBlock. The block (`xblocks.case_study.block`) loads a case study with
`parse_case_study` (or `parse_case_study_parts` from its fields), moves the learner through
it with the pure functions of `walk`, and keeps anonymous choice counts with `tallies`; the
`eip` tools use the same functions to check and build content without a runtime.

This package names the data classes, parsing, checking and writing: `from
xblocks.case_study.model import parse_case_study`.
"""

from .authoring_warnings import case_study_warnings
from .best_path import SEARCH_LIMIT, TooManyPaths
from .canonical import canonical_case_study
from .case_study_reader import parse_case_study, parse_case_study_parts
from .case_study_types import (
    CATEGORIES,
    CERTAINTIES,
    DEFAULTS,
    GRADINGS,
    NODE_KINDS,
    SCALE_MAX,
    SCALE_MIN,
    Band,
    CaseStudy,
    Choice,
    Decision,
    Ending,
    Evidence,
    Mapping,
    Narrative,
    Node,
    Reflection,
    Statement,
    successors,
)
from .case_study_writer import case_study_content_xml, case_study_to_string, case_study_to_xml

__all__ = [
    "CATEGORIES",
    "CERTAINTIES",
    "DEFAULTS",
    "GRADINGS",
    "NODE_KINDS",
    "SCALE_MAX",
    "SCALE_MIN",
    "SEARCH_LIMIT",
    "Band",
    "CaseStudy",
    "Choice",
    "Decision",
    "Ending",
    "Evidence",
    "Mapping",
    "Narrative",
    "Node",
    "Reflection",
    "Statement",
    "TooManyPaths",
    "canonical_case_study",
    "case_study_content_xml",
    "case_study_to_string",
    "case_study_to_xml",
    "case_study_warnings",
    "parse_case_study",
    "parse_case_study_parts",
    "successors",
]
