"""The public Python API: ``load``, ``extract`` and ``extract_many``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .convert import doc_to_article
from .extensions import register_extensions, remember_text
from .periods import parse_date
from .records import Article

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
def _default_nlp() -> Language:
    return load()


def _check_text(text: Any, where: str = "text") -> str:
    if not isinstance(text, str):
        raise TypeError(f"{where} must be a str, not {type(text).__name__}")
    return text


def _published_iso(published: date | datetime | str | None) -> str | None:
    if published is not None and not isinstance(published, (date, datetime, str)):
        raise TypeError(f"published must be a date, a 'YYYY-MM-DD' string or None, not {type(published).__name__}")
    parsed = parse_date(published)
    return parsed.isoformat() if parsed else None


def make_doc(nlp: Language, text: str, *, published=None, meta: dict | None = None) -> Doc:
    """A tokenised Doc carrying the publication date and metadata, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(_check_text(text))
    remember_text(doc, text)
    doc._.published = _published_iso(published)
    doc._.article_meta = dict(meta) if meta else None
    return doc


def extract(text: str, *, published: date | str | None = None, nlp: Language | None = None) -> Article:
    """Every percentage, money amount, count and period in ``text``, as an :class:`Article`.

    ``published`` is the article's publication date; without it the dateline in the text is used,
    and without that relative periods ("this year") get no dates.
    """
    nlp = nlp or _default_nlp()
    return doc_to_article(nlp(make_doc(nlp, text, published=published)))


def extract_many(
    texts: Iterable[str | tuple[str, dict]],
    *,
    published: date | str | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    nlp: Language | None = None,
) -> Iterator[Article]:
    """Stream Articles for many texts, in input order.

    Each item is a text or a ``(text, metadata)`` pair; metadata may hold ``id``, ``title``,
    ``source`` and ``published`` (which wins over the ``published`` argument). With ``n_process > 1``
    batches of texts go to forked worker processes that send records back (cheaper than shipping
    Docs through spaCy's multiprocessing). Wrong arguments raise at once, before any text is read.
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError("extract_many() takes an iterable of texts or (text, metadata) pairs, not a single text")
    if not isinstance(n_process, int) or n_process < 1:
        raise ValueError(f"n_process must be a whole number >= 1, not {n_process!r}")
    nlp = nlp or _default_nlp()
    default_published = _published_iso(published)
    if n_process > 1:
        return _extract_in_workers(texts, nlp, default_published, n_process)
    return _extract_here(texts, nlp, default_published, batch_size)


def _items(texts) -> Iterator[tuple[str, dict]]:
    for index, item in enumerate(texts):
        if isinstance(item, tuple):
            if len(item) != 2 or not isinstance(item[1], dict):
                raise TypeError(f"item {index}: expected a text or a (text, metadata dict) pair")
            text, meta = item
        else:
            text, meta = item, {}
        yield _check_text(text, f"item {index}"), meta


def _extract_here(texts, nlp: Language, default_published: str | None, batch_size: int) -> Iterator[Article]:
    docs = (
        make_doc(nlp, text, published=meta.get("published") or meta.get("date") or default_published, meta=meta)
        for text, meta in _items(texts)
    )
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield doc_to_article(doc)


def _extract_in_workers(texts, nlp: Language, default_published: str | None, n_process: int) -> Iterator[Article]:
    from .batch import extract_records
    from .errors import NewsfiguresError
    from .inputs import ArticleInput

    inputs = (
        ArticleInput(source=str(meta.get("source", index)), text=text, meta=meta)
        for index, (text, meta) in enumerate(_items(texts))
    )
    for done in extract_records(inputs, nlp=nlp, published=default_published, n_process=n_process):
        if isinstance(done.record, Article):
            done.record.source = done.item.meta.get("source")  # the batch source label is ours, not the caller's
            yield done.record
        else:
            raise NewsfiguresError(f"{done.record.source}: {done.record.error.message}")
