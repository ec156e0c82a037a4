"""Pure number parsing, as a table."""

from decimal import Decimal

import pytest

from newsfigures.quantities.numbers import clean_decimal, parse_number
from newsfigures.text.fold import fold_width as fold_text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1,250,000", "1250000"),
        ("1\u00a0250\u00a0000", "1250000"),
        ("1\u202f250", "1250"),
        ("1,50,000", "150000"),  # Indian grouping
        ("35.59", "35.59"),
        ("-3.2", "-3.2"),
        ("1.25 million", "1250000"),
        ("14.39 million", "14390000"),
        ("7.7 billion", "7700000000"),
        ("4.39 lakh crore", "4390000000000"),
        ("500 crore", "5000000000"),
        ("3 lakh", "300000"),
        ("5 thousand crore", "50000000000"),
        ("5bn", "5000000000"),
        ("40m", "40000000"),
        ("2.5 tn", "2500000000000"),
        ("3 mln", "3000000"),
        ("eight", "8"),
        ("twenty-five", "25"),
        ("two hundred and fifty", "250"),
        ("one hundred twenty five", "125"),
        ("a dozen", "12"),
        ("half a million", "500000"),
        ("three million", "3000000"),
        ("a hundred", "100"),
        ("１２３．５", "123.5"),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["five six", "twenty thirty", "million apples", "", "abc", "1" * 30])
def test_not_a_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "value, expected", [("14390000.00", "14390000"), ("2.50", "2.5"), ("1E+9", "1000000000"), ("0.250", "0.25")]
)
def test_clean_decimal(value, expected):
    assert str(clean_decimal(Decimal(value))) == expected


def test_fold_keeps_length():
    text = "增长１２．５％，共３０个"
    assert len(fold_text(text)) == len(text)
    assert "12.5%" in fold_text(text)
