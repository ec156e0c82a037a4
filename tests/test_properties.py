"""Properties that hold for any text: no exception, offsets that slice the text exactly, finite values,
sorted mentions, the same records every time, and chunked processing that keeps all of it.

Profiles: ``ci`` (default, the whole file in well under a minute) and ``soak`` for long local runs:
``HYPOTHESIS_PROFILE=soak pytest tests/test_properties.py``. The profile is applied per test, so other
test files keep Hypothesis' defaults.
"""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsfigures
from newsfigures.io.batch import extract_records
from newsfigures.io.inputs import ArticleInput

settings.register_profile(
    "ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile("soak", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

WORDS = ["Sales", "rose", "fell", "by", "to", "from", "about", "nearly", "more than", "between", "and", "the", "year-on-year",
         "in", "last", "this year", "quarter", "first", "third", "million", "billion", "trillion", "lakh", "crore", "thousand",
         "percent", "per cent", "pct", "%", "percentage points", "bps", "basis points", "yuan", "dollars", "euros", "units",
         "jobs", "Q3", "H1", "January", "Dec.", "fiscal", "Updated:", "Published:", "one", "twenty-five", "a dozen", "half"]  # fmt: skip
CURRENCY = ["$", "US$", "HK$", "€", "£", "¥", "₹", "Rs", "Rs.", "RMB", "CNY", "USD", "bn", "m", "k"]
PUNCT = [".", ",", ";", ":", "-", "–", "—", "/", "(", ")", "'", '"', "…", "+", "±", "~", "*", "#"]
SPACE = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u202f", "\u2009", "\r\n"]


@st.composite
def numbers(draw) -> str:
    """Numbers as news writes them, and as it should not: grouped, decimal, signed, ranges, dates, junk."""
    integer = draw(st.integers(min_value=0, max_value=10**15))
    style = draw(st.sampled_from(["plain", "grouped", "decimal", "euro", "space", "range", "date", "huge", "signed"]))
    if style == "grouped":
        return f"{integer:,}"
    if style == "decimal":
        return f"{integer}.{draw(st.integers(0, 999))}"
    if style == "euro":
        return f"{integer:,}".replace(",", ".") + f",{draw(st.integers(0, 99))}"
    if style == "space":
        return f"{integer:,}".replace(",", draw(st.sampled_from([" ", "\u00a0", "\u202f", "'"])))
    if style == "range":
        return f"{integer}{draw(st.sampled_from(['-', '–', ' to ', '/']))}{integer + draw(st.integers(0, 50))}"
    if style == "date":
        return f"{draw(st.integers(1900, 2100))}-{draw(st.integers(0, 13)):02d}-{draw(st.integers(0, 32)):02d}"
    if style == "huge":
        return "9" * draw(st.integers(16, 400)) + draw(st.sampled_from(["", ".5", "e308", "E-400"]))
    if style == "signed":
        return draw(st.sampled_from(["-", "+", "−", "minus "])) + str(integer)
    return str(integer)


news_pieces = st.one_of(
    st.sampled_from(WORDS), numbers(), st.sampled_from(CURRENCY), st.sampled_from(PUNCT), st.sampled_from(SPACE),
    st.text(max_size=3),
)  # fmt: skip
news_like = st.lists(news_pieces, max_size=60).map("".join)
any_text = st.text(max_size=300)
texts = st.one_of(any_text, news_like)


def check_article(article, text: str) -> None:
    assert article.text == text
    starts = [(m.start, m.end) for m in article.mentions]
    assert starts == sorted(starts)
    for m in article.mentions:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text
        for value in (m.value, m.value_high):
            assert value is None or value.is_finite()
        if m.subject_start is not None:
            assert text[m.subject_start : m.subject_end] == m.subject
        for index in (m.period_index, m.equivalent_of):
            assert index is None or 0 <= index < len(article.mentions)


@PROFILE
@given(text=texts)
def test_any_text_gives_a_valid_article(nlp, text):
    check_article(newsfigures.extract(text, nlp=nlp), text)


@PROFILE
@given(text=news_like, published=st.one_of(st.none(), st.dates().map(str)))
def test_same_text_same_records(nlp, text, published):
    first = newsfigures.extract(text, published=published, nlp=nlp)
    again = newsfigures.extract(text, published=published, nlp=nlp)
    assert first.model_dump() == again.model_dump()


@PROFILE
@given(text=st.lists(news_like, min_size=1, max_size=6).map("\n\n".join), chunk=st.integers(20, 400))
def test_chunked_extraction_keeps_offsets(nlp, text, chunk):
    [done] = extract_records([ArticleInput("x", text)], nlp=nlp, chunk_chars=chunk)
    assert not hasattr(done.record, "error"), done.record
    check_article(done.record, text)


def _reversed_patterns():
    """Every pattern compiled with regex.REVERSE, beside its forward twin."""
    import regex

    from newsfigures.linker import link as linking
    from newsfigures.linker import period as linking_period
    from newsfigures.linker import roles as linking_roles
    from newsfigures.linker import phrases as linking_phrases
    from newsfigures.linker import reading as linking_reading
    from newsfigures.linker import subject as linking_subject
    from newsfigures.linker import text as linking_text
    from newsfigures.quantities import counts, figure, grammar, ranges

    found = [(name, grammar.quantity_grammar()[name]) for name in ("qualifier_before",)]
    modules = (figure, ranges, counts, linking, linking_roles, linking_text, linking_subject, linking_phrases)
    modules += (linking_period, linking_reading)
    for module in modules:
        found += [
            (name, p) for name, p in vars(module).items()
            if isinstance(p, regex.Pattern) and p.flags & regex.REVERSE and p.pattern.endswith("\\Z")
        ]  # fmt: skip  (``_LAST_OPENER`` is reversed on purpose, to find the last opener: not compared here)
    assert len(found) >= 6  # the shortcut is in use; keep this list in step with the code
    return [(name, p, regex.compile(p.pattern, p.flags & ~regex.REVERSE)) for name, p in found]


REVERSED = _reversed_patterns()
WHETHER_ONLY = {"_TO_A", "_COMPARED_WITH"}  # the code uses only whether these match
QUALIFIER_WORDS = ["more than", "nearly", "just over", "over", "about", "up to", "in excess of", "minus", "negative",
                   "one in", "out of", "by", "as of", "U.S.", "Mr.", "in", "since", "nearly over", "to a", "at an",
                   "record", "two-year high of", "target range of", "compared with", "than the", "versus",
                   "from its earlier forecast of", "new", "all-time", "after", "while"]  # fmt: skip


@PROFILE
@given(st.lists(st.one_of(news_pieces, st.sampled_from(QUALIFIER_WORDS)), max_size=12))
def test_patterns_read_from_the_end_find_what_a_forward_search_finds(pieces):
    """Patterns anchored at ``\\Z`` are searched from the end (regex.REVERSE) for speed; the match must be
    exactly the forward search's, whatever comes before."""
    window = " ".join(pieces) + " "
    for name, backward, forward in REVERSED:
        for text in (window, window[:-1], window.rstrip() + "."):
            a, b = forward.search(text), backward.search(text)
            if name in WHETHER_ONLY:
                assert bool(a) == bool(b), (name, text)
            else:
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (name, text)


@PROFILE
@given(st.lists(news_pieces, max_size=30))
def test_number_candidates_are_the_matches_of_the_one_pattern(pieces):
    """The three candidate branches scanned apart and merged find exactly what the alternation finds."""
    from newsfigures.quantities.candidates import number_candidates

    text = " ".join(pieces)
    expected = [(m.span(), m.groupdict()) for m in number_candidates(text, reference=True)]
    assert [(m.span(), m.groupdict()) for m in number_candidates(text)] == expected


NUMBER_WORD_PIECES = ["one", "ones", "tens", "ten", "twenty", "seventeen", "seventy", "seven", "nine", "ninety",
                      "a", "an", "half", "hundred", "thousand", "thousands", "lakh", "lakhs", "lacs", "crore", "score",
                      "dozen", "zero", "often", "someone", "Eight", "eighteen", "eighty", "quarter", "percentage point",
                      "per cent", "of", "third", "tenth", "fifth", "two-thirds", "x1", "_", "-", " ", "  ", "\n",
                      "half a percentage point", "half of a per cent point", "a percentage point", "three-quarters",
                      "one half", "half a million", "an eighth"]  # fmt: skip


@PROFILE
@given(st.lists(st.one_of(st.sampled_from(NUMBER_WORD_PIECES), news_pieces), max_size=16), st.booleans())
def test_candidate_filters_find_every_place_their_branch_matches(pieces, spaced):
    """The fraction and words scans are tried only where a filter written from their own parse lets them:
    every match of a branch over the text must begin where its filter matched."""
    from newsfigures.quantities.candidates import candidate_grammar
    from newsfigures.text.pattern_index import fold_for_index as fold_text

    text = (" " if spaced else "").join(pieces)
    padded = " " + fold_text(text)
    grammar = candidate_grammar()
    for scan, where in zip(grammar.scans, grammar.filters):
        if where is not None:
            allowed = {m.start() for m in where.finditer(padded)}
            starts = [pos for pos in range(len(text) + 1) if scan.match(text, pos)]
            assert set(starts) <= allowed, (text, starts)


def _spellings(word: str):
    """A word as text may spell it: other cases, and letters that match ASCII ones case-insensitively."""
    return st.sampled_from(
        [word, word.upper(), word.title(), word.replace("s", "\u017f"), word.replace("i", "\u0130"),
         word.replace("i", "\u0131"), word.replace("k", "\u212a"), word.replace("e", "\u00e9")]
    )  # fmt: skip


CUE_WORDS = QUALIFIER_WORDS + ["between", "minus", "negative", "approx.", "some", "under", "circa", "close to", "at most"]
WINDOW_SPACES = st.sampled_from(SPACE + ["\x1c", "\x85", "", "-", "("])


@PROFILE
@given(st.lists(st.tuples(st.one_of(st.sampled_from(CUE_WORDS).flatmap(_spellings), news_pieces), WINDOW_SPACES)))
def test_string_tests_before_a_number_never_hide_a_match(pieces):
    """The quantity reader searches for a qualifier, "between" or a minus word before a number only when
    a string test on the folded text lets it: the test must pass wherever the search would match."""
    from newsfigures.quantities import ranges
    from newsfigures.quantities.grammar import quantity_grammar
    from newsfigures.text.pattern_index import fold_for_index as fold_text

    window = "".join(word + space for word, space in pieces)[-60:]
    lowered = fold_text(window)
    if quantity_grammar()["qualifier_before"].search(window):
        assert lowered.rstrip(" ").endswith(quantity_grammar()["qualifier_ends"]), window
    if quantity_grammar()["minus_before"].search(window):
        assert any(word in lowered for word in quantity_grammar()["minus_words"]), window
    if ranges.BETWEEN.search(window):
        assert ranges.BETWEEN_WORD in lowered, window


IDENTIFIER_TAILS = ["COVID-", "SARS-CoV-", "Line #", "No. ", "Article  ", "Boeing ", "the S&P ", "H1N1-", "Route", "phase-"]


@PROFILE
@given(st.lists(st.one_of(news_pieces, st.sampled_from(IDENTIFIER_TAILS)), max_size=10))
def test_identifier_word_before_a_number_is_found_from_the_end_as_from_the_start(pieces):
    """``identifier_before`` is searched from the end; only whether it matches is used, and that must be
    what the forward search says."""
    import regex

    from newsfigures.quantities.grammar import quantity_grammar

    backward = quantity_grammar()["identifier_before"]
    forward = regex.compile(backward.pattern, backward.flags & ~regex.REVERSE)
    window = "".join(pieces)[-40:]
    assert bool(backward.search(window)) == bool(forward.search(window))


ASIDE_WORDS = ["said", "reported on", "agreed in", "than in", "from", "compared with", "versus", "which began on",
               "whose fiscal year began on", "after slipping 2% in", "its highest since", "since the crash of",
               "said in its first estimate on", "announced", "told reporters", "its third cut"]  # fmt: skip


CUE_WORDS = ["target", "goal", "inflation target", "expected", "had forecast", "pencilled in", "penciled in",
             "assumed", "economists", "the", "share of", "'s share"]  # fmt: skip


@PROFILE
@given(st.lists(st.one_of(news_pieces, st.sampled_from(QUALIFIER_WORDS + ASIDE_WORDS + CUE_WORDS)), max_size=12))
def test_cheap_word_tests_never_hide_a_match(pieces):
    """The linker tries a pattern only when a string read from the pattern's parse is in the text: that test
    must let through every text the pattern would match (lower-cased, as the linker reads it)."""
    from newsfigures.linker import period as linking_period
    from newsfigures.linker import reading as linking_reading
    from newsfigures.linker import roles as linking_roles
    from newsfigures.text.prefilter import Prefilter

    text = " ".join(pieces).lower() + " "
    modules = (linking_roles, linking_reading, linking_period)
    prefilters = [p for module in modules for p in vars(module).values() if isinstance(p, Prefilter)]
    assert len(prefilters) >= 8
    for prefilter in prefilters:
        assert prefilter.literals, prefilter.pattern.pattern
        if prefilter.pattern.search(text):
            assert prefilter.may_match(text), (prefilter.pattern.pattern, text)


@PROFILE
@given(st.lists(st.one_of(news_pieces, st.sampled_from(QUALIFIER_WORDS)), max_size=12), st.data())
def test_words_from_the_index_are_the_words_of_the_slice(pieces, data):
    """The linker reads a slice's words from the text's word index; a word cut by an edge is read from its
    part inside. That must be what searching the slice itself finds."""
    from newsfigures.linker import text as linking_text

    text = " ".join(pieces) + " U.S.-based 12,5%" + data.draw(st.sampled_from(["", " İstanbul"]))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    doc = linking_text.IndexedText(text)
    assert doc.words(start, end) == linking_text._slice_words(text, doc.lower, start, end)


@PROFILE
@given(st.lists(st.one_of(news_pieces, st.sampled_from(QUALIFIER_WORDS)), max_size=12), st.data())
def test_first_words_are_the_first_words_of_the_slice(pieces, data):
    """The linker reads the first few words after a figure without cutting the slice's last word: they
    must be the first words of the slice."""
    from newsfigures.linker import text as linking_text

    text = " ".join(pieces) + " U.S.-based 12,5%"
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    n = data.draw(st.integers(1, 4))
    doc = linking_text.IndexedText(text)
    assert doc.first_words(start, end, n) == doc.words(start, end)[:n]


CLAUSE_PIECES = [",", ", ", ".", ". ", "U.S. ", "U.S.", "a.b", ";", "(", ")", "“", "\n", "3.5", "1,000", "?"]


@PROFILE
@given(st.lists(st.one_of(news_pieces, st.sampled_from(CLAUSE_PIECES)), max_size=20), st.data())
def test_clause_breaks_are_the_breaks_of_the_plain_pattern(pieces, data):
    """The clause-break pattern carries a lookahead in front that only lets the engine skip characters:
    it finds exactly what the plain alternation finds, in any window of the text."""
    import re

    from newsfigures.linker import text as linking_text

    plain = re.compile(linking_text._BREAK)
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = [m.span() for m in linking_text.CLAUSE_BREAK.finditer(text, start, end)]
    assert found == [m.span() for m in plain.finditer(text, start, end)]


@PROFILE
@given(st.lists(st.one_of(news_pieces, st.sampled_from(QUALIFIER_WORDS + ASIDE_WORDS)), max_size=12), st.data())
def test_cue_words_merged_into_a_trie_match_where_the_plain_alternation_does(pieces, data):
    """Target and forecast cues are searched as one trie of their words; whether it matches must be
    whether the plain alternation of the words matches."""
    import regex

    from newsfigures.linker import text as linking_text
    from newsfigures.resources import load_json

    cues = load_json("linking.json")
    for key, words in (("target_re", cues["target_cues"]), ("forecast_re", cues["forecast_cues"])):
        extra = data.draw(st.lists(st.sampled_from(words + [w[:-1] for w in words] + [w + "s" for w in words])))
        text = " ".join(pieces + extra).lower()
        plain = regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in words) + r")\b")
        assert bool(linking_text.linker_cues()[key].search(text)) == bool(plain.search(text)), (key, text)


