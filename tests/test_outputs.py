"""Writers: whole lines only, OUT appears only when the run finishes, a killed run resumes without duplicates."""

import builtins
import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest

from newsfigures.errors import NewsfiguresError
from newsfigures.io.outputs import TABLE_COLUMNS, RecordWriter, StreamWriter, flat_rows, open_writer
from newsfigures.records import Article, ErrorInfo, ErrorRecord, Mention

TEXT = 'Loans rose 5 percent.\nSaid "up" by $3 billion, in 2024.'


def _article(n: int, text: str = TEXT) -> Article:
    mentions = [
        Mention(kind="percentage", text="5 percent", start=11, end=20, value=Decimal(5), unit="percent"),
        Mention(kind="money", text="$3 billion", start=35, end=45, value=Decimal(3000000000), unit="USD"),
    ]
    return Article(id=str(n), source=f"a{n}.txt", published=date(2024, 12, 23), text=text, mentions=mentions)


def _error(n: int) -> ErrorRecord:
    return ErrorRecord(source=f"e{n}.txt", error=ErrorInfo(type="binary", message='binary file, "quoted",\nnewline'))


RECORDS = [_article(1), _error(2), Article(source="a3.txt", text="Nothing here.", warnings=["decoded as cp1252"])]


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_flat_rows():
    rows = flat_rows(RECORDS[0])
    assert [r["index"] for r in rows] == [0, 1] and rows[0]["article_id"] == "1" and rows[0]["source"] == "a1.txt"
    assert {r["row"] for r in rows} == {"mention"}
    assert flat_rows(RECORDS[1]) == [
        {"source": "e2.txt", "row": "error", "error_type": "binary", "error_message": RECORDS[1].error.message}
    ]
    # an article without mentions is one row, flagged as such (not a placeholder that looks like a mention)
    assert flat_rows(RECORDS[2]) == [
        {"article_id": None, "source": "a3.txt", "row": "no_mentions", "published": None, "warnings": "decoded as cp1252"}
    ]
    assert set().union(*(flat_rows(r)[0] for r in RECORDS)) <= set(TABLE_COLUMNS)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_out_appears_only_on_commit(tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    writer = open_writer(out, fmt)
    for record in RECORDS:
        writer.write(record)
    assert not out.exists() and (tmp_path / f"out.{fmt}.partial").exists()
    writer.commit()
    assert out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"out.{fmt}"]


def test_jsonl_shape(tmp_path):
    out = tmp_path / "out.jsonl"
    writer = open_writer(out, "jsonl")
    for record in RECORDS:
        writer.write(record)
    writer.commit()
    lines = _lines(out)
    assert lines[0] == RECORDS[0].model_dump(mode="json")
    assert lines[1] == {"source": "e2.txt", "error": {"type": "binary", "message": RECORDS[1].error.message}}
    assert Article.model_validate(lines[0]) == RECORDS[0]


def test_csv_shape(tmp_path):
    out = tmp_path / "out.csv"
    writer = open_writer(out, "csv")
    for record in RECORDS:
        writer.write(record)
    writer.commit()
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(TABLE_COLUMNS)
    assert [(r["source"], r["kind"], r["error_type"]) for r in rows] == [
        ("a1.txt", "percentage", ""), ("a1.txt", "money", ""), ("e2.txt", "", "binary"), ("a3.txt", "", ""),
    ]  # fmt: skip
    assert rows[1]["value"] == "3000000000" and rows[1]["published"] == "2024-12-23" and rows[1]["start"] == "35"
    assert rows[2]["error_message"] == RECORDS[1].error.message  # quotes and newline survive
    assert rows[3]["warnings"] == "decoded as cp1252"


