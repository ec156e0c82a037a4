"""The period that governs a figure: the nearest in its clause or sentence that is not a report's date, a
reference point or another figure's comparison, else one from an earlier sentence of the paragraph."""

from __future__ import annotations

import re
from bisect import bisect_right

import regex

from ..resources import per_patterns
from ..text.fastre import compile_fast as _compile
from ..text.fastre import prefix_alternation
from ..text.prefilter import Prefilter
from .text import (
    REACH,
    FigureRef,
    IndexedText,
    PeriodRef,
    SortedByStart,
    at_word_start,
    is_past,
    linker_cues,
)


def governing_period(
    doc: IndexedText,
    dated: SortedByStart,
    fig: FigureRef,
    sent: tuple[int, int],
    attached: dict[int, frozenset[int]],
    asides: dict,
    clause: tuple[int, int] | None = None,
    story: int | None = None,
) -> int | None:
    """The period that governs a figure: the nearest in its sentence, preferring its own clause (up to a
    semicolon) and passing over the date of a report ("said on Friday"), reference points ("its highest
    since May") and the period of another figure's comparison ("up from 74% in the fourth quarter")
    while there is another. With none in the sentence, an earlier sentence of the paragraph lends its
    period, unless the figure is a standing fact ("Rengo represents about 7 million workers") or a
    definite count ("the 19 policymakers").

    ``dated``: the periods that have dates, with their indices; ``attached``: period index -> the start
    of the compared figure it belongs to; ``story``: where the earlier sentences that may lend their
    period begin when the text's paragraphs are single sentences (wire copy: the story's last few
    sentences, within ``4 * REACH``), else None (the paragraph's).
    """
    text = doc.text
    if fig.counted is not None and _DEFINITE_BEFORE.search(text, max(sent[0], fig.start - 12), fig.start):
        return None  # "the 20 countries that share the euro", "its 13 sub-sectors": a known set
    # a clause of its own that states a standing fact: "Carmakers, which account for 20 per cent of sales,",
    # "Industry employs 5.5 million people, and ..." - no period from outside it (the clause is tested for
    # "which" only where that decides)
    in_sentence = dated.within(sent[0], sent[1])
    fallback = None
    if in_sentence:
        ranked, best = _best_ranked(doc, in_sentence, fig, sent[0], attached, asides)
        outside = not clause[0] <= ranked[1].start < clause[1] if clause else False
        if (
            outside
            and (ranked[1].start >= clause[1] or _relative(text, clause))
            and _standing_clause(doc, clause, fig.start)
        ):
            return None
        if best[0] < 2:
            return ranked[0]
        # the sentence has only reference points ("its highest since May") or other figures' periods
        # ("up from 74% in the fourth quarter"): an earlier sentence may give the figure's own
        # (failing that, a reference point still dates the figure; another figure's period never does)
        fallback = None if ranked[0] in attached else ranked[0]
    if _standing(doc, sent) or _relative(text, clause) and _standing_clause(doc, clause, fig.start):
        return None
    return _from_earlier_sentences(doc, dated, sent, attached, asides, story, fallback)


def _from_earlier_sentences(
    doc: IndexedText,
    dated: SortedByStart,
    sent: tuple[int, int],
    attached: dict[int, frozenset[int]],
    asides: dict,
    story: int | None,
    fallback: int | None,
) -> int | None:
    """The period the sentences before ``sent`` lend (those of its paragraph, or of the story's last few in wire
    copy): the last that is their own, not the date of a report ("said on Saturday"), a reference point, or a
    compared figure's ("against Rs 41.86 lakh crore in Q2 FY24"); ``fallback`` when they have none."""
    text = doc.text
    reach = max(0, sent[0] - 4 * REACH)
    if story is not None:
        paragraph_start = max(story, reach)
    else:
        paragraph_start = max(text.rfind("\n", reach, sent[0]) + 1, reach)
    earlier = dated.within(paragraph_start, sent[0])
    if earlier and any(p.future for _, p in earlier) and _told_in_past(doc, sent):
        earlier = [(i, p) for i, p in earlier if not p.future]  # "extended to April 15. Shares eased 26p": not then
    if not earlier:
        return fallback if fallback is not None else _story_day(doc, dated, sent)
    for i, p in reversed(earlier):
        if i not in attached and not _aside(doc, i, p, paragraph_start, asides):
            return i
    return earlier[-1][0]


