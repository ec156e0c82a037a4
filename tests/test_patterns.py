"""patterns/ arranged by stage: a bare file name finds its one file in any stage folder."""

from pathlib import Path

import pytest

from newsfigures import resources
from newsfigures.errors import RuleError


@pytest.mark.parametrize(
    ("name", "stage"),
    [
        ("currencies.json", "quantities"),
        ("quantity_rules.jsonl", "quantities"),
        ("calendar.json", "periods"),
        ("periods.jsonl", "periods"),
        ("linking.json", "linker"),
        ("directions.json", "linker"),
    ],
)
def test_a_bare_name_finds_the_file_in_its_stage_folder(name, stage):
    assert resources.pattern_path(name) == resources.patterns_dir() / stage / name


def test_every_shipped_name_is_unique():
    for name in resources.shipped_names():
        assert resources.pattern_path(name).name == name


@pytest.fixture
def patterns_root(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "patterns_dir", lambda: Path(tmp_path))
    return tmp_path


def test_an_unknown_name_is_a_rule_error_naming_it(patterns_root):
    with pytest.raises(RuleError, match="no rule file named 'nowhere.json'"):
        resources.load_json("nowhere.json")


def test_a_name_in_two_stage_folders_is_a_rule_error_naming_both(patterns_root):
    for stage in ("quantities", "linker"):
        (patterns_root / stage).mkdir()
        (patterns_root / stage / "twice.json").write_text("{}", encoding="utf-8")
    with pytest.raises(RuleError, match=r"several rule files named 'twice.json'.*linker/twice.json.*quantities/"):
        resources.load_json("twice.json")


# --- pattern additions are component state (as a SpanRuler's patterns are) -------------------------------

import spacy  # noqa: E402

import newsfigures  # noqa: E402

GREENBACKS = {"currencies.json": {"currencies": [{"code": "USD", "words": ["greenbacks"]}]}}
TEXT = "The deal cost 5 greenbacks and 3 dollars."


def _money(nlp) -> list[tuple[str, str | None]]:
    return [(m.text, m.unit) for m in newsfigures.extract(TEXT, nlp=nlp).mentions]


EURO_GREENBACKS = {"currencies.json": {"currencies": [{"code": "EUR", "words": ["greenbacks"]}]}}


def _nlp_with(additions):
    nlp = newsfigures.load()
    nlp.get_pipe("newsfigures_quantities").initialize(patterns=additions)
    return nlp


@pytest.fixture
def greenbacks_nlp():
    return _nlp_with(GREENBACKS)


def test_a_currency_word_added_through_initialize_is_found(greenbacks_nlp):
    assert _money(greenbacks_nlp) == [("5 greenbacks", "USD"), ("3 dollars", "USD")]


def test_a_pipeline_without_the_addition_is_unaffected(greenbacks_nlp, nlp):
    before = _money(nlp)
    assert _money(greenbacks_nlp)[0] == ("5 greenbacks", "USD")
    assert _money(nlp) == before == [("5", None), ("3 dollars", "USD")]
    assert _money(greenbacks_nlp)[0] == ("5 greenbacks", "USD")  # and back again


def test_additions_survive_to_disk_and_spacy_load(greenbacks_nlp, nlp, tmp_path):
    greenbacks_nlp.to_disk(tmp_path / "pipe")
    saved = tmp_path / "pipe" / "newsfigures_quantities" / "patterns" / "currencies.json"
    assert saved.is_file() and not (tmp_path / "pipe" / "newsfigures_linker" / "patterns").exists()
    reloaded = spacy.load(tmp_path / "pipe")
    assert reloaded.get_pipe("newsfigures_quantities").patterns == GREENBACKS
    assert _money(reloaded) == _money(greenbacks_nlp)
    assert _money(nlp) == [("5", None), ("3 dollars", "USD")]


def test_additions_survive_to_bytes(greenbacks_nlp):
    data = greenbacks_nlp.get_pipe("newsfigures_quantities").to_bytes()
    other = newsfigures.load()
    other.get_pipe("newsfigures_quantities").from_bytes(data)
    assert _money(other) == _money(greenbacks_nlp)


def test_additions_read_from_a_folder_as_a_config_would_name_it(greenbacks_nlp, tmp_path):
    greenbacks_nlp.get_pipe("newsfigures_quantities").to_disk(tmp_path / "quantities")
    nlp = newsfigures.load()
    nlp.config["initialize"]["components"]["newsfigures_quantities"] = {"patterns": str(tmp_path / "quantities" / "patterns")}
    nlp.initialize()
    assert _money(nlp)[0] == ("5 greenbacks", "USD")


def test_a_direction_cue_added_to_the_linker_is_read_by_every_stage():
    text = "Sales zoomed 5% in 2023."
    nlp = newsfigures.load()
    assert [m.direction for m in newsfigures.extract(text, nlp=nlp).mentions][0] is None
    nlp.get_pipe("newsfigures_linker").add_patterns({"directions.json": {"increase": ["zoomed"]}})
    first = newsfigures.extract(text, nlp=nlp).mentions[0]
    assert (first.text, first.role, first.direction) == ("5%", "change", "increase")


def test_two_pipelines_with_different_additions_used_alternately_each_read_their_own(greenbacks_nlp, nlp):
    euro_nlp = _nlp_with(EURO_GREENBACKS)
    for _ in range(3):
        assert _money(greenbacks_nlp)[0] == ("5 greenbacks", "USD")
        assert _money(euro_nlp)[0] == ("5 greenbacks", "EUR")
        assert _money(nlp)[0] == ("5", None)


