"""Run many ``regex`` patterns over a text with exactly the matches ``finditer`` gives, but fast.

Running each of the period rules (about 60) and the cue lists of the resolution
context over a news article costs tens of microseconds per pattern, as each is
tried at almost every position. A :class:`PatternIndex` instead

1. *folds* the text to a copy of the same length over a small alphabet
   (:func:`fold_for_index`): ASCII letters lower-cased, every digit ``0``, every white
   space a space, other non-ASCII characters ``?`` (but letters that match an
   ASCII letter case-insensitively, like ``ſ`` or the Kelvin sign, that letter);
2. computes, from each pattern's source, the folded strings its matches can begin
   with (:func:`start_prefixes`, up to :data:`PREFIX_LENGTH` characters). The sets
   over-approximate: lookarounds are skipped, a class becomes the folded forms of its
   members, a construct the parser does not know cuts the prefix short - so no match
   begins where none of its pattern's prefixes does;
3. scans the folded text once with the standard ``re`` module, stopping at each
   non-word character to look for the prefixes that begin at it or just after it
   (:class:`_Stops`), and tries each pattern with ``pattern.match`` only where one of
   its prefixes begins, in order, skipping positions inside its previous match. As
   every position where a pattern can match is tried, the matches are those of
   ``pattern.finditer(text)`` over the whole text.

A branch whose prefixes say little (``[A-Za-z]{2,}ed`` spells any word) is found by
a scan translated from it instead (:func:`folded_pattern`); a pattern the parser
cannot read, or that may match anywhere, is run over the whole text as before.
Everything stays linear in the text: a prefix is at most ``PREFIX_LENGTH`` long and a
scan reads one word.
The folding and the parsing live in :mod:`newsfigures.text.regex_tree`, the prefixes and checks in
:mod:`newsfigures.text.prefixes`. :meth:`PatternIndex.reference_finditer` is the plain reference mode.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from .prefixes import class_source, check_source, folded_pattern, start_prefixes
from .regex_tree import (
    WORD_CHARS,
    WORD_NODE,
    WORDLIKE,
    UnsupportedPattern,
    consumed_chars,
    fold_char,
    fold_for_index,
    parse_pattern,
    with_possessive_runs,
    pattern_tree,
)

__all__ = [
    "PatternIndex",
    "UnsupportedPattern",
    "check_source",
    "consumed_chars",
    "finditer_at",
    "fold_char",
    "fold_for_index",
    "parse_pattern",
    "with_possessive_runs",
]


# Running patterns at their candidate starts --------------------------------------------


def finditer_at(pattern: Any, text: str, starts: Sequence[int]) -> Iterator[Any]:
    """``pattern.finditer(text)``, trying only ``starts`` (sorted): exact when every match starts at one of them."""
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            end = max(match.end(), start + 1)


@dataclass(frozen=True)
class _Branch:
    """Where one top-level alternative of a pattern may match."""

    prefixes: frozenset[str] = frozenset()  # ... where one of these begins,
    scan: str | None = None  # ... or (when its prefixes say little) where this folded pattern matches,
    word_start: bool = False  # ... and only after a non-word character
    lossy: bool = False  # some prefixes were cut shorter than PREFIX_LENGTH


_WORD_START = ("look", WORD_NODE, True, False)  # (?<!\w)


def _split(node: tuple, word_start: bool = False) -> list[tuple[tuple, tuple, bool]]:
    """The top-level alternatives of a pattern: each as read for prefixes (without zero-width
    items at either end) and whole, with whether it matches only at word starts."""
    items = list(node[1]) if node[0] == "seq" else [node]
    while items and items[0][0] in ("look", "empty"):
        word_start = word_start or items[0] == _WORD_START
        items.pop(0)
    while items and items[-1][0] in ("look", "empty"):
        items.pop()
    if len(items) == 1 and items[0][0] == "alt":
        return [found for branch in items[0][1] for found in _split(branch, word_start)]
    return [(("seq", items), node, word_start)]


def pattern_branches(pattern: Any) -> list[_Branch] | None:
    """Where the alternatives of a compiled ``regex`` pattern may match, or None if anywhere."""
    if pattern.flags & (regex.FULLCASE | regex.REVERSE | regex.BESTMATCH | regex.ENHANCEMATCH):
        return None  # a character may match two (full case folding), or matches run backwards
    try:
        node = pattern_tree(pattern)
    except UnsupportedPattern:
        return None
    branches = []
    for branch, whole, word_start in _split(node):
        prefixes, says_little, lossy = start_prefixes(branch)
        if "" in prefixes:  # it may match anywhere, even the empty string
            return None
        if word_start and any(p.startswith(" ") for p in prefixes):
            return None  # (?<!\w)\s+...: the stops look for word-start prefixes after a non-word character only
        if not says_little:
            branches.append(_Branch(prefixes=prefixes, word_start=word_start, lossy=lossy))
        elif word_start and _within_a_word(whole):
            # read from each word start, a scan reads each word once: linear in the text
            branches.append(_Branch(scan=folded_pattern(whole), word_start=True))
        else:
            return None
    return branches


def _within_a_word(node: tuple) -> bool:
    """Whether every character ``node`` consumes is a word character (lookarounds aside)."""
    kind = node[0]
    if kind == "chars":
        return node[1] <= WORDLIKE | {"?"}
    if kind in ("seq", "alt"):
        return all(_within_a_word(item) for item in node[1])
    if kind == "repeat":
        return _within_a_word(node[1])
    return kind in ("word", "empty", "look")


class PatternIndex:
    """Runs a fixed list of compiled ``regex`` patterns over texts, each only where it can start.

    ``index.finditer(text)`` gives, for each pattern in order, the list of matches of
    ``pattern.finditer(text)``, from one pass over the folded text that stops at each non-word
    character (see :class:`_Stops`) and tries there only the patterns whose prefixes begin.
    Build once per list of patterns.
    """

    def __init__(self, patterns: Sequence[Any]) -> None:
        self.patterns = tuple(patterns)
        branches = [pattern_branches(p) for p in self.patterns]
        owners: dict[str, dict[str, set[int]]] = {"word": {}, "lead": {}, "other": {}}
        scans = []
        for number, found in enumerate(branches):
            for branch in found or ():
                if branch.scan is not None:
                    scans.append((branch.scan, number))
                for prefix in branch.prefixes:
                    # a prefix that begins with a non-word character is found where the scan stops on it
                    kind = "word" if branch.word_start else "other" if re.match(f"[{WORD_CHARS}]", prefix) else "lead"
                    owners[kind].setdefault(prefix, set()).add(number)
        self._stops = _Stops(owners["word"], owners["lead"], scans)
        # prefixes that begin with a word character anywhere (not after a non-word one) need a pass
        # of their own, stepping on each such character; their patterns are tried after the stops
        self._other = None
        if owners["other"]:
            trie = _Trie(owners["other"])
            first = class_source(frozenset(p[0] for p in owners["other"]))
            self._other = (re.compile(f"{first}(?<=(?=({trie.source})).)"), trie.owners)
        self._deferred = [any(n in numbers for numbers in owners["other"].values()) for n in range(len(self.patterns))]
        self._whole = [number for number, found in enumerate(branches) if found is None]
        self._matchers = [pattern.match for pattern in self.patterns]
        # a pattern some of whose prefixes had to be cut short is checked on the folded text first
        # ("the year" may begin "the year to March": most places found are not): an re match costs
        # a fraction of a regex one, most of it the call
        self._checks = [
            re.compile(check_source(pattern_tree(pattern))).match if any(b.lossy for b in found or ()) else None
            for pattern, found in zip(self.patterns, branches)
        ]
        # whether finditer can read a stretch of a text: every pattern is found from the stops alone
        self.sliceable = self._other is None and not self._whole and not any(self._deferred)

    def reference_finditer(self, text: str) -> list[list[Any]]:
        """The plain reference mode: for each pattern, the list of ``pattern.finditer(text)``. Slower by far
        (each pattern is tried at every position), and what :meth:`finditer` must give; tests compare them."""
        return [list(pattern.finditer(text)) for pattern in self.patterns]

    def finditer(
        self, text: str, folded: str | None = None, start: int = 0, stop: int | None = None
    ) -> list[list[Any]]:
        """For each pattern, the list of its ``finditer`` matches over ``text`` (``folded``: ``fold_for_index(text)``).

        With ``start``/``stop`` (only if :attr:`sliceable`): the matches that begin in ``start:stop``
        of ``pattern.finditer(text, start)``, the same as those of the whole text when no match
        of the whole text runs across ``start`` (the caller's to know). ``text[start - 1]`` must not be
        white space (a prefix that begins with a run of spaces is read from the start of the run).
        """
        folded = fold_for_index(text) if folded is None else folded
        limit = len(text) if stop is None else stop
        if (start or stop is not None) and not self.sliceable:
            raise ValueError("this index reads whole texts only")
        results: list[list[Any]] = [[] for _ in self.patterns]
        pending: dict[int, list[int]] = {}
        self._try_at_stops(text, folded, start, limit, results, pending)
        if self._other is not None:  # its prefixes begin with a word character, so not with a run
            pattern, owners = self._other
            for match in pattern.finditer(folded):
                for number in owners[match.group(1)]:
                    pending.setdefault(number, []).append(match.start())
        for number, positions in pending.items():
            results[number] = list(finditer_at(self.patterns[number], text, sorted(set(positions))))
        for number in self._whole:
            results[number] = list(self.patterns[number].finditer(text))
        return results

    def _try_at_stops(
        self, text: str, folded: str, start: int, limit: int, results: list[list[Any]], pending: dict[int, list[int]]
    ) -> None:
        """Try each pattern where one of its stop prefixes begins (in ``start:limit``), adding its matches to
        ``results``; the starts of a pattern tried after the stops go to ``pending``."""
        stops = self._stops
        matchers, checks, deferred = self._matchers, self._checks, self._deferred
        ends = [start] * len(self.patterns)
        for stop_match in stops.pattern.finditer(" " + folded, start) if stops.pattern is not None else ():
            stop = stop_match.start()
            if stop > limit:  # its positions lie at or after the limit
                break
            groups = stop_match.groups()
            for offset, owners, indices in stops.parts:
                for index in indices:
                    prefix = groups[index]
                    if prefix is not None:
                        break
                else:
                    continue
                position = stop + offset
                if prefix[:1] == " ":  # a prefix that begins with a run of spaces may begin anywhere in it
                    positions = range(max(position, 0), position + len(prefix) - len(prefix.lstrip(" ")))
                elif position >= 0:
                    positions = (position,)
                else:
                    continue
                numbers = owners[prefix]
                for position in positions:
                    if position >= limit:
                        break
                    for number in numbers:
                        if position < ends[number]:
                            continue  # inside this pattern's previous match, as in finditer
                        if deferred[number]:
                            pending.setdefault(number, []).append(position)
                            continue
                        check = checks[number]
                        if check is not None and check(folded, position) is None:
                            continue  # no match can begin here
                        match = matchers[number](text, position)
                        if match is not None:
                            results[number].append(match)
                            end = match.end()
                            ends[number] = end if end > position else position + 1


class _Trie:
    """Prefixes as one ``re`` pattern (``source``) that captures the longest one beginning at a
    position, with the patterns owning it or any shorter prefix of it (``owners``)."""

    def __init__(self, owners: dict[str, set[int]]) -> None:
        root: dict = {}
        for prefix in owners:
            node = root
            for char in prefix:
                node = node.setdefault(char, {})
            node[""] = {}
        self.source = _trie_source(root, top=True)
        self.owners = _Owners(
            (prefix, tuple(sorted(set().union(*(owners.get(prefix[:size], ()) for size in range(1, len(prefix) + 1))))))
            for prefix in owners
        )


class _Always(dict):
    """The owners of a scan: its one pattern, whatever the scan read."""

    def __init__(self, numbers: tuple[int, ...]) -> None:
        super().__init__()
        self.numbers = numbers

    def __missing__(self, key: str) -> tuple[int, ...]:
        return self.numbers


class _Owners(dict):
    """Patterns by prefix; a prefix read from the text has a run of spaces where the key has one space."""

    def __missing__(self, key: str) -> tuple[int, ...]:
        return self[_SPACE_RUN.sub(" ", key)]


_SPACE_RUN = re.compile(" {2,}")


class _Stops:
    """One pass over the folded text that stops at each non-word character and looks, after it,
    for word-start prefixes and scans, and at it, for prefixes that begin with it (``", "``, ``" and "``).

    For parts P0..Pn the pattern is ``[^\\w](?:P0 P1? .. Pn? | P1 P2? .. Pn? | .. | Pn)``, each part
    a capturing lookaround: a stop needs one part, and reports all the parts found there. The
    text is read with a space in front, so that a word at its very start follows a stop too.
    """

    def __init__(self, word: dict[str, set[int]], lead: dict[str, set[int]], scans: list[tuple[str, int]]) -> None:
        # (offset of the position from the stop, owners by prefix, lookaround with a group);
        # the big trie of word prefixes comes first, so that it is written (and compiled) once
        parts: list[tuple[int, dict[str, tuple[int, ...]], str]] = []
        if word:
            trie = _Trie(word)
            parts.append((0, trie.owners, f"(?=({trie.source}))"))
        if lead:
            trie = _Trie(lead)
            parts.append((-1, trie.owners, f"(?<=(?=({trie.source})).)"))
        parts += [(0, _Always((number,)), f"(?=({scan}))") for scan, number in scans]
        self.pattern = None
        if not parts:
            return
        branches = []
        groups: list[list[int]] = [[] for _ in parts]  # where each part's capture may be
        for first in range(len(parts)):
            branch = []
            for index in range(first, len(parts)):
                branch.append(f"(?:{parts[index][2]}){'?' if index > first else ''}")
                groups[index].append(sum(len(g) for g in groups))
            branches.append("".join(branch))
        self.pattern = re.compile(f"[^{WORD_CHARS}](?:{'|'.join(branches)})")
        # report a stop's parts in the order of their positions: the stop itself, then what follows it
        order = sorted(range(len(parts)), key=lambda index: parts[index][0])
        self.parts = tuple((parts[index][0], parts[index][1], tuple(groups[index])) for index in order)


def _trie_source(node: dict, top: bool = False) -> str:
    """The trie as a pattern that tries longer prefixes first (so a match captures the longest).

    A space reads a run of spaces; one that begins a prefix, only from the start of the run
    (each run is then read once; the caller tries every position of the run). Besides runs, it
    reads at most ``PREFIX_LENGTH`` characters, so that a scan stays linear in the text."""
    parts = []
    for char, child in sorted(node.items()):
        if char == " ":
            parts.append(("(?<! ) +" if top else " +") + _trie_source(child))
        elif char:
            parts.append(re.escape(char) + _trie_source(child))
    if "" in node:
        parts.append("")
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")"
