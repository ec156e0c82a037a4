"""Running the parts on a Dask cluster: a task per part, each writing its own file atomically."""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import NewsfiguresError
from ..io.batch import extract_records
from ..io.outputs import TABLE_COLUMNS, flat_rows, parquet_schema, typed_row
from ..records import Article, ErrorRecord
from .parts import Part, plan_parts, read_slice

DASK_MISSING = "running on a cluster needs Dask: pip install 'newsfigures[dask]'"
FORMATS = ("parquet", "jsonl")


@dataclass
class DaskSummary:
    """What a cluster run did: parts run and skipped, records and errors written, time."""

    parts: int = 0
    skipped: int = 0
    articles: int = 0
    errors: int = 0
    mentions: int = 0
    words: int = 0
    seconds: float = 0.0
    failed_parts: list[str] = field(default_factory=list)

    def describe(self) -> str:
        skipped = f" ({self.skipped} already written, skipped)" if self.skipped else ""
        failed = f", {len(self.failed_parts)} parts FAILED: {', '.join(self.failed_parts)}" if self.failed_parts else ""
        speed = self.words / self.seconds if self.seconds else 0
        return (
            f"{self.parts} parts{skipped}{failed}: {self.articles} articles, {self.errors} errors, "
            f"{self.mentions} mentions\n{self.seconds:.1f} s, {self.words:,} words, {speed:,.0f} words/s"
        )


def connect(where: str, n_workers: int = 2):
    """A Dask client: ``local`` starts a LocalCluster of ``n_workers`` processes (one thread each); a
    ``tcp://host:8786`` address or a scheduler file (``scheduler.json``) joins an existing cluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise NewsfiguresError(DASK_MISSING) from None
    if where == "local":
        cluster = LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.WARNING
        )
        return Client(cluster)
    if where.endswith(".json") and Path(where).is_file():
        return Client(scheduler_file=where)
    if "://" in where or ":" in where:
        return Client(where)
    raise NewsfiguresError(f"--dask {where}: give 'local', a scheduler address (tcp://host:8786) or a scheduler file")


def run_parts(
    client, paths: Iterable[str | os.PathLike], out: str | os.PathLike, *, fmt: str = "parquet",
    published: str | None = None, resume: bool = False, pattern: str | None = None, part_bytes: int | None = None,
) -> DaskSummary:  # fmt: skip
    """Extract every input under ``paths`` on the cluster into part files under the folder ``out`` (``part_bytes``:
    the size of a part; default: 8 MiB, or smaller so that each worker gets four parts at least)."""
    if fmt not in FORMATS:
        raise NewsfiguresError(f"a cluster run writes parquet or jsonl parts, not {fmt}")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise NewsfiguresError(f"{out}: a cluster run writes a folder of part files; this is a file")
    out.mkdir(exist_ok=True)
    started = time.perf_counter()
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    parts = plan_parts(paths, pattern=pattern, part_bytes=part_bytes, at_least=4 * workers)
    todo = [p for p in parts if not (resume and (out / f"{p.name}.{fmt}").exists())]
    summary = DaskSummary(parts=len(parts), skipped=len(parts) - len(todo))
    futures = [client.submit(write_part, part, str(out), fmt, published, key=f"newsfigures-{part.name}-{fmt}",
                             pure=False, retries=2) for part in todo]  # fmt: skip
    from distributed import as_completed

    for future in as_completed(futures):
        if future.status == "error":
            summary.failed_parts.append(f"{future.key}: {future.exception()}")
            continue
        counts = future.result()
        for key in ("articles", "errors", "mentions", "words"):
            setattr(summary, key, getattr(summary, key) + counts[key])
    summary.seconds = time.perf_counter() - started
    return summary


def write_part(part: Part, out: str, fmt: str, published: str | None) -> dict:
    """Run on a worker: extract one part and write ``out/part-NNNNN.<fmt>`` under a temporary name, then
    rename it (a part is all there or not there; a rerun replaces it whole). Returns the counts."""
    records, words = part_records(part, published)
    final = Path(out) / f"{part.name}.{fmt}"
    staged = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    if fmt == "jsonl":
        with open(staged, "wb") as f:
            for record in records:
                f.write(record.__pydantic_serializer__.to_json(record) + b"\n")
    else:
        _write_parquet(staged, records)
    os.replace(staged, final)
    return {
        "articles": sum(isinstance(r, Article) for r in records),
        "errors": sum(isinstance(r, ErrorRecord) for r in records),
        "mentions": sum(len(r.mentions) for r in records if isinstance(r, Article)),
        "words": words,
    }


def part_records(part: Part, published: str | None) -> tuple[list[Article | ErrorRecord], int]:
    """The records of one part, in input order, with the pipeline of this worker process."""
    inputs = [item for piece in part.slices for item in read_slice(piece)]
    done = list(extract_records([*part.failures, *inputs], nlp=_worker_nlp(), published=published))
    return [d.record for d in done], sum(d.words for d in done)


@lru_cache(maxsize=1)
def _worker_nlp():
    """The pipeline, loaded once per worker process (not shipped with every task)."""
    from ..components.pipeline import load

    return load()


def _write_parquet(path: Path, records: list) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [typed_row(json.loads(json.dumps(row, default=str))) for r in records for row in flat_rows(r)]
    pq.write_table(pa.Table.from_pylist(rows, schema=parquet_schema()), path)


def read_part(path: str | os.PathLike) -> list[dict]:
    """The rows of one part file (for checks and tests)."""
    path = Path(path)
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


def records(paths: Iterable[str | os.PathLike], *, published: str | None = None, pattern: str | None = None):
    """A Dask bag of the Article and error records of every input under ``paths`` (one partition per part)."""
    try:
        import dask.bag as db
        from dask import delayed
    except ImportError:
        raise NewsfiguresError(DASK_MISSING) from None
    parts = plan_parts(paths, pattern=pattern)
    return db.from_delayed([delayed(lambda p: part_records(p, published)[0])(p) for p in parts])


def extract(paths_or_bag, *, published: str | None = None):
    """A Dask DataFrame of mention rows (the CSV columns) for every input under the paths, or of a bag of
    records from :func:`records`; error records and articles without mentions are flagged in ``row``."""
    bag = paths_or_bag if hasattr(paths_or_bag, "map_partitions") else records(paths_or_bag, published=published)
    import pandas as pd

    meta = pd.DataFrame({name: pd.Series(dtype="object") for name in TABLE_COLUMNS})
    return bag.map_partitions(lambda rs: [row for r in rs for row in flat_rows(r)]).to_dataframe(meta=meta)
