"""The wheel carries the rule files: a plain ``pip install .`` must find them."""

import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_patterns(tmp_path):
    wheel_builder = pytest.importorskip("hatchling.builders.wheel", reason="hatchling is in the test extras")
    builder = wheel_builder.WheelBuilder(str(ROOT))
    wheel = next(iter(builder.build(directory=str(tmp_path), versions=["standard"])))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "patterns").rglob("*") if p.is_file()}
    assert {"patterns/quantities/currencies.json", "patterns/periods/periods.jsonl"} <= shipped
    for name in shipped:  # the whole folder, stage folders included
        assert f"newsfigures/{name}" in names
    assert "newsfigures/py.typed" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_installed_package_finds_its_patterns():
    from newsfigures.resources import pattern_path, patterns_dir

    assert pattern_path("currencies.json") == patterns_dir() / "quantities" / "currencies.json"
