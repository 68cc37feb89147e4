"""Competency frameworks as plain data: the framework file, evidence and attainment.

Nothing here imports XBlock. `framework.parse_framework` reads a framework file and
`library.load_framework` finds a shipped one; `attainment.attain` is the one place the
framework's attainment rules are evaluated, for the tracker block and the manager report
alike; `taxonomy` writes a framework as an Open edX content-tagging taxonomy.
"""
