"""Peer adapters: the pure mapping helpers (always), and each peer on a tiny article when its package is installed."""

import importlib.util
import warnings
from datetime import date
from decimal import Decimal

import pytest

from newsfigures.errors import NewsfiguresError
from newsfigures.evaluation.corpus import GoldArticle
from newsfigures.evaluation.peer_mapping import (
    currency_iso,
    dateline_span,
    drop_dateline,
    exclusive_span,
    pick_resolution,
    recognizers_money,
    resolve_datetime,
    timex_dates,
    to_decimal,
)
from newsfigures.evaluation.peers import PEERS, SPACY_MODELS, comparison_table, get_system
from newsfigures.records import Mention

TEXT = (
    "Retail sales climb in March\n"
    "Updated: 2024-04-15\n"
    "Retail sales rose 3.2% in March to $14.39 million, or 105 million yuan, and 150 stores opened last year.\n"
)
ARTICLE = GoldArticle(id="tiny", text=TEXT, published=date(2024, 4, 15), mentions=[], split="dev")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("$", "USD"),
        ("US$", "USD"),
        ("Dollar", "USD"),
        ("united states dollar", "USD"),
        ("HK$", "HKD"),
        ("Hong Kong dollar", "HKD"),
        ("S$", "SGD"),
        ("A$", "AUD"),
        ("NT$", "TWD"),
        ("€", "EUR"),
        ("Euro", "EUR"),
        ("£", "GBP"),
        ("Pound", "GBP"),
        ("pound sterling", "GBP"),
        ("penny", "GBP"),
        ("¥", "JPY"),
        ("Chinese yuan", "CNY"),
        ("RMB", "CNY"),
        ("renminbi", "CNY"),
        ("₹", "INR"),
        ("Rs", "INR"),
        ("Rupee", "INR"),
        ("South Korean won", "KRW"),
        ("R$", "BRL"),
        ("Saudi riyal", "SAR"),
        ("eur", "EUR"),
        ("Cent", "USD"),
        ("tonne", None),
        ("", None),
        (None, None),
    ],
)
def test_currency_iso(written, code):
    assert currency_iso(written) == code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (14390000.000000002, Decimal(14390000)),
        (3.2, Decimal("3.2")),
        (1.2e12, Decimal(1200000000000)),
        (0.1 + 0.2, Decimal("0.3")),
        ("3.2%", Decimal("3.2")),
        ("14,390,000", Decimal(14390000)),
        ("-0.1", Decimal("-0.1")),
        (150, Decimal(150)),
        ("", None),
        ("n/a", None),
        (None, None),
        (float("nan"), None),
    ],
)
def test_to_decimal(raw, expected):
    got = to_decimal(raw)
    assert got == expected
    if got is not None:
        assert "E" not in str(got)  # plain digits, as in the gold


@pytest.mark.parametrize(
    ("text", "start", "end", "surface", "inclusive", "expected"),
    [
        ("Sales rose 3.2% in March", 11, 15, "3.2%", False, (11, 15)),  # quantulum3 / spaCy: end exclusive
        ("Sales rose 3.2% in March", 11, 14, "3.2%", True, (11, 15)),  # Recognizers-Text: end inclusive
        ("Rose to HK$3.2 billion", 8, 21, "hk$3.2 billion", True, (8, 22)),  # surface lower-cased by the peer
        ("Rose to  3.2%", 8, 13, None, False, (9, 13)),  # whitespace trimmed
        ("a b Sales rose 3.2%", 11, 15, "3.2%", False, (15, 19)),  # shifted offsets: found nearby
        ("Sales rose 3.2%", 0, 4, "9.9%", False, None),  # surface nowhere near: dropped
    ],
)
def test_exclusive_span(text, start, end, surface, inclusive, expected):
    assert exclusive_span(text, start, end, surface, inclusive=inclusive) == expected


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (TEXT, "Updated: 2024-04-15"),
        ("Title\nPublished: 2025-03-20\nBody 2025.", "Published: 2025-03-20"),
        ("Title\nUpdated: 2024-12-23 14:05\nBody.", "Updated: 2024-12-23 14:05"),
        ("Title\nBody rose 5% on 2024-12-23.\nUpdated: 2024-12-23 is in the body", None),
        ("Just one line with 2024-12-23", None),
    ],
)
def test_dateline_span(text, line):
    span = dateline_span(text)
    assert (text[span[0] : span[1]] if span else None) == line


