"""Link each figure to what it measures: subject, role, direction, basis, period and conversions.

Pure functions over the text and character spans, in the spirit of ConText (medspaCy): cues are
looked for inside the figure's clause (a comma, semicolon or sentence boundary closes the scope);
an elliptical list item ("..., clean production by 41.17 percent") inherits what its clause lacks
from the figure before it in the same sentence. Cues are data in ``patterns/linking.json`` and
``patterns/directions.json``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import regex

from .fastre import compile_fast as _compile
from .resources import load_json

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
    equivalent_of: int | None = None
    cues: list[str] = field(default_factory=list)


# the standard library's engine: about twice as fast as ``regex`` on this simple pattern (each branch
# is greedy to its end, so nothing backtracks); words are read from the lower-cased text
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’&.-]*|\d[\d,.]*%?|[$€£¥₹]")
_CLAUSE_BREAK = _compile(r"[;:!?()\[\]\"“”]|,(?=\s)|(?<![A-Za-z]\.[A-Za-z])\.(?=\s|$)|\n")  # not "U.S. goods"
_LAST_CLAUSE_BREAK = _compile(_CLAUSE_BREAK.pattern, regex.REVERSE)  # one-character matches: found from the end


def _any_word(words: list[str]) -> regex.Pattern:
    ordered = sorted(words, key=len, reverse=True)
    return _compile(r"\b(?:" + "|".join(regex.escape(w) for w in ordered) + r")\b")


@lru_cache(maxsize=1)
def _cues() -> dict:
    link = load_json("linking.json")
    directions = load_json("directions.json")
    return {
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
        "abbreviations": frozenset(link["abbreviations"]),
        "target_re": _any_word(link["target_cues"]),
        "forecast_re": _any_word(link["forecast_cues"]),
        "reporting": frozenset(link["reporting_verbs"]),
    }


_SENTENCE_END = _compile(r"(?<=[.!?])[\"”’)]*+\s++(?=[\"“(]?[A-Z0-9])|\n++")
_LAST_TOKEN = _compile(r"(?:^|\s)(?P<word>[\w.]+)[.!?]\Z", regex.REVERSE)  # same match, found from the end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation and line breaks, not fooled by "U.S." or "Jan. 31"."""
    abbreviations = _cues()["abbreviations"]
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0)[0] != "\n":
            last = _LAST_TOKEN.search(text, max(start, m.start() - 20), m.start())
            if last and (last["word"].lower().rstrip(".") in abbreviations or len(last["word"]) == 1):
                continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def link_figures(
    text: str,
    figures: list[FigureRef],
    periods: list[PeriodRef],
    bases: list[BasisRef],
    sentences: list[tuple[int, int]] | None = None,
) -> list[Link]:
    """One :class:`Link` per figure, in the order given. Sentences are found in the text when not given."""
    if sentences is None:
        sentences = split_sentences(text)
    sentence_starts = [s for s, _ in sentences]
    links: list[Link] = []
    dated = [(i, p) for i, p in enumerate(periods) if p.has_dates]
    attached = _attached_periods(text, figures, dated)
    dated_at = _Sorted(dated, [p.start for _, p in dated])
    bases_at = _Sorted(bases, [b.start for b in bases])
    figures_at = _Sorted(figures, [f.start for f in figures])
    asides: dict[tuple[int, int], int] = {}  # how far each period stands aside, by (period, sentence start)
    # periods that may bound a subject: not a possessive one, which is part of it ("January's gain")
    nominal = [p for p in periods if not text.startswith(("'s", "’s"), p.end)]
    previous: tuple[int, Link] | None = None  # last figure linked in the current sentence
    counted_before: tuple[int, tuple[int, int]] | None = None  # the last count of named things, and its noun
    for index, fig in enumerate(figures):
        sent = _containing(sentences, sentence_starts, fig.start) or (0, len(text))
        # nothing reads further than REACH characters around a figure, so that a text with no sentence
        # breaks (a list, a table flattened to one line) costs time linear in its length
        sent = (max(sent[0], fig.start - REACH), min(sent[1], fig.end + REACH))
        clause_start = _clause_start(text, sent[0], fig.start)
        clause_end = _clause_end(text, fig.end, sent[1])
        link = Link()
        _role_and_direction(text, fig, clause_start, clause_end, link)
        subject = _without_figures(_subject(text, fig, sent[0], clause_start, nominal), figures_at)
        link.subject = _clean_subject(text, subject, nominal)
        same_sentence = previous is not None and previous[0] >= sent[0]
        if same_sentence:
            _follow_the_figure_before(text, fig, link, figures[index - 1], previous[1], clause_start)
        if (
            fig.kind == "count"
            and fig.counted is None
            and counted_before
            and counted_before[0] >= sent[0]
            and (
                link.subject is None or _last_word(text, fig) != "to"  # not "taking [its network] to 1,487"
            )
        ):
            link.subject = counted_before[1]  # "seven members backed it and two voted against": members
        if (
            same_sentence
            and previous[1].subject
            and (
                _EXPECTED_AFTER.match(text, fig.end)
                or _ESTIMATES_OF.search(text, clause_start, fig.start)
                or _FIRST_REPORTED.match(text, fig.end)  # "revised to 229,000 from the 353,000 initially reported"
            )
        ):
            link.subject = previous[1].subject  # "rose to $1.63 billion, under the $1.66 billion analysts expected"
        if link.subject is not None and text[link.subject[0] : link.subject[1]].lower() in _PRONOUNS:
            link.subject = None  # "leaving them 13% lower": the subject of the figure before
        if link.subject is None and same_sentence and not (
            figures[index - 1].counted is not None and previous[1].subject == figures[index - 1].counted
            and fig.kind != "count" and _words(text, *figures[index - 1].counted)[-1][2] in _UNIT_NOUNS
        ):  # fmt: skip
            # "rose 14% to $3.42 billion": one subject, two figures - but a bare unit is not what the figures
            # after it measure ("sales totalled 24,126 units, down 9.5%": sales)
            link.subject = previous[1].subject
        if link.subject is None:
            link.subject = _sentence_subject(text, sent, fig, nominal)  # "M2, the broad money gauge, rose 8.7%"
        if (
            fig.kind == "count"
            and link.role in ("forecast", "target")
            and link.subject is not None
            and (_words(text, *link.subject)[-1][2] in _FORECASTERS)
        ):
            link.role = "level"  # "12 of the 17 economists had forecast a cut": a count of people, not a forecast
        link.basis = _basis(bases_at, fig, sent, clause_start, clause_end, link)
        link.period = _period(text, dated_at, fig, sent, attached, asides, (clause_start, clause_end))
        link.equivalent_of = _equivalent(text, figures, index)
        if link.equivalent_of is not None and links[link.equivalent_of].subject:
            link.subject = links[link.equivalent_of].subject  # "105 million yuan ($14.39 million)": one subject
        elif (
            same_sentence
            and "from" in link.cues
            and previous[1].subject
            and _VERSUS_FIGURE.fullmatch(text, clause_start, fig.start)
        ):
            link.subject = previous[1].subject  # "borrowing of €51.3 billion, versus €50.3 billion"
        links.append(link)
        previous = (fig.start, link)
        if fig.counted is not None:
            counted_before = (fig.start, fig.counted)
    return links


def _follow_the_figure_before(
    text: str, fig: FigureRef, link: Link, prev_fig: FigureRef, prev: Link, clause_start: int
) -> None:
    """What a figure takes from the figure before it in its sentence: a share compared with a share is one;
    an elliptical list item ("..., clean energy by 31.48 percent") reads like its head; a consequence
    ("..., bringing the rate to 4.5%"), a restatement ("1,200 jobs, or 6%"), a continuing clause
    ("..., by a quarter point") and a listed count ("12 supermarkets and three warehouses") share its direction."""
    if "from" in link.cues and prev.role == "share" and fig.unit == "percent" and link.role == "level":
        link.role = "share"  # "held 58% of the market, compared with 51% a year earlier"
    if link.direction is not None:
        return
    listed_count = fig.kind == "count" == prev_fig.kind
    if not link.cues and _elliptical(text, clause_start, fig):
        link.direction, link.role = prev.direction, prev.role
    elif (
        _CONSEQUENCE.match(text, clause_start)
        and link.role == "level"
        and _last_word(text, fig) == "to"
        or link.role != "share"
        and _RESTATED.fullmatch(text, prev_fig.end, fig.start)
        or _CONTINUED.match(text, clause_start, fig.start)
        or prev.role == "change"
        and link.role == "level"
        and _CONTINUED_AT.fullmatch(text, clause_start, fig.start)
        or listed_count
        and _COUNT_LIST.fullmatch(text, prev_fig.end, fig.start)
    ):
        link.direction = prev.direction
        if listed_count:
            link.role = prev.role


REACH = 600  # characters around a figure within which its links are looked for


class _Sorted:
    """Items sorted by start, with the ones starting in [lo, hi) found by bisection."""

    __slots__ = ("items", "starts")

    def __init__(self, items: list, starts: list[int]) -> None:
        self.items, self.starts = items, starts

    def within(self, lo: int, hi: int) -> list:
        return self.items[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]


def _containing(spans: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int] | None:
    k = bisect_right(starts, pos) - 1
    if k >= 0 and spans[k][0] <= pos < spans[k][1]:
        return spans[k]
    return None


def _clause_start(text: str, sent_start: int, pos: int) -> int:
    m = _LAST_CLAUSE_BREAK.search(text, sent_start, pos)  # the last break before the figure
    return m.end() if m else sent_start


def _clause_end(text: str, pos: int, sent_end: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos, sent_end)
    return m.start() if m else sent_end


