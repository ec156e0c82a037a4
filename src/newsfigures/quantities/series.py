"""A currency or unit said once for a series of figures.

While reading, a bare number takes the unit of a figure it is compared with:

- ``compared_amount``: after "vs" and an amount ("Shr 21.6 H.K. cents vs 12": 12 cents), or after a level
  ("to", "at") compared by "from" or "against" ("fell to 5.84 pct from 6.22");
- ``unit_said_after``: a bare level whose unit is said with what it is compared with ("to 13-3/4 from 13-1/2 pct").

After reading, ``currency_said_once`` turns a bare count into money: after an amount of its sentence
(``money_series``: "fell to 2.51 billion dlrs from 2.98 billion"), on an earnings-table row of money
(``money_table``: "Net 13.7 mln vs 25.2 mln" under "Shr 31 cts vs 56 cts"), or after a money noun
(``money_noun``: "a loss of 125,047"); after a physical measure of its sentence ("6.4 mln hectares against 6.6
mln") it is that measure, not a figure.
"""

from __future__ import annotations


import regex

from ..resources import load_json, per_patterns
from ..text.fastre import compile_fast
from ..text.prefilter import Prefilter
from ..text.tables import row_at
from .counts import AND_JOINED, LEVEL_COMPARED_GAP, unit_figure_after
from .figure import read_figure
from .grammar import SENTENCE_BREAK, sentence_start, trie
from .models import Figure, QuantityMatch
from .numbers import clean_decimal, lexicon
from .ranges import last_word
from .reading import Reading

# what stands between an amount and a bare number compared with it ("21.6 cents vs 12", "vs loss 3")
_COMPARED_GAP = compile_fast(r"\s*+(?:vs\.?|versus)\s++(?:(?:loss|profit)\s++)?", regex.IGNORECASE)
_NUMBER_OF = compile_fast(r"\bnumbers?\s++of\b", regex.IGNORECASE)
# the word before a level ("fell to 5.84 pct", "at 34.78", "was 153.67 yen against 181.23")
_LEVEL_WORDS = frozenset(("to", "at", "was", "were", "is", "are", "of"))
# between a bare level and an amount said with its unit: "at 34.78 and 34.75 dlrs a share", "at 1,870, 1,875 and
# 1,880 dlrs"
_AND_GAP = compile_fast(r"\s++and\s++|\s*+,\s*+(?:and\s++)?(?=\d)", regex.IGNORECASE)
# a list item after a bare number and a comma: "1,875" in "at 1,870, 1,875 and 1,880 dlrs"
_LIST_ITEM_BEFORE = compile_fast(r"\d\s*+,\s*+\Z")
_JOINED_NEEDS = Prefilter(AND_JOINED)
JOIN_REACH = 40  # characters after a number within which its scale and "and" or a comma must come
# an item of a results note right before its amount: "extraordinary gains of", "a loss of" (under a table of money)
_NOTE_ITEM_BEFORE = compile_fast(r"\b(?:gains?|losses?|loss)\s++(?:of\s++)?\Z", regex.IGNORECASE)
# "vs" between two bare amounts of a note
_VS_AFTER = compile_fast(r"\s++vs\.?\s++(?=\d)")
_WORDS = compile_fast(r"[A-Za-z]++")


def compared_amount(r: Reading, cand: regex.Match, prior: QuantityMatch) -> QuantityMatch | None:
    """A bare number compared with the amount or percentage right before it is one of the same unit:
    "Shr 21.6 H.K. cents vs 12" (12 cents), "six cents vs three", and after a level ("to", "at") "fell to
    5.84 pct from 6.22", "opened at 1.8155/60 marks against 1.8187/97"."""
    if cand["fraction"]:
        return None
    if not _COMPARED_GAP.fullmatch(r.text, prior.end, cand.start()):
        level_gap = LEVEL_COMPARED_GAP.fullmatch(r.text, prior.end, cand.start())
        if not level_gap or last_word(r, prior.start) not in _LEVEL_WORDS:
            return None
    fig = read_figure(r, cand, in_range=True)
    if fig is None or fig.scaled or fig.percent_unit or fig.currency or fig.value < 0:
        return None
    return _like(prior.kind, prior.unit, prior.rule.startswith("money_minor"), fig, "compared")


