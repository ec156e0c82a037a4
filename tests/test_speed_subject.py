"""The linker's word index and word filters against the plain forms they replace: each property test draws
news-like texts and compares the answers (same profiles as ``test_properties``)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_properties import PROFILE, QUALIFIER_WORDS, news_pieces

from newsfigures.linker import text as linking_text

CLAUSE_PIECES = [",", ", ", ".", ". ", "U.S. ", "U.S.", "a.b", ";", "(", ")", "“", "\n", "3.5", "1,000", "?", " "]

clause_texts = st.lists(st.one_of(news_pieces, st.sampled_from(CLAUSE_PIECES)), max_size=30).map("".join)


def _plain_words(text: str) -> tuple[list, list[int], list[int]]:
    """The words of a whole text, one match at a time, as the index was first built."""
    lower = text.lower()
    source = lower if len(lower) == len(text) else None
    found = linking_text._slice_words(text, source, 0, len(text))
    return found, [w[0] for w in found], [w[1] for w in found]


@PROFILE
@given(st.lists(st.one_of(news_pieces, st.sampled_from(QUALIFIER_WORDS + CLAUSE_PIECES)), max_size=40), st.data())
def test_word_index_is_the_words_found_one_match_at_a_time(pieces, data):
    """The text's words come from one split and summed lengths: the same words, starts and ends as reading
    every match (also where lower-casing moves offsets, and words end in stops: "U.S.", "Jan.")."""
    text = " ".join(pieces) + data.draw(st.sampled_from(["", " İstanbul", "Inc.", " 3.", "."]))
    doc = linking_text.IndexedText(text)
    assert (doc.found, doc.starts, doc.ends) == _plain_words(text)


@pytest.mark.parametrize(
    "before, found",
    [("a ", True), ("its new ", True), ("the" + " " * 21, True), ("the" + " " * 22, False), ("an planned  ", True),
     ("data ", False), ("whose\n", True), ("İts ", True), ("the fresh", False), ("", False)],
)  # fmt: skip
def test_determiner_before_a_figure_within_24_characters(before, found):
    text = "Loans: " + before + "$5 billion"
    start = text.index("$")
    assert linking_text.determiner_before(text, start) == found


@PROFILE
@given(st.lists(st.sampled_from(["and", "but", "that", "said", "while", "sales", "rose", "5%"]), max_size=12))
def test_after_last_is_the_plain_maximum(names):
    """``after_last`` tests all words at once before it looks for the last wanted one: the same index as
    the maximum over every word."""
    from newsfigures.linker.phrases import AND_BUT, after_last, clause_cuts

    words = [(i, i + 1, w) for i, w in enumerate(names)]
    for wanted in (AND_BUT, clause_cuts()):
        assert after_last(words, wanted) == max((i + 1 for i, w in enumerate(words) if w[2] in wanted), default=0)
