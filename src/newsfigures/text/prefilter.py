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


def needed_literals(pattern: str, ignore_case: bool = False) -> tuple[str, ...] | None:
    """Strings one of which occurs in every match of ``pattern`` (case as written, lower-cased where the pattern
    ignores case: an inline flag, or ``ignore_case`` for a pattern compiled with the flag), longest-first choice
    among the alternatives; None when the parse shows none (a branch of only classes or repeats that may be absent)."""
    found = _needed(_parser.parse(pattern).data)
    return None if found is None else _kept(found, ignore_case or re.compile(pattern).flags & re.IGNORECASE)


def needed_literal_sets(pattern: str, ignore_case: bool = False) -> tuple[tuple[str, ...], ...]:
    """Every set of strings that the top-level sequence of ``pattern`` requires, one of each set occurring in
    every match (written as in :func:`needed_literals`); empty when the parse shows none."""
    ignore_case = ignore_case or bool(re.compile(pattern).flags & re.IGNORECASE)
    return tuple(_kept(found, ignore_case) for found in _candidates(_parser.parse(pattern).data))


def _kept(found: frozenset[str], ignore_case: int) -> tuple[str, ...]:
    words = {w.lower() for w in found} if ignore_case else set(found)
    # a string that contains another is implied by it: keep the shorter
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def _needed(items) -> frozenset[str] | None:
    """The best set of needed strings of a sequence: the one whose shortest string is longest."""
    candidates = _candidates(items)
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _candidates(items) -> list[frozenset[str]]:
    """The sets of needed strings of a sequence: each run of literals is one, each required group or
    alternation another."""
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
    return candidates


class Prefilter:
    """Whether a text may match ``pattern`` (a compiled pattern or its source): one of its needed literals occurs
    in it (with ``every``: one of each set :func:`needed_literal_sets` reads). A pattern that ignores case is
    asked about lower-cased text. ``Prefilter.plain = True`` turns every test off (every text may match): the
    reference mode the tests compare with."""

    plain = False

    __slots__ = ("pattern", "literals", "more")

    def __init__(self, pattern, *, every: bool = False) -> None:
        self.pattern = pattern
        source = getattr(pattern, "pattern", pattern)
        ignore_case = bool(getattr(pattern, "flags", 0) & re.IGNORECASE)  # the same flag in ``regex``
        self.literals = needed_literals(source, ignore_case)
        # the other sets, asked only where the best one lets a text through
        sets = needed_literal_sets(source, ignore_case) if every else ()
        self.more = tuple(found for found in sets if found != self.literals)

    def may_match(self, text: str) -> bool:
        if self.literals is None or Prefilter.plain:
            return True
        for literal in self.literals:
            if literal in text:
                break
        else:
            return False
        for found in self.more:
            if not any(literal in text for literal in found):
                return False
        return True
