"""The batch command line and the streaming API under it: one record per input, exit codes, resume,
chunked long texts, hostile inputs in linear time, ``show`` and ``bench``."""

import csv
import json
import time
from itertools import count, islice

import pytest
from typer.testing import CliRunner

import newsfigures
from newsfigures.io import batch
from newsfigures.evaluation import bench
from newsfigures.io import show
from newsfigures.io.batch import extract_records, run_extract, split_text
from newsfigures.cli import app
from newsfigures.io.inputs import ArticleInput, InputFailure

ARTICLE = (
    "Exports climb on new routes\nUpdated: 2024-11-05\n"
    "Exports rose 12.4 percent year-on-year in the first three quarters to 86.3 billion yuan ($12.1 billion).\n"
    "Shipments of electric vehicles more than doubled to 41,200 units, while imports fell 3.1% this year.\n"
)


@pytest.fixture(autouse=True)
def _shared_pipeline(nlp, monkeypatch):
    """Every command uses the session's pipeline instead of building its own."""
    for module in (batch, show, bench):
        monkeypatch.setattr(module, "load", lambda: nlp)


def invoke(*args):
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _folder(tmp_path, bad=True):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "sub" / "b.md").write_text("# Note\nNo figures in this one.", encoding="utf-8")
    (root / "c.jsonl").write_text(
        '{"text": "Sales rose 5%.", "id": "c1"}\n{"text": "Costs fell 3%."}\n', encoding="utf-8"
    )
    if bad:
        (root / "bin.txt").write_bytes(b"\x00\x01binary")
        (root / "empty.txt").write_bytes(b"")
        (root / "broken.txt").symlink_to(root / "gone.txt")
        (root / "d.jsonl").write_text('{"text": "ok 1%"}\n{not json\n', encoding="utf-8")
    return root


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_folder_with_bad_inputs(tmp_path):
    root = _folder(tmp_path)
    out = tmp_path / "out.jsonl"
    code, stdout, stderr = invoke("extract", root, "-o", out)
    records = _records(out)
    sources = [r["source"].removeprefix(str(root) + "/") for r in records]
    assert sources == [
        "a.txt",
        "bin.txt",
        "broken.txt",
        "c.jsonl#1",
        "c.jsonl#2",
        "d.jsonl#1",
        "d.jsonl#2",
        "empty.txt",
        "sub/b.md",
    ]
    errors = {r["source"].removeprefix(str(root) + "/"): r["error"]["type"] for r in records if "error" in r}
    assert errors == {
        "bin.txt": "binary",
        "broken.txt": "broken_symlink",
        "d.jsonl#2": "invalid_json",
        "empty.txt": "empty",
    }
    assert code == 1
    error_lines = [line for line in stderr.splitlines() if line.startswith("newsfigures: ")]
    assert len(error_lines) == 4 and all(str(root) in line for line in error_lines)
    assert "9 inputs: 5 articles, 4 errors" in stderr and "words/s" in stderr
    article = next(r for r in records if r["source"].endswith("a.txt"))
    assert article["published"] == "2024-11-05" and article["title"] == "Exports climb on new routes"
    assert all(article["text"][m["start"] : m["end"]] == m["text"] for m in article["mentions"])
    assert stdout == ""


def test_extract_exit_zero_to_stdout_quiet(tmp_path):
    code, stdout, stderr = invoke("extract", _folder(tmp_path, bad=False), "-q")
    assert code == 0 and stderr == ""
    assert [json.loads(line)["source"].rsplit("/", 1)[1] for line in stdout.splitlines()] == [
        "a.txt",
        "c.jsonl#1",
        "c.jsonl#2",
        "b.md",
    ]


