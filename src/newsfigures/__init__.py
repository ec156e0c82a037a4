"""newsfigures: the figures of economic news as data.

A spaCy pipeline of rule-based components that finds every percentage, money amount,
count and time period in English news text, normalises it and returns pydantic records.
"""

from __future__ import annotations

from .api import extract, extract_many, load
from .records import Article, ErrorRecord, Mention


def to_dataframe(records):
    """Records as a pandas DataFrame, one row per mention (see :func:`newsfigures.io.frames.to_dataframe`)."""
    from .io.frames import to_dataframe as frame

    return frame(records)


__all__ = ["Article", "ErrorRecord", "Mention", "extract", "extract_many", "load", "to_dataframe"]
__version__ = "0.1.0"
