"""argparse's own words ("usage: ", "options", its errors) in the language of the command.

argparse words its help and its errors with the `_` and `ngettext` it imported from `gettext`
at module level, looked up when it words them; Python ships no Welsh for them. So that a
trainer who chose Welsh reads no English they did not ask for, the `eip` catalogue keeps
argparse's messages too: `MESSAGES` marks each one exactly as argparse writes it, and
`translated()` points argparse's `_` and `ngettext` at `eip.translation` (which speaks the
command's language) for the length of a command, then gives argparse its own back.

`eip.cli` imports this module only when the command speaks a language other than English:
in English argparse is left alone and nothing is read.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from eip import translation
from eip.translation import N_, Nn_

# Never used as values: these calls only put argparse's messages into the `eip` catalogue
# (extraction finds `N_()` and `Nn_()`), because argparse's own calls to `_()` are in the
# standard library, which extraction does not read. Each message id is argparse's own,
# character for character (a changed id is simply not translated): the messages of Python
# 3.11 and 3.12 (the same in both), then the few that Python 3.13 adds.
MESSAGES = (
    # Help
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    # Translators: the title of the group of a command's sub-commands.
    N_("subcommands"),
    # Errors on the command line. Keep the placeholders (%s, %r, %(name)s, %(name)r) as
    # they are: argparse fills them in.
    # Translators: how argparse starts every error: "eip report: error: ..."
    N_("%(prog)s: error: %(message)s\n"),
    # Translators: an error about one argument: "argument --lang: invalid choice: ...".
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    # Translators: %(type)s is the name of a Python type or function, e.g. int or _date.
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    Nn_("expected %s argument", "expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_('argument "-" with mode %r'),
    N_("%r is not callable"),
    # Mistakes in a parser's own definition (a programming error, shown to developers).
    N_("conflicting subparser: %s"),
    N_("conflicting subparser alias: %s"),
    Nn_("conflicting option string: %s", "conflicting option strings: %s"),
    N_("cannot merge actions - two groups are named %r"),
    N_("'required' is an invalid argument for positionals"),
    N_("invalid option string %(option)r: must start with a character %(prefix_chars)r"),
    N_("dest= is required for options like %r"),
    N_("invalid conflict_resolution value: %r"),
    N_("mutually exclusive arguments must be optional"),
    N_("cannot have multiple subparser arguments"),
    N_(".__call__() not defined"),
    # Added in Python 3.13.
    N_("show program's version number and exit"),
    N_(" (default: %(default)s)"),
    # Translators: the heading of a group of options in the help.
    N_("%(heading)s:"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("option '%(option)s' is deprecated"),
    N_("argument '%(argument_name)s' is deprecated"),
    N_("command '%(parser_name)s' is deprecated"),
)


@contextmanager
def translated() -> Iterator[None]:
    """Inside the block, argparse words its help and errors through `eip.translation`, in
    the language `eip` speaks; afterwards, as before."""
    before = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = translation.gettext  # type: ignore[attr-defined]
    argparse.ngettext = translation.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = before  # type: ignore[attr-defined]
