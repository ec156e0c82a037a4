"""Link each figure to what it measures: subject, role, direction, basis, period and conversions.

Pure functions over the text and character spans, in the spirit of ConText (medspaCy): cues are
looked for inside the figure's clause (a comma, semicolon or sentence boundary closes the scope);
an elliptical list item ("..., clean production by 41.17 percent") inherits what its clause lacks
from the figure before it in the same sentence. Cues are data in ``patterns/linking.json`` and
``patterns/directions.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import regex

from .resources import load_json

MAX_SUBJECT_WORDS = 12


@dataclass(frozen=True, slots=True)
class FigureRef:
    """A figure to link: its span, kind, value and unit, and for counts the counted noun."""

    start: int
    end: int
    kind: str
    value: Decimal | None = None
    unit: str | None = None
    counted: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class PeriodRef:
    start: int
    end: int
    has_dates: bool = True


@dataclass(frozen=True, slots=True)
class BasisRef:
    start: int
    end: int
    basis: str


@dataclass(slots=True)
class Link:
    """What one figure is linked to. ``period`` and ``equivalent_of`` are indexes into the inputs."""

    subject: tuple[int, int] | None = None
    role: str | None = None
    direction: str | None = None
    basis: str | None = None
    period: int | None = None
    equivalent_of: int | None = None
    cues: list[str] = field(default_factory=list)


_WORDS = regex.compile(r"[A-Za-z][A-Za-z'’&.-]*+|\d[\d,.]*+%?|[$€£¥₹]")
_CLAUSE_BREAK = regex.compile(r"[;:!?()\[\]\"“”]|,(?=\s)|\.(?=\s|$)|\n")


@lru_cache(maxsize=1)
def _cues() -> dict:
    link = load_json("linking.json")
    directions = load_json("directions.json")
    return {
        "increase": frozenset(directions["increase"]),
        "decrease": frozenset(directions["decrease"]),
        "level": frozenset(link["level_verbs"]),
        "share_before": tuple(link["share_before"]),
        "share_after": tuple(link["share_after"]),
        "target": tuple(link["target_cues"]),
        "forecast": tuple(link["forecast_cues"]),
        "openers": frozenset(link["clause_openers"]),
        "aux": frozenset(link["auxiliaries"]),
        "rates": {k: Decimal(str(v)) for k, v in link["usd_rates"].items() if not k.startswith("_")},
    }


def link_figures(
    text: str,
    figures: list[FigureRef],
    periods: list[PeriodRef],
    bases: list[BasisRef],
    sentences: list[tuple[int, int]],
) -> list[Link]:
    """One :class:`Link` per figure, in the order given."""
    links: list[Link] = []
    previous: tuple[int, Link] | None = None  # last figure linked in the current sentence
    for index, fig in enumerate(figures):
        sent = _containing(sentences, fig.start) or (0, len(text))
        clause_start = _clause_start(text, sent[0], fig.start)
        clause_end = _clause_end(text, fig.end, sent[1])
        link = Link()
        _role_and_direction(text, fig, clause_start, clause_end, link)
        link.subject = _subject(text, fig, clause_start, link)
        same_sentence = previous is not None and previous[0] >= sent[0]
        if same_sentence and previous and link.direction is None and not link.cues:
            # an elliptical list item: "..., clean energy by 31.48 percent" inherits the head's reading
            link.direction, link.role = previous[1].direction, previous[1].role
        link.basis = _basis(bases, fig, sent, clause_start, clause_end, link)
        link.period = _period(text, periods, fig, sent)
        link.equivalent_of = _equivalent(text, figures, index)
        links.append(link)
        previous = (fig.start, link)
    return links


def _containing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return None


def _clause_start(text: str, sent_start: int, pos: int) -> int:
    start = sent_start
    for m in _CLAUSE_BREAK.finditer(text, sent_start, pos):
        start = m.end()
    return start


def _clause_end(text: str, pos: int, sent_end: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos, sent_end)
    return m.start() if m else sent_end


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0).lower().rstrip(".")) for m in _WORDS.finditer(text, start, end)]


def _role_and_direction(text: str, fig: FigureRef, clause_start: int, clause_end: int, link: Link) -> None:
    cues = _cues()
    left = _words(text, clause_start, fig.start)
    right = _words(text, fig.end, min(clause_end, fig.end + 40))[:3]
    left_text = text[clause_start : fig.start].lower()
    right_text = text[fig.end : clause_end].lower()
    before = left[-1][2] if left else ""
    verb_index = None
    for i in range(len(left) - 1, -1, -1):
        word = left[i][2]
        if word in cues["increase"] or word in cues["decrease"]:
            verb_index = i
            link.direction = "increase" if word in cues["increase"] else "decrease"
            link.cues.append(word)
            break
    if link.direction is None:
        for _, _, word in right:
            if word in cues["increase"] or word in cues["decrease"]:
                link.direction = "increase" if word in cues["increase"] else "decrease"
                link.cues.append(word)
                break
    if before == "from":
        link.direction, link.role = None, "level"
        link.cues.append("from")
        return
    if any(left_text.rstrip().endswith(c) for c in cues["share_before"]) or any(
        right_text.lstrip().startswith(c) for c in cues["share_after"]
    ):
        link.role = "share"
        link.cues.append("share")
        return
    if any(regex.search(rf"\b{regex.escape(c)}\b", left_text) for c in cues["target"]):
        link.role = "target"
    elif any(regex.search(rf"\b{regex.escape(c)}\b", left_text) for c in cues["forecast"]):
        link.role = "forecast"
    elif link.direction is not None:
        between = [w for _, _, w in left[verb_index + 1 :]] if verb_index is not None else []
        link.role = "level" if ("to" in between[-2:] or before in ("to", "at")) else "change"
    else:
        link.role = "change" if before == "by" or fig.unit in ("percentage_point", "basis_point") else "level"
    if link.direction is None and fig.value is not None and fig.value < 0 and fig.kind == "percentage":
        link.direction = "decrease"
    if before in cues["level"] or before in ("to", "at", "by"):
        link.cues.append(before)


def _subject(text: str, fig: FigureRef, clause_start: int, link: Link) -> tuple[int, int] | None:
    """The phrase naming what the figure measures."""
    cues = _cues()
    if fig.counted is not None:
        return fig.counted
    after = regex.match(r"\s++(?:in|of|for|on|worth\s+of)\s++(?P<np>[^,;:.()\n]{2,80})", text[fig.end :])
    if fig.kind == "money" and after and not regex.match(r"(?:the\s+)?(?:first|second|third|fourth|last|past)\b", after["np"]):
        np = after["np"]
        cut = regex.search(r"\s(?:from|in\s+(?:the|20\d\d)|during|since|as|compared|which|that|and\s+\d)\b", np)
        np = np[: cut.start()] if cut else np
        start = fig.end + after.start("np")
        return start, start + len(np.rstrip())
    left = _words(text, clause_start, fig.start)
    if not left:
        return None
    verb = None
    for i in range(len(left) - 1, -1, -1):
        w = left[i][2]
        if w in cues["increase"] or w in cues["decrease"] or w in cues["level"]:
            verb = i
            break
    if verb is not None:
        inner = _trim(left[verb + 1 :], cues)
        if inner:
            return inner[0][0], inner[-1][1]
        outer = _trim(left[:verb], cues)
        return (outer[0][0], outer[-1][1]) if outer else None
    phrase = _trim(left, cues)  # "energy conservation by 18.23 percent": a list item names itself
    return (phrase[0][0], phrase[-1][1]) if phrase else None


def _trim(words: list[tuple[int, int, str]], cues: dict) -> list[tuple[int, int, str]]:
    """Drop clause openers, auxiliaries and prepositions at the edges; keep the last words."""
    edge = cues["openers"] | cues["aux"] | {"by", "to", "at", "of", "in", "from", "a", "an", "year-on-year", "up", "down"}
    while words and words[0][2] in edge - {"a", "an"}:
        words = words[1:]
    while words and (words[-1][2] in edge or words[-1][2].endswith("ly")):
        words = words[:-1]
    words = words[-MAX_SUBJECT_WORDS:]
    while words and words[0][2] in ("a", "an", "by", "to", "of", "in"):
        words = words[1:]
    return [w for w in words] if any(not w[2][0].isdigit() for w in words) else []


def _basis(bases, fig, sent, clause_start, clause_end, link: Link) -> str | None:
    in_sentence = [b for b in bases if sent[0] <= b.start < sent[1]]
    if not in_sentence:
        return None
    in_clause = [b for b in in_sentence if clause_start <= b.start < clause_end + 60 and b.start >= clause_start]
    pool = in_clause or (in_sentence if link.role == "change" or fig.kind == "percentage" else [])
    if not pool:
        return None
    nearest = min(pool, key=lambda b: (b.start - fig.end) if b.start >= fig.end else (fig.start - b.end) + 1)
    return nearest.basis


def _period(text: str, periods: list[PeriodRef], fig: FigureRef, sent: tuple[int, int]) -> int | None:
    dated = [(i, p) for i, p in enumerate(periods) if p.has_dates]
    in_sentence = [(i, p) for i, p in dated if sent[0] <= p.start < sent[1]]
    if in_sentence:
        def distance(item):
            p = item[1]
            return (p.start - fig.end) if p.start >= fig.end else (fig.start - p.end)

        return min(in_sentence, key=distance)[0]
    paragraph_start = text.rfind("\n", 0, sent[0]) + 1
    earlier = [(i, p) for i, p in dated if paragraph_start <= p.start < sent[0]]
    return earlier[-1][0] if earlier else None


def _equivalent(text: str, figures: list[FigureRef], index: int) -> int | None:
    """``105 million yuan ($14.39 million)``: the amount in brackets restates the one before it."""
    fig = figures[index]
    if fig.kind != "money" or index == 0:
        return None
    prev = figures[index - 1]
    if prev.kind != "money" or prev.unit == fig.unit:
        return None
    gap = text[prev.end : fig.start]
    if not regex.fullmatch(r"\s*[(\[]\s*(?:about|around|roughly|approximately|nearly|some|or|or about|or around)?\s*", gap):
        return None
    rates = _cues()["rates"]
    if prev.value and fig.value and prev.unit in rates and fig.unit in rates:
        implied = (prev.value / rates[prev.unit]) / (fig.value / rates[fig.unit])
        if not Decimal("0.33") <= implied <= Decimal(3):
            return None  # an implausible exchange rate: not a conversion
    return index - 1