def _word_start_patterns():
    """The patterns behind a word-start lookahead: (name, letters, plain pattern, pattern)."""
    import re

    from newsfigures.linker import period as linking_period
    from newsfigures.linker import phrases as linking_phrases
    from newsfigures.linker import subject as linking_subject
    from newsfigures.linker import text as linking_text

    found = []
    built = {"_expected_subject": linking_subject._expected_subject()}  # built from a lexicon list
    for module in (linking_period, linking_subject, linking_phrases, linking_text, built):
        for name, pattern in (module if isinstance(module, dict) else vars(module)).items():
            source = getattr(pattern, "pattern", None)
            m = re.fullmatch(r"\(\?=\\b\[([A-Za-z]+)\]\)\(\?:(.*)\)", source, re.S) if isinstance(source, str) else None
            if m and hasattr(pattern, "search"):
                found.append((name, m[1].lower(), re.compile(m[2], pattern.flags), pattern))
    return found


def _first_characters(pattern: str) -> set[str]:
    """The characters a match of ``pattern`` can begin with, past zero-width word boundaries (read from
    the standard library's parse of it; anything else it could begin with is refused)."""
    from re import _constants as c
    from re import _parser

    def first(items) -> set[str]:
        for op, av in items:
            if op is c.AT:
                continue
            if op is c.LITERAL:
                return {chr(av)}
            if op is c.IN and all(o is c.LITERAL for o, _ in av):
                return {chr(a) for _, a in av}
            if op is c.BRANCH:
                return set().union(*(first(branch) for branch in av[1]))
            if op is c.SUBPATTERN:
                return first(av[3])
            raise AssertionError(f"a branch of {pattern!r} begins with {op}")
        raise AssertionError(f"a branch of {pattern!r} can be empty")

    return first(_parser.parse(pattern).data)


