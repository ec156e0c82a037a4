"""Link each figure to what it measures: subject, role, direction, basis, period and conversions.

Pure functions over the text and character spans, in the spirit of ConText (medspaCy): cues are
looked for inside the figure's clause (a comma, semicolon or sentence boundary closes the scope);
an elliptical list item ("..., clean production by 41.17 percent") inherits what its clause lacks
from the figure before it in the same sentence. Cues are data in ``patterns/linking.json`` and
``patterns/directions.json``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal

import regex

from ..periods.compared import COMPARISON
from ..text.fastre import compile_fast as _compile
from ..text.sentences import split_sentences
from .compared import chained_periods, continues_chain, date_comparisons, respective_periods
from .period import attached_periods, governing_period
from .phrases import clean_subject, sentence_subject, without_figures
from .reading import EXPECTED_AFTER, FigureReading
from .roles import apply_role_rules
from .subject import sieve_subject
from .text import (
    REACH,
    BasisRef,
    FigureRef,
    IndexedText,
    Link,
    PeriodRef,
    SortedByStart,
    SortedPeriods,
    containing_span,
    find_clause_end,
    find_clause_start,
    linker_cues,
)

# between two amounts of one noun: "gains of 3.9 mln dlrs and 38 mln dlrs"
_JOINED_OF = _compile(r"\s*+(?:,\s*+)?and\s++")
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
    if not figures:
        return []  # nothing to link: the text need not be read
    doc = IndexedText(text)
    if sentences is None:
        sentences = split_sentences(text)
    sentence_starts = [s for s, _ in sentences]
    dated = [(i, p) for i, p in enumerate(periods) if p.has_dates]
    chained = chained_periods(text, figures, dated)
    chained.update(respective_periods(text, figures, dated, sentences))  # "... qtr and year ..., respectively"
    # a chain's period is all of its figures', not the compared one's alone ("2,610,000 vs 2,442,000 for qtr")
    attached = {i: at for i, at in attached_periods(text, figures, dated).items() if i not in chained.values()}
    dated_at = SortedByStart(dated, [p.start for _, p in dated])
    bases_at = SortedByStart(bases, [b.start for b in bases])
    asides: dict[tuple[int, int], int] = {}  # how far each period stands aside, by (period, sentence start)
    story = _story_scope(text, sentences)
    done = _Linked(
        doc,
        figures,
        nominal=SortedPeriods([p for p in periods if not text.startswith(("'s", "’s"), p.end)]),
        figures_at=SortedByStart(figures, [f.start for f in figures]),
    )
    for index, fig in enumerate(figures):
        sent = containing_span(sentences, sentence_starts, fig.start) or (0, len(text))
        # nothing reads further than REACH characters around a figure, so that a text with no sentence
        # breaks (a list, a table flattened to one line) costs time linear in its length
        sent = (max(sent[0], fig.start - REACH), min(sent[1], fig.end + REACH))
        clause_start, clause_end = find_clause_start(text, sent[0], fig.start), find_clause_end(text, fig.end, sent[1])
        site = _Site(index, fig, sent, clause_start, clause_end, doc.words(clause_start, fig.start))
        before = done.previous[1] if done.previous is not None and done.previous[0] >= sent[0] else None
        link = Link()
        reading = FigureReading(doc, site, (figures[index - 1], before) if before is not None else None)
        apply_role_rules("clause", reading, link)
        if before is not None:
            apply_role_rules("before", reading, link)
        link.equivalent_of = _equivalent(text, figures, index)
        _subject_of(done, site, link, before)
        apply_role_rules("subject", reading, link)
        link.basis = _basis(bases_at, done.figures_at, fig, (sent, (clause_start, clause_end)), link)
        story_from = _story_from(doc, sentence_starts, fig) if story else None
        clause = (clause_start, clause_end)
        link.period = chained.get(index)
        if link.period is None:
            link.period = governing_period(doc, dated_at, fig, sent, attached, asides, clause, story_from)
        done.links.append(link)
        done.previous = (fig.start, link)
        if fig.counted is not None:
            done.counted_before = (fig.start, fig.counted)
    date_comparisons(text, figures, done.links, bases_at, attached, sentences, sentence_starts)
    return done.links


def _story_from(doc: IndexedText, sentence_starts: list[int], fig: FigureRef) -> int:
    """Where the earlier sentences that may lend a wire figure its period begin: the story's last few, or for a
    table row the rows above it up to the table's heading."""
    k = bisect_right(sentence_starts, fig.start) - 1
    row = doc.row(fig.start)
    back = TABLE_ROWS if row is not None and row.compares else STORY_SENTENCES
    return sentence_starts[max(0, k - back)]