def unit_said_after(r: Reading, cand: regex.Match) -> QuantityMatch | None:
    """A bare number whose unit is said with the number it is joined to ("took 1.4 billion and 900 mln yen"), or
    a bare level whose unit is said with what it is compared with or joined to: "to 13-3/4 from 13-1/2 pct",
    "at 34.78 and 34.75 dlrs a share". A number takes the unit only of one scaled as it is."""
    if not cand["digits"]:
        return None  # "cut to zero from 5 percent" is left alone: a word, not a quoted level
    level = last_word(r, cand.start()) in _LEVEL_WORDS or _LIST_ITEM_BEFORE.search(r.text, max(0, cand.start() - 8), cand.start())
    if not level and not _JOINED_NEEDS.may_match(r.text[cand.end() : cand.end() + JOIN_REACH]):
        return None  # nothing it could be joined to close after it (read from AND_JOINED)
    fig = read_figure(r, cand, in_range=True)
    if fig is None or fig.percent_unit or fig.currency or fig.value < 0:
        return None
    other = unit_figure_after(r, fig.end, (AND_JOINED,))
    if other is None and level:
        other = unit_figure_after(r, fig.end, (LEVEL_COMPARED_GAP, _AND_GAP))
    if other is None or other.scaled != fig.scaled:
        return None
    kind = "percentage" if other.percent_unit else "money"
    return _like(kind, other.percent_unit or other.currency, other.minor, fig, "unit_after")


def share_quote(r: Reading, cand: regex.Match) -> QuantityMatch | None:
    """A share price quoted with a wire fraction after a price word ("closed at 27-1/2, off 2-1/2", "jumped 1-3/4
    to 81-3/4") is money in the currency of the story's amounts before it; with none before, not a figure."""
    if not cand["digits"] or "/" not in cand["digits"] or not r.found:
        return None
    if last_word(r, cand.start()) not in _series_grammar()["quote_words_before"]:
        return None
    fig = read_figure(r, cand, in_range=True)
    if fig is None or fig.offer is not None or fig.scaled or fig.percent_unit or fig.currency or fig.value <= 0:
        return None
    currency = next((m.unit for m in reversed(r.found) if m.kind == "money"), None)
    return _like("money", currency, False, fig, "quote") if currency else None


def _like(kind: str, unit: str | None, minor: bool, fig: Figure, how: str) -> QuantityMatch:
    value = clean_decimal(fig.value / 100) if minor else fig.value
    high = clean_decimal(fig.offer / 100) if minor and fig.offer is not None else fig.offer
    return QuantityMatch(fig.start, fig.end, "", kind, f"{kind}_{how}", value, high, unit)


