"""newsfigures: the figures of economic news as data.

A spaCy pipeline of rule-based components that finds every percentage, money amount,
count and time period in English news text, normalises it and returns pydantic records.
"""

from __future__ import annotations

from .api import extract, extract_many, load
from .records import Article, ErrorRecord, Mention

__all__ = ["Article", "ErrorRecord", "Mention", "extract", "extract_many", "load"]
__version__ = "0.1.0"
