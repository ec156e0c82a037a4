"""The public Python API: ``load``, ``extract`` and ``extract_many``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language

from .components.convert import doc_to_article
from .components.pipeline import check_text, default_nlp, load, make_doc, published_iso
from .records import Article

__all__ = ["extract", "extract_many", "load", "make_doc"]


def extract(text: str, *, published: date | str | None = None, nlp: Language | None = None) -> Article:
    """Every percentage, money amount, count and period in ``text``, as an :class:`Article`.

    ``published`` is the article's publication date; without it the dateline in the text is used,
    and without that relative periods ("this year") get no dates.
    """
    nlp = nlp or default_nlp()
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
    nlp = nlp or default_nlp()
    default_published = published_iso(published)
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
        yield check_text(text, f"item {index}"), meta


def _extract_here(texts, nlp: Language, default_published: str | None, batch_size: int) -> Iterator[Article]:
    docs = (
        make_doc(nlp, text, published=meta.get("published") or meta.get("date") or default_published, meta=meta)
        for text, meta in _items(texts)
    )
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield doc_to_article(doc)


def _extract_in_workers(texts, nlp: Language, default_published: str | None, n_process: int) -> Iterator[Article]:
    from .io.batch import extract_records
    from .errors import NewsfiguresError
    from .io.inputs import ArticleInput

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