@per_patterns
def _series_grammar() -> dict:
    rows = load_json("earnings_tables.json")
    units = load_json("units.json")["measure_units"]
    scales = list(lexicon()["scales"]) + list(lexicon()["spaced_abbreviations"])
    directions = load_json("directions.json")
    changes = [w for w in directions["increase"] + directions["decrease"] if " " not in w]
    return {
        "money_rows": frozenset(rows["money_rows"]),
        "count_rows": frozenset(rows["count_rows"]),
        "quote_words_before": frozenset(rows["quote_words_before"]),
        # a money noun the bare amount modifies: "the 15 billion deficit", "a 300 mln issue", "77.7 mln profit"
        "money_noun_next": compile_fast(
            rf"[ \t]++(?:[a-z-]++[ \t]++)?(?:{trie([n for n in rows['money_nouns'] + rows['money_nouns_after'] if n not in rows['volume_or_money_nouns']])})\b"
        ),
        "money_noun": compile_fast(
            rf"\b(?:{trie(rows['money_nouns'])})\s++"
            r"(?:(?:of|by|to|totall?ing|at|was|were|reached|totall?ed|amounted\s+to|stood\s+at)\s++)?\Z",
            regex.IGNORECASE,
        ),
        # a money noun right before its change verb: "Turnover rose to 242.1 mln", "profits fell by 12 mln", "net
        # income would have rose 8.4 pct to 32.9 mln"
        "money_noun_changed": compile_fast(
            rf"\b(?:{trie([n for n in rows['money_nouns'] if n not in rows['volume_or_money_nouns']])})"
            rf"\s++(?:(?:{trie(rows['auxiliaries_before_change'])})\s++){{0,2}}(?:{trie(changes)})"
            r"\s++(?:[\d.,/-]++\s++(?:pct|percent|per\s+cent)\s++)?(?:to|from|by)\s++\Z",
            regex.IGNORECASE,
        ),
        # a money noun, a few words saying which ("on the sale of its unit", "with the U.S."), then the amount:
        # "a gain on termination of its pension plan of 2,614,000", "the surplus with Japan was 4.2 billion"
        "money_noun_phrase": compile_fast(
            rf"\b(?:{trie(rows['money_nouns'] + rows['money_nouns_with_phrase'])})"
            rf"(?:\s++[A-Za-z][A-Za-z.&'’-]*+){{1,7}}?\s++(?:of|was|were|totall?(?:ed|ing))\s++\Z",
            regex.IGNORECASE,
        ),
        # a list's or table's unit said up front: "in tonnes:", "in thousands of tonnes,", "(in mln bushels)"
        "measure_header": compile_fast(
            rf"\bin\s++(?:(?:thousands?|millions?|{trie(scales)}|000s?|'000)\s++(?:of\s++)?)?(?:{trie(units)})"
            r"\s*+(?:[:)]|,\s*+(?:with|in)\b)",
            regex.IGNORECASE,
        ),
        # a number with a physical unit: "6.41 mln ha", "500,000 tonnes"
        "measure": compile_fast(
            rf"\d[\d,./-]*+\s*+(?:(?:{trie(scales)})\s++)?(?:{trie(units)})(?![A-Za-z])", regex.IGNORECASE
        ),
        # a measure named, then its verb: "available seat miles rose to 9.6 mln", "... miles in February totaled"
        "measure_changed": compile_fast(
            rf"\b(?:{trie(units)})(?:\s++[A-Za-z][\w-]*+){{0,3}}?\s++(?:{trie(changes)}|totall?ed|reached|were|was)"
            rf"\s++(?:(?:to|from|by|at)\s++)?\Z",
            regex.IGNORECASE,
        ),
    }


def currency_said_once(text: str, found: list[QuantityMatch]) -> None:
    """Bare counts in ``found`` whose currency was said for their series become money in it; those after a
    physical measure of their sentence are dropped (see the module docstring)."""
    keep, measured = [], set()
    for i, m in enumerate(found):
        if m.kind == "count" and m.counted is None and m.rule in ("count_bare", "count_bare_range"):
            if not _said_once(text, found, i, measured):
                measured.add(id(m))
                continue
        keep.append(m)
    found[:] = keep


def _said_once(text: str, found: list[QuantityMatch], i: int, measured: set[int]) -> bool:
    """Give the bare count ``found[i]`` the currency of its series if it has one; False if it is a measure
    (``measured``: the ids of the bare figures before it already read as measures)."""
    g, m = _series_grammar(), found[i]
    prior = _amount_before(text, found, i)
    since = prior.end if prior is not None else sentence_start(text, m.start)
    if prior is not None and prior.kind == "money" and _same_series(text, prior.end, m.start):
        m.kind, m.unit, m.rule = "money", prior.unit, "money_series"
    elif prior is not None and id(prior) in measured and _same_series(text, prior.end, m.start):
        return False  # "at 246,000 ha versus an estimate of 236,000 and ... of 217,000": the series goes on
    elif g["measure"].search(text, since, m.start) or g["measure_changed"].search(text, max(since, m.start - 60), m.start):
        return False  # the measure was said once for the series, or named before its verb
    elif _under_measure_header(text, m.start):
        return False  # "The breakdown was as follows, in tonnes: cotton 26,992 (41,933), ..."
    else:
        currency = _article_currency(found, i)
        label, compares = _row_label(text, m.start)
        if currency and label and g["count_rows"].isdisjoint(label) and (compares or label[0] in g["money_rows"]):
            # a row of money ("Net 13.7 mln vs 25.2 mln"), or any row compared by "vs" in a table of money
            # ("Tobacco 764 mln vs 738 mln" under "Trading profit includes -"), unless it counts shares
            m.kind, m.unit, m.rule = "money", currency, "money_table"
        elif currency and (_after_money_noun(text, m.start) or g["money_noun_next"].match(text, m.end)):
            m.kind, m.unit, m.rule = "money", currency, "money_noun"
        elif currency and not label and _note_pair(text, found, i, g["count_rows"]):
            m.kind, m.unit, m.rule = "money", currency, "money_table"
        elif currency and _NOTE_ITEM_BEFORE.search(text, max(0, m.start - 40), m.start) and _under_money_table(found, i):
            m.kind, m.unit, m.rule = "money", currency, "money_table"  # "net includes extraordinary gains of 33,654"
    return True


