"""Competency frameworks, shipped in the competency block's package (see setup.py)."""
