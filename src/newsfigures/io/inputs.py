"""Read articles from files and folders: every input becomes an article to process or a failure to report.

The batch command never stops on bad input. Each file (or each record of a .json/.jsonl file)
comes out of :func:`read_inputs` as exactly one :class:`ArticleInput` or one :class:`InputFailure`:

    read_inputs(paths)
      -> find_files: walk folders (sorted, recursive), catch broken symlinks, symlink loops, unreadable folders
      -> read_file: bytes -> decode_text (UTF-8, BOMs, then GB18030 / cp1252 with a warning)
      -> by suffix: .txt/.md whole text; .html visible text; .json one record or a list; .jsonl one record a line

Sources are the path as given (normalised), with ``#N`` for the record on line N of a .jsonl file
or the N-th record of a .json list (1-based). They are the keys ``--resume`` uses.
"""

from __future__ import annotations

import codecs
import errno
import gzip
import json
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from ..errors import InputRejected
from ..records import ErrorInfo, ErrorRecord
from .html import read_html

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
SNIFF_BYTES = 8192
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Bytes that appear in text: printable ASCII, tab/newline/CR/FF/backspace/ESC, and everything >= 0x80.
_TEXT_BYTES = bytes([7, 8, 9, 10, 12, 13, 27]) + bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


@dataclass(slots=True)
class ArticleInput:
    """A decoded article ready for the pipeline: its text and the metadata ``extract_many`` takes."""

    source: str
    text: str
    meta: dict = field(default_factory=dict)
    size: int = 0  # bytes read from disk for it, for the progress bar


@dataclass(slots=True)
class InputFailure:
    """An input that could not be read, with a short code (``type``) and a message naming the cause."""

    source: str
    type: str
    message: str
    size: int = 0

    def to_record(self) -> ErrorRecord:
        """The error record the batch writes in place of an article."""
        return ErrorRecord(source=self.source, error=ErrorInfo(type=self.type, message=self.message))


# --- decoding ---------------------------------------------------------------------------------


def sniff_binary(sample: bytes) -> str | None:
    """Why ``sample`` (the first bytes of a file) is not text, or None if it may be text."""
    if any(sample.startswith(bom) for bom, _, _ in _BOMS):
        return None
    if b"\x00" in sample:
        return "binary file (contains NUL bytes)"
    if sample and len(sample.translate(None, _TEXT_BYTES)) > 0.05 * len(sample):
        return "binary file (mostly non-text bytes)"
    return None


def decode_text(data: bytes, *, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode bytes of unknown encoding; returns the text and the warnings to keep on the article.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 decode silently; otherwise an encoding
    the document declares, then GB18030 (when the result looks like Chinese), then cp1252, each with a warning.
    Raises :class:`InputRejected` when nothing fits.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), []
            except UnicodeDecodeError as err:
                raise InputRejected(
                    "undecodable",
                    f"starts with a {name} byte-order mark but is not {name}: {err.reason} at byte {err.start}",
                ) from None
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as err:
        bad = err.start
    note = f"not valid UTF-8 (byte {bad})"
    if declared and _codec_name(declared) not in (None, "utf-8"):
        try:
            return data.decode(declared), [f"{note}; decoded as {_codec_name(declared)}, as the document declares"]
        except (UnicodeDecodeError, LookupError):
            pass
    chinese = _try_decode(data, "gb18030")
    if chinese is not None and _looks_chinese(data, chinese):
        return chinese, [f"{note}; decoded as GB18030"]
    western = _try_decode(data, "cp1252")
    if western is not None:
        return western, [f"{note}; decoded as cp1252"]
    if chinese is not None:
        return chinese, [f"{note}; decoded as GB18030"]
    raise InputRejected("undecodable", f"{note}, and not UTF-16 with a BOM, GB18030 or cp1252")


def _codec_name(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _looks_chinese(data: bytes, text: str) -> bool:
    # Real GB text is mostly CJK characters of two high bytes each; Latin-1 text read as GB pairs
    # one high byte with an ASCII letter, so it has about one high byte per non-ASCII character.
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if not non_ascii:
        return True
    high_bytes = len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))
    return len(_CJK.findall(text)) >= 0.8 * non_ascii and high_bytes >= 1.8 * non_ascii


# --- finding files ----------------------------------------------------------------------------


def find_files(
    paths: Iterable[str | os.PathLike], *, pattern: str | None = None, exclude: Iterable[str | os.PathLike] = ()
) -> Iterator[tuple[Path, str] | InputFailure]:
    """Every input file under ``paths`` as ``(path, source)``, in a stable order, or a failure.

    Folders are walked recursively in name order, skipping hidden entries. Without ``pattern`` a folder
    contributes files with a known suffix (see ``FORMATS``); with it, the files whose path matches it
    (``PurePath.match``, e.g. ``*.txt`` or ``2024/*.md``). Paths named directly are always read.
    ``exclude`` names files never to read (the output being written).
    """
    excluded = {os.path.realpath(p) for p in exclude}
    excluded_names = {os.path.basename(p) for p in excluded}
    for given in paths:
        path = Path(os.path.normpath(given))
        problem = _link_problem(path)
        if problem:
            yield InputFailure(str(path), *problem)
        elif path.is_dir():
            yield from _walk(path, pattern, excluded, excluded_names, ancestors=(_identity(path),))
        elif path.is_file():
            yield path, str(path)
        else:
            yield InputFailure(str(path), "not_a_file", "not a regular file or folder")


