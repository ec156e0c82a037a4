"""Which fiscal year a period means: the conventions of ``patterns/periods/calendar.json`` and the habits of one text.

A text's fiscal year is the one it states ("the financial year to June 30"), else the one its country cues
point to (the nearest cue in the period's sentence, else the most frequent in the text), else the calendar
year (:class:`FiscalHabits`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import regex

from ..resources import per_patterns
from .rules import lexicon


@dataclass(frozen=True, slots=True)
class FiscalConvention:
    """When a country's fiscal year starts and which calendar year names it."""

    name: str
    start_month: int
    named_by: str  # "start" | "end"
    season: bool = False  # a crop or marketing year: it names split years ("1986/87") and seasons, never "fiscal"


_MONTH_NUMBERS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
# "(the|its) (fiscal|financial) year to/ended/ending/ends (in|on) June 30", "for the year to June 30",
# "fiscal 1987 ending June 30", "fiscal 1987/88 starting next October"
_STATED_FISCAL = regex.compile(
    r"\b(?:(?:fiscal|financial)\s++(?:year(?:\s++(?:19|20)\d\d(?:/\d\d)?(?!\d))?|(?:19|20)\d\d(?:/\d\d)?(?!\d))"
    r"|(?:for|in)\s++the\s++year)\s++(?:that\s++|which\s++)?"
    r"(?:to|ended|ending|ends|end|(?<=(?:fiscal|financial)\s++(?:year|(?:19|20)\d\d)[\w/\s]{0,12}?)"
    r"(?P<start>began|begins|begin|started|starts|start|starting|beginning|runs\s++from))\s++(?:in\s++|on\s++|next\s++)?"
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\b",
    regex.IGNORECASE,
)


# a results period with its end, which says where the company's year ends: "the third quarter ended January 31"
# (a year to April), "the first half ended November 30" and "the first nine months ended February 28" (to May),
# "the full year ended May 31" (three or six months only after "first": "the six months ended March" may be any
# half year, a rolling one in a macro story)
_REPORTED_FISCAL = regex.compile(
    r"\b(?:(?P<quarter>first|second|third|fourth|1st|2nd|3rd|4th)\s++(?:fiscal\s++)?(?:quarter|qtr)"
    r"|(?P<half>first|second)\s++half|(?:first\s++(?P<months>three|six|nine|3|6|9)|(?P<months>nine|9))\s++(?:months|mths)"
    r"|(?P<year>full\s++year))\s++(?:ended|ending)\s++(?:on\s++)?"
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    regex.IGNORECASE,
)
# a year ended or ending on a day: "the year ending March 31"
_ENDED_ON_A_DAY = regex.compile(r"(?:for|in)\s++the\s++year\s++(?:ended|ending)\s++[A-Za-z]++\.?\s++\d{1,2}\b", regex.IGNORECASE)
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_MONTH_COUNTS = {"three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9}


def _months_to_year_end(m: regex.Match) -> int:
    """How many months after the end of the period matched its year ends."""
    if m["quarter"]:
        return 3 * (4 - _ORDINALS[m["quarter"].lower()])
    if m["half"]:
        return 6 * (2 - _ORDINALS[m["half"].lower()])
    if m["months"]:
        return 12 - _MONTH_COUNTS[m["months"].lower()]
    return 0


@per_patterns
def fiscal_conventions() -> tuple[dict[str, FiscalConvention], regex.Pattern]:
    """The fiscal-year conventions by name, and the pattern of their country cues (one named group each)."""
    conventions = {}
    cue_groups = []
    for name, spec in lexicon().raw["fiscal_conventions"].items():
        if name.startswith("_"):
            continue
        conventions[name] = FiscalConvention(
            name, int(spec["start_month"]), spec["named_by"], bool(spec.get("season", False))
        )
        if spec["cues"]:
            cue_groups.append(f"(?P<{name}>(?<!\\w)(?:{'|'.join(spec['cues'])})(?!\\w))")
    # no convention has cues: a pattern that never matches
    return conventions, regex.compile("|".join(cue_groups) if cue_groups else "(?!)")


class FiscalHabits:
    """The fiscal-year conventions of one text (see the module docstring).

    ``cue_matches``: the matches of the cue pattern of :func:`fiscal_conventions` over the text, if the caller
    found them already (the period finder does, in its pass over the text); else they are found here.
    ``sentence``: the sentence ``(start, end)`` around an offset.
    """

    def __init__(self, text: str, sentence: Callable[[int], tuple[int, int]], cue_matches: list | None = None):
        self.text = text
        self._sentence = sentence
        self._cue_matches = cue_matches

    @cached_property
    def _cues(self) -> list[tuple[int, str]]:
        matches = self._cue_matches
        if matches is None:
            matches = fiscal_conventions()[1].finditer(self.text)
        return [(m.start(), m.lastgroup) for m in matches]

    @cached_property
    def reported(self) -> FiscalConvention | None:
        """The year a company's results period with its end implies ("the third quarter ended January 31": a year
        to April), when it is not the calendar year: the year the story's unqualified quarters, halves and "full
        year" belong to."""
        m = _REPORTED_FISCAL.search(self.text)
        if m is None:
            return None
        month = (_MONTH_NUMBERS[m["month"][:3].lower()] + _months_to_year_end(m) - 1) % 12 + 1
        return None if month == 12 else FiscalConvention(f"stated_{month}", month % 12 + 1, "end")

    @cached_property
    def stated(self) -> FiscalConvention | None:
        """A fiscal year the article defines: "the financial year to June 30", "its fiscal year ends in
        March", "the year ended September 30" (with "fiscal" said somewhere) - named by its end year; else the
        one its results imply (:attr:`reported`)."""
        m = _STATED_FISCAL.search(self.text)
        said = m is not None and ("fiscal" in self.text.lower() or "financial year" in self.text.lower())
        if m is not None and not said and _ENDED_ON_A_DAY.match(self.text, m.start(), m.end() + 4):
            said = True  # "in the year ending March 31": a company's year; not "inflation in the year to March"
        if not said:
            return self.reported
        month = _MONTH_NUMBERS[m["month"][:3].lower()]
        if m["start"]:  # "whose fiscal year began on March 1": the year ends the month before
            month = (month - 2) % 12 + 1
        if month == 12:
            return None  # a year to December is the calendar year
        return FiscalConvention(f"stated_{month}", month % 12 + 1, "end")

    def convention(self, position: int, season: bool = False) -> FiscalConvention:
        """The fiscal-year convention for a period at ``position``: the one the article states, else the
        one its country cues point to, else the calendar year. ``season``: the period is a split year or a
        season named without "fiscal" ("the 1986/87 campaign", "last season"), which a crop year's cues
        ("sowings", "harvested") may also claim."""
        cued = self._cued(position, season)
        stated = self.stated
        if stated is None or stated.start_month == cued.start_month:
            return cued  # the country's convention also says how its years are named ("fiscal 2024" in Japan)
        return stated

    def _cued(self, position: int, season: bool) -> FiscalConvention:
        conventions = fiscal_conventions()[0]
        cues = self._cues if season else [(pos, name) for pos, name in self._cues if not conventions[name].season]
        if not cues:
            return conventions["calendar"]
        sent_start, sent_end = self._sentence(position)
        near = [(abs(pos - position), name) for pos, name in cues if sent_start <= pos < sent_end]
        if near:
            return conventions[min(near)[1]]
        counts = Counter(name for _, name in cues)
        return conventions[counts.most_common(1)[0][0]]
