"""Wire copy and the world's text: wire style, every currency, hard-wrapped lines, Unicode spaces, one failing
component. The sentences are our own, written in the style of 1980s newswire and of today's web news."""

from __future__ import annotations

import gzip
import json
import re
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import newsfigures
from newsfigures.quantities.currencies import currency_tables
from newsfigures.quantities.numbers import parse_digits
from newsfigures.quantities.finder import find_quantities
from newsfigures.text.view import reading_text, wraps_lines

P87 = "1987-03-02"
REUTERS = Path(__file__).resolve().parents[2] / "shared" / "external-dev" / "reuters-21578.jsonl.gz"


def figures(text: str, published=P87):
    return [(m.text, m.kind, m.value, m.unit) for m in newsfigures.extract(text, published=published).mentions
            if m.kind != "period"]


# --- wire style ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose to 6.3 mln dlrs from 4.1 mln dlrs.", [("6.3 mln dlrs", "money", "6300000", "USD"), ("4.1 mln dlrs", "money", "4100000", "USD")]),
        ("It earned 73 cts a share.", [("73 cts", "money", "0.73", "USD")]),
        ("Turnover was 94.8 mln stg.", [("94.8 mln stg", "money", "94800000", "GBP")]),
        ("The bank lent 750 mln pesetas.", [("750 mln pesetas", "money", "750000000", "ESP")]),
        ("Bonn spent 85 mln marks on it.", [("85 mln marks", "money", "85000000", "DEM")]),
        ("The fund holds 2.5 bln guilders.", [("2.5 bln guilders", "money", "2500000000", "NLG")]),
        ("Rome raised 4,000 bln lire.", [("4,000 bln lire", "money", "4000000000000", "ITL")]),
        ("It paid 45 mln Canadian dlrs.", [("45 mln Canadian dlrs", "money", "45000000", "CAD")]),
        ("The loan is 300 mln U.S. Dlrs.", [("300 mln U.S. Dlrs", "money", "300000000", "USD")]),
        ("The deal is worth DM 4.5 mln.", [("DM 4.5 mln", "money", "4500000", "DEM")]),
        ("Sales were two mln dlrs.", [("two mln dlrs", "money", "2000000", "USD")]),
        ("Rates rose 1/2 pct to 7-1/4 pct.", [("1/2 pct", "percentage", "0.5", "percent"), ("7-1/4 pct", "percentage", "7.25", "percent")]),
        ("Fed funds traded at 6-3/16 pct.", [("6-3/16 pct", "percentage", "6.1875", "percent")]),
        ("The stock closed at 24-1/8 dlrs.", [("24-1/8 dlrs", "money", "24.125", "USD")]),
        ("The bank cut its rate 5 pct.", [("5 pct", "percentage", "5", "percent")]),
        # a range whose high end names a sub-unit: the low end is in it too
        ("Analysts expect 24 to 30 cts a share.", [("24 to 30 cts", "money", "0.24", "USD")]),
        ("Cattle futures are called 0.20 to 0.50 cent lower.", [("0.20 to 0.50 cent", "money", "0.002", "USD")]),
    ],
)
def test_wire_amounts(text, expected):
    assert figures(text) == [(t, k, Decimal(v), u) for t, k, v, u in expected]


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        # the currency was said once for the series
        ("Exports fell to 2.51 billion dlrs from 2.98 billion.", "2.98 billion", "USD"),
        ("Reserves rose 9.4 mln francs to 33.12 billion.", "33.12 billion", "FRF"),
        ("Deposits rose 9.7 pct to 4.2 billion yen, and savings, up 18.6 pct, to 111,431 billion.", "111,431 billion", "JPY"),
        ("Shr 31 cts vs 56 cts\n    Net 13.7 mln vs 25.2 mln", "25.2 mln", "USD"),
        ("Shr loss 1.10 dlrs vs profit 40 cts\n    Revs 212.5 mln vs 198.0 mln", "212.5 mln", "USD"),
        ("Shr 12 cts vs 9 cts\n    dOper net 1,450,000 vs 1,090,000", "1,090,000", "USD"),
        ("Qtly div 15 cts vs 15 cts. Net includes a tax credit of 2,614,000 for qtr.", "2,614,000", "USD"),
        # the unit said after the last of two scaled amounts joined by "and" covers both
        ("It put the 1986 and 1985 deficits at 2.09 billion and 1.72 billion dlrs.", "2.09 billion", "USD"),
        ("Bids of 300 mln and 450 mln stg were accepted.", "300 mln", "GBP"),
        ("Japan and Korea took 1.4 billion and 900 mln yen respectively.", "1.4 billion", "JPY"),
        # a money noun, auxiliaries, its change verb: the level after it is money
        ("Sales were 4 mln dlrs. Net income would have risen 8.4 pct to 32.9 mln.", "32.9 mln", "USD"),
        ("Earnings of 2 mln stg were seen. Profits have fallen to 1.1 mln.", "1.1 mln", "GBP"),
        ("Turnover was 12 mln marks, and operating profit will also rise by 3 mln.", "3 mln", "DEM"),
        # an item's gain or loss in the note under a table of money
        ("Shr 12 cts vs 10 cts\n    Net 388,536 vs 301,000\n    Note: Net includes extraordinary gains of 33,654 for qtr.",
         "33,654", "USD"),
        # more money nouns: a contribution, interest, depreciation
        ("Retail profit rose to 30 mln stg, with its pretax contribution of 45.5 mln the largest.", "45.5 mln", "GBP"),
        ("Net was 12 mln dlrs after depreciation of 3.1 mln and interest of 2.2 mln.", "2.2 mln", "USD"),
        # a pair of bare amounts compared by "vs" in the note under a table of money
        ("Shr 16.7 cts vs 29.4 cts\n    Net 10.84 mln vs 19.15 mln\n    NOTE - Net is after tax 10.47 mln vs 7.27 mln, "
         "interest 2.58 mln vs 9.55 mln.", "9.55 mln", "USD"),
        # any row compared by "vs" in a table of money is money, whatever its label, unless it counts shares
        ("Shr 12.2p vs 10.9p\n    Trading profit includes -\n    Tobacco 764 mln vs 738 mln", "738 mln", "GBP"),
        ("Net 4.1 mln dlrs vs 3.2 mln\n    North America 34.7 mln vs 30.1 mln", "34.7 mln", "USD"),
        ("Shr 40 cts vs 35 cts\n    Other income 52.75 mln vs 48.1 mln", "52.75 mln", "USD"),
    ],
)
def test_currency_said_once_for_a_series(text, amount, unit):
    found = {m.text: m for m in newsfigures.extract(text, published=P87).mentions}
    assert found[amount].kind == "money" and found[amount].unit == unit


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Shr 31 cts vs 56 cts\n    Avg shrs 6,460,000 vs 5,719,000", "6,460,000"),  # shares are counted
        ("Shr 31 cts vs 56 cts\n    Outstanding shrs 897.96 mln vs 880 mln", "897.96 mln"),
        ("Job losses of 5,000 were reported after sales of 3 mln dlrs.", "5,000"),  # no table of money above
        ("Shr 31 cts vs 56 cts\n    Net 5 mln vs 4 mln\n    NOTE: Average shares 21.5 mln vs 13.3 mln in quarter and "
         "18.9 mln vs 13.3 mln in half.", "18.9 mln"),
        ("Net 2.1 mln dlrs vs 1.9 mln\n    Primary avg shrs 16,306,000 vs 15,9000,000", "16,306,000"),
        ("Shoppers spent 1.2 billion yuan, and the number of visitors fell to 4.1 million.", "4.1 million"),
        ("Payrolls rose by 150,000 in May after a gain of 76,000 in April, when wages rose $12.", "76,000"),
    ],
)
def test_a_count_stays_a_count_beside_money(text, amount):
    found = {m.text: m for m in newsfigures.extract(text, published=P87).mentions}
    assert found[amount].kind == "count"


