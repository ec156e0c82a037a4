"""What the linker reads a text with: its words (found once per text), sentences and clauses, the words of
``patterns/linker/`` (``linking.json``, ``directions.json``, ``lexicon.json``), and the figures, periods and
bases it links."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate
from operator import itemgetter

import regex

from ..resources import load_json, per_patterns
from ..text.fastre import compile_fast as _compile
from ..text.fastre import prefix_alternation
from ..text.regex_tree import first_letters
from ..text.tables import Row, row_at

MAX_SUBJECT_WORDS = 12


@dataclass(frozen=True, slots=True)
class FigureRef:
    """A figure to link: its span, kind, value and unit, and for counts the counted noun."""

    start: int
    end: int
    kind: str
    value: Decimal | None = None
    unit: str | None = None
    counted: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class PeriodRef:
    start: int
    end: int
    has_dates: bool = True
    future: bool = False  # it starts after the article's date ("extended to April 15" in a story of April 1)
    today: bool = False  # it is the article's date, said as "today" ("so far today")


@dataclass(frozen=True, slots=True)
class BasisRef:
    start: int
    end: int
    basis: str


@dataclass(slots=True)
class Link:
    """What one figure is linked to. ``period`` and ``equivalent_of`` are indexes into the inputs."""

    subject: tuple[int, int] | None = None
    role: str | None = None
    direction: str | None = None
    basis: str | None = None
    period: int | None = None
    # the figure is dated by a comparison: not the period ``period`` itself but that period moved by
    # (months, days) - "Net 13.7 mln vs 25.2 mln" under "Nine mths", "from 2.98 billion a year earlier":
    # the earlier period's dates, with no period mention of its own (see ``compared.shifted_dates``)
    period_shift: tuple[int, int] | None = None
    # a figure of an earnings table with no heading above it: the quarter a report published that day covers
    # ("the Qtr rule" of the GUIDELINES), moved by ``period_shift`` for the figure after "vs"
    reported_quarter: bool = False
    equivalent_of: int | None = None
    cues: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # the ids of the role rules that answered (provenance)
    subject_rule: str | None = None  # the subject strategy that gave the subject (provenance)


# the standard library's engine: about twice as fast as ``regex`` on this simple pattern (each branch
# is greedy to its end, so nothing backtracks); words are read from the lower-cased text
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’&.-]*|\d[\d,.]*%?|[$€£¥₹]")


_BREAK = r"[;:!?()\[\]\"“”]|,(?=\s)|(?<![A-Za-z]\.[A-Za-z])\.(?=\s|$)|\n"  # a clause break; not "U.S. goods"


# a clause break, searched forward; the lookahead in front, which the character of every branch passes,
# lets the engine skip the other
# characters without trying each branch at them (twice as fast; the same matches)
CLAUSE_BREAK = _compile(rf"(?=[;:!?()\[\]\"“”,.\n])(?:{_BREAK})")


_LAST_CLAUSE_BREAK = _compile(_BREAK, regex.REVERSE)  # one-character matches: found from the end


def at_word_start(pattern: str) -> str:
    """``pattern``, whose every branch begins at a word start (``\\b``), behind a lookahead on the letters its
    branches can begin with, read from the pattern itself (:func:`~newsfigures.text.regex_tree.first_letters`):
    the engine skips every other position with that one test instead of trying each branch there. The lookahead
    only skips what no branch could match, so the matches are the same; a pattern the letters cannot be read from
    is returned as it is."""
    letters = first_letters(pattern)
    if letters is None:
        return pattern
    both_cases = "".join(sorted(letters | {c.upper() for c in letters}))
    return rf"(?=\b[{both_cases}])(?:{pattern})"


def any_word(words: list[str]) -> re.Pattern:
    """Whether any of ``words`` occurs as a whole word (only whether: which one is not told)."""
    return _compile(r"\b" + prefix_alternation(words) + r"\b")


@per_patterns
def linker_cues() -> dict:
    """The linker's words: the cue lexicons of ``linking.json`` and ``directions.json`` and the word lists of
    ``lexicon.json`` (each extended by the active pattern additions), as sets, tuples and patterns by name.
    Read once per figure or per document and passed on, not per word."""
    link = load_json("linking.json")
    directions = load_json("directions.json")
    cues = {
        "increase": frozenset(directions["increase"]),
        "decrease": frozenset(directions["decrease"]),
        "noun_like": frozenset(directions["noun_like"]),
        "count_increase": frozenset(directions["count_increase"]),
        "count_decrease": frozenset(directions["count_decrease"]),
        "level": frozenset(link["level_verbs"]),
        "share_before": tuple(link["share_before"]),
        "share_after": tuple(link["share_after"]),
        "target_after": tuple(link["target_after"]),
        "target": tuple(link["target_cues"]),
        "forecast": tuple(link["forecast_cues"]),
        "openers": frozenset(link["clause_openers"]),
        "aux": frozenset(link["auxiliaries"]),
        "rates": {k: Decimal(str(v)) for k, v in link["usd_rates"].items() if not k.startswith("_")},
        "verbs": frozenset(link["other_verbs"])
        | frozenset(w for w in link["target_cues"] + link["forecast_cues"] if " " not in w),
        "target_re": any_word(link["target_cues"]),
        "forecast_re": any_word(link["forecast_cues"]),
        "reporting": frozenset(link["reporting_verbs"]),
        **_word_lists(load_json("lexicon.json")),
    }
    # unions asked of single words
    cues["verb_words"] = cues["increase"] | cues["decrease"] | cues["level"] | cues["verbs"]  # sieve_subject's verbs
    cues["direction_forms"] = direction_forms(cues["increase"], cues["decrease"])
    cues["prepositions_or_determiners"] = cues["prepositions"] | cues["determiners"]
    cues["fillers_before_of"] = cues["count_fillers"] - {"of", "by", "to"}  # "growth of just 0.3 per cent"
    cues["not_a_verb_before"] = cues["determiners"] | cues["modals"] | {"will", "to", "shall"}  # "would account"
    return cues


def _word_lists(lexicon: dict) -> dict:
    """The named lists of ``lexicon.json`` as sets (a list of words) or dicts (words and what each gives)."""
    return {
        name: dict(entry["words"]) if isinstance(entry["words"], dict) else frozenset(entry["words"])
        for name, entry in lexicon.items()
        if not name.startswith("_")
    }


class computed_once:
    """A property computed on first use and then kept on the instance (like ``functools.cached_property``,
    without its lock: the objects it serves live within one call)."""

    def __init__(self, function) -> None:
        self.function, self.name = function, function.__name__
        self.__doc__ = function.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value


REACH = 600  # characters around a figure within which its links are looked for


class SortedByStart:
    """Items sorted by start, with the ones starting in [lo, hi) found by bisection."""

    __slots__ = ("items", "starts")

    def __init__(self, items: list, starts: list[int]) -> None:
        self.items, self.starts = items, starts

    def within(self, lo: int, hi: int) -> list:
        """The items that start in ``[lo, hi)``, in order."""
        return self.items[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]


class SortedPeriods:
    """Periods sorted by start, iterable like a list; the ones that may overlap a span found by bisection."""

    __slots__ = ("items", "starts", "reach")

    def __init__(self, periods: list[PeriodRef]) -> None:
        self.items = sorted(periods, key=lambda p: p.start)
        self.starts = [p.start for p in self.items]
        self.reach, furthest = [], -1
        for p in self.items:  # the furthest end so far: never decreasing, even where periods overlap
            furthest = max(furthest, p.end)
            self.reach.append(furthest)

    def __iter__(self):
        return iter(self.items)

    def near(self, lo: int, hi: int) -> list[PeriodRef]:
        """The periods that may overlap ``lo:hi``, in order: none of the others ends after ``lo`` and starts
        before ``hi`` (the caller still tests each one)."""
        return self.items[bisect_right(self.reach, lo) : bisect_left(self.starts, hi)]


def containing_span(spans: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int] | None:
    """The span of ``spans`` (sorted, not overlapping; ``starts`` their starts) that holds ``pos``, if any."""
    k = bisect_right(starts, pos) - 1
    if k >= 0 and spans[k][0] <= pos < spans[k][1]:
        return spans[k]
    return None


def find_clause_start(text: str, sent_start: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last clause break since ``sent_start``."""
    m = _LAST_CLAUSE_BREAK.search(text, sent_start, pos)  # the last break before the figure
    return m.end() if m else sent_start


