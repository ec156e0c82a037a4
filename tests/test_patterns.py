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