WORD_START_PATTERNS = _word_start_patterns()


def test_word_start_lookaheads_name_every_letter_a_branch_begins_with():
    assert {name for name, *_ in WORD_START_PATTERNS} >= {"_ASIDE_BEFORE", "_expected_subject", "_DETERMINER_BEFORE"}
    for name, letters, plain, _ in WORD_START_PATTERNS:
        assert {ch.lower() for ch in _first_characters(plain.pattern)} <= set(letters), name


@PROFILE
@given(
    st.lists(
        st.one_of(news_pieces, st.sampled_from(ASIDE_WORDS + QUALIFIER_WORDS + ["ſaid", "İts", "thıs", "The", "Its"])),
        max_size=12,
    ),
    st.data(),
)
def test_word_start_lookaheads_find_what_the_plain_patterns_find(pieces, data):
    """A lookahead for the letters that a pattern's branches begin with only lets the engine skip
    positions: the same match, in any window, whatever the case of the letters."""
    text = " ".join(pieces) + " "
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for name, _, plain, pattern in WORD_START_PATTERNS:
        a, b = plain.search(text, start, end), pattern.search(text, start, end)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (name, text)


SENTENCE_PIECES = [". ", "! ", "? ", ".\n", ".\n\n", '." ', ".) ", "...", " U.S. ", " Jan. ", " A. ", "\n", "Next", "next"]