@pytest.mark.parametrize(
    "text",
    [
        "Plantings were put at 6.41 mln hectares against a forecast of 6.60 mln.",
        "Crushings were 21.8 mln bushels, compared with 18.9 mln a year earlier.",
        "Output rose to 480,000 tonnes from 452,000.",
        # the series goes on past the first bare figure
        "Sowings were 246,000 ha versus an estimate of 236,000 and actual area harvested of 217,000.",
        "Stocks stood at 1.2 mln barrels against 1.1 mln a week earlier and 950,000 a year ago.",
        # a measure named before its verb
        "Available seat miles rose to 9.6 mln from 7.1 mln last year.",
        "Crude stocks in barrels totalled 320 mln at the end of March.",
        "Slaughter is estimated at 128,000 to 132,000 head versus 130,000 a week ago.",
        # a measure said after the last of a list covers each item
        "The government and private exporters shipped 26,272 and 46,715 tonnes respectively.",
        "Stocks were 1,200, 1,350 and 1,410 barrels a day.",
        # a list's or a table's unit said once, up front
        "The breakdown was as follows, in tonnes: cotton 3,002 (6,234), sunflower 86,612 (38,347), the board said.",
        "Shipments in the week, in tonnes, with comparisons:\n    Bread wheat    235,800    205,700\n    Maize    "
        "158,400    189,000",
        "Stocks by state were as follows (in mln bushels): Iowa 512.4, Illinois 480.2.",
    ],
)
def test_an_amount_after_a_measure_is_that_measure(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Exporters lose about 3 pct on every 100 kilos shipped.",
        "The minimum weight is 450 kilos for steers.",
        "Imports reached 75 mln kilo last season.",
        # fractions are not counts
        "The plan needs the votes of at least two thirds of the holders.",
        "Nine-tenths of the members agreed.",
        "Two fifths of the crop was lost.",
        # a count of periods of time is no count of things
        "Output fell 1.6 pct between the two latest three-month periods.",
        "Prices rose in both periods.",
        # names, models and doses
        "Six Flags operates theme parks.",
        "Shipments of the 3090 mainframes were strong.",
        "It will sell 90 mg and 120 mg Cardizem tablets.",
        "The plan follows a previously announced April one Fleet stock split.",
    ],
)
def test_kilos_and_fractions_are_no_counts(text):
    assert [f for f in figures(text) if f[1] == "count"] == []


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The blast killed one miner and injured three.", "miner"),
        ("Each unit consists of one share and two warrants.", "share"),
        ("Holders may buy one common share at five dlrs.", "common share"),
        ("The bank will open one branch in Leeds.", "branch"),
        ("The Greens lost one seat in the vote.", "seat"),
    ],
)
def test_one_before_a_singular_noun_counts_one_thing(text, counted):
    found = [m for m in newsfigures.extract(text, published=P87).mentions if m.kind == "count" and m.text == "one"]
    assert [(m.value, m.counted) for m in found] == [(Decimal(1), counted)]


@pytest.mark.parametrize(
    "text",
    [
        "Rates will fall, one dealer said.",
        "The yen may rise, said one analyst in Tokyo.",
        "But one senior Finance Ministry official warned against it.",
        "One trader expects a cut.",  # a sentence's first word: a speaker, most often
        "It is one of the largest banks.",
        "There is only one way to do it.",
        "Exports will be only one third of the total.",
        "It was the biggest one day decline.",
        "The number one problem is debt.",
        "The one bank that grew was Acme.",
    ],
)
def test_one_as_pronoun_speaker_idiom_or_fraction_counts_nothing(text):
    assert [m.text for m in newsfigures.extract(text, published=P87).mentions if m.kind == "count"] == []


@pytest.mark.parametrize(
    ("text", "amount", "year"),
    [
        ("Capital spending rose in 1986 to 60 mln stg from 31.5 mln.", "60 mln stg", "1986"),
        ("Its fleet grew in 2019 to 45 ships.", "45", "2019"),
        ("Output fell in 1985 to 12 pct of capacity.", "12 pct", "1985"),
    ],
)
def test_a_year_then_to_and_a_number_is_no_year_range(text, amount, year):
    found = newsfigures.extract(text, published=P87).mentions
    assert amount in [m.text for m in found if m.kind != "period"]
    assert [m.text for m in found if m.kind == "period"] == [year]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The stock rose 1-1/8 to 24-1/8 dlrs.", [("24-1/8 dlrs", "money", "24.125", "USD")]),  # a change, then a level
        ("Growth is expected to be 5 to 7 pct.", [("5 to 7 pct", "percentage", "5", "percent")]),  # a range
    ],
)
def test_change_then_level_is_not_a_range(text, expected):
    assert figures(text) == [(t, k, Decimal(v), u) for t, k, v, u in expected]


@pytest.mark.parametrize(
    ("text", "value"),
    [("1/2", "0.5"), ("24-1/8", "24.125"), ("6-3/16", "6.1875"), ("5-15/16", "5.9375"), ("3/64", "0.046875")],
)
def test_wire_fractions(text, value):
    assert parse_digits(text) == Decimal(value)


@pytest.mark.parametrize("text", ["3/2", "0/4", "5/5"])
def test_improper_fractions_are_not_numbers(text):
    assert parse_digits(text) is None


# --- currencies: CLDR and the ambiguity rules ------------------------------------------------------------


def test_cldr_file_agrees_with_babel():
    """patterns/currencies_cldr.json is what ``python -m newsfigures.quantities.cldr`` writes from Babel."""
    babel = pytest.importorskip("babel")
    from newsfigures.quantities import cldr as currency_data
    from newsfigures.resources import load_json

    made_with = load_json("currencies_cldr.json")["babel_version"]
    if babel.__version__ != made_with:
        pytest.skip(f"the file was generated with Babel {made_with}, Babel {babel.__version__} is installed")
    assert currency_data.main(["--check"]) == 0


def test_every_iso_currency_is_known_with_historic_ones():
    tables = currency_tables()
    for code in ("USD", "EUR", "DEM", "FRF", "ITL", "NLG", "ESP", "BEF", "ATS", "GRD", "PTE", "XOF", "ZAR"):
        assert tables.prefixes.get(code) == code, code
    assert len(set(tables.words.values())) > 200


