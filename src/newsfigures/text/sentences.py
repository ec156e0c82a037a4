"""The one sentence splitter of the library: sentences end after ``.``, ``!`` or ``?`` and the white space that
follows (before a capital, a digit or an opening quote), or at line breaks; a stop after an abbreviation
(``patterns/text/sentences.json``: "U.S.", "Jan.", "Mr.") or a single character ("A.") does not end one."""

from __future__ import annotations


from collections.abc import Iterator

import regex

from ..resources import load_json, per_patterns
from .fastre import compile_fast

# a stop, then the gap after it (<gap>), or a run of line breaks; the pattern begins with the stop itself as one
# character class, which the engine scans the text for before it tries the rest
_SENTENCE_END = compile_fast(r"[.!?\n](?:(?<=[.!?])(?P<gap>[\"”’)]*+\s++)(?=[\"“(]?[A-Z0-9])|(?<=\n)\n*+)")


_LAST_TOKEN = compile_fast(r"(?:^|\s)(?P<word>[\w.]+)[.!?]\Z", regex.REVERSE)  # the word before a stop


@per_patterns
def sentence_abbreviations() -> frozenset[str]:
    """The words after which a full stop does not end a sentence (lower-cased, without their last stop)."""
    return frozenset(load_json("sentences.json")["abbreviations"])


def _breaks(text: str) -> Iterator[tuple[int, int]]:
    """Each sentence break as (where the sentence before it ends, where the next begins)."""
    abbreviations = sentence_abbreviations()
    start = 0
    for m in _SENTENCE_END.finditer(text):
        stop = m.start("gap")
        if stop >= 0 and text[stop] != "\n":  # after a stop and a line break: a break whatever the word
            last = _LAST_TOKEN.search(text, max(start, stop - 20), stop)
            if last and (last["word"].lower().rstrip(".") in abbreviations or len(last["word"]) == 1):
                continue
        elif stop < 0:
            stop = m.start()
        yield stop, m.end()
        start = m.end()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (without the white space between them), not fooled by "U.S." or "Jan. 31"."""
    spans, start = [], 0
    for stop, next_start in _breaks(text):
        spans.append((start, stop))
        start = next_start
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def sentence_starts(text: str) -> list[int]:
    """Where each sentence begins (0 first): a sentence runs from its start to the next one's."""
    return [0, *(next_start for _, next_start in _breaks(text))]


__all__ = ["sentence_abbreviations", "sentence_starts", "split_sentences"]

