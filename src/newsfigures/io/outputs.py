"""Write batch results as JSONL, CSV or Parquet so that a killed run loses nothing and breaks nothing.

Crash safety: records are appended as whole lines to ``OUT.partial``, and after each record its end
offset and source go to a journal, ``OUT.partial.index``. Only a finished run renames the partial file
to ``OUT`` (after an fsync), so ``OUT`` is always complete: a reader never sees a truncated last line.
A killed run leaves the partial file and its journal; ``--resume`` cuts the partial file back to the last
journaled record (dropping a half-written tail), skips every journaled source and appends the rest.
Resuming after a finished run reads the sources from ``OUT`` and adds only new inputs.

JSONL holds one record per input: the Article (``model_dump(mode="json")``) or the error record.
CSV and Parquet are flat, one row per mention (``Article.to_table()``); an article without mentions
still gets one row (empty mention columns), and an error one row with ``error_type``/``error_message``,
so every input is in every format. Parquet rows are spooled as JSON lines and converted at the end.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from ..errors import NewsfiguresError
from ..records import Article, ErrorRecord, Mention

OUTPUT_FORMATS = ("jsonl", "csv", "parquet")
_MENTION_COLUMNS = [name for name in Mention.model_fields if name != "rule"]
TABLE_COLUMNS: tuple[str, ...] = (
    "article_id", "source", "row", "published", "index", *_MENTION_COLUMNS, "rule", "warnings", "error_type",
    "error_message",
)  # fmt: skip
# what a row stands for: a mention; an article that has none (so that every input is still in the table, and
# --resume finds it); an input that could not be read
ROW_KINDS = ("mention", "no_mentions", "error")
_INT_COLUMNS = frozenset({"index", "start", "end", "subject_start", "subject_end", "period_index", "equivalent_of"})
_DECIMAL_COLUMNS = frozenset({"value", "value_high"})
# exact decimals in Parquet: 38 digits, 12 of them after the point (values are decimal strings in JSONL)
DECIMAL_PRECISION, DECIMAL_SCALE = 38, 12
_DATE_COLUMNS = frozenset({"published", "period_start", "period_end"})
PARQUET_MISSING = "Parquet output needs pyarrow: pip install 'newsfigures[parquet]' (or write --format jsonl or csv)"

Record = Article | ErrorRecord


def flat_rows(record: Record) -> list[dict]:
    """The flat rows of one record: one per mention, or one for an article without mentions or an error."""
    if isinstance(record, ErrorRecord):
        return [
            {"source": record.source, "row": "error", "error_type": record.error.type, "error_message": record.error.message}
        ]
    warnings = "; ".join(record.warnings) or None
    rows = record.to_table()
    for row in rows:
        row["row"] = "mention"
    if not rows:
        rows = [{"article_id": record.id, "source": record.source, "row": "no_mentions", "published": record.published}]
    for row in rows:
        row["warnings"] = warnings
    return rows


def record_source(record: Record) -> str:
    """The resume key of a record: its source."""
    return record.source or ""


class RecordWriter:
    """Appends records to ``OUT.partial`` in whole lines, journals them, renames to ``OUT`` on :meth:`commit`.

    ``done`` holds the sources already written (when resuming); the caller skips them.
    """

    def __init__(self, out: str | os.PathLike, fmt: str, *, resume: bool = False):
        self.out = Path(out)
        self.format = _FORMATS[fmt]()
        self.partial = self.out.with_name(self.out.name + ".partial")
        self.journal_path = self.out.with_name(self.out.name + ".partial.index")
        self.done: set[str] = set()
        self.previous: Path | None = None  # a finished OUT whose rows a Parquet resume carries over
        self.out.parent.mkdir(parents=True, exist_ok=True)
        offset = self._read_journal() if resume and self.partial.exists() and self.journal_path.exists() else None
        if offset is not None:
            with open(self.partial, "r+b") as f:
                f.truncate(offset)
        elif resume and self.out.exists():
            self.done = self.format.sources_in(self.out)
            self._start_fresh(carry=True)
        else:
            self._start_fresh()
        # Kept open across write() calls until commit() or close(): no context manager fits.
        self._file = open(self.partial, "ab")  # noqa: SIM115
        self._journal = open(self.journal_path, "a", encoding="utf-8")  # noqa: SIM115
        self._offset = self._file.tell()

    def _start_fresh(self, carry: bool = False) -> None:
        """A new partial file: the header, or a copy of the finished ``OUT`` when resuming after a finished run."""
        self.journal_path.unlink(missing_ok=True)  # a stale journal must never describe the new partial file
        if carry and self.format.copy_on_resume:
            shutil.copyfile(self.out, self.partial)
        else:
            self.partial.write_bytes(b"" if carry else self.format.header())
            self.previous = self.out if carry else None
        head = {"start": self.partial.stat().st_size, "carry": self.previous is not None}
        self._write_journal(head, [(head["start"], source) for source in sorted(self.done)])

    def _write_journal(self, head: dict, entries: list[tuple[int, str]]) -> None:
        """Replace the journal whole (write a temporary file, then rename)."""
        lines = [json.dumps(head)] + [json.dumps(list(e), ensure_ascii=False) for e in entries]
        staged = self.journal_path.with_name(self.journal_path.name + ".tmp")
        staged.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        os.replace(staged, self.journal_path)

    def _read_journal(self) -> int | None:
        """The end offset of the last record both journaled and wholly in the partial file, collecting
        the sources into ``done``; the journal is rewritten without its torn tail. None if the journal
        lacks its first line (start afresh)."""
        size = self.partial.stat().st_size
        head, kept = None, []
        for line in self.journal_path.read_bytes().splitlines(keepends=True):
            try:
                entry = json.loads(line) if line.endswith(b"\n") else None
                if head is None:
                    head = {"start": int(entry["start"]), "carry": bool(entry["carry"])}
                elif int(entry[0]) <= size:
                    kept.append((int(entry[0]), str(entry[1])))
            except (ValueError, TypeError, KeyError, IndexError):
                break
        if head is None or head["start"] > size:
            return None
        self.previous = self.out if head["carry"] else None
        self.done = {source for _, source in kept}
        self._write_journal(head, kept)
        return max([head["start"], *(end for end, _ in kept)])

    def write(self, record: Record) -> None:
        """Append one record (whole lines, flushed) and journal it."""
        data = self.format.encode(record)
        self._file.write(data)
        self._file.flush()
        self._offset += len(data)
        self._journal.write(json.dumps([self._offset, record_source(record)], ensure_ascii=False) + "\n")
        self._journal.flush()
        self.done.add(record_source(record))

    def commit(self) -> None:
        """Finish: fsync and rename the partial file to ``OUT`` (Parquet: convert the spool first)."""
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        self._journal.close()
        staged = self.format.staged(self.partial, self.out, self.previous)
        # Journal first: killed between the two steps, a resume redoes work but never duplicates it.
        self.journal_path.unlink(missing_ok=True)
        os.replace(staged, self.out)
        if staged != self.partial:
            self.partial.unlink()

    def close(self) -> None:
        """Stop without committing: the partial file and journal stay for ``--resume``."""
        for f in (self._file, self._journal):
            if not f.closed:
                f.close()


class StreamWriter:
    """Writes JSONL or CSV records to a text stream (stdout), flushing each; nothing to resume."""

    def __init__(self, stream: TextIO, fmt: str):
        if fmt == "parquet":
            raise NewsfiguresError("Parquet cannot go to stdout: name an output file with -o")
        self.stream = stream
        self.format = _FORMATS[fmt]()
        self.done: set[str] = set()
        self.stream.write(self.format.header().decode("utf-8"))

    def write(self, record: Record) -> None:
        """Write one record and flush."""
        self.stream.write(self.format.encode(record).decode("utf-8"))
        self.stream.flush()

    def commit(self) -> None:
        """Flush the stream."""
        self.stream.flush()

    def close(self) -> None:
        """Nothing to clean up."""


_SUFFIX_FORMATS = {".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def format_for(out: str | os.PathLike, fmt: str | None = None) -> str:
    """The output format: ``fmt`` if given, else the one ``out``'s extension names (``.csv``, ``.parquet``,
    ``.jsonl``), else JSONL. A format that contradicts the extension is refused (CSV rows written to a .parquet file
    would be a trap)."""
    named = _SUFFIX_FORMATS.get(Path(str(out)).suffix.lower()) if str(out) != "-" else None
    if fmt and named and fmt != named:
        raise NewsfiguresError(f"{out}: the extension says {named} but --format says {fmt}: change one of them")
    return fmt or named or "jsonl"


def check_output(out: str | os.PathLike, *, force: bool = False, resume: bool = False) -> None:
    """Refuse, before any work, an output that cannot be written: a folder, a file in a folder that does not
    exist, or an existing file without ``force`` or ``resume``."""
    if str(out) == "-":
        return
    path = Path(out)
    if path.is_dir():
        raise NewsfiguresError(f"{out}: is a folder; give a file name for the output")
    if not path.parent.is_dir():
        raise NewsfiguresError(f"{out}: the folder {path.parent} does not exist")
    if path.exists() and not (force or resume):
        raise NewsfiguresError(f"{out}: exists; use --force to overwrite it or --resume to add to it")
    if not os.access(path.parent, os.W_OK):
        raise NewsfiguresError(f"{out}: cannot write to the folder {path.parent}")


def open_writer(out: str | os.PathLike, fmt: str = "jsonl", *, resume: bool = False) -> RecordWriter | StreamWriter:
    """A writer for ``out`` (a path, or ``-`` for stdout) in ``fmt``; raises NewsfiguresError for impossible requests."""
    if fmt not in _FORMATS:
        raise NewsfiguresError(f"unknown output format {fmt!r}: choose one of {', '.join(OUTPUT_FORMATS)}")
    if fmt == "parquet":
        _pyarrow()
    if str(out) == "-":
        if resume:
            raise NewsfiguresError("--resume needs an output file (-o OUT), not stdout")
        return StreamWriter(sys.stdout, fmt)
    try:
        return RecordWriter(out, fmt, resume=resume)
    except OSError as err:
        raise NewsfiguresError(f"{out}: cannot write output: {err.strerror or err}") from None


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise NewsfiguresError(PARQUET_MISSING) from None
    return pyarrow


# --- formats ----------------------------------------------------------------------------------


class _Jsonl:
    copy_on_resume = True

    def header(self) -> bytes:
        return b""

    def encode(self, record: Record) -> bytes:
        # What model_dump_json gives, as bytes straight away (no str copy of a long article). JSON escapes
        # newlines, so the only b"\n" is the one that ends the record.
        return record.__pydantic_serializer__.to_json(record) + b"\n"

    def sources_in(self, path: Path) -> set[str]:
        sources = set()
        with open(path, "rb") as f:
            for line in f:
                if line.endswith(b"\n"):
                    sources.add(json.loads(line).get("source") or "")
        return sources

    def staged(self, partial: Path, out: Path, previous: Path | None) -> Path:
        return partial


class _Csv:
    copy_on_resume = True

    def header(self) -> bytes:
        return self._lines([dict(zip(TABLE_COLUMNS, TABLE_COLUMNS))])

    def encode(self, record: Record) -> bytes:
        return self._lines(flat_rows(record))

    def _lines(self, rows: list[dict]) -> bytes:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=TABLE_COLUMNS, lineterminator="\n")
        writer.writerows({k: _csv_cell(v) for k, v in row.items()} for row in rows)
        return buffer.getvalue().encode("utf-8")

    def sources_in(self, path: Path) -> set[str]:
        with open(path, encoding="utf-8", newline="") as f:
            return {row["source"] for row in csv.DictReader(f)}

    def staged(self, partial: Path, out: Path, previous: Path | None) -> Path:
        return partial


def _csv_cell(value) -> str:
    return "" if value is None else str(value)


class _Parquet:
    """Rows are spooled as JSON lines in the partial file and written as Parquet by :meth:`staged`."""

    copy_on_resume = False
    batch_rows = 10_000

    def header(self) -> bytes:
        return b""

    def encode(self, record: Record) -> bytes:
        return b"".join(json.dumps(row, default=str).encode("utf-8") + b"\n" for row in flat_rows(record))

    def sources_in(self, path: Path) -> set[str]:
        import pyarrow.parquet as pq

        return set(pq.read_table(path, columns=["source"]).column("source").to_pylist())

    def schema(self):
        pa = _pyarrow()
        types = {name: pa.string() for name in TABLE_COLUMNS}
        types.update({name: pa.int64() for name in _INT_COLUMNS})
        types.update({name: pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE) for name in _DECIMAL_COLUMNS})
        types.update({name: pa.date32() for name in _DATE_COLUMNS})
        return pa.schema([(name, types[name]) for name in TABLE_COLUMNS])

    def staged(self, partial: Path, out: Path, previous: Path | None) -> Path:
        """Write the Parquet file beside ``out``: the rows of ``previous`` (a resumed finished run), then the spool."""
        pa = _pyarrow()
        import pyarrow.parquet as pq

        schema = self.schema()
        staged = out.with_name(out.name + ".partial.parquet")
        with pq.ParquetWriter(staged, schema) as writer:
            if previous is not None:
                for batch in pq.ParquetFile(previous).iter_batches(batch_size=self.batch_rows):
                    writer.write_table(pa.Table.from_batches([batch]).cast(schema))
            for rows in _batches(_spooled_rows(partial), self.batch_rows):
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        return staged


def _spooled_rows(path: Path) -> Iterator[dict]:
    with open(path, "rb") as f:
        for line in f:
            yield typed_row(json.loads(line))


def typed_row(row: dict) -> dict:
    """A flat row as Parquet stores it: values as exact decimals, dates as dates (from their JSON strings)."""
    for name in _DECIMAL_COLUMNS & row.keys():
        row[name] = None if row[name] is None else Decimal(str(row[name]))
    for name in _DATE_COLUMNS & row.keys():
        row[name] = None if row[name] is None else date.fromisoformat(str(row[name]))
    return row


def parquet_schema():
    """The Arrow schema of the table rows (``TABLE_COLUMNS``)."""
    return _Parquet().schema()


def _batches(rows: Iterator[dict], size: int) -> Iterator[list[dict]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_FORMATS = {"jsonl": _Jsonl, "csv": _Csv, "parquet": _Parquet}