@pytest.mark.parametrize(
    ("text", "published", "unit"),
    [
        ("The dividend is 5 mln francs.", "1987-03-02", "FRF"),  # the franc of 1987 France
        ("The dividend is 5 mln francs.", "2024-03-02", "CHF"),  # the French franc is gone
        ("A Brussels holding paid 40 mln francs; Belgium's bank said so.", "1987-03-02", "BEF"),
        ("Swiss banks lent 300 mln francs.", "1987-03-02", "CHF"),
        ("Oslo's fund sold 2 mln crowns of bonds.", "1987-03-02", "NOK"),
        ("Sweden's exports rose 2 bln crowns.", "1987-03-02", "SEK"),
        ("Pakistan collected 9.3 trillion rupees.", "2025-05-10", "PKR"),
        ("Mumbai traders paid 400 crore rupees.", "2025-05-10", "INR"),
        ("Manila's budget rose 20 billion pesos.", "2024-01-02", "PHP"),
        ("Italy's deficit reached 100,000 bln lire.", "1987-03-02", "ITL"),
        ("Turkey's central bank sold 5 billion lira.", "2024-03-02", "TRY"),
        # a name several currencies share over time is the one in use on the date
        ("Exports reached 5 bln Turkish lira.", "1987-05-01", "TRL"),
        ("Exports reached 5 bln Turkish lira.", "2024-05-01", "TRY"),
        ("The loan was 20 mln Brazilian cruzados.", "1987-05-01", "BRC"),
        # a place's name before the unit is the currency that place used then
        ("GDP rose to 8.2 bln Zimbabwe dlrs.", "1987-05-01", "ZWD"),
        ("Remittances were 3 mln Zimbabwe dollars.", "2015-05-01", "USD"),
        ("The port collected 40 mln Singapore dlrs.", "1987-05-01", "SGD"),
        ("A dealer paid 2 mln Jamaica dollars.", "1987-05-01", "JMD"),
        # a bare unit word several currencies share over time: the one in use then
        ("Trade with the West reached 2.72 billion roubles.", "1987-05-01", "SUR"),
        ("Trade with the West reached 2.72 billion roubles.", "2024-05-01", "RUB"),
        # CLDR's unit words alone, read by the date
        ("The 1987 budget deficit was 43.8 billion forints.", "1987-05-01", "HUF"),
        ("Spot bean prices rose to 350 cruzados.", "1987-05-01", "BRC"),
        ("Wheat rose six australs per tonne.", "1987-05-01", "ARA"),
        ("The firm deficit is put at 11 billion intis.", "1987-05-01", "PEI"),
        ("Debt payments were set at 7.50 bolivars per dollar.", "1987-05-01", "VEB"),
        ("Profits were about 80 mln punts.", "1987-05-01", "IEP"),
        # a unit word several countries' currencies share: the country the story names, then or since
        ("The Bank of Zambia said the auction rate fell to 18.75 kwacha.", "1987-05-01", "ZMK"),
        ("The Bank of Zambia said the auction rate fell to 18.75 kwacha.", "2020-05-01", "ZMW"),
        ("Malawi said maize imports cost 40 mln kwacha.", "1987-05-01", "MWK"),
        ("Zaire's budget put spending at 60 billion zaires.", "1987-05-01", "ZRZ"),
    ],
)
def test_currency_words_follow_the_article_and_the_date(text, published, unit):
    money = [m for m in newsfigures.extract(text, published=published).mentions if m.kind == "money"]
    assert [m.unit for m in money] == [unit]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The bank sold 3 bln Belgian francs.", "BEF"),
        ("It bought 10 mln Dutch guilders of bonds.", "NLG"),
        ("Costs were 12 mln South African rand.", "ZAR"),
        ("The fund raised 2 bln Australian dlrs.", "AUD"),
        ("Tokyo paid 4.5 bln H.K. dlrs.", "HKD"),
        ("The fee is 150 Danish kroner.", "DKK"),
        ("Prices were 2,500 Kenyan shillings.", "KES"),
        ("EC farm spending would rise to 3.1 bln ECUs.", "XEU"),
        ("Credit Foncier is issuing a 150 mln Ecu eurobond.", "XEU"),
    ],
)
def test_currency_names_come_from_cldr(text, unit):
    money = [m for m in newsfigures.extract(text, published="2024-03-02").mentions if m.kind == "money"]
    assert [m.unit for m in money] == [unit]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Shr 21.6 H.K. cents vs 12 cents\n    Net 121 mln dlrs vs 67.42 mln", ["HKD", "HKD", "HKD", "HKD"]),
        ("It paid 5 mln Canadian dlrs for the unit. Net profit was 10 mln dlrs.", ["CAD", "CAD"]),
        ("Sales were 40 mln Australian dlrs, or 28 mln U.S. dlrs; costs were 9 mln dlrs.", ["AUD", "USD", "USD"]),
        ("Net profit was 10 mln dlrs, up from 8 mln dlrs.", ["USD", "USD"]),
    ],
)
def test_a_bare_dollar_word_is_the_dollar_named_last(text, units):
    money = [m for m in newsfigures.extract(text, published="1987-03-02").mentions if m.kind == "money"]
    assert [m.unit for m in money] == units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There was a 400 mln mark deficit in services.", [("money", "400 mln mark", "DEM")]),
        ("Bonn approved a 1.5 billion mark aid package.", [("money", "1.5 billion mark", "DEM")]),
        ("Profit rose to 2.3 bln marks.", [("money", "2.3 bln marks", "DEM")]),
        ("The dollar held above the 1.80 mark level.", []),  # an unscaled "mark" is a threshold
    ],
)
def test_a_singular_mark_is_money_after_a_scaled_number(text, expected):
    found = [(m.kind, m.text, m.unit) for m in newsfigures.extract(text, published="1987-05-01").mentions if m.kind != "period"]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    ["The Group of Five nations met in Paris.", "Ministers of the Group of Seven agreed.", "The Group of 10 central banks acted."],
)
def test_group_of_n_is_a_name_not_a_count(text):
    assert not [m for m in newsfigures.extract(text, published="1987-05-01").mentions if m.kind == "count"]


@pytest.mark.parametrize(
    ("text", "counted"),
    [("Dome reached an agreement with a group of 56 major creditors.", "major creditors"),
     ("A group of 12 banks led the loan.", "banks")],
)
def test_a_group_of_n_things_in_lower_case_is_a_count(text, counted):
    counts = [m for m in newsfigures.extract(text, published="1987-05-01").mentions if m.kind == "count"]
    assert [m.counted for m in counts] == [counted]


@pytest.mark.parametrize(
    ("text", "counted"),
    [("He backed a merger of the two consortia.", "consortia"), ("The bank set out 12 criteria.", "criteria")],
)
def test_latin_plurals_are_counted_nouns(text, counted):
    counts = [m for m in newsfigures.extract(text, published="1987-05-01").mentions if m.kind == "count"]
    assert [m.counted for m in counts] == [counted]


@pytest.mark.parametrize(
    ("text", "span"),
    [("Shares closed last night at 364p.", "last night"), ("The talks broke up last evening.", "last evening")],
)
def test_last_night_is_the_day_before(text, span):
    periods = [m for m in newsfigures.extract(text, published="1987-03-31").mentions if m.kind == "period"]
    assert [(m.text, m.label) for m in periods] == [(span, "1987-03-30")]