# the last text: its words found once, with their starts and ends for bisection (clauses are read many times)
_WORD_MEMO: list = [None, None, [], [], []]


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The words of ``text[start:end]`` as (start, end, lower-cased word), taken from the text's words found
    once; when an edge cuts a word, the slice is read on its own (what a search of the slice would find)."""
    if _WORD_MEMO[0] is not text:
        lower = text.lower()
        source = lower if len(lower) == len(text) else None  # "İ" lower-cases to two characters
        found = _slice_words(text, source, 0, len(text))
        _WORD_MEMO[:] = [text, source, found, [w[0] for w in found], [w[1] for w in found]]
    _, source, found, starts, ends = _WORD_MEMO
    i, j = bisect_right(ends, start), bisect_left(starts, end)  # the words that overlap the slice
    if i >= j:
        return []
    if starts[i] < start or ends[j - 1] > end:
        return _slice_words(text, source, start, end)
    return found[i:j]


def _words_after(text: str, start: int, end: int, most: int) -> list[tuple[int, int, str]]:
    """The first ``most`` words of ``text[start:end]`` (the same as ``_words(...)[:most]``, without reading
    the whole slice when its far edge cuts a word beyond them)."""
    _words(text, 0, 0)
    _, _, found, starts, ends = _WORD_MEMO
    i = bisect_right(ends, start)
    first = found[i : i + most]
    if (
        first
        and (first[0][0] < start or first[-1][1] > end)
        or len(first) < most
        and i + len(first) < len(found)
        and (starts[i + len(first)] < end)
    ):
        return _words(text, start, end)[:most]
    return [w for w in first if w[0] < end]


def _lower(text: str) -> str | None:
    """The text lower-cased with the same offsets; None when lower-casing would move them ("İ")."""
    _words(text, 0, 0)
    return _WORD_MEMO[1]


def _has_any(text: str, keys: tuple[str, ...]) -> bool:
    """Whether any of ``keys`` occurs in ``text``: the cheap test before a pattern that needs one."""
    for key in keys:
        if key in text:
            return True
    return False


# answers asked more than once about the text in hand, by question; dropped with the text (no texts kept)
_TEXT_MEMO: list = [None, {}]


def _memo(text: str) -> dict:
    if _TEXT_MEMO[0] is not text:
        _TEXT_MEMO[:] = [text, {}]
    return _TEXT_MEMO[1]


def _attributive_at(text: str, end: int):
    memo = _memo(text)
    key = ("attributive", end)
    if key not in memo:
        memo[key] = _ATTRIBUTIVE.match(text, end)
    return memo[key]


def _determiner_before(text: str, start: int) -> bool:
    memo = _memo(text)
    key = ("determiner", start)
    if key not in memo:
        memo[key] = _DETERMINER_BEFORE.search(text, max(0, start - 24), start) is not None
    return memo[key]


def _slice_words(text: str, source: str | None, start: int, end: int) -> list[tuple[int, int, str]]:
    if source is not None:
        return [(m.start(), m.end(), m[0].rstrip(".")) for m in _WORDS.finditer(source, start, end)]
    return [(m.start(), m.end(), m[0].lower().rstrip(".")) for m in _WORDS.finditer(text, start, end)]


@lru_cache(maxsize=4096)
def _direction_of(word: str) -> str | None:
    """ "increase"/"decrease" for a change word in any common inflection ("cutting", "trims", "shrunk")."""
    cues = _cues()
    forms = {word}
    for suffix in ("ing", "ed", "s", "es"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # "cutting" -> "cut"
    if forms & cues["increase"]:
        return "increase"
    if forms & cues["decrease"]:
        return "decrease"
    return None


DIRECTION_WINDOW = 8  # words before the figure in which a change word counts
COUNT_WINDOW = 2  # for counts, which change words govern only from right before them


def _role_and_direction(text: str, fig: FigureRef, clause_start: int, clause_end: int, link: Link) -> None:
    cues = _cues()
    left = _words(text, clause_start, fig.start)
    right = _words_after(text, fig.end, min(clause_end, fig.end + 40), 3)
    lower = _WORD_MEMO[1] if _WORD_MEMO[0] is text and _WORD_MEMO[1] is not None else None
    if lower is not None:  # slices of the text lower-cased once (left is read first: the memo is this text's)
        left_text, right_text = lower[clause_start : fig.start], lower[fig.end : min(clause_end, fig.end + 80)]
    else:
        left_text = text[clause_start : fig.start].lower()
        right_text = text[fig.end : min(clause_end, fig.end + 80)].lower()  # only its start is read
    before = left[-1][2] if left else ""
    verb_index = None
    right_next = right[0][2] if right else ""
    if right_next in _COMPARATIVES and fig.counted is None:
        link.direction = _COMPARATIVES[right_next]  # "0.3 percentage points lower", "$180 more than a year earlier"
        link.cues.append(right_next)
    # a level after "to" belongs to the change verb of its clause however far back: "dropped 16.8% from a year
    # earlier to HK$397.1 billion"
    to_a = _TO_A.search(left_text) is not None  # "climbed to a two-year high of"
    reached_by_to = before == "to" or to_a or "by" in left_text and _BY_BEFORE.search(left_text) is not None
    window = len(left) if reached_by_to else COUNT_WINDOW if fig.kind == "count" else DIRECTION_WINDOW
    # counts take a change verb only right before them ("employers added 58,200 jobs", "an increase of 9,000"),
    # not "harvests grew in 20 of the regions"
    count_window = fig.kind == "count" and not reached_by_to
    attributive = _is_attributive(text, fig)
    noun_direction = None
    for i in range(len(left) - 1, max(-1, len(left) - 1 - window), -1):
        if link.direction is not None or attributive:
            break  # "shrinking its $6.9 trillion balance sheet": the verb acts on the noun, not on the figure
        direction = _direction_of(left[i][2]) if left[i][2] not in ("loss", "losses") else None  # a loss is a level
        if direction is None and fig.kind == "count" and not (i and left[i - 1][2] == "had"):
            # "opened 37 stores", "will close 120 branches"; but "had opened 691,400 accounts" by a date is a total
            word = left[i][2]
            if word in cues["count_increase"]:
                direction = "increase"
            elif word in cues["count_decrease"]:
                direction = "decrease"
        if direction is None:
            continue
        after_cue = [w[2] for w in left[i + 1 :]]
        if direction and count_window and any(w not in _COUNT_FILLERS for w in after_cue):
            break
        if direction and left[i][2] in cues["noun_like"] and any(w not in ("by", "of") for w in after_cue):
            continue  # "signed contracts worth $100 million"
        if direction and fig.kind == "money" and not after_cue and _RAISE.fullmatch(left[i][2]):
            break  # "hopes to raise ₹50,000 crore from disinvestment": money raised, not a rise
        if direction and after_cue and after_cue[0] in _LEVEL_AFTER_NOUN:
            break  # "growth averaged about 2.5%", "the increase was 3%": a noun that a level verb describes
        if direction and reached_by_to and left[i][2] in _CHANGE_NOUNS and noun_direction is None:
            noun_direction = (i, direction)  # "lower its forecast for GDP growth to 6.5%": the verb, if any
            continue
        if direction:
            verb_index = i
            link.direction = direction
            link.cues.append(left[i][2])
            break
    if link.direction is None and noun_direction is not None:
        verb_index, link.direction = noun_direction
        link.cues.append(left[verb_index][2])
    if link.direction is None and _CONTINUED.match(text, clause_start, fig.start):
        # ", by a quarter point" continues the clause before it: its change word governs
        for _, _, word in reversed(_words(text, max(0, clause_start - 60), clause_start)[-DIRECTION_WINDOW:]):
            if _direction_of(word):
                link.direction = _direction_of(word)
                link.cues.append(word)
                break
    if link.direction is None:
        # "saw a year-on-year increase in green credit balances by 10.9%" (the pattern ends with "by")
        change_in = _CHANGE_IN_BY.search(left_text) if before == "by" else None
        if change_in:
            link.direction = _direction_of(change_in["noun"])
            link.cues.append(change_in["noun"])
    if link.direction is None and fig.counted is None:  # "two rate cuts": the noun is what is counted
        for position, (_, _, word) in enumerate(right):
            if position:
                break  # only the word right after says so: "contributed 2.5 points to growth" is no increase
            if word in ("more", "higher", "up"):
                link.direction = "increase"
            elif word in ("less", "fewer", "lower", "down"):
                link.direction = "decrease"
            else:
                link.direction = _direction_of(word)
            if link.direction:
                link.cues.append(word)
                break
        if (
            link.direction is None
            and len(right) > 1
            and right[1][2] in _CHANGE_NOUN_WORDS
            and (
                right[0][2] not in _PREPOSITIONS and not _direction_of(right[0][2]) and right[0][2] not in cues["verbs"]
            )
        ):
            link.direction = _direction_of(right[1][2])  # "18-20 per cent loan growth", "a 3% price rise"
            link.cues.append(right[1][2])
    recent = [w[2] for w in left[-4:]]
    if (
        "from" in recent
        and not any(_direction_of(w) for w in recent[recent.index("from") :])
        or (
            _has_any(left_text, _COMPARED_KEYS)
            and _COMPARED_WITH.search(left_text)
            or _has_any(left_text, _SHORT_OF_KEYS)
            and _SHORT_OF.search(left_text)
            and not right_text.lstrip().startswith(cues["target_after"])
        )
    ):
        link.direction, link.role = None, "level"  # "down from 6.5%", "from a record $5.02", "compared with 6.8%"
        link.cues.append("from")
        if right_next in _CHANGE_NOUN_WORDS and right_next not in _CHANGE_NOUNS:
            link.direction = _direction_of(right_next)  # "a smaller drop than the 10.6 percent decline": a decline
        if _EXPECTED_AFTER.match(right_text):
            link.role = "forecast"  # "above the 1.5% economists had forecast"
            return
        of_share = _SHARE_OF.search(left_text) or _OF_AFTER.match(right_text)
        if fig.kind == "percentage" and fig.unit == "percent" and of_share:
            link.role = "share"  # "its share rose to 9.4% from 9.2%", "compared with 53.5% of the market"
        return
    right_stripped, left_stripped = right_text.lstrip(), left_text.rstrip()
    # a target or forecast word governs the figure only from its own clause: not across "after it shrank 3.5%"
    opener = _LAST_OPENER.search(left_text) if _has_any(left_text, _OPENER_KEYS) else None
    governing = left_text[opener.end() :] if opener else left_text
    if "target range" in governing:
        governing = governing.replace("target range", " ")  # "to a target range of": a level, not a target
    if (
        right_stripped.startswith(cues["target_after"])
        or _TARGET_AFTER.match(right_text)
        or cues["target_re"].search(governing)
    ):
        link.role = "target"
        link.cues.append("target")
    elif cues["forecast_re"].search(governing) or (
        _EXPECTED_AFTER.match(right_text) or "project" in governing and _PROJECTS.search(governing)
    ):
        link.role = "forecast"
        link.cues.append("forecast")
    elif fig.kind == "percentage" and (
        left_stripped.endswith(cues["share_before"])
        or _SHARE_OF.search(left_text)  # "the US share of Taiwan's exports was 26.9%"
        or right_stripped.startswith(cues["share_after"])
        or (fig.unit == "percent" and _OF_AFTER.match(right_text))
    ):
        link.role = "share"  # "accounted for 48.6 percent of the total", "77 percent of the annual quota"
        link.cues.append("share")
        if before not in ("by", "to"):
            link.direction = None  # "made up nearly 30 per cent": the share itself has no direction
    elif verb_index is not None:
        between = [w for _, _, w in left[verb_index + 1 :]]
        reached = "to" in between[-2:] or before in ("to", "at") or to_a
        link.role = "level" if reached else "change"  # "rose to 4.4%", "climbed to a two-year high of 3.9%"
    elif link.direction is not None:
        link.role = "change"
    else:
        link.role = "change" if before == "by" or fig.unit in ("percentage_point", "basis_point") else "level"
    if link.direction is None:
        trailing = _UP_FROM_AFTER.match(text, fig.end) if _UP_FROM_NEAR.search(text, fig.end, fig.end + 2200) else None
        if trailing:  # "accounted for 24% of the total, down from 31%": a level lower than before
            link.direction = "increase" if trailing["way"].lower() == "up" else "decrease"
            link.cues.append(trailing["way"].lower())


_UP_FROM_NEAR = re.compile(r",\s*(?:up|down)\s+from\b", re.IGNORECASE)  # a cheap test before the pattern
# a figure followed in its sentence by ", up from ..." / ", down from ...", past a few words of its own
_UP_FROM_AFTER = _compile(
    r"(?:[^,.;:\n()]|\.(?=\d)|\([^()\n]{0,40}\)){0,50}?,\s*+(?P<way>up|down)\s++from\b", regex.IGNORECASE
)


# a change noun, what changed, then "by" and the figure: "an increase in exports to Asia by 5%"
_CHANGE_IN_BY = _compile(
    r"\b(?P<noun>increase|rise|growth|gain|jump|expansion|decline|decrease|drop|fall|reduction|contraction)s?"
    r"\s++(?:in|of)\s++(?P<np>[^,;:()]{2,90}?)\s++by\s*+\Z",
    regex.IGNORECASE,
)
# the figure a change is measured against: "compared with 6.8%", "down from its earlier forecast of 1.9%"
_COMPARED_WITH = _compile(
    r"(?:\bcompared\s++(?:with|to)|\bversus|\bvs\.?|\bthan|\bfrom\s++(?:its|their|the|an?)\s++(?:[a-z-]++\s++){0,2}"
    r"(?:forecast|estimate|projection|reading|level|figure|rate|pace|guidance)\s++of)\s++(?:the\s++|an?\s++)?\Z",
    regex.REVERSE,  # only whether it matches is used: searched from the end
)
# "below the £104.4bn the OBR had pencilled in", "ahead of the 3% analysts expected": a yardstick
_SHORT_OF = _compile(
    r"\b(?:below|above|short\s+of|ahead\s+of|under|beyond)\s++the\s++(?:[a-z]++\s++){0,2}\Z", regex.REVERSE
)
_OF_AFTER = _compile(r"\s*+of\s++(?!a\s+year|the\s+(?:previous|same|year|month|quarter))")


def _elliptical(text: str, clause_start: int, fig: FigureRef) -> bool:
    """A list item that names only its subject: "..., clean energy by 31.48 percent" - not a clause of
    its own ("after four straight hikes") and not a count of things."""
    if fig.counted is not None:
        return False
    left = _words(text, clause_start, fig.start)
    if left and left[0][2] in _SUBORDINATORS:
        return False
    cues = _cues()
    if any(w in cues["verbs"] or w in cues["level"] or (w.endswith("ed") and len(w) > 4) for _, _, w in left):
        return False  # "..., and contributed 2.46 points": a clause with a verb of its own
    return (
        not left
        or left[-1][2] == "by"
        or all(not _direction_of(w) for _, _, w in left)
        and left[-1][2] not in ("to", "at", "of", "from")
    )


def _last_word(text: str, fig: FigureRef) -> str:
    _words(text, 0, 0)  # the text's words
    _, _, found, starts, ends = _WORD_MEMO
    j = bisect_right(ends, fig.start)  # the last word that ends by the figure, as a search of the 20
    straddles = j < len(starts) and starts[j] < fig.start  # a word running into the figure: read the slice
    if j and not straddles and starts[j - 1] >= fig.start - 20:  # characters before it finds
        return found[j - 1][2]
    left = _words(text, max(0, fig.start - 20), fig.start)
    return left[-1][2] if left else ""


_ALSO_NOUNS = frozenset(
    "total worth record high low peak cut cuts issue plan plans target targets quota allocation cap ceiling goal goals "
    "objective guidance outlook consensus projection projections prediction".split()
)
_SUBORDINATORS = frozenset("after before while as since when although though because despite".split())
# "..., bringing the benchmark to 4.5%": the consequence of the change before it, in its direction
_CONSEQUENCE = _compile(
    r"\s*+(?:(?:which|that)\s++(?:would|will|could)\s++(?:take|bring|push|put|lift|lower|leave|send)"
    r"|taking|bringing|pushing|putting|lifting|lowering|leaving|sending)\b",
    regex.IGNORECASE,
)
# a clause that only continues the one before: ", by a quarter point", ", to a range of 4.50%-4.75%"
# "were up 68 cents, or 0.7%, at $96.23": the level the change reached
_CONTINUED_AT = _compile(r"\s*+at\s++(?:about\s++|around\s++)?")
_CONTINUED = _compile(r"\s*+(?:by|to)\s++(?:an?\s++(?:range|target\s+range)\s++of\s++)?\Z", regex.IGNORECASE)
# "opened 14 convenience stores and two superstores": a second count in the same list
_COUNT_LIST = _compile(r"(?:\s++[A-Za-z-]++){1,4}(?:\s*+,)?\s++(?:and|or)\s++\Z")
# "cut 1,200 jobs, or roughly 6% of its workforce": the same change restated
_RESTATED = _compile(r"(?:\s++[A-Za-z-]++){0,3}\s*+,?\s*+or\s++\Z")


_COMPARATIVES = {
    "higher": "increase", "more": "increase", "larger": "increase", "bigger": "increase", "greater": "increase",
    "lower": "decrease", "less": "decrease", "fewer": "decrease", "smaller": "decrease",
}  # fmt: skip
_TO_A = _compile(
    r"\b(?:to|at)\s++an?\s++(?:(?:[^\s,;]+\s++){0,3}(?:target\s++)?(?:range|rate|level|total|record|high|low|peak)\s++of"
    r"|(?:[^\s,;]+\s++){0,2}(?:record|new|fresh|all-time)"  # "climbed to a record 67.1 per cent"
    # "to an annualized $29 trillion"
    r"|(?:seasonally\s++)?(?:adjusted|annuali[sz]ed|estimated|revised|provisional))\s*+\Z",
    regex.REVERSE,  # only whether it matches is used: searched from the end
)
# words without which the pattern named cannot match (tested before it, in the lower-cased clause)
_COMPARED_KEYS = ("compared", "versus", "vs", "than", "from")
_SHORT_OF_KEYS = ("below", "above", "short", "ahead", "under", "beyond")
_OPENER_KEYS = ("after", "while", "whereas", "but", "though", "when", "before")
_RAISE = _compile(r"rais(?:e|ed|es|ing)")
# words between a change verb and the count it governs: "added just 114,000 jobs", "hired another 300"
_COUNT_FILLERS = frozenset("by to of just only about nearly some around roughly almost another a further over".split())
_CHANGE_NOUN_WORDS = frozenset(
    "rise increase jump gain growth surge climb drop fall decline decrease reduction slump dip slide plunge "
    "contraction expansion hike".split()
)
# "raised the support price for paddy by Rs 117", "by an average of ¥13,500": the verb may be far back
_BY_BEFORE = _compile(
    r"\bby\s++(?:(?:an?|the)\s++(?:average|total|cumulative|further|combined)\s++(?:of\s++)?)?\Z", regex.REVERSE
)
# the last subordinating word of a clause, found from the end (REVERSE)
_LAST_OPENER = _compile(r"\b(?:after|while|whereas|but|although|though|when|before)\s", regex.REVERSE)
_TARGET_AFTER = _compile(r"\s*+(?:[a-z-]+\s++){1,2}(?:target|goal)\b")  # "the 2 per cent inflation target"
# "the $2.21 analysts had expected", "the 20,000 economists forecast": what was expected
_EXPECTED_AFTER = _compile(
    r"\s*+(?:that\s++)?(?:[a-z-]+\s++){1,3}?(?:had\s++|have\s++)?"
    r"(?:expected|forecast|predicted|estimated|projected|anticipated|pencill?ed\s+in|assumed)\b"
)


def _is_attributive(text: str, fig: FigureRef) -> bool:
    """A figure that modifies the noun after it: "its $6.9 trillion balance sheet", "a $400,000 loan" -
    but not a rate or a change: "grew at a 2.8% annualized rate", "a 4% rise"."""
    m = _attributive_at(text, fig.end)
    if fig.kind == "count" or not m or not _determiner_before(text, fig.start):
        return False
    if m["np"].split()[0] in ("a", "an", "per", "each") or m["np"].split()[0] in _PREPOSITIONS:
        return False  # "US$7,046 a tonne": a price per unit, not a noun the figure describes; "... to 42.5%"
    head = m["np"].rsplit(None, 1)[-1].lower()
    return head not in _RATE_HEADS and not _direction_of(head)


# "projects" as a verb ("it now projects inflation of 1.2%"), not the noun ("solar projects")
_PROJECTS = _compile(
    r"\b(?:now|also|it|which|that|and|still|newly)\s++projects?\b"
    r"|\bprojects?\s++(?:that|an?|the|its|their|average|annual|inflation|growth|gdp|output|revenue|sales|exports)\b"
)
_SHARE_OF = _compile(r"\bshare\s++of\b|['’]s\s++share\b")
_CHANGE_NOUNS = frozenset("growth expansion contraction".split())
_LEVEL_AFTER_NOUN = frozenset("averaged was were is are stood remained came totalled totaled reached".split())
_RATE_HEADS = frozenset("rate pace clip level margin share".split())


def _subject(
    text: str, fig: FigureRef, sent_start: int, clause_start: int, periods: list[PeriodRef]
) -> tuple[int, int] | None:
    """The phrase naming what the figure measures, tried in order:

    the counted noun of a count; "revenue of $5 billion" (the noun before "of"); "$2 billion in loans";
    "increased loans to farms by 5%" (the object after the verb); "Exports rose 5%" (the phrase before the verb).
    """
    cues = _cues()
    if fig.counted is not None:
        of_the = _OF_THE.match(text, fig.counted[1])  # "the nine members [of the committee]"
        if of_the:
            np = _phrase_until_cut(text, of_the.start("np"), of_the.end("np"), periods)
            if np:
                return fig.counted[0], np[1]
        return fig.counted
    attributive = _attributive_at(text, fig.end)
    headline = fig.start < text.find("\n")  # headlines drop their articles: "Ireland unveils €10.5 billion budget"
    if attributive and (headline or _determiner_before(text, fig.start)):
        # "a $400,000 loan", "its $6.9 trillion balance sheet": the figure modifies the noun after it
        words = _words(text, attributive.start("np"), attributive.end("np"))
        if len(words) == 2 and _is_past(words[1][2]) and not _direction_of(words[1][2]):
            words = words[:1]  # "whose $3.6 billion programme [expired]"
        if (
            words and all(w[2] not in _PREPOSITIONS for w in words)
            and not _direction_of(words[0][2])  # "a 4% rise" is a change; "a 2% pay raise" names one
            and all(not _direction_of(w[2]) or w[2] in _CHANGE_NOUN_WORDS | {"raise", "hike"} for w in words[1:])
            and not _TIME_START.match(attributive["np"]) and words[0][2] not in ("a", "an", "per", "each")
            and not all(w[2] in _BARE_RATE for w in words)  # "grew at a 2.8% annualized rate": the economy's
        ):  # fmt: skip
            return words[0][0], words[-1][1]
    change_after = _CHANGE_AFTER_IN.match(text, fig.end)
    if change_after:  # "a 41 per cent rise in [standalone net profit]", "a 0.5 point cut in [the ratio]"
        np = _phrase_until_cut(text, change_after.start("np"), change_after.end("np"), periods)
        if np:
            return np
    left = _words(text, clause_start, fig.start)
    change_in = _CHANGE_IN_BY.search(text, clause_start, fig.start) if left and left[-1][2] == "by" else None
    if change_in and not _is_period((change_in.start("np"), change_in.end("np")), periods, text):
        return change_in.start("np"), change_in.end("np")  # "an increase in [green credit balances] by 10.9%"
    expected = None
    if any(w[2] in _EXPECTING for w in left):
        expected = _EXPECTED_SUBJECT.search(text, clause_start, fig.start)
        if expected and expected["ing"] and expected["ing"].lower() in _ING_NOUNS:
            expected = None  # "expects underlying operating profit of": a noun, not "sees output rising"
    if (
        expected
        and expected["verb"]
        and expected["verb"].lower() in _TRANSITIVE
        and expected["next"]
        and (expected["next"].strip().lower() not in _PREPOSITIONS | cues["aux"])
    ):
        expected = None  # "expect the central bank to cut [the ratio] by 25 basis points": its object
    if expected and any(
        w[2] in cues["verbs"] and w[2] not in _PREPOSITIONS for w in _words(text, expected.end(), fig.start)
    ):
        expected = None  # "expects revenue to grow 4% and forecasts [adjusted earnings] of $1.15": a verb between
    if expected and not _is_period((expected.start("np"), expected.end("np")), periods, text):
        return expected.start("np"), expected.end("np")  # "expect core inflation to end the year at 2.5%"
    of = len(left) - 1
    while of > 0 and left[of][2] in _COUNT_FILLERS - {"of", "by", "to"}:
        of -= 1  # "growth of just 0.3 per cent"
    if left and left[of][2] == "of" and not (of > 0 and left[of - 1][2] in _NOT_SUBJECT_HEADS):
        np = _noun_phrase_before(left[:of], cues)
        if np is None and of == 0 and clause_start > sent_start and text[clause_start - 1] == ")":
            # "a gross domestic product (GDP) of 4.52 trillion yuan": the phrase before the brackets
            opening = text.rfind("(", sent_start, clause_start - 1)
            if opening > sent_start:
                np = _noun_phrase_before(_words(text, _clause_start(text, sent_start, opening), opening), cues)
        for_after = _FOR_AFTER.match(text, fig.end) if np and _words(text, *np)[-1][2] in _FORECAST_HEADS else None
        if for_after and not _TIME_START.match(for_after["np"]) and not for_after["np"].startswith("the period"):
            # "its interim target of 21% for [inflation]"
            np = _phrase_until_cut(text, for_after.start("np"), for_after.end("np"), periods) or np
        if np and not _is_period(np, periods, text):
            return np
    after = _AFTER_IN.match(text, fig.end)
    if after is None and fig.kind == "money" and left and left[-1][2] in _SPEND:
        after = _ON_AFTER.match(text, fig.end)  # "will spend $350 million on [a packaging line]"
    if fig.kind == "money" and after and not _TIME_START.match(after["np"]) and not _SESSION.search(after["np"]):
        np = after["np"]
        cut = _NP_CUT.search(np)
        np = np[: cut.start()] if cut else np
        start = fig.end + (after.start("np") - after.start())
        if np.strip() and not _is_period((start, start + len(np.rstrip())), periods, text):
            return start, start + len(np.rstrip())
    verb = None

    def is_verb(i: int) -> bool:
        w = left[i][2]
        if w in ("account", "accounts"):  # "which account for 20 per cent", not "the current account"
            return i + 1 < len(left) and left[i + 1][2] == "for"
        return w in cues["increase"] or w in cues["decrease"] or w in cues["level"] or w in cues["verbs"]

    for i in range(len(left) - 1, -1, -1):
        w = left[i][2]
        if w in _PREPOSITIONS:
            continue
        if (
            w == "up"
            and i
            and left[i - 1][2] in ("made", "make", "makes", "making", "picked", "set", "ended", "summed")
        ):
            continue  # "which made up 40%": a particle of the verb before it
        if w in ("up", "down") and i > 1 and not is_verb(i - 1) and any(is_verb(k) for k in range(i)):
            continue  # "revised January's gain down to 229,000": a particle after the object
        owned = i and (left[i - 1][2] in _DETERMINERS or left[i - 1][2].endswith(("'s", "’s")))
        if w in ("total", "record", "high", "low", "peak") and owned:
            continue  # "the year's total", "a record": a noun here
        if is_verb(i):
            verb = i
            break
    if verb is None and _CONTINUED.match(text, clause_start, fig.start):
        return _previous_object(text, sent_start, clause_start, periods)  # "cut the rate again, by a quarter point"
    if verb is None:
        phrase = _trim(left, cues)  # "energy conservation by 18.23 percent": a list item names itself
        return (phrase[0][0], phrase[-1][1]) if phrase else None
    between = left[verb + 1 :]
    gap = max(
        (k for k in range(1, len(between)) if between[k][2] in ("and", "while") and between[k - 1][2][0].isdigit()),
        default=None,
    )
    if gap is not None and gap + 1 < len(between):
        rest = between[gap + 1 :]  # "imports grew 11.2% and [exports] 8.9%": the verb is understood
        if all(not is_verb(verb + 1 + gap + 1 + k) and w[2] not in _PREPOSITIONS for k, w in enumerate(rest)):
            return rest[0][0], rest[-1][1]
    if any(w[2][0].isdigit() for w in between):
        # "raised its policy rate by 50 basis points to a range of X": the object ends at the first "by"/"to"
        cut = next((k for k, w in enumerate(between) if w[2] in ("by", "to", "at")), None)
        between = between[: cut + 1] if cut is not None and not any(w[2][0].isdigit() for w in between[:cut]) else []
    obj = _object_after(between, cues)
    if obj and text[obj[0] : obj[1]].lower() in ("it", "them"):
        return _previous_object(text, sent_start, clause_start, periods)  # "raised its rate, lifting it to 0.1%"
    if obj and not _is_period(obj, periods, text):
        return obj
    np = _noun_phrase_before(left[:verb], cues)
    if np is None and all(w[2] in _RELATIVE or w[2] in cues["aux"] or w[2].endswith("ly") for w in left[:verb]):
        # "Carmakers, which account for 20 per cent", "Exports (NODX) fell 9.3%": the clause has no subject
        # of its own; it is the noun phrase before the aside
        relative = any(w[2] in _RELATIVE for w in left[:verb])
        return _antecedent(text, sent_start, clause_start, periods, relative)
    return None if np is None or _is_period(np, periods, text) else np


def _previous_object(text: str, sent_start: int, clause_start: int, periods: list[PeriodRef]) -> tuple[int, int] | None:
    """What the clauses before act on, for a clause that continues them: "The bank raised [its policy rate] on
    Tuesday, lifting it to 0.1%", "expect the SNB to cut [the policy rate] again, by a quarter point"."""
    cues = _cues()
    breaks = _CLAUSE_BREAK.finditer(text, sent_start, min(len(text), clause_start + 1))
    bounds = [sent_start] + [m.end() for m in breaks if m.end() <= clause_start]
    for k in range(len(bounds) - 2, max(-1, len(bounds) - 5), -1):
        words = _words(text, bounds[k], bounds[k + 1] - 1)
        verb = next(
            (
                i for i in range(len(words) - 1, -1, -1)
                if words[i][2] not in _PREPOSITIONS
                and (words[i][2] in cues["verbs"] or _direction_of(words[i][2]) or words[i][2] in cues["level"])
            ),
            None,
        )  # fmt: skip
        if verb is None:
            continue
        between = words[verb + 1 :]
        while between and (between[-1][2] in cues["aux"] or between[-1][2].endswith("ly")):
            between = between[:-1]
        obj = _object_after([*between, (0, 0, "by")], cues)
        if obj and text[obj[0] : obj[1]].lower() not in ("it", "them") and not _is_period(obj, periods, text):
            return obj
        return None
    return None


