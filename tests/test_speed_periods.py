"""Tests of the period stage's fast paths: each checked against the plain form it stands for.

- the checks of :class:`~newsfigures.text.pattern_index.PatternIndex` (an ``re`` pattern on the folded
  text, tried before a rule whose prefixes were cut short) accept wherever the rule matches;
- specs read only for the candidates the longest-first selection reaches: the same choice as
  reading every candidate's spec first;
- the nearest cue of the resolution context, found without building lists.
"""

from __future__ import annotations

import re
import string
import time
from bisect import bisect_left, bisect_right

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfigures.periods.finder import _Blocked, _Candidate, _candidates, _read_spec, _scan, _scanned_rules, _select_longest
from newsfigures.periods.direction import nearest_cue
from newsfigures.text.pattern_index import PatternIndex, check_source, parse_pattern, with_possessive_runs
from newsfigures.text.pattern_index import fold_for_index as fold_text
from newsfigures.periods.rules import FLAGS, build_macros

# --- the index's checks: wherever the rule matches, its check accepts -------------------------------------


def _checked_patterns() -> list[tuple[regex.Pattern, object]]:
    index = _scanned_rules()[1]
    return [(pattern, check) for pattern, check in zip(index.patterns, index._checks) if check is not None]


def _assert_checks_accept_every_match(text: str) -> None:
    folded = fold_text(text)
    for pattern, check in _checked_patterns():
        for position in range(len(text) + 1):
            if pattern.match(text, position) is not None:
                assert check(folded, position) is not None, (pattern.pattern[:80], text, position)


def test_the_rules_cut_short_have_checks():
    names = {rule.id for rule, check in zip(_scanned_rules()[0], _scanned_rules()[1]._checks) if check}
    assert {"span_to", "ago", "duration", "month_range", "month_day_year"} <= names


CHECK_TEXTS = [
    "the three months to November, the year ended March 31, 2024 and the quarter ending in June",
    "January-September, Jan - to - Sept 2024, March  through\tMay, between April and June 2023",
    "two years ago, more than a decade ago, 18 months, nearly two years, a year and a half",
    "the April-June quarter, the September quarter, the third quarter of 2023, Q3 FY24, 3Q24",
    "Monday, December 23, 2024; 23 December 2024; Dec. 23; the 2024-25 fiscal year",
    # the dotless i matches an upper-case I case-insensitively, and folds to "?"
    "TH\u0130RD QUARTER, the th\u0131rd quarter, J\u0131ne 30, the s\u0131x months to Apr\u0131l",
    "March" + " " * 50 + "- to -" + " " * 30 + "May",
]


@pytest.mark.parametrize("text", CHECK_TEXTS)
def test_a_check_accepts_wherever_its_rule_matches(text):
    _assert_checks_accept_every_match(text)


CHECK_PIECES = st.sampled_from(
    ["the", "three", "months", "quarter", "year", "ended", "ending", "to", "through", "ago", "two", "a", "half",
     "and", "March", "June", "Sept.", "Dec", "31", "2024", "'24", "fiscal", "first", "third", "Q3", "more than",
     "nearly", "between", "TH\u0130RD", "th\u0131rd", "Apr\u0131l", "ſix", "-", "–", ",", "."]
)  # fmt: skip
CHECK_GAPS = st.sampled_from(["", " ", "  ", "   ", "\n", "\t", "\u00a0", "-", " - ", ", ", "/"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(CHECK_PIECES, CHECK_GAPS), max_size=14))
def test_a_check_accepts_wherever_its_rule_matches_in_any_text(pieces):
    _assert_checks_accept_every_match("".join(piece + gap for piece, gap in pieces))


@pytest.mark.parametrize(
    ("source", "accepts", "refuses"),
    [
        (r"(?<!\w)ab\s+cd", ["ab cd", "AB\t cd", "ab  cdx"], ["abcd", "ab c", "ab-cd"]),
        # a run that may give back characters: read for two rounds, then anything longer accepts
        (r"ab\s*(?:\s*-\s*|to)\s*cd", ["ab - cd", "ab   -cd", "ab to cd", "ab" + " " * 50 + "q"], ["ab cd", "ab x"]),
        (r"x.y", ["x?", "xzq"], ["y"]),  # the check ends at a character it does not know
        (r"(?i:I)\d", ["i0", "\u01310"], ["i", "ia"]),
    ],
)
def test_check_sources(source, accepts, refuses):
    check = re.compile(check_source(parse_pattern(source, verbose=False)))
    for text in accepts:
        assert check.match(fold_text(text)) is not None, (source, text)
    for text in refuses:
        assert check.match(fold_text(text)) is None, (source, text)


def test_only_i_matches_a_character_folded_to_a_question_mark():
    """The checks add "?" to a class only where it holds an "i": of the ASCII letters, only an upper-case
    I (alone or in a range) matches, case-insensitively, a character the folding makes "?" (the dotless i)."""
    everything = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    unknown = "".join(c for c, f in zip(everything, fold_text(everything)) if f == "?")
    sources = ["(?i)[A-Z]", "(?i)[a-z]"] + [f"(?i){a}" for a in string.ascii_letters]
    sources += [f"(?i)[{a}]" for a in string.ascii_letters]
    dotless = set(regex.findall("(?i)I", unknown))
    for source in sources:
        assert set(regex.findall(source, unknown)) <= dotless, source


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("March" + " " * 1_000_000 + "x", id="month-space-run"),
        pytest.param("March" + " " * 500_000 + "-" + " " * 500_000 + "x", id="month-dash-runs"),
        pytest.param("the three months" + " " * 1_000_000 + "to", id="span-space-run"),
        pytest.param("March  " * 200_000, id="months-double-spaced"),
    ],
)
def test_checks_stay_linear_on_long_runs(text):
    """A check reads a run that may give back characters only RUN_REACH rounds far, so that unlike some
    rules (month_range on "March" and a long run of spaces is quadratic) it never retries a run."""
    folded = fold_text(text)
    started = time.perf_counter()
    for _, check in _checked_patterns():
        for position in range(0, len(text), 7):
            check(folded, position)
            if position > 50:
                break
    assert time.perf_counter() - started < 5


