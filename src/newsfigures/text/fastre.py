"""One place that picks the regular-expression engine for a pattern, and builds word alternations."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import regex


def compile_fast(pattern: str, flags: int = 0):
    """The standard library's engine where it runs the pattern (two to three times as fast on the short
    patterns read at one place that the linker and the quantity reader use), else ``regex``: reverse search,
    variable-width lookbehind, and possessive quantifiers before Python 3.11 (which keep the patterns linear
    however long the text). Only IGNORECASE is carried over; any other flag means ``regex``."""
    if not flags & ~regex.IGNORECASE:
        try:
            return re.compile(pattern, re.IGNORECASE if flags & regex.IGNORECASE else 0)
        except re.error:
            pass
    return regex.compile(pattern, flags)


def prefix_alternation(words: Iterable[str], char: Callable[[str], str] = re.escape) -> str:
    """An alternation of ``words`` with their common beginnings taken out ("t(?:en|h(?:irty|ree)|wo)"): the
    engine tries one branch per letter instead of every word at every position, and a word that begins another
    is an optional end ("aim(?:ed|s)?"), tried longer first as in a longest-first alternation. ``char`` writes one
    character of a word as a pattern (default: escaped)."""
    rests: dict[str, list[str]] = {}
    ends_here = False
    for word in words:
        if word:
            rests.setdefault(word[0], []).append(word[1:])
        else:
            ends_here = True
    if not rests:
        return ""
    branches = [char(first) + prefix_alternation(rest, char) for first, rest in sorted(rests.items())]
    if len(branches) == 1 and not ends_here:
        return branches[0]
    return "(?:" + "|".join(branches) + (")?" if ends_here else ")")
