"""What extends a figure beyond its number: a qualifier before it ("nearly", "more than") and the upper end of
a range after it ("12-15%", "5 to 7 percent", "between 5 million and 6 million", "$1.2-1.5 billion").

A range is two figures joined by a dash, "to", "through" or "or" (or "and" after "between") that agree in unit
("4 or 5 billion marks": the unit written once, after the second);
"from 5% to 7%", "rose 3% to 5%" and "by 11.1 per cent to ₹11.11 lakh crore" are two figures, a change and a
level, not a range. The first figure of a range borrows the second's scale and unit."""

from __future__ import annotations

from decimal import Decimal

import regex

from ..text.fastre import compile_fast
from .figure import read_figure
from .grammar import AT_END, squash
from .models import Figure
from .numbers import scale_value
from .reading import Reading

LOOKBEHIND = 40  # characters of left context read for a currency prefix, qualifier or identifier word
BETWEEN_WORD = "between"
BETWEEN = compile_fast(rf"(?<![A-Za-z]){BETWEEN_WORD}\s++\Z", regex.IGNORECASE)
LAST_WORD = compile_fast(r"(?P<word>[A-Za-z]++)\s++\Z", AT_END)


def left_edge(r: Reading, start: int) -> tuple[int, str | None]:
    """Where the figure starting at ``start`` begins with its qualifier ("nearly", "more than"), and the qualifier."""
    window_start = max(0, start - LOOKBEHIND)
    ends = r.grammar["qualifier_ends"]
    if ends is not None and not r.index_fold[window_start:start].rstrip(" ").endswith(ends):
        return start, None  # no qualifier's last word right before the number: most numbers stop here
    m = r.grammar["qualifier_before"].search(r.text[window_start:start])
    if not m:
        return start, None
    qualifier = squash(m["q"].lower())
    if qualifier == "up to" and r.grammar["moved_before"].search(r.text, max(0, window_start - 20), window_start + m.start("q")):
        return start, None  # "edged up to 3.9%": a move up, then "to"; not "at most"
    return window_start + m.start("q"), qualifier


def between_before(r: Reading, start: int) -> int | None:
    """Where "between" right before ``start`` begins, or None."""
    if not r.says(BETWEEN_WORD):
        return None
    m = BETWEEN.search(r.text[max(0, start - 12) : start])
    return start - len(m.group(0)) if m else None


def range_end(r: Reading, fig: Figure, between: bool) -> Figure | None:
    """The upper figure of a range starting with ``fig``, or None."""
    m = r.grammar["range_sep"].match(r.text, fig.end)
    if not m:
        return None
    sep = m["sep"].lower()
    if (sep == "and" and not between) or (sep == "or" and (fig.percent_unit or fig.currency or between)):
        return None  # "4 or 5 billion marks" is a range; "5 pct or 3 billion dlrs" two figures
    word_before = last_word(r, fig.start) if sep in ("to", "through") else ""
    if word_before == "from" or (
        (fig.percent_unit or fig.currency) and (word_before == "by" or word_before in r.grammar["change_words"])
    ):
        return None  # "from 5% to 7%", "rose 3% to 5%": two figures, not a range
    high = _upper_figure(r, m.end())
    # "24 to 30 cts": the low end is in the sub-unit the high end names (its value is in the main unit)
    low = fig.value / 100 if high is not None and high.minor and not (fig.currency or fig.percent_unit) else fig.value
    if high is None or high.value < low and not (fig.value < 0):
        return None
    return high if _ends_agree(r, fig, high, sep, word_before) else None


def _upper_figure(r: Reading, pos: int) -> Figure | None:
    """The figure after a range's separator, perhaps behind a currency prefix ("$5.1 billion to $5.3 billion")."""
    nxt = r.grammar["candidates"].match(r.text, pos)
    if nxt is None:
        pref = r.grammar["prefix_at"].match(r.text[pos : pos + 6])
        if not pref:
            return None
        pos += pref.end()
        nxt = r.grammar["candidates"].match(r.text, pos)
        if nxt is None:
            return None
    if nxt["fraction"]:
        return None
    return read_figure(r, nxt, in_range=True)


def _ends_agree(r: Reading, fig: Figure, high: Figure, sep: str, word_before: str) -> bool:
    """Whether two figures joined by ``sep`` are one range rather than a change and a level."""
    low = fig.value / 100 if high.minor and not (fig.currency or fig.percent_unit) else fig.value
    if word_before in r.grammar["change_words"] and high.value > 3 * low:
        return False  # "rose 1-1/8 to 24-1/8 dlrs": a change and the level it reached, not a range
    if word_before == "by" and not (high.percent_unit or high.currency):
        return False  # "fell by eight to 507": a change and a level
    if (fig.percent_unit and high.currency) or (fig.currency and high.percent_unit):
        return False  # "by 11.1 per cent to ₹11.11 lakh crore": a change and a level
    if fig.percent_unit and high.percent_unit and fig.percent_unit != high.percent_unit:
        return False
    if fig.currency and high.currency and fig.currency != high.currency:
        return False
    return not ((fig.percent_unit or fig.currency) and not (high.percent_unit or high.currency) and sep not in "-–—")


def last_word(r: Reading, start: int) -> str:
    """The word right before ``start``, lower-cased ("rose" in "rose 3% to 5%", "by" in "by Rs 117 to...")."""
    m = LAST_WORD.search(r.text[max(0, start - 24) : start])
    return m["word"].lower() if m else ""


def scale_of(r: Reading, high: Figure) -> Decimal:
    """The scale written after the digits of ``high`` (1 if none)."""
    m = r.grammar["scale_after"].match(r.text, _number_end(r, high))
    if not m:
        return Decimal(1)
    return scale_value(m.group(0).strip(" -")) or Decimal(1)


def _number_end(r: Reading, fig: Figure) -> int:
    """Where the digits of ``fig`` end (it may start at a currency prefix)."""
    pos = fig.start
    while pos < fig.end:
        cand = r.grammar["candidates"].match(r.text, pos)
        if cand is not None and cand["digits"]:
            return cand.end()
        pos += 1
    return fig.end
