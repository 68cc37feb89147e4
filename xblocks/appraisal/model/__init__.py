"""The appraisal exercise as plain data: instruments, exercises, scoring and tallies.

Nothing here imports XBlock. The block (`xblocks.appraisal.block`) loads an exercise with
`exercise.parse_exercise`, asks `scoring` how complete and how good a learner's appraisal is,
and keeps anonymous answer counts with `tallies`; the `eip` tools use the same functions to
check and build content without a runtime.
"""
