"""The period stage: dates, periods and comparison bases, resolved against the publication date.

``rules`` reads ``patterns/periods/periods.jsonl`` and ``calendar.json``; ``dates`` reads publication dates and
finds an article's dateline; ``finder`` runs the rules, chooses the longest matches, joins and edges them;
``parsers`` turn a match into a spec; ``specs`` resolve a spec in its ``context`` (publication date, the
sentence's direction, fiscal habits); ``calendar`` does date arithmetic; ``cues`` finds direction cues.
"""

from .dates import dateline_span, find_dateline, parse_date
from .finder import BasisMatch, PeriodMatch, find_bases, find_periods

__all__ = ["BasisMatch", "PeriodMatch", "dateline_span", "find_bases", "find_dateline", "find_periods", "parse_date"]
