"""From a rule's match to dates: parsers and period specifications.

A parser (named by a rule's ``parse`` key) turns the named groups of a match
into a *spec* without looking at the context; it returns None when the match is
not a period after all (``February 30``, ``2024-2019``). A spec's ``resolve``
then places it in time using the :class:`ResolutionContext`, and an optional
*container* (the year a link puts it in: ``the third quarter`` *of 2023*).
``resolve`` returns None only when the spec cannot take the container (it names
its own year); an unresolvable period gets ``Resolved(None, None)``.

Conventions (see corpus/GUIDELINES.md, "Normalisation"):
- a month, quarter, half, day or weekday without a year is the latest one that
  starts on or before the publication date P, or the earliest one that ends on
  or after P when its clause points forward; a year named earlier in the same
  sentence takes precedence. A day of a month without a year and without a cue
  either way (``payable Dec. 7``) is the nearest such day, past or future, and
  a past one only if it lies within about ten months of P. Year-to-date periods (``the first nine months``,
  ``H1``, ``January-September``) also need their first month to be over, so
  that in early January they mean last year's.
- ``the past three years`` ends on P, ``the next five years`` starts the day after P.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Protocol

from .calendar import (
    ONE_DAY,
    add_months,
    choose_repetition,
    iso_duration,
    month_end,
    months_range,
    shift_date,
    shift_range,
    step_unit,
    unit_range,
    whole_months,
)
from .context import FiscalConvention, ResolutionContext, Resolved
from .rules import lexicon

Container = tuple[date | None, date | None] | None
UNRESOLVED = Resolved(None, None)
UNIT_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "half": 184, "year": 366, "decade": 3653}


class Spec(Protocol):
    def resolve(self, ctx: ResolutionContext, span: tuple[int, int], container: Container) -> Resolved | None: ...


@dataclass(frozen=True)
class FiscalYear:
    """``fiscal 2024``, ``FY25``, ``FY2023-24``, ``2024-25`` (``second`` set for split names)."""

    first: int
    second: int | None = None
    loose: bool = False  # '2023-2024' without 'fiscal': two calendar years unless a fiscal convention applies
    season: bool = False  # named without 'fiscal' ('1986/87'): a crop year's convention may claim it

    def range(self, convention: FiscalConvention) -> tuple[date, date]:
        if self.second is not None:
            if convention.start_month == 1 and self.loose:
                return date(self.first, 1, 1), date(self.second, 12, 31)
            start_month = convention.start_month
            if start_month == 1:
                start_month = int(lexicon().raw["split_year_default_start_month"])
            return months_range(date(self.first, start_month, 1), 12)
        if convention.start_month == 1:
            return date(self.first, 1, 1), date(self.first, 12, 31)
        start_year = self.first - 1 if convention.named_by == "end" else self.first
        return months_range(date(start_year, convention.start_month, 1), 12)

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        return Resolved(*self.range(ctx.fiscal_convention(span[0], self.season)))


@dataclass(frozen=True)
class RelativeFiscalYear:
    """``this fiscal year`` (0), ``last fiscal year`` (-1), ``the next fiscal year`` (+1); with ``season``,
    ``last campaign``, ``this season``: a period only where a crop year's convention holds."""

    step: int
    season: bool = False

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        conv = ctx.fiscal_convention(span[0], self.season)
        if self.season and not conv.season:
            return None  # "last season" in a story with no crop: a sport's or a shop's season, not a period
        if ctx.published is None:
            return UNRESOLVED
        p = ctx.published
        year = p.year if p.month >= conv.start_month else p.year - 1
        return Resolved(*months_range(date(year + self.step, conv.start_month, 1), 12))


@dataclass(frozen=True)
class Fixed:
    """A period whose dates are written out (``2024``, ``the 1990s``, ``2020-2023``)."""

    start: date
    end: date

    def resolve(self, ctx, span, container):
        return None if container is not None else Resolved(self.start, self.end)


