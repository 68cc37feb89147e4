"""Case studies, shipped in the case-study block's package for the workbench."""
