"""The annotated corpus is valid, and the evaluator scores it (a small run, as CI does)."""

from decimal import Decimal

import pytest

from newsfigures.evaluation.corpus import GoldArticle, load_corpus, validate_article, validate_corpus
from newsfigures.evaluation.evaluate import evaluate, format_table, overlap_pairs, token_f1, values_match
from newsfigures.records import Mention


def test_whole_corpus_is_valid(corpus_dir):
    problems = validate_corpus(corpus_dir)
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_corpus_is_big_enough_and_balanced(corpus_dir):
    articles = load_corpus(corpus_dir, "all")
    counts = {}
    for a in articles:
        for m in a.mentions:
            counts[m.kind] = counts.get(m.kind, 0) + 1
    assert len(articles) >= 30
    assert all(counts.get(kind, 0) >= 100 for kind in ("percentage", "money", "count", "period")), counts
    assert {"dev", "test"} <= {a.split for a in articles} <= {"dev", "test", "holdout"}


def _mention(kind, text, start, **fields):
    return Mention(kind=kind, text=text, start=start, end=start + len(text), **fields)


def test_validator_catches_bad_offsets_units_and_overlaps():
    text = "Sales rose 5% to $3 billion."
    article = GoldArticle(
        id="x",
        text=text,
        published=None,
        mentions=[
            _mention("percentage", "5%", 12, value=Decimal(5), unit="percent"),  # off by one
            _mention("money", "$3 billion", 17, value=Decimal(3e9), unit="DOLLARS"),
            _mention("money", "3 billion", 18, value=Decimal(3e9), unit="USD"),
        ],
    )
    problems = " | ".join(validate_article(article))
    assert "text at 12:14" in problems
    assert "'DOLLARS' is not a known ISO 4217 code" in problems
    assert "money mentions overlap" in problems


@pytest.mark.parametrize(
    "gold, pred, expected",
    [("loans to technology enterprises", "loans to technology enterprises", 1.0), ("deposits", None, 0.0), (None, None, 1.0)],
)
def test_token_f1(gold, pred, expected):
    assert token_f1(gold, pred) == expected


def test_overlap_pairs_are_one_to_one():
    gold = [_mention("count", "20", 0), _mention("count", "30", 10)]
    pred = [_mention("count", "20 firms", 0), _mention("count", "30", 10), _mention("count", "4", 20)]
    assert sorted(overlap_pairs(gold, pred)) == [(0, 0), (1, 1)]


def test_values_match_compares_numbers_not_strings():
    g = _mention("money", "$3 billion", 0, value=Decimal("3000000000"), unit="USD")
    p = _mention("money", "$3 billion", 0, value=Decimal("3E+9"), unit="USD")
    assert values_match(g, p)


def test_small_evaluation_runs_and_reports_every_kind(corpus_dir):
    report, problems = evaluate(str(corpus_dir), "dev")
    assert report["articles"] >= 10
    for kind in ("percentage", "money", "count", "period"):
        assert report["gold_mentions"][kind] > 0
        assert 0.0 <= report[f"{kind}_overlap_f"] <= 1.0
    # a floor well under today's numbers, so a regression that breaks a kind fails loudly
    assert report["percentage_overlap_f"] > 0.9 and report["money_overlap_f"] > 0.9
    assert "percentage" in format_table(report)


def test_conversion_link_is_right_only_when_it_points_to_the_same_amount():
    """equivalent_of is an index into each side's own list: the scorer compares the amounts it points to."""
    from newsfigures.evaluation.evaluate import report, score

    text = "Sales of 7.2 billion yuan ($1 billion) beat forecasts."
    cny = _mention("money", "7.2 billion yuan", text.index("7.2"), value=Decimal("7.2E+9"), unit="CNY", role="level")
    usd_start = text.index("$1")
    gold = [cny, _mention("money", "$1 billion", usd_start, value=Decimal("1E+9"), unit="USD", role="level",
                          equivalent_of=0)]
    article = GoldArticle(id="a", text=text, published=None, mentions=gold)
    extra = _mention("percentage", "8%", 0, value=Decimal(8), unit="percent")

    def system(pointing: int):
        usd = gold[1].model_copy(update={"equivalent_of": pointing})
        return lambda a: [extra, cny, usd]  # a mention of its own first: the index differs from gold's

    right = report(score([article], system(1))[0], 1, {"money": 2})
    wrong = report(score([article], system(0))[0], 1, {"money": 2})
    assert right["money_equivalent_of_acc"] == 1.0 and wrong["money_equivalent_of_acc"] == 0.0
