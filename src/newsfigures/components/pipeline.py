"""Building the spaCy pipeline and the Docs it reads: the one place that knows our components' names."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..periods.dates import parse_date
from .extensions import register_extensions, remember_text

COMPONENTS = ("newsfigures_periods", "newsfigures_quantities", "newsfigures_linker")


def load(base: str | Language | None = None) -> Language:
    """A spaCy pipeline with the newsfigures components.

    ``base`` is None for blank English (no model download), a pipeline name or path for
    ``spacy.load``, or a ``Language`` to add the components to (in place; it is returned).
    """
    register_extensions()
    if base is None:
        nlp = spacy.blank("en")
    elif isinstance(base, str):
        nlp = spacy.load(base)
    elif isinstance(base, Language):
        nlp = base
    else:
        raise TypeError(f"load() takes a pipeline name, a spacy Language or None, not {type(base).__name__}")
    for name in COMPONENTS:
        if not nlp.has_pipe(name):
            nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The blank-English pipeline ``extract`` uses when given none, built once per process."""
    return load()


def check_text(text: Any, where: str = "text") -> str:
    """``text`` itself if it is a str; a TypeError naming ``where`` otherwise."""
    if not isinstance(text, str):
        raise TypeError(f"{where} must be a str, not {type(text).__name__}")
    return text


def published_iso(published: date | datetime | str | None) -> str | None:
    """A publication date as ``YYYY-MM-DD`` (None for None); a TypeError or DateError for anything else."""
    if published is not None and not isinstance(published, (date, datetime, str)):
        raise TypeError(f"published must be a date, a 'YYYY-MM-DD' string or None, not {type(published).__name__}")
    parsed = parse_date(published)
    return parsed.isoformat() if parsed else None


def make_doc(nlp: Language, text: str, *, published=None, meta: dict | None = None) -> Doc:
    """A tokenised Doc carrying the publication date and metadata, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(check_text(text))
    remember_text(doc, text)
    doc._.published = published_iso(published)
    doc._.article_meta = dict(meta) if meta else None
    return doc