def _story_scope(text: str, sentences: list[tuple[int, int]]) -> bool:
    """Whether a figure's period may come from the story's earlier sentences, not only its paragraph's: in a
    text whose paragraphs are single sentences (wire copy puts nearly every sentence in its own paragraph),
    decided by the text's shape: paragraphs set apart by their layout (indented or after a blank line, not
    one per line as a list is written), at least three with a sentence, and most of them (two in three)
    holding just one."""
    breaks = text.count("\n")
    if not breaks or 2 * len(_SET_APART.findall(text)) < breaks:
        return False
    per_paragraph: dict[int, int] = {}
    for start, _ in sentences:
        paragraph = text.rfind("\n", 0, start) + 1
        if text[start:start + 1].isspace():  # a sentence that starts with its paragraph's indent
            paragraph = start
        per_paragraph[paragraph] = per_paragraph.get(paragraph, 0) + 1
    if len(per_paragraph) < _STORY_MIN_PARAGRAPHS:
        return False
    single = sum(1 for n in per_paragraph.values() if n == 1)
    return 3 * single >= 2 * len(per_paragraph)


_STORY_MIN_PARAGRAPHS = 3


# how many sentences back a period may come from in story scope: a wire story's lead dates the next few
# paragraphs, not the whole story (five: the best on the newswire split, against 3, 4, 8 and the whole story)
STORY_SENTENCES = 5
TABLE_ROWS = 30  # rows of a results table a heading above them governs


# a paragraph set apart by its layout: indented (as wire copy's are) or after a blank line
_SET_APART = re.compile(r"\n[ \t\n]")


@dataclass(slots=True)
class _Linked:
    """What the figures of one text share while they are linked, one after another."""

    doc: IndexedText
    figures: list[FigureRef]
    nominal: SortedPeriods  # the periods that may bound a subject: not a possessive one, part of it ("January's gain")
    figures_at: SortedByStart
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


def _subject_of(done: _Linked, site: _Site, link: Link, before: Link | None) -> None:
    """Set the figure's subject and the name of the strategy that gave it: from its own clause first
    (:func:`~newsfigures.linker.subject.sieve_subject`, a sieve); then, in order, what the figures around it say of it
    (the count before or after it, the figure it restates or is compared with), the sentence's subject.
    ``before``: the link of the figure before it in its sentence, if any."""
    doc, fig, index, figures = done.doc, site.fig, site.index, done.figures
    text = doc.text
    rule, subject = sieve_subject(doc, fig, site.sent[0], site.clause_start, site.left, done.nominal)
    subject = clean_subject(doc, without_figures(subject, done.figures_at), done.nominal)
    counted_before = done.counted_before
    if (
        fig.kind == "count"
        and fig.counted is None
        and counted_before
        and counted_before[0] >= site.sent[0]
        and (subject is None or doc.last_word(fig.start) != "to")  # not "taking [its network] to 1,487"
    ):
        rule, subject = "count-before", counted_before[1]  # "seven members backed it and two voted against"
    if fig.kind == "count" and fig.counted is None and index + 1 < len(figures):
        whole = figures[index + 1]  # "eight of Indonesia's 13 main trading partners", "26 of 30 economists"
        if whole.kind == "count" and whole.counted and _PART_OF.fullmatch(text, fig.end, whole.start):
            rule, subject = "part-of-whole", whole.counted
    if before is not None and before.subject and (
        # "the $1.66 billion analysts expected", "the 353,000 initially reported": one pattern for both
        _EXPECTED_OR_FIRST_REPORTED.match(text, fig.end) or _ESTIMATES_OF.search(text, site.clause_start, fig.start)
    ):
        rule, subject = "expected-of-figure-before", before.subject  # "under the $1.66 billion analysts expected"
    if subject is not None and _is_pronoun(text, subject):
        subject = None  # "leaving them 13% lower": the subject of the figure before
    if subject is None and before is not None and not _unit_count_before(doc, figures[index - 1], before, fig):
        rule, subject = "figure-before", before.subject  # "rose 14% to $3.42 billion": one subject, two figures
    if subject is None:
        rule, subject = "sentence-subject", sentence_subject(doc, site.sent, fig, done.nominal)
    if link.equivalent_of is not None and done.links[link.equivalent_of].subject:
        rule, subject = "converted-amount", done.links[link.equivalent_of].subject  # "105 million yuan ($14.39 million)"
    elif before is not None and "from" in link.cues and before.subject and _VERSUS_FIGURE.fullmatch(
        text, site.clause_start, fig.start
    ):
        rule, subject = "compared-figure", before.subject  # "borrowing of €51.3 billion, versus €50.3 billion"
    elif before is not None and before.subject and continues_chain(text, figures[index - 1], fig):
        rule, subject = "chain-partner", before.subject  # "capital gains of 2,610,000 vs 2,442,000 for qtr"
    elif (
        before is not None and before.subject and before.subject_rule == "noun-before-of"
        and _JOINED_OF.fullmatch(text, figures[index - 1].end, fig.start)
    ):
        rule, subject = "joined-of", before.subject  # "gains of 3.9 mln dlrs and 38 mln dlrs": both are gains
    link.subject, link.subject_rule = subject, rule if subject is not None else None