@dataclass(frozen=True)
class InYear:
    """A period inside a year: a month, day, quarter, half, month range or year-to-date run.

    ``offset``/``length`` count months from the year's first month (the fiscal
    year's with ``fiscal``); ``month`` (and ``day``) name a calendar month instead.
    ``year`` is an explicit calendar year (for month ranges: the year of the last month).
    """

    offset: int = 0
    length: int = 1
    month: int | None = None
    day: int | None = None
    fiscal: bool = False
    cumulative: bool = False
    year: int | None = None
    fiscal_year: FiscalYear | None = None

    def _place(self, year_start: date) -> tuple[date, date] | None:
        offset = (self.month - year_start.month) % 12 if self.month else self.offset
        start, end = months_range(add_months(year_start, offset), self.length)
        if self.day is None:
            return start, end
        if self.day > month_end(start.year, start.month).day:
            return None
        day = start.replace(day=self.day)
        return day, day

    def resolve(self, ctx, span, container):
        explicit = self.year is not None or self.fiscal_year is not None
        if container is not None and explicit:
            return None
        if self.fiscal_year is not None:
            container = self.fiscal_year.range(ctx.fiscal_convention(span[0]))
        elif self.year is not None:
            first = self.month or 1
            wraps = self.month is not None and self.month - 1 + self.length - 1 >= 12
            container = (date(self.year - 1 if wraps else self.year, first, 1), None)
        elif container is None:
            anchor = ctx.year_anchor(span[0])
            if anchor is not None:
                container = (anchor.start, anchor.end)
        if container is not None:
            if container[0] is None:
                return UNRESOLVED
            placed = self._place(container[0])
            return Resolved(*placed) if placed else UNRESOLVED
        p = ctx.published
        if p is None:
            return UNRESOLVED
        first_month = 1
        if self.fiscal and not self.month:
            first_month = ctx.fiscal_convention(span[0]).start_month
        elif not self.month:  # "the second quarter" of a company whose results say its year ends in May
            first_month = ctx.reported_year_start() or 1
        candidates = _yearly(self, first_month, p.year)
        if not candidates:
            return UNRESOLVED
        direction = ctx.direction(*span)
        cumulative = self.cumulative and self.length > 1
        return Resolved(*choose_repetition(candidates, p, direction, cumulative, day=self.day is not None))


@lru_cache(maxsize=4096)
def _yearly(spec: InYear, first_month: int, year: int) -> list[tuple[date, date]]:
    """The repetitions of a yearly period around ``year`` (cached: articles repeat their periods)."""
    return [c for c in (spec._place(date(y, first_month, 1)) for y in range(year - 3, year + 2)) if c]


@dataclass(frozen=True)
class RelativeMonth:
    """``last May``, ``next March``, ``this September``, ``this past June``."""

    month: int
    step: int  # -1 last, 0 this, +1 next

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        p = ctx.published
        if p is None:
            return UNRESOLVED
        if self.step == 0:
            return Resolved(*months_range(date(p.year, self.month, 1), 1))
        this_month = date(p.year, p.month, 1)
        candidates = [date(y, self.month, 1) for y in range(p.year - 1, p.year + 2)]
        if self.step < 0:
            return Resolved(*months_range(max(c for c in candidates if c < this_month), 1))
        return Resolved(*months_range(min(c for c in candidates if c > this_month), 1))


@dataclass(frozen=True)
class RelativeUnit:
    """``this year``, ``last month``, ``next week``, ``last quarter``, ``the latest quarter``."""

    unit: str
    step: int

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        if ctx.published is None:
            return UNRESOLVED
        return Resolved(*step_unit(ctx.published, self.unit, self.step))


@dataclass(frozen=True)
class Anchored:
    """``the past three years`` (ends on P) or ``the next five years`` (starts the day after P)."""

    amount: float
    code: str
    forward: bool

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        p = ctx.published
        if p is None:
            return UNRESOLVED
        if self.forward:
            return Resolved(p + ONE_DAY, shift_date(p, self.amount, self.code))
        return Resolved(shift_date(p, -self.amount, self.code) + ONE_DAY, p)


@dataclass(frozen=True)
class Ago:
    """``two years ago``: the calendar unit containing P minus the amount."""

    amount: float
    code: str
    unit: str
    qualifier: str | None = None

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        if ctx.published is None:
            return Resolved(None, None, qualifier=self.qualifier)
        target = shift_date(ctx.published, -self.amount, self.code)
        unit = "year" if self.unit == "decade" else self.unit
        return Resolved(*unit_range(target, unit), qualifier=self.qualifier)


@dataclass(frozen=True)
class Weekday:
    """``Monday``, ``last Friday``, ``next Tuesday``, ``this Monday``."""

    weekday: int
    rel: str | None

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        p = ctx.published
        if p is None:
            return UNRESOLVED
        back = (p.weekday() - self.weekday) % 7
        ahead = (self.weekday - p.weekday()) % 7
        if self.rel == "this":
            day = p - timedelta(days=p.weekday()) + timedelta(days=self.weekday)
        elif self.rel == "last":
            day = p - timedelta(days=back or 7)
        elif self.rel == "next":
            day = p + timedelta(days=ahead or 7)
        elif ctx.points_forward(*span):
            day = p + timedelta(days=ahead)
        else:
            day = p - timedelta(days=back)
        return Resolved(day, day)


@dataclass(frozen=True)
class DayOffset:
    """``today`` (0), ``yesterday`` (-1), ``tomorrow`` (+1)."""

    days: int

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        if ctx.published is None:
            return UNRESOLVED
        day = ctx.published + timedelta(days=self.days)
        return Resolved(day, day)


@dataclass(frozen=True)
class DayRange:
    """``April 5-6``, ``March 2 and 3``: the first day as a date is read, and the days after it to the last."""

    first: Spec
    days: int

    def resolve(self, ctx, span, container):
        start = self.first.resolve(ctx, span, container)
        if start is None or start.start is None:
            return start
        return Resolved(start.start, start.start + timedelta(days=self.days))


SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # first month; three months each


