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
    shipped = {p.name for p in (ROOT / "patterns").iterdir() if p.is_file()}
    assert shipped, "the patterns folder is empty"
    for name in shipped:
        assert f"newsfigures/patterns/{name}" in names
    assert "newsfigures/py.typed" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_installed_package_finds_its_patterns():
    from newsfigures.resources import patterns_dir

    assert (patterns_dir() / "currencies.json").is_file()
