"""The command line without traps: each trap a new user fell into has a test (issue "for the people who read the
output"): the output format, an existing output, an output that cannot be written, missing inputs, help and
version, clean option help, progress counted in articles."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsfigures import __version__
from newsfigures.cli import app

runner = CliRunner()
ARTICLE = "Exports rose 5 pct to 6.3 mln dlrs in January.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "in" / "a.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_the_output_extension_picks_the_format(article, tmp_path):
    csv_out, jsonl_out = tmp_path / "out.csv", tmp_path / "out.jsonl"
    assert run("extract", article, "-o", csv_out, "-q").exit_code == 0
    assert csv_out.read_text(encoding="utf-8").splitlines()[0].startswith(("source", "id", "article"))
    assert not csv_out.read_text(encoding="utf-8").startswith("{")
    assert run("extract", article, "-o", jsonl_out, "-q").exit_code == 0
    assert json.loads(jsonl_out.read_text(encoding="utf-8").splitlines()[0])["mentions"]


def test_parquet_from_the_extension(article, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    assert run("extract", article, "-o", out, "-q").exit_code == 0
    assert pq.read_table(out).num_rows >= 2


def test_a_format_that_contradicts_the_extension_is_refused(article, tmp_path):
    result = run("extract", article, "-o", tmp_path / "out.csv", "--format", "jsonl")
    assert result.exit_code == 2 and "extension says csv" in result.output
    assert not (tmp_path / "out.csv").exists()


def test_an_existing_output_is_kept_unless_forced(article, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    result = run("extract", article, "-o", out)
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert run("extract", article, "-o", out, "--force", "-q").exit_code == 0
    assert out.read_text(encoding="utf-8") != "precious\n"


def test_an_output_folder_is_refused_before_any_work(article, tmp_path):
    folder = tmp_path / "somedir"
    folder.mkdir()
    result = run("extract", article, "-o", folder)
    assert result.exit_code == 2 and "is a folder" in result.output
    assert not list(tmp_path.glob("somedir.partial*"))


def test_a_missing_output_folder_is_not_created_silently(article, tmp_path):
    result = run("extract", article, "-o", tmp_path / "nowhere" / "out.jsonl")
    assert result.exit_code == 2 and "does not exist" in result.output
    assert not (tmp_path / "nowhere").exists()


def test_a_missing_input_is_a_usage_error_not_a_record(article, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("extract", article, tmp_path / "missing.txt", "-o", out)
    assert result.exit_code == 2 and "missing.txt" in result.output
    assert not out.exists()


def test_resume_never_appends_a_missing_input(article, tmp_path):
    out = tmp_path / "out.jsonl"
    assert run("extract", article, "-o", out, "-q").exit_code == 0
    before = out.read_text(encoding="utf-8")
    assert run("extract", article, tmp_path / "missing.txt", "-o", out, "--resume").exit_code == 2
    assert out.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_with_h(flag):
    result = run("extract", flag)
    assert result.exit_code == 0 and "Usage" in result.output


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("command", ["extract", "evaluate", "bench", "show"])
def test_option_help_has_no_type_noise(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "<bool>" not in result.output and "<int range>" not in result.output


def test_show_on_a_missing_file_is_an_error_not_a_page(tmp_path):
    result = run("show", tmp_path / "missing.txt")
    assert result.exit_code == 2 and "no such file" in result.output and "<html" not in result.output


def test_progress_counts_articles(tmp_path, monkeypatch):
    from newsfigures.io import batch

    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"text": ARTICLE}) + "\n" for _ in range(3)), encoding="utf-8")
    seen = {}

    class Bar:
        def __init__(self, total=None, unit=None, **kwargs):
            seen.update(total=total, unit=unit, updates=0)

        def update(self, n):
            seen["updates"] += n

        def write(self, *a, **k):
            pass

        def close(self):
            pass

    monkeypatch.setattr("tqdm.tqdm", Bar)
    batch.run_extract([corpus], out=str(tmp_path / "out.jsonl"), progress=True)
    assert seen["total"] == 3 and seen["updates"] == 3 and "article" in seen["unit"]


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2024-12-23T08:00:00+08:00">',
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2024-12-23"}]}</script>',
        "<body><time datetime='2024-12-23'>Dec 23</time>",
        '<meta name="pubdate" content="2024-12-23">',
    ],
)
def test_html_pages_give_their_publication_date(tmp_path, head):
    page = tmp_path / "a.html"
    page.write_text(f"<html><head>{head}</head><body><p>Loans rose 12.5 percent last year.</p></body></html>")
    out = tmp_path / "out.jsonl"
    assert run("extract", page, "-o", out, "-q").exit_code == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["published"] == "2024-12-23" and record["warnings"] == []
    assert [m["period_start"] for m in record["mentions"]] == ["2023-01-01", "2023-01-01"]


def test_an_undated_article_gets_one_warning(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text("Loans rose 12.5 percent last year.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", page, "-o", out)
    record = json.loads(out.read_text(encoding="utf-8"))
    assert len(record["warnings"]) == 1 and "no publication date" in record["warnings"][0]
    assert "1 without a publication date" in result.output


def test_summary_per_indicator_and_a_chart_page(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i, (pct, month) in enumerate([("12.5", "March"), ("11.8", "June"), ("10.2", "September")]):
        (inputs / f"{i}.txt").write_text(f"Loans rose {pct} percent in {month}.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("extract", inputs, "-o", out, "--published", "2024-12-23", "-q").exit_code == 0
    page = tmp_path / "summary.html"
    result = run("summary", out, "--html", page)
    assert result.exit_code == 0
    loans = next(line for line in result.output.splitlines() if line.startswith("Loans"))
    assert loans.split()[1:] == ["3", "0", "0", "3"]
    html = page.read_text(encoding="utf-8")
    assert "<svg" in html and html.count("<circle") == 3 and "http" not in html.replace('lang="en"', "")


def test_summary_of_a_missing_file_is_a_usage_error(tmp_path):
    result = run("summary", tmp_path / "missing.jsonl")
    assert result.exit_code == 2 and "missing.jsonl" in result.output
