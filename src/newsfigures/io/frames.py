"""Records as a pandas DataFrame: one row per mention, with numeric values and real dates, for analysis."""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import NewsfiguresError
from ..records import Article, ErrorRecord
from .outputs import TABLE_COLUMNS

PANDAS_MISSING = "to_dataframe needs pandas: pip install 'newsfigures[dataframe]'"
_INTS = ("index", "start", "end", "subject_start", "subject_end", "period_index", "equivalent_of")
_FLOATS = ("value", "value_high")
_DATES = ("published", "period_start", "period_end")
_CATEGORIES = ("kind", "unit", "role", "direction", "basis", "indicator")


def to_dataframe(records: Article | Iterable[Article | ErrorRecord]):
    """One row per mention of ``records`` (an Article, or Articles and error records as ``extract_many`` or a
    JSONL file gives them): ``value`` and ``value_high`` as floats (the exact decimals stay in the records and in
    Parquet), offsets and indices as nullable integers, dates as datetimes, kinds and units as categories.

    Articles without mentions and error records are not rows; their sources are listed in
    ``df.attrs["without_mentions"]`` and ``df.attrs["errors"]``."""
    try:
        import pandas as pd
    except ImportError:
        raise NewsfiguresError(PANDAS_MISSING) from None
    items = [records] if isinstance(records, Article) else list(records)
    rows, without, errors = [], [], []
    for item in items:
        if isinstance(item, ErrorRecord):
            errors.append(item.source)
        elif item.mentions:
            rows.extend(item.to_table())
        else:
            without.append(item.source or item.id)
    columns = [c for c in TABLE_COLUMNS if c not in ("row", "warnings", "error_type", "error_message")]
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for name in _FLOATS:
        frame[name] = pd.to_numeric(frame[name].map(lambda v: None if v is None else float(v)), errors="coerce")
    for name in _INTS:
        frame[name] = frame[name].astype("Int64")
    for name in _DATES:
        frame[name] = pd.to_datetime(frame[name])
    for name in _CATEGORIES:
        frame[name] = frame[name].astype("category")
    frame.attrs["without_mentions"] = without
    frame.attrs["errors"] = errors
    return frame
