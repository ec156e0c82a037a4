"""The article this project started from: every figure in it must come out right, and nothing else.

The real seed text lives outside the repository (``../shared/seed``); our own rewrite of it, with the
same facts, is ``corpus/articles/dev/cn-shanxi-finance-2024-12-23.txt`` and is checked by the corpus tests.
"""

from datetime import date
from decimal import Decimal

import pytest

import newsfigures

# (text, kind, value, unit, qualifier, counted)
EXPECTED_FIGURES = [
    ("35.59 percent", "percentage", "35.59", "percent", None, None),
    ("27.06 percent", "percentage", "27.06", "percent", None, None),
    ("10.91 percent", "percentage", "10.91", "percent", None, None),
    ("18.23 percent", "percentage", "18.23", "percent", None, None),
    ("41.17 percent", "percentage", "41.17", "percent", None, None),
    ("31.48 percent", "percentage", "31.48", "percent", None, None),
    ("32.98 percent", "percentage", "32.98", "percent", None, None),
    ("eight", "count", "8", None, None, "tasks"),
    ("20", "count", "20", None, None, "measures"),
    ("691,400", "count", "691400", None, None, "personal pension accounts"),
    ("105 million yuan", "money", "105000000", "CNY", None, None),
    ("$14.39 million", "money", "14390000", "USD", None, None),
    ("nearly 7.7 billion yuan", "money", "7700000000", "CNY", "nearly", None),
    ("248", "count", "248", None, None, "pension industry projects"),
    ("over 1.25 million", "count", "1250000", None, "over", "elderly customers"),
]

EXPECTED_PERIODS = [
    ("this year", date(2024, 1, 1), date(2024, 12, 31)),
    ("the end of the third quarter", date(2024, 9, 30), date(2024, 9, 30)),
]


@pytest.fixture(scope="module")
def seed_article(nlp, seed_text):
    return newsfigures.extract(seed_text, published="2024-12-23", nlp=nlp)


def test_every_seed_figure_comes_out_right_and_nothing_else(seed_article):
    figures = [m for m in seed_article.mentions if m.kind != "period"]
    got = [(m.text, m.kind, m.value, m.unit, m.qualifier, m.counted) for m in figures]
    want = [(t, k, Decimal(v), u, q, c) for t, k, v, u, q, c in EXPECTED_FIGURES]
    assert got == want


def test_seed_offsets_slice_the_text(seed_article):
    for m in seed_article.mentions:
        assert seed_article.text[m.start : m.end] == m.text


@pytest.mark.parametrize("text, start, end", EXPECTED_PERIODS)
def test_seed_periods_resolve(seed_article, text, start, end):
    periods = [m for m in seed_article.mentions if m.kind == "period" and m.text.lower() == text]
    assert periods, f"{text!r} not found as a period"
    assert all((p.period_start, p.period_end) == (start, end) for p in periods)


def test_seed_dateline_gives_the_publication_date(nlp, seed_text):
    article = newsfigures.extract(seed_text, nlp=nlp)
    assert article.published == date(2024, 12, 23)
    assert article.title == "Shanxi injects financial vitality to boost development"


# (figure, subject, role, direction, basis, governing period end) - read off the seed by hand
EXPECTED_LINKS = [
    ("35.59 percent", "loans to technology enterprises", "change", "increase", "since_start_of_year", date(2024, 9, 30)),
    ("27.06 percent", "the number of loan accounts", "change", "increase", "since_start_of_year", date(2024, 9, 30)),
    ("10.91 percent", "green credit balances in the ecological environment industry", "change", "increase",
     "year_on_year", None),
    ("18.23 percent", "energy conservation and environmental protection", "change", "increase", "year_on_year", None),
    ("41.17 percent", "clean production", "change", "increase", "year_on_year", None),
    ("31.48 percent", "clean energy", "change", "increase", "year_on_year", None),
    ("32.98 percent", "inclusive loans to small and micro-enterprises in the province", "change", "increase",
     "year_on_year", date(2024, 9, 30)),
    ("eight", "tasks", "level", None, None, None),
    ("20", "measures", "level", None, None, None),
    ("691,400", "personal pension accounts", "level", None, None, date(2024, 9, 30)),
    ("105 million yuan", "deposits", "level", None, None, date(2024, 9, 30)),
    ("$14.39 million", "deposits", "level", None, None, date(2024, 9, 30)),
    ("248", "pension industry projects", "level", None, None, date(2024, 9, 30)),
    ("over 1.25 million", "elderly customers", "level", None, None, None),
]  # fmt: skip


@pytest.mark.parametrize("figure, subject, role, direction, basis, period_end", EXPECTED_LINKS)
def test_seed_figures_are_linked_right(seed_article, figure, subject, role, direction, basis, period_end):
    """What each seed figure measures; the four green-credit figures share one paragraph with no period
    of its own, and a figure's period never crosses paragraphs, so they have none."""
    [m] = [m for m in seed_article.mentions if m.text == figure]
    assert (m.subject, m.role, m.direction, m.basis, m.period_end) == (subject, role, direction, basis, period_end)


def test_seed_conversion_points_to_the_yuan_amount(seed_article):
    index = {m.text: i for i, m in enumerate(seed_article.mentions)}
    assert seed_article.mentions[index["$14.39 million"]].equivalent_of == index["105 million yuan"]