def find_clause_end(text: str, pos: int, sent_end: int) -> int:
    """Where the clause holding ``pos`` ends: at the first clause break before ``sent_end``."""
    m = CLAUSE_BREAK.search(text, pos, sent_end)
    return m.start() if m else sent_end


WORD = itemgetter(2)  # the word of a (start, end, word) of the word index


_WORDS_SPLIT = re.compile(f"({_WORDS.pattern})")


class IndexedText:
    """One text as the linker reads it, built once per document and passed to every rule: the text, its
    lower-cased form (None where lower-casing moves offsets: "İ"), its words found once with their starts and
    ends (read by bisection for any slice), and answers asked more than once about it (``standing``, ``row``)."""

    __slots__ = ("text", "lower", "found", "starts", "ends", "standing", "rows")

    def __init__(self, text: str) -> None:
        self.text = text
        lower = text.lower()
        if len(lower) == len(text):
            self.lower = lower
            self.found, self.starts, self.ends = _index_words(lower)
        else:  # "İ" lower-cases to two characters: each word is lower-cased alone
            self.lower = None
            self.found = _slice_words(text, None, 0, len(text))
            self.starts, self.ends = [w[0] for w in self.found], [w[1] for w in self.found]
        self.standing: dict[tuple[int, int], bool] = {}  # whether a sentence states a standing fact
        self.rows: dict[int, Row | None] = {}  # the table row at a position (``row``)

    def words(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The words of ``text[start:end]`` as (start, end, lower-cased word); a word cut by an edge is read
        from its part inside, as a search of the slice would read it."""
        found, starts, ends = self.found, self.starts, self.ends
        i, j = bisect_right(ends, start), bisect_left(starts, end)  # the words that overlap the slice
        if i >= j:
            return []
        if starts[i] >= start and ends[j - 1] <= end:
            return found[i:j]
        text, source = self.text, self.lower
        if i == j - 1:
            return _slice_words(text, source, start, end)
        head = _slice_words(text, source, start, ends[i]) if starts[i] < start else [found[i]]
        tail = _slice_words(text, source, starts[j - 1], end) if ends[j - 1] > end else [found[j - 1]]
        return head + found[i + 1 : j - 1] + tail

    def first_words(self, start: int, end: int, n: int) -> list[tuple[int, int, str]]:
        """``words(start, end)[:n]``, without cutting the slice's last word when it is not among them."""
        found, starts, ends = self.found, self.starts, self.ends
        i = bisect_right(ends, start)
        # the text's next n words lie whole inside the slice: no edge cuts them, so they are its first n
        if i + n <= len(found) and starts[i] >= start and ends[i + n - 1] <= end:
            return found[i : i + n]
        return self.words(start, end)[:n]

    def row(self, pos: int) -> Row | None:
        """``text.tables.row_at(self.text, pos)``, read once per position (the story scope and the subject ask)."""
        rows = self.rows
        if pos not in rows:
            rows[pos] = row_at(self.text, pos)
        return rows[pos]

    def last_word(self, pos: int) -> str:
        """The last word within 20 characters before ``pos`` ("" if none)."""
        left = self.words(max(0, pos - 20), pos)
        return left[-1][2] if left else ""


def _index_words(lower: str) -> tuple[list[tuple[int, int, str]], list[int], list[int]]:
    """The words of a whole lower-cased text with their starts and ends, as ``_slice_words`` finds them: one
    split into gaps and words, their offsets summed from the lengths."""
    parts = _WORDS_SPLIT.split(lower)  # gap, word, gap, word, ..., gap
    offsets = list(accumulate(map(len, parts), initial=0))
    starts, ends = offsets[1:-1:2], offsets[2::2]
    return list(zip(starts, ends, [w.rstrip(".") for w in parts[1::2]])), starts, ends


def attributive_at(text: str, end: int):
    """The match of the noun phrase right after a figure ending at ``end`` ("a $400,000 [loan]"), group ``np``."""
    return _ATTRIBUTIVE.match(text, end)


def determiner_before(text: str, start: int) -> bool:
    """Whether a determiner ("a", "its", "the new") ends right before ``start``, within 24 characters."""
    return _DETERMINER_BEFORE.search(text, max(0, start - 24), start) is not None


def _slice_words(text: str, source: str | None, start: int, end: int) -> list[tuple[int, int, str]]:
    if source is not None:
        return [(m.start(), m.end(), m[0].rstrip(".")) for m in _WORDS.finditer(source, start, end)]
    return [(m.start(), m.end(), m[0].lower().rstrip(".")) for m in _WORDS.finditer(text, start, end)]


_INFLECTIONS = ("ing", "ed", "s", "es")


def number_word(word: str) -> bool:
    """A number other than a year ("revised its 1987 earnings estimate to 1.40 dlrs": the year is the object's)."""
    return word[0].isdigit() and not (len(word) == 4 and word.isdigit() and word[:2] in ("19", "20"))


def past_period(text: str, p: PeriodRef, end: int) -> int:
    """Where the words after a period that modifies them begin (past spaces and a hyphen), before ``end``."""
    return p.end + len(text[p.end : end]) - len(text[p.end : end].lstrip(" -"))


def direction_of(word: str, cues: dict) -> str | None:
    """ "increase"/"decrease" for a change word in any common inflection ("cutting", "trims", "shrunk"), looked
    up among the inflections of the cue words (``cues``: the linker's word lists, :func:`linker_cues`)."""
    return cues["direction_forms"].get(word)


def direction_forms(increase: frozenset[str], decrease: frozenset[str]) -> dict[str, str]:
    """Every word that :func:`direction_by_stems` gives a direction, with that direction: each cue word, and
    each suffix of ``_INFLECTIONS`` added to it, to it less its "e" ("rising"), or to it with its last letter
    doubled ("cutting") - where the stem left is longer than two letters. An increase wins over a decrease."""
    forms: dict[str, str] = {}
    for direction, words in (("decrease", decrease), ("increase", increase)):
        for cue in words:
            forms[cue] = direction
            for suffix in _INFLECTIONS:
                stems = [cue, cue + cue[-1:]]
                if cue.endswith("e"):
                    stems.append(cue[:-1])
                for stem in stems:
                    if len(stem) > 2:
                        forms[stem + suffix] = direction
    return forms


def direction_by_stems(word: str, increase: frozenset[str], decrease: frozenset[str]) -> str | None:
    """The reference for :func:`direction_forms`: a word's direction read from its possible stems."""
    forms = {word}
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # "cutting" -> "cut"
    if forms & increase:
        return "increase"
    if forms & decrease:
        return "decrease"
    return None


@per_patterns
def change_in_by() -> re.Pattern:
    """A change noun (``change_nouns``), what changed, then "by" and the figure: "an increase in exports to Asia
    by 5%" (groups ``noun``, ``np``); searched up to the figure."""
    nouns = prefix_alternation(sorted(linker_cues()["change_nouns"]))
    return _compile(
        rf"\b(?P<noun>{nouns})s?\s++(?:in|of)\s++(?P<np>[^,;:()]{{2,90}}?)\s++by\s*+\Z", regex.IGNORECASE
    )


# a clause that only continues the one before it: ", by a quarter point", ", to a range of"
CONTINUED = _compile(r"\s*+(?:by|to)\s++(?:an?\s++(?:range|target\s+range)\s++of\s++)?\Z", regex.IGNORECASE)






def is_past(word: str, cues: dict) -> bool:
    """A verb in the past tense, as far as a word alone tells: "voted", "rose", "fell" (``cues``: the linker's
    word lists, :func:`linker_cues`)."""
    return word.endswith("ed") and len(word) > 4 or word in cues["past_irregular"]


_ATTRIBUTIVE = _compile(
    r"[ -](?P<np>[a-z][a-z-]*+(?:\s++[a-z][a-z-]*+"
    r"(?=[,.;:)\n]|$|\s++(?:of|in|for|to|at|by|with|from|and|that|which|is|was|were|are|will|on)\b))?)"
    r"(?=[\s,.;:)]|$)"
)


_DETERMINERS_BEFORE = "a an its their his her our the this that whose".split()


_FRESH = "new fresh further additional planned proposed".split()


# a determiner before a figure: "a", "its", "the new"
_DETERMINER_BEFORE = _compile(
    at_word_start(rf"\b(?:{'|'.join(_DETERMINERS_BEFORE)})\s++(?:(?:{'|'.join(_FRESH)})\s++)?\Z"),
    regex.IGNORECASE,
)






