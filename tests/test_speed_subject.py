"""The linker's fast paths for words, clauses and subjects against the plain forms they replace: each
property test draws news-like texts and compares the answers (same profiles as ``test_properties``)."""

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
    linking_text._WORD_MEMO[0] = None
    _, _, found, starts, ends = linking_text._word_index(text)
    assert (found, starts, ends) == _plain_words(text)


class _AllWordsBut:
    """A set of every word but some: the plain form of a fast path's word filter (it lets every word through)."""

    def __init__(self, excluded=frozenset()):
        self.excluded = excluded

    def __contains__(self, word) -> bool:
        return word not in self.excluded


def _lexicon_words() -> list[str]:
    from newsfigures.linker.text import _PREPOSITIONS, _cues

    cues = _cues()
    words = set(_PREPOSITIONS) | {"a", "an", "the", "its", "such as", "account for", "made up", "offered by", "and"}
    for key in ("increase", "decrease", "level", "verbs", "reporting", "aux", "openers"):
        words |= set(cues[key])
    return sorted(words)


LEXICON_WORDS = _lexicon_words()
NOUNS = ["Sales", "exports", "the jobless rate", "total", "record", "high", "profit", "revenue", "per cent",
         "percent", "cent", "banks", "who", "which", "that", "while", "after", "when", "with", "from", "but", "as",
         "by", "raised"]  # fmt: skip
FIGURES = ["5%", "$3 billion", "1,200 jobs", "2.5 per cent", "12 members", "4.5", "Rs 4 lakh crore", "30 bps"]
sentences = st.lists(
    st.one_of(*(st.sampled_from(words) for words in (LEXICON_WORDS, NOUNS, FIGURES, [",", "."]))),
    min_size=3, max_size=25,
).map(" ".join)  # fmt: skip


@PROFILE
@given(st.lists(sentences, min_size=1, max_size=3).map(" ".join))
def test_subject_searches_skip_only_words_they_never_stop_at(nlp, text):
    """Reading back for the verb of a figure's clause (``_subject``) and for where the noun phrase before a
    verb starts (``_noun_phrase_before``), the linker steps over words outside a lexicon without testing them:
    the records must be those of testing every word."""
    import newsfigures
    from newsfigures.linker import subject as linking_subject

    fast = newsfigures.extract(text, nlp=nlp).model_dump()
    verbs, _ = linking_subject._verb_words()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(linking_subject, "_verb_words", lambda: (verbs, _AllWordsBut(linking_subject._PREPOSITIONS)))
        patch.setattr(linking_subject, "_phrase_stops", lambda: _AllWordsBut())
        plain = newsfigures.extract(text, nlp=nlp).model_dump()
    assert fast == plain


PHRASE_WORDS = " ".join(NOUNS).lower().split() + ["such", "5", "offered", "lenders", "or", "a", "an"]


@PROFILE
@given(st.lists(st.one_of(st.sampled_from(PHRASE_WORDS), st.sampled_from(LEXICON_WORDS)), max_size=16))
def test_noun_phrase_before_skips_only_words_it_never_stops_at(words):
    """``_noun_phrase_before`` reads back over words outside its stop words without testing them: the
    phrase must be the one found testing every word."""
    from newsfigures.linker import subject as linking_subject
    from newsfigures.linker.text import _cues

    words = [(2 * i, 2 * i + 1, w) for i, w in enumerate(" ".join(words).split())]
    fast = linking_subject._noun_phrase_before(words, _cues())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(linking_subject, "_phrase_stops", lambda: _AllWordsBut())
        assert fast == linking_subject._noun_phrase_before(words, _cues())


DETERMINER_PIECES = ["a", "an", "An", "its", "İts", "thıs", "The", "THE", "whose", "new", "NEW", "Planned", "ſaid",
                     "ta", "$", "5", "-", "'s", "_", "é", " ", "  ", " " * 20, "\n", "\u00a0"]  # fmt: skip


@PROFILE
@given(st.lists(st.one_of(st.sampled_from(DETERMINER_PIECES), news_pieces), max_size=20), st.data())
def test_determiner_before_a_figure_is_what_the_forward_search_finds(pieces, data):
    """The linker matches a determiner before a figure from the figure, in the reversed text: it must be
    found where the forward pattern searched over the 24 characters before the figure finds one."""
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    plain = linking_text._DETERMINER_BEFORE.search(text, max(0, start - 24), start) is not None
    assert linking_text._determiner_before(text, start) == plain


@pytest.mark.parametrize(
    "before, found",
    [("a ", True), ("its new ", True), ("the" + " " * 21, True), ("the" + " " * 22, False), ("an planned  ", True),
     ("data ", False), ("whose\n", True), ("İts ", True), ("the fresh", False), ("", False)],
)  # fmt: skip
def test_determiner_before_a_figure_within_24_characters(before, found):
    text = "Loans: " + before + "$5 billion"
    start = text.index("$")
    assert linking_text._determiner_before(text, start) == found
    assert (linking_text._DETERMINER_BEFORE.search(text, max(0, start - 24), start) is not None) == found


@PROFILE
@given(st.lists(st.sampled_from(["and", "but", "that", "said", "while", "sales", "rose", "5%"]), max_size=12))
def test_after_last_is_the_plain_maximum(names):
    """``_after_last`` tests all words at once before it looks for the last wanted one: the same index as
    the maximum over every word."""
    from newsfigures.linker.subject import _AND_BUT, _after_last, _clause_cuts

    words = [(i, i + 1, w) for i, w in enumerate(names)]
    for wanted in (_AND_BUT, _clause_cuts()):
        assert _after_last(words, wanted) == max((i + 1 for i, w in enumerate(words) if w[2] in wanted), default=0)
