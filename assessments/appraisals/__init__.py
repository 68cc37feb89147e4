"""Appraisal exercises, shipped in the appraisal block's package for the workbench."""
