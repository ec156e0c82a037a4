"""Period specifications of what a text states by an end or by the report it is: a stretch to a day ("the
three months to November", "the quarter ended Sept. 30"), the container a unit word names ("the year", "the
quarter"), a results heading ("Qtr", "Nine mths", "Qtr ends Jan 30") and a year's edge ("year-end").
See :mod:`newsfigures.periods.specs` for the conventions and the other specs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .calendar import ONE_DAY, apply_edge, months_ending, reported_range, shift_date, shift_range, step_unit, unit_range
from .specs import UNRESOLVED, RelativeFiscalYear, Resolved


@dataclass(frozen=True)
class SpanTo:
    """``the three months to November``, ``the fiscal year ended March 31``, ``the week to Friday``."""

    amount: float
    code: str
    end_text: str
    ended: bool = False  # "ended March 31": the end date is in the past

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        ctx.assumed_direction = "past" if self.ended else None
        try:
            inner = ctx.resolve_inner(self.end_text, ctx, span)  # the end date, read with the same rules
        finally:
            ctx.assumed_direction = None
        if inner is None:
            return None
        if inner.end is None:
            return UNRESOLVED
        last = inner.end
        if self.code in ("M", "Q", "Y") and ctx.reported_end is None:
            # "the third quarter ended January 31", "the three months to January": the story's "nine months" and
            # "the three months" end then
            ctx.reported_end = last
        if self.code in ("D", "W"):
            return Resolved(shift_date(last, -self.amount, self.code) + ONE_DAY, last)
        return Resolved(*months_ending(last, round(self.amount * (12 if self.code == "Y" else 1))))



@dataclass(frozen=True)
class ToDate:
    """``year-to-date``, ``so far this year``: from the start of P's ``unit`` to P."""

    unit: str

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        if ctx.published is None:
            return UNRESOLVED
        return Resolved(unit_range(ctx.published, self.unit)[0], ctx.published)


@dataclass(frozen=True)
class ContainerUnit:
    """``the year``, ``the quarter``, ``the fiscal year``, ``the full year``: the sentence's, else P's.

    Without a period in the sentence, ``the quarter`` and ``the month`` are the last completed
    ones (what results are reported for) unless the clause points forward.
    """

    unit: str
    fiscal: bool = False

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        if self.unit == "year":
            anchor = ctx.year_anchor(span[0])
            if anchor is not None:
                return Resolved(anchor.start, anchor.end)
        else:
            anchor = ctx.anchor(span[0])
            if anchor is not None and anchor.start is not None:
                same = step_unit(anchor.end, self.unit, 0)
                if same[0] <= anchor.start:
                    return Resolved(*same)
        if ctx.published is None:
            return UNRESOLVED
        if ctx.reported_seen and self.unit in ("quarter", "year") and not self.fiscal:
            # a note under a results table: "earnings were raised ... for the year"
            return ReportedPeriod(3 if self.unit == "quarter" else 12).resolve(ctx, span, None)
        if self.unit == "year" and (self.fiscal or ctx.reported_year_start() or ctx.stated_year_start()):
            # "the full year" of a company's results; "the year" of a story that states its year ("the year ending
            # March 31")
            return RelativeFiscalYear(0).resolve(ctx, span, None)
        if self.unit in ("quarter", "month") and ctx.direction(*span) != "forward":
            # "lower earnings for the quarter": the latest quarter reported on, i.e. the last one completed
            return Resolved(*step_unit(ctx.published, self.unit, -1))
        return Resolved(*unit_range(ctx.published, self.unit))


@dataclass(frozen=True)
class ReportedPeriod:
    """A results heading with no end date (``Qtr``, ``Nine mths``, ``Year``, "for qtr"): the ``months`` months
    ending with the last quarter that ended before P, the period a report published on P covers. A year
    reported in the first half of P's year is the calendar year before (most years end in December and their
    results come out by spring)."""

    months: int

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        ctx.reported_seen = True
        if ctx.reported_end is not None:  # a heading above ("Qtr ends Jan 30", "Year"): the table's periods end then
            start, end = months_ending(ctx.reported_end, self.months)
        elif ctx.published is None:
            return UNRESOLVED
        else:
            start, end = reported_range(ctx.published, self.months)
            ctx.reported_end = end
        opening = ctx.opening_year(span[0])
        if opening is not None and opening.end.year == end.year - 1:
            # a note on the year before: "1985 operating losses exclude ... in quarter and ... in year"
            return Resolved(*shift_range(start, end, months=-12))
        return Resolved(start, end)


@dataclass(frozen=True)
class ReportedEnd:
    """A results heading that states its end (``Qtr ends Jan 30``, ``Period ended May 31``): the period of
    that length to that day, whose end the table's later headings and notes share."""

    span_to: SpanTo

    def resolve(self, ctx, span, container):
        resolved = self.span_to.resolve(ctx, span, container)
        if resolved is not None and resolved.end is not None:
            ctx.reported_seen, ctx.reported_end = True, resolved.end
        return resolved


@dataclass(frozen=True)
class YearPoint:
    """``year-end`` (31 December) and ``mid-year`` (June-July) of a named year, the sentence's year, or P's."""

    edge: str
    year: int | None = None

    def resolve(self, ctx, span, container):
        if container is not None:
            return None
        year = self.year
        if year is None:
            anchor = ctx.year_anchor(span[0])
            stated = ctx.stated_year_start() if anchor is None and ctx.published else None
            if stated is not None and self.edge == "end":  # "by the year-end" of a financial year to June
                return Resolved(*(RelativeFiscalYear(0).resolve(ctx, span, None).end,) * 2)
            year = anchor.start.year if anchor is not None else (ctx.published.year if ctx.published else None)
            if anchor is None and year is not None and self.edge == "end" and ctx.direction(*span) == "backward":
                year -= 1  # "year-end assets were 11.1 billion": a year's end told in the past is the last one
        if year is None:
            return UNRESOLVED
        return Resolved(*apply_edge(self.edge, date(year, 1, 1), date(year, 12, 31), ctx.published))