def _kill(writer, torn: bytes = b'{"id": "9", "source": "a9.txt", "te'):
    """What a SIGKILL leaves: files not closed cleanly, maybe half a record after the last journaled one."""
    writer._file.write(torn)
    writer._file.flush()
    writer.close()


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_after_kill_drops_the_torn_tail(tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    writer = open_writer(out, fmt)
    writer.write(RECORDS[0])
    writer.write(RECORDS[1])
    _kill(writer)
    assert not out.exists()
    resumed = open_writer(out, fmt, resume=True)
    assert resumed.done == {"a1.txt", "e2.txt"}
    resumed.write(RECORDS[2])
    resumed.commit()
    fresh = tmp_path / f"fresh.{fmt}"
    writer = open_writer(fresh, fmt)
    for record in RECORDS:
        writer.write(record)
    writer.commit()
    assert out.read_bytes() == fresh.read_bytes()


def test_resume_with_torn_journal(tmp_path):
    out = tmp_path / "out.jsonl"
    writer = open_writer(out, "jsonl")
    for record in RECORDS:
        writer.write(record)
    writer.close()
    journal = tmp_path / "out.jsonl.partial.index"
    journal.write_bytes(journal.read_bytes()[:-5])  # the last entry half-written: its record is redone
    resumed = open_writer(out, "jsonl", resume=True)
    assert resumed.done == {"a1.txt", "e2.txt"}
    resumed.write(RECORDS[2])
    resumed.commit()
    assert [line["source"] for line in _lines(out)] == ["a1.txt", "e2.txt", "a3.txt"]


def test_resume_without_journal_starts_afresh(tmp_path):
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").write_text('{"source": "x"}\n{"sou')
    writer = open_writer(out, "jsonl", resume=True)
    assert writer.done == set()
    writer.write(RECORDS[0])
    writer.commit()
    assert [line["source"] for line in _lines(out)] == ["a1.txt"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_after_finished_run_appends(tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    writer = open_writer(out, fmt)
    writer.write(RECORDS[0])
    writer.write(RECORDS[1])
    writer.commit()
    resumed = open_writer(out, fmt, resume=True)
    assert resumed.done == {"a1.txt", "e2.txt"}
    _kill(resumed)  # killed again before writing anything: OUT is untouched
    again = open_writer(out, fmt, resume=True)
    assert again.done == {"a1.txt", "e2.txt"}
    again.write(RECORDS[2])
    again.commit()
    if fmt == "jsonl":
        assert [line["source"] for line in _lines(out)] == ["a1.txt", "e2.txt", "a3.txt"]
    else:
        with open(out, encoding="utf-8", newline="") as f:
            assert [r["source"] for r in csv.DictReader(f)] == ["a1.txt", "a1.txt", "e2.txt", "a3.txt"]


def test_without_resume_a_new_run_replaces(tmp_path):
    out = tmp_path / "out.jsonl"
    for record in RECORDS[:2]:
        writer = open_writer(out, "jsonl")
        writer.write(record)
        writer.commit()
    assert [line["source"] for line in _lines(out)] == ["e2.txt"]


def test_parquet_round_trip_and_resume(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    writer = open_writer(out, "parquet")
    writer.write(RECORDS[0])
    writer.write(RECORDS[1])
    _kill(writer, b'{"source": "a9')
    resumed = open_writer(out, "parquet", resume=True)
    assert resumed.done == {"a1.txt", "e2.txt"}
    resumed.commit()
    again = open_writer(out, "parquet", resume=True)  # after a finished run: the old rows are carried over
    again.write(RECORDS[2])
    again.commit()
    table = pq.read_table(out)
    assert table.column_names == list(TABLE_COLUMNS)
    rows = table.to_pylist()
    assert [(r["source"], r["kind"], r["error_type"]) for r in rows] == [
        ("a1.txt", "percentage", None), ("a1.txt", "money", None), ("e2.txt", None, "binary"), ("a3.txt", None, None),
    ]  # fmt: skip
    assert rows[1]["value"] == Decimal("3e9") and rows[1]["published"] == date(2024, 12, 23) and rows[1]["end"] == 45
    assert [r["row"] for r in rows] == ["mention", "mention", "error", "no_mentions"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet"]


def test_parquet_without_pyarrow_says_how_to_get_it(monkeypatch):
    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError("No module named 'pyarrow'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(NewsfiguresError, match=r"pip install 'newsfigures\[parquet\]'"):
        open_writer("out.parquet", "parquet")


@pytest.mark.parametrize(
    "out, fmt, resume, message",
    [
        ("-", "jsonl", True, "--resume needs an output file"),
        ("-", "parquet", False, "Parquet cannot go to stdout"),
        ("out.txt", "xml", False, "unknown output format"),
    ],
)
def test_impossible_requests(out, fmt, resume, message):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    with pytest.raises(NewsfiguresError, match=message):
        open_writer(out, fmt, resume=resume)


def test_unwritable_output(tmp_path):
    (tmp_path / "file").write_text("")
    with pytest.raises(NewsfiguresError, match="cannot write output"):
        open_writer(tmp_path / "file" / "out.jsonl", "jsonl")


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_stream_writer(fmt):
    stream = io.StringIO()
    writer = StreamWriter(stream, fmt)
    for record in RECORDS:
        writer.write(record)
    writer.commit()
    text = stream.getvalue()
    if fmt == "jsonl":
        assert [json.loads(line)["source"] for line in text.splitlines()] == ["a1.txt", "e2.txt", "a3.txt"]
    else:
        assert text.startswith(",".join(TABLE_COLUMNS) + "\n") and len(list(csv.DictReader(io.StringIO(text)))) == 4


def test_record_writer_is_the_file_writer(tmp_path):
    assert isinstance(open_writer(tmp_path / "o.jsonl", "jsonl"), RecordWriter)


def test_parquet_keeps_exact_decimals(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from newsfigures import extract

    article = extract("Fed funds traded at 6-3/16 pct; the loan was 14.39 million yuan.", published="2024-12-23")
    writer = open_writer(tmp_path / "out.parquet", "parquet")
    writer.write(article)
    writer.commit()
    values = [r["value"] for r in pq.read_table(tmp_path / "out.parquet").to_pylist()]
    assert Decimal("6.1875") in values and Decimal("14390000") in values


def test_to_dataframe_has_numbers_dates_and_no_placeholder_rows():
    pd = pytest.importorskip("pandas")
    import newsfigures
    from newsfigures.records import ErrorInfo, ErrorRecord

    texts = [("Loans rose 12.5 percent to 3 billion yuan in March.", {"source": "a"}), ("No figures here.", {"source": "b"})]
    articles = list(newsfigures.extract_many(texts, published="2024-12-23"))
    df = newsfigures.to_dataframe([*articles, ErrorRecord(source="c", error=ErrorInfo(type="binary", message="x"))])
    assert len(df) == len(articles[0].mentions)  # the article without mentions adds no row
    assert df.attrs["without_mentions"] == ["b"] and df.attrs["errors"] == ["c"]
    assert pd.api.types.is_float_dtype(df["value"]) and pd.api.types.is_datetime64_any_dtype(df["period_start"])
    money = df[df["kind"] == "money"]
    assert money["value"].sum() == 3e9
    assert articles[0].to_table()[0]["value"] is not None


def test_jsonl_values_are_numbers_read_back_exactly():
    from newsfigures import Article, extract

    article = extract("Fed funds traded at 6-3/16 pct; loans were 14.39 million yuan, up 0.1 pct.", published="2024-12-23")
    data = json.loads(article.model_dump_json())
    values = [m["value"] for m in data["mentions"] if m["kind"] != "period"]
    assert values == [6.1875, 14390000, 0.1] and all(not isinstance(v, str) for v in values)
    assert [m.value for m in Article.model_validate_json(article.model_dump_json()).mentions] == [
        m.value for m in article.mentions
    ]
