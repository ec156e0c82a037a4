"""Rules are data: every rule file parses, every rule has an id and examples, and every example fires its rule."""

import importlib
import json
from pathlib import Path

import pytest

from newsfigures.quantities.finder import find_quantities
from newsfigures.resources import load_json, load_jsonl, shipped_names

QUANTITY_RULE_KEYS = {"id", "kind", "reader", "description", "examples"}


def _quantity_rules():
    return load_jsonl("quantity_rules.jsonl")


def test_every_json_rule_file_parses():
    names = [name for name in shipped_names() if name.endswith(".json")]
    assert {"currencies.json", "numbers.json", "units.json", "qualifiers.json", "counts.json"} <= set(names)
    for name in names:
        assert isinstance(load_json(name), dict), name


@pytest.mark.parametrize("rule", _quantity_rules(), ids=lambda r: r["id"])
def test_quantity_rule_is_well_formed(rule):
    assert set(rule) <= QUANTITY_RULE_KEYS, f"unknown keys {set(rule) - QUANTITY_RULE_KEYS}"
    assert rule["kind"] in ("percentage", "money", "count")
    assert len(rule["examples"]) >= 3, "a rule needs examples from several contexts"
    assert importlib.import_module(rule["reader"]).__doc__, "the reader names the module that assigns the id"


def test_every_rule_id_the_finder_gives_is_catalogued():
    """quantity_rules.jsonl is the catalogue of the ids a QuantityMatch's ``rule`` can hold: none is missing."""
    catalogued = {r["id"] for r in _quantity_rules()}
    texts = [e for r in _quantity_rules() for e in r["examples"]]
    given = {m.rule for text in texts for m in find_quantities(text)}
    assert given <= catalogued, given - catalogued


@pytest.mark.parametrize(
    "rule, example",
    [(r, e) for r in _quantity_rules() for e in r["examples"]],
    ids=lambda x: x if isinstance(x, str) else x["id"],
)
def test_quantity_rule_examples_fire(rule, example):
    found = find_quantities(example)
    assert any(m.rule == rule["id"] and m.kind == rule["kind"] for m in found), [(m.text, m.rule) for m in found]


def test_currency_codes_are_iso_shaped_and_unique():
    codes = [c["code"] for c in load_json("currencies.json")["currencies"]]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 3 and c.isupper() for c in codes)


def test_bad_rule_file_names_file_and_line(tmp_path, monkeypatch):
    from newsfigures import resources
    from newsfigures.errors import RuleError

    (tmp_path / "broken.jsonl").write_text('{"id": "a"}\n{not json}\n', encoding="utf-8")
    monkeypatch.setattr(resources, "patterns_dir", lambda: Path(tmp_path))
    with pytest.raises(RuleError, match=r"broken.jsonl:2"):
        resources.load_jsonl("broken.jsonl")


def test_duplicate_rule_ids_are_refused(tmp_path, monkeypatch):
    from newsfigures import resources
    from newsfigures.errors import RuleError

    (tmp_path / "dup.jsonl").write_text(json.dumps({"id": "x"}) + "\n" + json.dumps({"id": "x"}) + "\n")
    monkeypatch.setattr(resources, "patterns_dir", lambda: Path(tmp_path))
    with pytest.raises(RuleError, match="duplicate rule id 'x'"):
        resources.load_jsonl("dup.jsonl")
