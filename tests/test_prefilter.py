"""Prefilters read from a pattern's parse (``newsfigures.text.prefilter``), and their plain reference mode."""

import pytest

import regex

from newsfigures.text.prefilter import Prefilter, needed_literal_sets, needed_literals


@pytest.mark.parametrize(
    "pattern, literals",
    [
        (r"\bshare\s++of\b|['’]s\s++share\b", ("share",)),
        (r"\b(?:below|above|short\s+of)\s++the\s++\Z", ("above", "below", "short")),
        (r"\s*+(?:that\s++)?(?:[a-z-]+\s++){1,3}?(?:expected|pencill?ed\s+in)\b", ("expected", "pencil")),
        (r"(?i)\bCompared\s+with", ("compared",)),
        (r"\b(?:after|although|though)\s", ("after", "though")),  # "although" contains "though"
        (r"[a-z]+\d*", None),
        (r"(?:to|at)?\s*\d|y", None),  # a branch with nothing required
    ],
)
def test_needed_literals_are_read_from_the_parse(pattern, literals):
    assert needed_literals(pattern) == literals


@pytest.mark.parametrize(
    "pattern, sets",
    [
        (r"\d\s*+(?:pct|per\s+cent|%)\s++(?:from|than)\s++\Z", (("%", "cent", "pct"), ("from", "than"))),
        (r"(?i)\bShare\s++of\b", (("share",), ("of",))),
        (r"[a-z]+\d*", ()),
    ],
)
def test_needed_literal_sets_are_read_from_the_parse(pattern, sets):
    assert needed_literal_sets(pattern) == sets


def test_every_set_must_be_met_and_a_flag_lower_cases_the_literals():
    needs = Prefilter(regex.compile(r"\d\s*+(?:PCT|%)\s++(?:from|than)\s++\Z", regex.IGNORECASE), every=True)
    assert needs.may_match("rose 5 pct from ")
    assert not needs.may_match("rose 5 points from ")  # no percent word
    assert not needs.may_match("rose 5 pct in ")  # no comparison word
    assert Prefilter(needs.pattern).may_match("rose 5 points from ")  # one set only: the best one


def test_plain_mode_tries_every_pattern_and_gives_the_same_records(nlp):
    """With every prefilter off (``Prefilter.plain``) the linker tries each pattern everywhere: same records."""
    import newsfigures

    texts = [
        "Exports rose 5% in March, compared with 3.1% in February, below the 6% analysts had expected.",
        "Its share of the market was 12%, up from 9% a year earlier, after a 2% fall in 2023.",
        "The bank set a target of 2% and projects inflation of 2.5% by 2026, the ministry said on Friday.",
    ]
    fast = [newsfigures.extract(t, nlp=nlp).model_dump() for t in texts]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Prefilter, "plain", True)
        plain = [newsfigures.extract(t, nlp=nlp).model_dump() for t in texts]
    assert fast == plain


def test_first_letters_are_read_from_the_pattern():
    from newsfigures.text.regex_tree import first_letters

    assert first_letters(r"\b(?:said|reported|than)\s") == frozenset("srt")
    assert first_letters(r"\b(?:the|an?)\s++(?:big\s++)?") == frozenset("ta")
    assert first_letters(r"\b(?:\d+|said)") is None  # a digit may start it
    assert first_letters(r"(?:said)?") is None  # it may be empty


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(?:said|says|reported)\b[^,.;]{0,12}\Z",
        r"\b(?:the|its|their)\s++(?:(?:some|about)\s++)?\Z",
        r"\b(?:Fed|said|x\d)\w*",
    ],
)
def test_the_word_start_lookahead_keeps_every_match(pattern):
    from newsfigures.linker.text import at_word_start

    texts = ["The Fed said on Tuesday", "it reported, then", "about the ", "x5 said Their", "SAID so: its some "]
    plain, fast = regex.compile(pattern, regex.IGNORECASE), regex.compile(at_word_start(pattern), regex.IGNORECASE)
    for text in texts:
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fast.finditer(text)]
