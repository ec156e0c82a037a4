"""Deciding what a figure is: a percentage or money amount if it has a unit, else perhaps a count.

A count is a number before a counted noun phrase ("691,400 personal pension accounts"), or a bare number that
is clearly a quantity (scaled, grouped and at least 1,000, partitive "eight of the 13", or after "by" and a
change verb), or a number standing for things counted before it in its sentence ("Seven members backed it and
two voted against": ``count_elided``, kept only after a count with its noun). Years, identifiers ("Boeing 737"),
measures ("3 million tonnes"), tenors ("10-year"), times of day, ratios ("one in five"), rates' denominators,
list markers and index levels ("closed at 8,200", "rose 300 points to 39,000") are not figures."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import regex

from ..text.fastre import compile_fast
from .figure import read_figure
from .grammar import AT_END, SENTENCE_BREAK
from .models import Figure, QuantityMatch
from .ranges import LAST_WORD, LOOKBEHIND
from .reading import Reading

_OF = compile_fast(r"\s*+of\b")
_CLAUSE_BY = compile_fast(r"(?:^|[.;,:]\s)(?P<clause>[^.;,:]*)\bby\s++\Z")
_PARTITIVE = compile_fast(r"\s++of\s++(?:the|its|their|these|those|our|all\b|\d|[A-Z][A-Za-z.&-]*+['’]s\s)")
_CLOSED_AT = compile_fast(r"(?:clos|end|finish|open|settl|trad)(?:e|ed|es|ing)?\s++at\s*+\Z")
_POINTS_BEFORE = compile_fast(r"\bpoints?\b[^.;,]*\Z", regex.IGNORECASE)
_HYPHEN_WORD = compile_fast(r"-[A-Za-z]")
_TIME_OF_DAY = compile_fast(r"\s*+(?::\d|[ap]\.?m\.?(?![A-Za-z])|o'clock)", regex.IGNORECASE)
_PER_BEFORE = compile_fast(r"(?:\bper\s++|/\s*+)\Z", regex.IGNORECASE)
_ONE_IN_BEFORE = compile_fast(r"\b(?:one|\d+)\s++(?:in|out\s+of)\s++\Z", regex.IGNORECASE | AT_END)
_OBJECT_NEXT = compile_fast(
    r"\s++(?:higher|lower|more|less|fewer|a|an|the|their|its|his|her|record|strong|weak|\d)\b", regex.IGNORECASE
)
_NEXT_WORD = compile_fast(r"[ \t]++(?P<w>[A-Za-z]++)\b")
_WORDS_AFTER = compile_fast(r"(?P<words>[^.;:!?\n]{0,40})")  # the words up to the clause's end, for a speaker verb
# a word of the noun phrase after "one": lower-case, or a name ("Vienna", "H.K.")
_PHRASE_WORD = compile_fast(r"[ \t\u00a0]++(?P<w>[a-z][a-z-]*+|[A-Z][A-Za-z&-]*+(?:\.[A-Za-z]++)*+\.?)(?![A-Za-z'’])")
_SPACES = compile_fast(r"[ \t\u00a0]++")
_WORD = compile_fast(r"[A-Za-z][A-Za-z'’&-]*+(?:\.[A-Za-z]++)++\.?|[A-Za-z][A-Za-z'’&-]*+")  # "U.S." is one word
_SENTENCE_START = compile_fast(r"(?:\A|[.!?:;\n\"“(]\s*+)\Z")
_CAPITALISED_BEFORE = compile_fast(r"(?P<word>[A-Z][A-Za-z&'’.]*+)\s++\Z")
# between a level and what it is compared with ("to 5.84 pct from 6.22", "at 3.85 pct, up from 3.80")
LEVEL_COMPARED_GAP = compile_fast(
    r"\s*+,?\s*+(?:(?:up|down)\s++)?(?:from|against|compared\s++(?:with|to))\s++", regex.IGNORECASE
)


def classify(
    r: Reading, fig: Figure, start: int, end: int, qualifier: str | None, value_high: Decimal | None
) -> QuantityMatch | None:
    """The figure ``fig`` spanning ``start:end`` as a percentage, money amount or count, or None."""
    if fig.percent_unit:
        return QuantityMatch(start, end, "", "percentage", fig.rule, fig.value, value_high, fig.percent_unit, qualifier)
    if fig.currency:
        return QuantityMatch(start, end, "", "money", fig.rule, fig.value, value_high, fig.currency, qualifier)
    if fig.written and value_high is None and r.text[fig.start : end] == "one":
        return _one_thing(r, start, end, qualifier)
    if fig.value < 0 or _not_a_count(r, fig, end):
        return None
    counted = _counted(r, end)
    if counted is None:
        return _bare_count(r, fig, start, end, qualifier, value_high)
    if fig.decimal and not fig.scaled:
        return None
    c_start, c_end = counted
    if fig.written and r.text[fig.start].isupper() and all(w[0].isupper() for w in r.text[c_start:c_end].split()):
        return None  # "Six Flags", "Three Rivers": a capitalised number word and a capitalised noun make a name
    head = " " + r.text[c_start:c_end].rsplit(None, 1)[-1]
    if r.grammar["time_after"].fullmatch(head) or r.grammar["measure_after"].fullmatch(head):
        return None  # "25 straight months", "3 million metric tonnes": a length of time or a measure
    rule = "count_noun_range" if value_high is not None else "count_noun"
    return QuantityMatch(
        start, end, "", "count", rule, fig.value, value_high, None, qualifier, r.text[c_start:c_end], c_start, c_end
    )


def _one_thing(r: Reading, start: int, end: int, qualifier: str | None) -> QuantityMatch | None:
    """A lower-case "one" before a singular noun phrase counts one thing: "killed one miner", "buy one share of
    common stock", "one H.K. Telecom share". Not a pronoun ("the one", "one of", "no one"), a speaker ("one
    dealer said", "said one analyst", "one senior Finance Ministry official warned"), an idiom ("one way", "one
    bad quarter") or a length of time or measure ("one day decline")."""
    g, text = r.grammar, r.text
    before = LAST_WORD.search(text, max(0, start - 20), start)
    if before and (before["word"].lower() in g["one_pronoun_before"] or before["word"].lower() in g["months"]):
        return None  # "the one that"; "April one": a day
    words, pos = [], end
    while len(words) < 5:
        w = _PHRASE_WORD.match(text, pos)
        low = w["w"].lower() if w else ""
        if not w or low in g["stop_words"] or low in g["speaker_verbs"] or low in g["months"] or low in g["weekdays"]:
            break
        words.append(w)
        pos = w.end()
    while words and not words[-1]["w"].islower():
        words.pop()  # the phrase ends on a common noun: "one entire session Friday" -> "entire session"
    if not words or not words[0]["w"].islower() and len(words) == 1:
        return None
    if any(w.lower() in g["speaker_verbs"] for w in _WORDS_AFTER.match(text, words[-1].end())["words"].split()[:4]):
        return None  # "one dealer said", "one official here said", "one fund manager does not agree"
    head = words[-1]["w"]
    if _plural(r, head) or head.endswith(("ed", "ing", "ly", "en")) or head in g["elided_verbs_after"]:
        return None  # not a singular noun: "one fell", "one posted", "one very shortly", "one written by"
    for w in words:
        low = w["w"].lower()
        if low in g["one_not_counted"] or g["time_after"].fullmatch(" " + low) or g["measure_after"].fullmatch(" " + low):
            return None  # "one way", "one bad quarter", "one year", "one day decline", "one ounce gold coin"
    c_start, c_end = words[0].start("w"), words[-1].end()
    return QuantityMatch(start, end, "", "count", "count_noun", Decimal(1), None, None, qualifier, text[c_start:c_end], c_start, c_end)


