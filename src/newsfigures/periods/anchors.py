"""The periods a text has named so far, for the ones that lean on them ("a year earlier", "in the fourth quarter")."""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .calendar import is_year_range

YEAR_ANCHOR_REACH = 80  # chars from a year to a period that inherits it ('In 2023, ... in March')
SINCE_REACH = 80  # chars from "since" to the year it counts from ("since the Government started ... in 1953")
_SINCE_BEFORE = re.compile(r"\bsince\b[^,.;]*\Z", re.IGNORECASE)
OPENING_REACH = 12  # chars from a sentence's start to the year it opens with ('NOTE: 1985 operating losses')


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


class Anchors:
    """The resolved periods of one text in text order, and the ones a later period may lean on.

    ``sentence``: the sentence ``(start, end)`` around an offset.
    """

    def __init__(self, text: str, sentence: Callable[[int], tuple[int, int]]) -> None:
        self.text = text
        self._sentence = sentence
        self._resolved: list[tuple[int, int, Resolved, str]] = []

    def remember(self, start: int, end: int, resolved: Resolved, kind: str | None) -> None:
        """Record a resolved period (in text order) so later anaphors can use it."""
        self._resolved.append((start, end, resolved, kind or ""))

    def anchor(self, position: int) -> Resolved | None:
        """The period the sentence is about so far: the latest dated, non-anaphoric period before
        ``position`` in the same sentence, else in the previous sentence of the same paragraph."""
        sent_start, _ = self._sentence(position)
        prev_start = self._sentence(sent_start - 1)[0] if sent_start > 0 else sent_start
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
        sent_start, _ = self._sentence(position)
        for start, end, resolved, kind in reversed(self._resolved):
            if start < sent_start or position - end > YEAR_ANCHOR_REACH:
                break
            if kind == "year" and resolved.is_year and not resolved.anaphoric:
                if _SINCE_BEFORE.search(self.text, max(sent_start, start - SINCE_REACH), start):
                    continue  # "its first dividend since fiscal 1978 ..., pay April 15": a point counted from
                return resolved
        return None

    def opening_year(self, position: int, reach: int = OPENING_REACH) -> Resolved | None:
        """The year a sentence opens with, before ``position`` ("1985 operating losses exclude ... in quarter",
        "Note: 1986 net includes ..."): what a results note is about."""
        sent_start, _ = self._sentence(position)
        for start, _end, resolved, kind in self._resolved:
            if start >= sent_start:
                if start < position and start - sent_start <= reach and kind == "year" and resolved.is_year:
                    return None if resolved.anaphoric else resolved
                return None
        return None
