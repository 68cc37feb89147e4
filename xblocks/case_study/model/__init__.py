"""The branching case study as plain data: its graph, how a learner walks it, and tallies.

Nothing here imports XBlock. The block (`xblocks.case_study.block`) loads a case study with
`parse_case_study` (or `parse_case_study_parts` from its fields), moves the learner through
it with the pure functions of `walk`, and keeps anonymous choice counts with `tallies`; the
`eip` tools use the same functions to check and build content without a runtime.

The names of `case_study` are re-exported here, so `from xblocks.case_study.model import
parse_case_study` works as well as importing from `xblocks.case_study.model.case_study`.
"""

from .case_study import *  # noqa: F403
from .case_study import __all__  # noqa: F401
