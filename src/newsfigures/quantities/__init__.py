"""The quantity stage: percentages, money amounts and counts, read from text without spaCy.

``finder`` reads figures (number, scale, unit, currency, qualifier, range, counted noun); ``numbers`` parses
numbers; ``currencies`` merges CLDR's currencies with the hand-written forms; ``cldr`` writes CLDR's table.
"""

from .currencies import currency_tables
from .finder import QuantityMatch, find_quantities
from .numbers import parse_digits, parse_number, parse_number_words

__all__ = ["QuantityMatch", "currency_tables", "find_quantities", "parse_digits", "parse_number", "parse_number_words"]
