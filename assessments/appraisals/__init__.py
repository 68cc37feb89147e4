"""Appraisal exercises, shipped inside the appraisal block's package for the workbench (see setup.py)."""