@pytest.mark.parametrize(
    "text",
    ["Disappearance was three pct above a year ago.", "Heifer supplies stood at 94 pct of a year ago.",
     "Sales were two billion a year earlier."],
)
def test_a_year_ago_after_a_figure_is_a_basis_written_numbers_too(text):
    assert not [m for m in newsfigures.extract(text, published="1987-03-31").mentions if m.kind == "period"]


@pytest.mark.parametrize(
    ("text", "published", "span", "label"),
    [
        ("Purolator agreed this past weekend to be acquired.", "1987-03-02", "this past weekend", "1987-02-28/1987-03-01"),
        ("Talks went on over the weekend, officials said.", "1987-03-04", "the weekend", "1987-02-28/1987-03-01"),
        ("Ministers meet again this weekend.", "1987-03-04", "this weekend", "1987-03-07/1987-03-08"),
        ("Oil ministers gather in Caracas tommorrow.", "1987-03-04", "tommorrow", "1987-03-05"),
        ("Reserves averaged 51 billion marks over the whole month.", "1987-04-02", "the whole month", "1987-03"),
        # results notes: a length that opens a note, follows "fiscal" or joins "qtr and" is the reported period
        ("Qtr\n    Net 1.2 mln vs 900,000\n    Six months net includes a gain of 1.2 mln dlrs.", "1987-03-02", "Six months", "1986-H2"),
        ("Shr 9 cts vs 8 cts\n    NOTE: Nine mths shr is after a charge of 12 cts.", "1987-04-10", "Nine mths", "1986-07/1987-03"),
        ("The company earlier reported fiscal six month profit of 12,933 dlrs.", "1987-02-11", "six month", "1986-H2"),
        ("Net includes a loss of 6.6 mln dlrs for qtr and nine mths on prepayment of debt.", "1987-04-10", "nine mths", "1986-07/1987-03"),
        # a year's end told in the past is the last one; one still to come, this year's
        ("The bank's total year-end assets were 11.1 billion dlrs.", "1987-03-19", "year-end", "1986-12-31"),
        ("Deposits at year-end stood at 4.2 billion stg.", "1987-02-10", "year-end", "1986-12-31"),
        ("The bank expects assets of 12 billion dlrs by year-end.", "1987-03-19", "year-end", "1987-12-31"),
        # a month that starts within a month after P, with no cue either way, is the coming one
        ("The sanctions take effect in mid-April.", "1987-03-31", "mid-April", "1987-04-11/1987-04-20"),
        ("The institute could close May export registrations tonight.", "1987-04-03", "May", "1987-05"),
        ("Exports rose 5 pct in April.", "1987-03-31", "April", "1986-04"),  # told in the past: the last April
        # a year after "since" is a point counted from, not the year of the dates after it
        ("It paid its first dividend since fiscal 1978 of 10 cts, pay April 15.", "1987-03-31", "April 15", "1987-04-15"),
        ("Output hit a record, the most since records began in 1953, after a fall in December.", "1987-03-02",
         "December", "1986-12"),
        # wire typos of month names
        ("Production had fallen 0.2 pct in Feburary.", "1987-04-10", "Feburary", "1987-02"),
        # a split fiscal year "starting" a month sets the story's year; "the year" of a story that states its year
        ("The budget for fiscal 1987/88 starting next October rises seven pct.", "1987-03-30", "fiscal 1987/88",
         "1987-10/1988-09"),
        ("Profit for the year ending March 31 fell. Current profit for the year was 17 billion yen.", "1987-03-11",
         "the year", "1986-04/1987-03"),
        # "earlier this week/year" runs to the day written on
        ("The banks agreed earlier this week to extend the loans.", "1987-03-05", "earlier this week", "1987-03-02/1987-03-05"),
        ("It had forecast growth of 1.5 pct earlier this year.", "1987-03-18", "earlier this year", "1987-01-01/1987-03-18"),
        # a day written as a word after its month
        ("The sale is expected to close by May One.", "1987-03-20", "May One", "1987-05-01"),
        ("NOTE: 1986 period ended June One", "1987-03-20", "June One", "1986-06-01"),
        ("The merger took effect on Oct twenty-one, 1986.", "1987-03-20", "Oct twenty-one, 1986", "1986-10-21"),
        # the start of "the month" told in the past is this month's: it is already past
        ("Shares rose sharply at the beginning of the month on bid rumours.", "1987-06-03", "the beginning of the month",
         "1987-06-01"),
        ("Reserve figures for the start of the month are unrealistic.", "1987-03-03", "the start of the month", "1987-03-01"),
        # "until" a date points forward
        ("The Saudis agreed to supply oil to Brazil until June.", "1987-03-13", "June", "1987-06"),
        ("The tariffs stay in place until September.", "1987-03-13", "September", "1987-09"),
        # "unlikely to" points forward as "likely to" does
        ("The council is unlikely to change policy at its meeting on Thursday.", "1987-03-03", "Thursday", "1987-03-05"),
    ],
)
def test_wire_day_words_weekends_and_whole_units(text, published, span, label):
    periods = [(m.text, m.label) for m in newsfigures.extract(text, published=published).mentions if m.kind == "period"]
    assert (span, label) in periods


@pytest.mark.parametrize(
    "text",
    [
        "June live cattle futures are called lower.",
        "Dealers said the March corn contract was weak.",
        "Soybean output is only 20 pct of its 1980 levels.",
        "Coffee exports are below their 1985 levels.",
        "The cartel cut the value of its crude exports in half.",  # "in half" is a results half only in notes
        "Prior qtr and year figures include a gain on securities sales.",  # a comparison phrase, as "the prior qtr"
    ],
)
def test_contract_months_and_reference_levels_are_no_periods(text):
    assert not [m for m in newsfigures.extract(text, published="1987-04-24").mentions if m.kind == "period"]


