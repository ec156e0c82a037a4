"""Find percentages, money amounts and counts in text: the quantity stage, without spaCy.

    find_quantities(text)
      for each number candidate (:mod:`.candidates`), left to right, outside spans other stages claimed:
        -> read_candidate: a fraction of a point, or
             the figure (:mod:`.figure`: number, sign, scale, percent unit or currency, :mod:`.money`)
             -> its qualifier and range (:mod:`.ranges`: "nearly", "12-15%", "between 5 and 6 million")
             -> its kind (:mod:`.counts`: percentage / money / count, or not a figure)
        -> else a bare number in the unit of what it is compared with (:mod:`.series`: "vs 12", "to 13-3/4
           from 13-1/2 pct")
      -> a currency said once for a series (:func:`.series.currency_said_once`)

Each match keeps the id of the rule that found it (``patterns/quantity_rules.jsonl`` lists them with examples).
All language knowledge comes from ``patterns/*.json`` (:mod:`.grammar`). The state of reading one text is a
:class:`.reading.Reading`, built here and passed on: nothing is kept between texts.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date
from decimal import Decimal

import regex

from ..text.fold import fold_width
from .candidates import number_candidates
from .counts import classify
from .figure import read_figure
from .grammar import quantity_grammar, squash
from .models import Figure, QuantityMatch
from .numbers import clean_decimal
from .ranges import between_before, left_edge, range_end, scale_of
from .reading import Reading
from .series import compared_amount, currency_said_once, share_quote, unit_said_after

# what follows the fraction in "three quarters of a percentage point", "a half-point"
_OF_A_POINT_END = regex.compile(r"\s*(?:\bof\s+)?\ba\s+(?:percentage|per\s?cent)[\s-]+points?$")
_POINT_END = regex.compile(r"[\s-]+(?:a\s+)?(?:percentage[\s-]+)?points?$")


def find_quantities(
    text: str, *, exclude: list[tuple[int, int]] | None = None, published: date | None = None
) -> list[QuantityMatch]:
    """All percentages, money amounts and counts in ``text``, sorted by start.

    ``exclude`` lists character spans already claimed by another stage (periods, the dateline):
    no quantity starts inside one or overlaps it. ``published`` picks among currencies that share a
    unit word by which were in use then.
    """
    r = Reading(fold_width(text), quantity_grammar(), published)
    blocked = _Spans(exclude or [])
    consumed_to = 0
    for cand in number_candidates(r.text, r.index_fold):
        if cand.start() < consumed_to or blocked.reach(cand.start() + 1) > cand.start():
            continue
        found = _read(r, cand)
        if found is None or blocked.reach(found.end) > found.start:
            continue
        found.text = text[found.start : found.end]
        r.found.append(found)
        consumed_to = found.end
    currency_said_once(r.text, r.found)
    return r.found


def _read(r: Reading, cand: regex.Match) -> QuantityMatch | None:
    """The figure at ``cand``: read in its context, else compared with the figure before it."""
    found = read_candidate(r, cand)
    if found is None and r.found and r.found[-1].kind in ("money", "percentage"):
        found = compared_amount(r, cand, r.found[-1])
    if found is None:
        found = unit_said_after(r, cand)
    if found is None:
        found = share_quote(r, cand)
    return found


def read_candidate(r: Reading, cand: regex.Match) -> QuantityMatch | None:
    """The figure a candidate number is in its context, with its qualifier and range, classified; or None."""
    if cand["fraction"]:
        return _fraction_of_point(r, cand)
    fig = read_figure(r, cand)
    if fig is None:
        return None
    start, qualifier = left_edge(r, fig.start)
    between = between_before(r, start) if qualifier is None else None
    high = None if fig.offer is not None else range_end(r, fig, between is not None)
    end, value_high = fig.end, fig.offer
    if high is not None:
        _take_range(r, fig, high)
        start = start if between is None else between
        value_high, end = high.value, high.end
    return classify(r, fig, start, end, qualifier, value_high)


def _take_range(r: Reading, fig: Figure, high: Figure) -> None:
    """The first figure of a range borrows scale and unit from the second: "5 to 7 percent", "$1.2-1.5 billion",
    "24 to 30 cts"."""
    if not fig.scaled and high.scaled and not fig.written:
        fig.value = clean_decimal(fig.value * scale_of(r, high))
    if high.minor and not (fig.currency or fig.percent_unit):
        fig.value, fig.minor = clean_decimal(fig.value / 100), True  # "24 to 30 cts": 0.24 to 0.30
    fig.rule = (high.rule if fig.rule == "number" else fig.rule) + "_range"
    fig.percent_unit = fig.percent_unit or high.percent_unit
    fig.currency = fig.currency or high.currency


def _fraction_of_point(r: Reading, cand: regex.Match) -> QuantityMatch | None:
    """"a quarter of a percentage point", "half a point": a fraction of a percentage point."""
    phrase = squash(cand.group(0).lower())
    head = _OF_A_POINT_END.sub("", phrase).strip()
    head = _POINT_END.sub("", head).strip()
    fractions = r.grammar["fractions"]
    value: Decimal | None = Decimal(1)
    if head != "":
        value = fractions.get(head) or fractions.get(head.replace("-", " "))
        if value is None and head.endswith("s"):
            value = fractions.get(head[:-1])
        if value is None and head.startswith("a "):
            value = fractions.get(head[2:])  # "a one-point rise"
        if value is None:
            return None
    start, qualifier = left_edge(r, cand.start())
    return QuantityMatch(
        start, cand.end(), "", "percentage", "fraction_of_point", value, unit="percentage_point", qualifier=qualifier
    )


class _Spans:
    """Spans claimed by another stage, for asking how far right those starting before a point reach."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reaches = []  # the furthest end of the spans up to each
        reach = -1
        for _, e in spans:
            reach = max(reach, e)
            self.reaches.append(reach)

    def reach(self, stop: int) -> int:
        """The furthest end of a span starting before ``stop`` (-1 if none). A candidate starting at
        ``start`` is inside one if ``reach(start + 1) > start``; ``start:end`` overlaps one if ``reach(end) > start``."""
        index = bisect_left(self.starts, stop)
        return self.reaches[index - 1] if index else -1
