"""Batch extraction: read inputs, run the pipeline over them in order, write one record per input.

    run_extract(paths, out=...)
      -> read_inputs: ArticleInput or InputFailure, in order (``inputs.py``)
      -> extract_records: each text split into ~100k-character chunks at paragraph breaks, all chunks
         streamed through ``nlp.pipe`` (``n_process`` workers), chunk offsets shifted and merged
         into one Article; a component that fails on one article yields an error record, not a crash
      -> a RecordWriter (``outputs.py``), a progress bar and a BatchSummary

The Python-level pieces (:func:`extract_records`, :func:`split_text`) are what ``extract_many`` does, plus
chunking, failure isolation and error records; the CLI command ``newsfigures extract`` wraps :func:`run_extract`.
"""

from __future__ import annotations

import gzip
import multiprocessing as mp
import os
import signal
import sys
import time
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.util import raise_error

from ..components.pipeline import load, make_doc
from ..components.convert import doc_to_article
from ..errors import ComponentError
from .inputs import ArticleInput, InputFailure, check_published, find_files, input_format, read_found
from .outputs import open_writer
from ..records import KINDS, Article, ErrorInfo, ErrorRecord, Mention

CHUNK_CHARS = 20_000  # see split_text
BATCH_SIZE = 32
Record = Article | ErrorRecord


