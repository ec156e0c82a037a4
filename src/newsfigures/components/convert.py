"""Turn a processed Doc into the pydantic :class:`~newsfigures.records.Article`: the one crossing
from spaCy's plain values to records."""

from __future__ import annotations

from datetime import date
from operator import itemgetter

from spacy.tokens import Doc

from .extensions import SPANS_KEY, doc_text, group_data
from ..records import Article, Mention

_BY_OFFSETS = itemgetter("start", "end")
_MENTION_FIELDS = frozenset(Mention.model_fields)


def _mention_fields(data: dict, links: dict) -> dict:
    """The fields of a Mention from the plain dict stored on ``span._.figure`` (values are decimal strings,
    which the model reads exactly); ``links`` sets the indices into the article's mentions. Keys that are
    not fields (the linker's offsets of what it linked, a user's own) are left out."""
    fields = {key: value for key, value in data.items() if value is not None and key in _MENTION_FIELDS}
    fields.update(links)
    return fields


def doc_to_article(doc: Doc, **meta) -> Article:
    """The Article for a Doc processed by a newsfigures pipeline; ``meta`` overrides id/title/source."""
    info = dict(doc._.article_meta or {})
    info.update({k: v for k, v in meta.items() if v is not None})
    data = sorted(group_data(doc, SPANS_KEY), key=_BY_OFFSETS)
    index = {(d["start"], d["end"]): i for i, d in enumerate(data)}
    mentions = []
    for d in data:
        links = {}
        for ref, name in (("period_ref", "period_index"), ("equivalent_ref", "equivalent_of")):
            if d.get(ref):
                links[name] = index.get(tuple(d[ref]))
        mentions.append(_mention_fields(d, links))
    published = doc._.published
    title = info.get("title")
    if title is None and doc._.dateline:
        first_line = doc_text(doc)[: doc._.dateline[0]].strip().split("\n")[0].strip()
        title = first_line or None
    # one validation of the whole record: pydantic-core builds the mentions from their dicts itself,
    # which is measurably faster than a Mention(...) call per figure
    return Article.model_validate(
        {
            "id": _as_str(info.get("id")),
            "title": title,
            "source": _as_str(info.get("source")),
            "published": date.fromisoformat(published) if published else None,
            "text": doc_text(doc),
            "mentions": mentions,
            "warnings": list(info.get("warnings") or []),
        }
    )


def _as_str(value) -> str | None:
    return None if value is None else str(value)
