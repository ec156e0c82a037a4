"""How a peer's output becomes :class:`~newsfigures.records.Mention` records, fairly: currency names and
symbols to ISO 4217 codes, numbers to plain Decimals, offsets to exclusive spans of the article's own text,
Recognizers-Text's date resolutions and TIMEX values to our period fields, quantulum3's quantities and
Recognizers-Text's currency resolutions to Mention fields, and the dateline line dropped.

These are pure functions of the peer's output (no peer package is imported here); the adapters that run the
peers are in :mod:`newsfigures.evaluation.peers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..errors import NewsfiguresError
from ..records import Mention

# Currency names and symbols as the peers write them (lower-cased) -> ISO 4217. The library's own
# lexicon (patterns/quantities/currencies.json) is consulted after this table.
CURRENCY_NAMES: dict[str, tuple[str, ...]] = {
    "USD": ("$", "us$", "u.s.$", "dollar", "dollars", "us dollar", "u.s. dollar", "united states dollar", "cent"),
    "HKD": ("hk$", "hong kong dollar"),
    "SGD": ("s$", "singapore dollar"),
    "AUD": ("a$", "au$", "australian dollar"),
    "CAD": ("c$", "ca$", "canadian dollar"),
    "TWD": ("nt$", "new taiwan dollar"),
    "NZD": ("nz$", "new zealand dollar"),
    "EUR": ("€", "euro", "euros"),
    "GBP": ("£", "pound", "pounds", "pound sterling", "british pound", "sterling", "penny", "pence"),
    "JPY": ("¥", "yen", "japanese yen"),
    "CNY": ("rmb", "yuan", "renminbi", "chinese yuan", "元"),
    "INR": ("₹", "rs", "rs.", "rupee", "rupees", "indian rupee"),
    "KRW": ("₩", "won", "south korean won", "korean won"),
    "BRL": ("r$", "real", "reais", "brazilian real"),
    "SAR": ("riyal", "saudi riyal", "saudi arabian riyal"),
}
# Minor units: the peer's value is in hundredths of the major unit.
MINOR_UNITS = frozenset({"cent", "cents", "¢", "penny", "pence", "centavo"})

DATELINE = re.compile(
    r"^[ \t]*(?:updated|published|posted|last updated)[ \t]*:?[ \t]*\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A TIMEX date range: "(2024-03-21,2026-03-21,P2Y)", end exclusive.
TIMEX_RANGE = re.compile(r"^\((\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2}),P[^)]*\)$")


def currency_iso(name: str | None) -> str | None:
    """The ISO 4217 code for a currency name, symbol or code as a peer writes it (``"Pound"`` -> ``"GBP"``)."""
    if not name:
        return None
    key = name.strip().lower()
    found = _currency_table().get(key)
    if found:
        return found
    if re.fullmatch(r"[A-Za-z]{3}", key) and key.upper() in _iso_codes():
        return key.upper()
    return None


@lru_cache(maxsize=1)
def _currency_table() -> dict[str, str]:
    table: dict[str, str] = {}
    try:  # the library's lexicon first, so the explicit table above wins on a clash
        from ..resources import load_json

        for entry in load_json("currencies.json")["currencies"]:
            for written in [*entry.get("prefixes", []), *entry.get("words", [])]:
                table.setdefault(written.lower(), entry["code"])
    except (NewsfiguresError, KeyError, TypeError):
        pass
    for code, names in CURRENCY_NAMES.items():
        for written in names:
            table[written] = code
    return table


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    try:
        from .corpus import iso_currency_codes

        return iso_currency_codes() | frozenset(CURRENCY_NAMES)
    except (NewsfiguresError, KeyError, TypeError):
        return frozenset(CURRENCY_NAMES)


def to_decimal(value: float | str | None) -> Decimal | None:
    """A peer's number as a plain Decimal: floats rounded to 15 significant digits (``14390000.000000002``
    -> ``14390000``), strings such as ``"3.2%"`` or ``"14,390,000"`` parsed; None when it is not a number."""
    if value is None:
        return None
    if isinstance(value, float):
        text = format(value, ".15g")
    else:
        text = str(value).strip().rstrip("%").replace(",", "").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return Decimal(format(number.normalize(), "f"))


def exclusive_span(
    text: str, start: int, end: int, surface: str | None = None, *, inclusive: bool = False, window: int = 40
) -> tuple[int, int] | None:
    """Character offsets ``(start, end)``, end exclusive, such that ``text[start:end]`` is the peer's surface.

    Recognizers-Text gives an inclusive ``end`` (``inclusive=True``); quantulum3 and spaCy an exclusive one.
    When the slice does not read as ``surface`` (case ignored), the surface is looked for within ``window``
    characters of ``start``; None when it cannot be found. Surrounding whitespace is trimmed.
    """
    if inclusive:
        end += 1
    start, end = max(0, start), min(len(text), end)
    if surface is not None and text[start:end].lower() != surface.lower():
        lowered, wanted = text.lower(), surface.lower()
        hits = [
            m.start()
            for m in re.finditer(re.escape(wanted), lowered[max(0, start - window) : start + len(wanted) + window])
        ]
        if not hits or not wanted:
            return None
        offset = max(0, start - window)
        best = min(hits, key=lambda h: abs(offset + h - start))
        start, end = offset + best, offset + best + len(wanted)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def dateline_span(text: str) -> tuple[int, int] | None:
    """The ``(start, end)`` of the dateline line (``Updated: 2024-12-23``) among the first three lines."""
    head_end = 0
    for _ in range(3):
        next_break = text.find("\n", head_end)
        if next_break == -1:
            head_end = len(text)
            break
        head_end = next_break + 1
    match = DATELINE.search(text, 0, head_end)
    return (match.start(), match.end()) if match else None


def drop_dateline(text: str, mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions that do not touch the dateline line, sorted by position."""
    span = dateline_span(text)
    kept = [m for m in mentions if span is None or m.end <= span[0] or m.start >= span[1]]
    return sorted(kept, key=lambda m: (m.start, m.end, m.kind))