# --- periods in wire copy -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "heading", "start", "end"),
    [
        ("Shr 31 cts vs 56 cts\n    Year\n    Shr 1.10 dlrs vs 98 cts", "Year", "1986-01-01", "1986-12-31"),
        ("Net 13.7 mln vs 25.2 mln\n    Nine mths\n    Net 40 mln vs 38 mln", "Nine mths", "1986-04-01", "1986-12-31"),
        ("Qtr\n    Shr 5 cts vs 4 cts", "Qtr", "1986-10-01", "1986-12-31"),
        ("Shr 5 cts vs 4 cts\n    4th qtr\n    Net 2 mln vs 1 mln", "4th qtr", "1986-10-01", "1986-12-31"),
        ("Net includes a gain of 1.2 mln dlrs for qtr and 3.4 mln dlrs for year.", "year", "1986-01-01", "1986-12-31"),
        # a heading that states its end sets the table's periods, its notes' too
        ("Qtr ended Jan 31\n    Shr 5 cts vs 4 cts", "Qtr ended Jan 31", "1986-11-01", "1987-01-31"),
        ("Period ended Feb 28\n    Shr 5 cts vs 4 cts", "Period ended Feb 28", "1986-12-01", "1987-02-28"),
        ("Qtr ended Jan 31\n    Shr 5 cts vs 4 cts\n    Nine mths\n    Shr 9 cts vs 8 cts", "Nine mths", "1986-05-01",
         "1987-01-31"),
        ("Qtr ended Jan 31\n    Net 5 mln vs 4 mln\n    NOTE: Net includes a gain of 2 mln dlrs for the quarter.",
         "the quarter", "1986-11-01", "1987-01-31"),
        # notes under a table: "the year", "the nine months" are the table's
        ("Shr 31 cts vs 56 cts\n    Year\n    Shr 1.10 dlrs vs 98 cts\n    NOTE: Earnings were cut for the year by "
         "eight cts a share.", "the year", "1986-01-01", "1986-12-31"),
        ("Shr 5 cts vs 4 cts\n    NOTE: It had a loss of 3 mln dlrs for the nine months.", "the nine months", "1986-04-01",
         "1986-12-31"),
        # a heading read first ends the table's periods: the block above "Year" and its notes are its last quarter
        ("Net 5 mln vs 4 mln\n    Year\n    Net 20 mln vs 18 mln\n    NOTE: Net includes gains of 1 mln in quarter.",
         "quarter", "1986-10-01", "1986-12-31"),
        # a note that opens with the year before is on that year's periods
        ("Year\n    Net 20 mln vs 18 mln\n    NOTE: 1985 results exclude gains of 2 mln dlrs in quarter and 5 mln dlrs "
         "in year.", "quarter", "1985-10-01", "1985-12-31"),
        ("Year\n    Net 20 mln vs 18 mln\n    NOTE: 1985 results exclude gains of 2 mln dlrs in quarter and 5 mln dlrs "
         "in year.", "year", "1985-01-01", "1985-12-31"),
        ("Qtr ended May 31\n    Shr 5 cts vs 4 cts\n    Note - 1986 earnings exclude a loss of 3 mln dlrs in the "
         "quarter.", "the quarter", "1986-03-01", "1986-05-31"),
        ("Year\n    Net 20 mln vs 18 mln\n    NOTE: 1986 net includes a gain of 2 mln dlrs for year.", "year",
         "1986-01-01", "1986-12-31"),
        # headings that state their end: "Year to March 31", "Periods ended Feb 28", a day and "end"
        ("Year to March 31\n    Shr 22.1p vs 19.8p", "Year to March 31", "1986-04-01", "1987-03-31"),
        ("Periods ended Jan 31\n    Shr 5 cts vs 4 cts", "Periods ended Jan 31", "1986-11-01", "1987-01-31"),
        ("Sept 30 end\n    Oper shr 20 cts vs 19 cts", "Sept 30 end", "1986-07-01", "1986-09-30"),
        # notes: "in half", "for qtr and nine mths", "Current qtr and year figures"
        ("Net excludes losses of 3 mln dlrs in quarter and 4.5 mln dlrs in half.", "half", "1986-07-01", "1986-12-31"),
        ("Note: Current qtr and year figures include gains on securities sales.", "qtr", "1986-10-01", "1986-12-31"),
    ],
)
def test_results_headings_are_the_reported_period(text, heading, start, end):
    periods = {m.text: m for m in newsfigures.extract(text, published=P87).mentions if m.kind == "period"}
    assert (str(periods[heading].period_start), str(periods[heading].period_end)) == (start, end)


def test_a_heading_later_in_the_year_covers_the_quarters_reported():
    text = "Six mths\n    Shr 40 cts vs 35 cts"
    [period] = [m for m in newsfigures.extract(text, published="1987-10-20").mentions if m.kind == "period"]
    assert (str(period.period_start), str(period.period_end)) == ("1987-04-01", "1987-09-30")


# --- layout is not meaning ------------------------------------------------------------------------------

WIRE_PIECES = [
    "The company said net profit rose to 6.3 mln dlrs, or 73 cts a share, from 4.1 mln dlrs a year earlier.",
    "Exports fell 3.5 pct in January to 2.51 billion dlrs from 2.98 billion.",
    "The central bank cut its discount rate by 1/2 pct to 7-1/4 pct on Thursday.",
    "Shr 31 cts vs 56 cts",
    "Net 13.7 mln vs 25.2 mln",
    "Nine mths",
    "It bought 1.5 mln shares for 45 mln Canadian dlrs since early January.",
    "Reserves rose 9.4 mln francs to 33.12 billion in the first quarter, the bank said.",
    "Unemployment fell to 8.2 pct in February from 8.4 pct in January, and 2,000 workers were hired.",
    "Sales of 94.8 mln stg and 750 mln pesetas were reported for the year ended June 30.",
    "Final div six cents vs three",
    "Year",
    "Qtr ended Jan 31",
    "Net includes a gain of 2.6 mln vs 2.4 mln for the quarter and 18.1 mln vs 13.6 mln for the nine months.",
    "Barley sowings for the 1986/87 campaign were 1.4 mln hectares against 1.2 mln harvested last campaign.",
    "March imports rose 15 pct from February and 4.7 pct compared with March 1986.",
]


@st.composite
def wire_story(draw):
    """A story of wire pieces, each its own paragraph (a line break and an indent), hard-wrapped as the wire
    wraps it: every line filled up to a width, the break put where a space was (the width drawn per story)."""
    pieces = draw(st.lists(st.sampled_from(WIRE_PIECES), min_size=1, max_size=6))
    width = draw(st.integers(25, 80))
    text = "\n    ".join("\n".join(textwrap.wrap(piece, width, break_long_words=False)) for piece in pieces)
    # Two lines whose first ends inside a sentence ("... for the year ended\nJune 30.") cannot be told from a
    # title and its body; a story of three lines or more can (textview.wraps_lines).
    assume(text.count("\n") >= 2)
    return text


def _key(m):
    data = m.model_dump()
    return tuple(re.sub(r"\s+", " ", v) if isinstance(v, str) else v for v in data.values())


@settings(max_examples=60, deadline=None)
@given(wire_story())
def test_turning_single_line_breaks_into_spaces_gives_the_same_mentions(text):
    flat = re.sub(r"(?<!\n)\n(?!\n)", " ", text)
    wrapped = newsfigures.extract(text, published=P87).mentions
    unwrapped = newsfigures.extract(flat, published=P87).mentions
    assert [_key(m) for m in wrapped] == [_key(m) for m in unwrapped]


@settings(max_examples=60, deadline=None)
@given(wire_story(), st.sampled_from(["\r\n", "\u00a0", "\u2009", "\u3000", "  "]))
def test_extract_never_raises_on_wire_text_with_odd_spaces(text, space):
    odd = text.replace("\n", space) if space == "\r\n" else text.replace(" ", space, 3)
    article = newsfigures.extract(odd, published=P87)
    assert all(odd[m.start : m.end] == m.text for m in article.mentions)


@pytest.mark.parametrize(
    ("plain", "variant"),
    [
        ("Profit rose 4.5% to $12 million.", "Profit rose ４.５％ to ＄１２ million."),  # full-width forms
        ("Profit rose 4.5 percent to 12 million yuan.", "Profit\u00a0rose 4.5\u00a0percent to 12\u2009million yuan."),
        ("Line one, 5 mln dlrs.\nLine two, 3 pct.", "Line one, 5 mln dlrs.\r\nLine two, 3 pct."),
    ],
)
def test_unicode_spaces_and_forms_are_not_meaning(plain, variant):
    a = newsfigures.extract(plain, published=P87).mentions
    b = newsfigures.extract(variant, published=P87).mentions
    assert [(m.kind, m.value, m.unit, m.subject) for m in a] == [(m.kind, m.value, m.unit, m.subject) for m in b]
    assert all(variant[m.start : m.end] == m.text for m in b)


