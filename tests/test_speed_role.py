"""The linker's cheap tests before its patterns (role, direction, period): each must let through every text
the pattern it guards would match, so that the output is the same as trying the pattern every time."""

from hypothesis import given
from hypothesis import strategies as st
from test_properties import PROFILE, news_pieces

ROLE_WORDS = ["to a", "at an", "to a record", "to a new", "to an all-time", "to a seasonally adjusted", "annualised",
              "to a range of", "to a target range of", "rate of", "high of", "by", "by an average of",
              "by the total", "a further", "combined", "to", "of", "To", "BY", "by a range of", ", up from",
              ", Down  from", ",up\tfrom", "fromage", "target", "goal", "inflation target", "expected",
              "had forecast", "sees", "projected", "estimates of", "expectations for about", "consensus of just",
              "Forecasts Of", "of", "for", "loss", "losses", "fell", "rose", "its", "the", "a"]  # fmt: skip

role_texts = st.lists(st.one_of(news_pieces, st.sampled_from(ROLE_WORDS)), max_size=12)
role_words = st.sampled_from(ROLE_WORDS)


@PROFILE
@given(role_texts, role_words, st.sampled_from(["", " ", "  ", "\n", "\u00a0", "\x1c"]))
def test_last_words_before_a_figure_let_through_every_reverse_match(pieces, last, tail):
    """_TO_A and _BY_BEFORE are tried only where the clause ends with a word each of their matches ends with."""
    from newsfigures import linking

    text = (" ".join(pieces + [last]) + tail).lower()
    if linking._TO_A.search(text):
        assert text.rstrip().endswith(linking._TO_A_LAST), text
    if linking._BY_BEFORE.search(text):
        assert "by" in text and text.rstrip().endswith(linking._BY_BEFORE_LAST), text


@PROFILE
@given(role_words, role_texts, st.sampled_from(["", " ", "  ", "\n"]))
def test_continued_clauses_begin_with_by_or_to(first, pieces, tail):
    """_CONTINUED is tried only where the clause's first word is "by" or "to"."""
    from newsfigures import linking, linking_text

    text = " ".join([first] + pieces) + tail + "5%"
    end = len(text) - 2
    if linking._CONTINUED.match(text, 0, end):
        left = linking_text._words(text, 0, end)
        assert left and left[0][2] in linking._CONTINUED_FIRST, text


@PROFILE
@given(role_texts, role_words)
def test_one_search_for_any_cue_word_finds_what_the_two_searches_find(pieces, word):
    """The target and forecast cues are searched once together before either is searched alone."""
    from newsfigures import linking, linking_text

    text = " ".join(pieces + [word]).lower()
    cues = linking_text._cues()
    either = bool(cues["target_re"].search(text) or cues["forecast_re"].search(text))
    assert (linking._target_or_forecast_word().search(text) is not None) == either, text


UP_FROM = [", up from", ", Down  from", ",up\tfrom", ", down from", ", up fromage"]


@PROFILE
@given(role_texts, st.sampled_from(UP_FROM), st.data())
def test_up_from_positions_found_once_cover_every_window(pieces, way, data):
    """The ", up from" pattern is searched after a figure only where a match of it found once in the whole
    text begins in its window: every window where it would match has one."""
    from newsfigures import linking

    text = " ".join(pieces[:3] + [way] + pieces[3:])
    starts = [m.start() for m in linking._UP_FROM_ANYWHERE.finditer(text)]
    pos = data.draw(st.integers(0, len(text)))
    if linking._UP_FROM_NEAR.search(text, pos, pos + 2200):
        assert linking._up_from_near(starts, pos), (text, pos)
    short = data.draw(st.integers(0, 40))  # a window cut short, as 2,200 characters are in a long text
    for m in linking._UP_FROM_NEAR.finditer(text, pos, pos + short):
        assert m.start() in starts, (text, pos, short)
