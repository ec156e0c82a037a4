"""The quantity stage: percentages, money amounts and counts, read from text without spaCy.

``finder`` runs the stage (``find_quantities``); ``candidates`` finds where numbers are written; ``figure`` reads
a number with its sign, scale and unit, ``money`` its currency; ``ranges`` its qualifier and range; ``counts``
decides its kind; ``series`` gives a bare number the unit said once for its series; ``reading`` is the state of
reading one text; ``grammar`` compiles the lexicons in ``patterns/``; ``numbers`` parses numbers; ``currencies``
merges CLDR's currencies with the hand-written forms; ``cldr`` writes CLDR's table.
"""

from .currencies import currency_tables
from .finder import find_quantities
from .models import QuantityMatch
from .numbers import parse_digits, parse_number, parse_number_words

__all__ = ["QuantityMatch", "currency_tables", "find_quantities", "parse_digits", "parse_number", "parse_number_words"]