def _is_pronoun(text: str, span: tuple[int, int]) -> bool:
    """Whether the span is only a pronoun ("them"); the longest pronoun bounds the span asked about."""
    pronouns = linker_cues()["pronoun_subjects"]
    # lower-casing never shortens a word
    return span[1] - span[0] <= max(map(len, pronouns)) and text[span[0] : span[1]].lower() in pronouns


def _unit_count_before(doc: IndexedText, prev_fig: FigureRef, prev: Link, fig: FigureRef) -> bool:
    """A bare unit counted by the figure before is not what the figures after it measure ("sales totalled
    24,126 units, down 9.5%": sales)."""
    return (
        prev_fig.counted is not None
        and prev.subject == prev_fig.counted
        and fig.kind != "count"
        and doc.words(*prev_fig.counted)[-1][2] in linker_cues()["unit_nouns"]
    )


BASIS_OF_FIGURE_BEFORE = 60  # characters: a basis this close after another figure is that figure's


def _basis(bases: SortedByStart, figures_at: SortedByStart, fig, spans, link: Link) -> str | None:
    """The basis nearest the change in its clause (else its sentence). One before the figure that belongs to
    another figure (one stands between them, or just before it) gives way to one after it: "11 pct higher
    than in February and 7.6 pct higher than in March last year"."""
    if link.role != "change":
        return None  # a basis qualifies a change: "rose 5% year on year to $3 billion" -> only the 5%
    (sent_start, sent_end), (clause_start, clause_end) = spans
    in_sentence = bases.within(sent_start, sent_end)
    if not in_sentence:
        return None
    in_clause = [b for b in in_sentence if clause_start <= b.start < clause_end + 60 and b.start >= clause_start]
    pool = in_clause or in_sentence

    def rank(b) -> tuple[int, int]:
        if b.start >= fig.end:
            return 0, b.start - fig.end
        return (1 if figures_at.within(b.start - BASIS_OF_FIGURE_BEFORE, fig.start) else 0), fig.start - b.end + 1

    basis = min(pool, key=rank).basis
    return None if basis == COMPARISON else basis  # a period compared with by no usual step


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
    rates = linker_cues()["rates"]
    if prev.value and fig.value and prev.unit in rates and fig.unit in rates:
        implied = (prev.value / rates[prev.unit]) / (fig.value / rates[fig.unit])
        if not Decimal("0.33") <= implied <= Decimal(3):
            return None  # an implausible exchange rate: not a conversion
    return index - 1








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


_EXPECTED_OR_FIRST_REPORTED = _compile(f"(?:{EXPECTED_AFTER.pattern})|(?:{_FIRST_REPORTED.pattern})")
