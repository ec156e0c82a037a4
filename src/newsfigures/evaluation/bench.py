"""``newsfigures bench``: how fast the pipeline is, against spaCy's own tokeniser, and how much memory it holds.

Like ``spacy benchmark speed``: words per second over the same texts, read again in turns, for

- ``spacy.blank("en")`` tokenisation alone (the floor any spaCy pipeline pays),
- the newsfigures pipeline end to end (records included, as ``extract`` writes them), in one process
  and, with ``--n-process N``, in N worker processes (the scaling is the ratio of the two),

and once more as an archive is read: one pass over texts neither pipeline has seen (``first_pass``); the
tokeniser caches what it has split, so the turns flatter it more than they flatter the pipeline. And the peak
resident memory. ``--memory`` runs the pipeline in two fresh subprocesses over 1x and 10x
the articles and compares their peak memory: a streaming pipeline holds the same memory for both.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

import spacy

from ..components.pipeline import load
from ..io.batch import BATCH_SIZE, extract_records
from ..errors import NewsfiguresError
from ..io.inputs import ArticleInput, read_inputs

MEMORY_SCALE = 10

# Sample articles written for the benchmark (no corpus needed): figures of every kind, house styles mixed.
SAMPLE_ARTICLES = (
    """Port city lifts exports on new shipping lanes
Updated: 2024-11-05
Exports from the port city rose 12.4 percent year-on-year in the first three quarters, reaching 86.3 billion yuan ($12.1 billion), the municipal commerce bureau said on Tuesday.
Shipments of electric vehicles more than doubled to 41,200 units, while machinery exports grew by 8.7 percent. Imports fell 3.1% to 52 billion yuan.
The bureau expects full-year trade to grow between 9 and 11 percent, helped by three new container routes to Southeast Asia and about 1,500 new exporting firms registered this year.
Average freight rates on the routes dropped by 15 basis points in October, and the share of private companies in total trade climbed to 64.5 percent, up 2.3 percentage points from a year earlier.
""",
    """Central bank holds rates as inflation cools
Published: 2024-09-18
The central bank left its benchmark rate unchanged at 5.25 per cent on Wednesday after consumer prices rose 2.9pc in August, the slowest pace in more than two years.
Core inflation eased to 3.2% from 3.4% a month earlier. Policymakers voted seven to two to hold, with two members backing a cut of a quarter of a percentage point.
Household lending grew by £4.1bn in July, while mortgage approvals rose to 62,000, the highest since September 2022. Economists polled expect a cut of 25 bps in November and a further 50 bps next year.
The jobless rate stood at 4.1 per cent, and wage growth slowed to 4.0 percent in the three months to July.
""",
    """Retailer plans 200 stores and 3,000 jobs
Updated: 2024-03-02
A discount retailer said it would open nearly 200 stores over the next five years and hire about 3,000 staff, investing more than $450 million.
Sales for fiscal 2023 rose 6.8 percent to $9.6 billion, and comparable-store sales increased 2.1%. Net profit climbed to $311 million, or $2.45 a share, from $287 million.
The company expects revenue of $10.1 billion to $10.3 billion this year and capital spending of roughly 4 percent of sales. Its shares jumped 11% in early trading, adding some $1.2bn in market value.
Online orders made up 18 percent of sales in the fourth quarter, and the loyalty scheme passed 25 million members.
""",
)


def default_corpus() -> Path | None:
    """The bundled corpus folder ``corpus/articles`` (checkout or current folder), if it has articles."""
    for root in (Path.cwd(), Path(__file__).resolve().parents[3]):
        folder = root / "corpus" / "articles"
        if folder.is_dir() and any(p.suffix == ".txt" for p in folder.rglob("*.txt")):
            return folder
    return None


def load_texts(path: str | None = None, *, articles: int = 400) -> tuple[list[str], str]:
    """The texts to time and what they are: the articles under ``path`` (a folder or a file such as a
    ``.jsonl.gz`` collection; default: the corpus, else the built-in sample), repeated in turn up to ``articles``
    texts when there are fewer, the first ``articles`` when there are more."""
    folder = Path(path) if path else default_corpus()
    texts = []
    if folder is not None:
        texts = [item.text for item in read_inputs([folder]) if isinstance(item, ArticleInput)]
        if not texts and path:
            raise NewsfiguresError(f"{path}: no readable articles to time")
    found = f"{len(texts)} articles from {folder}" if texts else "the built-in sample"
    texts = texts or list(SAMPLE_ARTICLES)
    if len(texts) > articles:  # a large collection (a .jsonl.gz archive): its first articles, each once
        texts = texts[:articles]
        found = f"the first {articles} of {found}"
    if len(texts) < articles:
        texts = [texts[i % len(texts)] for i in range(articles)]
        found += f", repeated to {articles}"
    return texts, found


def _interleaved_times(runs: list, repeat: int) -> list[list[float]]:
    """Seconds of each run in each of ``repeat`` turns; within a turn the runs follow one another."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, spent in zip(runs, times):
            started = time.perf_counter()
            run()
            spent.append(time.perf_counter() - started)
    return times