def test_extract_csv_one_row_per_mention(tmp_path, nlp):
    root = _folder(tmp_path)
    out = tmp_path / "out.csv"
    code, _, _ = invoke("extract", root, "-o", out, "--format", "csv", "-q")
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    by_source = {}
    for row in rows:
        by_source.setdefault(row["source"].removeprefix(str(root) + "/"), []).append(row)
    assert code == 1 and len(by_source) == 9  # every input is in the table
    expected = newsfigures.extract(ARTICLE, nlp=nlp).mentions
    assert [(r["kind"], r["text"], r["start"]) for r in by_source["a.txt"]] == [
        (m.kind, m.text, str(m.start)) for m in expected
    ]
    assert by_source["sub/b.md"][0]["kind"] == "" and by_source["bin.txt"][0]["error_type"] == "binary"
    assert all(r["published"] == "2024-11-05" for r in by_source["a.txt"])


def test_extract_glob_and_published(tmp_path):
    root = _folder(tmp_path)
    code, stdout, _ = invoke("extract", root, "--glob", "*.jsonl", "--published", "2023-06-30", "-q")
    records = [json.loads(line) for line in stdout.splitlines()]
    assert [r["source"].rsplit("/", 1)[1] for r in records] == ["c.jsonl#1", "c.jsonl#2", "d.jsonl#1", "d.jsonl#2"]
    assert records[0]["published"] == "2023-06-30" and records[0]["id"] == "c1"
    assert code == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["--published", "someday"], "cannot read 'someday' as a date"),
        (["--resume"], "--resume needs an output file"),
        (["--format", "xml"], "Invalid value"),
        (["--n-process", "0"], "Invalid value"),
    ],
)
def test_extract_bad_options_exit_2(tmp_path, args, message):
    code, _, stderr = invoke("extract", _folder(tmp_path), *args)
    assert code == 2 and message in stderr and "Traceback" not in stderr


def test_extract_parquet_without_pyarrow(tmp_path, monkeypatch):
    from newsfigures.io import outputs
    from newsfigures.errors import NewsfiguresError

    def missing():
        raise NewsfiguresError(outputs.PARQUET_MISSING)

    monkeypatch.setattr(outputs, "_pyarrow", missing)
    code, _, stderr = invoke("extract", _folder(tmp_path), "-o", tmp_path / "o.parquet", "--format", "parquet")
    assert code == 2 and "pip install 'newsfigures[parquet]'" in stderr


def test_progress_bar_on_stderr(tmp_path, nlp, capsys):
    root = _folder(tmp_path)
    summary = run_extract([root], out=tmp_path / "out.jsonl", progress=True, nlp=nlp)
    err = capsys.readouterr().err
    assert "extract: 100%" in err and "bin.txt: binary file" in err
    assert summary.inputs == 9 and summary.errors == 4


def test_help_documents_exit_status():
    code, stdout, _ = invoke("extract", "--help")
    assert code == 0 and "Exit status" in stdout and "1 when any error record" in stdout


def test_resume_after_a_finished_run_adds_only_new_inputs(tmp_path, monkeypatch):
    root = _folder(tmp_path, bad=False)
    out = tmp_path / "out.jsonl"
    assert invoke("extract", root, "-o", out, "-q")[0] == 0
    (root / "new.txt").write_text("Profit rose 9%.", encoding="utf-8")
    seen = []
    real = batch.read_found

    def spy(found, *, skip):
        for item in real(found, skip=skip):
            seen.append(item.source)
            yield item

    monkeypatch.setattr(batch, "read_found", spy)
    code, _, stderr = invoke("extract", root, "-o", out, "--resume")
    assert code == 0 and seen == [str(root / "new.txt")]  # no re-work
    assert "1 inputs (4 already done, skipped)" in stderr
    sources = [r["source"] for r in _records(out)]
    assert len(sources) == len(set(sources)) == 5


def test_resume_after_a_killed_run(tmp_path, monkeypatch):
    root = _folder(tmp_path)
    out = tmp_path / "out.jsonl"
    real = batch.extract_records

    def killed_after_three(*args, **kwargs):
        yield from islice(real(*args, **kwargs), 3)
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "extract_records", killed_after_three)
    code, _, stderr = invoke("extract", root, "-o", out)
    assert code == 130 and "interrupted" in stderr and not out.exists()
    with open(tmp_path / "out.jsonl.partial", "ab") as f:  # a record cut short by the kill
        f.write(b'{"id":null,"source":"half')
    monkeypatch.setattr(batch, "extract_records", real)
    code, _, stderr = invoke("extract", root, "-o", out, "--resume")
    assert code == 1 and "(3 already done, skipped)" in stderr
    records = _records(out)
    fresh = tmp_path / "fresh.jsonl"
    invoke("extract", root, "-o", fresh, "-q")
    assert records == _records(fresh)  # same records, same order, nothing twice


