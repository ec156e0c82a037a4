"""Calendar arithmetic and labels for the period stage.

Pure functions on ``datetime.date``: month and quarter ranges, month shifting
with day clamping, ISO weeks (Monday to Sunday), the compact ``label`` of a
resolved period (``2024``, ``2024-03``, ``2024-Q3``, ``2024-H1``, ``2024-09-30``,
else ``START/END``), which repetition of a yearly period a text means
(:func:`choose_repetition`) and the part of a period an edge word names
(:func:`apply_edge`).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

ONE_DAY = timedelta(days=1)


def month_end(year: int, month: int) -> date:
    """The last day of a month (``month_end(2024, 2)`` is 2024-02-29)."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """Shift a date by whole months, clamping the day to the target month's length."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def months_range(first_day: date, length: int) -> tuple[date, date]:
    """``length`` whole months starting at the month of ``first_day``."""
    start = first_day.replace(day=1)
    return start, add_months(start, length) - ONE_DAY


def months_ending(last: date, months: int) -> tuple[date, date]:
    """``months`` months to the day ``last``: whole calendar months when it ends one."""
    if (last + ONE_DAY).day == 1:
        return months_range(add_months(last.replace(day=1), 1 - months), months)
    return add_months(last, -months) + ONE_DAY, last


def is_month_start(day: date) -> bool:
    return day.day == 1


def is_month_end(day: date) -> bool:
    return (day + ONE_DAY).day == 1


def whole_months(start: date, end: date) -> int | None:
    """The number of whole months ``start..end`` covers, or None if it is not month-aligned."""
    if not (is_month_start(start) and is_month_end(end)) or end < start:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def is_year_range(start: date | None, end: date | None) -> bool:
    """True for a 12-month span starting on the first of a month (a calendar or fiscal year)."""
    return start is not None and end is not None and whole_months(start, end) == 12


def shift_range(start: date, end: date, months: int = 0, days: int = 0) -> tuple[date, date]:
    """Move a range by months and/or days; a month-aligned range stays month-aligned."""
    if days:
        return start + timedelta(days=days), end + timedelta(days=days)
    count = whole_months(start, end)
    if count is not None:
        return months_range(add_months(start, months), count)
    return add_months(start, months), add_months(end, months)


