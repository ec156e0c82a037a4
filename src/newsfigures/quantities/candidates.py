"""Number candidates: every place a number is written, in digits ("1,250", "24-1/8", "1.8155/60"), in words
("twenty-five", "half a million") or as a fraction of a point ("a quarter of a percentage point").

One pattern with three named branches (``fraction``, ``digits``, ``words``) says what a candidate is; its
``finditer`` is the reference reading (``number_candidates(..., reference=True)``). The fast reading scans the
three branches apart and merges them, which gives exactly the same matches: at each step the earliest head wins
(the first branch on a tie), and a branch whose head starts inside the match just taken searches again from its
end. A branch that begins with a word is tried only where a filter over the text's index fold
(``text.pattern_index.fold_for_index``) says it can begin; each filter is written from its branch's own parse
(``folded_pattern``), so it finds every place the branch can match and cannot fall out of step with it; and it is
run only over a text whose fold holds one of the strings every match of the branch contains (``text.prefilter``,
read from the branch's source: "point" for a fraction of a point).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

import regex

from ..resources import per_patterns
from ..text.fastre import compile_fast
from ..text.pattern_index import fold_char, fold_for_index, folded_pattern, parse_pattern, start_prefixes
from ..text.prefilter import Prefilter
from .numbers import lexicon


def alternation(words, *, flags: str = "") -> str:
    """Words as a longest-first alternation; a space in a phrase matches any run of white space."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    body = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


# Wire copy writes fractions of a point or a dollar as "1/2" and "24-1/8" (eighths to sixty-fourths).
_FRACTION = r"(?:64|32|16|2|4|8)(?![\d/]|\.\d)"  # a full stop after it ends the sentence
# a decimal part, with a dealing quote's offer after it: "1.8155/60", "143.90/144.00"
_DECIMAL = r"(?:\.\d++(?:/\d\d++(?:\.\d++)?+)?+)?+"
# A run of digits not glued to one before it, with Indian and spaced groups and wire fractions. Its first digit
# is matched before the look-behind, which then looks at that digit and the one before: a pattern that opens
# with a class lets the standard engine's search skip ahead to the next digit.
DIGITS = (
    rf"\d(?<!\d\d)(?:\d?/{_FRACTION}"
    r"|(?:\d{0,2}(?:[,\u00a0\u202f\u2009](?:\d{2}[,\u00a0\u202f\u2009])*+\d{3}(?!\d))++"
    rf"{_DECIMAL}|\d*+{_DECIMAL})(?:-\d\d?/{_FRACTION})?+)"
)
FRACTION_OF_POINT = (
    r"\b(?<![\w-])(?:(?:(?:a|one|three|two)[\s-]+(?:quarters?|halfs?|thirds?|tenths?|fifths?)\s+of\s+a"
    r"|half\s+(?:of\s+)?a|a)\s+(?:percentage|per\s?cent)[\s-]+points?"
    r"|(?:a|one|three)[\s-]+(?:quarters?|half)[\s-]+(?:percentage[\s-]+)?points?"
    r"|half\s+a\s+point"
    r"|(?:a\s+)?(?:one|two|three|full)-(?:percentage-)?point(?=\s+[a-z]))(?![\w-])"  # "a one-point rise"
)


def _words_source() -> str:
    """Written numbers from the lexicon: "seven", "twenty-five", "a dozen", "half a million", "two hundred and
    fifty"; "and" joins words only after a hundred or a scale ("between one and two" is two numbers)."""
    lex = lexicon()
    number_words = list(lex["words"]) + list(lex["hundred"]) + list(lex["dozen"])
    scale_words = list(lex["scales"])
    word_atom = alternation(number_words + scale_words)
    scales = alternation(scale_words + list(lex["dozen"]) + list(lex["hundred"]))
    return (
        rf"\b(?<![\w-])(?:(?:half\s+)?an?\s+{scales}(?:\s+and\s+{alternation(number_words)})?|{alternation(number_words)})"
        rf"(?:(?:\s+|-)(?:{scales}\s+and\s+)?{word_atom})*+(?![\w-])"
    )


def _start_filter(source: str) -> re.Pattern | None:
    """Where a branch may begin, over ``" " + fold_for_index(text)``: a standard ``re`` pattern written from the
    branch's parse. It matches at the character before the start (the branch opens with ``(?<![\\w-])``, and only
    such characters fold outside ``[a-z0-9_-]``), first tests the letters a match can begin with, then the folded
    branch. None when the branch may begin with anything: the text itself is searched."""
    node = _required_head(parse_pattern(source, verbose=False))
    prefixes = start_prefixes(node)[0]
    if not prefixes or "" in prefixes:
        return None
    initials = "".join(sorted({re.escape(p[0]) for p in prefixes}))
    return re.compile(rf"[^a-z0-9_\-](?=[{initials}])(?={folded_pattern(node)})")


