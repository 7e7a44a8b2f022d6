"""argparse's own words in Dutch, in Dutch mode: "gebruik:", "opties:", "toon deze hulp en
stop" and its error messages ("verwacht één waarde"), so the command line speaks one language
at a time (issue 14), like its help texts (help_en) and its own messages (i18n.tr).

argparse looks its words up through the module's ``_`` and ``ngettext`` at the moment it uses
them (gettext, with no Dutch catalogue in the standard library): in Dutch mode those two names
point at the table below, in English mode back at gettext's. A word missing here stays English.
"""

from __future__ import annotations

import argparse
import gettext

ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "options": "opties",
    "positional arguments": "argumenten",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "one of the arguments %s is required": "een van de argumenten %s is nodig",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige %(type)s-waarde: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s":
        "dubbelzinnige optie: %(option)s kan zijn: %(matches)s",
    "not allowed with argument %s": "niet samen met argument %s",
    "ignored explicit argument %r": "genegeerd argument %r",
    "unexpected option string: %s": "onverwachte optie: %s",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
}
_PLURAL_NL = {
    "expected %s argument": ("verwacht %s waarde", "verwacht %s waarden"),
}


def _dutch(text: str) -> str:
    return ARGPARSE_NL.get(text, text)


def _dutch_plural(singular: str, plural: str, count: int) -> str:
    words = _PLURAL_NL.get(singular)
    if words is None:
        return singular if count == 1 else plural
    return words[0] if count == 1 else words[1]


def speak(language: str) -> None:
    """argparse's words in ``language`` ("nl" or "en") from now on in this process."""
    if language == "nl":
        argparse._ = _dutch  # type: ignore[attr-defined]
        argparse.ngettext = _dutch_plural  # type: ignore[attr-defined]
    else:
        argparse._ = gettext.gettext  # type: ignore[attr-defined]
        argparse.ngettext = gettext.ngettext  # type: ignore[attr-defined]
