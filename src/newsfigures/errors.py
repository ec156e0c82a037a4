"""Every error newsfigures raises on purpose, in one place.

Messages name the file, line and rule id where there is one, so that a user
never needs a traceback to see what went wrong.
"""

from __future__ import annotations


class NewsfiguresError(Exception):
    """Base class of all newsfigures errors."""


class RuleError(NewsfiguresError, ValueError):
    """A rule file in ``patterns/`` is missing, malformed or has an unknown key."""


class InputError(NewsfiguresError, ValueError):
    """An input article could not be read or decoded."""


class DateError(NewsfiguresError, ValueError):
    """A publication date could not be parsed."""


class CorpusError(NewsfiguresError, ValueError):
    """A gold annotation in the corpus is invalid."""
