"""The linker's word lists in ``patterns/linker/lexicon.json``: each says what it is for, is lower-case, is read
by the code (no dead data), and can be extended by a pipeline's pattern additions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsfigures.linker.text import linker_cues
from newsfigures.resources import PatternOverlay, load_json, using_patterns

SOURCES = [
    Path(__file__).parents[1] / "src" / "newsfigures" / "linker",
    Path(__file__).parents[1] / "src" / "newsfigures" / "components" / "dependency.py",
]
LEXICON = {name: entry for name, entry in load_json("lexicon.json").items() if not name.startswith("_")}


def _code() -> str:
    files = [p for source in SOURCES for p in ([source] if source.is_file() else sorted(source.glob("*.py")))]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


@pytest.mark.parametrize("name", sorted(LEXICON))
def test_every_list_says_what_it_is_for_and_is_lower_case(name):
    entry = LEXICON[name]
    assert set(entry) == {"about", "words"} and entry["about"].strip()
    words = list(entry["words"])
    assert words and all(w == w.lower() and w.strip() == w for w in words)
    assert len(set(words)) == len(words)


def test_every_list_is_read_by_the_code():
    code = _code()
    unused = [name for name in LEXICON if not re.search(rf"""["']{re.escape(name)}["']""", code)]
    assert not unused, f"lists nobody reads: {unused}"


def test_a_pipeline_extends_a_list():
    overlay = PatternOverlay({"lexicon.json": {"unit_nouns": {"words": ["bales"]}}})
    assert "bales" not in linker_cues()["unit_nouns"]
    with using_patterns(overlay):
        assert {"bales", "tonnes"} <= linker_cues()["unit_nouns"]


def test_a_pattern_built_from_a_list_follows_its_additions():
    from newsfigures.linker.subject import _expected_subject

    text = "Analysts anticipate core inflation to end the year at 2.5%"
    assert _expected_subject().search(text) is None
    with using_patterns(PatternOverlay({"lexicon.json": {"expecting_verbs": {"words": ["anticipate"]}}})):
        assert _expected_subject().search(text)["np"] == "core inflation"
    assert _expected_subject().search("Analysts expect core inflation to end the year at 2.5%")["np"] == "core inflation"


def _near_forms(words):
    """Each word with the inflections and misspellings near it: "cut", "cuts", "cutting", "cuting", "cu"..."""
    ends = ("", "s", "es", "ed", "ing", "e", "ee", "eed", "d")
    return {stem + end for w in words for stem in (w, w[:-1], w[:-2], w + w[-1:]) for end in ends}


def test_the_direction_table_reads_words_as_their_stems_do():
    """``direction_of`` looks a word up in the inflections of the direction cues: the same answer as reading the
    word's possible stems (``direction_by_stems``), for the cues, the words near them and other words."""
    from newsfigures.linker.text import direction_by_stems

    cues = linker_cues()
    increase, decrease, table = cues["increase"], cues["decrease"], cues["direction_forms"]
    words = _near_forms(increase | decrease) | set(table) | {"rates", "bed", "ring", "seeing", "access", "", "Rising"}
    assert all(table.get(w) == direction_by_stems(w, increase, decrease) for w in words)
    assert (table["cutting"], table["rising"], table["trims"]) == ("decrease", "increase", "decrease")


def test_a_pipeline_extends_the_direction_table():
    overlay = PatternOverlay({"directions.json": {"increase": ["balloon"]}})
    assert linker_cues()["direction_forms"].get("ballooning") is None
    with using_patterns(overlay):
        assert linker_cues()["direction_forms"]["ballooning"] == "increase"
