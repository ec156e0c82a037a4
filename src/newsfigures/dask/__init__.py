"""The same extraction on a Dask cluster, for archives that outgrow one machine (``pip install 'newsfigures[dask]'``).

The data flow::

    paths -> plan_parts (on the client: files listed, balanced into parts by bytes; a big JSONL file,
             gzipped or not, cut into runs of lines)
          -> one task per part on the workers: read its inputs, run the pipeline (loaded once per worker
             process), write ``part-NNNNN.parquet`` (or ``.jsonl``) under a temporary name, then rename it
          -> the part files: a Parquet dataset (or JSONL parts) that pandas, Dask, DuckDB and Spark read.

Every input gives exactly one record, as with ``newsfigures extract`` on one machine; a task lost with its
worker is run again by Dask and rewrites the same part, so nothing is lost and nothing is written twice; with
``resume`` the parts already written are not run again.
"""

from __future__ import annotations

from .parts import Part, plan_parts
from .run import DaskSummary, extract, read_part, records, run_parts

__all__ = ["DaskSummary", "Part", "extract", "plan_parts", "read_part", "records", "run_parts"]