def test_drop_dateline_keeps_the_body():
    start = TEXT.index("2024-04-15")
    in_dateline = Mention(kind="period", text="2024-04-15", start=start, end=start + 10)
    body = TEXT.index("March to")
    in_body = Mention(kind="period", text="March", start=body, end=body + 5)
    assert drop_dateline(TEXT, [in_body, in_dateline]) == [in_body]


MARCH = [
    {"timex": "XXXX-03", "type": "daterange", "start": "2024-03-01", "end": "2024-04-01"},
    {"timex": "XXXX-03", "type": "daterange", "start": "2025-03-01", "end": "2025-04-01"},
]


@pytest.mark.parametrize(
    ("published", "start"),
    [
        (date(2024, 12, 23), "2024-03-01"),  # the latest reading that starts on or before P
        (date(2025, 3, 1), "2025-03-01"),
        (date(2024, 1, 10), "2024-03-01"),  # none before P: the first reading
        (None, "2024-03-01"),
    ],
)
def test_pick_resolution(published, start):
    assert pick_resolution(MARCH, published)["start"] == start


@pytest.mark.parametrize(
    ("type_name", "values", "expected"),
    [
        ("datetimeV2.daterange", MARCH, {"period_start": date(2024, 3, 1), "period_end": date(2024, 3, 31)}),
        (
            "datetimeV2.date",
            [{"timex": "2024-12-20", "type": "date", "value": "2024-12-20"}],
            {"period_start": date(2024, 12, 20), "period_end": date(2024, 12, 20)},
        ),
        (
            "datetimeV2.datetime",
            [{"timex": "2024-12-20T10", "type": "datetime", "value": "2024-12-20 10:00:00"}],
            {"period_start": date(2024, 12, 20), "period_end": date(2024, 12, 20)},
        ),
        ("datetimeV2.duration", [{"timex": "P6M", "type": "duration", "value": "15552000"}], {"duration": "P6M"}),
        (
            "datetimeV2.daterange",  # "since November": an open range; the timex names the month
            [{"timex": "XXXX-11", "Mod": "since", "type": "daterange", "start": "2023-11-01"}],
            {"period_start": date(2023, 11, 1), "period_end": date(2023, 11, 30)},
        ),
        (
            "datetimeV2.daterange",  # "by 2030"
            [{"timex": "2030", "Mod": "before", "type": "daterange", "end": "2030-01-01"}],
            {"period_start": date(2030, 1, 1), "period_end": date(2030, 12, 31)},
        ),
        ("datetimeV2.time", [{"timex": "T10", "type": "time", "value": "10:00:00"}], None),
        ("datetimeV2.set", [{"timex": "P1M", "type": "set", "value": "not resolved"}], None),
        ("datetimeV2.daterange", [], {}),
    ],
)
def test_resolve_datetime(type_name, values, expected):
    assert resolve_datetime(type_name, values, date(2024, 12, 23)) == expected


