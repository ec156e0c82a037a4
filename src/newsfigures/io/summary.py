"""``newsfigures summary``: the figures of an extract run per indicator and kind, and a page with a small chart per
indicator of the values reported over the articles' periods (self-contained SVG, no plotting library, no network)."""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from datetime import date
from html import escape
from pathlib import Path

from ..errors import NewsfiguresError
from ..indicators import indicator_of, indicators

CHART_W, CHART_H, PAD = 520, 170, 34


def summary_rows(paths: list[str | os.PathLike]) -> list[dict]:
    """The figures (not periods) of the Article records in JSONL files, each with its indicator."""
    rows = []
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as err:
            raise NewsfiguresError(f"{path}: cannot read: {err.strerror or err}") from None
        for lineno, line in enumerate(lines, start=1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise NewsfiguresError(f"{path}:{lineno}: not a JSON record: {err.msg}") from None
            for m in record.get("mentions") or []:
                if m.get("kind") == "period":
                    continue
                indicator = m.get("indicator") or indicator_of(m.get("subject"), m.get("kind"))
                rows.append({**m, "indicator": indicator, "source": record.get("source"), "published": record.get("published")})
    return rows


def summary_table(rows: list[dict]) -> str:
    """Figures per indicator and kind, most reported first, as aligned text."""
    names = {i.id: i.name for i in indicators()}
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        counts[row["indicator"] or "(none)"][row["kind"]] += 1
    kinds = ("percentage", "money", "count")
    lines = [f"{'indicator':<28}" + "".join(f"{k:>12}" for k in kinds) + f"{'all':>8}"]
    for key, c in sorted(counts.items(), key=lambda kv: (kv[0] == "(none)", -sum(kv[1].values()))):
        lines.append(f"{names.get(key, key)[:27]:<28}" + "".join(f"{c[k]:>12}" for k in kinds) + f"{sum(c.values()):>8}")
    return "\n".join(lines)


def summary_page(rows: list[dict], title: str = "newsfigures summary") -> str:
    """A self-contained HTML page: per indicator, a chart of its percentages over the periods they are for."""
    sections = []
    for indicator in indicators():
        points = [p for p in (_point(r) for r in rows if r["indicator"] == indicator.id) if p]
        if len(points) >= 2:
            sections.append(f"<section><h2>{escape(indicator.name)}</h2><p>{len(points)} percentages, by the end of "
                            f"the period they are for</p>{_chart(points)}</section>")  # fmt: skip
    style = ("body{font:14px system-ui,sans-serif;max-width:60em;margin:1em auto;padding:0 1em}"
             "pre{background:#f6f6f6;padding:.6em}section{display:inline-block;margin:0 1em 1em 0;vertical-align:top}"
             "h2{font-size:1em;margin:.2em 0}p{color:#666;margin:0}")  # fmt: skip
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title><style>{style}'
        f"</style></head><body><h1>{escape(title)}</h1><pre>{escape(summary_table(rows))}</pre>"
        f"{''.join(sections) or '<p>No indicator has two dated percentages to chart.</p>'}</body></html>\n"
    )


def _point(row: dict) -> tuple[date, float, str] | None:
    when = row.get("period_end") or row.get("published")
    if row["kind"] != "percentage" or row.get("unit") != "percent" or not when or row.get("value") is None:
        return None
    label = f"{row.get('subject') or ''}: {row['text']} ({row.get('source') or ''})"
    return date.fromisoformat(str(when)[:10]), float(row["value"]), label


def _chart(points: list[tuple[date, float, str]]) -> str:
    """A scatter of values over dates as inline SVG, each dot titled with its subject, text and source."""
    days = [p[0].toordinal() for p in points]
    values = [p[1] for p in points]
    x0, x1 = min(days), max(days) or 1
    y0, y1 = min(0.0, min(values)), max(values)
    sx = (CHART_W - 2 * PAD) / ((x1 - x0) or 1)
    sy = (CHART_H - 2 * PAD) / ((y1 - y0) or 1)
    dots = "".join(
        f'<circle cx="{PAD + (d - x0) * sx:.1f}" cy="{CHART_H - PAD - (v - y0) * sy:.1f}" r="3" fill="#2b6cb0" '
        f'fill-opacity=".7"><title>{escape(label)}</title></circle>'
        for d, v, label in ((p[0].toordinal(), p[1], p[2]) for p in points)
    )
    axes = (f'<line x1="{PAD}" y1="{CHART_H - PAD}" x2="{CHART_W - PAD}" y2="{CHART_H - PAD}" stroke="#999"/>'
            f'<line x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{CHART_H - PAD}" stroke="#999"/>'
            f'<text x="{PAD}" y="{CHART_H - 8}" font-size="11">{date.fromordinal(x0)}</text>'
            f'<text x="{CHART_W - PAD}" y="{CHART_H - 8}" font-size="11" text-anchor="end">{date.fromordinal(x1)}</text>'
            f'<text x="4" y="{PAD}" font-size="11">{y1:g}%</text><text x="4" y="{CHART_H - PAD}" font-size="11">{y0:g}%</text>')  # fmt: skip
    return f'<svg width="{CHART_W}" height="{CHART_H}" role="img">{axes}{dots}</svg>'