def _bare_count(
    r: Reading, fig: Figure, start: int, end: int, qualifier: str | None, value_high: Decimal | None
) -> QuantityMatch | None:
    """A number with no counted noun after it counts only when it is clearly a quantity: "rose by 150,000",
    "2.3 million", "20 of the country's 31 regions"; or, standing for a noun counted before it, ``count_elided``."""
    text = r.text
    if (fig.decimal and not fig.scaled) or _measure_said_after(r, end) or _unit_said_after(r, fig, end):
        return None
    partitive = _PARTITIVE.match(text[end : end + 40])  # "eight of Indonesia's 13 partners"
    if _CLOSED_AT.search(text[max(0, start - 20) : start]):
        return None  # "the Sensex closed at 77,860": an index level
    window = text[max(0, start - 60) : start]
    if _POINTS_BEFORE.search(window):
        return None  # "the Dow rose 300 points to 39,000": an index level
    after_change = not fig.decimal and _after_change(r, window)
    if fig.scaled or (fig.grouped and fig.value >= 1000) or partitive or after_change:
        rule = "count_bare_range" if value_high is not None else "count_bare"
        return QuantityMatch(start, end, "", "count", rule, fig.value, value_high, None, qualifier)
    if not fig.decimal and value_high is None and _elided_shape(r, start, end) and (
        _follows_a_count(r, start) or _with_before(r, start, end)
    ):
        return QuantityMatch(start, end, "", "count", "count_elided", fig.value, None, None, qualifier)
    return None  # a lone small number is not a count