def make_mention(text: str, kind: str, span: tuple[int, int], rule: str, **fields) -> Mention:
    """A Mention whose ``text`` is the article's own slice (peers may lower-case their surface)."""
    start, end = span
    return Mention(kind=kind, text=text[start:end], start=start, end=end, rule=rule, **fields)


def pick_resolution(values: list[dict], published: date | None) -> dict | None:
    """Of a Recognizers-Text datetimeV2 resolution's alternatives (past and future readings of "March"),
    the one the corpus guidelines choose: the latest that starts on or before the publication date."""
    if not values:
        return None
    if published is None or len(values) == 1:
        return values[0]
    dated = [(_resolution_start(v), v) for v in values]
    before = [(d, v) for d, v in dated if d is not None and d <= published]
    if before:
        return max(before, key=lambda dv: dv[0])[1]
    return values[0]


def _resolution_start(value: dict) -> date | None:
    return _iso_date(value.get("start") or value.get("value") or value.get("end"))


def _iso_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def resolve_datetime(type_name: str, values: list[dict], published: date | None) -> dict | None:
    """A Recognizers-Text datetimeV2 result as Mention fields (``period_start``, ``period_end``, ``duration``),
    or None for what is not a period here (times of day, recurring sets such as "every month").

    Recognizers' date ranges end on the day *after* the period (exclusive); ours end on its last day.
    """
    kind = type_name.rsplit(".", 1)[-1]
    if kind in {"time", "timerange", "set"}:
        return None
    value = pick_resolution(values, published)
    if value is None:
        return {}
    if kind == "duration":
        timex = value.get("timex")
        return {"duration": timex} if timex and timex.startswith("P") else {}
    if kind in {"date", "datetime"}:
        day = _iso_date(value.get("value"))
        return {"period_start": day, "period_end": day} if day else {}
    start, end = _iso_date(value.get("start")), _iso_date(value.get("end"))
    if start is None or end is None:
        # An open range ("since November", "by 2030": Mod since/before) has one bound; its timex
        # still names the period it is anchored on.
        anchor = timex_dates(value.get("timex"), _resolution_start(value))
        return {"period_start": anchor[0], "period_end": anchor[1]} if anchor else {}
    if kind == "daterange" and end > start:
        end -= timedelta(days=1)
    return {"period_start": start, "period_end": end}