_RELATIVE = frozenset("which who that".split())
_FORECASTERS = frozenset(
    "economists analysts policymakers members officials forecasters respondents strategists traders investors "
    "participants".split()
)
_UNIT_NOUNS = frozenset("unit units piece pieces item items tonne tonnes ton tons".split())
_PRONOUNS = frozenset("it them they its their this these".split())
_NEVER_VERBS = frozenset("growth expansion contraction reduction loss losses gains".split())  # nouns only
# a clause that is an aside, not a subject: ", which ...", ", a gauge of ...", "(NODX)"
_ASIDE_OPENERS = frozenset(
    "which who whose whom where including excluding a an mostly mainly chiefly especially notably or however also "
    "though".split()
)
_CLAUSE_OPENERS = frozenset("that while whereas when as but although though because if".split())


def _antecedent(
    text: str, sent_start: int, clause_start: int, periods: list[PeriodRef], relative: bool = False
) -> tuple[int, int] | None:
    """The noun phrase that a subjectless clause continues, read back past asides and appositions:
    "Remittances from Mexicans working abroad, [which support 5 million households,] fell 4.8%",
    "Exports to the US, [Germany's largest market,] were worth €13.5 billion", "exports (NODX) fell".
    None when the clause before is a clause of its own ("..., up 13.3 per cent" continues its figure)."""
    cues = _cues()
    # (a break's lookahead reads one character past it)
    breaks = _CLAUSE_BREAK.finditer(text, sent_start, min(len(text), clause_start + 1))
    bounds = [sent_start] + [m.end() for m in breaks if m.end() <= clause_start]
    found = None
    for k in range(len(bounds) - 2, max(-1, len(bounds) - 8), -1):
        start = bounds[k]
        words = _words(text, start, bounds[k + 1] - 1)
        if not words:
            continue
        if (
            start
            and text[start - 1] == "("
            or words[0][2] in _ASIDE_OPENERS
            or (words[0][2].endswith("ed") and words[0][2] not in _PREPOSITIONS and len(words) > 1)
        ):
            found = None  # an aside between the noun phrase and its clause, with any list inside it
            continue
        if words[0][2] == "with" and len(words) > 1:
            words = words[1:]  # "..., with [online sales], which make up a third of revenue, up 7.4%"
        elif words[0][2] in _PREPOSITIONS or _INTRO.match(words[0][2]):
            break  # "In local currency terms,": an introduction, not a subject
        cut = max(
            (i + 1 for i, w in enumerate(words) if w[2] in _CLAUSE_OPENERS or w[2] in cues["reporting"]), default=0
        )
        if relative and found is None:
            # "ended [purchases of ETFs], which had run at ¥12 trillion": the noun phrase right before "which"
            words = words[cut:]
            verbs = [i for i, w in enumerate(words) if w[2] not in _PREPOSITIONS and (
                w[2] in cues["verbs"] or w[2] in cues["level"] or _direction_of(w[2])
                or "-" not in w[2] and _is_past(w[2]))]  # fmt: skip
            words = words[verbs[-1] + 1 :] if verbs else words
            while words and (
                words[0][2] in cues["openers"] or words[0][2] in cues["aux"] or words[0][2] in _PREPOSITIONS
            ):
                words = words[1:]
            if not words or len(words) > MAX_SUBJECT_WORDS:
                return None
            span = (words[0][0], words[-1][1])
            return None if _is_period(span, periods, text) else span
        joined = max((i + 1 for i, w in enumerate(words) if w[2] in ("and", "but") and i >= cut), default=0)
        if joined and any(_is_past(w[2]) or w[2] in cues["verbs"] for w in words[cut : joined - 1]):
            cut = joined  # "industrial output rose 5.4% and [retail sales], a key gauge, grew 3.2%"
        words = words[cut:]
        if any(
            w[2] not in _PREPOSITIONS and w[2] not in _ALSO_NOUNS
            and (w[2] in cues["verbs"] or w[2] in cues["level"] or _direction_of(w[2]))
            for w in words
        ):  # fmt: skip
            break  # a clause of its own
        while words and words[0][2] in cues["openers"]:
            words = words[1:]
        if not words or len(words) > MAX_SUBJECT_WORDS:
            break
        found = (words[0][0], words[-1][1])  # the earliest of noun phrases in a row: "X, the largest market,"
        if cut:
            break
    return None if found is None or _is_period(found, periods, text) else found


