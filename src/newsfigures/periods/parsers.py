"""Parsers named by the ``parse`` key of period rules.

Each takes the named groups of a match (``groups``) and returns a spec from
:mod:`newsfigures.periods.specs`, or None when the text is not a period after
all (a 13th month, ``February 30, 2024``, ``2024-2019``). They never look at
the surrounding text; placing a spec in time is the spec's job.

Group names used by rules: ``year`` (4 digits), ``yy`` (2 digits), ``month``,
``month2`` (names), ``mnum`` (month number), ``day``, ``weekday``, ``rel``,
``n`` (digits or words), ``unit``, ``ord``, ``q``, ``h``, ``fiscal``, ``fy``,
``fy2``, ``qual``, ``which``, ``dir``, ``end``, ``century``, ``decade``,
``edge``, ``word``.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date

from .calendar import month_end
from .rules import Lexicon
from .reported import ContainerUnit, ReportedEnd, ReportedPeriod, SpanTo, ToDate, YearPoint
from .specs import (
    Ago,
    Anaphor,
    Anchored,
    DayOffset,
    Decade,
    Duration,
    FiscalYear,
    Fixed,
    InYear,
    RelativeFiscalYear,
    DayRange,
    Season,
    Weekend,
    RelativeMonth,
    RelativeUnit,
    Weekday,
)

UNIT_NAMES = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "fortnight": "week",
    "month": "month",
    "months": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "half": "half",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
}


def _unit(text: str) -> str:
    """The calendar unit a phrase ends on ("three months" -> "month"); a year if none."""
    words = text.lower().split()
    return UNIT_NAMES.get(words[-1].replace("-", ""), "year") if words else "year"


def _unit_code(lex: Lexicon, text: str) -> tuple[str, int]:
    """The ISO 8601 duration letter of the unit a phrase ends on, and how many of it one unit is."""
    word = text.lower().split()[-1]
    return lex.duration_units.get(word, ("Y", 1))


def _year(groups: dict) -> int | None:
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("yy"):
        return 2000 + int(groups["yy"])
    return None


STEP_WORDS = {
    -1: (
        "last",
        "previous",
        "prior",
        "preceding",
        "past",
        "this past",
        "latest",
        "most recent",
        "the latest",
        "the most recent",
        "the previous",
        "the prior",
        "the preceding",
    ),
    0: ("this", "current", "the current", "present", "the present"),
    1: ("next", "coming", "this coming", "upcoming", "following", "the following"),
}
ROLLING_BACK = ("the past", "the last")
ROLLING_FORWARD = ("the coming", "the next", "the upcoming")


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _step(text: str | None) -> int | None:
    word = _norm(text)
    for step, words in STEP_WORDS.items():
        if word in words:
            return step
    return None


def _ordinal(lex: Lexicon, groups: dict, key: str, code: str, top: int) -> int | None:
    if groups.get(code):
        value = int(groups[code])
    else:
        value = lex.ordinals.get(_norm(groups.get(key)))
        if value == -1:
            value = top
    return value if value is not None and 1 <= value <= top else None


def _month(lex: Lexicon, groups: dict, key: str = "month") -> int | None:
    if groups.get(key):
        return lex.month(groups[key])
    if key == "month" and groups.get("mnum"):
        value = int(groups["mnum"])
        return value if 1 <= value <= 12 else None
    return None


def parse_date(groups: dict, lex: Lexicon):
    """``2024-12-23``, ``December 23, 2024``, ``23 December``, ``Dec. 23``."""
    month, day, year = _month(lex, groups), int(groups["day"]), _year(groups)
    if month is None or not 1 <= day <= 31:
        return None
    limit = month_end(year, month).day if year else (29 if month == 2 else calendar.monthrange(2023, month)[1])
    return InYear(month=month, day=day, year=year) if day <= limit else None


def parse_date_word(groups: dict, lex: Lexicon):
    """``May One``, ``Dec one, 1986``: a day written as a word."""
    day = lex.number(groups["dayword"])
    if day is None or day != int(day) or not 1 <= day <= 31:
        return None
    return parse_date({**groups, "day": str(int(day))}, lex)


def parse_day_range(groups: dict, lex: Lexicon):
    """``April 5-6``, ``March 2 and 3``, ``May 11 to 13, 1987``: days of one month."""
    first, last = int(groups["day"]), int(groups["day2"])
    spec = parse_date(groups, lex) if last > first else None
    return None if spec is None else DayRange(spec, last - first)


def parse_month(groups: dict, lex: Lexicon):
    """``March``, ``March 2024``, ``Sept. '23``."""
    return InYear(month=_month(lex, groups), year=_year(groups))


def parse_month_relative(groups: dict, lex: Lexicon):
    """``last May``, ``this September``, ``next March``."""
    step = _step(groups.get("rel"))
    return None if step is None else RelativeMonth(_month(lex, groups), step)


