"""Errors the `eip` commands report to the person running them."""


class CommandError(Exception):
    """A problem worded for the person running the command; printed without a traceback.

    Say what was wrong, where (file and line for files a person writes), and how to fix it.
    """