def _is_past(word: str) -> bool:
    """A verb in the past tense, as far as a word alone tells: "voted", "rose", "fell"."""
    return word.endswith("ed") and len(word) > 4 or word in _PAST_IRREGULAR or _direction_of(word) is not None


def _phrase_until_cut(text: str, start: int, end: int, periods: list[PeriodRef]) -> tuple[int, int] | None:
    """A noun phrase read forward from ``start``, up to where what follows it begins."""
    cut = _PHRASE_CUT.search(text, start, end)
    end = cut.start() if cut else end
    words = _words(text, start, end)
    cues = _cues()
    verb = next(
        (
            i for i, w in enumerate(words)
            if i and w[2] not in _PREPOSITIONS and (w[2] in cues["verbs"] or w[2] in cues["level"] or _is_past(w[2]))
        ),
        None,
    )  # fmt: skip
    words = words[:verb]  # "members of the panel [voted ...]"
    if not words or len(words) > MAX_SUBJECT_WORDS or words[0][2] in _PREPOSITIONS:
        return None
    span = (words[0][0], words[-1][1])
    return None if _is_period(span, periods, text) else span


def _without_figures(span: tuple[int, int] | None, figures: _Sorted) -> tuple[int, int] | None:
    """A subject stops before any figure inside it ("bank loans to 248 projects" keeps the count's noun)."""
    if span is None:
        return None
    for f in figures.within(span[0], span[1]):
        if span[0] <= f.start < span[1] and f.counted is None:
            return (span[0], f.start) if f.start > span[0] else None
    return span