def _measure_said_after(r: Reading, end: int) -> bool:
    """Whether the figure ending at ``end`` is compared with a measure, or joined to one that names the unit of
    both: "to 3.0 mln from 2.45 mln 60-kilo bags", "shipped 26,272 and 46,715 tonnes respectively"."""
    for other in _list_items(r, end, (LEVEL_COMPARED_GAP, AND_JOINED), AND_JOINED):  # "1,200, 1,350 and 1,410 barrels"
        if other.currency or other.percent_unit:
            return False
        if r.grammar["measure_after"].match(r.text, other.end):
            return True
    return False


def _unit_said_after(r: Reading, fig: Figure, end: int) -> bool:
    """Whether a number is joined by "and" to a money amount or a percentage that says the unit for both:
    "denominations of 1,000 and 10,000 dlrs", "at 2.09 billion and 1.72 billion dlrs" (the quantity finder then
    reads it in that unit); a number is joined only to one scaled as it is."""
    other = unit_figure_after(r, end, (AND_JOINED,))
    return other is not None and other.scaled == fig.scaled


def unit_figure_after(r: Reading, end: int, gaps: tuple) -> Figure | None:
    """The figure that says the unit of a bare number ending at ``end``: the next one past one of the ``gaps``, or
    the first with a unit along a list of bare numbers ("at 1,870, 1,875 and 1,880 dlrs"); None when the list
    ends, or reaches a scaled number with no unit, first."""
    for other in _list_items(r, end, gaps, gaps):
        if other.currency or other.percent_unit:
            return other
        if other.scaled:
            return None
    return None


def _list_items(r: Reading, end: int, first_gaps: tuple, gaps) -> Iterator[Figure]:
    """The figures of a list after the number ending at ``end``: the first past one of ``first_gaps``, each next
    past ``gaps``, up to ``LIST_LENGTH`` of them."""
    other = _figure_after(r, first_gaps, end)
    for _ in range(LIST_LENGTH):
        if other is None:
            return
        yield other
        other = _figure_after(r, gaps, other.end)


def _figure_after(r: Reading, gap_pattern, end: int) -> Figure | None:
    """The figure read right after ``end`` past a gap ``gap_pattern`` (or the first of a tuple of them) matches,
    if there is one."""
    patterns = gap_pattern if isinstance(gap_pattern, tuple) else (gap_pattern,)
    gap = next((m for m in (p.match(r.text, end) for p in patterns) if m), None)
    return read_figure(r, pos=gap.end(), in_range=True) if gap else None


AND_JOINED = compile_fast(r"\s++and\s++(?=\d)|\s*+,\s*+(?:and\s++)?(?=\d)")
LIST_LENGTH = 6  # the items of a list of bare numbers read to the one that says their unit


def _elided_shape(r: Reading, start: int, end: int) -> bool:
    """A number standing for a noun said before it: a verb right after it ("two voted against",
    "120 were approved", "22 gaining") or a verb that takes things right before it ("will close 80")."""
    after = _NEXT_WORD.match(r.text, end)
    if after and (after["w"].lower() in r.grammar["elided_verbs_after"] or after["w"].lower().endswith(("ed", "ing"))):
        return True
    before = LAST_WORD.search(r.text, max(0, start - 20), start)
    return bool(before and before["word"].lower() in r.grammar["elided_verbs_before"])


def _with_before(r: Reading, start: int, end: int) -> bool:
    """ "divided, with three predicting growth and two seeing none": "with" and a number acting as the subject
    of an -ing verb count the things said before."""
    before = LAST_WORD.search(r.text, max(0, start - 12), start)
    after = _NEXT_WORD.match(r.text, end)
    if before is None or after is None or not after["w"].lower().endswith("ing"):
        return False
    if before["word"].lower() == "and":  # "... and two seeing none": after such a count
        last = next((m for m in reversed(r.found) if m.kind == "count"), None)
        return last is not None and last.rule == "count_elided" and not SENTENCE_BREAK.search(r.text, last.end, start)
    return before["word"].lower() == "with"


