"""What the role and direction rules read of one figure (:class:`FigureReading`): its clause's words and text
on each side, the figure before it, and the answers several rules ask (whether it is reached by "to", whether it
modifies a noun, which clause governs it), each computed once; with the patterns those answers are read with."""

from __future__ import annotations

import re

import regex

from ..resources import per_patterns
from ..text.fastre import compile_fast as _compile
from ..text.prefilter import Prefilter
from .text import (
    FigureRef,
    IndexedText,
    Link,
    any_word,
    attributive_at,
    computed_once,
    determiner_before,
    direction_of,
    linker_cues,
)


class FigureReading:
    """What the rules read of one figure: its clause's words and text on each side (lower-cased), the figure
    before it in its sentence and that figure's link (``previous``), and answers computed once when asked."""

    def __init__(self, doc: IndexedText, site, previous: tuple[FigureRef, Link] | None) -> None:
        self.doc, self.text, self.fig, self.left = doc, doc.text, site.fig, site.left
        self.clause_start, self.clause_end = site.clause_start, site.clause_end
        self.previous = previous
        self.cues = linker_cues()  # the linker's words, read once per figure
        fig, text, lower = site.fig, doc.text, doc.lower
        self.right = doc.first_words(fig.end, min(site.clause_end, fig.end + 40), 3)
        if lower is not None:  # slices of the text lower-cased once
            self.left_text = lower[site.clause_start : fig.start]
            self.right_text = lower[fig.end : min(site.clause_end, fig.end + 80)]
        else:
            self.left_text = text[site.clause_start : fig.start].lower()
            self.right_text = text[fig.end : min(site.clause_end, fig.end + 80)].lower()  # only its start is read
        self.before = self.left[-1][2] if self.left else ""
        self.right_next = self.right[0][2] if self.right else ""
        self.verb_index: int | None = None  # the change verb the direction came from, if one did

    @computed_once
    def to_a(self) -> bool:
        return _TO_A.search(self.left_text) is not None  # "climbed to a 2-year high of"

    @computed_once
    def reached_by_to(self) -> bool:
        """A level after "to" (or a change after "by") belongs to the change verb of its clause however far back."""
        return self.before == "to" or self.to_a or _BY_BEFORE.search(self.left_text) is not None

    @computed_once
    def attributive(self) -> bool:
        return _is_attributive(self.text, self.fig, self.cues)

    @computed_once
    def governing(self) -> str:
        """The clause before the figure from its last subordinating word: a target or forecast word governs
        the figure only from its own clause (not across "after it shrank 3.5%")."""
        left_text = self.left_text
        opener = _LAST_OPENER.search(left_text) if _LAST_OPENER_NEEDS.may_match(left_text) else None
        governing = left_text[opener.end() :] if opener else left_text
        if "target range" in governing:
            governing = governing.replace("target range", " ")  # "to a target range of": a level, not a target
        return governing

    @computed_once
    def cue_word(self) -> bool:
        """Whether any target or forecast word governs the figure, before asking which."""
        return _target_or_forecast_word().search(self.governing) is not None

    def expected_after(self) -> bool:
        return bool(_EXPECTED_AFTER_NEEDS.may_match(self.right_text) and _EXPECTED_AFTER.match(self.right_text))

    def share_of_before(self) -> bool:
        return bool(_SHARE_OF_NEEDS.may_match(self.left_text) and _SHARE_OF.search(self.left_text))


@per_patterns
def _target_or_forecast_word() -> re.Pattern:
    """Any target or forecast cue as a whole word: it matches where either of their patterns does, so that
    most clauses, with neither (seven in eight), are searched once instead of twice."""
    return any_word(list(linker_cues()["target"]) + list(linker_cues()["forecast"]))


def _is_attributive(text: str, fig: FigureRef, cues: dict) -> bool:
    """A figure that modifies the noun after it: "its $6.9 trillion balance sheet", "a $400,000 loan" -
    but not a rate or a change: "grew at a 2.8% annualized rate", "a 4% rise"."""
    if fig.kind == "count":
        return False
    m = attributive_at(text, fig.end)
    if not m or not determiner_before(text, fig.start):
        return False
    if m["np"].split()[0] in ("a", "an", "per", "each") or m["np"].split()[0] in cues["prepositions"]:
        return False  # "US$7,046 a tonne": a price per unit, not a noun the figure describes; "... to 42.5%"
    head = m["np"].rsplit(None, 1)[-1].lower()
    return head not in cues["rate_heads"] and not direction_of(head, cues)


_TO_A = _compile(
    r"\b(?:to|at)\s++an?\s++(?:(?:[^\s,;]+\s++){0,3}(?:target\s++)?(?:range|rate|level|total|record|high|low|peak)\s++of"
    r"|(?:[^\s,;]+\s++){0,2}(?:record|new|fresh|all-time)"  # "climbed to a record 67.1 per cent"
    # "to an annualized $29 trillion"
    r"|(?:seasonally\s++)?(?:adjusted|annuali[sz]ed|estimated|revised|provisional))\s*+\Z",
    regex.REVERSE,  # only whether it matches is used: searched from the end
)


# "raised the support price for paddy by Rs 117", "by an average of ¥13,500": the verb may be far back
_BY_BEFORE = _compile(
    r"\bby\s++(?:(?:an?|the)\s++(?:average|total|cumulative|further|combined)\s++(?:of\s++)?)?\Z", regex.REVERSE
)


# the last subordinating word of a clause, found from the end (REVERSE)
_LAST_OPENER = _compile(r"\b(?:after|while|whereas|but|although|though|when|before)\s", regex.REVERSE)


# "the $2.21 analysts had expected", "the 20,000 economists forecast": what was expected
EXPECTED_AFTER = _EXPECTED_AFTER = _compile(
    r"\s*+(?:that\s++)?(?:[a-z-]+\s++){1,3}?(?:had\s++|have\s++)?"
    r"(?:expected|forecast|predicted|estimated|projected|anticipated|pencill?ed\s+in|assumed)\b"
)


_SHARE_OF = _compile(r"\bshare\s++of\b|['’]s\s++share\b")  # (each branch has "share": tested first)


_LAST_OPENER_NEEDS = Prefilter(_LAST_OPENER)


_EXPECTED_AFTER_NEEDS = Prefilter(_EXPECTED_AFTER)


_SHARE_OF_NEEDS = Prefilter(_SHARE_OF)