def _clean_subject(text: str, span: tuple[int, int] | None, periods: list[PeriodRef]) -> tuple[int, int] | None:
    """Cut an embedded period off a subject ("Issuance in July" -> "Issuance") and refuse phrases
    with no noun in them ("sliding", "an increase", "could pick")."""
    if span is None:
        return None
    start, end = span
    for p in periods:
        if p.start <= start < p.end < end - 2 and _modifies(text, p):
            start = p.end + len(text[p.end : end]) - len(text[p.end : end].lstrip(" -"))  # "second-quarter net income"
        if start < p.start < end:
            cut = _PREP_BEFORE.search(text, start, p.start)
            end = cut.start() if cut else p.start
            break
    words = _words(text, start, end)
    while words and words[-1][2] in _PREPOSITIONS | _DETERMINERS:
        words = words[:-1]
    cues = _cues()
    content = [
        w for w in words
        if w[2] not in _DETERMINERS and w[2] not in cues["aux"]
        and (not _direction_of(w[2]) or w[2] in _MEASURED_CHANGES)
        and (w[2] not in cues["verbs"] and w[2] not in cues["level"] or w[2] in _ALSO_NOUNS)
        and not (w[2].endswith("ing") and w[2] not in _ING_NOUNS and not (w is words[0] and text[w[0]].isupper()))
        and not w[2][0].isdigit() and w[2] not in _PREPOSITIONS
        and w[2] not in ("equivalent", "equal", "more", "less", "than")
    ]  # fmt: skip
    if not content:
        return None
    return words[0][0], words[-1][1]