def test_a_stage_called_directly_reads_the_shipped_rules_or_those_of_its_using_patterns_block(greenbacks_nlp):
    from newsfigures.quantities.finder import find_quantities

    def money() -> list[tuple[str, str | None]]:
        return [(q.text, q.unit) for q in find_quantities(TEXT)]

    assert _money(greenbacks_nlp)[0] == ("5 greenbacks", "USD")  # a pipeline with additions has just run
    assert money() == [("5", None), ("3 dollars", "USD")]
    with resources.using_patterns(resources.PatternOverlay(EURO_GREENBACKS)):
        assert money()[0] == ("5 greenbacks", "EUR")
    assert money()[0] == ("5", None)


def test_rules_are_compiled_once_per_set_of_additions_not_once_per_switch():
    from newsfigures.periods.rules import lexicon
    from newsfigures.quantities.grammar import quantity_grammar

    euro = resources.PatternOverlay(EURO_GREENBACKS)
    shipped = quantity_grammar()
    with resources.using_patterns(euro):
        added = quantity_grammar()
    assert added is not shipped and added["word_table"]["greenbacks"] == "EUR"
    assert "greenbacks" not in shipped["word_table"]
    with resources.using_patterns(euro):
        assert quantity_grammar() is added and lexicon() is lexicon()
    assert quantity_grammar() is shipped


def test_per_patterns_keeps_one_result_per_overlay_and_argument():
    calls = []

    @resources.per_patterns
    def units(suffix: str = "") -> list[str]:
        calls.append(suffix)
        return [u + suffix for u in resources.load_json("units.json")["measure_units"]]

    flagons = resources.PatternOverlay({"units.json": {"measure_units": ["flagons"]}})
    assert "flagons" not in units() and units() is units()
    with resources.using_patterns(flagons):
        assert units()[-1] == "flagons" and units("!")[-1] == "flagons!"
        assert units() is units()
    assert calls == ["", "", "!"]


def test_add_patterns_extends_and_initialize_replaces():
    quantities = newsfigures.load().get_pipe("newsfigures_quantities")
    quantities.add_patterns(GREENBACKS)
    quantities.add_patterns({"currencies.json": {"currencies": [{"code": "USD", "words": ["bucks"]}]}})
    assert [c["words"] for c in quantities.patterns["currencies.json"]["currencies"]] == [["greenbacks"], ["bucks"]]
    quantities.initialize(patterns={"units.json": {"measure_units": ["barrels of oil"]}})
    assert list(quantities.patterns) == ["units.json"]
    quantities.initialize()  # no patterns: the additions stay
    assert list(quantities.patterns) == ["units.json"]


@pytest.mark.parametrize(
    ("patterns", "error"),
    [
        ({"nowhere.json": {}}, "no rule file named 'nowhere.json'"),
        ({"currencies.json": {"currencies": {"code": "USD"}}}, "currencies.json/currencies: cannot extend a list"),
        ({"currencies.json": ["USD"]}, "currencies.json: additions must be a JSON object"),
        ({"periods.jsonl": [{"id": "dateline_labelled"}]}, "duplicate rule id 'dateline_labelled'"),
        ({"periods.jsonl": {"id": "x"}}, "periods.jsonl: additions must be a list of rules"),
        ({"units.json": {"measure_units": [{1, 2}]}}, "plain JSON data"),
    ],
)
def test_additions_that_do_not_fit_are_a_rule_error(patterns, error):
    from newsfigures.errors import RuleError

    quantities = newsfigures.load().get_pipe("newsfigures_quantities")
    with pytest.raises(RuleError, match=error):
        quantities.initialize(patterns=patterns)
    assert quantities.patterns == {}


def test_extend_merges_objects_appends_new_list_items_and_replaces_values():
    base = {"a": [1, 2], "b": {"x": "1"}, "c": "old"}
    assert resources.extend(base, {"a": [2, 3], "b": {"y": "2"}, "c": "new", "d": []}, "f.json") == {
        "a": [1, 2, 3], "b": {"x": "1", "y": "2"}, "c": "new", "d": [],
    }  # fmt: skip
    assert base == {"a": [1, 2], "b": {"x": "1"}, "c": "old"}


def test_load_json_reads_the_active_overlay_only_inside_using_patterns():
    overlay = resources.PatternOverlay({"units.json": {"measure_units": ["flagons"]}})
    assert "flagons" not in resources.load_json("units.json")["measure_units"]
    with resources.using_patterns(overlay):
        assert resources.load_json("units.json")["measure_units"][-1] == "flagons"
    assert "flagons" not in resources.load_json("units.json")["measure_units"]
    assert resources.PatternOverlay({"units.json": {"measure_units": ["flagons"]}}) == overlay


@pytest.mark.parametrize(
    ("additions", "text", "found"),
    [
        ({"numbers.json": {"minus_words": ["less"]}}, "Growth was less 0.4 percent.", ("less 0.4 percent", "-0.4")),
        ({"counts.json": {"elided_verbs_after": ["abstain"]}}, "Seven members backed it and two abstain.", ("two", "2")),
    ],
)
def test_the_quantity_word_lists_are_rule_data(additions, text, found):
    from newsfigures.quantities.finder import find_quantities

    def last() -> tuple[str, str]:
        q = find_quantities(text)[-1]
        return q.text, str(q.value)

    assert last() != found
    with resources.using_patterns(resources.PatternOverlay(additions)):
        assert last() == found
