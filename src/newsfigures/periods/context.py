"""What a period needs to know about its surroundings to be resolved.

A :class:`ResolutionContext` is built once per text. It answers, lazily and in
linear time overall:

- which sentence a character offset lies in (a light splitter that knows
  ``Dec.``, ``Mr.``, ``U.S.``, initials);
- whether the clause around a period points forward (``will``, ``expected``,
  ``next``...) or back (``said``, ``rose``, ``was``...): the nearest cue before
  the period in its clause wins, else the nearest after it, else "back";
- which fiscal-year convention applies (the nearest cue in the sentence, else
  the most frequent cue in the text, else the calendar year);
- the period the sentence is about so far (for ``a year earlier``, ``the previous
  quarter``) and the year it is set in (for ``in 2023 ... in the fourth quarter``).

The cue lists are compiled here (:func:`cue_patterns`). The fiscal cues are matched in the
same pass over the text as the period rules (:mod:`newsfigures.text.pattern_index`); the cues of
direction only in the sentences whose periods ask for one (:meth:`ResolutionContext._direction_cues`),
all lists in one scan (:mod:`newsfigures.periods.cues`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

import regex

from .calendar import is_year_range
from .cues import CueList, CueScanner, cue_pattern, plain_cue_pattern
from ..text.pattern_index import PatternIndex, consumed_chars, fold_for_index
from .rules import lexicon

CUE_WINDOW = 200
CUE_KINDS = ("forward", "backward", "backward_words", "breaks", "fiscal")  # the order of cue_patterns()
_WORD = regex.compile(r"\w")
_WORDS_BEFORE = regex.compile(r"\w++")
# what may stand before a period that opens its clause: "In March,", "By the end of the first half,"
_OPENING_WORDS = frozenset(
    "in by at on for during since the of end start beginning first last early late mid as from until through over "
    "after before this next each every and but so also then".split()
)
YEAR_ANCHOR_REACH = 80  # chars from a year to a period that inherits it ('In 2023, ... in March')


@dataclass(frozen=True, slots=True)
class FiscalConvention:
    """When a country's fiscal year starts and which calendar year names it."""

    name: str
    start_month: int
    named_by: str  # "start" | "end"


