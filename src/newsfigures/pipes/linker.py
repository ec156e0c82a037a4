"""The ``newsfigures_linker`` component: links each figure to its subject, role, direction,
comparison basis, period and the amount it converts."""

from __future__ import annotations

from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import BASES_KEY, SPANS_KEY
from ..linking import BasisRef, FigureRef, PeriodRef, link_figures
from .base import FigureComponent, existing_spans


class FigureLinker(FigureComponent):
    """Adds linking fields to the figure spans made by the quantity and period components."""

    cfg_keys = ("spans_key", "bases_key")

    def __init__(
        self, nlp: Language, name: str = "newsfigures_linker", *, spans_key: str = SPANS_KEY, bases_key: str = BASES_KEY
    ):
        super().__init__(nlp, name, spans_key=spans_key)
        self.bases_key = bases_key

    def match(self, doc: Doc) -> list:
        spans = sorted(existing_spans(doc, self.spans_key), key=lambda s: s._.figure["start"])
        figures = [s for s in spans if s._.figure["kind"] != "period"]
        periods = [s for s in spans if s._.figure["kind"] == "period"]
        fig_refs = [
            FigureRef(
                f._.figure["start"],
                f._.figure["end"],
                f._.figure["kind"],
                Decimal(f._.figure["value"]) if f._.figure.get("value") else None,
                f._.figure.get("unit"),
                (f._.figure["counted_start"], f._.figure["counted_end"]) if f._.figure.get("counted") else None,
            )
            for f in figures
        ]
        period_refs = [PeriodRef(p._.figure["start"], p._.figure["end"], bool(p._.figure.get("period_start"))) for p in periods]
        bases = [
            BasisRef(b._.figure["start"], b._.figure["end"], b._.figure["basis"])
            for b in existing_spans(doc, self.bases_key)
        ]
        sentences = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else []
        links = link_figures(doc.text, fig_refs, period_refs, bases, sentences)
        return list(zip(figures, links))

    def set_annotations(self, doc: Doc, matches: list) -> None:
        periods = [s for s in existing_spans(doc, self.spans_key) if s._.figure["kind"] == "period"]
        periods.sort(key=lambda s: s._.figure["start"])
        figures = [f for f, _ in matches]
        for span, link in matches:
            data = span._.figure
            if link.subject:
                data["subject_start"], data["subject_end"] = link.subject
                data["subject"] = doc.text[link.subject[0] : link.subject[1]]
            data.update(role=link.role, direction=link.direction, basis=link.basis)
            if link.period is not None:
                p = periods[link.period]._.figure
                data.update(period_start=p["period_start"], period_end=p["period_end"], period_ref=[p["start"], p["end"]])
            if link.equivalent_of is not None:
                target = figures[link.equivalent_of]._.figure
                data["equivalent_ref"] = [target["start"], target["end"]]
