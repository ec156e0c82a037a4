"""Reading one number with what is written around it, before it is classified:

    read_figure(reading, position)
      -> the number: digits (with a sign before, not glued to a name on its left) or words
      -> its scale after it ("million", "mln", "bn", "lakh crore")
      -> not a figure if letters are glued to it ("5G", "737MAX", "1H24") and no unit follows
      -> its unit: a percent unit after it, else a currency prefix before it, a currency word or a sub-unit
         after it (:mod:`.money`)
"""

from __future__ import annotations

import regex

from ..text.fastre import compile_fast

from .grammar import SENTENCE_BREAK, sentence_start, squash
from .models import Figure
from .money import currency_before, read_currency_word, read_sub_unit
from .numbers import clean_decimal, parse_digits, parse_number_words, parse_quote, scale_value
from .reading import Reading

CLAUSE_END = compile_fast(r"[,;:]")

_UNIT_AFTER = ("percent_after", "word_after", "minor_after")


def read_figure(r: Reading, cand: regex.Match | None = None, pos: int = 0, *, in_range: bool = False) -> Figure | None:
    """The figure of the candidate ``cand`` (or of the one at ``pos``), or None if it is not a number here.

    ``in_range``: the number is the upper end of a range, so a dash right before it is the range's, not a sign.
    """
    if cand is None:
        cand = r.grammar["candidates"].match(r.text, pos)
        if cand is None or cand["fraction"]:
            return None
    fig = _written_number(r, cand) if cand["words"] is not None else _digits(r, cand, in_range)
    if fig is None:
        return None
    _read_scale(r, fig)
    if not fig.written and not fig.scaled and fig.end < len(r.text) and r.text[fig.end].isalpha():
        # "5G", "737MAX", "2nd", "1H24": part of a name, not a figure, unless a unit follows
        if not any(r.grammar[k].match(r.text, fig.end) for k in _UNIT_AFTER):
            return None
    _read_unit(r, fig)
    return fig


def _written_number(r: Reading, cand: regex.Match) -> Figure | None:
    value = parse_number_words(cand.group(0))
    if value is None:
        return None
    low = cand.group(0).lower()
    scaled = any(w in low for w in r.grammar["scale_words"])
    return Figure(cand.start(), cand.end(), value, True, scaled, False, False, rule="written_number")


def _digits(r: Reading, cand: regex.Match, in_range: bool) -> Figure | None:
    start, raw = cand.start(), cand.group(0)
    offer = None
    if "/" in raw and "." in raw:
        raw, offer = raw.split("/")[0], parse_quote(raw)
    value = parse_digits(raw)
    if value is None:
        return None
    grouped = "," in raw or not raw.isascii() and any(c in raw for c in "\u00a0\u202f\u2009")
    fig = Figure(start, cand.end(), value, False, False, grouped, "." in raw or "/" in raw, offer=offer)
    if not in_range:
        if not _digits_left_ok(r, start):
            return None
        sign_start = _sign_before(r, start)
        if sign_start is not None:
            fig.value, fig.start = -fig.value, sign_start
    return fig


def _read_scale(r: Reading, fig: Figure) -> None:
    """A scale word or abbreviation after the number multiplies it (a written number takes only a word)."""
    m = r.grammar["scale_after"].match(r.text, fig.end)
    if m and not fig.written or (m and (m["scale"] or m["spaced"]) and not fig.scaled):
        factor = scale_value(m.group(0).strip(" -"))
        if factor is not None:
            fig.value = clean_decimal(fig.value * factor)
            fig.scaled, fig.end = True, m.end()


def _read_unit(r: Reading, fig: Figure) -> None:
    """A percent unit after the number, else a currency around it."""
    g = r.grammar
    m = g["percent_after"].match(r.text, fig.end)
    if m:
        fig.percent_unit = g["percent_units"].get(squash(m["unit"].lower()))
        if fig.percent_unit:
            fig.end, fig.rule = m.end(), "percentage"
            return
    if _rate_point(r, fig):
        return
    prefix = currency_before(r, fig.start)
    if prefix:
        fig.currency, fig.start = prefix
        fig.rule = "money_prefix"
        return
    if not read_currency_word(r, fig):
        read_sub_unit(r, fig)


def _digits_left_ok(r: Reading, start: int) -> bool:
    """Digits glued to letters on the left ("M2", "G20", "COVID-19") are names, unless a currency ("RMB1.2")."""
    text = r.text
    if start == 0:
        return True
    before = text[start - 1]
    if before.isalpha():
        return currency_before(r, start) is not None
    if before in "-–" and start >= 2 and (text[start - 2].isalnum() or text[start - 2] in "-–"):
        return False
    if before in "./:#" and start >= 2 and text[start - 2].isalnum():
        return False
    return True


def _sign_before(r: Reading, start: int) -> int | None:
    """Where a minus sign before the number starts ("-0.3%", "minus 0.4 percent"), or None."""
    text = r.text
    if start >= 1 and text[start - 1] in "-–" and (start == 1 or text[start - 2] in " (\n\t["):
        return start - 1
    words = r.grammar["minus_words"]
    if words is not None and not any(r.says(word) for word in words):
        return None
    window = max(0, start - 10)
    m = r.grammar["minus_before"].search(text[window:start])
    return window + m.start() if m else None


def _rate_point(r: Reading, fig: Figure) -> bool:
    """A few points of a rate are percentage points: "cut its prime rate 1/2 point", "a one-point rise in call
    money rates" (``patterns/quantities/units.json`` rate_points); index points are not."""
    g = r.grammar
    m = g["rate_point_after"].match(r.text, fig.end)
    if not m or fig.scaled or fig.value > g["rate_point_max"] or fig.value <= 0:
        return False
    start, end = sentence_start(r.text, fig.start, 200), min(len(r.text), m.end() + 200)
    if fig.value == fig.value.to_integral_value():  # "3 points" are a rate's only in its own clause
        start = max([start] + [b.end() for b in CLAUSE_END.finditer(r.text, start, fig.start)])
        end = fig.start
    stop = SENTENCE_BREAK.search(r.text, m.end(), end)
    if not g["rate_words"].search(r.text, start, stop.start() if stop else end):
        return False
    fig.percent_unit, fig.end, fig.rule = "percentage_point", m.end(), "percentage_rate_point"
    return True
