"""Which economic or business indicator a figure measures (GDP, CPI, loans, net profit...), read from its subject
with the lexicon in ``patterns/indicators/indicators.json`` (see its ``_doc``). Pure: strings in, an id out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..resources import load_json, per_patterns

_WORD = re.compile(r"[a-z0-9&'’.-]+")
_DETERMINERS = frozenset("the a an its their his her our this that these those".split())


@dataclass(frozen=True)
class Indicator:
    """One indicator of the lexicon: its id, display name and the head phrases that name it."""

    id: str
    name: str
    terms: tuple[tuple[str, ...], ...]
    kinds: frozenset[str] | None = None  # the kinds of figure it can be (None: any)


@per_patterns
def indicators() -> tuple[Indicator, ...]:
    """The lexicon, in the order it is tried."""
    raw = load_json("indicators.json")
    return tuple(
        Indicator(
            item["id"], item["name"], tuple(_content(t) for t in item["terms"]),
            frozenset(item["kinds"]) if "kinds" in item else None,
        )
        for item in raw["indicators"]
    )


@per_patterns
def _grammar() -> tuple[frozenset, frozenset, frozenset]:
    raw = load_json("indicators.json")
    return frozenset(raw["quantity_words"]), frozenset(raw["trailing_words"]), frozenset(raw["prepositions"])


def head_phrase(subject: str) -> tuple[str, ...]:
    """The words of a subject that name what is measured: "the number of loan accounts" -> ("loan", "accounts"),
    "loans to technology enterprises" -> ("loans",), "Shanxi's GDP growth" -> ("gdp",)."""
    *_, last = _heads(subject)
    return last


def _heads(subject: str):
    """The head phrase as written, then without each trailing change or measure word in turn."""
    quantity, trailing, prepositions = _grammar()
    words = list(_content(subject))
    if len(words) > 2 and words[0] in quantity and words[1] == "of":
        words = words[2:]
    cut = next((i for i, w in enumerate(words) if w in prepositions and i > 0), len(words))
    words = words[:cut]
    yield tuple(words)
    while len(words) > 1 and words[-1] in trailing:
        words.pop()
        yield tuple(words)


def indicator_of(subject: str | None, kind: str | None = None) -> str | None:
    """The id of the indicator a subject names (for a figure of ``kind``, when given), or None: the first indicator
    of the lexicon one of whose terms ends the subject's head phrase."""
    if not subject:
        return None
    by_term, longest = _term_index()
    for head in _heads(subject):
        found = [
            position
            for length in range(1, min(longest, len(head)) + 1)
            for position in by_term.get(head[-length:], ())
            if kind is None or indicators()[position].kinds is None or kind in indicators()[position].kinds
        ]
        if found:
            return indicators()[min(found)].id
    return None


@per_patterns
def _term_index() -> tuple[dict[tuple[str, ...], tuple[int, ...]], int]:
    """Each term of the lexicon -> the positions of the indicators that have it, and the longest term's length:
    the lexicon read as an index, so a subject is looked up by its endings instead of against every term."""
    index: dict[tuple[str, ...], list[int]] = {}
    for position, indicator in enumerate(indicators()):
        for term in indicator.terms:
            if term:
                index.setdefault(term, []).append(position)
    return {term: tuple(p) for term, p in index.items()}, max(map(len, index), default=0)


def _content(text: str) -> tuple[str, ...]:
    return tuple(w for w in _words(text) if w not in _DETERMINERS)


def _words(text: str) -> list[str]:
    words = []
    for w in _WORD.findall(text.lower().replace("’", "'")):
        w = w.strip(".-'")
        if w.endswith("'s"):
            w = w[:-2]
        if w:
            words.append(w)
    return words
