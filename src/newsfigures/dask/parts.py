"""Planning the work of a cluster run: the inputs cut into parts of about equal size in bytes."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..io.inputs import InputFailure, find_files, input_format, read_file

PART_BYTES = 8 * 1024 * 1024  # about 2-4 seconds of work per part on one core: small enough to balance, big enough to pay
MIN_PART_BYTES = 64 * 1024
GZIP_RATIO = 4  # a gzipped text collection holds about four times its size in text


@dataclass(frozen=True)
class Slice:
    """A file, or a run of lines of a JSONL file (``first`` to ``stop``, 1-based line numbers, stop exclusive)."""

    path: str
    source: str
    first: int | None = None
    stop: int | None = None


@dataclass
class Part:
    """One task of a cluster run: the inputs it reads, and its number (which names its output file)."""

    number: int
    slices: list[Slice] = field(default_factory=list)
    failures: list[InputFailure] = field(default_factory=list)  # inputs that could not even be listed
    size: int = 0

    @property
    def name(self) -> str:
        return f"part-{self.number:05d}"


def plan_parts(
    paths: Iterable[str | os.PathLike], *, pattern: str | None = None, part_bytes: int | None = None,
    at_least: int = 1,
) -> list[Part]:  # fmt: skip
    """The inputs under ``paths`` in parts of about ``part_bytes`` each (default: 8 MiB, or smaller so that there
    are ``at_least`` parts to share among the workers), a big JSONL file cut into runs of lines. The order is
    stable: the same paths and sizes give the same parts, which ``resume`` relies on."""
    found = list(find_files(paths, pattern=pattern))
    if part_bytes is None:
        total = sum(_text_bytes(item[0]) for item in found if not isinstance(item, InputFailure))
        part_bytes = max(MIN_PART_BYTES, min(PART_BYTES, total // max(1, at_least) + 1))
    parts: list[Part] = []
    current = Part(0)
    for item in found:
        if isinstance(item, InputFailure):
            current.failures.append(item)
            continue
        for piece, size in _slices(item[0], item[1], part_bytes):
            if current.size and current.size + size > part_bytes:
                parts.append(current)
                current = Part(len(parts))
            current.slices.append(piece)
            current.size += size
    if current.slices or current.failures or not parts:
        parts.append(current)
    return parts


def _slices(path: Path, source: str, part_bytes: int) -> Iterator[tuple[Slice, int]]:
    """A file as one slice, or a big JSONL file as runs of lines of about ``part_bytes`` (uncompressed) each."""
    kind, compressed = input_format(path)
    size = _size(path)
    if kind != "jsonl" or (size <= part_bytes and not compressed):
        yield Slice(str(path), source), size
        return
    first, taken, line = 1, 0, 0
    try:
        with (gzip.open if compressed else open)(path, "rb") as f:
            for line, raw in enumerate(f, start=1):
                taken += len(raw)
                if taken >= part_bytes:
                    yield Slice(str(path), source, first, line + 1), taken
                    first, taken = line + 1, 0
    except (OSError, EOFError):
        yield Slice(str(path), source), size  # unreadable: reading it gives the error record
        return
    if taken or first == 1:
        yield Slice(str(path), source, first, line + 1), taken


def read_slice(piece: Slice):
    """The inputs of one slice (articles or failures), as ``newsfigures extract`` reads them."""
    if piece.first is None:
        yield from read_file(piece.path, piece.source)
        return

    def elsewhere(source: str) -> bool:  # lines of other slices are skipped before they are decoded
        line = int(source.rpartition("#")[2])
        return not piece.first <= line < piece.stop

    yield from read_file(piece.path, piece.source, skip=elsewhere)


def _text_bytes(path: Path) -> int:
    """About how many bytes of text a file holds (a gzipped one, more than its size)."""
    return _size(path) * (GZIP_RATIO if input_format(path)[1] else 1)


def _size(path: Path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
