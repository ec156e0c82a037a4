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
