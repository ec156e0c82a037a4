"""Publication dates: reading one given by the caller (:func:`parse_date`) and finding the one an article
states on one of its first lines, its dateline (:func:`find_dateline`, :func:`dateline_span`), with the
``dateline`` rules of ``patterns/periods/periods.jsonl``. Today's date is never used.
"""

from __future__ import annotations

from datetime import date, datetime

import regex

from ..errors import DateError
from ..resources import per_patterns
from .parsers import PARSERS
from .rules import Rule, lexicon, load_rules, rules_with_role

DATELINE_LINES = 6  # a dateline is on one of the first non-blank lines
DATELINE_MAX_CHARS = 100

_ISO_DATE = regex.compile(
    r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?:(?:T|\s+|,\s*)\d{1,2}[:.]\d{2}\S*(?:\s+\S+){0,3})?"
)
_WRITTEN_DATE = regex.compile(
    r"(?:[A-Za-z]{3,9}\.?,?\s+)?"
    r"(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})"
    r"|(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4}))"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\S*(?:\s+\S+){0,3})?",
    regex.IGNORECASE,
)
_NUMERIC_DATE = regex.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})")


def parse_date(value: date | datetime | str | None) -> date | None:
    """Read a publication date: a ``date``, a ``datetime`` or a string such as ``2024-12-23``,
    ``2024-12-23 10:05``, ``23 December 2024``, ``Dec 23, 2024`` or ``Monday, December 23, 2024``.

    ``None`` stays ``None``; anything else raises :class:`~newsfigures.errors.DateError`.
    Today's date is never used.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise DateError(f"cannot read a date from a {type(value).__name__} ({value!r})")
    text = " ".join(value.split())
    try:
        if match := _ISO_DATE.fullmatch(text):
            return date(int(match["y"]), int(match["m"]), int(match["d"]))
        if (match := _WRITTEN_DATE.fullmatch(text)) and match["mon"].lower().rstrip(".") in lexicon().months:
            return date(int(match["y"]), lexicon().month(match["mon"]), int(match["d"]))
        if match := _NUMERIC_DATE.fullmatch(text):
            a, b = int(match["a"]), int(match["b"])
            if a <= 12 and b <= 12 and a != b:
                raise DateError(f"ambiguous date {value!r}: day and month could be either way round; use 2024-12-23")
            day, month = (a, b) if a > 12 or a == b else (b, a)
            return date(int(match["y"]), month, day)
    except ValueError as err:
        raise DateError(f"{value!r} is not a valid date: {err}") from err
    raise DateError(
        f"cannot read {value!r} as a date (expected e.g. '2024-12-23', '23 December 2024' or 'Dec 23, 2024')"
    )


_HAS_DIGIT = regex.compile(r"\d")


@per_patterns
def _dateline_rules() -> tuple[Rule, ...]:
    return rules_with_role(load_rules(PARSERS), "dateline")


def _dateline(text: str) -> tuple[int, int, date, str] | None:
    """Where the dateline is (start, end), its date and its rule's id; None without one."""
    rules = _dateline_rules()
    position, seen, lines = 0, 0, 0
    while seen < DATELINE_LINES and lines < 4 * DATELINE_LINES and position <= len(text):
        lines += 1
        stop = text.find("\n", position, position + 10 * DATELINE_MAX_CHARS)
        if stop == -1:
            stop = min(len(text), position + 10 * DATELINE_MAX_CHARS)
        line = text[position:stop]
        content = line.strip()
        if content:
            seen += 1
            # every date parse_date reads has a digit: lines without one are skipped unparsed
            if len(content) <= DATELINE_MAX_CHARS and _HAS_DIGIT.search(content):
                for rule in rules:
                    match = rule.pattern.fullmatch(content)
                    if match is None:
                        continue
                    try:
                        found = parse_date(match.group("date"))
                    except DateError:
                        continue
                    start = position + line.index(content)
                    return start, start + len(content), found, rule.id
        if stop >= len(text):
            break
        position = stop + 1
    return None


def read_dateline(text: str) -> tuple[tuple[int, int], date] | None:
    """The span of the dateline line and its date (:func:`dateline_span` and :func:`find_dateline` at once), or None."""
    found = _dateline(text)
    return ((found[0], found[1]), found[2]) if found else None


def find_dateline(text: str) -> date | None:
    """The publication date given on one of the article's first lines (``Updated: 2024-12-23``,
    ``Published: 2024-12-23 10:05``, ``Dec 23, 2024`` on its own line), or None."""
    found = _dateline(text)
    return found[2] if found else None


def dateline_span(text: str) -> tuple[int, int] | None:
    """The character span of the dateline line (see :func:`find_dateline`), so other stages can skip it."""
    found = _dateline(text)
    return (found[0], found[1]) if found else None
