"""``extract`` from several threads gives what one thread gives: no per-text state is shared between calls."""

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import newsfigures

ARTICLES = Path(__file__).resolve().parents[1] / "corpus" / "articles"


def _texts() -> list[str]:
    """Real articles of every split, in a fixed order: long texts with every kind of figure and period."""
    return [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*/*.txt"))]


def _run(text: str) -> str:
    return newsfigures.extract(text, published="2024-12-23").model_dump_json()


@pytest.fixture
def frequent_thread_switches():
    """Switch threads every few microseconds, so that calls interleave inside the stages, not only between them."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def test_extract_from_four_threads_matches_one_thread(frequent_thread_switches):
    texts = _texts()
    assert len(texts) > 40
    expected = [_run(text) for text in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(_run, texts))
    different = [i for i, (a, b) in enumerate(zip(got, expected)) if a != b]
    assert not different, f"{len(different)} of {len(texts)} articles differ from the single-thread run"


GREENBACKS = {
    "USD": {"currencies.json": {"currencies": [{"code": "USD", "words": ["greenbacks"]}]}},
    "EUR": {"currencies.json": {"currencies": [{"code": "EUR", "words": ["greenbacks"]}]}},
}


def test_two_pipelines_with_different_additions_from_two_threads_each_give_their_own(frequent_thread_switches):
    """Each pipeline reads its own additions (the same word as dollars in one and euros in the other) while
    the other runs beside it: no pipeline waits for another, none sees the other's rules."""
    pipelines = {}
    for code, additions in GREENBACKS.items():
        pipelines[code] = newsfigures.load()
        pipelines[code].get_pipe("newsfigures_quantities").initialize(patterns=additions)
    texts = [text + "\n\nThe deal cost 5 greenbacks." for text in _texts()[:12]]

    def run(code: str) -> list[str]:
        return [newsfigures.extract(t, nlp=pipelines[code], published="2024-12-23").model_dump_json() for t in texts]

    expected = {code: run(code) for code in pipelines}
    assert expected["USD"] != expected["EUR"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        got = dict(zip(pipelines, pool.map(run, pipelines)))
    assert got == expected
    last = newsfigures.extract("It cost 5 greenbacks.", nlp=pipelines["EUR"]).mentions[0]
    assert (last.text, last.unit) == ("5 greenbacks", "EUR")