@PROFILE
@given(st.lists(st.one_of(news_pieces, st.sampled_from(SENTENCE_PIECES)), max_size=30))
def test_sentence_stops_are_found_as_the_lookbehind_pattern_finds_them(pieces):
    """The sentence splitter finds a stop by matching the stop character itself (fast); that must
    split where a pattern that looks behind for it does, with the same abbreviation test."""
    import regex

    from newsfigures.text import sentences

    lookbehind = regex.compile(r"(?<=[.!?])[\"”’)]*+\s++(?=[\"“(]?[A-Z0-9])|\n++")
    text = "".join(pieces)
    abbreviations = sentences.sentence_abbreviations()
    spans, start = [], 0
    for m in lookbehind.finditer(text):
        if m.group(0)[0] != "\n":
            last = sentences._LAST_TOKEN.search(text, max(start, m.start() - 20), m.start())
            if last and (last["word"].lower().rstrip(".") in abbreviations or len(last["word"]) == 1):
                continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    assert sentences.split_sentences(text) == [(s, e) for s, e in spans if e > s]


@PROFILE
@given(
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 40)), max_size=20),
    st.integers(0, 240),
    st.integers(0, 60),
)
def test_periods_near_a_span_include_every_period_that_overlaps_it(spans, lo, width):
    """The linker tests a subject only against the periods ``near`` returns: every period that overlaps the
    subject must be among them, in order, even where periods overlap each other."""
    from newsfigures.linker.text import PeriodRef, SortedPeriods

    periods = SortedPeriods([PeriodRef(start, start + length, True) for start, length in spans])
    hi = lo + width
    near = periods.near(lo, hi)
    assert [p for p in periods if p.end > lo and p.start < hi] == [p for p in near if p.end > lo and p.start < hi]
    assert near == [p for p in periods.items if p in near]
