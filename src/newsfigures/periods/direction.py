"""Whether the clause around a period points forward (``will``, ``expected``, ``next``...) or back (``said``,
``rose``, ``was``...): the nearest cue before the period in its clause wins, else the nearest after it, else
the nearest before it in the sentence.

The cue lists of ``patterns/periods/calendar.json`` are compiled here (:func:`direction_patterns`); a text's cues are
found only in the sentences whose periods ask for a direction, all lists in one scan
(:class:`~newsfigures.periods.cues.CueScanner`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import regex

from ..resources import per_patterns
from .cues import CueList, CueScanner, cue_pattern, plain_cue_pattern
from ..text.regex_tree import consumed_chars, fold_for_index
from .rules import lexicon

CUE_WINDOW = 200
DIRECTION_KINDS = ("forward", "backward", "backward_words", "breaks")  # the order of direction_patterns()
SYNC_REACH = 256  # characters read back from a sentence for a point no cue runs across (else: the whole text)
_WORD = regex.compile(r"\w")
_WORDS_BEFORE = regex.compile(r"\w++")
# what may stand before a period that opens its clause: "In March,", "By the end of the first half,"
_OPENING_WORDS = frozenset(
    "in by at on for during since the of end start beginning first last early late mid as from until through over "
    "after before this next each every and but so also then".split()
)

Offsets = tuple[list[int], list[int]]  # the starts and the ends of a list's cues


@per_patterns
def _cue_lists() -> tuple[CueList, ...]:
    """The direction cue lists of the lexicon, with their patterns, in the order of :data:`DIRECTION_KINDS`."""
    raw = lexicon().raw
    backward_patterns = tuple(raw.get("backward_cue_patterns", ()))
    return (
        CueList(cue_pattern(raw["forward_cues"]), raw["forward_cues"]),
        CueList(cue_pattern(raw["backward_cues"], backward_patterns), raw["backward_cues"], backward_patterns),
        CueList(cue_pattern(raw["backward_cues"]), raw["backward_cues"]),
        CueList(plain_cue_pattern(raw["clause_breaks"]), raw["clause_breaks"], words=False),
    )


def direction_patterns() -> tuple[regex.Pattern, ...]:
    """The patterns of the direction cues, in the order of :data:`DIRECTION_KINDS`."""
    return tuple(cues.pattern for cues in _cue_lists())


@per_patterns
def _direction_scanner() -> tuple[CueScanner, re.Pattern | None]:
    """A scanner for the cues of :data:`DIRECTION_KINDS`, and a pattern for the folded characters none
    of their matches can hold (None: any may)."""
    scanner = CueScanner(_cue_lists())
    held = {"?"}  # a class of letters may match a character folded to "?" ((?i)[A-Z] takes the dotless i)
    for pattern in direction_patterns():
        chars = consumed_chars(pattern)
        if chars is None:
            return scanner, None
        held |= chars
    return scanner, re.compile("[^" + "".join(re.escape(c) for c in sorted(held)) + "]")


def _nearest_offset(offsets: Offsets, start: int, stop: int, last: bool) -> int | None:
    """Of cues given by their starts and ends, the end of the last one ending by ``stop`` (``last``)
    or the start of the first one beginning at ``start``, if that cue lies in ``start:stop``."""
    starts, ends = offsets
    if last:
        i = bisect_right(ends, stop) - 1
        return ends[i] if i >= 0 and starts[i] >= start else None
    i = bisect_left(starts, start)
    return starts[i] if i < len(starts) and ends[i] <= stop else None


def nearest_cue(cues: dict[str, Offsets], start: int, stop: int, *, last: bool, backward: str = "backward") -> str | None:
    """The kind of the nearest cue in ``start:stop`` (the last, or the first): from the cues of a
    stretch holding every match of the whole text that begins in it, the same answer as from
    the whole text's, when the stretch holds ``start:stop`` - the last match ending by ``stop``,
    or the first beginning at ``start``, is the whole text's if it lies in the stretch, and if
    not, the whole text has none in ``start:stop`` either."""
    if stop <= start:
        return None
    forward_at = _nearest_offset(cues["forward"], start, stop, last)
    backward_at = _nearest_offset(cues[backward], start, stop, last)
    if backward_at is None:
        return None if forward_at is None else "forward"
    if forward_at is None:
        return "backward"
    # nearest wins; on a tie ("expected" is both a cue and an -ed word) forward wins
    if last:
        return "forward" if forward_at >= backward_at else "backward"
    return "forward" if forward_at <= backward_at else "backward"


def _first_break(cues: dict[str, Offsets], start: int, stop: int) -> tuple[int, int] | None:
    starts, ends = cues["breaks"]
    i = bisect_left(starts, start)
    return (starts[i], ends[i]) if i < len(starts) and ends[i] <= stop else None


class DirectionCues:
    """The direction cues of one text, found sentence by sentence as periods ask (see the module docstring)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # stretches of the text whose direction cues were found: (start, stop, cues), sorted by start
        self._stretches: list[tuple[int, int, dict[str, Offsets]]] = []
        self._stretch_starts: list[int] = []  # their starts, to bisect
        self._padded: str | None = None  # a space and the folded text, for the cue scanner

    def direction(self, start: int, end: int, sentence: tuple[int, int]) -> str | None:
        """``"forward"`` or ``"backward"`` from the cues around ``text[start:end]`` in ``sentence``, or None.

        The nearest cue before the period in its clause wins; else the nearest after it in its
        clause (listed words only: an ``-ed`` word after a period is often an adjective);
        else the nearest before it anywhere in the sentence (clause breaks such as
        ``and`` also join nouns: "flights between Australia and India by August").
        """
        sent_start, sent_end = sentence
        cues = self._cues(sent_start, sent_end)  # every question below stays in the sentence
        left_from = max(sent_start, start - CUE_WINDOW)
        cut = _nearest_offset(cues["breaks"], left_from, start, last=True)
        found = nearest_cue(cues, cut if cut is not None else left_from, start, last=True)
        if found is not None:
            return found
        right_to = min(sent_end, end + CUE_WINDOW)
        first = _first_break(cues, end, right_to)
        stop = first[0] if first else right_to
        if first and not _WORD.search(self.text, end, stop) and self._opens_clause(cut, left_from, start):
            # "In March, exports will ..." - the period opens the sentence; read the next clause. Not when it
            # ends a clause of its own: "The bank, which cut rates in August, is expected to hold".
            nxt = _first_break(cues, first[1], right_to)
            stop = nxt[0] if nxt else right_to
        found = nearest_cue(cues, end, stop, last=False, backward="backward_words")
        if found is not None:
            return found
        return nearest_cue(cues, left_from, start, last=True)

    def _opens_clause(self, cut: int | None, left_from: int, start: int) -> bool:
        """Whether only words such as "in", "by the end of" stand between the clause start and ``start``."""
        clause_start = cut if cut is not None else left_from
        return all(w.lower() in _OPENING_WORDS for w in _WORDS_BEFORE.findall(self.text, clause_start, start))

    def _cues(self, start: int, stop: int) -> dict[str, Offsets]:
        """Start and end offsets of the cues and clause breaks of :data:`DIRECTION_KINDS`: every
        match of the whole text that begins in a stretch around ``start:stop``.

        A stretch begins just after a character no cue can hold (a digit, a full stop...), or at the
        start of the text: no match of the whole text runs across such a point, so ``finditer`` from
        there finds exactly the matches of the whole text that begin in the stretch. Answers about
        ``a:b`` inside the stretch are then those the whole text gives (see :func:`nearest_cue`). With
        no such character near, the stretch is the whole text (so that the work stays linear in the text)."""
        stretches = self._stretches
        i = bisect_right(self._stretch_starts, start) - 1
        if i >= 0 and stretches[i][1] >= stop:
            return stretches[i][2]
        scanner, barrier = _direction_scanner()
        if self._padded is None:
            self._padded = " " + fold_for_index(self.text)
        low, high = 0, len(self.text)
        if barrier is not None:
            # the last character before ``start`` that no cue holds, if one is near
            back = max(0, start - SYNC_REACH)
            found = barrier.search(self._padded[back + 1 : start + 1][::-1])
            if found is not None or back == 0:
                low, high = start - found.start() if found is not None else 0, stop
        cues = dict(zip(DIRECTION_KINDS, scanner.find(self.text, self._padded, low, high)))
        stretches.insert(i + 1, (low, high, cues))
        self._stretch_starts.insert(i + 1, low)
        return cues