def _identity(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino


def _link_problem(path: Path) -> tuple[str, str] | None:
    """(code, message) when ``path`` cannot be followed: missing, a broken symlink or a symlink loop."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return "not_found", "no such file or folder"
    except OSError as err:
        return "unreadable", err.strerror or str(err)
    try:
        os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symlink_loop", "symlink loop (the links lead back to themselves)"
        if err.errno == errno.ENOENT:
            return "broken_symlink", f"broken symlink (target {os.readlink(path)!r} does not exist)"
        return "unreadable", err.strerror or str(err)
    return None


def _walk(folder: Path, pattern, excluded, excluded_names, ancestors) -> Iterator[tuple[Path, str] | InputFailure]:
    try:
        names = sorted(os.listdir(folder))
    except OSError as err:
        yield InputFailure(str(folder), "unreadable", f"cannot list folder: {err.strerror or err}")
        return
    for name in names:
        if name.startswith("."):
            continue
        path = folder / name
        problem = _link_problem(path)
        if problem is None and path.is_dir():
            ident = _identity(path)
            if ident in ancestors:
                yield InputFailure(str(path), "symlink_loop", "symlink loop (links to a folder that contains it)")
            else:
                yield from _walk(path, pattern, excluded, excluded_names, ancestors + (ident,))
            continue
        if not _wanted(path, pattern) or (name in excluded_names and os.path.realpath(path) in excluded):
            continue
        if problem:
            yield InputFailure(str(path), *problem)
        elif not stat.S_ISREG(os.stat(path).st_mode):
            yield InputFailure(str(path), "not_a_file", "not a regular file")
        else:
            yield path, str(path)


def input_format(path: Path) -> tuple[str | None, bool]:
    """The format of a file by its suffix (None if unknown) and whether it is gzip-compressed
    (``news.jsonl.gz``: the JSON lines of a compressed collection, read as they stream)."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    suffix = suffixes[-2] if compressed and len(suffixes) == 2 else (suffixes[-1] if suffixes and not compressed else "")
    return FORMATS.get(suffix), compressed


def _wanted(path: Path, pattern: str | None) -> bool:
    if pattern:
        return PurePath(path).match(pattern)
    return input_format(path)[0] is not None


# --- reading files ----------------------------------------------------------------------------


def read_inputs(
    paths: Iterable[str | os.PathLike],
    *,
    pattern: str | None = None,
    exclude: Iterable[str | os.PathLike] = (),
    skip: Callable[[str], bool] = lambda source: False,
) -> Iterator[ArticleInput | InputFailure]:
    """Every article under ``paths``, read and decoded, or a failure saying why not; inputs whose
    source ``skip`` accepts (already done, for ``--resume``) are left out without being read."""
    return read_found(find_files(paths, pattern=pattern, exclude=exclude), skip=skip)


def read_found(
    found: Iterable[tuple[Path, str] | InputFailure], *, skip: Callable[[str], bool] = lambda source: False
) -> Iterator[ArticleInput | InputFailure]:
    """Read the files :func:`find_files` listed (see :func:`read_inputs`)."""
    for item in found:
        if isinstance(item, InputFailure):
            if not skip(item.source):
                yield item
            continue
        path, source = item
        if not skip(source):
            yield from read_file(path, source, skip=skip)


def read_file(
    path: str | os.PathLike, source: str | None = None, *, skip: Callable[[str], bool] = lambda source: False
) -> Iterator[ArticleInput | InputFailure]:
    """The article(s) in one file, chosen by suffix (unknown suffixes are read as plain text)."""
    path = Path(path)
    source = source or str(path)
    kind, compressed = input_format(path)
    kind = kind or "text"
    try:
        with (gzip.open if compressed else open)(path, "rb") as f:
            if kind == "jsonl":
                yield from _read_jsonl(f, source, skip)
                return
            data = f.read()
    except (OSError, EOFError, zlib.error) as err:  # a gzip file cut short or not gzip at all is unreadable too
        yield InputFailure(source, "unreadable", f"cannot read: {getattr(err, 'strerror', None) or err}")
        return
    try:
        items = list(_parse(kind, data, source))
    except InputRejected as err:
        items = [InputFailure(source, err.code, str(err), size=len(data))]
    del data  # the bytes are not needed while the article is processed (a 50 MB file holds 50 MB less)
    yield from items


def _decode_file(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    if not data.strip():
        raise InputRejected("empty", "empty file")
    reason = sniff_binary(data[:SNIFF_BYTES])
    if reason:
        raise InputRejected("binary", reason)
    return decode_text(data, declared=declared)


def _parse(kind: str, data: bytes, source: str) -> Iterator[ArticleInput | InputFailure]:
    if kind == "html":
        declared = _DECLARED_CHARSET.search(data[:4096])
        text, warnings = _decode_file(data, declared.group(1).decode("ascii") if declared else None)
        title, body, published = read_html(text)
        meta = {"title": title, "published": published} if published else {"title": title}
        yield _article(source, body, meta, warnings, len(data))
    elif kind == "json":
        text, warnings = _decode_file(data)
        try:
            value = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputRejected(
                "invalid_json", f"not valid JSON: {err.msg} at line {err.lineno} column {err.colno}"
            ) from None
        if isinstance(value, list):
            if not value:
                raise InputRejected("empty", "the JSON list holds no records")
            share = len(data) // len(value)
            for index, item in enumerate(value, start=1):
                yield _record(f"{source}#{index}", item, warnings, share)
        else:
            yield _record(source, value, warnings, len(data))
    else:
        text, warnings = _decode_file(data)
        meta = {}
        if kind == "markdown":
            first = text.lstrip("\ufeff\n\r\t ").split("\n", 1)[0]
            if first.startswith("#"):
                meta["title"] = first.lstrip("#").strip() or None
        yield _article(source, text, meta, warnings, len(data))


def _article(source: str, text: str, meta: dict, warnings: list[str], size: int) -> ArticleInput:
    if not text.strip():
        raise InputRejected("empty", "no text in the file")
    meta = {k: v for k, v in meta.items() if v is not None}
    meta["source"] = source
    if warnings:
        meta["warnings"] = list(warnings)
    return ArticleInput(source, text, meta, size)


def _read_jsonl(f, source: str, skip: Callable[[str], bool]) -> Iterator[ArticleInput | InputFailure]:
    head = f.read(SNIFF_BYTES)
    reason = sniff_binary(head)
    if reason:
        yield InputFailure(source, "binary", reason, size=len(head))
        return
    if any(head.startswith(bom) for bom, codec, _ in _BOMS if codec != "utf-8-sig"):
        try:  # UTF-16/32 cannot be split at b"\n": decode it whole
            text, _ = decode_text(head + f.read())
        except InputRejected as err:
            yield InputFailure(source, err.code, str(err))
            return
        lines: Iterable[bytes] = (line.encode("utf-8") for line in text.splitlines())
    else:
        f.seek(0)
        lines = f
    records = 0
    for lineno, raw in enumerate(lines, start=1):
        if lineno == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        records += 1
        item_source = f"{source}#{lineno}"
        if skip(item_source):
            continue
        try:
            line, warnings = decode_text(raw.rstrip(b"\r\n"))
            try:
                value = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputRejected("invalid_json", f"not valid JSON: {err.msg} at column {err.colno}") from None
            yield _record(item_source, value, warnings, len(raw))
        except InputRejected as err:
            yield InputFailure(item_source, err.code, str(err), size=len(raw))
    if not records:
        yield InputFailure(source, "empty", "empty file (no JSON lines)")


def _record(source: str, value, warnings: list[str], size: int) -> ArticleInput | InputFailure:
    """One JSON record -> an article; ``text`` (or ``body``, as news collections such as Reuters-21578 name it)
    is required, ``id`` (or ``newid``), ``title``, ``published``/``date`` optional."""
    try:
        if not isinstance(value, dict):
            raise InputRejected("invalid_record", f"a record must be a JSON object, not {_json_type(value)}")
        text = value.get("text", value.get("body"))
        if not isinstance(text, str):
            found = "no 'text' or 'body' field" if text is None else f"'text' is {_json_type(text)}"
            raise InputRejected("invalid_record", f"a record needs a 'text' string ({found})")
        meta = {}
        record_id = value.get("id", value.get("newid"))
        if record_id is not None:
            meta["id"] = str(record_id)
        if value.get("title") is not None:
            meta["title"] = str(value["title"])
        published = value.get("published") or value.get("date")
        if published is not None:
            meta["published"] = check_published(published)
        return _article(source, text, meta, warnings, size)
    except InputRejected as err:
        return InputFailure(source, err.code, str(err), size=size)


def check_published(value) -> str:
    """A publication date as an ISO string; raises :class:`InputRejected` (``invalid_date``) if unreadable."""
    from ..periods.dates import parse_date

    if not isinstance(value, str):
        raise InputRejected("invalid_date", f"'published' must be a date string, not {_json_type(value)}")
    try:
        parsed = parse_date(value)
    except (ValueError, TypeError) as err:
        raise InputRejected("invalid_date", f"bad published date: {err}") from None
    if parsed is None:
        raise InputRejected("invalid_date", f"cannot read published date {value!r}")
    return parsed.isoformat()


def _json_type(value) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