# words in -ing that name things measured: "Manufacturing growth slumped to 2.2%"
_ING_NOUNS = frozenset(
    "manufacturing housing spending lending borrowing financing funding mining building shipping trading banking "
    "farming clothing pricing listing listings earnings holdings savings offering offerings bookings billings "
    "filings openings hiring processing retailing marketing advertising accounting catering printing publishing "
    "plumbing packaging heating lodging outstanding operating".split()
)
_MEASURED_CHANGES = frozenset(
    "loss losses growth advances gains".split()
)  # change words that also name what is measured
_PREP_BEFORE = _compile(r"\s++(?:in|during|for|over|at|by|since|on|as\s+of)\s*+\Z", regex.IGNORECASE | regex.REVERSE)
_INTRO = _compile(
    r"(?:in|by|for|during|over|after|before|since|as\s+of|at|on|meanwhile|additionally|however|also)\b", regex.I
)


def _sentence_subject(
    text: str, sent: tuple[int, int], fig: FigureRef, periods: list[PeriodRef]
) -> tuple[int, int] | None:
    """The subject of the sentence: its first noun phrase before a verb, past an introductory phrase."""
    cues = _cues()
    pos = sent[0]
    for _ in range(3):  # skip "In January," / "Meanwhile," / "By the end of June,"
        m = regex.match(r"[^,;:]{0,80},\s*+", text[pos : fig.start])
        opening = len(text[pos : pos + m.end()]) - len(text[pos : pos + m.end()].lstrip()) if m else 0
        if m and (_INTRO.match(text, pos) or any(p.start == pos + opening for p in periods)):
            pos += m.end()
        else:
            break
    words = _words(text, pos, fig.start)
    np = []
    for w in words:
        if w[2] in ("of", "at") and np:
            np.append(w)  # "Imports of capital equipment": a preposition here, not the level word of "revenue of $5bn"
            continue
        if _direction_of(w[2]) or w[2] in cues["level"] or w[2] in cues["verbs"] or w[2] in cues["aux"]:
            break
        np.append(w)
    stop = next((i for i, w in enumerate(np) if text[w[1] : w[1] + 1] == ","), None)
    if stop is not None:
        np = np[: stop + 1]  # "Broad money supply, or M2, ..." -> "Broad money supply"
    if not np or len(np) > MAX_SUBJECT_WORDS:
        return None
    return _clean_subject(text, (np[0][0], np[-1][1]), periods)


_NOT_SUBJECT_HEADS = frozenset("high low range record peak level pace total average rate-high".split())


_HYPHEN_OR_DIGIT = _compile(r"[-\d]")


def _modifies(text: str, p: PeriodRef) -> bool:
    """A period that can modify a noun after it: "second-quarter", "2023", "January" - not "morning"."""
    return text[p.start].isupper() or _HYPHEN_OR_DIGIT.search(text, p.start, p.end) is not None


def _is_period(span: tuple[int, int], periods: list[PeriodRef], text: str) -> bool:
    """A phrase that is (mostly) a period is not a subject: "in [the three months to June]"."""
    for p in periods:
        if p.end <= span[0] or p.start >= span[1]:
            continue
        if p.start <= span[0] and p.end < span[1] - 2 and _modifies(text, p):
            continue  # "second-quarter net income": a period that only modifies the noun after it
        overlap = min(span[1], p.end) - max(span[0], p.start)
        if overlap > 0 and overlap >= (span[1] - span[0]) / 2:
            return True
    return False


_ATTRIBUTIVE = _compile(
    r"[ -](?P<np>[a-z][a-z-]*+(?:\s++[a-z][a-z-]*+"
    r"(?=[,.;:)\n]|$|\s++(?:of|in|for|to|at|by|with|from|and|that|which|is|was|were|are|will|on)\b))?)"
    r"(?=[\s,.;:)]|$)"
)
_DETERMINER_BEFORE = _compile(
    r"\b(?:a|an|its|their|his|her|our|the|this|that|whose)\s++(?:(?:new|fresh|further|additional|planned|proposed)\s++)?\Z",
    regex.IGNORECASE,
)
# a clause that is only a comparison: ", versus €50.3 billion", ", compared with 35 cents a year earlier"
_VERSUS_FIGURE = _compile(
    r"\s*+(?:versus|vs\.?|against|compared\s++(?:with|to)|from|up\s++from|down\s++from)\s++"
    r"(?:(?:the|an?|about|around|roughly|some|nearly|almost|just|over|under|more\s+than|less\s+than)\s++)*+",
    regex.IGNORECASE,
)  # nothing but the comparison between it and the figure: not "compared with a loss of $212 million"
# a figure that is what others expected of the figure before it: "ahead of estimates of 2.5%"
_FIRST_REPORTED = _compile(
    r"\s*+(?:[a-z-]++\s++){0,2}?(?:initially|previously|originally|first)\s++(?:reported|estimated|published)\b"
)
_ESTIMATES_OF = _compile(
    r"\b(?:estimates?|expectations?|forecasts?|consensus|projections?)\s++(?:of|for)\s++"
    r"(?:(?:about|around|roughly|some|just)\s++)?\Z",
    regex.IGNORECASE,
)
_AFTER_IN = _compile(
    r"\s*+(?:\([^()\n]{1,40}\)\s*+)?(?<=\s)(?:in|for|worth\s+of|of(?!\s++(?:which|whom|the\s+total)\b))\s++"
    r"(?P<np>[^,;:.()\n]{2,80})"
)
# a change noun right after the figure, and what changed: "a 15% decline in [Victorian furniture sales]"
_CHANGE_AFTER_IN = _compile(
    r"[ -](?:[a-z-]++\s++)?(?:rise|increase|jump|gain|growth|surge|climb|drop|fall|decline|decrease|cut|reduction"
    r"|slump|dip|slide|plunge|contraction|expansion|hike|improvement|deterioration)s?\s++in\s++(?P<np>[^,;:.()\n]{2,80})"
)
# where a noun phrase read forward ends: a preposition or word that starts what follows it, or a number
_OF_THE = _compile(r"\s++of\s++(?P<np>(?:the|its|their|his|her)\s++[^,;:.()\n]{2,80})")
_PHRASE_CUT = _compile(
    r"\s(?:to|from|in|during|since|as|compared|which|that|over|on|by|for|after|than|against|versus|amid|due|because"
    r"|with|at|year-on-year|last|this|and\s++(?=[\d$€£¥₹])|(?=[\d$€£¥₹]))\b|\s(?=[\d$€£¥₹])"
)
_BARE_RATE = frozenset(
    "rate pace clip annual annualized annualised seasonally adjusted quarterly monthly yearly".split()
)
_SPEND = frozenset("spend spends spent spending invest invests invested investing".split())
_ON_AFTER = _compile(r"\s*+(?:\([^()\n]{1,40}\)\s*+)?(?<=\s)on\s++(?P<np>[^,;:.()\n]{2,80})")
_SESSION = _compile(r"^[^,;:]{0,30}?\b(?:trading|deals|dealings|session|hours)\b")  # "in Frankfurt trading"
_TIME_START = _compile(
    r"(?:the\s+)?(?:first|second|third|fourth|last|past|next|same|previous|year|month|quarter|week|fiscal|\d"
    r"|(?:morning|afternoon|evening|early|late|midday|overnight|after-hours|extended|premarket|pre-market)\b)",
    regex.I,
)
_NP_CUT = _compile(
    r"\s(?:from|in\s+(?:the|\d)|during|since|as|compared|which|that|and\s+\d|last|this|on|by|over|through|with)\b"
)
_EXPECTING = frozenset(
    "assume assumes assumed "
    "expect expects expected expecting forecast forecasts forecasting see sees project projects projected "
    "predict predicts "
    "predicted estimate estimates estimated want wants need needs allow allows allowed".split()
)
_EXPECTED_SUBJECT = _compile(
    r"\b(?:expect|expects|expected|expecting|forecast|forecasts|forecasting|see|sees|project|projects|projected"
    r"|predict|predicts|predicted|estimate|estimates|estimated|want|wants|need|needs|allow|allows|allowed"
    r"|assume|assumes|assumed)\s++"
    r"(?P<np>(?!(?:to|that|it|them|this)\b)[A-Za-z][\w'’-]*+(?:\s++(?!to\b)[A-Za-z][\w'’-]*+){0,5})"
    # "to end the year at", "averaging", "will average"
    r"\s++(?:to\s++(?P<verb>[a-z]++)\b(?P<next>\s++[a-z]++)?|(?P<ing>[a-z]+ing)\b|will\s++[a-z]++\b)",
    regex.IGNORECASE,
)
# verbs that act on an object: "expect the Fed to lower [rates] by 50 basis points"
_TRANSITIVE = frozenset("cut lower raise hike reduce lift trim slash keep hold leave set bring boost push".split())
_PREPOSITIONS = frozenset("by to at of in on from for with over under during since than into as per".split())
_FORECAST_HEADS = frozenset("target goal forecast estimate projection outlook guidance ceiling cap".split())
_FOR_AFTER = _compile(r"\s++for\s++(?P<np>[^,;:.()\n]{2,80})")


