"""Figures dated by what they are compared with, or chained to: a table row's or a note's figure after "vs" (the
same period a year earlier), a figure compared by a phrase said after it ("from 2.98 billion a year earlier"), the
figures of a results note's chain ("gains of A vs B for qtr"), a results table with no heading of its own."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

import regex

from ..periods.calendar import months_ending, reported_range, shift_range
from ..text.fastre import compile_fast as _compile
from ..text.tables import opens_row
from .period import COMPARED_FIGURE, COMPARED_REACH
from .text import FigureRef, Link, PeriodRef, SortedByStart, containing_span

# between the figures of a results note's chain: one restated per share (", or 2.64 dlrs a share"), the year
# before's after "vs" ("2,610,000 vs 2,442,000", "nine cts a share vs loss of 585,175 dlrs")
_PER_SHARE = r"(?:\s++(?:a|per)\s++(?:share|shr))?"
# "vs", perhaps with what the figure after it is: "vs loss 21.4 mln", "vs a profit of 44 cts"
_VS = r"vs\.?\s++(?:(?:a\s++)?(?:loss|profit|gain|deficit|surplus|credit)\s++(?:of\s++)?)?"
_RESTATED = _compile(_PER_SHARE + r"\s*+,?\s*+or\s++")
_CHAIN_GAP = _compile(_PER_SHARE + r"\s*+,?\s*+(?:or\s++|" + _VS + ")")
# between a chain and the period said after it: "... in quarter", ", or 2.74 dlrs a share, in year", " for qtr"
_CHAIN_PERIOD = _compile(_PER_SHARE + r"\s*+,?\s*+(?:in|for|during)\s++(?:the\s++)?")
# between a chain with its period and the next chain of the list: "A vs B for qtr and C vs D for year"
_NEXT_CHAIN = _compile(
    _PER_SHARE + r"\s*+,?\s*+(?:in|for|during)\s++(?:the\s++)?(?:(?:\d{4}|prior|fiscal)\s++)?"
    r"(?:qtr|quarter|year|half|(?:[a-z]++\s++)?(?:mths|months))\s*+,?\s*+and\s++",
    regex.IGNORECASE,
)


def continues_chain(text: str, prev: FigureRef, fig: FigureRef) -> bool:
    """Whether ``fig`` continues the chain of ``prev`` (after "vs", a per-share "or", or the chain's period and
    "and"): the same item of a results note, so the same subject. A count of its own things is not ("74 pct, or
    some 6,600 product categories")."""
    if fig.counted is not None:
        return False
    return bool(_CHAIN_GAP.fullmatch(text, prev.end, fig.start) or _NEXT_CHAIN.fullmatch(text, prev.end, fig.start))


def chained_periods(text: str, figures: list[FigureRef], dated: list[tuple[int, PeriodRef]]) -> dict[int, int]:
    """The period said after a results note's chain of figures is all of theirs: in "gains of 2,610,000 vs
    2,442,000 for qtr" and "profits of 19.5 mln dlrs, or 2.64 dlrs a share, in quarter" the quarter is each
    figure's (the figure after "vs" is then dated a year earlier by :func:`date_comparisons`). Only chains of
    two figures or more: a lone figure's own period is ranked by :func:`governing_period`. Figure index ->
    period index."""
    chained: dict[int, int] = {}
    starts = [p.start for _, p in dated]
    k = 0
    while k < len(figures):
        last = k
        while last + 1 < len(figures) and _CHAIN_GAP.fullmatch(text, figures[last].end, figures[last + 1].start):
            last += 1
        j = bisect_right(starts, figures[last].end)
        if last > k and j < len(dated) and _CHAIN_PERIOD.fullmatch(text, figures[last].end, dated[j][1].start):
            chained.update((m, dated[j][0]) for m in range(k, last + 1))
        k = last + 1
    return chained


# How far back a comparison said after a figure dates it: "from 2.98 billion a year earlier" (the basis the
# period stage reports), and a table row's "vs" figure (the same period a year earlier).
_BASIS_SHIFT = {
    "year_on_year": (-12, 0), "quarter_on_quarter": (-3, 0), "month_on_month": (-1, 0), "week_on_week": (0, -7)
}
_YEAR_EARLIER = _BASIS_SHIFT["year_on_year"]


# between the two figures of an earnings table row: "Shr 31 cts vs 56 cts", "Net loss 55.5 mln vs loss 21.4 mln",
# "Oper shr loss 45 cts vs profit 44 cts"
_VS_GAP = _compile(_PER_SHARE + r"\s*+,?\s*+" + _VS)


# a note's figure after "nil vs": the year before's ("losses of nil vs 473,000 dlrs ... in quarter")
_NIL_VS = _compile(r"\bnil\s++" + _VS + r"\Z", regex.IGNORECASE)


_NOTE_OPENING = regex.compile(r"^note\s*+[:-]?\s*+")
# "Qtly div 12 cts vs 12 cts prior": the previous payment, not a period
_PRIOR_AFTER = _compile(r"\s++prior\b")


# between the figures of one comparison: "from 36.4 mln dlrs or 79 cts", "with 609.5 billion and 607.1 billion"
_LIST_GAP = _compile(r"\s*+(?:,\s*+)?(?:or|and)\s++")


# between the last compared figure and the comparison phrase after it: "a 1.91 billion [surplus] a year earlier",
# "or 46 cts [a share,] for the year-ago quarter"
_BEFORE_BASIS = _compile(r"\s*+(?:[a-z-]++\s++){0,2}?|\s++(?:a|per)\s++(?:share|shr)\s*+,?\s++")


def date_comparisons(
    text: str,
    figures: list[FigureRef],
    links: list[Link],
    bases: SortedByStart,
    attached: dict[int, frozenset[int]],
    sentences: list[tuple[int, int]],
    sentence_starts: list[int],
) -> None:
    """Date the figures a comparison dates (after every figure has its period, as the comparison needs the
    period of the figure it is compared with):

    - a table row's figure after ``vs`` ("Net 13.7 mln vs 25.2 mln") is the period of the figure before it,
      a year earlier ("vs 12 cts prior": the previous payment, no period);
    - a figure compared by a phrase said after it ("from 2.98 billion a year earlier", "against 181.23 the
      previous year", "from 36.4 mln dlrs or 79 cts in the same period a year ago") is its sentence's period
      moved back by the comparison; the change it is compared with keeps its own period.

    A compared figure with a period of its own ("vs 5.2 mln in 1985") keeps it."""
    own = {start for starts in attached.values() for start in starts}
    _date_vs_figures(text, figures, links, own)
    _date_by_phrase_after(text, figures, links, own, bases, (sentences, sentence_starts))


def _date_vs_figures(text: str, figures: list[FigureRef], links: list[Link], own: set[int]) -> None:
    """A figure after "vs" (or "nil vs") is the period of the figure before it a year earlier; a per-share
    restatement after it shares that. ``own``: the starts of figures with a period of their own."""
    for k, fig in enumerate(figures):
        link = links[k]
        if fig.start in own:
            continue
        if link.period is not None and _NIL_VS.search(text, max(0, fig.start - 30), fig.start):
            link.period_shift = _YEAR_EARLIER  # "losses of nil vs 473,000 dlrs ... in quarter"
        if k == 0:
            continue
        partner, before = figures[k - 1], links[k - 1]
        if before.period_shift is not None and (before.period, link.period_shift) == (link.period, None):
            if _RESTATED.fullmatch(text, partner.end, fig.start):  # "vs 585,175 dlrs, or 33 cts a share"
                link.period_shift = before.period_shift
                continue
        if not _VS_GAP.fullmatch(text, partner.end, fig.start):
            continue
        if _PRIOR_AFTER.match(text, fig.end):
            link.period, link.period_shift = None, None
            continue
        if before.period is not None and before.period_shift is None:
            link.period, link.period_shift = before.period, _YEAR_EARLIER
        elif before.period is None and partner.start not in own and opens_row(text, partner.start):
            # a table with no heading: the quarter the report covers, and a year earlier after "vs"
            before.reported_quarter = link.reported_quarter = True
            link.period_shift = _YEAR_EARLIER


def _date_by_phrase_after(
    text: str, figures: list[FigureRef], links: list[Link], own: set[int], bases: SortedByStart, sentences: tuple
) -> None:
    """Figures compared by a phrase said after them ("from 36.4 mln dlrs or 79 cts in the same period a year
    ago") take their sentence's period moved back by the comparison. ``sentences``: the spans and their starts."""
    k = 0
    while k < len(figures):
        fig = figures[k]
        last = k  # the compared figures: "from 36.4 mln dlrs or 79 cts ..."
        while last + 1 < len(figures) and _LIST_GAP.fullmatch(text, figures[last].end, figures[last + 1].start):
            last += 1
        if not COMPARED_FIGURE.search(text, max(0, fig.start - COMPARED_REACH), fig.start):
            k += 1
            continue
        sent = containing_span(*sentences, fig.start) or (0, len(text))
        after = bases.within(figures[last].end, sent[1])
        shift = _BASIS_SHIFT.get(after[0].basis) if after else None
        if shift is not None and _BEFORE_BASIS.fullmatch(text, figures[last].end, after[0].start):
            for j in range(k, last + 1):
                link = links[j]
                if figures[j].start not in own and link.period is not None and link.period_shift is None:
                    link.period_shift = shift
        k = last + 1


def shifted_dates(start: date, end: date, shift: tuple[int, int] | None) -> tuple[date, date]:
    """The dates of a figure dated by a comparison: its period's moved by ``shift`` (months, days)."""
    if shift is None:
        return start, end
    return shift_range(start, end, months=shift[0], days=shift[1])


def headless_table_period(
    text: str, published: date, start: int, headings: list[tuple[int, date]], cues: dict
) -> tuple[date, date]:
    """The period of a results table block with no heading of its own, starting at ``start``: a year's when a
    row says "Final div", a half year's for "Interim div"; else the quarter that ends a heading below it ("Year",
    "Nine mths": the block above is that period's last quarter), else the quarter a report on ``published``
    covers. ``headings``: (start, end date) of the headings of the text, each on a line of its own."""
    rows = cues["table_row_months"]
    for line in text.lower().splitlines():
        line = _NOTE_OPENING.sub("", line.strip())  # "NOTE: Latest year net includes ..."
        months = next((m for row, m in rows.items() if line.startswith(row)), None)
        if months is None and line.startswith("div") and " making " in line:
            months = 12  # "Div 8.8p vs 7.35p making 14.3p vs 12.1p": the final dividend making the year's total
        if months:
            return reported_range(published, months)
    later = [end for at, end in headings if at > start]
    if later:
        return months_ending(later[0], 3)
    return reported_range(published, 3)


_RESPECTIVELY = _compile(r"\brespectively\b", regex.IGNORECASE)
# between the periods a "respectively" pairs: "qtr and year", "January, February and March"
_PERIOD_LIST_GAP = _compile(r"\s*+(?:,\s*+(?:and\s++)?|and\s++)(?:(?:the|its)\s++)?")


def respective_periods(
    text: str, figures: list[FigureRef], dated: list[tuple[int, PeriodRef]], sentences: list[tuple[int, int]]
) -> dict[int, int]:
    """ "Current qtr and year figures include gains of 3.9 mln dlrs and 38 mln dlrs, respectively": in a sentence
    that ends its list of figures with "respectively", a list of as many periods pairs with them in order. Figure
    index -> period index."""
    paired: dict[int, int] = {}
    for start, end in sentences:
        if not _RESPECTIVELY.search(text, start, end):
            continue
        in_sentence = [i for i, f in enumerate(figures) if start <= f.start < end and f.kind != "count"]
        periods = [(i, p) for i, p in dated if start <= p.start < end]
        listed = [periods[k] for k in range(len(periods)) if k == 0 or _PERIOD_LIST_GAP.fullmatch(
            text, periods[k - 1][1].end, periods[k][1].start)]
        if len(listed) == len(periods) == len(in_sentence) >= 2:
            paired.update(zip(in_sentence, (i for i, _ in listed)))
    return paired
