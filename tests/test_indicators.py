"""Indicators: what a figure measures, read from its subject with the lexicon in patterns/indicators/."""

from __future__ import annotations

import pytest

from newsfigures.indicators import head_phrase, indicator_of, indicators


@pytest.mark.parametrize(
    ("subject", "indicator"),
    [
        ("loans to technology enterprises", "loans"),
        ("tech loans", "loans"),
        ("Shanxi's deposits", "deposits"),
        ("GDP growth", "gdp"),
        ("economic growth", "gdp"),
        ("the unemployment rate", "unemployment_rate"),
        ("Japan's consumer price index", "cpi"),
        ("inflation", "cpi"),
        ("retail sales of cars", "retail_sales"),
        ("Net", "net_profit"),
        ("Oper net", "net_profit"),
        ("Shr", "earnings_per_share"),
        ("Revs", "revenue"),
        ("Qtly div", "dividend"),
        ("exports to the U.S.", "exports"),
        ("the trade surplus", "trade_balance"),
        ("Public sector net borrowing", "budget_balance"),
        ("the yen", "exchange_rate"),
        ("M-3 money supply", "money_supply"),
        ("the discount rate", "policy_rate"),
        ("industrial production", "industrial_output"),
        ("nonfarm payrolls", "employment"),
    ],
)
def test_subjects_name_their_indicator(subject, indicator):
    assert indicator_of(subject) == indicator


@pytest.mark.parametrize(
    "subject",
    ["the number of loan accounts", "Avg shrs", "the company", "people", "and", None, ""],
)
def test_subjects_that_name_no_indicator(subject):
    assert indicator_of(subject) is None


def test_the_head_phrase_is_what_is_measured():
    assert head_phrase("the number of loan accounts") == ("loan", "accounts")
    assert head_phrase("loans to technology enterprises") == ("loans",)


def test_every_indicator_has_an_id_a_name_and_terms():
    ids = [i.id for i in indicators()]
    assert len(ids) == len(set(ids)) >= 25
    assert all(i.name and i.terms for i in indicators())


@pytest.mark.parametrize(
    ("subject", "kind", "indicator"),
    [
        ("shares", "count", None),  # a number of shares is not a share price
        ("shares", "percentage", "share_price"),
        ("Shr profit", "money", "earnings_per_share"),
        ("pretax profit", "money", "operating_profit"),
        ("net profit", "money", "net_profit"),
        ("the leading indicators index", "percentage", None),
    ],
)
def test_indicators_by_kind_and_line_item(subject, kind, indicator):
    assert indicator_of(subject, kind) == indicator


def test_the_term_index_answers_as_the_plain_reading_of_the_lexicon():
    """indicator_of looks subjects up by their endings in an index made from the lexicon; the plain reading tries
    every indicator's terms in order. They agree."""
    from newsfigures.indicators import _heads

    def plain(subject, kind=None):
        for head in _heads(subject):
            for ind in indicators():
                if kind is not None and ind.kinds is not None and kind not in ind.kinds:
                    continue
                if any(term and head[-len(term) :] == term for term in ind.terms):
                    return ind.id
        return None

    subjects = ["tech loans", "the number of loan accounts", "Shr profit", "shares", "GDP growth", "Net", "the yen",
                "net interest income", "retail sales of cars", "M-3 money supply", "pretax profit", "the company"]  # fmt: skip
    for subject in subjects:
        for kind in (None, "percentage", "money", "count"):
            assert indicator_of(subject, kind) == plain(subject, kind), (subject, kind)
