"""The linker's combined patterns and one-loop rankings against the plain forms they stand for."""

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


CUE_PIECES = ["non-target", "the goal's", "is likely", "are  likely", "plans to", "set at", "budget target", "targetx",
              "ſees", "to a target range of", "Kelvin", "seeking", "u.s.-targeted", "pre-forecast"]  # fmt: skip


@PROFILE
@given(role_texts, st.data())
def test_one_search_for_any_cue_word_finds_what_the_two_searches_find(pieces, data):
    """The target and forecast cues are searched once together before either is searched alone."""
    from newsfigures.linker import reading as linking_reading
    from newsfigures.linker import text as linking_text

    cues = linking_text.linker_cues()
    cue = data.draw(st.sampled_from(CUE_PIECES + list(cues["target"] + cues["forecast"])))
    text = " ".join(pieces[:3] + [cue] + pieces[3:]).lower()
    either = bool(cues["target_re"].search(text) or cues["forecast_re"].search(text))
    assert (linking_reading._target_or_forecast_word().search(text) is not None) == either, text


@PROFILE
@given(st.lists(st.one_of(news_pieces, st.sampled_from(ROLE_WORDS + ["initially reported", "first published"])),
                max_size=8))  # fmt: skip
def test_expected_or_first_reported_is_either_pattern(pieces):
    from newsfigures.linker import link as linking
    from newsfigures.linker import reading as linking_reading

    text = " ".join(pieces)
    for pos in range(len(text) + 1):
        either = bool(linking_reading.EXPECTED_AFTER.match(text, pos) or linking._FIRST_REPORTED.match(text, pos))
        assert bool(linking._EXPECTED_OR_FIRST_REPORTED.match(text, pos)) == either, (text, pos)


@PROFILE
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8), st.integers(0, 2), st.booleans()), max_size=6),
    st.integers(0, 60),
    st.integers(1, 8),
    st.text(alphabet="ab ;", min_size=80, max_size=80),
    st.integers(0, 70),
)
def test_best_ranked_period_is_the_first_of_the_minimum_rank(spans, fig_start, fig_length, text, attached_to):
    """The periods of a sentence are ranked in one loop: the same pick and rank as ``min`` over a rank function."""
    from newsfigures.linker import period as linking_period
    from newsfigures.linker.text import FigureRef, IndexedText, PeriodRef

    fig = FigureRef(fig_start, fig_start + fig_length, "percentage")
    in_sentence = [(i, PeriodRef(start, start + length)) for i, (start, length, _, _) in enumerate(spans)]
    asides = {(i, 0): aside for i, (_, _, aside, _) in enumerate(spans)}
    attached = {i: frozenset({fig.start if i % 2 else attached_to}) for i, (*_, yes) in enumerate(spans) if yes}

    def rank(item):
        i, p = item
        distance = (p.start - fig.end) if p.start >= fig.end else (fig.start - p.end)
        aside = (2 if fig.start not in attached[i] else 0) if i in attached else asides[(i, 0)]
        lo, hi = (fig.end, p.start) if p.start >= fig.end else (p.end, fig.start)
        return (aside, ";" in text[lo:hi], distance)

    if in_sentence:
        ranked = min(in_sentence, key=rank)
        assert linking_period._best_ranked(IndexedText(text), in_sentence, fig, 0, attached, asides) == (ranked, rank(ranked))


STANDING_WORDS = ["is", "are", "has", "represents", "employs", "May", "may", "could", "rose", "reported", "voted",
                  "Industry", "the", "For a borrower with", "would"]  # fmt: skip


@PROFILE
@given(st.lists(st.one_of(news_pieces, st.sampled_from(STANDING_WORDS)), max_size=14))
def test_standing_sentences_are_asked_as_sets_first(pieces):
    """A sentence states a standing fact by its words: asking the sets of words first gives the plain answer."""
    from newsfigures.linker import period as linking_period
    from newsfigures.linker import text as linking_text

    text = " ".join(pieces)
    sent = (0, len(text))
    found = linking_text.IndexedText(text).words(*sent)
    words = [w for _, _, w in found]
    lexicon = linking_text.linker_cues()
    plain = bool(
        linking_period._HYPOTHETICAL.match(text, 0)
        or any(w in lexicon["modals"] and text[s:e] == w for s, e, w in found)
        or not any(w in lexicon["past_irregular"] or (w.endswith("ed") and len(w) > 4) for w in words)
        and any(w in lexicon["present_verbs"] for w in words)
    )
    assert linking_period._standing_now(linking_text.IndexedText(text), sent) == plain, text