@pytest.mark.parametrize(
    ("text", "wrapped"),
    [
        ("The company said profit\nrose 5 pct in\nthe quarter, and sales\nfell.", True),
        ("Title\nUpdated: 2024-12-23\nFirst paragraph.\nSecond paragraph.", False),
        ("One line only.", False),
    ],
)
def test_wrapped_text_is_told_from_one_paragraph_per_line(text, wrapped):
    assert wraps_lines(text) is wrapped
    assert len(reading_text(text)) == len(text)


def test_the_reading_view_keeps_paragraph_breaks_of_wire_copy():
    view = reading_text("Profit rose\nto 5 mln dlrs.\n    Sales fell\n3 pct.")
    assert view == "Profit rose to 5 mln dlrs.\n    Sales fell 3 pct."


# --- one failing component is one error, with our message -------------------------------------------


def test_a_component_failure_is_our_error_not_spacys_E109(monkeypatch):
    from newsfigures.errors import ComponentError
    from newsfigures.components import quantities

    def broken(*args, **kwargs):
        raise KeyError("u.s.\ncents")

    monkeypatch.setattr(quantities, "find_quantities", broken)
    with pytest.raises(ComponentError, match="newsfigures_quantities.*KeyError") as err:
        newsfigures.extract("It cost 5 U.S.\ncents.", published=P87)
    assert "E109" not in str(err.value) and "initialize" not in str(err.value)


def test_us_cents_across_a_line_break():
    [m] = [m for m in newsfigures.extract("It cost 5 U.S.\ncents.", published=P87).mentions if m.kind == "money"]
    assert (m.value, m.unit) == (Decimal("0.05"), "USD")


# --- the stand-off newswire split -----------------------------------------------------------------------


def test_newswire_gold_is_stand_off(corpus_dir):
    files = sorted((corpus_dir / "gold" / "newswire").glob("*.json"))
    assert len(files) >= 60
    for path in files:
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert {"newid", "text_sha256", "mentions"} <= set(raw) and "text" not in raw and "body" not in raw


@pytest.mark.skipif(not REUTERS.is_file(), reason=f"the Reuters texts are not beside this checkout ({REUTERS})")
def test_newswire_split_reads_its_texts_and_checks_them(corpus_dir):
    from newsfigures.evaluation.corpus import load_corpus, validate_article

    articles = load_corpus(corpus_dir, "newswire", REUTERS)
    assert len(articles) >= 60
    for article in articles:
        assert validate_article(article) == [], article.id


def test_newswire_split_refuses_a_text_that_is_not_the_one_annotated(corpus_dir, tmp_path):
    from newsfigures.evaluation.corpus import load_corpus
    from newsfigures.errors import CorpusError

    gold = json.loads(next((corpus_dir / "gold" / "newswire").glob("*.json")).read_text(encoding="utf-8"))
    fake = tmp_path / "collection.jsonl.gz"
    with gzip.open(fake, "wt", encoding="utf-8") as f:
        for path in (corpus_dir / "gold" / "newswire").glob("*.json"):
            newid = json.loads(path.read_text(encoding="utf-8"))["newid"]
            f.write(json.dumps({"newid": newid, "published": "1987-03-02", "body": "another text"}) + "\n")
    with pytest.raises(CorpusError, match="not the one annotated"):
        load_corpus(corpus_dir, "newswire", fake)
    with pytest.raises(CorpusError, match="needs the texts"):
        load_corpus(corpus_dir, "newswire", tmp_path / "missing.jsonl.gz")
    assert gold["split"] == "newswire"


def test_find_quantities_reads_currencies_in_use_on_the_date():
    assert [m.unit for m in find_quantities("5 mln francs", published=date(1987, 1, 1))] == ["FRF"]
    assert [m.unit for m in find_quantities("5 mln francs", published=date(2020, 1, 1))] == ["CHF"]


# --- collections as they come -----------------------------------------------------------------------------


def test_extract_reads_a_gzipped_jsonl_collection(tmp_path):
    from newsfigures.io.inputs import ArticleInput, InputFailure, read_inputs

    path = tmp_path / "wire.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"newid": 7, "published": "1987-03-02", "title": "A", "body": "Net rose 5 pct."}) + "\n")
        f.write("{not json\n")
    items = list(read_inputs([tmp_path]))
    assert isinstance(items[0], ArticleInput) and items[0].meta["id"] == "7" and items[0].text == "Net rose 5 pct."
    assert isinstance(items[1], InputFailure) and items[1].type == "invalid_json" and items[1].source.endswith("#2")


def test_a_broken_gzip_file_is_one_error_naming_it(tmp_path):
    from newsfigures.io.inputs import InputFailure, read_inputs

    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    [item] = list(read_inputs([path]))
    assert isinstance(item, InputFailure) and item.type == "unreadable" and item.source == str(path)


@pytest.mark.parametrize(
    ("text", "amount", "value", "unit"),
    [
        ("The fare is 50 sen in Kuala Lumpur.", "50 sen", "0.5", "MYR"),
        ("It cost 5,000 € in Paris.", "5,000 €", "5000", "EUR"),
        ("The deal was 300 mil dollars.", "300 mil dollars", "300000000", "USD"),
        ("Profit was C $ 1.2 billion.", "C $ 1.2 billion", "1200000000", "CAD"),
        ("Sales were HK $ 3 bn.", "HK $ 3 bn", "3000000000", "HKD"),
        ("A stamp costs 40 euro cents.", "40 euro cents", "0.4", "EUR"),
        ("A $5-billion buyback was approved.", "$5-billion", "5000000000", "USD"),
    ],
)
def test_forms_other_teams_found_missing(text, amount, value, unit):
    money = {m.text: m for m in newsfigures.extract(text, published="2024-03-02").mentions if m.kind == "money"}
    assert (money[amount].value, money[amount].unit) == (Decimal(value), unit)


@pytest.mark.parametrize(
    ("text", "amount", "kind"),
    [
        ("Shr 12 cts vs 9 cts\n    Net excludes tax carryforward 150,000 for prior qtr.", "150,000", "money"),
        ("Brazil sought a quota of 3.0 mln 60-kilo bags of coffee.", None, None),  # bags of coffee are a measure
    ],
)
def test_money_noun_without_a_preposition_and_bags_as_a_measure(text, amount, kind):
    figures = {m.text: m.kind for m in newsfigures.extract(text, published=P87).mentions if m.kind != "period"}
    if amount is None:
        assert not any(k == "count" for k in figures.values())
    else:
        assert figures[amount] == kind