def parse_month_range(groups: dict, lex: Lexicon):
    """``January-September``, ``Jan-Sept 2024``, ``January to November``."""
    first, last = _month(lex, groups), _month(lex, groups, "month2")
    if first is None or last is None or first == last:
        return None
    length = (last - first) % 12 + 1
    return InYear(month=first, length=length, year=_year(groups), cumulative=first == 1)


def parse_month_quarter(groups: dict, lex: Lexicon):
    """``the April-June quarter``; ``the September quarter`` (the quarter ending in September)."""
    last = _month(lex, groups, "month2") or _month(lex, groups)
    first = _month(lex, groups) if groups.get("month2") else (last - 3) % 12 + 1
    if (last - first) % 12 != 2:
        return None
    return InYear(month=first, length=3, year=_year(groups))


def parse_year(groups: dict, lex: Lexicon):
    """``2024``, ``the year 2024``."""
    year = int(groups["year"])
    return Fixed(date(year, 1, 1), date(year, 12, 31))


def parse_spelled_year(groups: dict, lex: Lexicon):
    """``nineteen ninety-six``, ``two thousand and eight``, ``the year two thousand``."""
    words = _norm(groups["spelled"]).replace("-", " ").replace(" and ", " ").split()
    if words[:2] == ["two", "thousand"]:
        base, rest = 2000, words[2:]
    else:
        base, rest = (1900 if words[0] == "nineteen" else 2000), words[1:]
        if rest[:1] == ["oh"]:
            rest = rest[1:]
    value = lex.number(" ".join(rest)) if rest else 0.0
    if value is None or value >= 100 or value != int(value):
        return None
    year = base + int(value)
    return Fixed(date(year, 1, 1), date(year, 12, 31))


def parse_year_range(groups: dict, lex: Lexicon):
    """``2024-25`` (a split fiscal year), ``2020-2023`` (a run of years)."""
    first, text = int(groups["year"]), groups["year2"]
    second = int(text) if len(text) == 4 else first - first % 100 + int(text)
    if len(text) == 2 and second < first:
        second += 100
    if second == first + 1:
        return FiscalYear(first, second, loose=len(text) == 4, season=True)
    if first < second <= first + 100:
        return Fixed(date(first, 1, 1), date(second, 12, 31))
    return None


def _fiscal_number(text: str) -> int:
    digits = text.lstrip("'’")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def parse_fiscal_year(groups: dict, lex: Lexicon):
    """``fiscal 2023``, ``FY25``, ``FY2023-24``, ``fiscal year 2024``, ``the 2024-25 fiscal year``."""
    first = _fiscal_number(groups["fy"])
    if not groups.get("fy2"):
        return FiscalYear(first)
    text = groups["fy2"]
    second = int(text) if len(text) == 4 else first - first % 100 + int(text)
    return FiscalYear(first, second) if second == first + 1 else None


def parse_fiscal_relative(groups: dict, lex: Lexicon):
    """``this fiscal year``, ``last fiscal``, ``the current financial year``."""
    step = _step(groups.get("rel"))
    return None if step is None else RelativeFiscalYear(step)


def parse_season_relative(groups: dict, lex: Lexicon):
    """``last campaign``, ``this season``, ``the previous crop year``: a crop year where the story has one."""
    step = _step(groups.get("rel"))
    return None if step is None else RelativeFiscalYear(step, season=True)


def parse_split_year_months(groups: dict, lex: Lexicon):
    """``1986/87 October-September season``: the split year's run of months as written."""
    first_year = int(groups["year"])
    first, last = _month(lex, groups), _month(lex, groups, "month2")
    if first is None or last is None or (last - first) % 12 != 11:
        return None  # not a year of months
    end_year = first_year + 1 if last < first else first_year
    return Fixed(date(first_year, first, 1), month_end(end_year, last))


def _fiscal_container(groups: dict) -> FiscalYear | None:
    return FiscalYear(_fiscal_number(groups["fy"])) if groups.get("fy") else None


def parse_quarter(groups: dict, lex: Lexicon):
    """``the third quarter``, ``third-quarter``, ``Q3 2024``, ``3Q24``, ``Q3 FY24``, ``the fiscal first quarter``."""
    number = _ordinal(lex, groups, "ord", "q", 4)
    if number is None:
        return None
    fiscal = bool(groups.get("fiscal") or groups.get("fiscal2"))
    return InYear(
        offset=3 * (number - 1), length=3, fiscal=fiscal, year=_year(groups), fiscal_year=_fiscal_container(groups)
    )


