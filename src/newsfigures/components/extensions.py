"""Every custom attribute newsfigures puts on spaCy objects, declared once, as a table.

Values are plain Python (str, int, dict, None) so that Docs survive ``DocBin`` and
multiprocessing; pydantic objects are made only at the edge (``convert.py``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..text.view import reading_text as reading_view

SPANS_KEY = "figures"
BASES_KEY = "figure_bases"


def _figures(doc: Doc) -> list[Span]:
    group = doc.spans.get(SPANS_KEY)
    if group is None:
        return []
    return sorted(group, key=lambda s: (figure_data(s) or {}).get("start", s.start_char))


# spaCy keeps a span's extension values in ``doc.user_data`` under ("._.", name, start_char, end_char);
# reading and writing that entry directly skips building an ``Underscore`` object per access, which
# the components and the converter do for every figure. tests/test_pipeline.py checks both ways agree.
_FIGURE_KEY = ("._.", "figure")


def figure_data(span: Span) -> dict | None:
    """``span._.figure``, read without the ``Underscore`` round trip."""
    return span.doc.user_data.get((*_FIGURE_KEY, span.start_char, span.end_char))


def group_data(doc: Doc, key: str) -> list[dict]:
    """The ``span._.figure`` dicts of the spans in ``doc.spans[key]``, in the group's order (spans without one
    are skipped): what the later stages and the converter read, in one pass over the group."""
    group = doc.spans.get(key)
    if group is None:
        return []
    get = doc.user_data.get
    name = _FIGURE_KEY
    return [data for span in group if (data := get((*name, span.start_char, span.end_char)))]


def set_figure_data(span: Span, data: dict) -> None:
    """``span._.figure = data``, written without the ``Underscore`` round trip."""
    span.doc.user_data[(*_FIGURE_KEY, span.start_char, span.end_char)] = data


DOC_EXTENSIONS: dict[str, dict] = {
    # ISO date string of the publication date ("2024-12-23"), from the caller or the dateline.
    "published": {"default": None},
    # (start, end) character span of the dateline line, if one was found.
    "dateline": {"default": None},
    # Metadata the caller passed in (id, title, source...).
    "article_meta": {"default": None},
    # All figure and period spans, sorted by position.
    "figures": {"getter": _figures},
}

SPAN_EXTENSIONS: dict[str, dict] = {
    # The normalised figure as a plain dict: the fields of newsfigures.Mention (values as strings).
    "figure": {"default": None},
}


def register_extensions() -> None:
    """Declare the extensions; safe to call any number of times."""
    for name, kwargs in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, **kwargs)
    for name, kwargs in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, **kwargs)


TEXT_KEY = ("newsfigures", "text")
VIEW_KEY = ("newsfigures", "reading_text")


def remember_text(doc: Doc, text: str) -> None:
    """Keep the text a Doc was made from, so ``doc_text`` need not rebuild it."""
    doc.user_data[TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens on every access)."""
    key = TEXT_KEY
    text = doc.user_data.get(key)
    if text is None:
        text = doc.text
        doc.user_data[key] = text
    return text


def reading_text(doc: Doc) -> str:
    """The view of the Doc's text that the stages read (``text.view.reading_text``: same length, layout
    taken out), computed once per Doc."""
    view = doc.user_data.get(VIEW_KEY)
    if view is None:
        view = reading_view(doc_text(doc))
        doc.user_data[VIEW_KEY] = view
    return view
