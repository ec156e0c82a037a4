"""What a period needs to know about its surroundings to be resolved.

A :class:`ResolutionContext` is built once per text and passed to the specs. It answers, lazily and in
linear time overall, by asking one unit per job:

- which sentence a character offset lies in (a light splitter that knows ``Dec.``, ``Mr.``, ``U.S.``,
  initials; here);
- whether the clause around a period points forward or back (:class:`~newsfigures.periods.direction.DirectionCues`);
- which fiscal-year convention applies (:class:`~newsfigures.periods.fiscal.FiscalHabits`);
- the period the sentence is about so far and the year it is set in
  (:class:`~newsfigures.periods.anchors.Anchors`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import date
from functools import cached_property

import regex

from ..resources import per_patterns
from .anchors import Anchors, Resolved
from .direction import DirectionCues
from .fiscal import FiscalConvention, FiscalHabits
from ..text.regex_tree import fold_for_index
from .rules import lexicon

__all__ = ["FiscalConvention", "ResolutionContext", "Resolved"]


@per_patterns
def _patterns() -> dict:
    """What the sentence splitter reads: the abbreviations that do not end a sentence, and sentence ends."""
    return {
        "abbreviations": set(lexicon().raw["sentence_abbreviations"]),
        "sentence_end": regex.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+"),
    }


class ResolutionContext:
    """Per-text state for resolving periods (see the module docstring).

    ``fiscal_cues``, if given, holds the matches of the fiscal cue pattern
    (:func:`~newsfigures.periods.fiscal.fiscal_conventions`) in the text, found in the same pass as the rules'.
    ``resolve_inner`` reads a short date phrase on its own with the period rules (the end of "the three months
    to November"); the period finder, which holds the rules, gives it, so that the specs need not import it.
    """

    def __init__(
        self,
        text: str,
        published: date | None,
        fiscal_cues: list | None = None,
        resolve_inner: Callable[[str, ResolutionContext, tuple[int, int]], Resolved | None] | None = None,
    ) -> None:
        self.text = text
        self.published = published
        self.resolve_inner = resolve_inner or (lambda text, ctx, span: None)
        self.assumed_direction: str | None = None  # set while resolving "ended March 31" (the past)
        # a results table's periods, once its heading is read: whether there is one, and the end it states
        # ("Qtr ends Jan 30"), which the later headings and notes ("Nine mths", "for the quarter") share
        self.reported_seen = False
        self.reported_end: date | None = None
        self._direction = DirectionCues(text)
        self._fiscal = FiscalHabits(text, self.sentence, fiscal_cues)
        self._anchors = Anchors(text, self.sentence)

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

    def direction(self, start: int, end: int) -> str | None:
        """``"forward"`` or ``"backward"`` from the cues around ``text[start:end]`` in its sentence, or None
        if there are none (:meth:`DirectionCues.direction`); the assumed direction while one is set."""
        if self.assumed_direction is not None:
            return self.assumed_direction
        return self._direction.direction(start, end, self.sentence(start))

    def points_forward(self, start: int, end: int) -> bool:
        """Whether the clause around ``text[start:end]`` speaks of the future (default: no)."""
        return self.direction(start, end) == "forward"

    def stated_year_start(self) -> int | None:
        """The first month of the fiscal year the article states or its results imply, if not January."""
        stated = self._fiscal.stated
        return None if stated is None else stated.start_month

    def reported_year_start(self) -> int | None:
        """The first month of the year a company's results imply, if not January (:attr:`FiscalHabits.reported`)."""
        reported = self._fiscal.reported
        return None if reported is None else reported.start_month

    def fiscal_convention(self, position: int, season: bool = False) -> FiscalConvention:
        """The fiscal-year convention for a period at ``position`` (:meth:`FiscalHabits.convention`)."""
        return self._fiscal.convention(position, season)

    def remember(self, start: int, end: int, resolved: Resolved, kind: str | None) -> None:
        """Record a resolved period (in text order) so later anaphors can use it."""
        self._anchors.remember(start, end, resolved, kind)

    def anchor(self, position: int) -> Resolved | None:
        """The period the sentence is about so far (:meth:`Anchors.anchor`)."""
        return self._anchors.anchor(position)

    def opening_year(self, position: int) -> Resolved | None:
        """The year the sentence opens with, before ``position`` (:meth:`Anchors.opening_year`)."""
        return self._anchors.opening_year(position)

    def year_anchor(self, position: int) -> Resolved | None:
        """The latest year named shortly before ``position`` in the same sentence (:meth:`Anchors.year_anchor`)."""
        return self._anchors.year_anchor(position)