def test_an_index_of_patterns_cut_short_finds_what_finditer_finds():
    """Patterns with many prefixes (cut short, so checked) are found as finditer finds them."""
    macros = build_macros()
    sources = [
        rf"(?<!\w)(?:{macros['MONTHX']})\s*(?:\s*-\s*|\s+to\s+)\s*(?:{macros['MONTHX']})(?!\w)",
        rf"(?<!\w)(?:{macros['NUM']})\s+(?:years?|months?)\s+ago(?!\w)|(?<!\w)(?:{macros['MONTHX']})\s+\d\d",
    ]
    patterns = [regex.compile(with_possessive_runs(source, verbose=True), FLAGS) for source in sources]
    index = PatternIndex(patterns)
    assert index._checks[0] is not None
    texts = [
        "Jan - Feb, March to  May, Sept.-Oct., June  -  July, J\u0131ne to July, April  to, MAY to JUNE.",
        "two years ago, twenty-one months  ago, 3 months\tago, March 12, Dec. 31, thirty-one years",
    ]
    for text in texts:
        for pattern, matches in zip(patterns, index.finditer(text)):
            assert [m.span() for m in matches] == [m.span() for m in pattern.finditer(text)], text


# --- specs read in the order of the selection: the same choice as reading them all first ---------------------


def _choice_reading_every_spec(text: str) -> list[tuple]:
    read = []
    for cand in _candidates(_scan(text)[0], _Blocked([])):
        spec = _read_spec(cand)
        if spec is not None:
            read.append(_Candidate(cand.start, cand.end, cand.rule, spec))
    return [(c.start, c.end, c.rule.id, c.spec) for c in _select_longest(read, len(text))]


def _choice_reading_specs_lazily(text: str) -> list[tuple]:
    chosen = _select_longest(_candidates(_scan(text)[0], _Blocked([])), len(text), _read_spec)
    return [(c.start, c.end, c.rule.id, c.spec) for c in chosen]


# pieces whose parsers refuse them (February 30, 2024-2019, a 13-month year-to-date) inside and beside longer ones
SPEC_PIECES = st.sampled_from(
    ["February 30", "30 February", "Feb. 29, 2023", "February 29, 2024", "2024-2019", "2023-24", "March 31, 2024",
     "the first 13 months", "the first nine months", "the end of", "mid-", "the third quarter", "of", "2023", "Q3",
     "last", "year", "the three months to November", "a year earlier", "Monday", "in", "the", "June 31", "FY25"]
)  # fmt: skip


REFUSED_TEXTS = ["February 30, 2024 and 2024-2019, June 31 2023, the end of February 30"]


@pytest.mark.parametrize("text", CHECK_TEXTS + REFUSED_TEXTS)
def test_specs_read_lazily_give_the_same_choice(text):
    assert _choice_reading_specs_lazily(text) == _choice_reading_every_spec(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(SPEC_PIECES, st.sampled_from([" ", ", ", "-", " - ", ""])), max_size=12))
def test_specs_read_lazily_give_the_same_choice_in_any_text(pieces):
    text = "".join(piece + gap for piece, gap in pieces)
    assert _choice_reading_specs_lazily(text) == _choice_reading_every_spec(text)


# --- the nearest cue ------------------------------------------------------------------------------------------


def _nearest_cue_with_lists(cues: dict, start: int, stop: int, *, last: bool, backward: str = "backward"):
    """The nearest cue as the context found it before, building a list of candidates."""
    if stop <= start:
        return None
    found = []
    for name, key in (("forward", "forward"), ("backward", backward)):
        starts, ends = cues[key]
        if last:
            i = bisect_right(ends, stop) - 1
            if i >= 0 and starts[i] >= start:
                found.append((ends[i], name))
        else:
            i = bisect_left(starts, start)
            if i < len(starts) and ends[i] <= stop:
                found.append((starts[i], name))
    if not found:
        return None
    if last:
        return max(found, key=lambda item: (item[0], item[1] == "forward"))[1]
    return min(found, key=lambda item: (item[0], item[1] != "forward"))[1]


def _cue_offsets(draw_spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, non-overlapping cues (as finditer gives them) from drawn (gap, length) pairs."""
    starts, ends, at = [], [], 0
    for gap, length in draw_spans:
        starts.append(at + gap)
        ends.append(at + gap + length)
        at = at + gap + length
    return starts, ends


SPANS = st.lists(st.tuples(st.integers(0, 6), st.integers(1, 5)), max_size=8)


@settings(max_examples=500, deadline=None)
@given(SPANS, SPANS, SPANS, st.integers(0, 60), st.integers(0, 60), st.booleans(), st.booleans())
def test_the_nearest_cue_is_the_one_the_lists_gave(forward, backward, words, start, stop, last, words_only):
    cues = {"forward": _cue_offsets(forward), "backward": _cue_offsets(backward), "backward_words": _cue_offsets(words)}
    key = "backward_words" if words_only else "backward"
    expected = _nearest_cue_with_lists(cues, start, stop, last=last, backward=key)
    assert nearest_cue(cues, start, stop, last=last, backward=key) == expected
