"""Articles in and records out: reading inputs (files, folders, JSONL and gzipped collections), the batch run behind
``newsfigures extract``, the writers (JSONL, CSV, Parquet) and the ``show`` page."""

from .inputs import ArticleInput, InputFailure, read_inputs
from .outputs import open_writer

__all__ = ["ArticleInput", "InputFailure", "open_writer", "read_inputs"]
