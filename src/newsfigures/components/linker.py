"""The ``newsfigures_linker`` component: links each figure to its subject, role, direction,
comparison basis, period and the amount it converts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from operator import itemgetter

from spacy.language import Language
from spacy.tokens import Doc

from ..indicators import indicator_of
from ..linker.link import BasisRef, FigureRef, Link, PeriodRef, link_figures
from ..linker.compared import headless_table_period, shifted_dates
from ..linker.text import linker_cues
from .base import FigureComponent
from .dependency import parse_subject
from .extensions import BASES_KEY, SPANS_KEY, doc_text, group_data, reading_text

_START = itemgetter("start")


class FigureLinker(FigureComponent):
    """Adds linking fields to the figure dicts made by the quantity and period components.

    Sentences come from the text itself (``text.sentences.split_sentences``), so the linker needs no parser
    or sentencizer; with a dependency parse (a pretrained pipeline) the subject is read from the
    parse where it gives one (``components.dependency``), and from the text otherwise.
    """

    cfg_keys = ("spans_key", "bases_key")

    def __init__(
        self, nlp: Language, name: str = "newsfigures_linker", *, spans_key: str = SPANS_KEY, bases_key: str = BASES_KEY
    ):
        super().__init__(nlp, name, spans_key=spans_key)
        self.bases_key = bases_key

    def match(self, doc: Doc) -> list[tuple[dict, Link, list[dict], list[dict]]]:
        data = sorted(group_data(doc, self.spans_key), key=_START)
        figures = [d for d in data if d["kind"] != "period"]
        periods = [d for d in data if d["kind"] == "period"]
        fig_refs = [
            FigureRef(
                d["start"],
                d["end"],
                d["kind"],
                Decimal(d["value"]) if d.get("value") else None,
                d.get("unit"),
                (d["counted_start"], d["counted_end"]) if d.get("counted") else None,
            )
            for d in figures
        ]
        published = doc._.published or ""
        period_refs = [
            PeriodRef(
                d["start"],
                d["end"],
                bool(d.get("period_start")),
                _after(d.get("period_start"), published),
                "today" in d["text"].lower() and d.get("period_start") == published == d.get("period_end"),
            )
            for d in periods
        ]
        bases = [BasisRef(d["start"], d["end"], d["basis"]) for d in group_data(doc, self.bases_key)]
        # sentences always come from the text: a pretrained parser's were worse for linking news
        # (the small English model joins headlines to first sentences and splits at "U.S.")
        links = link_figures(reading_text(doc), fig_refs, period_refs, bases)
        if doc.has_annotation("DEP"):  # a pretrained pipeline's parser ran: its subjects, where it is sure
            for ref, link in zip(fig_refs, links):
                parsed = parse_subject(doc, ref.start, ref.end, counted=ref.counted)
                if parsed is not None:
                    link.subject, link.subject_rule = parsed, "parse"
        return [(d, link, figures, periods) for d, link in zip(figures, links)]

    def set_annotations(self, doc: Doc, matches: list) -> None:
        text = doc_text(doc)  # a subject keeps the article's own characters, as a mention does
        for data, link, figures, periods in matches:
            if link.subject:
                data["subject_start"], data["subject_end"] = link.subject
                data["subject"] = text[link.subject[0] : link.subject[1]]
            data.update(role=link.role, direction=link.direction, basis=link.basis)
            data["indicator"] = indicator_of(data.get("subject"), data["kind"])
            # provenance, under keys that are not Mention fields, so records leave them out
            data["link_rules"], data["subject_rule"] = link.rules, link.subject_rule
            if link.period is not None:
                data.update(_period_fields(periods[link.period], link.period_shift))
            elif link.reported_quarter and doc._.published:
                reading = reading_text(doc)  # line breaks as the linker reads them, wrapped or not
                published, headings = date.fromisoformat(doc._.published), _headings(reading, periods)
                start, end = headless_table_period(reading, published, data["start"], headings, linker_cues())
                start, end = shifted_dates(start, end, link.period_shift)
                data.update(period_start=start.isoformat(), period_end=end.isoformat())
            if link.equivalent_of is not None:
                target = figures[link.equivalent_of]
                data["equivalent_ref"] = [target["start"], target["end"]]


def _headings(text: str, periods: list[dict]) -> list[tuple[int, date]]:
    """The periods that stand on a line of their own (a results table's headings): start and end date."""
    found = []
    for p in periods:
        line_start = text.rfind("\n", 0, p["start"]) + 1
        line_end = text.find("\n", p["end"])
        line_end = len(text) if line_end < 0 else line_end
        if p.get("period_end") and not text[line_start : p["start"]].strip() and not text[p["end"] : line_end].strip():
            found.append((p["start"], date.fromisoformat(p["period_end"])))
    return found


def _period_fields(period: dict, shift: tuple[int, int] | None) -> dict:
    """A figure's period fields from the period mention that governs it; a figure dated by a comparison ("vs" on
    a table row, "from 2.98 billion a year earlier") takes that period moved back, with no mention of its own."""
    if shift is None or not period.get("period_start") or not period.get("period_end"):
        return {"period_start": period["period_start"], "period_end": period["period_end"],
                "period_ref": [period["start"], period["end"]]}  # fmt: skip
    start, end = shifted_dates(
        date.fromisoformat(period["period_start"]), date.fromisoformat(period["period_end"]), shift
    )
    return {"period_start": start.isoformat(), "period_end": end.isoformat()}


def _after(day: str | None, published: str) -> bool:
    """Whether an ISO date is after the article's (ISO dates compare as strings)."""
    return bool(day and published and day > published)
