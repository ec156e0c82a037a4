"""A period named as what a percentage change is compared with ("rose 15 pct from February") is a basis.

The period must follow the change's comparison word (``compared_period.before`` in ``calendar.json``) and be
the period its sentence is about shifted back by one step: the month before ("from February" in a story
about March) is ``month_on_month``, the quarter before ``quarter_on_quarter``, the same span a year before
("compared with March 1986", "in 1986 from 1985") ``year_on_year``. Anything else stays a period.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import regex

from ..resources import per_patterns
from ..text.prefilter import Prefilter
from .anchors import Resolved
from .calendar import whole_months
from .rules import expand, lexicon

COMPARISON_WINDOW = 120  # characters looked at before the period
_LOOSE_WORD = regex.compile(r"\b(?:on|over)\s++(?:in\s++)?\Z", regex.IGNORECASE)
COMPARISON = "comparison"  # the basis label of a period compared with by no usual step (no basis on the figure)


@per_patterns
def _before() -> regex.Pattern:
    # anchored at its end (\Z), so searched from the end: one try instead of one per position of the window
    return regex.compile(expand(lexicon().raw["compared_period"]["before"], "compared_period"), regex.IGNORECASE | regex.REVERSE)


@per_patterns
def _before_needs() -> Prefilter:
    return Prefilter(_before(), every=True)  # read from the pattern


def _span_months(period: Resolved) -> int | None:
    """The whole months a period covers, or None if it is not a run of whole months."""
    return None if period.start is None or period.end is None else whole_months(period.start, period.end)


def compared_basis(
    text: str,
    start: int,
    end: int,
    period: Resolved,
    anchor_at: Callable[[int], Resolved | None],
    published: date | None = None,
) -> str | None:
    """The basis a period at ``start`` names, if it is what a percentage change before it is compared with.
    ``anchor_at`` gives the period the sentence is about at an offset (``ResolutionContext.anchor``), asked only
    of a period after a comparison word. With no period the sentence is about, a calendar year one or two years
    before ``published`` is the year the story reports compared with the one before it ("net income was three
    pct below 1985", in 1987)."""
    if period.duration is not None:
        return None
    window = max(0, start - COMPARISON_WINDOW)
    # case-folded, the window holds every letter the pattern may match without case as that letter ("ſ" as "s")
    found = _before().search(text, window, start) if _before_needs().may_match(text[window:start].casefold()) else None
    if found is None:
        return None
    if text.startswith(("'s", "’s"), end):
        return None  # "from 1986's 595 mln": the compared figure's period
    anchor = anchor_at(start)
    if anchor is None:
        recent = published is not None and period.start is not None and published.year - period.start.year in (1, 2)
        return "year_on_year" if recent and _span_months(period) == 12 and period.start.month == 1 else None
    loose = _LOOSE_WORD.search(found[0]) is not None  # "on", "over": also before a period of the figure's own
    length = _span_months(period)
    if length is None or length != _span_months(anchor):
        return None if loose else _other(anchor, period)
    shift = (anchor.start.year - period.start.year) * 12 + anchor.start.month - period.start.month
    if shift == 12:
        return "year_on_year"
    if shift == length == 1:
        return "month_on_month"
    if shift == length == 3:
        return "quarter_on_quarter"
    return None if loose else _other(anchor, period)


def _other(anchor: Resolved, period: Resolved) -> str | None:
    """A comparison with another period before the one the sentence is about ("6.9 pct higher than in January,
    1986" in a sentence about December): not a period mention, and no basis of the usual steps."""
    if anchor.start is None or period.start is None or period.start >= anchor.start:
        return None
    return COMPARISON
