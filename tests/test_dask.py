"""The extraction on a real Dask cluster (a LocalCluster of two worker processes): the same records as one process,
nothing lost and nothing twice when a worker dies, bad inputs as error records, resume."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="the Dask tests need .[dask] (dask[distributed])")

from newsfigures.dask import plan_parts, read_part, run_parts  # noqa: E402
from newsfigures.io.batch import run_extract  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _records(folder: Path) -> list[dict]:
    rows = []
    for part in sorted(folder.glob("part-*.jsonl")):
        rows.extend(read_part(part))
    return rows


@pytest.fixture(scope="module")
def single_process(tmp_path_factory):
    out = tmp_path_factory.mktemp("one") / "all.jsonl"
    run_extract([CORPUS], out=str(out))
    return {r["source"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}


def test_the_cluster_gives_the_records_of_one_process(client, single_process, tmp_path):
    summary = run_parts(client, [CORPUS], tmp_path / "out", fmt="jsonl")
    records = _records(tmp_path / "out")
    assert summary.parts > 1 and not summary.failed_parts
    assert sorted(r["source"] for r in records) == sorted(single_process)  # every input once
    assert {r["source"]: r for r in records} == single_process  # and the same records


def test_parquet_parts_are_one_dataset(client, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    summary = run_parts(client, [CORPUS], tmp_path / "out")
    table = pq.read_table(tmp_path / "out")
    assert table.num_rows == summary.mentions  # every article of the corpus has mentions
    assert {"source", "row", "kind", "value"} <= set(table.column_names)


def test_bad_inputs_are_error_records_once(client, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Exports rose 5 pct to 6.3 mln dlrs.", encoding="utf-8")
    (inputs / "b.txt").write_bytes(b"\x00\x01binary")
    (inputs / "c.jsonl").write_text('{"text": "Up 4%."}\n{broken\n', encoding="utf-8")
    summary = run_parts(client, [inputs], tmp_path / "out", fmt="jsonl")
    records = _records(tmp_path / "out")
    assert sorted(r["source"].rpartition("/")[2] for r in records) == ["a.txt", "b.txt", "c.jsonl#1", "c.jsonl#2"]
    assert summary.errors == 2 and summary.articles == 2


def test_resume_runs_only_the_missing_parts(client, tmp_path):
    first = run_parts(client, [CORPUS], tmp_path / "out", fmt="jsonl")
    victim = sorted((tmp_path / "out").glob("part-*.jsonl"))[1]
    victim.unlink()
    again = run_parts(client, [CORPUS], tmp_path / "out", fmt="jsonl", resume=True)
    assert again.skipped == first.parts - 1 and again.parts == first.parts
    assert len(_records(tmp_path / "out")) == first.articles


def test_a_worker_killed_midway_loses_and_duplicates_nothing(client, single_process, tmp_path):
    out = tmp_path / "out"
    result = {}
    runner = threading.Thread(
        target=lambda: result.update(summary=run_parts(client, [CORPUS], out, fmt="jsonl", part_bytes=16_000))
    )
    runner.start()
    deadline = time.time() + 60
    while not list(out.glob("part-*.jsonl")) and time.time() < deadline:
        time.sleep(0.05)
    pids = list(client.run(os.getpid).values())
    os.kill(pids[0], signal.SIGKILL)  # a worker process dies with its task
    runner.join(timeout=180)
    assert not runner.is_alive() and not result["summary"].failed_parts
    records = _records(out)
    assert sorted(r["source"] for r in records) == sorted(single_process)
    assert all(not p.name.startswith("part-") for p in out.glob(".*.tmp"))  # a dead worker leaves at most a temporary file


def test_a_big_jsonl_file_is_cut_into_runs_of_lines(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"text": f"Sales rose {i} pct."}) + "\n" for i in range(200)), encoding="utf-8")
    parts = plan_parts([path], part_bytes=1000)
    runs = [(s.first, s.stop) for p in parts for s in p.slices]
    assert len(parts) > 3 and runs[0][0] == 1 and runs[-1][1] == 201
    assert all(a[1] == b[0] for a, b in zip(runs, runs[1:]))  # consecutive, no gap, no overlap


def test_the_python_api_gives_a_dask_dataframe_and_a_bag(client, single_process):
    from newsfigures.dask import extract, records

    bag = records([CORPUS])
    articles = bag.compute()
    assert sorted(a.source for a in articles) == sorted(single_process)
    frame = extract(bag).compute()
    assert len(frame) == sum(len(r["mentions"]) for r in single_process.values())
    assert set(frame["row"]) == {"mention"}
