"""The ``newsfigures_periods`` component: dates and periods, resolved against the publication date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import BASES_KEY, SPANS_KEY, reading_text, set_figure_data
from ..periods.dates import parse_date, read_dateline
from ..periods.finder import find_periods_and_bases
from .base import FigureComponent


class PeriodFinder(FigureComponent):
    """Finds the publication date (if the caller gave none), periods and comparison bases.

    Periods go to ``doc.spans[spans_key]`` with the figures; comparison bases ("year-on-year")
    go to ``doc.spans[bases_key]`` for the linker.
    """

    cfg_keys = ("spans_key", "bases_key")

    def __init__(
        self,
        nlp: Language,
        name: str = "newsfigures_periods",
        *,
        spans_key: str = SPANS_KEY,
        bases_key: str = BASES_KEY,
    ):
        super().__init__(nlp, name, spans_key=spans_key)
        self.bases_key = bases_key

    def match(self, doc: Doc) -> list[tuple[int, int, str, str, dict]]:
        text = reading_text(doc)
        dateline = read_dateline(text)
        span = dateline[0] if dateline else None
        doc._.dateline = list(span) if span else None
        published = parse_date(doc._.published) if doc._.published else None
        if published is None:
            published = dateline[1] if dateline else None
            doc._.published = published.isoformat() if published else None
        periods, bases = find_periods_and_bases(text, published, dateline=span)
        base_spans = []
        for b in bases:
            s = doc.char_span(b.start, b.end, label=b.basis, alignment_mode="expand", span_id=b.rule)
            if s is not None:
                set_figure_data(s, {
                    "kind": "basis", "text": b.text, "start": b.start, "end": b.end, "rule": b.rule,
                    "basis": b.basis, "reference": b.reference.isoformat() if b.reference else None,
                })  # fmt: skip
                base_spans.append(s)
        doc.spans[self.bases_key] = base_spans
        matches = []
        for p in periods:
            data = {
                "text": p.text,
                "period_start": p.period_start.isoformat() if p.period_start else None,
                "period_end": p.period_end.isoformat() if p.period_end else None,
                "label": p.label,
                "duration": p.duration,
                "qualifier": p.qualifier,
            }
            matches.append((p.start, p.end, "period", p.rule, data))
        return matches