def test_n_process_gives_the_same_records(tmp_path, nlp):
    root = _folder(tmp_path)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    s1 = run_extract([root], out=one, nlp=nlp, report=lambda line: None)
    s2 = run_extract([root], out=two, n_process=2, nlp=nlp, report=lambda line: None)
    assert one.read_text() == two.read_text()
    assert (s1.articles, s1.errors, s1.mentions) == (s2.articles, s2.errors, s2.mentions)


# --- one article in pieces --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, max_chars, pieces",
    [
        ("short", 100, [(0, 5)]),
        ("aaaa\n\nbbbb\n\ncccc", 8, [(0, 6), (6, 12), (12, 16)]),
        ("aaaa bbbb\ncccc", 12, [(0, 10), (10, 14)]),
        ("one. two. three", 10, [(0, 10), (10, 15)]),
        ("one two three", 6, [(0, 4), (4, 8), (8, 13)]),
        ("x" * 25, 10, [(0, 10), (10, 20), (20, 25)]),
        ("", 10, [(0, 0)]),
    ],
)
def test_split_text(text, max_chars, pieces):
    assert split_text(text, max_chars) == pieces


def test_chunked_article_matches_the_whole(nlp):
    text = ARTICLE + "\n".join(
        f"Paragraph {i}: sales rose {i}.5 percent to ${i} million, with {i}00 new shops." for i in range(1, 40)
    )
    whole = next(extract_records([ArticleInput("w", text)], nlp=nlp)).record
    pieces = next(extract_records([ArticleInput("p", text)], nlp=nlp, chunk_chars=400)).record
    assert len(split_text(text, 400)) > 5
    assert pieces.text == text and pieces.published == whole.published
    for m in pieces.mentions:
        assert text[m.start : m.end] == m.text
        for index in (m.period_index, m.equivalent_of):
            assert index is None or 0 <= index < len(pieces.mentions)
    key = lambda m: (m.start, m.end, m.kind, m.value, m.unit, m.period_start)
    assert [key(m) for m in pieces.mentions] == [key(m) for m in whole.mentions]


def test_a_failing_component_gives_an_error_record(nlp, monkeypatch):
    component = nlp.get_pipe("newsfigures_quantities")
    real = component.match

    def explode(doc):
        if "boom" in doc.text:
            raise RuntimeError("boom")
        return real(doc)

    monkeypatch.setattr(component, "match", explode)
    items = [
        ArticleInput("1", "Up 5%."),
        ArticleInput("2", "boom 5%"),
        InputFailure("3", "empty", "empty file"),
        ArticleInput("4", "Down 2%."),
    ]
    records = [r.record for r in extract_records(items, nlp=nlp)]
    assert [r.source if hasattr(r, "error") else r.text for r in records] == ["Up 5%.", "2", "3", "Down 2%."]
    assert records[1].error.type == "pipeline_error" and "boom" in records[1].error.message
    with pytest.raises(RuntimeError):  # the handler is put back: the API still raises
        nlp("boom")


# --- hostile text: time linear in size ----------------------------------------------------------

HOSTILE = {
    "digits": "7",
    "percent": "percent ",
    "no spaces": "ab1.",
    "ones": "1,",
}


@pytest.mark.parametrize("name, sizes", [("digits", (20_000, 80_000)), ("percent", (20_000, 80_000)),
                                         ("no spaces", (40_000, 160_000)), ("ones", (4_000, 16_000))])  # fmt: skip