@pytest.mark.parametrize(
    ("text", "figure", "value", "value_high", "unit"),
    [
        ("Its deficit with Chile was 8.2 billion pesos, and with Peru 4.5 billion.", "4.5 billion", "4500000000", None, "CLP"),
        ("Analysts see growth of between one and two pct.", "between one and two pct", "1", "2", "percent"),
        ("The bank may drain 3 or 4 billion marks.", "3 or 4 billion marks", "3000000000", "4000000000", "DEM"),
        ("It hired two hundred and fifty staff.", "two hundred and fifty", "250", None, None),
    ],
)
def test_wire_numbers_read_whole(text, figure, value, value_high, unit):
    """A scaled number after a name is a figure; "and" joins number words only after a hundred or a scale;
    "X or Y unit" is a range."""
    found = {m.text: m for m in newsfigures.extract(text, published=P87).mentions}
    m = found[figure]
    assert (m.value, m.value_high, m.unit) == (
        Decimal(value),
        Decimal(value_high) if value_high else None,
        unit,
    )


@pytest.mark.parametrize(
    "text",
    [
        "It raised its export quota to 4.1 mln from 3.2 mln 60-kilo bags.",
        "The harvest fell to 6.1 mln against 6.5 mln tonnes.",
    ],
)
def test_a_level_compared_with_a_measure_is_a_measure(text):
    assert not [m for m in newsfigures.extract(text, published=P87).mentions if m.kind == "count"]


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel stock closed at 36-3/8, off 5/8.",  # no amount before: the story has not said a currency
        "The index closed at 1,234-1/2 points.",
    ],
)
def test_a_quoted_fraction_without_a_currency_is_not_money(text):
    assert not [m for m in newsfigures.extract(text, published=P87).mentions if m.kind == "money"]


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("The bank raised its prime rate 1/2 point to 8 pct.", "1/2 point", "percentage_point"),
        ("The Fed cut the discount rate by 1 point.", "1 point", "percentage_point"),
        ("Rates held, but the Dow gained 3 points.", None, None),
        ("The FTSE shed 4 points, or 0.2 pct.", None, None),
    ],
)
def test_points_of_a_rate_are_percentage_points(text, figure, unit):
    points = {m.text: m.unit for m in newsfigures.extract(text, published=P87).mentions if "point" in m.text}
    assert points == ({figure: unit} if figure else {})


@pytest.mark.parametrize(
    ("text", "published", "period", "dates"),
    [
        # a numbered fiscal year with its end
        ("Profit for fiscal 1987 ending June 30 will fall.", "1987-03-02", "fiscal 1987 ending June 30",
         ("1986-07-01", "1987-06-30")),
        ("Sales in financial 1986 ending March 31, 1987 rose.", "1987-05-02", "financial 1986 ending March 31, 1987",
         ("1986-04-01", "1987-03-31")),
        # forward-looking results of a quarter just over are that quarter's, not next year's
        ("The company said first quarter profit will be sharply higher.", "1987-04-06", "first quarter",
         ("1987-01-01", "1987-03-31")),
        ("Results for the second quarter will be released soon.", "1987-07-15", "the second quarter",
         ("1987-04-01", "1987-06-30")),
        ("Acme will open a new plant in the first quarter.", "1987-07-15", "the first quarter",
         ("1988-01-01", "1988-03-31")),
        # a meeting announced in the present tense is ahead
        ("The Bundesbank council meets on Thursday.", "1987-03-02", "Thursday", ("1987-03-05", "1987-03-05")),
        ("Finance ministers convene on Monday in Paris.", "1987-03-04", "Monday", ("1987-03-09", "1987-03-09")),
        ("The tender offer expires Friday.", "1987-03-04", "Friday", ("1987-03-06", "1987-03-06")),
    ],
)
def test_wire_periods(text, published, period, dates):
    found = {m.text: m for m in newsfigures.extract(text, published=published).mentions if m.kind == "period"}
    m = found[period]
    assert (str(m.period_start), str(m.period_end)) == dates


@pytest.mark.parametrize(
    ("text", "figure", "dates"),
    [
        # a period of figures compared with ("compared with X and Y in 1985") is theirs, and lends itself to no
        # later sentence: the story's own period does
        ("The deficit narrowed in 1986 to 33 billion crowns from 35 billion in 1985.\n"
         "    Imports were 141 billion crowns and exports 108 billion, compared with 132 billion and 97 billion in"
         " 1985.\n    Imports rose 6.2 pct.", "6.2 pct", ("1986-01-01", "1986-12-31")),
        ("Export orders rose in March, the ministry said.\n    Orders were 61 mln dlrs in March, up from 57 mln in"
         " February and 37 mln in March 1986.\n    Textile orders were 32 mln dlrs.", "32 mln dlrs",
         ("1987-03-01", "1987-03-31")),
    ],
)
def test_a_compared_figures_period_does_not_carry_forward(text, figure, dates):
    found = {m.text: m for m in newsfigures.extract(text, published="1987-04-10").mentions}
    assert (str(found[figure].period_start), str(found[figure].period_end)) == dates


@pytest.mark.parametrize(
    "text",
    [
        "Reserves rose by about three pct to 614 mln dlrs from 1986's 595 mln dlrs.",
        "Output was 951 mln cubic feet a day in 1986, down 10 pct from 1985's 1,084 mln.",
        "Sales rose 5 pct in 1986 from 1985 to 2.1 billion dlrs.",
    ],
)
def test_a_compared_year_with_its_figure_reads_without_error(text):
    mentions = newsfigures.extract(text, published="1987-03-10").mentions
    assert all(m.kind != "count" or m.text not in ("1985", "1986") for m in mentions)
    assert [m.text for m in mentions if m.kind == "percentage"]


@pytest.mark.parametrize(
    ("text", "figure", "kind"),
    [
        # rows of a results table are money in its currency unless they count shares
        ("Shr 31 cts vs 56 cts\n    Rev 161.6 mln vs 77.6 mln", "161.6 mln", "money"),
        ("Net 13.7 mln dlrs vs 25.2 mln\n    Backlog 30.3 mln vs 31.9 mln", "30.3 mln", "money"),
        ("Pretax profit 62 mln stg vs 51 mln\n    Minorities 25 mln vs 16 mln", "25 mln", "money"),
        ("Net profit 1.2 billion guilders vs 1.1 billion\n    Depreciation 457 mln vs 493 mln", "457 mln", "money"),
        ("Net 13.7 mln dlrs vs 25.2 mln\n    Avg shrs 4.9 mln vs 4.9 mln", "4.9 mln", "count"),
        # sales may count things sold: a bare amount after their change verb stays a count
        ("Exports were worth 2.1 billion yen. Colour television sales fell to 950,000 from 1.2 mln.", "950,000", "count"),
    ],
)
def test_table_rows_and_money_nouns_before_a_change(text, figure, kind):
    fig = next(m for m in newsfigures.extract(text, published="1987-03-02").mentions if m.text == figure)
    assert fig.kind == kind


@pytest.mark.parametrize("text", ["Output grew 5 pct in real terms.", "The board sold 4 units to staff.", "He won 5 votes."])
def test_english_words_among_cldr_units_are_no_currency_alone(text):
    assert not [m for m in newsfigures.extract(text, published="1987-05-01").mentions if m.kind == "money"]


