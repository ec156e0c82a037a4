"""Find percentages, money amounts and counts in text: the quantity stage, without spaCy.

The algorithm reads as a pipeline over number candidates found by one regex:

    find_quantities(text)
      -> candidates: numbers in digits or words (``number_candidates``)
      -> read_figure: currency before, qualifier before, scale and unit after
      -> read_range: "12-15%", "5 to 7 percent", "between 5 million and 6 million"
      -> classify: percentage / money / count, or not a figure (identifier, measure, year, tenor...)

All language knowledge (currencies, scales, units, qualifiers, counted-noun rules) comes from
``patterns/*.json``. Every regex is linear: possessive quantifiers and bounded look-behind windows.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache, partial

import regex

from .currencies import CONTEXT, currency_tables
from ..text.fastre import compile_fast, prefix_alternation
from .numbers import clean_decimal, lexicon, parse_digits, parse_number_words, parse_quote, scale_value
from ..text.fold import fold_width
from ..text.pattern_index import fold_for_index
from ..resources import load_json

LOOKBEHIND = 40  # characters of left context read for a currency prefix, qualifier or identifier word

# Patterns that end in ``\Z`` look for a word right before a position. ``regex``'s REVERSE flag matches them
# from the end, so a search fails at once instead of trying every start in the window. It is used only where
# the reversed match is provably the same: a fixed word list ahead of a possessive run of spaces (the longest
# alternative first), which tests/test_properties.py checks against the forward search.
AT_END = regex.REVERSE


@dataclass(slots=True)
class QuantityMatch:
    """A percentage, money amount or count found in text (character offsets, end exclusive)."""

    start: int
    end: int
    text: str
    kind: str
    rule: str
    value: Decimal
    value_high: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None
    counted: str | None = None
    counted_start: int | None = None
    counted_end: int | None = None


@dataclass(slots=True)
class _Figure:
    """One number with what sits around it, before it is classified."""

    start: int
    end: int
    value: Decimal
    written: bool  # spelled out in words
    scaled: bool
    grouped: bool  # written with thousands separators
    decimal: bool
    percent_unit: str | None = None
    currency: str | None = None
    minor: bool = False
    rule: str = "number"
    offer: Decimal | None = None  # a dealing quote's offer: "1.8155/60" bids 1.8155 and offers 1.8160


def _folded_alternation(words) -> str | None:
    """Words as a standard ``re`` alternation over folded text (see ``candidate_filters``), or None
    if one is not plain ASCII letters and spaces. The words share their prefixes, as in a trie
    ("t(?:en|h(?:irty|ree)|wo)"): the engine reads each letter once instead of trying every word."""
    folded = {w.lower() for w in words if w}
    if not all(w.isascii() and w.replace(" ", "").isalpha() for w in folded):
        return None
    return prefix_alternation(folded, char=lambda c: " ++" if c == " " else c)


def _trie(words) -> str:
    """Lower-cased words and phrases as one alternation with shared beginnings (matched case-insensitively);
    a space in a phrase matches any run of white space."""
    return prefix_alternation(
        {w.lower() for w in words if w}, char=lambda c: r"\s++" if c == " " else regex.escape(c)
    )


def _alternation(words, *, flags: str = "") -> str:
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    body = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@lru_cache(maxsize=1)
def _grammar() -> dict:
    """Compile the regexes once, from the lexicons in ``patterns/``."""
    lex = lexicon()
    units = load_json("units.json")
    currencies = load_json("currencies.json")
    quals = load_json("qualifiers.json")["qualifiers"]
    counts = load_json("counts.json")

    number_words = list(lex["words"]) + list(lex["hundred"]) + list(lex["dozen"])
    scale_words = list(lex["scales"])
    word_atom = _alternation(number_words + scale_words)
    simple = _alternation(number_words)
    scales_alt = _alternation(scale_words + list(lex["dozen"]) + list(lex["hundred"]))
    words_re = (
        rf"\b(?<![\w-])(?:(?:half\s+)?an?\s+{scales_alt}|{simple})"
        rf"(?:(?:\s+and\s+|\s+|-){word_atom})*+(?![\w-])"
    )
    # A run of digits not glued to one before it, as ``(?<!\d)(?:\d{1,3}(?:,\d{3})++|\d++)(?:\.\d++)?+``
    # with Indian and spaced groups. Its first digit is matched before the look-behind, which then looks at
    # that digit and the one before: a pattern that opens with a class lets the standard engine's search skip
    # ahead to the next digit instead of trying every position (tests/test_properties.py checks the forms agree).
    # Wire copy writes fractions of a point or a dollar as "1/2" and "24-1/8" (eighths to sixty-fourths).
    fraction = r"(?:64|32|16|2|4|8)(?![\d/.])"
    # a decimal part, with a dealing quote's offer after it: "1.8155/60", "143.90/144.00"
    decimal = r"(?:\.\d++(?:/\d\d++(?:\.\d++)?+)?+)?+"
    digits_re = (
        rf"\d(?<!\d\d)(?:\d?/{fraction}"
        r"|(?:\d{0,2}(?:[,\u00a0\u202f\u2009](?:\d{2}[,\u00a0\u202f\u2009])*+\d{3}(?!\d))++"
        rf"{decimal}|\d*+{decimal})(?:-\d\d?/{fraction})?+)"
    )
    fraction_pp = (
        r"\b(?<![\w-])(?:(?:(?:a|one|three|two)[\s-]+(?:quarters?|halfs?|thirds?|tenths?|fifths?)\s+of\s+a"
        r"|half\s+(?:of\s+)?a|a)\s+(?:percentage|per\s?cent)[\s-]+points?"
        r"|(?:a|one|three)[\s-]+(?:quarters?|half)[\s-]+(?:percentage[\s-]+)?points?"
        r"|half\s+a\s+point)(?![\w-])"
    )
    # "\b" and "(?=\d)" before the look-behinds let the scan reject most positions at once
    candidates = compile_fast(
        rf"(?P<fraction>{fraction_pp})|(?P<digits>{digits_re})|(?P<words>{words_re})", regex.IGNORECASE
    )
    # The same three branches as three patterns, scanned apart and merged (``number_candidates``): each
    # alone lets the engine skip ahead faster than the alternation does. The groups of the other branches
    # are there, never matching, so that every match reads like one of ``candidates``.
    never = "(?!)"
    branches = {"fraction": fraction_pp, "digits": digits_re, "words": words_re}
    candidate_scans = tuple(
        compile_fast(
            rf"(?P<{name}>{source})" + "".join(f"(?P<{other}>{never})?" for other in branches if other != name),
            regex.IGNORECASE,
        )
        for name, source in branches.items()
    )
    # Where each scan may match: a superset of its match starts, found by the standard ``re`` module
    # (faster than a search with the regex module) over the text as text.pattern_index.fold_for_index folds it
    # (ASCII letters lower-cased, a letter that matches one case-insensitively that letter, white space
    # a space, \d "0"; \w and "-" fold only into [a-z0-9_-]) with a space in front: a match there reads
    # the character before the start (not \w, not "-") and looks ahead from the start, so it begins at
    # the start's offset in the text. None: search the text itself.
    # Each filter first tests the letter a match can begin with, in one class: most words fail there.
    fold_words = _folded_alternation(number_words + scale_words)
    word_initials = "".join(sorted({w[0].lower() for w in number_words} | {"a", "h"}))  # and "an", "half an"
    candidate_filters = (
        re.compile(
            r"[^a-z0-9_\-](?=[aoth])(?=(?:a|one|three|two)[ \-]++(?:quarter|half|third|tenth|fifth)"
            r"|half ++(?:of ++)?a ++p|a ++per)"
        ),
        None,
        re.compile(
            rf"[^a-z0-9_\-](?=[{word_initials}])"
            rf"(?=(?:half ++)?an? ++{_folded_alternation(scale_words + list(lex['dozen']) + list(lex['hundred']))}"
            rf"(?![a-z0-9_])|{_folded_alternation(number_words)}(?![a-z0-9_]))"
        )
        if fold_words is not None
        else None,
    )

    abbreviations = lex["abbreviations"]
    spaced = lex["spaced_abbreviations"]
    scale_after = compile_fast(
        rf"(?:(?:\s++|-)(?P<scale>{_alternation(scale_words, flags='i')}(?:\s++{_alternation(scale_words, flags='i')})*+)"
        rf"|(?P<abbr>{_alternation(abbreviations)})|\s++(?P<spaced>{_alternation(spaced)}))(?![A-Za-z])"
    )
    percent_after = compile_fast(
        rf"\s*+(?P<unit>%)|[\s-]*+(?P<unit>{_alternation([u for u in units['percent_units'] if u != '%'], flags='i')})"
        r"(?![A-Za-z])"
    )
    tables = currency_tables()
    prefix_table = dict(tables.prefixes)
    word_table = dict(tables.words)
    minor_table = dict(tables.minor)
    prefix_table["$"] = currencies["dollar_words"]["default"]
    # prefixes whose currency depends on the article (a rand "R"): a marker here, resolved in _Context
    context_prefixes = {p: rule for p, rule in currencies["by_context"]["prefixes"].items() if not p.startswith("_")}
    for p in context_prefixes:
        prefix_table[p] = CONTEXT
    # A currency prefix right before the number ("US$", "RMB", "Rs.", "€"), allowing one space.
    prefix_at = compile_fast(rf"(?P<cur>{_alternation(prefix_table)})\s?")
    prefix_before = compile_fast(rf"(?<![A-Za-z])(?P<cur>{_alternation(prefix_table)})\s?\Z")
    word_after = compile_fast(rf"\s*+(?P<cur>{_trie(word_table)})(?![A-Za-z])", regex.IGNORECASE)
    minor_after = compile_fast(rf"\s*+(?P<cur>{_trie(minor_table)})(?![A-Za-z])", regex.IGNORECASE)
    qualifier_before = compile_fast(rf"(?<![A-Za-z])(?P<q>{_alternation(quals, flags='i')})\s++\Z", AT_END)
    # the words a qualifier ends with, for a string test before the search (``_Context._left_edge``);
    # None if one is not ASCII (its folded form would not be the word)
    qualifier_ends = tuple({q.split()[-1].lower() for q in quals}) if all(q.isascii() for q in quals) else None
    measure_after = compile_fast(rf"[ \t-]*+{_alternation(units['measure_units'], flags='i')}(?![A-Za-z])")
    time_after = compile_fast(rf"[ \t-]*+{_alternation(units['time_units'], flags='i')}(?![A-Za-z])")
    # only whether it matches is used, so it may be searched from the end (not possessive: "SARS-CoV-" keeps its "-")
    identifier_before = compile_fast(
        rf"(?<![A-Za-z])(?:{_alternation(counts['identifier_words'], flags='i')})[\s#-]*\Z", AT_END
    )
    directions = load_json("directions.json")
    range_sep = compile_fast(r"\s*+(?P<sep>-|–|—|to|and|through)\s*+", regex.IGNORECASE)
    return {
        "candidates": candidates,
        "candidate_scans": candidate_scans,
        "candidate_filters": candidate_filters,
        "scale_after": scale_after,
        "percent_after": percent_after,
        "percent_units": {k.lower(): v for k, v in units["percent_units"].items()},
        "prefix_before": prefix_before,
        "prefix_at": prefix_at,
        "prefix_table": prefix_table,
        "word_after": word_after,
        "word_table": word_table,
        "currency_tables": tables,
        "context_prefixes": context_prefixes,
        "minor_after": minor_after,
        "minor_table": minor_table,
        "qualifier_before": qualifier_before,
        "qualifier_ends": qualifier_ends,
        "measure_after": measure_after,
        "time_after": time_after,
        "identifier_before": identifier_before,
        "range_sep": range_sep,
        "stop_words": frozenset(counts["stop_words"]),
        "plural_exceptions": frozenset(counts["plural_exceptions"]),
        "not_plural_endings": tuple(counts["not_plural_endings"]),
        "vague_words": frozenset(counts["vague_words"]),
        "yen": currencies["yen_sign"],
        "fractions": lex["fractions"],
        "change_words": frozenset(directions["increase"] + directions["decrease"]),
    }


_BETWEEN_WORD = "between"
_BETWEEN = compile_fast(rf"(?<![A-Za-z]){_BETWEEN_WORD}\s++\Z", regex.IGNORECASE)
_OF = compile_fast(r"\s*+of\b")
_MINUS_WORDS = ("minus", "negative")
_MINUS = compile_fast(rf"(?<![A-Za-z])(?:{'|'.join(_MINUS_WORDS)})\s++\Z", regex.IGNORECASE | AT_END)
_CLAUSE_BY = compile_fast(r"(?:^|[.;,:]\s)(?P<clause>[^.;,:]*)\bby\s++\Z")
_PARTITIVE = compile_fast(r"\s++of\s++(?:the|its|their|these|those|our|all\b|\d|[A-Z][A-Za-z.&-]*+['’]s\s)")
_CLOSED_AT = compile_fast(r"(?:clos|end|finish|open|settl|trad)(?:e|ed|es|ing)?\s++at\s*+\Z")
_POINTS_BEFORE = compile_fast(r"\bpoints?\b[^.;,]*\Z", regex.IGNORECASE)
_HYPHEN_WORD = compile_fast(r"-[A-Za-z]")
_TIME_OF_DAY = compile_fast(r"\s*+(?::\d|[ap]\.?m\.?(?![A-Za-z])|o'clock)", regex.IGNORECASE)
_PER_BEFORE = compile_fast(r"(?:\bper\s++|/\s*+)\Z", regex.IGNORECASE)
_ONE_IN_BEFORE = compile_fast(r"\b(?:one|\d+)\s++(?:in|out\s+of)\s++\Z", regex.IGNORECASE | AT_END)
_SPACE_RUN = compile_fast(r"\s+")
# what follows the fraction in "three quarters of a percentage point", "a half-point" (compiled once: a
# pattern passed as a string is looked up in the regex module's cache on every call, which costs more here)
_OF_A_POINT_END = regex.compile(r"\s*(?:\bof\s+)?\ba\s+(?:percentage|per\s?cent)[\s-]+points?$")
_POINT_END = regex.compile(r"[\s-]+(?:a\s+)?(?:percentage[\s-]+)?points?$")
_OBJECT_NEXT = compile_fast(
    r"\s++(?:higher|lower|more|less|fewer|a|an|the|their|its|his|her|record|strong|weak|\d)\b", regex.IGNORECASE
)
_NEXT_WORD = compile_fast(r"[ \t]++(?P<w>[A-Za-z]++)\b")
_VERB_AFTER = frozenset(
    "were was are is had have has did said say voted fell rose grew won lost saw got went made took remain remained "
    "stayed held kept chose".split()
)
_VERB_BEFORE = frozenset(
    "close closed closing cut cuts add added adding hire hired shed open opened opening approve approved reject "
    "rejected sell sold buy bought build built lose lost gain gained create created shut axe axed".split()
)
_US_CENTS = compile_fast(r"U\.?S\.?\s*cents?", regex.IGNORECASE)  # "69.55 U.S. cents": no other currency's cents
# a verb of motion right before "up to": "edged up to", "ticked up to", "was revised up to", "went up to"
_MOVED_BEFORE = compile_fast(
    r"\b(?:[a-z]+(?:ed|ing)|went|goes|go|came|comes|come|rose|shot|crept|edges|ticks|inches|moves|creeps)\s++\Z",
    regex.IGNORECASE,
)


def _squash(text: str) -> str:
    """Runs of white space to one space."""
    return _SPACE_RUN.sub(" ", text)


_LAST_WORD = compile_fast(r"(?P<word>[A-Za-z]++)\s++\Z", AT_END)
_SPACES = compile_fast(r"[ \t\u00a0]++")
_WORD = compile_fast(r"[A-Za-z][A-Za-z'’&-]*+(?:\.[A-Za-z]++)++\.?|[A-Za-z][A-Za-z'’&-]*+")  # "U.S." is one word
_SENTENCE_START = compile_fast(r"(?:\A|[.!?:;\n\"“(]\s*+)\Z")
_CAPITALISED_BEFORE = compile_fast(r"(?P<word>[A-Z][A-Za-z&'’.]*+)\s++\Z")
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def find_quantities(
    text: str, *, exclude: list[tuple[int, int]] | None = None, published: date | None = None
) -> list[QuantityMatch]:
    """All percentages, money amounts and counts in ``text``, sorted by start.

    ``exclude`` lists character spans already claimed by another stage (periods, the dateline):
    no quantity starts inside one or overlaps it. ``published`` picks among currencies that share a
    unit word by which were in use then.
    """
    g = _grammar()
    folded = fold_width(text)
    context = _Context(folded, g, published)
    blocked = _Spans(exclude or [])
    results: list[QuantityMatch] = []
    consumed_to = 0
    for cand in number_candidates(folded):
        if cand.start() < consumed_to or blocked.reach(cand.start() + 1) > cand.start():
            continue
        found = context.read(cand)
        if found is None and results and results[-1].kind in ("money", "percentage"):
            found = context.compared_amount(cand, results[-1])
        if found is None:
            found = context.unit_said_after(cand)
        if found is None:
            continue
        if blocked.reach(found.end) > found.start:
            continue
        if found.rule == "count_elided" and not _follows_a_count(folded, results, found.start):
            continue
        if found.rule == "money_minor" and found.unit == "USD" and not _US_CENTS.search(text, found.start, found.end):
            found = _cents_currency(found, results)
        results.append(_with_text(found, text))
        consumed_to = found.end
    _currency_said_once(folded, results)
    return results


_VERSUS = compile_fast(r"\bvs\b|\bversus\b")
# a table row: a label of up to four words at the start of a line, then its first figure
_ROW_LABEL = compile_fast(r"[ \t]*+(?P<label>[A-Za-z][A-Za-z.&'-]*+(?: [A-Za-z][A-Za-z.&'-]*+){0,3}) ++(?=[\d$])")


def _currency_said_once(text: str, found: list[QuantityMatch]) -> None:
    """A bare amount whose currency was said for its series is money in that currency: after an amount of the
    same sentence ("fell to 2.51 billion dlrs from 2.98 billion"), on an earnings-table row of money ("Net 13.7
    mln vs 25.2 mln" in a table of "cts" and "dlrs"), or after a money noun ("a loss of 125,047"). After a
    physical measure of its sentence ("6.4 mln hectares against 6.6 mln") it is that measure: not a figure."""
    g = _series_grammar()
    keep = []
    for i, m in enumerate(found):
        if m.kind == "count" and m.counted is None and m.rule in ("count_bare", "count_bare_range"):
            prior = _amount_before(text, found, i)
            sentence_start = prior.end if prior is not None else _sentence_start(text, m.start)
            if prior is not None and prior.kind == "money" and _same_series(text, prior.end, m.start):
                m.kind, m.unit, m.rule = "money", prior.unit, "money_series"
            elif g["measure"].search(text, sentence_start, m.start):
                continue  # the measure was said once for the series
            else:
                currency = _article_currency(found, i)
                label = _row_label(text, m.start)
                if currency and label and label[0] in g["money_rows"] and label[0] not in g["count_rows"]:
                    m.kind, m.unit, m.rule = "money", currency, "money_table"
                elif currency and g["money_noun"].search(text, max(0, m.start - 40), m.start):
                    m.kind, m.unit, m.rule = "money", currency, "money_noun"
        keep.append(m)
    found[:] = keep


@lru_cache(maxsize=1)
def _series_grammar() -> dict:
    rows = load_json("earnings_tables.json")
    units = load_json("units.json")["measure_units"]
    scales = list(lexicon()["scales"]) + list(lexicon()["spaced_abbreviations"])
    return {
        "money_rows": frozenset(rows["money_rows"]),
        "count_rows": frozenset(rows["count_rows"]),
        "money_noun": compile_fast(
            rf"\b(?:{_trie(rows['money_nouns'])})\s++(?:of|by|to|totall?ing|at)\s++\Z", regex.IGNORECASE
        ),
        # a number with a physical unit: "6.41 mln ha", "500,000 tonnes"
        "measure": compile_fast(
            rf"\d[\d,./-]*+\s*+(?:(?:{_trie(scales)})\s++)?(?:{_trie(units)})(?![A-Za-z])", regex.IGNORECASE
        ),
    }


# what stands between an amount and a bare number compared with it ("21.6 cents vs 12", "vs loss 3")
_COMPARED_GAP = compile_fast(r"\s*+(?:vs\.?|versus)\s++(?:(?:loss|profit)\s++)?", regex.IGNORECASE)
# between a level and what it is compared with ("to 5.84 pct from 6.22", "at 3.85 pct, up from 3.80")
_LEVEL_COMPARED_GAP = compile_fast(
    r"\s*+,?\s*+(?:(?:up|down)\s++)?(?:from|against|compared\s++(?:with|to))\s++", regex.IGNORECASE
)
_NUMBER_OF = compile_fast(r"\bnumbers?\s++of\b", regex.IGNORECASE)


def _same_series(text: str, end: int, start: int) -> bool:
    """Whether a figure can continue the series of the amount before it: a few words apart, and no
    "the number of" between them ("1.2 billion yuan, and the number of shoppers fell to 4.1 million")."""
    between = text[end:start]
    return len(between.split()) <= 12 and not _NUMBER_OF.search(between)


def _amount_before(text: str, found: list[QuantityMatch], i: int) -> QuantityMatch | None:
    """The nearest figure before ``found[i]`` in its sentence that is not a percentage (within 250 characters)."""
    for prev in reversed(found[:i]):
        if found[i].start - prev.end > 250 or _SENTENCE_BREAK.search(text, prev.end, found[i].start):
            return None
        if prev.kind != "percentage":
            return prev
    return None


def _sentence_start(text: str, pos: int) -> int:
    window = max(0, pos - 250)
    last = None
    for last in _SENTENCE_BREAK.finditer(text, window, pos):
        pass
    return last.end() if last is not None else window


def _article_currency(found: list[QuantityMatch], i: int) -> str | None:
    """The currency of the article's amounts: of the nearest amount before ``found[i]``, else after it."""
    for prev in reversed(found[:i]):
        if prev.kind == "money":
            return prev.unit
    return next((m.unit for m in found[i + 1 :] if m.kind == "money"), None)


def _row_label(text: str, start: int) -> list[str]:
    """The label of the table row a figure is on, as lower-cased words ([] when its line is not a row):
    "Net loss 55.5 mln vs loss 21.4 mln" gives ["net", "loss"] for both figures."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if not _VERSUS.search(line) and (len(line) > 50 or line.endswith(".")):
        return []  # a sentence, not a row: rows compare ("vs") or are short and end without a full stop
    m = _ROW_LABEL.match(text, line_start)
    if m is None or m.end() > start:
        return []
    words = m["label"].split()
    if len(words[0]) > 1 and words[0][0].islower() and words[0][1].isupper():
        words[0] = words[0][1:]  # a footnote letter glued to the label: "dOper net"
    return [w.lower() for w in words]


def number_candidates(text: str):
    """The matches of ``candidates.finditer(text)``, found by its three branches scanned apart.

    Exactly the same matches: at each step the earliest head wins (the first branch on a tie), and a
    branch whose head starts inside the match just taken searches again from its end, as the
    alternation would have.
    """
    g = _grammar()
    searches = []
    padded = None
    for scan, where in zip(g["candidate_scans"], g["candidate_filters"]):
        if where is None:
            searches.append(partial(scan.search, text))
        else:
            padded = " " + fold_for_index(text) if padded is None else padded
            searches.append(_Search(scan, text, [m.start() for m in where.finditer(padded)]))
    heads = [search(0) for search in searches]
    while True:
        best = None
        for i, head in enumerate(heads):
            if head is not None and (best is None or head.start() < heads[best].start()):
                best = i
        if best is None:
            return
        match = heads[best]
        yield match
        end = match.end()
        for i, head in enumerate(heads):
            if head is not None and head.start() < end:
                heads[i] = searches[i](end)


class _Search:
    """``scan.search(text, pos)`` for a scan that can only match at ``starts`` (sorted): the first of
    them from ``pos`` where it matches (a match at a position does not depend on where the search began)."""

    __slots__ = ("match", "text", "starts", "next")

    def __init__(self, scan: regex.Pattern, text: str, starts: list[int]) -> None:
        self.match = scan.match
        self.text = text
        self.starts = starts
        self.next = 0  # searches go forward: where the last one left the list

    def __call__(self, pos: int) -> regex.Match | None:
        starts, text, match = self.starts, self.text, self.match
        low = self.next if self.next == 0 or starts[self.next - 1] < pos else 0
        for index in range(bisect_left(starts, pos, low), len(starts)):
            found = match(text, starts[index])
            if found is not None:
                self.next = index + 1
                return found
        self.next = len(starts)
        return None


_SENTENCE_BREAK = compile_fast(r"[.!?]\s|\n")


def _follows_a_count(text: str, earlier: list[QuantityMatch], start: int) -> bool:
    """Whether a count of named things comes earlier in the same sentence, close by."""
    for prev in reversed(earlier):
        if start - prev.end > 200:
            return False
        if prev.kind == "count" and prev.counted is not None:
            return not _SENTENCE_BREAK.search(text, prev.end, start)
    return False


CENT_CURRENCIES = frozenset({"USD", "EUR", "HKD", "SGD", "AUD", "CAD", "NZD", "TWD"})


def _cents_currency(found: QuantityMatch, earlier: list[QuantityMatch]) -> QuantityMatch:
    """"30 cents" after "€3.10" is euro cents: cents take the currency of the last amount that has them."""
    for prev in reversed(earlier):
        if prev.kind == "money" and prev.unit in CENT_CURRENCIES:
            found.unit = prev.unit
            return found
    return found


def _with_text(m: QuantityMatch, text: str) -> QuantityMatch:
    m.text = text[m.start : m.end]
    return m


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


class _Context:
    """Reads one candidate number in its context and decides what figure, if any, it is."""

    def __init__(self, text: str, grammar: dict, published: date | None = None):
        self.text = text
        self.g = grammar
        self.published = published  # which currencies were in use (a bare "francs" in 1987 or in 2024)
        self._yen: str | None = None
        # The text as text.pattern_index.fold_for_index folds it (same offsets; ASCII lower-cased, every white space
        # a space, a letter that matches an ASCII one case-insensitively that letter): a string test on it
        # can tell that a case-insensitive pattern cannot match, and skip the search (tests/test_properties.py).
        self.lowered = fold_for_index(text)
        self.has_minus_words = any(word in self.lowered for word in _MINUS_WORDS)
        self.has_between = _BETWEEN_WORD in self.lowered

    # -- reading the parts around a number -------------------------------------------------

    def read(self, cand: regex.Match) -> QuantityMatch | None:
        if cand["fraction"]:
            return self._fraction_of_point(cand)
        fig = self._figure(cand.start(), cand)
        if fig is None:
            return None
        start, qualifier = self._left_edge(fig)
        between = False
        if qualifier is None and self.has_between:
            m = _BETWEEN.search(self.text[max(0, start - 12) : start])
            if m:
                between, start = True, start - (len(m.group(0)))
        high = None if fig.offer is not None else self._range_end(fig, between)
        end = fig.end
        value_high = fig.offer
        if high is not None:
            # the first figure borrows scale and unit from the second: "5 to 7 percent", "$1.2-1.5 billion"
            if not fig.scaled and high.scaled and not fig.written:
                fig.value = clean_decimal(fig.value * self._scale_of(high))
            fig.rule = (high.rule if fig.rule == "number" else fig.rule) + "_range"
            fig.percent_unit = fig.percent_unit or high.percent_unit
            fig.currency = fig.currency or high.currency
            value_high, end = high.value, high.end
        elif between:
            start = fig.start  # no range after all: "between" is not part of the figure
        return self._classify(fig, start, end, qualifier, value_high)

    def _figure(self, pos: int, cand: regex.Match | None = None, *, in_range: bool = False) -> _Figure | None:
        """Read a number at ``pos`` (digits or words) with its scale, percent unit or currency.

        ``in_range``: the number is the upper end of a range, so a dash right before it is the range's.
        """
        g, text = self.g, self.text
        if cand is None:
            cand = g["candidates"].match(text, pos)
            if cand is None or cand["fraction"]:
                return None
        start, end = cand.start(), cand.end()
        written = cand["words"] is not None
        if written:
            value = parse_number_words(cand.group(0))
            if value is None:
                return None
            low = cand.group(0).lower()
            scaled = any(w in low for w in g_scale_words())
            fig = _Figure(start, end, value, True, scaled, False, False, rule="written_number")
        else:
            raw = cand.group(0)
            offer = None
            if "/" in raw and "." in raw:
                raw, offer = raw.split("/")[0], parse_quote(raw)
            value = parse_digits(raw)
            if value is None:
                return None
            grouped = "," in raw or not raw.isascii() and any(c in raw for c in "\u00a0\u202f\u2009")
            fig = _Figure(start, end, value, False, False, grouped, "." in raw or "/" in raw, offer=offer)
            if not in_range:
                if not self._digits_left_ok(start):
                    return None
                sign_start = self._sign_before(start)
                if sign_start is not None:
                    fig.value, fig.start = -fig.value, sign_start
        m = g["scale_after"].match(text, end)
        if m and not fig.written or (m and (m["scale"] or m["spaced"]) and not fig.scaled):
            factor = scale_value(m.group(0).strip(" -"))
            if factor is not None:
                fig.value = clean_decimal(fig.value * factor)
                fig.scaled, fig.end = True, m.end()
        if not fig.written and not fig.scaled and self._glued_letters_after(fig.end):
            # "5G", "737MAX", "2nd", "1H24": part of a name, not a figure, unless a unit follows
            if not any(g[k].match(text, fig.end) for k in ("percent_after", "word_after", "minor_after")):
                return None
        m = g["percent_after"].match(text, fig.end)
        if m:
            fig.percent_unit = g["percent_units"].get(_squash(m["unit"].lower()))
            if fig.percent_unit:
                fig.end, fig.rule = m.end(), "percentage"
                return fig
        prefix = self._currency_before(fig.start)
        if prefix:
            code, prefix_start = prefix
            fig.currency, fig.start, fig.rule = code, prefix_start, "money_prefix"
            return fig
        m = g["word_after"].match(text, fig.end)
        if m and not (m["cur"].lower().startswith("pound") and _OF.match(text[m.end() : m.end() + 4])):
            word = _squash(m["cur"].lower())
            fig.currency = g["word_table"][word]
            if fig.currency == CONTEXT:
                fig.currency = self.g["currency_tables"].resolve_unit(word, self.text, fig.start, self.published)
            fig.end, fig.rule = m.end(), "money_word"
            return fig
        m = g["minor_after"].match(text, fig.end)
        if m and not fig.scaled and (len(m["cur"]) > 1 or m.start("cur") == fig.end):
            fig.currency = g["minor_table"][_squash(m["cur"].lower())]
            fig.value = clean_decimal(fig.value / 100)
            fig.end, fig.minor, fig.rule = m.end(), True, "money_minor"
        return fig

    def _digits_left_ok(self, start: int) -> bool:
        """Digits glued to letters on the left ("M2", "G20", "COVID-19") are names, unless a currency ("RMB1.2")."""
        text = self.text
        if start == 0:
            return True
        before = text[start - 1]
        if before.isalpha():
            return self._currency_before(start) is not None
        if before in "-–" and start >= 2 and (text[start - 2].isalnum() or text[start - 2] in "-–"):
            return False
        if before in "./:#" and start >= 2 and text[start - 2].isalnum():
            return False
        return True

    def _sign_before(self, start: int) -> int | None:
        """Where a minus sign before the number starts ("-0.3%", "minus 0.4 percent"), or None."""
        text = self.text
        if start >= 1 and text[start - 1] in "-–" and (start == 1 or text[start - 2] in " (\n\t["):
            return start - 1
        if not self.has_minus_words:
            return None
        window = max(0, start - 10)
        m = _MINUS.search(text[window:start])
        return window + m.start() if m else None

    def _glued_letters_after(self, end: int) -> bool:
        return end < len(self.text) and (self.text[end].isalpha())

    def _currency_before(self, start: int) -> tuple[str, int] | None:
        window_start = max(0, start - 12)
        m = self.g["prefix_before"].search(self.text[window_start:start])
        if not m:
            return None
        symbol = m["cur"]
        code = self.g["prefix_table"][symbol]
        if code == CONTEXT:
            rule = self.g["context_prefixes"][symbol]
            glued = window_start + m.end("cur") == start
            if (rule.get("glued") and not glued) or not any(c in self.text for c in rule["cues"]):
                return None  # "R2" in a text that never names the rand is not money
            code = rule["code"]
        if symbol == "¥":
            code = self._yen_code()
        return code, window_start + m.start("cur")

    def _yen_code(self) -> str:
        """'¥' is the yen unless the article talks of yuan/renminbi and never of the yen."""
        if self._yen is None:
            cues = self.g["yen"]
            chinese = any(c in self.text for c in cues["chinese_cues"])
            japanese = any(c in self.text for c in cues["japanese_cues"])
            self._yen = cues["chinese"] if chinese and not japanese else cues["default"]
        return self._yen

    def _left_edge(self, fig: _Figure) -> tuple[int, str | None]:
        """Extend the span left over a qualifier ("nearly", "more than")."""
        window_start = max(0, fig.start - LOOKBEHIND)
        ends = self.g["qualifier_ends"]
        if ends is not None and not self.lowered[window_start : fig.start].rstrip(" ").endswith(ends):
            return fig.start, None  # no qualifier ends right before the number: most numbers stop here
        m = self.g["qualifier_before"].search(self.text[window_start : fig.start])
        if not m:
            return fig.start, None
        qualifier = _squash(m["q"].lower())
        if qualifier == "up to" and _MOVED_BEFORE.search(self.text, max(0, window_start - 20), window_start + m.start("q")):
            return fig.start, None  # "edged up to 3.9%": a move up, then "to"; not "at most"
        return window_start + m.start("q"), qualifier

    def _range_end(self, fig: _Figure, between: bool) -> _Figure | None:
        """The upper figure of a range starting with ``fig``, or None."""
        m = self.g["range_sep"].match(self.text, fig.end)
        if not m:
            return None
        sep = m["sep"].lower()
        if sep == "and" and not between:
            return None
        word_before = self._word_before(fig.start) if sep in ("to", "through") else ""
        if word_before == "from" or (
            (fig.percent_unit or fig.currency) and (word_before == "by" or word_before in self.g["change_words"])
        ):
            return None  # "from 5% to 7%", "rose 3% to 5%": two figures, not a range
        nxt = self.g["candidates"].match(self.text, m.end())
        pos = m.end()
        if nxt is None:
            pref = self.g["prefix_at"].match(self.text[pos : pos + 6])
            if not pref:
                return None
            pos += pref.end()
            nxt = self.g["candidates"].match(self.text, pos)
            if nxt is None:
                return None
        if nxt["fraction"]:
            return None
        high = self._figure(pos, nxt, in_range=True)
        if high is None or high.value < fig.value and not (fig.value < 0):
            return None
        if word_before in self.g["change_words"] and high.value > 3 * fig.value:
            return None  # "rose 1-1/8 to 24-1/8 dlrs": a change and the level it reached, not a range
        if word_before == "by" and not (high.percent_unit or high.currency):
            return None  # "fell by eight to 507": a change and a level
        if (fig.percent_unit and high.currency) or (fig.currency and high.percent_unit):
            return None  # "by 11.1 per cent to ₹11.11 lakh crore": a change and a level
        if fig.percent_unit and high.percent_unit and fig.percent_unit != high.percent_unit:
            return None
        if fig.currency and high.currency and fig.currency != high.currency:
            return None
        if (fig.percent_unit or fig.currency) and not (high.percent_unit or high.currency) and sep not in "-–—":
            return None
        return high

    def _word_before(self, start: int) -> str:
        """The word right before the figure, lower-cased ("rose" in "rose 3% to 5%", "by" in "by Rs 117 to...")."""
        m = _LAST_WORD.search(self.text[max(0, start - 24) : start])
        return m["word"].lower() if m else ""

    def _elided_shape(self, start: int, end: int) -> bool:
        """A number standing for a noun said before it: a verb right after it ("two voted against",
        "120 were approved", "22 gaining") or a verb that takes things right before it ("will close 80")."""
        after = _NEXT_WORD.match(self.text, end)
        if after and (after["w"].lower() in _VERB_AFTER or after["w"].lower().endswith(("ed", "ing"))):
            return True
        before = _LAST_WORD.search(self.text, max(0, start - 20), start)
        return bool(before and before["word"].lower() in _VERB_BEFORE)

    def _after_change(self, window: str) -> bool:
        """"rigs fell by eight": a bare number after "by" that follows a change verb in its clause."""
        m = _CLAUSE_BY.search(window)
        if not m:
            return False
        words = m["clause"].lower().split()[-5:]
        return any(w in self.g["change_words"] for w in words)

    def _scale_of(self, high: _Figure) -> Decimal:
        m = self.g["scale_after"].match(self.text, self._number_end(high))
        if not m:
            return Decimal(1)
        return scale_value(m.group(0).strip(" -")) or Decimal(1)

    def _number_end(self, fig: _Figure) -> int:
        """Where the digits of ``fig`` end (it may start at a currency prefix)."""
        pos = fig.start
        while pos < fig.end:
            cand = self.g["candidates"].match(self.text, pos)
            if cand is not None and cand["digits"]:
                return cand.end()
            pos += 1
        return fig.end

    def _fraction_of_point(self, cand: regex.Match) -> QuantityMatch | None:
        phrase = _squash(cand.group(0).lower())
        head = _OF_A_POINT_END.sub("", phrase).strip()
        head = _POINT_END.sub("", head).strip()
        if head == "":
            value = Decimal(1)
        else:
            value = self.g["fractions"].get(head) or self.g["fractions"].get(head.replace("-", " "))
            if value is None and head.endswith("s"):
                value = self.g["fractions"].get(head[:-1])
            if value is None:
                return None
        start, qualifier = self._left_edge(_Figure(cand.start(), cand.end(), value, True, False, False, False))
        return QuantityMatch(
            start, cand.end(), "", "percentage", "fraction_of_point", value, unit="percentage_point", qualifier=qualifier
        )

    def compared_amount(self, cand: regex.Match, prior: QuantityMatch) -> QuantityMatch | None:
        """A bare number compared with the amount or percentage right before it is one of the same unit:
        "Shr 21.6 H.K. cents vs 12" (12 cents), "six cents vs three", and after a level ("to", "at") "fell to
        5.84 pct from 6.22", "opened at 1.8155/60 marks against 1.8187/97"."""
        if cand["fraction"]:
            return None
        if not _COMPARED_GAP.fullmatch(self.text, prior.end, cand.start()):
            level_gap = _LEVEL_COMPARED_GAP.fullmatch(self.text, prior.end, cand.start())
            if not level_gap or self._word_before(prior.start) not in ("to", "at"):
                return None
        fig = self._figure(cand.start(), cand, in_range=True)
        if fig is None or fig.scaled or fig.percent_unit or fig.currency or fig.value < 0:
            return None
        return self._like(prior.kind, prior.unit, prior.rule.startswith("money_minor"), fig, "compared")

    def unit_said_after(self, cand: regex.Match) -> QuantityMatch | None:
        """A bare level whose unit is said with what it is compared with: "to 13-3/4 from 13-1/2 pct"."""
        if not cand["digits"] or self._word_before(cand.start()) not in ("to", "at"):
            return None  # "cut to zero from 5 percent" is left alone: a word, not a quoted level
        fig = self._figure(cand.start(), cand, in_range=True)
        if fig is None or fig.scaled or fig.percent_unit or fig.currency or fig.value < 0:
            return None
        gap = _LEVEL_COMPARED_GAP.match(self.text, fig.end)
        nxt = gap and self.g["candidates"].match(self.text, gap.end())
        other = self._figure(gap.end(), nxt, in_range=True) if nxt and not nxt["fraction"] else None
        if other is None or not (other.percent_unit or other.currency) or other.scaled:
            return None
        kind = "percentage" if other.percent_unit else "money"
        return self._like(kind, other.percent_unit or other.currency, other.minor, fig, "unit_after")

    @staticmethod
    def _like(kind: str, unit: str | None, minor: bool, fig: _Figure, how: str) -> QuantityMatch:
        value = clean_decimal(fig.value / 100) if minor else fig.value
        high = clean_decimal(fig.offer / 100) if minor and fig.offer is not None else fig.offer
        return QuantityMatch(fig.start, fig.end, "", kind, f"{kind}_{how}", value, high, unit)

    # -- deciding the kind -------------------------------------------------------------------

    def _classify(
        self, fig: _Figure, start: int, end: int, qualifier: str | None, value_high: Decimal | None
    ) -> QuantityMatch | None:
        if fig.percent_unit:
            return QuantityMatch(
                start, end, "", "percentage", fig.rule, fig.value, value_high, fig.percent_unit, qualifier
            )
        if fig.currency:
            return QuantityMatch(start, end, "", "money", fig.rule, fig.value, value_high, fig.currency, qualifier)
        return self._count(fig, start, end, qualifier, value_high)

    def _count(
        self, fig: _Figure, start: int, end: int, qualifier: str | None, value_high: Decimal | None
    ) -> QuantityMatch | None:
        g, text = self.g, self.text
        if fig.value < 0 or self._not_a_count(fig, end):
            return None
        counted = self._counted(end)
        if counted is None:
            # A bare number counts only when it is clearly a quantity: "rose by 150,000", "2.3 million".
            if fig.decimal and not fig.scaled:
                return None
            partitive = _PARTITIVE.match(text[end : end + 40])  # "eight of Indonesia's 13 partners"
            if _CLOSED_AT.search(text[max(0, start - 20) : start]):
                return None  # "the Sensex closed at 77,860": an index level
            window = text[max(0, start - 60) : start]
            if _POINTS_BEFORE.search(window):
                return None  # "the Dow rose 300 points to 39,000": an index level
            after_change = not fig.decimal and self._after_change(window)
            if not (fig.scaled or (fig.grouped and fig.value >= 1000) or partitive or after_change):
                if not fig.decimal and value_high is None and self._elided_shape(start, end):
                    # "Seven members backed it and two voted against": kept only after a count of the
                    # same things in the sentence (find_quantities checks)
                    return QuantityMatch(start, end, "", "count", "count_elided", fig.value, None, None, qualifier)
                return None  # "20 of the country's 31 regions" is a count; a lone small number is not
            rule = "count_bare_range" if value_high is not None else "count_bare"
            return QuantityMatch(start, end, "", "count", rule, fig.value, value_high, None, qualifier)
        if fig.decimal and not fig.scaled:
            return None
        c_start, c_end = counted
        head = text[c_start:c_end].rsplit(None, 1)[-1]
        if g["time_after"].fullmatch(" " + head) or g["measure_after"].fullmatch(" " + head):
            return None  # "25 straight months", "3 million metric tonnes": a length of time or a measure
        return QuantityMatch(
            start, end, "", "count", "count_noun_range" if value_high is not None else "count_noun",
            fig.value, value_high, None, qualifier,
            text[c_start:c_end], c_start, c_end,
        )  # fmt: skip

    def _not_a_count(self, fig: _Figure, end: int) -> bool:
        """Years, identifiers, measures, tenors, times of day and the like."""
        g, text = self.g, self.text
        raw = text[fig.start : end]
        low = raw.lower()
        if fig.written and not fig.scaled and low.strip() in ("one", "a", "an"):
            return True
        if not fig.written and not fig.grouped and not fig.decimal and not fig.scaled and len(raw) == 4:
            if 1800 <= fig.value <= 2100:
                return True  # a year; the period stage resolves it
        after = text[end : end + 40]
        if _HYPHEN_WORD.match(after):
            return True  # "three-year notes", "65-year-old", "five-star": an adjective
        if _TIME_OF_DAY.match(after):
            return True  # a time of day
        if fig.value == 1 and _OF.match(after):
            return True  # "one of the biggest"
        if g["measure_after"].match(text, end) or g["time_after"].match(text, end):
            return True
        before = text[max(0, fig.start - LOOKBEHIND) : fig.start]
        if g["identifier_before"].search(before):
            return True
        if _ONE_IN_BEFORE.search(before):
            return True  # "one in five households": a ratio, not a count
        if _PER_BEFORE.search(before):
            return True  # "per 100,000 people": a rate's denominator
        if before.endswith(("(", "[")) and after.startswith((")", "]")):
            return True  # "(3)": a list marker
        cap = _CAPITALISED_BEFORE.search(before)
        if cap and not cap["word"].endswith(".") and not _SENTENCE_START.search(before[: cap.start()]):
            word = cap["word"].lower().rstrip(".")
            possessive = word.endswith(("'s", "’s", "s'", "s’"))  # "Singapore's 1.3 million households"
            if word not in _MONTHS and not possessive and not g["qualifier_before"].search(cap["word"] + " "):
                return True  # "Nifty 50", "Boeing 737", "S&P 500": part of a name
        return False

    def _counted(self, end: int) -> tuple[int, int] | None:
        """The counted noun phrase right after a number: up to four words, ending on the first plural noun."""
        g, text = self.g, self.text
        pos, words = end, []
        for _ in range(7):
            m = _SPACES.match(text, pos)
            if not m:
                break
            w = _WORD.match(text, m.end())
            if not w:
                break
            word = w.group(0).rstrip("'’-")
            low = word.lower()
            if low in ("and", "or") and words:
                pos = w.start() + len(word)  # "75 international and regional routes": one phrase
                continue
            if low in g["stop_words"] or low in _MONTHS or low in g["vague_words"]:
                break
            if not words and low.endswith("ed") and _OBJECT_NEXT.match(text, w.start() + len(word)):
                return None  # "27 posted higher profits": a verb and its object, not a noun phrase
            words.append((w.start(), w.start() + len(word), low))
            if self._plural(low):
                return words[0][0], words[-1][1]
            pos = w.start() + len(word)
        return None

    def _plural(self, word: str) -> bool:
        if word in self.g["plural_exceptions"]:
            return True
        if "-" in word:
            word = word.rsplit("-", 1)[-1]
        return len(word) > 2 and word.endswith("s") and not word.endswith(self.g["not_plural_endings"])


@lru_cache(maxsize=1)
def g_scale_words() -> tuple[str, ...]:
    """Scale words, for telling "three million" (scaled) from "three"."""
    return tuple(lexicon()["scales"]) + ("dozen", "hundred")