@pytest.mark.parametrize(
    ("timex", "expected"),
    [
        ("2024", (date(2024, 1, 1), date(2024, 12, 31))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("XXXX-12", (date(2023, 12, 1), date(2023, 12, 31))),
        ("2024-02-29", (date(2024, 2, 29), date(2024, 2, 29))),
        ("(2024-03-21,2026-03-21,P2Y)", (date(2024, 3, 21), date(2026, 3, 20))),
        ("2024-W11", None),
        (None, None),
    ],
)
def test_timex_dates(timex, expected):
    assert timex_dates(timex, date(2023, 11, 1)) == expected


@pytest.mark.parametrize(
    ("resolution", "expected"),
    [
        ({"value": "14390000", "unit": "Dollar"}, {"value": Decimal(14390000), "unit": "USD"}),
        (
            {"value": "105000000", "unit": "Chinese yuan", "isoCurrency": "CNY"},
            {"value": Decimal(105000000), "unit": "CNY"},
        ),
        ({"value": "50", "unit": "Cent", "isoCurrency": None}, {"value": Decimal("0.5"), "unit": "USD"}),
        ({"value": None, "unit": "Rupee"}, {"value": None, "unit": "INR"}),
    ],
)
def test_recognizers_money(resolution, expected):
    assert recognizers_money(resolution) == expected


def test_unknown_system_is_a_clear_error():
    with pytest.raises(NewsfiguresError, match="unknown system 'nltk'.*spacy-ner"):
        get_system("nltk")


def test_parser_system_without_a_model_is_a_clear_error(monkeypatch):
    from newsfigures.evaluation import peers

    monkeypatch.setattr(peers, "SPACY_MODELS", ("no_such_model_xyz",))
    with pytest.raises(NewsfiguresError, match="newsfigures\\+parser.*pretrained English pipeline"):
        get_system("newsfigures+parser")


def test_comparison_table_has_a_row_per_system():
    rep = {
        "articles": 1,
        "gold_mentions": {"percentage": 4},
        "percentage_overlap_f": 0.5,
        "percentage_value_acc": None,
        "percentage_e2e_f": 0.0,
    }
    table = comparison_table({"newsfigures": rep, "spacy-ner": rep}).splitlines()
    assert table[0].startswith("| system | percentage (4) F1 | percentage (4) value | percentage (4) e2e F1 |")
    assert table[2] == "| newsfigures | 0.500 | – | 0.000 |"
    assert len(table) == 4


# --- the peers themselves, only where their packages are installed -------------------------------------


def _by_kind(mentions):
    return {(m.kind, m.text): m for m in mentions}


def _run(name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return get_system(name)(ARTICLE)


def test_registry_names():
    assert set(PEERS) == {"spacy-ner", "quantulum3", "recognizers"}


def test_the_mapping_helpers_are_still_importable_from_peers():
    from newsfigures.evaluation import peer_mapping, peers

    assert all(getattr(peers, name) is getattr(peer_mapping, name) for name in peers.__all__ if hasattr(peer_mapping, name))
    assert {"currency_iso", "exclusive_span", "recognizers_money", "timex_dates"} <= set(peers.__all__)


def test_quantulum3_on_a_tiny_article():
    pytest.importorskip("quantulum3")
    found = _by_kind(_run("quantulum3"))
    assert found[("percentage", "3.2%")].value == Decimal("3.2")
    assert found[("percentage", "3.2%")].unit == "percent"
    assert found[("money", "$14.39 million")].value == Decimal(14390000)
    assert found[("money", "$14.39 million")].unit == "USD"
    assert found[("money", "105 million yuan")].unit == "CNY"
    assert found[("count", "150")].value == Decimal(150)
    assert not any(m.kind == "period" for m in found.values())
    assert all(TEXT[m.start : m.end] == m.text for m in found.values())


def test_recognizers_on_a_tiny_article():
    pytest.importorskip("recognizers_suite")
    mentions = _run("recognizers")
    found = _by_kind(mentions)
    assert found[("percentage", "3.2%")].value == Decimal("3.2")
    assert found[("money", "$14.39 million")].unit == "USD"
    assert found[("money", "105 million yuan")].value == Decimal(105000000)
    assert found[("count", "150")].value == Decimal(150)
    march = found[("period", "March")]
    assert (march.period_start, march.period_end) == (date(2024, 3, 1), date(2024, 3, 31))
    last_year = found[("period", "last year")]
    assert last_year.period_start is not None
    dateline = dateline_span(TEXT)
    assert all(m.end <= dateline[0] or m.start >= dateline[1] for m in mentions)  # the dateline is skipped
    assert not any(m.kind == "count" and m.text == "14.39 million" for m in mentions)  # part of the money


def test_spacy_ner_on_a_tiny_article():
    if not any(importlib.util.find_spec(name) for name in SPACY_MODELS):
        pytest.skip(f"no pretrained English pipeline installed ({', '.join(SPACY_MODELS)})")
    mentions = _run("spacy-ner")
    kinds = {m.kind for m in mentions}
    assert {"percentage", "money", "period"} <= kinds
    assert all(m.value is None for m in mentions)
    dateline = dateline_span(TEXT)
    assert all(m.end <= dateline[0] or m.start >= dateline[1] for m in mentions)