def quarter_of(day: date) -> tuple[date, date]:
    """The calendar quarter containing a day."""
    return months_range(date(day.year, 3 * ((day.month - 1) // 3) + 1, 1), 3)


def iso_week_of(day: date) -> tuple[date, date]:
    """The ISO week (Monday..Sunday) containing a day."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def unit_range(day: date, unit: str) -> tuple[date, date]:
    """The calendar ``unit`` (day, week, month, quarter, half, year, decade) containing ``day``."""
    if unit == "day":
        return day, day
    if unit == "week":
        return iso_week_of(day)
    if unit == "month":
        return months_range(day, 1)
    if unit == "quarter":
        return quarter_of(day)
    if unit == "half":
        return months_range(date(day.year, 1 if day.month <= 6 else 7, 1), 6)
    if unit == "decade":
        first = day.year - day.year % 10
        return date(first, 1, 1), date(first + 9, 12, 31)
    return date(day.year, 1, 1), date(day.year, 12, 31)


def step_unit(day: date, unit: str, steps: int) -> tuple[date, date]:
    """The calendar ``unit`` that is ``steps`` units after (negative: before) the one containing ``day``."""
    start, _ = unit_range(day, unit)
    if unit == "day":
        return unit_range(start + timedelta(days=steps), unit)
    if unit == "week":
        return unit_range(start + timedelta(weeks=steps), unit)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120}[unit]
    return unit_range(add_months(start, months * steps), unit)


def shift_date(day: date, amount: float, unit: str) -> date:
    """``day`` moved by ``amount`` units (days, weeks, months, years; quarters and decades in months/years)."""
    if unit == "D":
        return day + timedelta(days=round(amount))
    if unit == "W":
        return day + timedelta(days=round(7 * amount))
    months = round(amount * (12 if unit == "Y" else 1))
    return add_months(day, months)


@lru_cache(maxsize=4096)
def label_for(start: date, end: date) -> str:
    """The compact label of a resolved period: a year, month, quarter, half or day, else ``START/END``."""
    if start == end:
        return start.isoformat()
    count = whole_months(start, end)
    if count is None:
        return f"{start.isoformat()}/{end.isoformat()}"
    if start.year == end.year:
        if count == 12:
            return str(start.year)
        if count == 1:
            return f"{start.year}-{start.month:02d}"
        if count == 3 and start.month % 3 == 1:
            return f"{start.year}-Q{(start.month + 2) // 3}"
        if count == 6 and start.month in (1, 7):
            return f"{start.year}-H{1 if start.month == 1 else 2}"
    if start.month == 1 and end.month == 12:
        return f"{start.year}/{end.year}"
    return f"{start.year}-{start.month:02d}/{end.year}-{end.month:02d}"


def iso_duration(amount: float, unit: str) -> str:
    """ISO 8601 duration: ``iso_duration(6, "M")`` is ``P6M``; 1.5 years is ``P1Y6M``."""
    if unit == "Y" and amount != int(amount) and (amount * 12) == int(amount * 12):
        years, months = divmod(int(amount * 12), 12)
        return "P" + (f"{years}Y" if years else "") + f"{months}M"
    value = int(amount) if amount == int(amount) else round(amount, 3)
    return f"P{value}{unit}"


REPORTING_LAG_DAYS = 45  # how long after a quarter or half its results are still to come
UPCOMING_DAYS = 31  # a month named with no year and no cue either way that starts this soon after P is the coming one
DAY_LOOKBACK_DAYS = 300  # a day of a month named without a year is not read as more than this far back


def choose_repetition(
    candidates: list[tuple[date, date]], published: date, direction: str | None, cumulative: bool, day: bool = False
):
    """Pick among the yearly repetitions of a period (sorted by start) the one the text means.

    Forward: the earliest that ends on or after P. Otherwise the latest that starts on or before P
    (for a year-to-date run, whose first month is over by P), but with no cue either way a month that starts
    within ``UPCOMING_DAYS`` after P is the coming one. A day of a month with no cue either
    way is the nearest one, and a past one only within ``DAY_LOOKBACK_DAYS``; ``"past"`` (from
    ``ended March 31``) is strict.
    """
    if direction == "forward":
        ended = [c for c in candidates if c[1] < published]
        if ended and not day and _reported_after(ended[-1], published):
            return ended[-1]  # "first quarter earnings will cover the dividend", said on April 1: the quarter just over
        return next((c for c in candidates if c[1] >= published), candidates[-1])
    nearest = min(candidates, key=lambda c: (abs((c[0] - published).days), c[0] > published))
    if day and direction is None:
        return nearest
    coming = next((c for c in candidates if c[0] > published), None)
    if direction is None and not day and coming and (coming[1] - coming[0]).days < 31:
        if (coming[0] - published).days <= UPCOMING_DAYS:
            return coming  # "the sanctions take effect in mid-April", written on March 31: next month, not last year's
    chosen = candidates[0]
    for start, end in candidates:
        started = month_end(start.year, start.month) < published if cumulative else start <= published
        if started:
            chosen = (start, end)
    if day and direction != "past" and (published - chosen[0]).days > DAY_LOOKBACK_DAYS:
        return nearest  # "had been set to expire Nov. 6", written on Nov. 2: not last year's
    return chosen


def _reported_after(period: tuple[date, date], published: date) -> bool:
    """Whether a quarter or half that ended shortly before P is still to be reported: results come out in the
    weeks after a reporting period, so a forward-looking "the first quarter" then means the one just over."""
    start, end = period
    return 89 <= (end - start).days <= 184 and (published - end).days <= REPORTING_LAG_DAYS


def apply_edge(edge: str, start: date, end: date, published: date | None) -> tuple[date, date]:
    """The part of ``start..end`` an edge word names (end, start, middle, early, late, earlier, later, and
    ``first_days:N`` / ``last_days:N`` for "the first N days of")."""
    if edge.startswith(("first_days:", "last_days:")):
        days = timedelta(days=int(edge.partition(":")[2]) - 1)
        return (start, min(end, start + days)) if edge.startswith("first") else (max(start, end - days), end)
    if edge == "end":
        return end, end
    if edge == "start":
        return start, start
    if edge in ("earlier", "later") and published is not None and start < published < end:
        return (start, published) if edge == "earlier" else (published + ONE_DAY, end)  # "earlier this year": to P
    edge = {"earlier": "early", "later": "late"}.get(edge, edge)
    if start == end:
        return start, end
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    aligned = start.day == 1 and (end + ONE_DAY).day == 1
    if aligned and months >= 24 and months % 12 == 0:  # decades and other runs of years: whole years
        years = months // 12
        third = max(1, round(years * 0.3))
        if edge == "early":
            return start, date(start.year + third - 1, 12, 31)
        if edge == "late":
            return date(end.year - third + 1, 1, 1), end
        mid = start.year + years // 2
        return (date(mid - 1, 1, 1), date(mid, 12, 31)) if years % 2 == 0 else (date(mid, 1, 1), date(mid, 12, 31))
    if aligned and months >= 3:
        third = max(1, months // 3)
        if edge == "early":
            return months_range(start, third)
        if edge == "late":
            return months_range(add_months(start, months - third), third)
        if months % 2 == 0:
            return months_range(add_months(start, months // 2 - 1), 2)
        return months_range(add_months(start, months // 2), 1)
    days = (end - start).days + 1
    third = max(1, days // 3)
    if edge == "early":
        return start, start + timedelta(days=min(10, third) - 1)
    if edge == "late":
        return (start + timedelta(days=20), end) if days >= 28 else (end - timedelta(days=third - 1), end)
    return (start + timedelta(days=10), start + timedelta(days=19)) if days >= 28 else (start, end)


def reported_range(published: date, months: int) -> tuple[date, date]:
    """The period of ``months`` months a results report published on ``published`` covers: the months ending with
    the last quarter that ended before it; a year reported in the first half of a year is the calendar year before
    (most years end in December and their results come out by spring)."""
    if months == 12 and published.month <= 6:
        return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
    quarter_start = date(published.year, (published.month - 1) // 3 * 3 + 1, 1)
    return months_range(add_months(quarter_start, -months), months)
