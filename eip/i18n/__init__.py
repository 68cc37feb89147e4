"""Gettext catalogues: extract the strings people read, merge them into each language, compile."""
