"""The ``newsfigures_quantities`` component: percentages, money amounts and counts."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import BASES_KEY, SPANS_KEY, figure_data, reading_text
from ..quantities.finder import find_quantities
from .base import FigureComponent, existing_spans


class QuantityFinder(FigureComponent):
    """Finds percentages, money amounts and counts; skips text the period stage or dateline claimed."""

    def __init__(self, nlp: Language, name: str = "newsfigures_quantities", *, spans_key: str = SPANS_KEY):
        super().__init__(nlp, name, spans_key=spans_key)

    def match(self, doc: Doc) -> list[tuple[int, int, str, str, dict]]:
        exclude = []
        for span in existing_spans(doc, self.spans_key):
            data = figure_data(span) or {}
            exclude.append((data.get("start", span.start_char), data.get("end", span.end_char)))
        if BASES_KEY in doc.spans:  # a comparison basis ("from 1985") is no figure either
            exclude.extend((span.start_char, span.end_char) for span in doc.spans[BASES_KEY])
        if doc._.dateline:
            exclude.append(tuple(doc._.dateline))
        matches = []
        published = date.fromisoformat(doc._.published) if doc._.published else None
        for q in find_quantities(reading_text(doc), exclude=exclude, published=published):
            data = {
                "text": q.text,
                "value": str(q.value),
                "value_high": None if q.value_high is None else str(q.value_high),
                "unit": q.unit,
                "qualifier": q.qualifier,
                "counted": q.counted,
                "counted_start": q.counted_start,
                "counted_end": q.counted_end,
            }
            matches.append((q.start, q.end, q.kind, q.rule, data))
        return matches