def test_hostile_text_in_linear_time(nlp, name, sizes):
    seconds = []
    for size in sizes:
        text = HOSTILE[name] * (size // len(HOSTILE[name]))
        started = time.process_time()
        [done] = extract_records([ArticleInput(name, text)], nlp=nlp, chunk_chars=10_000)
        seconds.append(time.process_time() - started)
        assert done.record.text == text
    assert seconds[1] < 8 * max(seconds[0], 0.02), f"4x the text took {seconds[1] / seconds[0]:.1f}x the time"


# --- the Python API -----------------------------------------------------------------------------


def test_extract_many_streams(nlp):
    texts = (f"Sales rose {i}%." for i in count())  # endless: only what is asked for is processed
    first = list(islice(newsfigures.extract_many(texts, nlp=nlp, batch_size=4), 5))
    assert [a.text for a in first] == [f"Sales rose {i}%." for i in range(5)]


@pytest.mark.parametrize(
    "items, error",
    [
        ([b"bytes"], TypeError),
        ([None], TypeError),
        ([("text", "not a dict")], TypeError),
        ([("text", {}, "extra")], TypeError),
        ([("text", {"published": "not a date"})], ValueError),
        ("a single text, not a list of texts", TypeError),
        (None, TypeError),
    ],
)
def test_extract_many_rejects_bad_items(nlp, items, error):
    with pytest.raises(error):
        list(newsfigures.extract_many(items, nlp=nlp))


def test_extract_many_n_process_keeps_order(nlp):
    items = [(f"Item {i}: sales rose {i}%.", {"id": str(i)}) for i in range(6)]
    serial = list(newsfigures.extract_many(items, nlp=nlp))
    parallel = list(newsfigures.extract_many(items, nlp=nlp, n_process=2, batch_size=2))
    assert [a.id for a in parallel] == [str(i) for i in range(6)] and parallel == serial


# --- show and bench -----------------------------------------------------------------------------


def test_show_writes_a_page(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, _ = invoke("show", tmp_path / "a.txt", "-o", tmp_path / "page.html")
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert code == 0 and page.startswith("<!DOCTYPE html>")
    assert "12.4" in page and "percentage" in page and "<table>" in page and "Exports climb on new routes" in page


def test_show_an_article_without_figures_and_its_warnings(tmp_path):
    (tmp_path / "a.txt").write_bytes("caf\u00e9 society, nothing counted".encode("cp1252"))
    code, stdout, stderr = invoke("show", tmp_path / "a.txt")
    assert code == 0 and "No figures found" in stdout and "decoded as cp1252" in stdout and "W117" not in stderr


def test_show_to_stdout_and_bad_input(tmp_path):
    (tmp_path / "x.jsonl").write_text('{"text": "Up 5%."}\n{bad\n', encoding="utf-8")
    code, stdout, _ = invoke("show", tmp_path / "x.jsonl")
    assert code == 0 and "invalid_json" in stdout and "5%" in stdout
    code, _, stderr = invoke("show", tmp_path / "x.jsonl", "--published", "nope")
    assert code == 2 and "Traceback" not in stderr


def test_bench_reports_ratios(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, stdout, _ = invoke("bench", tmp_path, "--repeat", "1", "--articles", "4")
    assert code == 0 and "1 articles from" in stdout and "repeated to 4" in stdout
    assert "x blank" in stdout and "peak RSS" in stdout
    report = bench.run_bench(str(tmp_path), repeat=1, articles=2, n_process=2)
    assert report["words"] > 0 and report["ratio_to_blank"] > 0 and report["scaling"] > 0
    low, high = report["ratio_range"]
    assert low <= report["ratio_to_blank"] <= high  # the median of the turns' ratios lies within them
    assert report["first_pass_ratio_to_blank"] > 0 and "first pass" in stdout  # one pass over unseen texts too


def test_bench_of_an_empty_folder_is_an_error(tmp_path):
    code, _, stderr = invoke("bench", tmp_path)
    assert code == 2 and "no readable articles" in stderr


def test_bench_memory_probe(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    bench.memory_probe(str(tmp_path), 3, 2)
    assert json.loads(capsys.readouterr().out)["articles"] == 6