def parse_half(groups: dict, lex: Lexicon):
    """``the first half``, ``H1``, ``1H24``, ``H2 FY25``, ``the second half``."""
    number = _ordinal(lex, groups, "ord", "h", 2)
    if number is None:
        return None
    return InYear(
        offset=6 * (number - 1),
        length=6,
        fiscal=bool(groups.get("fiscal")),
        cumulative=number == 1,
        year=_year(groups),
        fiscal_year=_fiscal_container(groups),
    )


def parse_cumulative(groups: dict, lex: Lexicon):
    """``the first three quarters``, ``the first nine months``, ``the last three months`` (of a year)."""
    count = lex.number(groups["n"])
    if count is None or count != int(count):
        return None
    months = int(count) * (3 if _unit(groups["unit"]) == "quarter" else 1)
    if not 1 <= months <= 12:
        return None
    if _norm(groups.get("which")) in ("first", "opening"):
        return InYear(offset=0, length=months, cumulative=True)
    return InYear(offset=12 - months, length=months)


def parse_span_to(groups: dict, lex: Lexicon):
    """``the three months to November``, ``the year ended March 31``, ``the quarter ending in June``."""
    count = lex.number(groups["n"]) if groups.get("n") else 1.0
    unit = _norm(groups["unit"]).replace("-", " ")
    if count is None or count <= 0:
        return None
    ended = _norm(groups.get("link")) == "ended"
    if unit.startswith(("fiscal", "financial")):
        return SpanTo(count, "Y", groups["end"], ended)
    if unit.startswith("half"):
        return SpanTo(6 * count, "M", groups["end"], ended)
    code, multiple = _unit_code(lex, unit)
    return SpanTo(count * multiple, code, groups["end"], ended)


def parse_reported_end(groups: dict, lex: Lexicon):
    """A results heading with its end: ``Qtr ends Jan 30``, ``Nine mths ended May 31``, ``Period ended May 31``,
    ``Year to March 31``, ``April 30 end`` (a table's "period", or a day alone, is its quarter)."""
    count = lex.number(groups["n"]) if groups.get("n") else 1.0
    unit = _norm(groups.get("unit") or "quarter")  # "April 30 end": the quarter to that day
    unit = {"period": "quarter", "periods": "quarter", "qtr": "quarter"}.get(unit, unit)
    if count is None or count <= 0:
        return None
    code, multiple = _unit_code(lex, unit)
    return ReportedEnd(SpanTo(count * multiple, code, groups["end"], ended=True))


def parse_fiscal_ending(groups: dict, lex: Lexicon):
    """``fiscal 1987 ending June 30``: the year to that day of the year named (or of the year written after it)."""
    year = int(groups["year"]) + 1 if groups.get("yy2") else int(groups["year"])  # "1986/87": its second year
    end = groups["end"] if groups.get("endyear") else f"{groups['end']}, {year}"
    return SpanTo(1, "Y", end, ended=False)


def parse_relative_unit(groups: dict, lex: Lexicon):
    """``this year``, ``last month``, ``next week``, ``the latest quarter``; ``the past year`` ends on P."""
    rel, unit = _norm(groups["rel"]), UNIT_NAMES.get(_norm(groups["unit"]), "year")
    code, multiple = _unit_code(lex, groups["unit"])
    if rel in ROLLING_BACK or rel in ROLLING_FORWARD:
        return Anchored(float(multiple), code, forward=rel in ROLLING_FORWARD)
    step = _step(rel)
    return None if step is None else RelativeUnit(unit, step)


def parse_weekday(groups: dict, lex: Lexicon):
    """``Monday``, ``last Friday``, ``this coming Sunday``."""
    rel = _norm(groups.get("rel"))
    step = _step(rel) if rel else None
    kind = None if not rel else ("this" if rel == "this" else ("last" if step == -1 else "next"))
    return Weekday(lex.weekday(groups["weekday"]), kind)


def parse_day_word(groups: dict, lex: Lexicon):
    """``today``, ``yesterday``, ``tomorrow`` (and wire copy's ``tommorrow``); ``last night`` is yesterday."""
    word = _norm(groups["word"])
    if word.startswith("last") or word == "yesterday":
        return DayOffset(-1)
    return DayOffset(1 if word.startswith("tom") else 0)


def parse_season(groups: dict, lex: Lexicon):
    """``this summer``, ``last autumn``, ``next spring``, ``the summer``, ``spring 1986``, ``the fall of 1986``."""
    rel = _norm(groups.get("rel"))
    step = -1 if rel in ("last", "past", "the past") else 1 if rel in ("next", "coming", "the coming") else 0
    return Season(_norm(groups["season"]), step, int(groups["year"]) if groups.get("year") else None)


def parse_weekend(groups: dict, lex: Lexicon):
    """``last weekend``, ``this past weekend``, ``over the weekend``; ``this weekend``, ``next weekend``."""
    rel = _norm(groups.get("rel"))
    return Weekend(1 if rel in ("this", "next", "coming", "the coming") else -1)


