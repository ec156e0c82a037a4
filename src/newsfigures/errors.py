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


class InputRejected(InputError):
    """An input that cannot be turned into an article; ``code`` becomes the error record's ``type``
    (``binary``, ``empty``, ``unreadable``, ``broken_symlink``, ``invalid_json``...)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class DateError(NewsfiguresError, ValueError):
    """A publication date could not be parsed."""


class CorpusError(NewsfiguresError, ValueError):
    """A gold annotation in the corpus is invalid."""


class ComponentError(NewsfiguresError, RuntimeError):
    """A newsfigures component failed on one text: a bug, reported with the component and the cause
    (never spaCy's "did you forget to call initialize()?", which it prints for any ``KeyError``)."""

    def __init__(self, component: str, cause: BaseException):
        super().__init__(f"component {component!r} failed on this text: {type(cause).__name__}: {cause}")
        self.component = component
        self.cause = cause