def _object_after(words: list[tuple[int, int, str]], cues: dict) -> tuple[int, int] | None:
    """The object of a transitive verb: "increased [loans to farms] by 5%", "cut [its policy rate] by 25bp",
    "lift [annual shipments] to a record of"."""
    if words and words[-1][2] == "of":  # "to a record of", "by an average of"
        reached = next(
            (i for i in range(len(words) - 2) if words[i][2] in ("to", "at", "by") and words[i + 1][2] in ("a", "an")),
            None,
        )
        words = words[: reached + 1] if reached is not None else words
    if not words or words[-1][2] not in ("by", "to", "at"):
        return None
    words = words[:-1]
    if words and words[-1][2] in ("up", "down"):
        words = words[:-1]  # "revised [March payrolls] down to"
    while words and (words[0][2] in cues["aux"] or words[0][2].endswith("ly")):
        words = words[1:]
    if not words or words[0][2] in _PREPOSITIONS or words[0][2][0].isdigit():
        return None
    cut = len(words)
    for i, w in enumerate(words):
        if i and (w[2] in ("on", "during", "by", "from", "last", "this", "than") or w[2][0].isdigit()):
            cut = i
            break
        if i and w[2] in ("to", "at") and i + 1 < len(words) and words[i + 1][2] in ("a", "an"):
            cut = i  # "to a range of", "at a 23-year high"
            break
    words = words[:cut]
    if not words or len(words) > MAX_SUBJECT_WORDS:
        return None
    return words[0][0], words[-1][1]


def _noun_phrase_before(words: list[tuple[int, int, str]], cues: dict) -> tuple[int, int] | None:
    """The noun phrase that ends right before a verb or "of": back to a verb, "that", or the clause start."""
    if len(words) > 2 and words[-1][2] == "to" and words[-2][2] in _PASSIVE_BEFORE_TO:
        words = words[:-2]  # "ordinary revenue [expected to] rise 12%"
    while words and (
        words[-1][2] in cues["aux"] or words[-1][2].endswith("ly") or words[-1][2] in ("a", "an")
        or (words[-1][2] in cues["verbs"] or words[-1][2] in cues["level"]) and words[-1][2] not in _ALSO_NOUNS
    ):  # fmt: skip
        words = words[:-1]  # "the jobless rate was edging [up to]": the verb group is not the subject
    if words and words[-1][2] in ("and", "but", "or"):
        return None  # "fell 0.9% in September and were down 1.0%": the subject of the clause before
    start, first_verb = 0, None
    for i in range(len(words) - 1, -1, -1):
        w = words[i][2]
        if w == "as" and i and words[i - 1][2] == "such":
            continue  # "exports of traditional goods such as plastics"
        if w == "by" and i and words[i - 1][2].endswith("ed") and i < len(words) - 1:
            continue  # "the average rate offered by lenders": a participle inside the noun phrase
        if w.endswith("ed") and i and i + 1 < len(words) and words[i + 1][2] == "by":
            continue
        if w in ("and", "but") and i < len(words) - 1:
            if first_verb is None:
                first_verb = next(
                    (
                        k
                        for k, x in enumerate(words)
                        if x[2] in cues["verbs"] or _direction_of(x[2]) and x[2] not in _NEVER_VERBS
                    ),
                    len(words),
                )
            if first_verb < i:
                start = i + 1  # "revenue declined 10% and [spending] rose 5%"
                break
        if (
            w in cues["reporting"]
            or w in ("that", "who", "which", "while", "as", "after", "when")
            or (w in cues["verbs"] or w in cues["increase"] or w in cues["decrease"])
            and i < len(words) - 1
            and not (i and words[i - 1][2] in ("a", "an"))
        ):  # "an advance quota": a noun
            start = i + 1
            break
        if w in ("by", "from", "with") and i < len(words) - 1:
            start = i + 1
            break
        if (
            w in ("and", "but")
            and i
            and words[i - 1][2][:1].isdigit()
            or w in ("cent", "percent")
            and i < len(words) - 1
        ):
            start = i + 1  # "pay growth slowing to 6.1 per cent and [the jobless rate] edging up"
            break
    words = words[start:]
    while words and (words[0][2] in cues["openers"] or words[0][2] in _PREPOSITIONS):
        words = words[1:]
    words = words[-MAX_SUBJECT_WORDS:]
    for w in words:
        if not w[2][0].isdigit() and w[2] not in _DETERMINERS:
            return words[0][0], words[-1][1]
    return None  # only numbers and determiners: no noun phrase


_DETERMINERS = frozenset("the a an its their his her our this that these those it they them".split())
_PASSIVE_BEFORE_TO = frozenset(
    "expected forecast forecasted projected set likely due poised seen estimated predicted tipped slated scheduled "
    "anticipated".split()
)


def _trim(words: list[tuple[int, int, str]], cues: dict) -> list[tuple[int, int, str]]:
    """Drop clause openers, auxiliaries and prepositions at the edges; keep the last words."""
    edge = cues["openers"] | cues["aux"] | _PREPOSITIONS | {"a", "an", "year-on-year", "up", "down", "or"}
    while words and words[0][2] in edge - {"a", "an"}:
        words = words[1:]
    while words and (words[-1][2] in edge or words[-1][2].endswith("ly")):
        words = words[:-1]
    words = words[-MAX_SUBJECT_WORDS:]
    while words and words[0][2] in ("a", "an", "by", "to", "of", "in"):
        words = words[1:]
    return [w for w in words] if any(not w[2][0].isdigit() for w in words) else []


def _basis(bases: _Sorted, fig, sent, clause_start, clause_end, link: Link) -> str | None:
    in_sentence = bases.within(sent[0], sent[1])
    if not in_sentence:
        return None
    if link.role != "change":
        return None  # a basis qualifies a change: "rose 5% year on year to $3 billion" -> only the 5%
    in_clause = [b for b in in_sentence if clause_start <= b.start < clause_end + 60 and b.start >= clause_start]
    pool = in_clause or in_sentence
    if not pool:
        return None
    nearest = min(pool, key=lambda b: (b.start - fig.end) if b.start >= fig.end else (fig.start - b.end) + 1)
    return nearest.basis


def _period(
    text: str,
    dated: _Sorted,
    fig: FigureRef,
    sent: tuple[int, int],
    attached: dict[int, int],
    asides: dict,
    clause: tuple[int, int] | None = None,
) -> int | None:
    """The period that governs a figure: the nearest in its sentence, preferring its own clause (up to a
    semicolon) and passing over the date of a report ("said on Friday"), reference points ("its highest
    since May") and the period of another figure's comparison ("up from 74% in the fourth quarter")
    while there is another. With none in the sentence, an earlier sentence of the paragraph lends its
    period, unless the figure is a standing fact ("Rengo represents about 7 million workers") or a
    definite count ("the 19 policymakers").

    ``dated``: the periods that have dates, with their indices; ``attached``: period index -> the start
    of the compared figure it belongs to.
    """
    if fig.counted is not None and _DEFINITE_BEFORE.search(text, max(sent[0], fig.start - 12), fig.start):
        return None  # "the 20 countries that share the euro", "its 13 sub-sectors": a known set
    # a clause of its own that states a standing fact: "Carmakers, which account for 20 per cent of sales,",
    # "Industry employs 5.5 million people, and ..." - no period from outside it
    relative = clause is not None and _RELATIVE_START.match(text, clause[0]) is not None
    in_sentence = dated.within(sent[0], sent[1])
    fallback = None
    if in_sentence:

        def rank(item):
            i, p = item
            distance = (p.start - fig.end) if p.start >= fig.end else (fig.start - p.end)
            if i in attached:  # the period of a compared figure: its own, nobody else's
                aside = 2 if attached[i] != fig.start else 0
            else:
                aside = _aside(text, i, p, sent[0], asides)
            lo, hi = (fig.end, p.start) if p.start >= fig.end else (p.end, fig.start)
            return (aside, ";" in text[lo:hi], distance)

        best, ranked = min(((rank(item), item) for item in in_sentence), key=lambda pair: pair[0])
        outside = not clause[0] <= ranked[1].start < clause[1] if clause else False
        if outside and (relative or ranked[1].start >= clause[1]) and _standing_clause(text, clause, fig.start):
            return None
        if best[0] < 2:
            return ranked[0]
        # the sentence has only reference points ("its highest since May") or other figures' periods
        # ("up from 74% in the fourth quarter"): an earlier sentence may give the figure's own
        # (failing that, a reference point still dates the figure; another figure's period never does)
        fallback = None if ranked[0] in attached else ranked[0]
    if _standing(text, sent) or relative and _standing_clause(text, clause, fig.start):
        return None
    reach = max(0, sent[0] - 4 * REACH)
    paragraph_start = max(text.rfind("\n", reach, sent[0]) + 1, reach)
    earlier = dated.within(paragraph_start, sent[0])
    if not earlier:
        return fallback
    # the last period of the sentences before that is their own: not the date of a report ("said on
    # Saturday"), a reference point, or a compared figure's ("against Rs 41.86 lakh crore in Q2 FY24")
    for i, p in reversed(earlier):
        if i not in attached and not _aside(text, i, p, paragraph_start, asides):
            return i
    return earlier[-1][0]


def _aside(text: str, index: int, period: PeriodRef, lo: int, asides: dict[tuple[int, int], int]) -> int:
    """How far a period stands aside, from the words before it (not before ``lo``): 0 not at all, 1 the
    date of a report or a comparison, 2 a reference point. Cached in ``asides`` by (period, lo)."""
    aside = asides.get((index, lo))
    if aside is None:
        window = max(lo, period.start - 40)
        lower = _lower(text)
        if lower is not None:  # a word every way of standing aside needs, first
            hint = _ASIDE_WORDS.search(lower, window, period.start)
        else:
            hint = _ASIDE_WORDS_ANY_CASE.search(text, window, period.start)
        m = _ASIDE_BEFORE.search(text, window, period.start) if hint else None
        if (
            m is not None
            and not m["reference"]
            and m.group(0).lower().startswith(_REPORT_VERBS)
            and (_MODIFIED_NOUN_AFTER.match(text, period.end))
        ):
            m = None  # "reported October revenue of": the period is the noun's, not the report's
        elif (
            m is not None
            and m["from"]
            and m.end("from") + 1 == period.start
            and text[period.start].isupper()
            and (" will " in text[lo : period.start])
        ):
            m = None  # "will rise to £12.60 from April": when it starts, not what it is compared with
        if m is None and (
            _REPORTED_AFTER.match(text, period.end)
            or _WEEKDAY.fullmatch(text, period.start, period.end)
            and _REPORT_VERB.search(text, lo, period.start)
        ):
            aside = asides[(index, lo)] = 1  # "on Thursday reported net income of ...": the report's date
        elif (
            m is None
            and text.startswith(("this ", "last "), period.start)
            and _ORDINAL_BEFORE.search(text, max(lo, period.start - 40), period.start)
        ):
            aside = asides[(index, lo)] = 2  # "its third reduction this year": a point to count from
        else:
            aside = asides[(index, lo)] = 0 if m is None else 2 if m["reference"] else 1
    return aside


