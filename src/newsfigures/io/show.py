"""``newsfigures show``: an article as an HTML page, its figures highlighted and listed.

The text is drawn by displaCy's span visualiser over ``doc.spans["figures"]`` (overlapping spans
are fine there), and the records from :func:`~newsfigures.components.convert.doc_to_article` go in a table under it.
"""

from __future__ import annotations

import os
import warnings
from html import escape

from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc

from ..components.pipeline import load, make_doc
from ..components.convert import doc_to_article
from ..components.extensions import SPANS_KEY
from .inputs import ArticleInput, check_published, read_file
from ..records import Article, Mention

COLORS = {"percentage": "#ffd166", "money": "#8fd694", "count": "#9ecbff", "period": "#e2b6ff"}
TABLE_FIELDS = ("kind", "text", "value", "value_high", "unit", "qualifier", "counted", "period", "subject", "role",
                "direction", "basis", "rule")  # fmt: skip
_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
table { border-collapse: collapse; margin: 1em 0 3em; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } .meta { color: #666; } .error { color: #b00020; }
"""


def show_file(path: str | os.PathLike, *, published: str | None = None, nlp: Language | None = None) -> str:
    """A complete HTML page for the article(s) in ``path``: one section per article or error."""
    nlp = nlp or load()
    default_published = check_published(published) if published else None
    sections = []
    for item in read_file(path):
        if isinstance(item, ArticleInput):
            doc = nlp(
                make_doc(nlp, item.text, published=item.meta.get("published") or default_published, meta=item.meta)
            )
            sections.append(render_article(doc, doc_to_article(doc)))
        else:
            sections.append(f'<section><h2>{escape(item.source)}</h2><p class="error">{escape(item.type)}: '
                            f"{escape(item.message)}</p></section>")  # fmt: skip
    title = escape(str(path))
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title} - newsfigures</title>'
        f"<style>{_STYLE}</style></head><body>\n{''.join(sections)}\n</body></html>\n"
    )


def render_article(doc: Doc, article: Article) -> str:
    """One article's HTML section: heading, the highlighted text and the table of its mentions."""
    options = {"spans_key": SPANS_KEY, "colors": COLORS}
    with warnings.catch_warnings():  # W117 "no spans to visualize": an article without figures is fine
        warnings.simplefilter("ignore", UserWarning)
        text = displacy.render(doc, style="span", options=options, page=False, jupyter=False)
    meta = " · ".join(escape(str(v)) for v in (article.source, article.published, article.id) if v)
    heading = escape(article.title or article.source or "article")
    notes = "".join(f'<p class="error">{escape(w)}</p>' for w in article.warnings)
    return (
        f'<section><h2>{heading}</h2><p class="meta">{meta}</p>{notes}\n{text}\n'
        f"{mentions_table(article.mentions)}</section>\n"
    )


def mentions_table(mentions: list[Mention]) -> str:
    """An HTML table with one row per mention."""
    if not mentions:
        return "<p>No figures found.</p>"
    head = "".join(f"<th>{name}</th>" for name in ("#", *TABLE_FIELDS))
    rows = []
    for index, m in enumerate(mentions):
        cells = [str(index)] + [_cell(m, name) for name in TABLE_FIELDS]
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _cell(m: Mention, name: str) -> str:
    if name == "period":
        if m.label:
            return m.label
        if m.period_start or m.period_end:
            return f"{m.period_start or ''} – {m.period_end or ''}"
        return m.duration or ""
    value = getattr(m, name)
    return "" if value is None else str(value)