def _ratios(faster: list[float], slower: list[float]) -> list[float]:
    """``faster / slower`` seconds turn by turn: runs timed in one turn share the machine's speed of the moment."""
    return sorted(a / b for a, b in zip(faster, slower))


def _pipeline_run(nlp, texts: list[str], n_process: int):
    def run() -> None:
        inputs = (ArticleInput(f"bench#{i}", text) for i, text in enumerate(texts))
        for _ in extract_records(inputs, nlp=nlp, n_process=n_process):
            pass

    return run


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MiB (``ru_maxrss`` is in KiB on Linux)."""
    return resource.getrusage(who).ru_maxrss / 1024


def run_dask_bench(path: str | None = None, *, where: str = "local", n_process: int = 2, articles: int = 2000) -> dict:
    """Throughput of a Dask run (``where``: ``local`` or a scheduler) on the texts, against one worker of the same
    cluster and against the plain single-process run (``newsfigures extract``'s path), all writing JSONL."""
    import json
    import tempfile
    import time

    from ..dask.run import connect, run_parts
    from ..io.batch import run_extract

    texts, described = load_texts(path, articles=articles)
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "texts.jsonl"
        source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
        nlp = load()
        run_extract([source], out=str(Path(tmp) / "warm.jsonl"), nlp=nlp)  # a warm process, as the workers are
        started = time.perf_counter()
        run_extract([source], out=str(Path(tmp) / "one.jsonl"), nlp=nlp)
        single = time.perf_counter() - started
        timings = {}
        for workers in (1, n_process) if where == "local" else (n_process,):
            client = connect(where, n_workers=workers)
            try:
                run_parts(client, [source], Path(tmp) / f"warm{workers}", fmt="jsonl")  # workers load the pipeline
                started = time.perf_counter()
                run_parts(client, [source], Path(tmp) / f"out{workers}", fmt="jsonl")
                timings[workers] = time.perf_counter() - started
            finally:
                client.close()
    report = {"texts": described, "words": words, "single_words_per_s": words / single,
              "dask_workers": n_process, "dask_words_per_s": words / timings[n_process],
              "dask_vs_single": single / timings[n_process]}  # fmt: skip
    if 1 in timings and n_process != 1:
        report["dask_vs_one_worker"] = timings[1] / timings[n_process]
    return report


def first_pass(texts: list[str], warm: list[str]) -> dict:
    """One pass over texts neither pipeline has seen, each pipeline fresh and warmed alike on ``warm`` (other
    texts): how an archive of distinct articles is read. The turns of :func:`run_bench` read the same texts again,
    which spaCy's tokeniser, caching what it has split, does faster each time; both measures are reported."""
    blank, nlp = spacy.blank("en"), load()
    list(blank.pipe(warm))
    _pipeline_run(nlp, warm, 1)()
    started = time.perf_counter()
    words = sum(len(doc) for doc in blank.pipe(texts))
    blank_s = time.perf_counter() - started
    started = time.perf_counter()
    _pipeline_run(nlp, texts, 1)()
    ours_s = time.perf_counter() - started
    return {"first_pass_words_per_s": words / ours_s, "first_pass_ratio_to_blank": blank_s / ours_s}


def run_bench(
    path: str | None = None, *, n_process: int = 1, repeat: int = 3, articles: int = 400, memory: bool = False
) -> dict:
    """Time blank tokenisation and the pipeline on the same texts; returns the numbers as a dict."""
    texts, described = load_texts(path, articles=articles)
    once = first_pass(texts, list(SAMPLE_ARTICLES) * 10)
    blank = spacy.blank("en")
    words = sum(len(doc) for doc in blank.pipe(texts))
    nlp = load()
    _pipeline_run(nlp, texts[:20], 1)()  # warm up: lazy regex compilation, lexicon loading
    # the two are timed in turn, run after run, so that a slow spell of the machine falls on both alike
    # spaCy's own measure (`spacy benchmark speed`) times nlp.pipe; we also time extract's whole path,
    # records included, which is what the CLI pays
    runs = [
        lambda: sum(len(doc) for doc in blank.pipe(texts)),
        lambda: sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE)),
        _pipeline_run(nlp, texts, 1),
    ]
    if n_process > 1:  # the workers' run in the same turns, so that the scaling compares like with like
        runs.append(_pipeline_run(nlp, texts, n_process))
    blank_t, pipe_t, ours_t, *multi = _interleaved_times(runs, repeat)
    blank_s, pipe_s, ours_s = (statistics.median(t) for t in (blank_t, pipe_t, ours_t))
    pipe_ratios, ours_ratios = _ratios(blank_t, pipe_t), _ratios(blank_t, ours_t)
    report = {
        "texts": described,
        "words": words,
        "repeat": repeat,
        "blank_words_per_s": words / blank_s,
        "nlp_pipe_words_per_s": words / pipe_s,
        # the ratios are taken turn by turn (a slow spell of a shared machine falls on both runs of a turn):
        # their median, and their lowest and highest
        "nlp_pipe_ratio_to_blank": statistics.median(pipe_ratios),
        "nlp_pipe_ratio_range": [pipe_ratios[0], pipe_ratios[-1]],
        "pipeline_words_per_s": words / ours_s,
        "ratio_to_blank": statistics.median(ours_ratios),
        "ratio_range": [ours_ratios[0], ours_ratios[-1]],
    }
    if n_process > 1:
        multi_s = statistics.median(multi[0])
        scalings = _ratios(ours_t, multi[0])
        report.update(
            n_process=n_process,
            multi_words_per_s=words / multi_s,
            scaling=statistics.median(scalings),
            scaling_range=[scalings[0], scalings[-1]],
        )
    report.update(once)
    report["peak_rss_mb"] = peak_rss_mb()
    if n_process > 1:
        report["peak_rss_children_mb"] = peak_rss_mb(resource.RUSAGE_CHILDREN)
    if memory:
        one = _probe(path, articles, 1)
        many = _probe(path, articles, MEMORY_SCALE)
        report.update(memory_1x_mb=one, memory_scaled_mb=many, memory_scale=MEMORY_SCALE, memory_growth=many / one)
    return report


