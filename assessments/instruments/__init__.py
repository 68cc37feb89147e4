"""Appraisal instruments, shipped inside the appraisal block's package (see setup.py)."""
