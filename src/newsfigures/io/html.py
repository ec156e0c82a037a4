"""Reading an HTML page as an article: its visible text (block elements as paragraphs, scripts and styles
left out), its title, and its publication date from the page's metadata or JSON-LD."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_HIDDEN_TAGS = frozenset(["script", "style", "noscript", "template", "svg"])


# <meta> names and properties that give a page's publication date, most specific first
_DATE_METAS = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "dc.date.issued",
               "dc.date", "date")  # fmt: skip


class _VisibleText(HTMLParser):
    """Collects the text a browser would show, one line per block, the <title>, and the publication date the
    page states (Open Graph ``article:published_time`` and other <meta> dates, JSON-LD ``datePublished``, the
    first ``<time datetime>``)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.hidden = 0
        self.in_title = False
        self.dates: dict[str, str] = {}  # where a date was found -> the date as written
        self.json_ld: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): v for k, v in attrs if v}
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key in _DATE_METAS and attrs.get("content"):
                self.dates.setdefault(key, attrs["content"])
        elif tag == "time" and attrs.get("datetime"):
            self.dates.setdefault("time", attrs["datetime"])
        elif tag == "script" and attrs.get("type", "").lower() == "application/ld+json":
            self.json_ld = []
        self._start_block(tag)

    def _start_block(self, tag):
        if tag == "title":
            self.in_title = True
        elif tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "script" and self.json_ld is not None:
            found = _json_ld_date("".join(self.json_ld))
            if found:
                self.dates.setdefault("json-ld", found)
            self.json_ld = None
        if tag == "title":
            self.in_title = False
        elif tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.json_ld is not None:
            self.json_ld.append(data)
        if self.in_title:
            self.title_parts.append(data)
        elif not self.hidden:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str | None, str]:
    """The ``<title>`` and the visible text of an HTML page (scripts and styles left out),
    with runs of spaces collapsed and one line per paragraph or other block."""
    title, body, _ = read_html(html)
    return title, body


def read_html(html: str) -> tuple[str | None, str, str | None]:
    """The ``<title>``, the visible text and the publication date (``YYYY-MM-DD``, or None) of an HTML page."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    body = "\n".join(line for line in lines if line)
    title = " ".join("".join(parser.title_parts).split()) or None
    published = None
    for where in (*_DATE_METAS, "json-ld", "time"):
        match = _ISO_DAY.match(parser.dates.get(where, ""))
        if match:
            published = match.group(0)
            break
    return title, body, published


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _json_ld_date(source: str) -> str | None:
    """The first ``datePublished`` anywhere in a JSON-LD block (None if there is none or it is not JSON)."""
    try:
        data = json.loads(source)
    except json.JSONDecodeError:
        return None
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return item["datePublished"]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None