def parse_anchored(groups: dict, lex: Lexicon):
    """``the past three years``, ``the next five years``, ``the last 12 months``."""
    count = lex.number(groups["n"])
    if count is None or count <= 0:
        return None
    code, multiple = _unit_code(lex, groups["unit"])
    forward = _norm(groups["dir"]) in ("next", "coming", "upcoming", "following")
    return Anchored(count * multiple, code, forward)


def parse_ago(groups: dict, lex: Lexicon):
    """``two years ago``, ``a month ago``, ``more than a decade ago``."""
    count = lex.number(groups["n"])
    if count is None or count <= 0:
        return None
    code, multiple = _unit_code(lex, groups["unit"])
    return Ago(count * multiple, code, _unit(groups["unit"]), _norm(groups.get("qual")) or None)


def parse_anaphor_shift(groups: dict, lex: Lexicon):
    """``a year earlier``, ``two quarters before``, ``a month later``, ``the year-earlier period``."""
    count = lex.number(groups.get("n") or "a")
    if count is None:
        return None
    code, multiple = _unit_code(lex, groups["unit"])
    sign = 1 if _norm(groups.get("dir")) in ("later", "after", "on") else -1
    amount = sign * count * multiple
    if code == "D":
        return Anaphor("shift", days=round(amount))
    if code == "W":
        return Anaphor("shift", days=round(7 * amount))
    return Anaphor("shift", months=round(amount * (12 if code == "Y" else 1)))


def parse_anaphor_previous(groups: dict, lex: Lexicon):
    """``the previous quarter``, ``the prior year``, ``the year before``, ``the following month``."""
    step = 1 if _norm(groups.get("which")) in ("following", "after", "next") else -1
    unit = "day" if _norm(groups["unit"]) == "morning" else UNIT_NAMES.get(_norm(groups["unit"]), "year")
    return Anaphor("previous", unit=unit, step=step)


def parse_anaphor_same(groups: dict, lex: Lexicon):
    """``the same period last year``, ``the same quarter a year earlier``, ``the same month of 2023``."""
    year = _year(groups)
    return Anaphor("year", year=year) if year else Anaphor("shift", months=-12)


def parse_duration(groups: dict, lex: Lexicon):
    """``six months``, ``nearly two years``, ``a decade``, ``18 months``, ``a year and a half``."""
    count = lex.number(groups["n"])
    if count is None or count <= 0:
        return None
    if groups.get("half"):
        count += 0.5
    code, multiple = _unit_code(lex, groups["unit"])
    return Duration(count * multiple, code, _norm(groups.get("qual")) or None)


def parse_half_duration(groups: dict, lex: Lexicon):
    """``half a year``, ``half a decade``."""
    code, multiple = _unit_code(lex, groups["unit"])
    amount = 0.5 * multiple
    if code == "Y" and amount < 1:
        return Duration(amount * 12, "M", _norm(groups.get("qual")) or None)
    return Duration(amount, code, _norm(groups.get("qual")) or None)


def parse_decade(groups: dict, lex: Lexicon):
    """``the 1990s``, ``the 2010s``, ``the '90s``."""
    century = int(groups["century"]) if groups.get("century") else None
    return Decade(int(groups["decade"]), century)


def parse_to_date(groups: dict, lex: Lexicon):
    """``year-to-date``, ``so far this year``, ``month-to-date``."""
    return ToDate(UNIT_NAMES.get(_norm(groups.get("unit")), "year"))


def parse_year_point(groups: dict, lex: Lexicon):
    """``year-end``, ``the end of year``, ``mid-year`` (optionally with a year)."""
    edge = "middle" if _norm(groups["edge"]).startswith("mid") else "end"
    return YearPoint(edge, int(groups["year"]) if groups.get("year") else None)


def parse_container_unit(groups: dict, lex: Lexicon):
    """``the year``, ``the quarter``, ``the fiscal year``, ``the full year`` (the sentence's, else P's)."""
    return ContainerUnit(UNIT_NAMES.get(_norm(groups["unit"]).split()[-1], "year"), bool(groups.get("fiscal")))


def parse_reported(groups: dict, lex: Lexicon):
    """A results heading: ``Qtr``, ``Year``, ``Nine mths``, ``Six months``, "for qtr", "in half", "Current qtr"."""
    if groups.get("n"):
        count = lex.number(groups["n"])
        return ReportedPeriod(round(count)) if count and 0 < count <= 24 else None
    return ReportedPeriod({"year": 12, "half": 6}.get(_norm(groups["unit"]).split()[-1], 3))


PARSERS: dict[str, Callable] = {
    name[len("parse_") :]: function for name, function in globals().items() if name.startswith("parse_")
}
