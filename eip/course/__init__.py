"""Versioned courses: reading `courses/<slug>/`, checking, building to OLX, diffing, releasing.

Import the modules directly (`from eip.course.build import build_version`); the package
itself imports nothing.
"""
