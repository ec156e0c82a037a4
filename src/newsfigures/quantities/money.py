"""Reading the currency of a number: a prefix before it ("US$", "Rs", "RMB", "€", a rand "R"), a currency word
after it ("yuan", "dlrs", "Swiss francs", a bare "francs" resolved by the article's country and date) or a
sub-unit after it ("cents", "pence", "H.K. cents").

Bare cents are read in the currency of the last amount before them that has cents ("30 cents" after "€3.10"
are euro cents); "U.S. cents" stay US dollars."""

from __future__ import annotations

import regex

from ..text.fastre import compile_fast
from .currencies import CONTEXT
from .grammar import squash
from .numbers import clean_decimal
from .models import Figure
from .reading import Reading

_US_CENTS = compile_fast(r"U\.?S\.?\s*cents?", regex.IGNORECASE)
_OF = compile_fast(r"\s*+of\b")


def currency_before(r: Reading, start: int) -> tuple[str, int] | None:
    """The currency of a prefix right before ``start`` and where the prefix starts, or None."""
    window_start = max(0, start - 12)
    m = r.grammar["prefix_before"].search(r.text[window_start:start])
    if not m:
        return None
    symbol = m["cur"]
    code = r.grammar["prefix_table"][symbol]
    if code == CONTEXT:
        rule = r.grammar["context_prefixes"][symbol]
        glued = window_start + m.end("cur") == start
        if (rule.get("glued") and not glued) or not any(c in r.text for c in rule["cues"]):
            return None  # "R2" in a text that never names the rand is not money
        code = rule["code"]
    if symbol == "¥":
        code = r.yen_code()
    return code, window_start + m.start("cur")


def read_currency_word(r: Reading, fig: Figure) -> bool:
    """A currency word right after ``fig`` ("105 million yuan"): set its currency and end; whether one was there.
    "pounds of" is a weight, not money."""
    g, text = r.grammar, r.text
    m = g["word_after"].match(text, fig.end)
    if not m or (m["cur"].lower().startswith("pound") and _OF.match(text[m.end() : m.end() + 4])):
        return False
    sub = g["minor_after"].match(text, fig.end)
    if sub and sub.end() > m.end() and not fig.scaled:
        return False  # "40 euro cents": the longer phrase, a sub-unit
    word = squash(m["cur"].lower())
    if word in g["currency_tables"].scaled_only and not fig.scaled:
        return False  # "the 2,000 mark": a threshold; "a 400 mln mark deficit": money
    fig.currency = g["word_table"][word]
    if word in g["bare_dollars"]:
        # "Net 121 mln dlrs" after "Shr 21.6 H.K. cents": Hong Kong dollars
        fig.currency = _last_currency_among(r, g["dollar_currencies"])
    if fig.currency == CONTEXT:
        fig.currency = g["currency_tables"].resolve_unit(word, text, fig.start, r.published)
    fig.end, fig.rule = m.end(), "money_word"
    return True


def read_sub_unit(r: Reading, fig: Figure) -> None:
    """A sub-unit right after ``fig`` ("50 cents", "20 paise"): the value in the major unit, and its currency."""
    m = r.grammar["minor_after"].match(r.text, fig.end)
    if not m or fig.scaled or not (len(m["cur"]) > 1 or m.start("cur") == fig.end):
        return
    code = r.grammar["minor_table"][squash(m["cur"].lower())]
    if code == "USD" and not _US_CENTS.search(m["cur"]):
        code = _last_currency_among(r, r.grammar["cents_currencies"])
    fig.currency = code
    fig.value = clean_decimal(fig.value / 100)
    fig.end, fig.minor, fig.rule = m.end(), True, "money_minor"


def _last_currency_among(r: Reading, codes: frozenset[str]) -> str:
    """The currency of the last amount found in one of ``codes``, else US dollars: the dollar of a bare
    "dlrs" (``dollar_currencies``), the currency of bare cents (``cents_currencies``)."""
    for prev in reversed(r.found):
        if prev.kind == "money" and prev.unit in codes:
            return prev.unit
    return "USD"