@pytest.mark.parametrize(
    ("text", "published", "span", "dates"),
    [
        # a range of lengths counted from the wire date reaches to the longer
        ("The dollar will fall over the next two to three years.", "1987-03-10", "the next two to three years",
         ("1987-03-11", "1990-03-10")),
        ("Prices should hold for the next 30 to 60 days.", "1987-04-24", "the next 30 to 60 days",
         ("1987-04-25", "1987-06-23")),
        # "must" and "should" point forward, as "will" does
        ("The accord must be approved before October 1.", "1987-04-01", "October 1", ("1987-10-01", "1987-10-01")),
        ("Rates should ease in June, the bank said.", "1987-03-10", "June", ("1987-06-01", "1987-06-30")),
    ],
)
def test_wire_periods_of_ranges_and_obligations(text, published, span, dates):
    periods = {m.text: m for m in newsfigures.extract(text, published=published).mentions if m.kind == "period"}
    assert (str(periods[span].period_start), str(periods[span].period_end)) == dates


@pytest.mark.parametrize("text", ["Exports fell in January and March.", "Output rose in January and February."])
def test_months_joined_by_and_are_a_period_each(text):
    periods = [m.text for m in newsfigures.extract(text, published="1987-04-10").mentions if m.kind == "period"]
    assert len(periods) == 2 and periods[0] == "January"


@pytest.mark.parametrize(
    ("text", "published", "span", "dates"),
    [
        # a company's results period with its end says where its year ends; its other quarters, halves, nine months
        # and "full year" are of that year
        ("Profit for the first nine months ended February 28 fell. Profit in the second quarter was 220 mln dlrs.",
         "1987-03-26", "the second quarter", ("1986-09-01", "1986-11-30")),
        ("Profit for the first nine months ended February 28 fell. Analysts see full year profit at 900 mln dlrs.",
         "1987-03-26", "full year", ("1986-06-01", "1987-05-31")),
        ("Sales rose in the third quarter. For the third quarter ended January 31, the grocer earned 75 mln dlrs.",
         "1987-03-11", "the third quarter", ("1986-11-01", "1987-01-31")),
        ("For the third quarter ended January 31, the grocer earned 75 mln dlrs. For the nine months, it earned 244 mln.",
         "1987-03-11", "the nine months", ("1986-05-01", "1987-01-31")),
        ("The retailer said its first half ended July 31 was strong, and the fourth quarter should be better.",
         "1987-09-10", "the fourth quarter", ("1987-11-01", "1988-01-31")),
        # a split financial year with its end is one period, and the story's "year-end" is that year's end
        ("Output grew during the financial year 1986/87 ending on June 30.", "1987-06-02",
         "financial year 1986/87 ending on June 30", ("1986-07-01", "1987-06-30")),
        ("The financial year 1986/87 ending on June 30 was good; inflation may reach 12 pct by the year-end.",
         "1987-06-02", "the year-end", ("1987-06-30", "1987-06-30")),
        ("The retailer's fiscal year ends January 31; it sees sales of 2 bln dlrs by the year-end.", "1987-09-10",
         "the year-end", ("1988-01-31", "1988-01-31")),
        ("Inflation may reach 12 pct by the year-end, the central bank said.", "1987-06-02", "the year-end",
         ("1987-12-31", "1987-12-31")),
        # a year to December, or a rolling six months, leaves the calendar alone
        ("For the third quarter ended September 30, the bank earned 5 mln dlrs; the fourth quarter looks weak.",
         "1987-10-20", "the fourth quarter", ("1987-10-01", "1987-12-31")),
        ("Exports rose 4 pct in the six months ended March, and the second quarter should be firm.", "1987-04-20",
         "the second quarter", ("1987-04-01", "1987-06-30")),
    ],
)
def test_a_company_s_results_period_sets_its_year(text, published, span, dates):
    periods = {m.text: m for m in newsfigures.extract(text, published=published).mentions if m.kind == "period"}
    assert (str(periods[span].period_start), str(periods[span].period_end)) == dates


def test_the_months_named_again_are_the_stretch_named_before():
    text = ("Industrial output in the three months to January fell 0.7 pct.\n"
            "    In the three months, manufacturing output was 1.5 pct higher than a year earlier.\n")
    periods = [m for m in newsfigures.extract(text, published="1987-03-17").mentions if m.kind == "period"]
    assert [(m.text, str(m.period_start), str(m.period_end)) for m in periods] == [
        ("the three months to January", "1986-11-01", "1987-01-31"),
        ("the three months", "1986-11-01", "1987-01-31"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Output in the three months to January fell 0.7 pct from the level of the previous three months.",
        "Retail sales in the three months to May were 2 pct higher than in the preceding three months.",
    ],
)
def test_the_previous_three_months_after_a_change_is_its_basis(text):
    mentions = newsfigures.extract(text, published="1987-06-20").mentions
    assert [m.text for m in mentions if m.kind == "period"] == [text[text.index("the three") : text.index(" fell")
                                                                     if " fell" in text else text.index(" were")]]
    [pct] = [m for m in mentions if m.kind == "percentage"]
    assert pct.basis == "quarter_on_quarter"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the unit said after the last item of a list of bare numbers is every item's
        ("Offers were at 1,870, 1,875 and 1,880 dlrs a tonne.", [("money", "USD")] * 3),
        ("Denominations are 1,000, 5,000 and 10,000 dlrs.", [("money", "USD")] * 3),
        ("Rates were cut to 9-7/8, 9-13/16 and 9-3/4 pct.", [("percentage", "percent")] * 3),
        # a list of counts stays counts
        ("It sold 5,000, 7,000 and 9,000 shares.", [("count", None)] * 3),
        # "band three" names a band of bills; hundredweights and kilometres an hour are measures
        ("The bank bought 63 mln stg of band three bank bills.", [("money", "GBP")]),
        ("The crop was put at 2,788,000 cwts.", []),
        ("Snow whipped by 48 kph winds fell on the city.", []),
    ],
)
def test_lists_bands_and_measures(text, expected):
    found = [(m.kind, m.unit) for m in newsfigures.extract(text, published="1987-05-01").mentions if m.kind != "period"]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        # a bare amount right before a money noun is money in the story's currency
        ("Profits rose to 5 mln dlrs. News of the unexpectedly large 15 billion deficit hit the dollar.", "15 billion",
         "USD"),
        ("It sold 5 mln stg of bonds. The bank will lead a 300 mln issue for the group.", "300 mln", "GBP"),
        ("Sales were 40 mln marks. The 548.76 mln cash would cover the payments.", "548.76 mln", "DEM"),
        # a money noun, its change verb and the change in per cent before the amount
        ("Rents were 1 mln dlrs. Rental income increased 10.6 pct to 3.06 billion.", "3.06 billion", "USD"),
    ],
)
def test_a_bare_amount_before_a_money_noun_is_money(text, figure, unit):
    fig = next(m for m in newsfigures.extract(text, published="1987-03-10").mentions if m.text == figure)
    assert (fig.kind, fig.unit) == ("money", unit)


def test_a_bare_number_before_its_counted_noun_stays_a_count():
    text = "Sales were 4 mln dlrs. It sold 15 mln shares and 2 mln warrants."
    counts = [m.counted for m in newsfigures.extract(text, published="1987-03-10").mentions if m.kind == "count"]
    assert counts == ["shares", "warrants"]
