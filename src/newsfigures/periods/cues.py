"""The cues of direction in a stretch of text, found in one pass of one standard ``re`` pattern.

:meth:`~newsfigures.periods.context.ResolutionContext.direction` reads four lists of matches in
a period's sentence: forward cues, backward cues (words, and patterns such as ``[A-Za-z]{2,}ed``),
the backward words alone, and clause breaks - each exactly the ``finditer`` matches of its
``regex`` pattern (written by :func:`cue_pattern`). A
:class:`~newsfigures.text.pattern_index.PatternIndex` confirming each candidate with ``pattern.match``
cost about 20 us a sentence, mostly in those calls. A :class:`CueScanner` reads the folded text
(:func:`~newsfigures.text.pattern_index.fold_for_index`) with one pattern that stops at each non-word
character and captures, in lookaheads, what begins at that character (symbols, clause breaks)
or just after it (the longest word cue of any list, a word a cue pattern matches). The pattern
is written from the lists so that on folded text

- it finds every cue the ``regex`` pattern finds: where a folded character cannot tell
  (``?`` stands for every other non-ASCII character) it assumes a match, and a class also
  takes ``?`` (``(?i)[A-Z]`` matches the dotless ``ı``);
- where no ``?`` lies from the first character a cue's pattern looks at to the one after the
  cue, what it finds is the ``regex`` match itself: there the folded alphabet is faithful (a
  lower-case ASCII letter matches a character case-insensitively exactly where it folds to
  that letter, and ``\\s`` and ``\\w`` exactly where they fold to a space or to ``[a-z0-9_]``;
  a test checks all of Unicode), and an alternative the ``regex`` tries first would only fail
  where the scan fails too.

Any other candidate - a word cue near a ``?``, a clause break not written as listed
(``" AND "``, a tab for its space), a cue pattern the scan cannot read exactly - is confirmed
with the ``regex`` pattern at its start. Every start where a list's pattern matches is thus
tried, in order, skipping those inside its previous match: the matches of ``finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import regex

from ..text.fastre import prefix_alternation
from ..text.regex_tree import UnsupportedPattern, fold_char, parse_pattern, with_possessive_runs
from .rules import alternation

# a participle after a form of "be" says nothing of tense ("will be named"); the auxiliary does
AUXILIARIES = ("be", "been", "being", "is", "are", "am")
_WORDLIKE = frozenset("abcdefghijklmnopqrstuvwxyz0_")  # folded characters that only come from \w ones
_STOP = "[^a-z0-9_]"
_NOT_BEFORE_WORD = "(?![a-z0-9_])"  # (?!\w) on folded text, taking "?" for a non-word character
# a cue pattern read exactly: a word of at least n letters ending in a suffix ("[A-Za-z]{2,}ed")
_SUFFIX_WORD = re.compile(r"\[A-Za-z\]\{(\d+),\}([a-z]+)")


def cue_pattern(items: Sequence[str], patterns: Sequence[str] = ()) -> Any:
    """The ``regex`` pattern of a list of cue words (any case; a space matches a run of white space),
    after cue patterns (each matched as a word, not after an auxiliary such as "be")."""
    behind = "|".join(AUXILIARIES)
    parts = [f"(?<!\\w)(?<!\\b(?:{behind})\\s){p}(?!\\w)" for p in patterns]
    # the words share one (?<!\w)...(?!\w) around a trie of them (see periods.rules.alternation);
    # cues that begin with a symbol ("'ll") cannot match where a word does, so they come apart
    words = [item for item in items if item[0].isalnum()]
    if words:
        parts.append(f"(?<!\\w){alternation(words, escape=True)}(?!\\w)")
    for item in sorted((item for item in items if not item[0].isalnum()), key=len, reverse=True):
        parts.append(regex.escape(item).replace("\\ ", r"\s+") + "(?!\\w)")
    return regex.compile(with_possessive_runs("|".join(parts), verbose=False), regex.IGNORECASE)


def plain_cue_pattern(items: Sequence[str]) -> Any:
    """The ``regex`` pattern of a list of strings matched anywhere, in any case (a space is a space)."""
    return regex.compile(alternation(items, escape=True, any_space=False), regex.IGNORECASE)


@dataclass(frozen=True)
class CueList:
    """A list of cues as :func:`cue_pattern` (``words``) or :func:`plain_cue_pattern` writes it, and its pattern."""

    pattern: Any
    items: Sequence[str]
    patterns: Sequence[str] = ()
    words: bool = True


# Writing the scan --------------------------------------------------------------


def _folded_trie(items: Sequence[str], space: str) -> str:
    """Items as a trie over the folded alphabet (a space becomes ``space``); an item that begins another is an
    optional end, so the longer is tried first, as in periods.rules.alternation."""
    return prefix_alternation(set(items), char=lambda c: _folded_char(c, space))


def _folded_char(char: str, space: str) -> str:
    if char == " ":
        return space
    folded = fold_char(char)
    if folded == char and not char.isdigit():
        return re.escape(char)  # lower-case ASCII letters and ASCII symbols: exact
    # an upper-case 'I' also matches 'ı' (folded '?'), a digit any digit: found, then confirmed
    return f"[{re.escape(folded)}?]"


def _folded_superset(node: tuple) -> str:
    """A ``re`` source over the folded text matching wherever the parsed ``node`` matches the text
    (as text.pattern_index.folded_pattern, but a class also takes "?", and lookarounds are left out)."""
    kind = node[0]
    if kind == "chars":
        return "[" + "".join(re.escape(c) for c in sorted(node[1] | {"?"})) + "]"
    if kind == "any":
        return "[\\s\\S]"
    if kind == "word":
        return "[a-z0-9_?]"
    if kind in ("empty", "look"):
        return ""
    if kind == "seq":
        return "".join(f"(?:{_folded_superset(item)})" for item in node[1])
    if kind == "alt":
        return "|".join(f"(?:{_folded_superset(branch)})" for branch in node[1])
    _, item, low, high = node[:4]
    return f"(?:{_folded_superset(item)}){{{low},{'' if high is None else high}}}"


def _folded_cue_patterns(patterns: Sequence[str]) -> tuple[str, bool]:
    """The cue patterns as :func:`cue_pattern` writes them, over folded text, and whether exactly."""
    exact = all(_SUFFIX_WORD.fullmatch(p) for p in patterns)
    if exact:
        # "(?<!\b(?:be|...)\s)" as lookbehinds that refuse only where the folded text is sure (one for
        # each length: re's lookbehinds have a fixed width), tried only where a word has the shape
        behind = "".join(
            f"(?<!(?<![a-z0-9_?])(?:{'|'.join(w for w in AUXILIARIES if len(w) == size)}) )"
            for size in sorted({len(w) for w in AUXILIARIES})
        )
        branches = []
        for low, suffix in (_SUFFIX_WORD.fullmatch(p).groups() for p in patterns):
            shape = f"[a-z?]{{{low},}}{suffix}"
            branches.append(f"(?={shape}){behind}{shape}")
    else:
        try:
            branches = [_folded_superset(parse_pattern(p, verbose=False)) for p in patterns]
        except UnsupportedPattern:
            return "", False  # a pattern the parser cannot read: tried after every stop
    return "(?:" + "|".join(f"(?:{b})" for b in branches) + ")" + _NOT_BEFORE_WORD, exact


@dataclass(frozen=True)
class _Part:
    """One capturing lookahead of the scan.

    ``shift``: where its captures begin, from the stop (0: at it, 1: just after it). ``claims``:
    by captured string (``by_text``: by the text it covers), the matches it stands for where sure:
    ``(list number, length)`` for each list - see :meth:`CueScanner._word_claims`; None: if exact,
    the capture itself, for the one list of ``confirm``. ``confirm``: what to confirm with the
    ``regex`` patterns where not sure, ``(list number, None)``. ``reach``: the characters before
    a capture its pattern looks at."""

    source: str
    shift: int
    confirm: tuple[tuple[int, None], ...]
    claims: dict[str, tuple[tuple[int, int], ...]] | None = None
    by_text: bool = False
    exact: bool = True
    reach: int = 1


class CueScanner:
    """Finds the ``finditer`` matches of several :class:`CueList` patterns in a stretch of a text at once."""

    def __init__(self, lists: Sequence[CueList]) -> None:
        self.lists = tuple(lists)
        parts = []
        word_lists = [number for number, cues in enumerate(self.lists) if cues.words]
        for number, cues in enumerate(self.lists):
            if not cues.words:
                if any(fold_char(item[:1]) in _WORDLIKE for item in cues.items):
                    raise ValueError(f"a clause break must begin with a non-word character: {cues.items!r}")
                # sure where the text spells an item: the scan reads a tab, say, as the space of " and "
                claims = {item: ((number, len(item)),) for item in cues.items}
                parts.append(_Part(_folded_trie(cues.items, " "), 0, ((number, None),), claims, by_text=True))
                continue
            if cues.patterns:  # after a stop: (?<!\w) holds
                source, exact = _folded_cue_patterns(cues.patterns)
                reach = len(max(AUXILIARIES, key=len)) + 2  # "being " and the character before it
                parts.append(_Part(source, 1, ((number, None),), exact=exact, reach=reach))
            symbols = [item for item in cues.items if not item[0].isalnum()]
            if any(fold_char(item[0]) in _WORDLIKE for item in symbols):
                raise ValueError(f"a cue that is not a word must begin with a non-word character: {symbols!r}")
            if symbols:  # no (?<!\w): "we'll" - they begin at a stop
                trie = _folded_trie(symbols, " +") + _NOT_BEFORE_WORD
                parts.append(_Part(trie, 0, ((number, None),), self._word_claims({number: symbols})))
        # the words of all lists in one trie: where several match, they begin one another, the longest captured
        words = {n: [item for item in self.lists[n].items if item[0].isalnum()] for n in word_lists}
        words = {n: items for n, items in words.items() if items}
        if words:
            trie = _folded_trie(sorted({item for items in words.values() for item in items}), " +") + _NOT_BEFORE_WORD
            parts.append(_Part(trie, 1, tuple((n, None) for n in words), self._word_claims(words)))
        # at each stop, captures at the stop come first, then those after it (a list's cue pattern
        # before its words, as in the regex): each list's candidates come in order of position
        parts.sort(key=lambda part: part.shift)
        captures = [f"(?=({part.source}))" if part.shift else f"(?<=(?=({part.source})).)" for part in parts]
        # a stop is reported only where some part captures, each tried once: C0 C1? C2? | C1 C2? | C2;
        # ``_parts`` gives the part of each group, in the order of the groups (of those that capture,
        # a stop's parts in order)
        branches = [
            captures[first] + "".join(f"(?:{c})?" for c in captures[first + 1 :]) for first in range(len(parts))
        ]
        self._scan = re.compile(f"{_STOP}(?:{'|'.join(branches)})")
        self._parts = tuple(part for first in range(len(parts)) for part in parts[first:])
        self._matchers = [cues.pattern.match for cues in self.lists]

    @staticmethod
    def _word_claims(words: dict[int, list[str]]) -> dict[str, tuple[tuple[int, int], ...]]:
        """For each cue of any list, as the scan captures it where sure (one space between words),
        the cue each list finds where it stands: its longest item that is the whole of it, or
        begins it and ends before a non-word character ("due" in "due to")."""
        claims = {}
        for item in {item for items in words.values() for item in items}:
            if any(char != " " and (fold_char(char) != char or char.isdigit()) for char in item):
                continue  # not read exactly (see _folded_char): always confirmed
            found = []
            for number, items in words.items():
                lengths = [len(w) for w in items if item == w or (item.startswith(w) and item[len(w)] not in _WORDLIKE)]
                if lengths:
                    found.append((number, max(lengths)))
            claims[item] = tuple(found)
        return claims

    def find(self, text: str, padded: str, start: int, stop: int) -> list[tuple[list[int], list[int]]]:
        """For each list, the starts and ends of the ``finditer`` matches of its pattern that begin
        in ``start:stop``, over a stretch beginning at ``start`` where no match of the whole text
        runs across (the caller's to know). ``padded``: a space and then ``fold_for_index(text)``."""
        found: list[tuple[list[int], list[int]]] = [([], []) for _ in self.lists]
        ends = [start] * len(self.lists)  # where each list's previous match ended
        matchers = self._matchers
        for stop_match in self._scan.finditer(padded, start):
            at = stop_match.start() - 1  # the stop's position in the text (padded is one ahead)
            if at >= stop:
                break
            for part, captured in zip(self._parts, stop_match.groups()):
                if captured is None:
                    continue
                position = at + part.shift
                if position < start or position >= stop:
                    continue
                if part.by_text:
                    claims = part.claims.get(text[position : position + len(captured)])
                # sure where no "?" lies from the first character the pattern reads to the one after the capture
                elif "?" in padded[max(0, position + 1 - part.reach) : position + len(captured) + 2]:
                    claims = None
                elif part.claims is not None:
                    claims = part.claims.get(captured)
                else:
                    claims = ((part.confirm[0][0], len(captured)),) if part.exact else None
                for number, size in claims or part.confirm:
                    if position < ends[number]:
                        continue  # inside the list's previous match, as in finditer
                    if size is None:
                        match = matchers[number](text, position)
                        if match is None:
                            continue
                        size = match.end() - position
                    found[number][0].append(position)
                    found[number][1].append(position + size)
                    ends[number] = position + size
        return found