def timex_dates(timex: str | None, near: date | None = None) -> tuple[date, date] | None:
    """The first and last day a TIMEX value names: ``2024`` -> the year, ``2021-10`` -> the month,
    ``XXXX-11`` -> November of ``near``'s year, ``(2024-03-21,2026-03-21,P2Y)`` -> up to the day before the end.
    None for anything else (weeks, seasons, times)."""
    if not timex:
        return None
    if re.fullmatch(r"\d{4}", timex):
        year = int(timex)
        return date(year, 1, 1), date(year, 12, 31)
    month = re.fullmatch(r"(\d{4}|XXXX)-(\d{2})", timex)
    if month:
        if month.group(1) == "XXXX" and near is None:
            return None
        year = near.year if month.group(1) == "XXXX" else int(month.group(1))
        first = date(year, int(month.group(2)), 1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return first, last
    day = _iso_date(timex) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", timex) else None
    if day:
        return day, day
    span = TIMEX_RANGE.match(timex)
    if span:
        first, after = date.fromisoformat(span.group(1)), date.fromisoformat(span.group(2))
        return first, max(first, after - timedelta(days=1))
    return None


def overlaps_any(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps any of ``others`` (a number inside a percentage, money amount or date)."""
    return any(span[0] < e and s < span[1] for s, e in others)


QUANTULUM_PERCENT_UNITS = {
    "percentage": "percent",
    "per cent": "percent",  # quantulum3 reads "per cent" as 1/cent; it means percent in news text
    "percentage point": "percentage_point",
    "basis point": "basis_point",
}


def quantulum_fields(q, units) -> dict | None:
    """Mention fields for one quantulum3 Quantity, or None when it is none of our kinds (10 tonnes)."""
    value = to_decimal(q.value)
    high = None
    if q.uncertainty and value is not None:
        spread = to_decimal(q.uncertainty)
        value, high = to_decimal(str(value - spread)), to_decimal(str(value + spread))
    name = q.unit.name
    if name in QUANTULUM_PERCENT_UNITS:
        return {"kind": "percentage", "value": value, "value_high": high, "unit": QUANTULUM_PERCENT_UNITS[name]}
    currency = _quantulum_currency(q, units)
    if currency is not None:
        code, minor = currency
        if minor and value is not None:
            value = to_decimal(str(value / 100))
            high = to_decimal(str(high / 100)) if high is not None else None
        return {"kind": "money", "value": value, "value_high": high, "unit": code}
    if q.unit.entity.name == "dimensionless" and name == "dimensionless":
        return {"kind": "count", "value": value, "value_high": high}
    return None


def _quantulum_currency(q, units) -> tuple[str | None, bool] | None:
    """(ISO code, is a minor unit) when the quantity is money. quantulum3 sometimes glues a scale letter
    to the currency ("£40m" -> pound sterling x metre); its first dimension still names the currency."""
    unit = q.unit
    if unit.entity.name == "currency":
        base = unit.name
    else:
        dims = unit.dimensions or []
        base = dims[0].get("base") if dims else None
        known = units.names.get(base) if base else None
        if known is None or known.entity.name != "currency":
            return None
    known = units.names.get(base)
    code = getattr(unit, "currency_code", None) if unit.entity.name == "currency" else None
    code = code or (getattr(known, "currency_code", None) if known else None) or currency_iso(base)
    return code, base in MINOR_UNITS


def recognizers_money(resolution: dict | None) -> dict:
    """Mention fields for a Recognizers-Text currency resolution (``{"value": "14390000", "unit": "Dollar"}``)."""
    resolution = resolution or {}
    unit_name = resolution.get("unit")
    code = resolution.get("isoCurrency") or currency_iso(unit_name)
    value = to_decimal(resolution.get("value"))
    if unit_name and unit_name.lower() in MINOR_UNITS and value is not None:
        value = to_decimal(str(value / 100))
    return {"value": value, "unit": code}