def _under_money_table(found: list[QuantityMatch], i: int) -> bool:
    """Whether a table of money comes before ``found[i]`` (its note is about money)."""
    return any(f.rule == "money_table" for f in found[:i])


def _note_pair(text: str, found: list[QuantityMatch], i: int, count_rows: frozenset) -> bool:
    """A bare amount compared by "vs" in the note under a table of money ("NOTE - Net is after tax 10.47 mln vs
    7.27 mln, interest 2.58 mln vs 9.55 mln"), unless its sentence counts shares before it."""
    m = found[i]
    if not _under_money_table(found, i):
        return False
    if _VS_AFTER.match(text, m.end):
        first = m.start
    elif i and found[i - 1].kind in ("count", "money") and _VS_AFTER.fullmatch(text, found[i - 1].end, m.start):
        first = found[i - 1].start
    else:
        return False
    words = _WORDS.findall(text, sentence_start(text, first), first)
    return count_rows.isdisjoint(w.lower() for w in words)  # "Average shares 21.5 mln vs 13.3 mln in quarter and"


MEASURE_HEADER_REACH = 600  # characters a table's rows are looked back over for the unit its header names


def _under_measure_header(text: str, start: int) -> bool:
    """Whether a list or table the bare number at ``start`` is in says its unit once, up front: "as follows, in
    tonnes:", "in thousands of tonnes:", "(in mln bushels)" - in its sentence, or for a table row above it."""
    g = _series_grammar()
    lo = max(0, start - MEASURE_HEADER_REACH) if row_at(text, start) is not None else sentence_start(text, start)
    return g["measure_header"].search(text, lo, start) is not None


def _after_money_noun(text: str, start: int) -> bool:
    """Whether a money noun names the bare amount at ``start``: right before it ("a loss of 125,047") or with a
    few words saying which, then "of", "was" or "totalled" ("a gain on the sale of its unit of 1,250,000")."""
    g = _series_grammar()
    if g["money_noun"].search(text, max(0, start - 40), start) or g["money_noun_changed"].search(
        text, max(0, start - 55), start
    ):
        return True
    window = max(0, start - 90)
    stop = text.rfind("\n\n", window, start)
    return bool(g["money_noun_phrase"].search(text, max(window, stop + 1), start))


def _same_series(text: str, end: int, start: int) -> bool:
    """Whether a figure can continue the series of the amount before it: a few words apart, and no
    "the number of" between them ("1.2 billion yuan, and the number of shoppers fell to 4.1 million")."""
    between = text[end:start]
    return len(between.split()) <= 12 and not _NUMBER_OF.search(between)


def _amount_before(text: str, found: list[QuantityMatch], i: int) -> QuantityMatch | None:
    """The nearest figure before ``found[i]`` in its sentence that is not a percentage (within 250 characters)."""
    for prev in reversed(found[:i]):
        if found[i].start - prev.end > 250 or SENTENCE_BREAK.search(text, prev.end, found[i].start):
            return None
        if prev.kind != "percentage":
            return prev
    return None


def _article_currency(found: list[QuantityMatch], i: int) -> str | None:
    """The currency of the article's amounts: of the nearest amount before ``found[i]``, else after it."""
    for prev in reversed(found[:i]):
        if prev.kind == "money":
            return prev.unit
    return next((m.unit for m in found[i + 1 :] if m.kind == "money"), None)


def _row_label(text: str, start: int) -> tuple[list[str], bool]:
    """The label of the table row a figure is on, as lower-cased words ([] when its line is not a row), and
    whether the row compares ("vs"): "Net loss 55.5 mln vs loss 21.4 mln" gives ["net", "loss"] for both figures."""
    row = row_at(text, start)
    if row is None or row.label is None:
        return [], False
    line = row.text(text)
    if not row.compares and (len(line) > 50 or line.endswith(".")):
        return [], False  # a sentence, not a row: rows compare ("vs") or are short and end without a full stop
    return text[row.label[0] : row.label[1]].lower().split(), row.compares