def _story_day(doc: IndexedText, dated: SortedByStart, sent: tuple[int, int]) -> int | None:
    """The article's own day, said earlier in the story ("so far today"), for a sentence told in the past that
    nothing nearer dates: a market report's later paragraphs ("The central bank purchased bills in band one")."""
    earlier = dated.within(0, sent[0])
    days = [(i, p) for i, p in earlier if p.today]
    if not days or len(days) != len([i for i, p in earlier if p.has_dates]) or not _told_in_past(doc, sent):
        return None  # only when the day is the only period named before
    i, p = days[-1]
    return None if _aside_now(doc, p, max(0, p.start - ASIDE_REACH)) else i  # not a report's date ("said today")


def _told_in_past(doc: IndexedText, sent: tuple[int, int]) -> bool:
    """Whether a sentence tells of the past: a verb in the past tense other than its attribution ("said")."""
    cues = linker_cues()
    return any(is_past(w, cues) for _, _, w in doc.words(sent[0], sent[1]) if w not in cues["attribution_verbs"])


def _best_ranked(
    doc: IndexedText, in_sentence: list, fig: FigureRef, lo: int, attached: dict[int, frozenset[int]], asides: dict
) -> tuple[tuple[int, PeriodRef], tuple[int, bool, int]]:
    """The first of the best ranked periods of a figure's sentence, and its rank: how far it stands aside,
    whether a semicolon stands between it and the figure, and its distance (each ranked once, in one loop)."""
    text, best, ranked = doc.text, None, None
    for item in in_sentence:
        i, p = item
        own = False
        if p.start >= fig.end:
            distance, semicolon = p.start - fig.end, text.find(";", fig.end, p.start) >= 0
            # the figure's own, said right after its noun: "after a 2.5 pct increase in 1986"
            own = distance <= 24 and _OWN_PERIOD_AFTER.fullmatch(text, fig.end, p.start) is not None
        else:
            distance, semicolon = fig.start - p.end, text.find(";", p.end, fig.start) >= 0
        if i in attached:  # the period of a compared figure: its own, nobody else's
            aside = 2 if fig.start not in attached[i] else 0
        else:
            aside = 0 if own else _aside(doc, i, p, lo, asides)
        distance = 0 if own else distance
        rank = (aside, semicolon, distance)
        if best is None or rank < best:
            best, ranked = rank, item
    return ranked, best


def _relative(text: str, clause: tuple[int, int] | None) -> bool:
    """A relative clause: "which account for 20 per cent"."""
    return clause is not None and _RELATIVE_START.match(text, clause[0]) is not None


def _aside(doc: IndexedText, index: int, period: PeriodRef, lo: int, asides: dict[tuple[int, int], int]) -> int:
    """How far a period stands aside, from the words around it (not before ``lo``): 0 not at all, 1 the
    date of a report or a comparison, 2 a reference point. Cached in ``asides`` by (period, lo)."""
    aside = asides.get((index, lo))
    if aside is None:
        aside = asides[(index, lo)] = _aside_now(doc, period, lo)
    return aside


ASIDE_REACH = 80  # characters before a period searched for what puts it aside