def _required_head(node: tuple) -> tuple:
    """A sequence up to its first optional part ("twenty" of "twenty(?:-five)*"): every match begins with a
    match of it, and a filter need not read further."""
    if node[0] != "seq":
        return node
    items = node[1]
    cut = next((i for i, item in enumerate(items) if i and item[0] == "repeat" and item[2] == 0), len(items))
    return ("seq", items[:cut])


@dataclass(frozen=True)
class CandidateGrammar:
    """The one candidate pattern, its branches as scans of their own, where each scan may begin, and what a
    text's index fold must hold for a filtered scan to match in it."""

    one: regex.Pattern
    scans: tuple
    filters: tuple
    needs: tuple


@per_patterns
def candidate_grammar() -> CandidateGrammar:
    """Compile the candidate pattern and its branch scans once."""
    branches = {"fraction": FRACTION_OF_POINT, "digits": DIGITS, "words": _words_source()}
    one = compile_fast("|".join(f"(?P<{name}>{source})" for name, source in branches.items()), regex.IGNORECASE)
    # The groups of the other branches are there, never matching, so that every match reads like one of ``one``.
    scans = tuple(
        compile_fast(
            rf"(?P<{name}>{source})" + "".join(f"(?P<{other}>(?!))?" for other in branches if other != name),
            regex.IGNORECASE,
        )
        for name, source in branches.items()
    )
    filters = tuple(None if name == "digits" else _start_filter(source) for name, source in branches.items())
    needs = tuple(_fold_needs(scan) if where is not None else None for scan, where in zip(scans, filters))
    return CandidateGrammar(one, scans, filters, needs)


def _fold_needs(scan) -> Prefilter | None:
    """The strings one of which every match of ``scan`` contains, to be asked of the index fold: only when each of
    their characters folds to itself (lower-case letters; not digits, which fold to ``0``), else None."""
    needs = Prefilter(scan)
    if needs.literals is None or any(fold_char(c) != c for literal in needs.literals for c in literal):
        return None
    return needs


def number_candidates(text: str, index_fold: str | None = None, *, reference: bool = False) -> Iterator:
    """The matches of the candidate pattern in ``text``, in order. ``index_fold``: ``fold_for_index(text)`` if
    the caller has it. ``reference``: run the one pattern's ``finditer`` (what the fast reading must equal)."""
    grammar = candidate_grammar()
    if reference:
        yield from grammar.one.finditer(text)
        return
    padded = None
    searches = []
    for scan, where, needs in zip(grammar.scans, grammar.filters, grammar.needs):
        if where is None:
            searches.append(partial(scan.search, text))
        else:
            if padded is None:
                padded = " " + (fold_for_index(text) if index_fold is None else index_fold)
            if needs is not None and not needs.may_match(padded):
                continue  # the branch has no match in this text
            searches.append(_Search(scan, text, [m.start() for m in where.finditer(padded)]))
    yield from _merged(searches)


def _merged(searches: list) -> Iterator:
    """The earliest head of the searches, again and again; a head inside the match taken searches again from its end."""
    heads = [search(0) for search in searches]
    while True:
        best = None
        for i, head in enumerate(heads):
            if head is not None and (best is None or head.start() < heads[best].start()):
                best = i
        if best is None:
            return
        match = heads[best]
        yield match
        end = match.end()
        for i, head in enumerate(heads):
            if head is not None and head.start() < end:
                heads[i] = searches[i](end)


class _Search:
    """``scan.search(text, pos)`` for a scan that can only match at ``starts`` (sorted): the first of
    them from ``pos`` where it matches (a match at a position does not depend on where the search began)."""

    __slots__ = ("match", "text", "starts", "next")

    def __init__(self, scan: regex.Pattern, text: str, starts: list[int]) -> None:
        self.match = scan.match
        self.text = text
        self.starts = starts
        self.next = 0  # searches go forward: where the last one left the list

    def __call__(self, pos: int) -> regex.Match | None:
        starts, text, match = self.starts, self.text, self.match
        low = self.next if self.next == 0 or starts[self.next - 1] < pos else 0
        for index in range(bisect_left(starts, pos, low), len(starts)):
            found = match(text, starts[index])
            if found is not None:
                self.next = index + 1
                return found
        self.next = len(starts)
        return None