@dataclass(frozen=True)
class Season:
    """``this summer``, ``last autumn``, ``next spring``, ``the summer``, ``winter 1986`` (northern seasons of
    three months; winter runs December to February, ``winter 1987`` the one that ends in 1987). ``step``: 0 the
    one around P (else the nearer of the last and the next), -1 the last that ended before P, +1 the first that
    starts after it."""

    season: str
    step: int = 0
    year: int | None = None

    def _occurrence(self, year: int) -> tuple[date, date]:
        first = SEASON_MONTHS[self.season]
        start = date(year - 1, 12, 1) if first == 12 else date(year, first, 1)
        return months_range(start, 3)

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        if self.year is not None:
            return Resolved(*self._occurrence(self.year))
        p = ctx.published
        if p is None:
            return UNRESOLVED
        seasons = [self._occurrence(y) for y in (p.year - 1, p.year, p.year + 1, p.year + 2)]
        if self.step < 0:
            return Resolved(*[s for s in seasons if s[1] < p][-1])
        later = [s for s in seasons if s[0] > p]
        if self.step > 0:
            return Resolved(*later[0])
        around = [s for s in seasons if s[0] <= p <= s[1]]
        if around:
            return Resolved(*around[0])
        before = [s for s in seasons if s[1] < p][-1]
        return Resolved(*(before if (p - before[1]) < (later[0][0] - p) else later[0]))  # the nearer one


@dataclass(frozen=True)
class Weekend:
    """``last weekend``, ``this past weekend``, ``over the weekend`` (-1: the last Saturday-Sunday that began
    before P); ``this weekend``, ``next weekend`` (+1: the first one that ends on or after P)."""

    step: int

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        if ctx.published is None:
            return UNRESOLVED
        p = ctx.published
        if self.step < 0:
            saturday = p - timedelta(days=(p.weekday() - 5) % 7 or 7)
        else:
            saturday = p + timedelta(days=(5 - p.weekday()) % 7) if p.weekday() != 6 else p - timedelta(days=1)
        return Resolved(saturday, saturday + timedelta(days=1))


UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


def _one_unit_long(start: date, end: date, unit: str) -> bool:
    """Whether ``start..end`` is exactly one ``unit``: seven days for a week, whole months for the others."""
    if unit == "week":
        return (end - start).days == 6
    return unit in UNIT_MONTHS and whole_months(start, end) == UNIT_MONTHS[unit]


def _step_whole(start: date, end: date, unit: str, step: int) -> tuple[date, date]:
    if unit == "week":
        return start + timedelta(days=7 * step), end + timedelta(days=7 * step)
    months = UNIT_MONTHS[unit]
    return months_range(add_months(start, step * months), months)


@dataclass(frozen=True)
class Anaphor:
    """A period defined from the one the sentence is about (else from P).

    ``shift``: move it (``a year earlier``: -12 months; ``the same period last year``);
    ``previous``: the calendar ``unit`` before (after) the one it ends in (``the previous quarter``);
    ``year``: the same period in another year (``the same period of 2023``).
    """

    mode: str
    unit: str = "year"
    months: int = 0
    days: int = 0
    step: int = -1
    year: int | None = None

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        anchor = ctx.anchor(span[0])
        if self.mode == "previous" and anchor is not None and (anchor.end - anchor.start).days >= UNIT_DAYS[self.unit]:
            anchor = None  # "the day after" a decade is not about that decade
        if anchor is None and ctx.published is None:
            return Resolved(None, None, anaphoric=True)
        if anchor is not None:
            start, end = anchor.start, anchor.end
        else:
            start = end = ctx.published
        if self.mode == "previous":
            whole = anchor is not None and _one_unit_long(start, end, self.unit)
            # an anchor one unit long steps as a whole: the week before "the week ended March 7" ends on February 28
            stepped = _step_whole(start, end, self.unit, self.step) if whole else step_unit(end, self.unit, self.step)
            return Resolved(*stepped, anaphoric=True)
        if self.mode == "year":
            if anchor is None:
                return Resolved(None, None, anaphoric=True)
            return Resolved(*shift_range(start, end, months=12 * (self.year - start.year)), anaphoric=True)
        return Resolved(*shift_range(start, end, months=self.months, days=self.days), anaphoric=True)


@dataclass(frozen=True)
class Duration:
    """A length of time with no anchor: ``six months`` -> P6M, ``nearly two years`` -> P2Y."""

    amount: float
    code: str
    qualifier: str | None = None

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        return Resolved(None, None, duration=iso_duration(self.amount, self.code), qualifier=self.qualifier)


@dataclass(frozen=True)
class Decade:
    """``the 1990s``; ``the '90s`` is the latest such decade starting on or before P."""

    digit: int
    century: int | None

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        if self.century is not None:
            first = self.century * 100 + self.digit * 10
        elif ctx.published is None:
            return UNRESOLVED
        else:
            recent = 2000 + self.digit * 10
            first = recent if recent <= ctx.published.year else 1900 + self.digit * 10
        return Resolved(date(first, 1, 1), date(first + 9, 12, 31))