def _aside_now(doc: IndexedText, period: PeriodRef, lo: int) -> int:
    text, lower = doc.text, doc.lower
    window = max(lo, period.start - ASIDE_REACH)
    # a word every way of standing aside needs, first (where lower-casing keeps offsets)
    hint = lower is None or _ASIDE_BEFORE_NEEDS.may_match(lower[window : period.start])
    m = _ASIDE_BEFORE.search(text, window, period.start) if hint else None
    if m is not None and m["reference"]:
        return 2  # "its highest since May"
    report_verbs, report_verb, reported_after = _report_patterns()
    if m is not None and m[0].lower().startswith(report_verbs) and _MODIFIED_NOUN_AFTER.match(text, period.end):
        m = None  # "reported October revenue of": the period is the noun's, not the report's
    elif m is not None and m["from"] and m.end("from") + 1 == period.start and text[period.start].isupper():
        if " will " in text[lo : period.start]:
            m = None  # "will rise to £12.60 from April": when it starts, not what it is compared with
    if m is not None:
        return 1
    if reported_after.match(text, period.end):
        return 1  # "on Thursday reported net income of ...": the report's date
    if _WEEKDAY.fullmatch(text, period.start, period.end) and report_verb.search(text, lo, period.start):
        return 1  # "Crestline on Thursday ... reported": a weekday in a report's sentence
    if text.startswith(("this ", "last "), period.start) and _ORDINAL_BEFORE.search(text, window, period.start):
        return 2  # "its third reduction this year": a point to count from
    return 0


@per_patterns
def _report_patterns() -> tuple[tuple[str, ...], re.Pattern, re.Pattern]:
    """The verbs of a report that dates it (``report_date_verbs``, not ``reporting_verbs``: see its "about"),
    as a tuple and as patterns: one among the words before a weekday ("Crestline on Thursday ... reported"), one
    right after a period ("on Thursday reported")."""
    verbs = tuple(sorted(linker_cues()["report_date_verbs"]))
    alternation = prefix_alternation(verbs)
    return verbs, _compile(rf"\b{alternation}\b"), _compile(rf"\s*+,?\s*+{alternation}\b", regex.IGNORECASE)


# a noun right after a period makes the period its modifier: "October revenue", "first-half profit"
_MODIFIED_NOUN_AFTER = _compile(
    r"\s++(?!(?:that|it|the|an?|its|their|he|she|they|in|on|at|for|from|to|with|and|but|as|after|before|while|when"
    r"|compared|showed|said)\b)[a-z][a-z-]*+\b"
)


_WEEKDAY = _compile(r"(?:on\s++)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", regex.IGNORECASE)


# between a figure and a period that is its own: "a 2.5 pct increase in 1986" (not "on Tuesday": a report's date)
_OWN_PERIOD_AFTER = _compile(
    r"\s*+(?:(?!than\b|from\b|against\b|with\b)[a-z-]++\s++){0,2}(?:in|during)\s++(?:the\s++)?\Z", regex.IGNORECASE
)


_ORDINAL_BEFORE = _compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s++(?!quarter|half)[a-z-]++"
    r"(?:\s++[a-z-]++)?\s++\Z",
    regex.IGNORECASE,
)


# what puts a period aside: the date of a report ("said on Friday"), a comparison ("than in May"), and as
# <reference>, a point a record is measured from ("its highest since May")
_ASIDE_BEFORE = _compile(
    at_word_start(
        r"(?:\b(?:said|says|reported|announced|released|published|showed|told|agreed|decided|pledged"
        r"|promised|vowed)\b[^,.;]{0,12}|\bthan\b(?!\s++[\d$€£¥₹])(?:[^,.;]|\.(?=\d)){0,24}"
        # a comparison ("from the previous quarter", "compared with the first quarter of")
        r"|(?P<from>\bfrom\b)[^,.;]{0,12}|\b(?:compared\s++(?:with|to)|versus|against|the\s++same\s++as(?:\s++in)?)\s++"
        # a report's date: "said in its advance estimate on Wednesday"
        r"|\b(?:said|reported|announced|released|published|showed)\s++in\s++(?:its|a|the|their)\s++"
        r"(?:[a-z-]++\s++){1,3}"
        r"(?:on\s++)?"
        r"|\b(?:which|that|whose\s++(?:fiscal|financial)\s++year)\s++(?:will\s++|would\s++)?"
        r"(?:began|begins|begin|started|starts|start|ended|ends|end|finished|opened|closed|runs|ran)\b[^,.;]{0,6}"
        # an earlier figure the change follows: ", after a 0.2% fall in" (not "after slipping 20.7 per cent in
        # March": scored on unseen wire, that period is as often the figure's own)
        r"|\bafter\s++an?\s[^,.;]{0,30}"
        r"|(?P<reference>\b(?:highest|lowest|strongest|weakest|biggest|largest|smallest|fastest|slowest|best|worst|most"
        r"|least|record|high|low|first\s+time|since)\b[^,.;]{0,24}\bsince\s"
        r"|\bsince\s++(?:the\s++)?[a-z][^,.;]{0,60}\b(?:of|in)\s))\s*+\Z",  # "since the crash of October 1987"
    ),
    regex.IGNORECASE,
)


