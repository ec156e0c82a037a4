"""``newsfigures show``: a reader's page. The article as written (its own whitespace and paragraphs, cut by
character offsets), every figure highlighted by kind, and its links in place: pointing at a figure underlines its
subject, outlines its period and the amount it restates, and opens a card with its value, direction, role, basis
and period. A compact table of the figures follows. One self-contained HTML file: no network at view time.
"""

from __future__ import annotations

import json
import os
from html import escape

from spacy.language import Language

from ..components.convert import doc_to_article
from ..components.pipeline import load, make_doc
from ..records import Article, Mention
from .inputs import ArticleInput, check_published, read_file

KINDS = ("percentage", "money", "count", "period")
ARROWS = {"increase": "▲", "decrease": "▼"}
TABLE_FIELDS = ("kind", "text", "value", "unit", "period", "subject", "role", "direction", "basis")
_STYLE = """
:root { --percentage: #ffd166; --money: #8fd694; --count: #9ecbff; --period: #e2b6ff; }
body { font: 16px/1.55 system-ui, sans-serif; margin: 1.5em auto; max-width: 56em; padding: 0 1em; color: #222; }
header p, .legend { color: #666; font-size: 0.85em; margin: 0.2em 0; }
.legend span { padding: 0 0.4em; border-radius: 3px; margin-right: 0.4em; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; background: #fcfcfa; border: 1px solid #eee;
        padding: 1em 1.2em; border-radius: 6px; }
.f { border-radius: 3px; cursor: default; padding: 0 1px; }
.percentage { background: var(--percentage); } .money { background: var(--money); }
.count { background: var(--count); } .period { background: var(--period); }
.f sup { font-size: 0.65em; color: #444; margin-left: 1px; }
.on { outline: 2px solid #333; } .linked { outline: 2px dashed #555; }
.subj { text-decoration: underline 2px #c0392b; text-underline-offset: 3px; }
#card { position: fixed; display: none; max-width: 24em; background: #fff; border: 1px solid #bbb;
        border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.15); padding: 0.5em 0.8em; font-size: 0.85em; z-index: 9; }
#card b { display: inline-block; min-width: 5.5em; color: #555; font-weight: 500; }
table { border-collapse: collapse; margin: 1em 0 3em; font-size: 0.8em; width: 100%; table-layout: fixed; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 0.2em 0.35em; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th { background: #f3f3f3; } th:first-child { width: 2em; } .error { color: #b00020; }
"""
_SCRIPT = """
const card = document.getElementById('card');
function marks(sel) { return document.querySelectorAll(sel); }
function clear() { marks('.on,.linked,.subj').forEach(e => e.classList.remove('on', 'linked', 'subj')); card.style.display = 'none'; }
document.querySelectorAll('.f').forEach(el => {
  el.addEventListener('mouseenter', ev => {
    clear();
    const art = el.closest('section'), info = JSON.parse(art.dataset.figures)[el.dataset.i];
    art.querySelectorAll(`.f[data-i="${el.dataset.i}"]`).forEach(e => e.classList.add('on'));
    (info.links || []).forEach(j => art.querySelectorAll(`.f[data-i="${j}"]`).forEach(e => e.classList.add('linked')));
    art.querySelectorAll(`[data-s~="${el.dataset.i}"]`).forEach(e => e.classList.add('subj'));
    card.innerHTML = info.card; card.style.display = 'block';
    const r = el.getBoundingClientRect();
    card.style.left = Math.min(r.left, window.innerWidth - card.offsetWidth - 10) + 'px';
    card.style.top = (r.bottom + 6 + card.offsetHeight > window.innerHeight ? r.top - card.offsetHeight - 6 : r.bottom + 6) + 'px';
  });
  el.addEventListener('mouseleave', clear);
});
"""


def show_file(path: str | os.PathLike, *, published: str | None = None, nlp: Language | None = None) -> str:
    """A complete HTML page for the article(s) in ``path``: one section per article or error."""
    nlp = nlp or load()
    default_published = check_published(published) if published else None
    sections = []
    for item in read_file(path):
        if isinstance(item, ArticleInput):
            date = item.meta.get("published") or default_published
            article = doc_to_article(nlp(make_doc(nlp, item.text, published=date, meta=item.meta)))
            sections.append(render_article(article))
        else:
            sections.append(f'<section><h2>{escape(item.source)}</h2><p class="error">{escape(item.type)}: '
                            f"{escape(item.message)}</p></section>")  # fmt: skip
    legend = "".join(f'<span class="{k}">{k}</span>' for k in KINDS)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(str(path))} - newsfigures'
        f'</title><meta name="viewport" content="width=device-width"><style>{_STYLE}</style></head><body>\n'
        f'<p class="legend">{legend} Point at a figure: its subject is underlined, its period and the amount it '
        f'restates are outlined.</p>\n{"".join(sections)}\n<div id="card"></div><script>{_SCRIPT}</script>'
        "</body></html>\n"
    )