def _probe(path: str | None, articles: int, copies: int) -> float:
    """Peak memory (MiB) of a fresh process that streams ``copies`` times the texts through the pipeline."""
    code = f"from newsfigures.evaluation.bench import memory_probe; memory_probe({path!r}, {articles}, {copies})"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise NewsfiguresError(f"memory probe failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])["peak_rss_mb"]


def memory_probe(path: str | None, articles: int, copies: int) -> None:
    """Child process of ``--memory``: stream the texts ``copies`` times, print the peak memory as JSON."""
    texts, _ = load_texts(path, articles=articles)
    count = len(texts) * copies
    inputs = (ArticleInput(f"probe#{i}", texts[i % len(texts)]) for i in range(count))
    for _ in islice(extract_records(inputs, nlp=load()), count):
        pass
    print(json.dumps({"peak_rss_mb": peak_rss_mb(), "articles": count}))


def format_report(report: dict) -> str:
    """The bench numbers as aligned lines."""
    lines = [
        f"texts                 {report['texts']}, {report['words']:,} words, {report['repeat']} turns (medians)",
        f"blank tokeniser       {report['blank_words_per_s']:>12,.0f} words/s",
        (
            f"nlp.pipe (1 proc)     {report['nlp_pipe_words_per_s']:>12,.0f} words/s   "
            f"{report['nlp_pipe_ratio_to_blank']:.2f}x blank {_spread(report['nlp_pipe_ratio_range'])}"
            "(goal >= 0.25x; as `spacy benchmark speed`)"
        ),
        (
            f"extract + records     {report['pipeline_words_per_s']:>12,.0f} words/s   "
            f"{report['ratio_to_blank']:.2f}x blank {_spread(report['ratio_range'])}(the CLI's whole path)"
        ),
    ]
    if "first_pass_ratio_to_blank" in report:
        lines.append(
            f"extract, first pass    {report['first_pass_words_per_s']:>11,.0f} words/s   "
            f"{report['first_pass_ratio_to_blank']:.2f}x blank (one pass over unseen texts, fresh pipelines)"
        )
    if "scaling" in report:
        lines.append(
            f"newsfigures ({report['n_process']} procs)  {report['multi_words_per_s']:>11,.0f} words/s   "
            f"{report['scaling']:.2f}x one process {_spread(report['scaling_range'])}".rstrip()
        )
    lines.append(f"peak RSS              {report['peak_rss_mb']:>12,.0f} MiB")
    if "peak_rss_children_mb" in report:
        lines.append(f"peak RSS (a worker)   {report['peak_rss_children_mb']:>12,.0f} MiB")
    if "memory_growth" in report:
        lines.append(
            f"memory, 1x vs {report['memory_scale']}x     {report['memory_1x_mb']:,.0f} MiB vs "
            f"{report['memory_scaled_mb']:,.0f} MiB: {report['memory_growth']:.2f}x (goal < 1.2x)"
        )
    return "\n".join(lines)


def _spread(bounds: list[float]) -> str:
    """The lowest and highest turn's ratio, when they differ in print."""
    low, high = (f"{x:.2f}" for x in bounds)
    return "" if low == high else f"[turns {low}-{high}] "