_ASIDE_BEFORE_NEEDS = Prefilter(_ASIDE_BEFORE)  # read from the pattern


_DEFINITE_BEFORE = _compile(
    r"\b(?:the|its|their|our|his|her|all|each\s+of\s+the)\s++(?:(?:some|about|around|nearly|roughly)\s++)?\Z",
    regex.IGNORECASE,
)


# what a compared figure comes after: "from", "compared with"..., perhaps with a few words on the figure
# ("from a slightly downwards revised 6.5 billion", "against a provisional 4.1 billion", "compared with a
# deficit of 2.4 billion")
COMPARED_FIGURE = _compile(
    r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against)\s++(?:(?:the|an?|its|their)\s++)?"
    r"(?:(?!(?:and|or|but|at|to|in|of|by|on|for|with|was|were|is|are|had|has)\b)[a-z-]++\s++){0,3}(?:of\s++)?\Z",
    regex.IGNORECASE,
)
COMPARED_REACH = 60  # characters before a figure searched for what makes it a compared one


# "up from 74% in the fourth quarter", "than the 3.0% pace in the April-June period"
_PERIOD_AFTER_FIGURE = _compile(
    r"\s*+(?:(?:[a-z-]++\s++){0,2}(?:in|during|for|on|at|over)\s++(?:(?:the|its|their)\s++)?)?\s*+\Z", regex.IGNORECASE
)


def attached_periods(
    text: str, figures: list[FigureRef], dated: list[tuple[int, PeriodRef]]
) -> dict[int, frozenset[int]]:
    """Periods that belong to compared figures: in "up from 74% in the fourth quarter" the quarter is the 74%'s,
    not the period of the other figures of the sentence; in "compared with 1,326.5 billion and 971.7 billion in
    1985" it is both compared figures'. Period index -> the starts of its figures."""
    attached: dict[int, frozenset[int]] = {}
    starts = [f.start for f in figures]
    for i, p in dated:
        k = bisect_right(starts, p.start) - 1
        fig = figures[k] if k >= 0 else None
        if (
            fig is not None
            and fig.end <= p.start
            and p.start - fig.end <= 24
            and _PERIOD_AFTER_FIGURE.fullmatch(text, fig.end, p.start)
            and not (text[fig.end : p.start].isspace() and "\n" in text[fig.end : p.start])  # the next heading
            and _compared(text, figures, k)
        ):
            first = k
            while first > 0 and _BARE_JOIN.fullmatch(text, figures[first - 1].end, figures[first].start):
                first -= 1  # "1,326.5 billion and 971.7 billion in 1985": the period of both
            attached[i] = frozenset(f.start for f in figures[first : k + 1])
        elif k + 1 < len(figures) and (
            _POSSESSIVE_BEFORE.fullmatch(text, p.end, figures[k + 1].start)
            or _NOUN_OF_BEFORE.fullmatch(text, p.end, figures[k + 1].start)
            and _COMPARED_BEFORE.search(text, max(0, p.start - 20), p.start)
        ):
            # "from 1985's 22.0 mln", "against a 1985 deficit of 900 mln", "than fiscal 1986 earnings of
            # 410,000 dlrs": that figure's own
            attached[i] = frozenset((figures[k + 1].start,))
    return attached


