"""Link each figure to what it measures: subject, role, direction, basis, period and conversions.

Pure functions over the text and character spans, in the spirit of ConText (medspaCy): cues are
looked for inside the figure's clause (a comma, semicolon or sentence boundary closes the scope);
an elliptical list item ("..., clean production by 41.17 percent") inherits what its clause lacks
from the figure before it in the same sentence. Cues are data in ``patterns/linking.json`` and
``patterns/directions.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import regex

from ..text.fastre import compile_fast as _compile
from ..text.prefilter import Prefilter
from .period import (
    _attached_periods,
    _period,
)
from .subject import (
    _clean_subject,
    _sentence_subject,
    _subject,
    _without_figures,
)
from .text import (
    _CHANGE_IN_BY,
    _CHANGE_NOUN_WORDS,
    _CONTINUED,
    _COUNT_FILLERS,
    _PREPOSITIONS,
    _WORD,
    REACH,
    BasisRef,
    FigureRef,
    IndexedText,
    Link,
    PeriodRef,
    _any_word,
    _attributive_at,
    _clause_end,
    _clause_start,
    _containing,
    _cues,
    _determiner_before,
    _direction_of,
    _Periods,
    _Sorted,
    split_sentences,
)

# between a part and the whole it is counted from: "eight [of Indonesia's] 13", "26 [of the] 30"
_PART_OF = _compile(r"\s++of\s++(?:(?:the|its|their|these|those|our|all)\s++|[A-Z][A-Za-z.&-]*+['’]s\s++)?")

__all__ = ["REACH", "BasisRef", "FigureRef", "Link", "PeriodRef", "link_figures", "split_sentences"]


def link_figures(
    text: str,
    figures: list[FigureRef],
    periods: list[PeriodRef],
    bases: list[BasisRef],
    sentences: list[tuple[int, int]] | None = None,
) -> list[Link]:
    """One :class:`Link` per figure, in the order given. Sentences are found in the text when not given."""
    doc = IndexedText(text)
    if sentences is None:
        sentences = split_sentences(text)
    sentence_starts = [s for s, _ in sentences]
    dated = [(i, p) for i, p in enumerate(periods) if p.has_dates]
    attached = _attached_periods(text, figures, dated)
    dated_at = _Sorted(dated, [p.start for _, p in dated])
    bases_at = _Sorted(bases, [b.start for b in bases])
    asides: dict[tuple[int, int], int] = {}  # how far each period stands aside, by (period, sentence start)
    done = _Linked(
        doc,
        figures,
        nominal=_Periods([p for p in periods if not text.startswith(("'s", "’s"), p.end)]),
        figures_at=_Sorted(figures, [f.start for f in figures]),
    )
    for index, fig in enumerate(figures):
        sent = _containing(sentences, sentence_starts, fig.start) or (0, len(text))
        # nothing reads further than REACH characters around a figure, so that a text with no sentence
        # breaks (a list, a table flattened to one line) costs time linear in its length
        sent = (max(sent[0], fig.start - REACH), min(sent[1], fig.end + REACH))
        clause_start, clause_end = _clause_start(text, sent[0], fig.start), _clause_end(text, fig.end, sent[1])
        site = _Site(index, fig, sent, clause_start, clause_end, doc.words(clause_start, fig.start))
        before = done.previous[1] if done.previous is not None and done.previous[0] >= sent[0] else None
        link = Link()
        _role_and_direction(done, site, link)
        if before is not None:
            _follow_the_figure_before(doc, site, link, figures[index - 1], before)
        link.equivalent_of = _equivalent(text, figures, index)
        link.subject = _subject_of(done, site, link, before)
        if (
            fig.kind == "count"
            and link.role in ("forecast", "target")
            and link.subject is not None
            and (doc.words(*link.subject)[-1][2] in _FORECASTERS)
        ):
            link.role = "level"  # "12 of the 17 economists had forecast a cut": a count of people, not a forecast
        link.basis = _basis(bases_at, fig, sent, clause_start, clause_end, link)
        link.period = _period(doc, dated_at, fig, sent, attached, asides, (clause_start, clause_end))
        done.links.append(link)
        done.previous = (fig.start, link)
        if fig.counted is not None:
            done.counted_before = (fig.start, fig.counted)
    return done.links


@dataclass(slots=True)
class _Linked:
    """What the figures of one text share while they are linked, one after another."""

    doc: IndexedText
    figures: list[FigureRef]
    nominal: _Periods  # the periods that may bound a subject: not a possessive one, part of it ("January's gain")
    figures_at: _Sorted
    links: list[Link] = field(default_factory=list)
    previous: tuple[int, Link] | None = None  # the last figure linked (its start) and its link
    counted_before: tuple[int, tuple[int, int]] | None = None  # the last count of named things, and its noun


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ sets each field through object.__setattr__
class _Site:
    """Where one figure stands: its index, its sentence (at most REACH around it), its clause and the words
    of its clause before it (read by most rules)."""

    index: int
    fig: FigureRef
    sent: tuple[int, int]
    clause_start: int
    clause_end: int
    left: list[tuple[int, int, str]]


def _subject_of(done: _Linked, site: _Site, link: Link, before: Link | None) -> tuple[int, int] | None:
    """The figure's subject, from its own clause first; then, in order, what the figures around it say of it
    (the count before or after it, the figure it restates or is compared with), the sentence's subject.
    ``before``: the link of the figure before it in its sentence, if any."""
    doc, fig, index, figures = done.doc, site.fig, site.index, done.figures
    text = doc.text
    subject = _subject(doc, fig, site.sent[0], site.clause_start, site.left, done.nominal)
    subject = _without_figures(subject, done.figures_at)
    subject = _clean_subject(doc, subject, done.nominal)
    counted_before = done.counted_before
    if (
        fig.kind == "count"
        and fig.counted is None
        and counted_before
        and counted_before[0] >= site.sent[0]
        and (subject is None or doc.last_word(fig.start) != "to")  # not "taking [its network] to 1,487"
    ):
        subject = counted_before[1]  # "seven members backed it and two voted against": members
    if fig.kind == "count" and fig.counted is None and index + 1 < len(figures):
        whole = figures[index + 1]  # "eight of Indonesia's 13 main trading partners", "26 of 30 economists"
        if whole.kind == "count" and whole.counted and _PART_OF.fullmatch(text, fig.end, whole.start):
            subject = whole.counted
    if (
        before is not None
        and before.subject
        and (
            # "the $1.66 billion analysts expected", "the 353,000 initially reported": one pattern for both
            _EXPECTED_OR_FIRST_REPORTED.match(text, fig.end)
            or _ESTIMATES_OF.search(text, site.clause_start, fig.start)
        )
    ):
        subject = before.subject  # "rose to $1.63 billion, under the $1.66 billion analysts expected"
    if (
        subject is not None
        and subject[1] - subject[0] <= _PRONOUN_LENGTH  # lower-casing never shortens a word
        and text[subject[0] : subject[1]].lower() in _PRONOUNS
    ):
        subject = None  # "leaving them 13% lower": the subject of the figure before
    if subject is None and before is not None and not (
        figures[index - 1].counted is not None and before.subject == figures[index - 1].counted
        and fig.kind != "count" and doc.words(*figures[index - 1].counted)[-1][2] in _UNIT_NOUNS
    ):  # fmt: skip
        # "rose 14% to $3.42 billion": one subject, two figures - but a bare unit is not what the figures
        # after it measure ("sales totalled 24,126 units, down 9.5%": sales)
        subject = before.subject
    if subject is None:
        subject = _sentence_subject(doc, site.sent, fig, done.nominal)  # "M2, the broad money gauge, rose 8.7%"
    if link.equivalent_of is not None and done.links[link.equivalent_of].subject:
        return done.links[link.equivalent_of].subject  # "105 million yuan ($14.39 million)": one subject
    if (
        before is not None
        and "from" in link.cues
        and before.subject
        and _VERSUS_FIGURE.fullmatch(text, site.clause_start, fig.start)
    ):
        return before.subject  # "borrowing of €51.3 billion, versus €50.3 billion"
    return subject


def _follow_the_figure_before(doc: IndexedText, site: _Site, link: Link, prev_fig: FigureRef, prev: Link) -> None:
    """What a figure takes from the figure before it in its sentence: a share compared with a share is one;
    an elliptical list item ("..., clean energy by 31.48 percent") reads like its head; a consequence
    ("..., bringing the rate to 4.5%"), a restatement ("1,200 jobs, or 6%"), a continuing clause
    ("..., by a quarter point") and a listed count ("12 supermarkets and three warehouses") share its direction."""
    text, fig, clause_start, left = doc.text, site.fig, site.clause_start, site.left
    if "from" in link.cues and prev.role == "share" and fig.unit == "percent" and link.role == "level":
        link.role = "share"  # "held 58% of the market, compared with 51% a year earlier"
    if link.direction is not None:
        return
    listed_count = fig.kind == "count" == prev_fig.kind
    if not link.cues and _elliptical(left, fig):
        link.direction, link.role = prev.direction, prev.role
    elif (
        link.role == "level"
        and _CONSEQUENCE.match(text, clause_start)
        and doc.last_word(fig.start) == "to"
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


DIRECTION_WINDOW = 8  # words before the figure in which a change word counts


COUNT_WINDOW = 2  # for counts, which change words govern only from right before them


def _role_and_direction(done: _Linked, site: _Site, link: Link) -> None:
    """The figure's role (level, change, share, target, forecast) and direction, from the words of its clause."""
    doc, fig, clause_start, clause_end, left = done.doc, site.fig, site.clause_start, site.clause_end, site.left
    text, lower, cues = doc.text, doc.lower, _cues()
    right = doc.first_words(fig.end, min(clause_end, fig.end + 40), 3)
    if lower is not None:  # slices of the text lower-cased once
        left_text, right_text = lower[clause_start : fig.start], lower[fig.end : min(clause_end, fig.end + 80)]
    else:
        left_text = text[clause_start : fig.start].lower()
        right_text = text[fig.end : min(clause_end, fig.end + 80)].lower()  # only its start is read
    left_stripped = left_text.rstrip()
    before = left[-1][2] if left else ""
    verb_index = None
    right_next = right[0][2] if right else ""
    if right_next in _COMPARATIVES and fig.counted is None:
        link.direction = _COMPARATIVES[right_next]  # "0.3 percentage points lower", "$180 more than a year earlier"
        link.cues.append(right_next)
    # a level after "to" belongs to the change verb of its clause however far back: "dropped 16.8% from a year
    # earlier to HK$397.1 billion"
    to_a = _TO_A.search(left_text) is not None  # "climbed to a 2-year high of"
    reached_by_to = before == "to" or to_a or _BY_BEFORE.search(left_text) is not None
    window = len(left) if reached_by_to else COUNT_WINDOW if fig.kind == "count" else DIRECTION_WINDOW
    # counts take a change verb only right before them ("employers added 58,200 jobs", "an increase of 9,000"),
    # not "harvests grew in 20 of the regions"
    count_window = fig.kind == "count" and not reached_by_to
    noun_direction = None
    lo = max(0, len(left) - window)
    # the change word of each word in the window, read in C (most words are none), then read closer
    directions = list(map(_direction_of, map(_WORD, left[lo:]))) if link.direction is None else ()
    if directions and (any(directions) or fig.kind == "count"):
        is_count = fig.kind == "count"
        attributive = None  # asked only once a change word is found (most clauses have none before the figure)
        for i in range(len(left) - 1, lo - 1, -1):
            word = left[i][2]
            direction = directions[i - lo]
            if direction is not None and word in _LOSSES:
                direction = None  # a loss is a level
            if direction is None:
                if not is_count or (i and left[i - 1][2] == "had"):
                    continue
                # "opened 37 stores", "will close 120 branches"; but "had opened 691,400 accounts" by a date is a
                # total
                if word in cues["count_increase"]:
                    direction = "increase"
                elif word in cues["count_decrease"]:
                    direction = "decrease"
                else:
                    continue
            if attributive is None:
                attributive = _is_attributive(text, fig)
            if attributive:
                break  # "shrinking its $6.9 trillion balance sheet": the verb acts on the noun, not on the figure
            after_cue = [w[2] for w in left[i + 1 :]]
            if count_window and any(w not in _COUNT_FILLERS for w in after_cue):
                break
            if word in cues["noun_like"] and any(w not in ("by", "of") for w in after_cue):
                continue  # "signed contracts worth $100 million"
            if fig.kind == "money" and not after_cue and _RAISE.fullmatch(word):
                break  # "hopes to raise ₹50,000 crore from disinvestment": money raised, not a rise
            if after_cue and after_cue[0] in _LEVEL_AFTER_NOUN:
                break  # "growth averaged about 2.5%", "the increase was 3%": a noun that a level verb describes
            if reached_by_to and word in _CHANGE_NOUNS and noun_direction is None:
                noun_direction = (i, direction)  # "lower its forecast for GDP growth to 6.5%": the verb, if any
                continue
            verb_index = i
            link.direction = direction
            link.cues.append(word)
            break
    if link.direction is None and noun_direction is not None:
        verb_index, link.direction = noun_direction
        link.cues.append(left[verb_index][2])
    if link.direction is None and _CONTINUED.match(text, clause_start, fig.start):
        # ", by a quarter point" continues the clause before it: its change word governs
        for _, _, word in reversed(doc.words(max(0, clause_start - 60), clause_start)[-DIRECTION_WINDOW:]):
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
    if link.direction is None and fig.counted is None and right:  # "two rate cuts": the noun is what is counted
        # only the word right after says so: "contributed 2.5 points to growth" is no increase
        word = right_next
        if word in ("more", "higher", "up"):
            link.direction = "increase"
        elif word in ("less", "fewer", "lower", "down"):
            link.direction = "decrease"
        else:
            link.direction = _direction_of(word)
        if link.direction:
            link.cues.append(word)
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
    # "from" among the last four words: read only where the clause has it
    recent = [w[2] for w in left[-4:]] if "from" in left_text else ()
    if (
        "from" in recent
        and not any(_direction_of(w) for w in recent[recent.index("from") :])
        or (
            _COMPARED_WITH_NEEDS.may_match(left_text)
            and _COMPARED_WITH.search(left_text)
            or _SHORT_OF_NEEDS.may_match(left_text)
            and _SHORT_OF.search(left_text)
            and not right_text.lstrip().startswith(cues["target_after"])
        )
    ):
        link.direction, link.role = None, "level"  # "down from 6.5%", "from a record $5.02", "compared with 6.8%"
        link.cues.append("from")
        if right_next in _CHANGE_NOUN_WORDS and right_next not in _CHANGE_NOUNS:
            link.direction = _direction_of(right_next)  # "a smaller drop than the 10.6 percent decline": a decline
        if _EXPECTED_AFTER_NEEDS.may_match(right_text) and _EXPECTED_AFTER.match(right_text):
            link.role = "forecast"  # "above the 1.5% economists had forecast"
            return
        if (
            fig.kind == "percentage"
            and fig.unit == "percent"
            and (_SHARE_OF_NEEDS.may_match(left_text) and _SHARE_OF.search(left_text) or _OF_AFTER.match(right_text))
        ):
            link.role = "share"  # "its share rose to 9.4% from 9.2%", "compared with 53.5% of the market"
        return
    right_stripped = right_text.lstrip()
    # a target or forecast word governs the figure only from its own clause: not across "after it shrank 3.5%"
    opener = _LAST_OPENER.search(left_text) if _LAST_OPENER_NEEDS.may_match(left_text) else None
    governing = left_text[opener.end() :] if opener else left_text
    if "target range" in governing:
        governing = governing.replace("target range", " ")  # "to a target range of": a level, not a target
    cue_word = _target_or_forecast_word().search(governing) is not None  # either, before asking which
    if (
        right_stripped.startswith(cues["target_after"])
        or (_TARGET_AFTER_NEEDS.may_match(right_text) and _TARGET_AFTER.match(right_text))
        or cue_word
        and cues["target_re"].search(governing)
    ):
        link.role = "target"
        link.cues.append("target")
    elif (
        cue_word
        and cues["forecast_re"].search(governing)
        or (_EXPECTED_AFTER_NEEDS.may_match(right_text) and _EXPECTED_AFTER.match(right_text))
        or (_PROJECTS_NEEDS.may_match(governing) and _PROJECTS.search(governing))
    ):
        link.role = "forecast"
        link.cues.append("forecast")
    elif fig.kind == "percentage" and (
        left_stripped.endswith(cues["share_before"])
        or (_SHARE_OF_NEEDS.may_match(left_text) and _SHARE_OF.search(left_text))  # "the US share of Taiwan's exports was 26.9%"
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
        trailing = _UP_FROM_AFTER.match(text, fig.end)
        if trailing:  # "accounted for 24% of the total, down from 31%": a level lower than before
            link.direction = "increase" if trailing["way"].lower() == "up" else "decrease"
            link.cues.append(trailing["way"].lower())


@lru_cache(maxsize=1)
def _target_or_forecast_word() -> re.Pattern:
    """Any target or forecast cue as a whole word: it matches where either of their patterns does, so that
    most clauses, with neither (seven in eight), are searched once instead of twice."""
    return _any_word(list(_cues()["target"]) + list(_cues()["forecast"]))


# a figure followed in its sentence by ", up from ..." / ", down from ...", past a few words of its own
_UP_FROM_AFTER = _compile(
    r"(?:[^,.;:\n()]|\.(?=\d)|\([^()\n]{0,40}\)){0,50}?,\s*+(?P<way>up|down)\s++from\b", regex.IGNORECASE
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


def _elliptical(left: list[tuple[int, int, str]], fig: FigureRef) -> bool:
    """A list item that names only its subject: "..., clean energy by 31.48 percent" - not a clause of
    its own ("after four straight hikes") and not a count of things. ``left``: the words of its clause before it."""
    if fig.counted is not None:
        return False
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


_RAISE = _compile(r"rais(?:e|ed|es|ing)")


# "raised the support price for paddy by Rs 117", "by an average of ¥13,500": the verb may be far back
_BY_BEFORE = _compile(
    r"\bby\s++(?:(?:an?|the)\s++(?:average|total|cumulative|further|combined)\s++(?:of\s++)?)?\Z", regex.REVERSE
)


_LOSSES = ("loss", "losses")  # change words that name a level



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
    if fig.kind == "count":
        return False
    m = _attributive_at(text, fig.end)
    if not m or not _determiner_before(text, fig.start):
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


_SHARE_OF = _compile(r"\bshare\s++of\b|['’]s\s++share\b")  # (each branch has "share": tested first)


_CHANGE_NOUNS = frozenset("growth expansion contraction".split())


_LEVEL_AFTER_NOUN = frozenset("averaged was were is are stood remained came totalled totaled reached".split())


_RATE_HEADS = frozenset("rate pace clip level margin share".split())


_FORECASTERS = frozenset(
    "economists analysts policymakers members officials forecasters respondents strategists traders investors "
    "participants".split()
)


_UNIT_NOUNS = frozenset("unit units piece pieces item items tonne tonnes ton tons".split())


_PRONOUNS = frozenset("it them they its their this these".split())


_PRONOUN_LENGTH = max(map(len, _PRONOUNS))


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


_EXPECTED_OR_FIRST_REPORTED = _compile(f"(?:{_EXPECTED_AFTER.pattern})|(?:{_FIRST_REPORTED.pattern})")


# the strings one of which every match of a pattern contains, read from the pattern: tried first (on lower-cased text)
_COMPARED_WITH_NEEDS = Prefilter(_COMPARED_WITH)
_SHORT_OF_NEEDS = Prefilter(_SHORT_OF)
_LAST_OPENER_NEEDS = Prefilter(_LAST_OPENER)
_TARGET_AFTER_NEEDS = Prefilter(_TARGET_AFTER)
_EXPECTED_AFTER_NEEDS = Prefilter(_EXPECTED_AFTER)
_SHARE_OF_NEEDS = Prefilter(_SHARE_OF)
_PROJECTS_NEEDS = Prefilter(_PROJECTS)


def _basis(bases: _Sorted, fig, sent, clause_start, clause_end, link: Link) -> str | None:
    if link.role != "change":
        return None  # a basis qualifies a change: "rose 5% year on year to $3 billion" -> only the 5%
    in_sentence = bases.within(sent[0], sent[1])
    if not in_sentence:
        return None
    in_clause = [b for b in in_sentence if clause_start <= b.start < clause_end + 60 and b.start >= clause_start]
    pool = in_clause or in_sentence
    if not pool:
        return None
    nearest = min(pool, key=lambda b: (b.start - fig.end) if b.start >= fig.end else (fig.start - b.end) + 1)
    return nearest.basis


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