def _follows_a_count(r: Reading, start: int) -> bool:
    """Whether a count of named things comes earlier in the same sentence, close by."""
    for prev in reversed(r.found):
        if start - prev.end > 200:
            return False
        if prev.kind == "count" and prev.counted is not None:
            return not SENTENCE_BREAK.search(r.text, prev.end, start)
    return False


def _after_change(r: Reading, window: str) -> bool:
    """"rigs fell by eight": a bare number after "by" that follows a change verb in its clause."""
    m = _CLAUSE_BY.search(window)
    if not m:
        return False
    words = m["clause"].lower().split()[-5:]
    return any(w in r.grammar["change_words"] for w in words)


def _not_a_count(r: Reading, fig: Figure, end: int) -> bool:
    """Years, identifiers, measures, tenors, times of day and the like."""
    text = r.text
    raw = text[fig.start : end]
    if fig.written and not fig.scaled and raw.lower().strip() in ("one", "a", "an"):
        return True
    digits = text[fig.start : fig.end].strip()
    if not fig.written and not fig.grouped and not fig.decimal and not fig.scaled and len(digits) >= 4 and digits.isdigit():
        # a year, which the period stage resolves; or a model or code ("the 3090 mainframes"): news groups the
        # thousands of a count ("3,090 jobs")
        return True
    after = text[end : end + 40]
    if _HYPHEN_WORD.match(after) or _TIME_OF_DAY.match(after):
        return True  # "three-year notes", "65-year-old", "five-star": an adjective; or a time of day
    if fig.value == 1 and _OF.match(after):
        return True  # "one of the biggest"
    if r.grammar["measure_after"].match(text, end) or r.grammar["time_after"].match(text, end):
        return True
    if r.grammar["fraction_after"].match(text, end):
        return True  # "two thirds of the votes": a fraction
    before = text[max(0, fig.start - LOOKBEHIND) : fig.start]
    if r.grammar["identifier_before"].search(before) or _ONE_IN_BEFORE.search(before) or _PER_BEFORE.search(before):
        return True  # "Article 15"; "one in five households": a ratio; "per 100,000 people": a rate's denominator
    if before.endswith(("(", "[")) and after.startswith((")", "]")):
        return True  # "(3)": a list marker
    return not fig.scaled and _part_of_a_name(r, before)  # "with Peru 4.5 billion": a scaled number is no name


def _part_of_a_name(r: Reading, before: str) -> bool:
    """"Nifty 50", "Boeing 737", "S&P 500": a capitalised word right before, not a sentence's first word,
    a month, a possessive ("Singapore's 1.3 million households") or a qualifier."""
    cap = _CAPITALISED_BEFORE.search(before)
    if not cap or cap["word"].endswith(".") or _SENTENCE_START.search(before[: cap.start()]):
        return False
    word = cap["word"].lower().rstrip(".")
    possessive = word.endswith(("'s", "’s", "s'", "s’"))
    return word not in r.grammar["months"] and not possessive and not r.grammar["qualifier_before"].search(cap["word"] + " ")


def _counted(r: Reading, end: int) -> tuple[int, int] | None:
    """The counted noun phrase right after a number: up to four words, ending on the first plural noun."""
    g, text = r.grammar, r.text
    pos, words = end, []
    for _ in range(7):
        m = _SPACES.match(text, pos)
        w = _WORD.match(text, m.end()) if m else None
        if not w:
            break
        word = w.group(0).rstrip("'’-")
        low = word.lower()
        if low in ("and", "or") and words:
            pos = w.start() + len(word)  # "75 international and regional routes": one phrase
            continue
        if low in g["stop_words"] or low in g["months"] or low in g["vague_words"]:
            break
        if not words and low.endswith("ed") and _OBJECT_NEXT.match(text, w.start() + len(word)):
            return None  # "27 posted higher profits": a verb and its object, not a noun phrase
        words.append((w.start(), w.start() + len(word), low))
        if _plural(r, low):
            return words[0][0], words[-1][1]
        pos = w.start() + len(word)
    return None


def _plural(r: Reading, word: str) -> bool:
    g = r.grammar
    if word in g["plural_exceptions"]:
        return True
    if "-" in word:
        word = word.rsplit("-", 1)[-1]
    if word.endswith(g["plural_endings"]) and word not in g["singular_with_plural_ending"]:
        return True  # "businessmen", "salespeople"
    return len(word) > 2 and word.endswith("s") and not word.endswith(r.grammar["not_plural_endings"])