# between a period and the figure it owns: "1985's 22.0 mln", "the prior year's record 5.96 billion"
_POSSESSIVE_BEFORE = _compile(r"['’]s\s++(?:[a-z-]++\s++){0,2}")
# a period inside a noun phrase before "of" and the figure: "a 1985 deficit of", "fiscal 1986 earnings of" ...
_NOUN_OF_BEFORE = _compile(r"\s++(?:(?!of\b|and\b|or\b|to\b|in\b)[a-z-]++\s++){1,3}of\s++")
# ... after a comparison word: the compared figure's own, as "1985's" is
_COMPARED_BEFORE = _compile(
    r"\b(?:than|against|from|versus|vs\.?|compared\s++(?:with|to))\s++(?:(?:a|an|the|its|their)\s++)?\Z",
    regex.IGNORECASE,
)


# between compared figures with nothing of their own between them: "1,326.5 billion and 971.7 billion"
_JOIN = r"\s*+(?:,\s*+(?:and\s++)?|and\s++)"
_BARE_JOIN = _compile(_JOIN)


def _compared(text: str, figures: list[FigureRef], k: int) -> bool:
    """Whether ``figures[k]`` is a figure compared with: right after "from", "against", "compared with"..., or
    joined to one that is ("compared with 1,326.5 billion and 971.7 billion in 1985", "up from 574 mln in
    January and 370 mln in February 1986")."""
    while not COMPARED_FIGURE.search(text, max(0, figures[k].start - COMPARED_REACH), figures[k].start):
        if k == 0 or not JOINED_FIGURES.fullmatch(text, figures[k - 1].end, figures[k].start):
            return False
        k -= 1
    return True


# between two figures of one comparison: "and", a comma, perhaps after the first one's period ("in January and")
JOINED_FIGURES = _compile(r"(?:\s++(?:in|on|at|for|during)\s++[^,;.\d]{1,24}?)?" + _JOIN)






_RELATIVE_START = _compile(r"\s*+(?:which|who|that)\s", regex.IGNORECASE)


# "For a borrower with a A$600,000 mortgage, repayments fall by A$90": an example, not a dated fact
_HYPOTHETICAL = _compile(
    r"\s*+For\s++(?:example,?\s++)?an?\s++(?:typical\s++|average\s++)?(?:first-time\s++)?(?:borrower|household|family"
    r"|buyer|homeowner|home\s++buyer|worker|saver|taxpayer|consumer|customer|motorist|driver|pensioner|couple|earner)s?\b",
)




def _standing_clause(doc: IndexedText, clause: tuple[int, int], fig_start: int) -> bool:
    """A clause whose verb before the figure is in the present tense and that has no past in it:
    "which account for about 20 per cent", "Industry employs about 5.5 million people"."""
    before, cues = doc.words(clause[0], fig_start), linker_cues()
    present, not_a_verb_before = cues["present_verbs"], cues["not_a_verb_before"]
    if not any(
        w[2] in present and (k == 0 or before[k - 1][2] not in not_a_verb_before)
        for k, w in enumerate(before)
    ):
        return False
    return not any(is_past(w[2], cues) for w in doc.words(*clause))


def _standing(doc: IndexedText, sent: tuple[int, int]) -> bool:
    """Whether a sentence (or clause) states a standing fact or a hypothetical (kept on ``doc``: asked once per
    figure)."""
    known = doc.standing.get(sent)
    if known is None:
        known = doc.standing[sent] = _standing_now(doc, sent)
    return known


def _standing_now(doc: IndexedText, sent: tuple[int, int]) -> bool:
    """Whether a sentence is a hypothetical ("For a borrower with a £200,000 loan, ..."), has a modal verb
    ("could fall") or states a standing fact in the present tense with no past in it."""
    text, cues = doc.text, linker_cues()
    modals = cues["modals"]
    if _HYPOTHETICAL.match(text, sent[0]):
        return True
    found = doc.words(sent[0], sent[1])
    words = [w for _, _, w in found]
    if not modals.isdisjoint(words) and any(w in modals and text[s:e] == w for s, e, w in found):
        return True  # as written: "May" is a month
    # most sentences have no present-tense verb of the list: asked first, as a set
    return not cues["present_verbs"].isdisjoint(words) and not _told_in_past(doc, sent)