_REPORT_VERBS = ("said", "says", "reported", "announced", "released", "published", "showed", "told")
# a noun right after a period makes the period its modifier: "October revenue", "first-half profit"
_MODIFIED_NOUN_AFTER = _compile(
    r"\s++(?!(?:that|it|the|an?|its|their|he|she|they|in|on|at|for|from|to|with|and|but|as|after|before|while|when"
    r"|compared|showed|said)\b)[a-z][a-z-]*+\b"
)
_WEEKDAY = _compile(r"(?:on\s++)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", regex.IGNORECASE)
_REPORT_VERB = _compile(r"\b(?:said|says|reported|announced|posted|released|published|showed|unveiled)\b")
_REPORTED_AFTER = _compile(
    r"\s*+,?\s*+(?:said|reported|announced|posted|released|published|showed|unveiled)\b", regex.IGNORECASE
)
_ORDINAL_BEFORE = _compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s++(?!quarter|half)[a-z-]++"
    r"(?:\s++[a-z-]++)?\s++\Z",
    regex.IGNORECASE,
)


# what puts a period aside: the date of a report ("said on Friday"), a comparison ("than in May"), and as
# <reference>, a point a record is measured from ("its highest since May")
_ASIDE_BEFORE = _compile(
    r"(?:\b(?:said|says|reported|announced|released|published|showed|told|agreed|decided|pledged"
    r"|promised|vowed)\b[^,.;]{0,12}|\bthan\b(?!\s++[\d$€£¥₹])(?:[^,.;]|\.(?=\d)){0,24}"
    # a comparison ("from the previous quarter", "compared with the first quarter of")
    r"|(?P<from>\bfrom\b)[^,.;]{0,12}|\b(?:compared\s++(?:with|to)|versus|against)\s++"
    # a report's date: "said in its advance estimate on Wednesday"
    r"|\b(?:said|reported|announced|released|published|showed)\s++in\s++(?:its|a|the|their)\s++(?:[a-z-]++\s++){1,3}"
    r"(?:on\s++)?"
    r"|\b(?:which|that|whose\s++(?:fiscal|financial)\s++year)\s++(?:will\s++|would\s++)?"
    r"(?:began|begins|begin|started|starts|start|ended|ends|end|finished|opened|closed|runs|ran)\b[^,.;]{0,6}"
    # an earlier figure the change follows: ", after slipping 20.7 per cent in March", ", after a 0.2% fall in"
    r"|\bafter\s++(?:[a-z]++ing\b|an?\s)[^,.;]{0,30}"
    r"|(?P<reference>\b(?:highest|lowest|strongest|weakest|biggest|largest|smallest|fastest|slowest|best|worst|most"
    r"|least|record|high|low|first\s+time|since)\b[^,.;]{0,24}\bsince\s"
    r"|\bsince\s++(?:the\s++)?[a-z][^,.;]{0,30}\b(?:of|in)\s))\s*+\Z",  # "since the crash of October 1987"
    regex.IGNORECASE,
)
# a word every way of standing aside needs: a cheap test before the full pattern
_ASIDE_WORDS = re.compile(
    r"said|says|report|announc|releas|publish|show|told|agreed|decided|pledged|promised|vowed|than|from|compared"
    r"|versus|against|which|that|whose|after|since"
)  # read in the lower-cased text
_ASIDE_WORDS_ANY_CASE = re.compile(_ASIDE_WORDS.pattern, re.IGNORECASE)
_DEFINITE_BEFORE = _compile(
    r"\b(?:the|its|their|our|his|her|all|each\s+of\s+the)\s++(?:(?:some|about|around|nearly|roughly)\s++)?\Z",
    regex.IGNORECASE,
)
_COMPARED_FIGURE = _compile(
    r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against)\s++(?:(?:the|an?|its|their)\s++)?\Z", regex.IGNORECASE
)
# "up from 74% in the fourth quarter", "than the 3.0% pace in the April-June period"
_PERIOD_AFTER_FIGURE = _compile(
    r"\s*+(?:(?:[a-z-]++\s++){0,2}(?:in|during|for|on|at|over)\s++(?:the\s++)?)?\s*+\Z", regex.IGNORECASE
)


def _attached_periods(text: str, figures: list[FigureRef], dated: list[tuple[int, PeriodRef]]) -> dict[int, int]:
    """Periods that belong to a compared figure: in "up from 74% in the fourth quarter" the quarter is
    the 74%'s, not the period of the other figures of the sentence. Period index -> figure start."""
    attached: dict[int, int] = {}
    starts = [f.start for f in figures]
    for i, p in dated:
        k = bisect_right(starts, p.start) - 1
        if k < 0:
            continue
        fig = figures[k]
        if (
            fig.end <= p.start
            and p.start - fig.end <= 24
            and _PERIOD_AFTER_FIGURE.fullmatch(text, fig.end, p.start)
            and (_COMPARED_FIGURE.search(text, max(0, fig.start - 20), fig.start))
        ):
            attached[i] = fig.start
    return attached


# A sentence that states a standing fact, in the present tense ("The ONS tracks more than 700 goods"),
# or a hypothetical ("For a borrower with a £200,000 loan, repayments could fall by £30"), takes no
# period from the sentences before it.
_PRESENT = frozenset(
    "is are has have represents represent employs employ tracks track provides provide shares share holds hold "
    "keeps keep pays pay owns own serves serve covers cover includes include operates operate runs run supports "
    "support lifts lift face faces counts count comprises comprise spans span accounts account makes make".split()
)
_MODALS = frozenset("could would might may".split())
_PAST_IRREGULAR = frozenset(
    "was were had rose fell grew stood hit cut saw came took made held kept said paid sold spent won lost went gave "
    "brought bought slid shrank sank rang ran set put led left got fell fought beat swung".split()
)


_RELATIVE_START = _compile(r"\s*+(?:which|who|that)\s", regex.IGNORECASE)
# "For a borrower with a A$600,000 mortgage, repayments fall by A$90": an example, not a dated fact
_HYPOTHETICAL = _compile(
    r"\s*+For\s++(?:example,?\s++)?an?\s++(?:typical\s++|average\s++)?(?:first-time\s++)?(?:borrower|household|family"
    r"|buyer|homeowner|home\s++buyer|worker|saver|taxpayer|consumer|customer|motorist|driver|pensioner|couple|earner)s?\b",
)


def _standing_clause(text: str, clause: tuple[int, int], fig_start: int) -> bool:
    """A clause whose verb before the figure is in the present tense and that has no past in it:
    "which account for about 20 per cent", "Industry employs about 5.5 million people"."""
    before = _words(text, clause[0], fig_start)
    if not any(
        w[2] in _PRESENT and (k == 0 or before[k - 1][2] not in _DETERMINERS | _MODALS | {"will", "to", "shall"})
        for k, w in enumerate(before)
    ):
        return False
    return not any(w[2] in _PAST_IRREGULAR or w[2].endswith("ed") and len(w[2]) > 4 for w in _words(text, *clause))


def _standing(text: str, sent: tuple[int, int]) -> bool:
    """Whether a sentence (or clause) states a standing fact or a hypothetical (memoised: asked once per figure)."""
    memo = _memo(text)
    key = ("standing", sent)
    if key not in memo:
        memo[key] = _standing_now(text, sent)
    return memo[key]


def _standing_now(text: str, sent: tuple[int, int]) -> bool:
    if _HYPOTHETICAL.match(text, sent[0]):
        return True
    found = _words(text, sent[0], sent[1])
    if any(w in _MODALS and text[s:e] == w for s, e, w in found):  # as written: "May" is a month
        return True
    words = [w for _, _, w in found]
    past = any(w in _PAST_IRREGULAR or (w.endswith("ed") and len(w) > 4) for w in words)
    return not past and any(w in _PRESENT for w in words)


# between an amount and its conversion: "105 million yuan ($14.39 million)", "A$640 a week (about US$400)"
_CONVERSION_GAP = _compile(
    r"\s*+(?:(?:a|an|per)\s++[a-z-]++(?:\s++[a-z-]++)?\s*+)?[(\[]\s*+"
    r"(?:about|around|roughly|approximately|nearly|some|or|or\s+about|or\s+around)?\s*+"
)


def _equivalent(text: str, figures: list[FigureRef], index: int) -> int | None:
    """``105 million yuan ($14.39 million)``: the amount in brackets restates the one before it."""
    fig = figures[index]
    if fig.kind != "money" or index == 0:
        return None
    prev = figures[index - 1]
    if prev.kind != "money" or prev.unit == fig.unit:
        return None
    gap = text[prev.end : fig.start]
    if not _CONVERSION_GAP.fullmatch(gap):
        return None
    rates = _cues()["rates"]
    if prev.value and fig.value and prev.unit in rates and fig.unit in rates:
        implied = (prev.value / rates[prev.unit]) / (fig.value / rates[fig.unit])
        if not Decimal("0.33") <= implied <= Decimal(3):
            return None  # an implausible exchange rate: not a conversion
    return index - 1