def render_article(article: Article) -> str:
    """One article's section: where it comes from, its text as written with the figures marked, and the table."""
    meta = " · ".join(escape(str(v)) for v in (article.source, article.published, article.id) if v)
    notes = "".join(f'<p class="error">{escape(w)}</p>' for w in article.warnings)
    figures = {i: {"card": figure_card(article, i), "links": _links(m)} for i, m in enumerate(article.mentions)}
    return (
        f"<section data-figures='{escape(json.dumps(figures), quote=True)}'><header><p>{meta}</p>{notes}</header>\n"
        f'<div class="text">{marked_text(article)}</div>\n{mentions_table(article.mentions)}</section>\n'
    )


def marked_text(article: Article) -> str:
    """The article's text as written, cut at every figure and subject boundary into spans that say which figure
    they belong to (``data-i``) and whose subject they are (``data-s``)."""
    text, mentions = article.text, article.mentions
    cuts = {0, len(text)}
    for m in mentions:
        cuts.update((m.start, m.end))
        if m.subject_start is not None and m.subject_end is not None:
            cuts.update((m.subject_start, m.subject_end))
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    for start, end in zip(cuts, cuts[1:]):
        piece = escape(text[start:end])
        figure = next((i for i, m in enumerate(mentions) if m.start <= start and end <= m.end), None)
        subjects = " ".join(str(i) for i, m in enumerate(mentions) if _subject_covers(m, start, end))
        attrs = f' data-s="{subjects}"' if subjects else ""
        if figure is None:
            out.append(f"<span{attrs}>{piece}</span>" if attrs else piece)
            continue
        m = mentions[figure]
        arrow = f"<sup>{ARROWS[m.direction]}</sup>" if m.direction in ARROWS and end == m.end else ""
        out.append(f'<span class="f {m.kind}" data-i="{figure}"{attrs}>{piece}{arrow}</span>')
    return "".join(out)


def figure_card(article: Article, index: int) -> str:
    """The hover card of one mention: what it is and what it is linked to."""
    m, mentions = article.mentions[index], article.mentions
    rows = [("kind", m.kind), ("value", _value(m)), ("subject", m.subject), ("role", m.role),
            ("direction", f"{ARROWS.get(m.direction, '')} {m.direction}" if m.direction else None),
            ("basis", m.basis and m.basis.replace("_", " ")), ("period", _period(m)), ("counted", m.counted),
            ("qualifier", m.qualifier), ("rule", m.rule)]  # fmt: skip
    if m.equivalent_of is not None and 0 <= m.equivalent_of < len(mentions):
        rows.insert(2, ("restates", f"= {mentions[m.equivalent_of].text}"))
    if m.period_index is not None and 0 <= m.period_index < len(mentions):
        rows.append(("from", f"“{mentions[m.period_index].text}”"))
    return "<br>".join(f"<b>{name}</b> {escape(str(v))}" for name, v in rows if v not in (None, ""))


def mentions_table(mentions: list[Mention]) -> str:
    """A compact table, one row per mention, that fits a laptop screen."""
    if not mentions:
        return "<p>No figures found.</p>"
    head = "".join(f"<th>{name}</th>" for name in ("#", *TABLE_FIELDS))
    rows = []
    for index, m in enumerate(mentions):
        cells = [str(index)] + [_cell(m, name) for name in TABLE_FIELDS]
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _links(m: Mention) -> list[int]:
    return [i for i in (m.period_index, m.equivalent_of) if i is not None]


def _subject_covers(m: Mention, start: int, end: int) -> bool:
    return m.subject_start is not None and m.subject_end is not None and m.subject_start <= start and end <= m.subject_end


def _value(m: Mention) -> str | None:
    if m.value is None:
        return None
    value = f"{m.value:,}" + (f" – {m.value_high:,}" if m.value_high is not None else "")
    unit = {"percent": "%", "percentage_point": " pp", "basis_point": " bp"}.get(m.unit or "", f" {m.unit}" if m.unit else "")
    return value + unit


def _period(m: Mention) -> str | None:
    if m.label:
        return m.label
    if m.period_start or m.period_end:
        return f"{m.period_start or ''} – {m.period_end or ''}"
    return m.duration


def _cell(m: Mention, name: str) -> str:
    if name == "period":
        return _period(m) or ""
    if name == "value":
        return _value(m) or ""
    value = getattr(m, name)
    return "" if value is None else str(value)
