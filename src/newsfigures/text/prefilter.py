"""Prefilters read from a pattern: the literal strings one of which every match of it contains.

A rule tries its pattern only where a cheap substring test lets it (``Prefilter.may_match``); the strings come
from the standard library's parse of the pattern itself, so a new branch of the pattern can never be missed by
a list kept beside it by hand.
"""

from __future__ import annotations

import re
from re import _constants as _c
from re import _parser

_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def needed_literals(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which occurs in every match of ``pattern`` (case as written, lower-cased where the pattern
    ignores case), longest-first choice among the alternatives; None when the parse shows none (a branch of
    only classes or repeats that may be absent)."""
    ignore_case = re.compile(pattern).flags & re.IGNORECASE
    found = _needed(_parser.parse(pattern).data)
    if found is None:
        return None
    words = {w.lower() for w in found} if ignore_case else set(found)
    # a string that contains another is implied by it: keep the shorter
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def _needed(items) -> frozenset[str] | None:
    """The best set of needed strings of a sequence: each run of literals is one candidate, each required
    group or alternation another; the best is the one whose shortest string is longest."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if op in _ZERO_WIDTH:
            continue  # a word boundary or a lookaround: the literals on either side still touch
        if run:
            candidates.append(frozenset([run]))
            run = ""
        inner = None
        if op is _c.SUBPATTERN:
            inner = _needed(av[3])
        elif op is _c.BRANCH:
            branches = [_needed(branch) for branch in av[1]]
            inner = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif op in _REPEATS and av[0] >= 1:
            inner = _needed(av[2])
        if inner:
            candidates.append(inner)
    if run:
        candidates.append(frozenset([run]))
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


class Prefilter:
    """Whether a text may match ``pattern`` (a compiled pattern or its source): one of its needed literals occurs
    in it. ``Prefilter.plain = True`` turns every test off (every text may match): the reference mode the tests
    compare with."""

    plain = False

    __slots__ = ("pattern", "literals")

    def __init__(self, pattern) -> None:
        self.pattern = pattern
        self.literals = needed_literals(getattr(pattern, "pattern", pattern))

    def may_match(self, text: str) -> bool:
        if self.literals is None or Prefilter.plain:
            return True
        for literal in self.literals:
            if literal in text:
                return True
        return False