_MONTH_NUMBERS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
# "(the|its) (fiscal|financial) year to/ended/ending/ends (in|on) June 30", "for the year to June 30"
_STATED_FISCAL = regex.compile(
    r"\b(?:(?:fiscal|financial)\s++year|(?:for|in)\s++the\s++year)\s++(?:that\s++|which\s++)?"
    r"(?:to|ended|ending|ends|end|(?<=(?:fiscal|financial)\s++year\s++(?:that\s++|which\s++)?)"
    r"(?P<start>began|begins|begin|started|starts|start|runs\s++from))\s++(?:in\s++|on\s++)?"
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\b",
    regex.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved period: inclusive dates (None when unresolvable), or a bare duration."""

    start: date | None
    end: date | None
    duration: str | None = None
    qualifier: str | None = None
    anaphoric: bool = False

    @property
    def is_year(self) -> bool:
        return is_year_range(self.start, self.end)


@lru_cache(maxsize=1)
def _patterns() -> dict:
    raw = lexicon().raw
    conventions = {}
    cue_groups = []
    for name, spec in raw["fiscal_conventions"].items():
        if name.startswith("_"):
            continue
        conventions[name] = FiscalConvention(name, int(spec["start_month"]), spec["named_by"])
        if spec["cues"]:
            cue_groups.append(f"(?P<{name}>(?<!\\w)(?:{'|'.join(spec['cues'])})(?!\\w))")
    breaks = raw["clause_breaks"]
    abbreviations = set(raw["sentence_abbreviations"])
    return {
        "forward": cue_pattern(raw["forward_cues"]),
        "backward": cue_pattern(raw["backward_cues"], tuple(raw.get("backward_cue_patterns", ()))),
        "backward_words": cue_pattern(raw["backward_cues"]),
        "breaks": plain_cue_pattern(breaks),
        # no convention has cues: a pattern that never matches
        "fiscal": regex.compile("|".join(cue_groups) if cue_groups else "(?!)"),
        "conventions": conventions,
        "abbreviations": abbreviations,
        "sentence_end": regex.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+"),
    }


def cue_patterns() -> tuple[regex.Pattern, ...]:
    """The patterns of the cues a context looks for, in the order of :data:`CUE_KINDS`."""
    pats = _patterns()
    return tuple(pats[kind] for kind in CUE_KINDS)


@lru_cache(maxsize=1)
def _cue_index() -> PatternIndex:
    return PatternIndex(cue_patterns())


DIRECTION_KINDS = ("forward", "backward", "backward_words", "breaks")  # the cues direction() reads
SYNC_REACH = 256  # characters read back from a sentence for a point no cue runs across (else: the whole text)


@lru_cache(maxsize=1)
def _direction_scanner() -> tuple[CueScanner, re.Pattern | None]:
    """A scanner for the cues of :data:`DIRECTION_KINDS`, and a pattern for the folded characters none
    of their matches can hold (None: any may)."""
    raw, pats = lexicon().raw, _patterns()
    # each list as _patterns() wrote its pattern
    scanner = CueScanner(
        [
            CueList(pats["forward"], raw["forward_cues"]),
            CueList(pats["backward"], raw["backward_cues"], tuple(raw.get("backward_cue_patterns", ()))),
            CueList(pats["backward_words"], raw["backward_cues"]),
            CueList(pats["breaks"], raw["clause_breaks"], words=False),
        ]
    )
    held = {"?"}  # a class of letters may match a character folded to "?" ((?i)[A-Z] takes the dotless i)
    for kind in DIRECTION_KINDS:
        chars = consumed_chars(pats[kind])
        if chars is None:
            return scanner, None
        held |= chars
    return scanner, re.compile("[^" + "".join(re.escape(c) for c in sorted(held)) + "]")


def _nearest_offset(offsets: tuple[list[int], list[int]], start: int, stop: int, last: bool) -> int | None:
    """Of cues given by their starts and ends, the end of the last one ending by ``stop`` (``last``)
    or the start of the first one beginning at ``start``, if that cue lies in ``start:stop``."""
    starts, ends = offsets
    if last:
        i = bisect_right(ends, stop) - 1
        return ends[i] if i >= 0 and starts[i] >= start else None
    i = bisect_left(starts, start)
    return starts[i] if i < len(starts) and ends[i] <= stop else None


class ResolutionContext:
    """Per-text state for resolving periods (see the module docstring).

    ``cue_matches``, if given, holds the matches of some patterns of :func:`cue_patterns` in
    the text by kind (the fiscal ones, found in the same pass as the rules'); the context finds
    the others itself when it first needs them.
    """

    def __init__(
        self,
        text: str,
        published: date | None,
        cue_matches: dict[str, list] | None = None,
        resolve_inner: Callable[[str, ResolutionContext, tuple[int, int]], Resolved | None] | None = None,
    ) -> None:
        self.text = text
        self.published = published
        # reads a short date phrase on its own with the period rules (the end of "the three months to November");
        # given by the period finder, which holds the rules, so that the specs need not import it
        self.resolve_inner = resolve_inner or (lambda text, ctx, span: None)
        self.assumed_direction: str | None = None  # set while resolving "ended March 31" (the past)
        self._resolved: list[tuple[int, int, Resolved, str]] = []
        self._cue_matches = dict(cue_matches or {})
        # stretches of the text whose direction cues were found: (start, stop, cues), sorted by start
        self._stretches: list[tuple[int, int, dict[str, tuple[list[int], list[int]]]]] = []
        self._stretch_starts: list[int] = []  # their starts, to bisect
        self._padded: str | None = None  # a space and the folded text, for the cue scanner

    def _cues(self, kind: str) -> list:
        """The matches of one cue pattern over the whole text."""
        if kind not in self._cue_matches:
            self._cue_matches.update(zip(CUE_KINDS, _cue_index().finditer(self.text)))
        return self._cue_matches[kind]

    def _direction_cues(self, start: int, stop: int) -> dict[str, tuple[list[int], list[int]]]:
        """Start and end offsets of the cues and clause breaks of :data:`DIRECTION_KINDS`: every
        match of the whole text that begins in a stretch around ``start:stop``.

        Cues are found only in the sentences whose periods need them. A stretch begins just after
        a character no cue can hold (a digit, a full stop...), or at the start of the text: no match
        of the whole text runs across such a point, so ``finditer`` from there finds exactly the
        matches of the whole text that begin in the stretch. Answers about ``a:b`` inside the
        stretch are then those the whole text gives (see :meth:`_nearest_cue`). With no such
        character near, the stretch is the whole text (so that the work stays linear in the text)."""
        stretches = self._stretches
        i = bisect_right(self._stretch_starts, start) - 1
        if i >= 0 and stretches[i][1] >= stop:
            return stretches[i][2]
        scanner, barrier = _direction_scanner()
        text = self.text
        low, high = 0, len(text)
        if barrier is not None:
            # the last character before ``start`` that no cue holds, if one is near
            back = max(0, start - SYNC_REACH)
            found = barrier.search(fold_for_index(text)[back:start][::-1])
            if found is not None or back == 0:
                low, high = start - found.start() if found is not None else 0, stop
        if self._padded is None:
            self._padded = " " + fold_for_index(text)
        cues = dict(zip(DIRECTION_KINDS, scanner.find(text, self._padded, low, high)))
        stretches.insert(i + 1, (low, high, cues))
        self._stretch_starts.insert(i + 1, low)
        return cues

    # Sentences -----------------------------------------------------------
    @cached_property
    def _sentence_starts(self) -> list[int]:
        pats = _patterns()
        text = self.text
        folded = None
        starts = [0]
        for match in pats["sentence_end"].finditer(text):
            stop = match.start()
            if text[stop] == ".":
                # the word before the full stop: the run of non-space characters ending there (or
                # before a newline there), within 20 characters - white space folds to " " (text.pattern_index)
                folded = fold_for_index(text) if folded is None else folded
                low = max(0, stop - 20)
                end = stop - 1 if stop > low and text[stop - 1] == "\n" else stop
                word = text[folded.rfind(" ", low, end) + 1 or low : end]
                word = word.lstrip("([\"'“‘")
                if word in pats["abbreviations"] or (len(word) == 1 and word.isupper()):
                    continue
            starts.append(match.end())
        return starts

    def sentence(self, position: int) -> tuple[int, int]:
        """The sentence ``(start, end)`` containing a character offset."""
        starts = self._sentence_starts
        index = bisect_right(starts, position) - 1
        end = starts[index + 1] if index + 1 < len(starts) else len(self.text)
        return starts[index], end

    # Direction -----------------------------------------------------------
    @staticmethod
    def _last_break_end(cues: dict, start: int, stop: int) -> int | None:
        return _nearest_offset(cues["breaks"], start, stop, last=True)

    @staticmethod
    def _first_break(cues: dict, start: int, stop: int) -> tuple[int, int] | None:
        starts, ends = cues["breaks"]
        i = bisect_left(starts, start)
        return (starts[i], ends[i]) if i < len(starts) and ends[i] <= stop else None

    def direction(self, start: int, end: int) -> str | None:
        """``"forward"`` or ``"backward"`` from the cues around ``text[start:end]``, or None if there are none.

        The nearest cue before the period in its clause wins; else the nearest after it in its
        clause (listed words only: an ``-ed`` word after a period is often an adjective);
        else the nearest before it anywhere in the sentence (clause breaks such as
        ``and`` also join nouns: "flights between Australia and India by August").
        """
        if self.assumed_direction is not None:
            return self.assumed_direction
        sent_start, sent_end = self.sentence(start)
        cues = self._direction_cues(sent_start, sent_end)  # every question below stays in the sentence
        left_from = max(sent_start, start - CUE_WINDOW)
        cut = self._last_break_end(cues, left_from, start)
        found = self._nearest_cue(cues, cut if cut is not None else left_from, start, last=True)
        if found is not None:
            return found
        right_to = min(sent_end, end + CUE_WINDOW)
        first = self._first_break(cues, end, right_to)
        stop = first[0] if first else right_to
        if first and not _WORD.search(self.text, end, stop) and self._opens_clause(cut, left_from, start):
            # "In March, exports will ..." - the period opens the sentence; read the next clause. Not when it
            # ends a clause of its own: "The bank, which cut rates in August, is expected to hold".
            nxt = self._first_break(cues, first[1], right_to)
            stop = nxt[0] if nxt else right_to
        found = self._nearest_cue(cues, end, stop, last=False, backward="backward_words")
        if found is not None:
            return found
        return self._nearest_cue(cues, left_from, start, last=True)

    def _opens_clause(self, cut: int | None, left_from: int, start: int) -> bool:
        """Whether only words such as "in", "by the end of" stand between the clause start and ``start``."""
        clause_start = cut if cut is not None else left_from
        return all(w.lower() in _OPENING_WORDS for w in _WORDS_BEFORE.findall(self.text, clause_start, start))

    def points_forward(self, start: int, end: int) -> bool:
        """Whether the clause around ``text[start:end]`` speaks of the future (default: no)."""
        return self.direction(start, end) == "forward"

    @staticmethod
    def _nearest_cue(cues: dict, start: int, stop: int, *, last: bool, backward: str = "backward") -> str | None:
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

    # Fiscal years --------------------------------------------------------
    @cached_property
    def _fiscal_cues(self) -> list[tuple[int, str]]:
        return [(m.start(), m.lastgroup) for m in self._cues("fiscal")]

    @cached_property
    def _stated_fiscal_year(self) -> FiscalConvention | None:
        """A fiscal year the article defines: "the financial year to June 30", "its fiscal year ends in
        March", "the year ended September 30" (with "fiscal" said somewhere) - named by its end year."""
        m = _STATED_FISCAL.search(self.text)
        if m is None or ("fiscal" not in self.text.lower() and "financial year" not in self.text.lower()):
            return None
        month = _MONTH_NUMBERS[m["month"][:3].lower()]
        if m["start"]:  # "whose fiscal year began on March 1": the year ends the month before
            month = (month - 2) % 12 + 1
        if month == 12:
            return None  # a year to December is the calendar year
        return FiscalConvention(f"stated_{month}", month % 12 + 1, "end")

    def fiscal_convention(self, position: int) -> FiscalConvention:
        """The fiscal-year convention for a period at ``position``: the one the article states, else the
        one its country cues point to, else the calendar year."""
        cued = self._cued_convention(position)
        stated = self._stated_fiscal_year
        if stated is None or stated.start_month == cued.start_month:
            return cued  # the country's convention also says how its years are named ("fiscal 2024" in Japan)
        return stated

    def _cued_convention(self, position: int) -> FiscalConvention:
        conventions = _patterns()["conventions"]
        cues = self._fiscal_cues
        if not cues:
            return conventions["calendar"]
        sent_start, sent_end = self.sentence(position)
        near = [(abs(pos - position), name) for pos, name in cues if sent_start <= pos < sent_end]
        if near:
            return conventions[min(near)[1]]
        counts = Counter(name for _, name in cues)
        return conventions[counts.most_common(1)[0][0]]

    # Anchors -------------------------------------------------------------
    def remember(self, start: int, end: int, resolved: Resolved, kind: str | None) -> None:
        """Record a resolved period (in text order) so later anaphors can use it."""
        self._resolved.append((start, end, resolved, kind or ""))

    def anchor(self, position: int) -> Resolved | None:
        """The period the sentence is about so far: the latest dated, non-anaphoric period before
        ``position`` in the same sentence, else in the previous sentence of the same paragraph."""
        sent_start, _ = self.sentence(position)
        prev_start = self.sentence(sent_start - 1)[0] if sent_start > 0 else sent_start
        if "\n" in self.text[prev_start:sent_start]:
            prev_start = sent_start
        for start, _end, resolved, kind in reversed(self._resolved):
            if start < prev_start:
                break
            if resolved.start is not None and not resolved.anaphoric and kind not in ("duration", "anchored"):
                return resolved
        return None

    def year_anchor(self, position: int) -> Resolved | None:
        """The latest year (calendar or fiscal) named shortly before ``position`` in the same sentence."""
        sent_start, _ = self.sentence(position)
        for start, end, resolved, kind in reversed(self._resolved):
            if start < sent_start or position - end > YEAR_ANCHOR_REACH:
                break
            if kind == "year" and resolved.is_year and not resolved.anaphoric:
                return resolved
        return None