def split_text(text: str, max_chars: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into ``(start, end)`` pieces of at most ``max_chars`` characters that cover it exactly.

    Each cut is at the last paragraph break in the second half of the window, else the last line
    break, sentence end or space; text with none of these (a 10 MB line of digits) is cut hard.
    Linear in ``len(text)``: each window is searched once, from the right.

    The default of 20,000 characters rather than 100,000: some stages cost more than linear time in
    the number of figures in one Doc, so a figure-dense 1 MB text ran in 17 s in 100k pieces and in
    12 s in 20k pieces, with the same mentions; smaller Docs also hold less memory in a batch.
    """
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    pieces, start, size = [], 0, len(text)
    while size - start > max_chars:
        low, high = start + max_chars // 2, start + max_chars
        cut = high
        for separator in ("\n\n", "\n", ". ", " "):
            found = text.rfind(separator, low, high)
            if found != -1:
                cut = found + len(separator)
                break
        pieces.append((start, cut))
        start = cut
    pieces.append((start, size))
    return pieces


@dataclass(slots=True)
class _Pending:
    """An input on its way through the pipeline: its chunks and the Articles they have given so far."""

    index: int
    item: ArticleInput | InputFailure
    pieces: list[tuple[int, int]] = field(default_factory=list)
    done: int = 0  # chunks converted
    first: Article | None = None  # the first chunk's Article (title, published...)
    mentions: list[Mention] = field(default_factory=list)  # all chunks' mentions, offsets into the whole text
    words: int = 0
    error: str | None = None


@dataclass(slots=True)
class Extracted:
    """One input's outcome: the record to write, the input it came from and the tokens processed."""

    record: Record
    item: ArticleInput | InputFailure
    words: int = 0


def extract_records(
    inputs: Iterable[ArticleInput | InputFailure],
    *,
    nlp: Language | None = None,
    published: date | str | None = None,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[Extracted]:
    """One :class:`Extracted` per input, in input order, streaming with bounded memory.

    Failures pass through as error records; long texts are processed in chunks (offsets stay
    into the whole text); an article the pipeline fails on becomes a ``pipeline_error`` record.
    With ``n_process > 1`` batches of articles go to worker processes (see ``_extract_in_workers``).
    """
    nlp = nlp or load()
    default_published = published.isoformat() if isinstance(published, date) else None
    if isinstance(published, str):
        default_published = check_published(published)
    if n_process > 1:
        yield from _extract_in_workers(inputs, nlp, default_published, n_process, chunk_chars)
        return
    queue: deque[_Pending] = deque()
    with _failures_marked(nlp):
        docs = _chunk_docs(inputs, queue, nlp, default_published, chunk_chars)
        yield from _merge_chunks(nlp.pipe(docs, as_tuples=True, batch_size=batch_size), queue)


def _chunk_docs(
    inputs: Iterable[ArticleInput | InputFailure],
    queue: deque[_Pending],
    nlp: Language,
    default_published: str | None,
    chunk_chars: int,
) -> Iterator[tuple]:
    """``(Doc, (index, chunk))`` for each chunk of each input, in order, for ``nlp.pipe(as_tuples=True)``.

    Every input is put on ``queue`` as a :class:`_Pending` as it is read (an InputFailure gives no Doc);
    a long text with no publication date takes the dateline date of its first chunk; an input whose
    chunks cannot be made gets its ``error`` set instead of stopping the batch.
    """
    for index, item in enumerate(inputs):
        pending = _Pending(index, item)
        queue.append(pending)
        if isinstance(item, InputFailure):
            continue
        try:
            pending.pieces = split_text(item.text, chunk_chars)
            doc_published = item.meta.get("published") or default_published
            if len(pending.pieces) > 1 and not doc_published:
                doc_published = _dateline_date(item.text[: pending.pieces[0][1]])
            for chunk, (start, end) in enumerate(pending.pieces):
                text = item.text if len(pending.pieces) == 1 else item.text[start:end]
                meta = {"source": item.source, **item.meta} if chunk == 0 else None
                yield make_doc(nlp, text, published=doc_published, meta=meta), (index, chunk)
        except Exception as err:  # noqa: BLE001 - one bad article must not stop the batch
            pending.error = f"{type(err).__name__}: {err}"


def _merge_chunks(stream: Iterable[tuple], queue: deque[_Pending]) -> Iterator[Extracted]:
    """One :class:`Extracted` per input on ``queue``, in order, from the processed chunks of ``stream``.

    Each Doc's Article is added to its input's :class:`_Pending` (a Doc a component failed on, or one
    that cannot be converted, sets the input's ``error``); an input is finished after its last chunk, and
    one whose Docs did not all come (a read failure, chunks that could not be made, a Doc dropped by the
    pipeline) when a later input's Doc arrives or the stream ends.
    """
    for doc, (index, chunk) in stream:
        while queue[0].index < index:
            yield _finish(queue.popleft())
        pending = queue[0]
        pending.words += len(doc)
        failure = doc.user_data.get(_FAILED_KEY)
        if failure:
            pending.error = failure
        elif pending.error is None:
            try:
                _add_chunk(pending, chunk, doc_to_article(doc))
            except Exception as err:  # noqa: BLE001 - e.g. a mention whose offsets do not fit
                pending.error = f"{type(err).__name__}: {err}"
        if chunk == len(pending.pieces) - 1:
            yield _finish(queue.popleft())
    while queue:
        yield _finish(queue.popleft())


def _dateline_date(head: str) -> str | None:
    from ..periods.dates import find_dateline

    found = find_dateline(head)
    return found.isoformat() if found else None


def _add_chunk(pending: _Pending, chunk: int, part: Article) -> None:
    """Keep one chunk's result: its mentions shifted into the whole text at once (the chunk's
    own Article and text are dropped, so a long text holds its mentions only once)."""
    pending.done += 1
    if len(pending.pieces) == 1:
        pending.first = part
        return
    if chunk == 0:
        pending.first = part.model_copy(update={"text": "", "mentions": []})
    pending.mentions.extend(shift_mentions(part.mentions, pending.pieces[chunk][0], len(pending.mentions)))


def shift_mentions(mentions: list[Mention], offset: int, base: int) -> list[Mention]:
    """Mentions of a chunk that starts at ``offset`` in the whole text, as mentions of the whole text:
    character offsets moved by ``offset``, indices into the mention list (``period_index``,
    ``equivalent_of``) by ``base``, the number of mentions of the chunks before."""
    shifted = []
    for m in mentions:
        update = {"start": m.start + offset, "end": m.end + offset}
        for name in ("subject_start", "subject_end"):
            if getattr(m, name) is not None:
                update[name] = getattr(m, name) + offset
        for name in ("period_index", "equivalent_of"):
            if getattr(m, name) is not None:
                update[name] = getattr(m, name) + base
        shifted.append(m.model_copy(update=update))
    return shifted


def _finish(pending: _Pending) -> Extracted:
    item = pending.item
    if isinstance(item, InputFailure):
        return Extracted(item.to_record(), item)
    if pending.error is None and pending.done < len(pending.pieces):
        pending.error = "the pipeline dropped the article (a component failed on it)"
    if pending.error is not None:
        return Extracted(_error(item.source, pending.error), item, pending.words)
    if len(pending.pieces) == 1:
        return Extracted(pending.first, item, pending.words)
    article = pending.first.model_copy(update={"text": item.text, "mentions": pending.mentions})
    return Extracted(article, item, pending.words)


UNDATED = "no publication date (none given, none in the text): relative periods such as 'last year' have no dates"


# --- worker processes -------------------------------------------------------------------------
# spaCy's own nlp.pipe(n_process=N) sends every Doc to a worker and back through Doc.to_bytes/msgpack,
# and srsly looks its msgpack extensions up in the installed entry points on every call: that costs
# more than the pipeline itself (2 processes ran at 0.9x one). These workers take texts in and give
# records back, so the main process only reads files and writes lines.

_worker: dict = {}
TASK_ARTICLES = 16


def _start_worker(nlp: Language, published: str | None, chunk_chars: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _worker.update(nlp=nlp, published=published, chunk_chars=chunk_chars)


def _extract_task(items: list[ArticleInput | InputFailure]) -> list[tuple[Record, int]]:
    found = extract_records(
        items, nlp=_worker["nlp"], published=_worker["published"], chunk_chars=_worker["chunk_chars"]
    )
    return [(done.record, done.words) for done in found]


def _extract_in_workers(inputs, nlp: Language, published: str | None, n_process: int, chunk_chars: int):
    """Ordered results from ``n_process`` workers, at most ``2 * n_process`` tasks in flight (bounded memory)."""
    nlp("Warm up: sales rose 5% in 2024.")  # compile the rules once, before the workers fork
    start = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    args = (nlp, published, chunk_chars)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            n_process, mp_context=mp.get_context(start), initializer=_start_worker, initargs=args
        )

    pool = new_pool()
    window: deque = deque()
    try:
        for items in _tasks(inputs, chunk_chars):
            try:
                window.append((items, pool.submit(_extract_task, items)))
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                window.append((items, pool.submit(_extract_task, items)))
            while len(window) > 2 * n_process:
                yield from _task_results(*window.popleft())
        while window:
            yield from _task_results(*window.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _tasks(inputs: Iterable[ArticleInput | InputFailure], max_chars: int) -> Iterator[list]:
    task, chars = [], 0
    for item in inputs:
        task.append(item)
        chars += len(item.text) if isinstance(item, ArticleInput) else 0
        if len(task) >= TASK_ARTICLES or chars >= max_chars:
            yield task
            task, chars = [], 0
    if task:
        yield task


def _task_results(items: list, future) -> Iterator[Extracted]:
    try:
        results = future.result()
    except Exception as err:  # noqa: BLE001 - a worker died (killed, out of memory): report, go on
        reason = f"worker process failed: {type(err).__name__}: {err}"
        for item in items:
            record = item.to_record() if isinstance(item, InputFailure) else _error(item.source, reason)
            yield Extracted(record, item)
        return
    for item, (record, words) in zip(items, results):
        yield Extracted(record, item, words)


def _error(source: str, message: str) -> ErrorRecord:
    return ErrorRecord(source=source, error=ErrorInfo(type="pipeline_error", message=message))


# --- failure isolation ------------------------------------------------------------------------

_FAILED_KEY = "newsfigures_failed"


def _mark_failed(proc_name, proc, docs, err) -> None:
    """spaCy error handler: note the failure on the docs instead of raising (module level: picklable)."""
    for doc in docs or ():
        doc.user_data[_FAILED_KEY] = (
            str(err) if isinstance(err, ComponentError) else f"component {proc_name!r} failed: {type(err).__name__}: {err}"
        )


@contextmanager
def _failures_marked(nlp: Language):
    saved = [(proc, getattr(proc, "error_handler", raise_error)) for _, proc in nlp.pipeline]
    default = nlp.default_error_handler
    nlp.set_error_handler(_mark_failed)
    try:
        yield
    finally:
        nlp.default_error_handler = default
        for proc, handler in saved:
            if hasattr(proc, "set_error_handler"):
                proc.set_error_handler(handler)


# --- the command ------------------------------------------------------------------------------


@dataclass
class BatchSummary:
    """What a batch run did: counts, time and speed."""

    articles: int = 0
    errors: int = 0
    skipped: int = 0
    undated: int = 0  # articles with no publication date (each has a warning)
    mentions: Counter = field(default_factory=Counter)
    words: int = 0
    seconds: float = 0.0

    @property
    def inputs(self) -> int:
        """Inputs handled in this run: articles plus error records."""
        return self.articles + self.errors

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def add(self, done: Extracted) -> None:
        """Count one written record."""
        self.words += done.words
        if isinstance(done.record, ErrorRecord):
            self.errors += 1
        else:
            self.articles += 1
            self.mentions.update(m.kind for m in done.record.mentions)

    def describe(self) -> str:
        """The summary printed on stderr at the end of a run."""
        kinds = ", ".join(f"{self.mentions[k]} {k}" for k in KINDS)
        skipped = f" ({self.skipped} already done, skipped)" if self.skipped else ""
        undated = f", {self.undated} without a publication date (see their warnings)" if self.undated else ""
        return (
            f"{self.inputs} inputs{skipped}: {self.articles} articles, {self.errors} errors{undated}\n"
            f"{sum(self.mentions.values())} mentions: {kinds}\n"
            f"{self.seconds:.1f} s, {self.words:,} words, {self.words_per_second:,.0f} words/s"
        )


def run_extract(
    paths: Iterable[str | os.PathLike],
    *,
    out: str | os.PathLike = "-",
    fmt: str = "jsonl",
    published: str | None = None,
    n_process: int = 1,
    pattern: str | None = None,
    resume: bool = False,
    progress: bool = False,
    batch_size: int = BATCH_SIZE,
    chunk_chars: int = CHUNK_CHARS,
    nlp: Language | None = None,
    report: Callable[[str], None] | None = None,
) -> BatchSummary:
    """Extract figures from every article under ``paths`` into ``out`` (``-`` for stdout).

    Writes exactly one record per input (article or error record), crash-safe (see ``outputs.py``);
    with ``resume`` the inputs already in ``out`` are skipped unread. ``report`` receives one line
    per error record (default: stderr). Raises NewsfiguresError for bad options, before reading anything.
    """
    from tqdm import tqdm

    report = report or (lambda line: print(line, file=sys.stderr))
    if n_process < 1:
        raise ValueError(f"--n-process must be at least 1, not {n_process}")
    default_published = check_published(published) if published else None
    writer = open_writer(out, fmt, resume=resume)
    exclude = [] if str(out) == "-" else [out, f"{out}.partial", f"{out}.partial.index"]
    summary = BatchSummary()
    started = time.perf_counter()
    inputs, total = _inputs_to_do(paths, pattern, exclude, frozenset(writer.done), summary, progress)
    bar = tqdm(total=max(total, 0) if total is not None else None, unit=" articles", disable=not progress,
               file=sys.stderr, desc="extract", smoothing=0.1)  # fmt: skip
    log = (lambda line: bar.write(line, file=sys.stderr)) if progress else report
    try:
        records = extract_records(
            inputs, nlp=nlp, published=default_published, n_process=n_process,
            batch_size=batch_size, chunk_chars=chunk_chars,
        )  # fmt: skip
        _write_records(records, writer, summary, bar, log)
        writer.commit()
    except BaseException:
        writer.close()
        raise
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _inputs_to_do(paths, pattern: str | None, exclude: list, done: frozenset, summary: BatchSummary, progress: bool):
    """The inputs under ``paths`` (read lazily) with those whose source is in ``done`` skipped unread and
    counted in ``summary.skipped``; and, with ``progress``, the number of articles left for the bar's total
    (the files are listed first for it), else None."""

    def skip(source: str) -> bool:
        if source in done:
            summary.skipped += 1
            return True
        return False

    found = find_files(paths, pattern=pattern, exclude=exclude)
    total = None
    if progress:  # list the files first, for a bar with a total in articles
        found = list(found)
        total = sum(_articles_in(f) for f in found) - len(done)
    return read_found(found, skip=skip), total


def _write_records(
    records: Iterable[Extracted], writer, summary: BatchSummary, bar, log: Callable[[str], None]
) -> None:
    """Write each record and count it in ``summary``: an undated article gets the UNDATED warning, an error
    record one line through ``log``; the progress bar moves one per record."""
    for result in records:
        if isinstance(result.record, Article) and result.record.published is None:
            result.record.warnings.append(UNDATED)  # one warning per undated article, counted in the summary
            summary.undated += 1
        writer.write(result.record)
        summary.add(result)
        if isinstance(result.record, ErrorRecord):
            log(f"newsfigures: {result.record.source}: {result.record.error.message}")
        bar.update(1)


def _articles_in(found) -> int:
    """How many records a listed input gives: a line per JSON line of a .jsonl file (gzipped or not), else one."""
    if isinstance(found, InputFailure):
        return 1
    path = found[0]
    kind, compressed = input_format(path)
    if kind != "jsonl":
        return 1
    try:
        with (gzip.open if compressed else open)(path, "rb") as f:
            return max(1, sum(1 for line in f if line.strip()))
    except (OSError, EOFError, zlib.error):
        return 1
