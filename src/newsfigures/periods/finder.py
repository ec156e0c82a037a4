"""The period stage: dates, periods and lengths of time in news text, resolved to dates.

Pure Python (no spaCy). The algorithm, for one text and its publication date P:

1. find the dateline (``Updated: 2024-12-23``, :mod:`.dates`) and the comparison bases
   (``year-on-year``, ``from a year earlier``...); nothing inside them is a period;
2. run every period and edge rule of ``patterns/periods/periods.jsonl`` and parse each
   match (a parser may still refuse it: ``February 30``); the rules, the bases and
   the context's fiscal cues are run together by a :class:`~newsfigures.text.pattern_index.PatternIndex`,
   which tries each only where it may start and finds what ``finditer`` would (the cues
   of direction are found later, only in the sentences that need them);
3. keep the longest of overlapping matches (ties: the earlier rule);
4. join neighbours with link rules (``the third quarter`` + ``of`` + ``2023``;
   ``this year's`` + ``first half``) and edges with what follows them
   (``the end of`` + ``the third quarter``);
5. resolve left to right, so that ``a year earlier`` can use the period the
   sentence is about.

Conventions follow corpus/GUIDELINES.md ("Normalisation"); see
:mod:`newsfigures.periods.specs` for the choices made where it is silent.
Everything runs in time linear in the text (bounded patterns, no nested
repetition), and never uses today's date. Nothing is cached by text: a caller that wants periods and
bases asks :func:`find_periods_and_bases`, which reads the text once.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

import regex

from ..resources import per_patterns
from .calendar import apply_edge, label_for, step_unit, unit_range
from .reported import ContainerUnit
from .context import ResolutionContext, Resolved
from .dates import dateline_span, parse_date
from .fiscal import fiscal_conventions
from ..text.pattern_index import PatternIndex
from .compared import compared_basis
from .parsers import PARSERS
from .rules import FLAGS, Rule, lexicon, load_rules, rules_with_role

LINK_MAX_GAP = 12


@dataclass(frozen=True, slots=True)
class PeriodMatch:
    """A period (or length of time) found in a text, with its resolved dates."""

    start: int
    end: int
    text: str
    rule: str
    period_start: date | None
    period_end: date | None
    label: str | None
    duration: str | None = None
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class BasisMatch:
    """A comparison basis (``year-on-year``, ``from a year earlier``): not a period, kept for linking figures."""

    start: int
    end: int
    text: str
    rule: str
    basis: str
    reference: date | None = None


@per_patterns
def _rules() -> tuple[Rule, ...]:
    return load_rules(PARSERS)


@per_patterns
def _rules_with_role(role: str) -> tuple[Rule, ...]:
    return rules_with_role(_rules(), role)


# Candidates and selection ---------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    rule: Rule
    spec: object  # a spec for periods, an edge name for edges (until read: the match), the match for bases


def _select_longest(candidates: list[_Candidate], length: int, read_spec=None) -> list[_Candidate]:
    """Non-overlapping candidates, longest first (ties: earlier rule, then earlier start), in text order.

    ``read_spec``, if given, sets a candidate's spec when it would be chosen; a candidate whose spec is
    None is left out, as if never found. Read in this order, the matches inside a longer one (``March``
    in ``March 31, 2024``) are never parsed."""
    occupied = bytearray(length)
    chosen = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.rule.order, c.start)):
        if occupied.find(1, cand.start, cand.end) != -1:
            continue
        if read_spec is not None:
            cand.spec = read_spec(cand)
            if cand.spec is None:
                continue
        occupied[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen


class _Blocked:
    """Sorted, non-overlapping spans that no period may touch (dateline, bases)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self.starts, end)
        return index > 0 and self.spans[index - 1][1] > start


def _edge_name(text: str) -> str | None:
    key = " ".join(text.lower().replace("-", " ").replace("–", " ").split())
    for prefix in ("the very ", "the ", "very "):
        key = key.removeprefix(prefix)
    key = key.removesuffix(" of").removesuffix(" in").strip()
    words = key.split()
    if len(words) == 3 and words[0] in ("first", "last") and words[2] == "days":  # "the first 10 days of March"
        count = lexicon().number(words[1])
        return f"{words[0]}_days:{int(count)}" if count and count == int(count) and 0 < count <= 31 else None
    return lexicon().raw["edges"].get(key)


@per_patterns
def _scanned_rules() -> tuple[tuple[Rule, ...], PatternIndex]:
    """The period, edge and basis rules, and an index that finds where they - and the cues of
    the resolution context - may match in one pass over a text."""
    rules = tuple(rule for rule in _rules() if rule.role in ("period", "edge", "basis"))
    return rules, PatternIndex([rule.pattern for rule in rules] + [fiscal_conventions()[1]])


def _scan(text: str, reference: bool = False) -> tuple[tuple[tuple[Rule, list], ...], list]:
    """Each period, edge and basis rule with its matches in ``text`` (exactly those of ``finditer``
    over the whole text; see :mod:`newsfigures.text.pattern_index`), and the matches of the context's
    fiscal cues (its direction cues it finds itself, only in the sentences that need them). ``reference``: run
    every pattern's ``finditer`` instead of the index (the plain reference mode, for tests)."""
    rules, index = _scanned_rules()
    found = index.reference_finditer(text) if reference else index.finditer(text)
    return tuple(zip(rules, found)), found[len(rules)]


def _candidates(matches, blocked: _Blocked) -> list[_Candidate]:
    """The matches of the period and edge rules outside ``blocked``, each with its match for a spec
    (see :func:`_read_spec`)."""
    found = []
    for rule, rule_matches in matches:
        if not rule_matches or rule.role not in ("period", "edge"):
            continue
        for match in rule_matches:
            start, end = match.span()
            if start == end or blocked.overlaps(start, end):
                continue
            found.append(_Candidate(start, end, rule, match))
    return found


def _read_spec(cand: _Candidate):
    """The spec of a period candidate (None if its parser refuses it), the edge name of an edge one."""
    match = cand.spec
    if cand.rule.role == "edge":
        return _edge_name(match.group("edge"))
    try:
        return PARSERS[cand.rule.parse](match.groupdict(), lexicon())
    except (ValueError, KeyError, OverflowError):
        return None


# Composition and resolution -------------------------------------------------


@dataclass(slots=True)
class _Single:
    cand: _Candidate

    @property
    def start(self) -> int:
        return self.cand.start

    @property
    def end(self) -> int:
        return self.cand.end

    @property
    def rule(self):
        return self.cand.rule

    @property
    def kind(self):
        return self.cand.rule.kind

    @property
    def rule_ids(self):
        return (self.cand.rule.id,)

    def resolve(self, ctx: ResolutionContext, container=None) -> Resolved | None:
        return self.cand.spec.resolve(ctx, (self.cand.start, self.cand.end), container)


@dataclass(slots=True)
class _Linked:
    left: _Single
    right: _Single
    rule: Rule

    @property
    def start(self):
        return self.left.start

    @property
    def end(self):
        return self.right.end

    @property
    def kind(self):
        return (self.left if self.rule.container in ("right", "range") else self.right).kind

    @property
    def rule_ids(self):
        return (self.rule.id, *self.left.rule_ids, *self.right.rule_ids)

    def resolve(self, ctx: ResolutionContext) -> Resolved | None:
        if self.rule.container == "range":
            return self._resolve_range(ctx)
        holder, part = (self.right, self.left) if self.rule.container == "right" else (self.left, self.right)
        container = holder.resolve(ctx)
        if container is None or (container.start is not None and not container.is_year):
            return None
        return part.resolve(ctx, (container.start, container.end))

    def _resolve_range(self, ctx: ResolutionContext) -> Resolved | None:
        """"April 28 to May 6": from the first's start to the second's end, the first read in the second's
        year (or the year before it, "December 28 to January 4") unless it names its own."""
        last = self.right.resolve(ctx)
        if last is None or last.end is None:
            return None
        for year in (last.end.year, last.end.year - 1):
            first = self.left.resolve(ctx, (date(year, 1, 1), date(year, 12, 31))) or self.left.resolve(ctx)
            if first is not None and first.start is not None and first.start <= last.end:
                return Resolved(first.start, last.end)
        return None


@dataclass(slots=True)
class _Edged:
    edge: _Candidate
    target: _Single | _Linked

    @property
    def start(self):
        return self.edge.start

    @property
    def end(self):
        return self.target.end

    @property
    def kind(self):
        return "point"

    @property
    def rule(self):
        return self.edge.rule

    @property
    def rule_ids(self):
        return (self.edge.rule.id, *self.target.rule_ids)

    def resolve(self, ctx: ResolutionContext) -> Resolved | None:
        target = self.target.resolve(ctx)
        if target is None or target.duration is not None:
            return None
        if target.start is None:
            return Resolved(None, None)
        spec = getattr(getattr(self.target, "cand", None), "spec", None)
        if self.edge.spec == "start" and isinstance(spec, ContainerUnit) and ctx.published is not None:
            # "rose sharply at the beginning of the month": the start of P's month is already past, so it is the one
            # meant, not the last month completed (what "the month" alone falls back to)
            if (target.start, target.end) == step_unit(ctx.published, spec.unit, -1):
                target = Resolved(*unit_range(ctx.published, spec.unit))
        return Resolved(*apply_edge(self.edge.spec, target.start, target.end, ctx.published))


def _link(left: _Candidate, right: _Candidate, text: str, links: tuple[Rule, ...]) -> Rule | None:
    if left.rule.role != "period" or right.rule.role != "period" or right.start - left.end > LINK_MAX_GAP:
        return None
    for rule in links:
        kinds_fit = left.rule.kind in rule.left and right.rule.kind in rule.right
        if (
            kinds_fit
            and rule.pattern.fullmatch(text, left.end, right.start)  # the text before may be looked behind at
            and (rule.right_pattern is None or rule.right_pattern.match(text, right.start))
        ):
            return rule
    return None


def _compose(chosen: list[_Candidate], text: str, links: tuple[Rule, ...]) -> list:
    linked: list = []
    index = 0
    while index < len(chosen):
        cand = chosen[index]
        if index + 1 < len(chosen) and (rule := _link(cand, chosen[index + 1], text, links)):
            linked.append(_Linked(_Single(cand), _Single(chosen[index + 1]), rule))
            index += 2
            continue
        linked.append(cand if cand.rule.role == "edge" else _Single(cand))
        index += 1
    units: list = []
    index = 0
    while index < len(linked):
        item = linked[index]
        if isinstance(item, _Candidate):  # an edge: keep it only in front of a period
            nxt = linked[index + 1] if index + 1 < len(linked) else None
            if nxt is not None and not isinstance(nxt, _Candidate) and nxt.start == item.end and nxt.kind != "duration":
                units.append(_Edged(item, nxt))
                index += 2
                continue
        else:
            units.append(item)
        index += 1
    return units


def _standalone(unit) -> bool:
    return not isinstance(unit, _Single) or unit.rule.standalone


_UNREAD = object()  # a dateline span not yet read from the text


def trace_periods(
    text: str, published: date | None, *, reference: bool = False
) -> list[tuple[PeriodMatch, tuple[str, ...]]]:
    """Like :func:`find_periods`, with the ids of every rule that built each match (for tests and debugging).
    ``reference``: find the rules' matches with plain ``finditer`` calls, not the index (see :func:`_scan`)."""
    return list(_analyse(text, parse_date(published), reference)[0])


def find_periods(text: str, published: date | None) -> list[PeriodMatch]:
    """Periods and lengths of time in ``text``, resolved against the publication date.

    Sorted by start and non-overlapping (the longest expression wins). Nothing is
    returned inside the dateline or inside a comparison basis (see :func:`find_bases`).
    With ``published=None`` relative expressions keep ``period_start``/``period_end`` None.
    """
    return [match for match, _ in _analyse(text, parse_date(published))[0]]


def find_periods_and_bases(
    text: str, published: date | None, *, dateline: tuple[int, int] | None | object = _UNREAD
) -> tuple[list[PeriodMatch], list[BasisMatch]]:
    """:func:`find_periods` and :func:`find_bases` together, reading the text once. ``dateline``: the span
    :func:`~newsfigures.periods.dates.dateline_span` gives for ``text``, when the caller has read it already."""
    span = dateline_span(text) if dateline is _UNREAD else dateline
    traced, bases = _analyse(text, parse_date(published), span=span)
    return [match for match, _ in traced], list(bases)


def _analyse(
    text: str, published: date | None, reference: bool = False, *, span: tuple[int, int] | None | object = _UNREAD
) -> tuple[tuple, tuple[BasisMatch, ...]]:
    """The traced periods and the bases of a text (:func:`find_periods_and_bases` reads both in one pass)."""
    span = dateline_span(text) if span is _UNREAD else span
    matches, fiscal_cues = _scan(text, reference)
    bases = _bases(text, published, matches, span)
    blocked = _Blocked(([span] if span else []) + [(b.start, b.end) for b in bases])
    chosen = _select_longest(_candidates(matches, blocked), len(text), _read_spec)
    units = _compose(chosen, text, _rules_with_role("link"))
    ctx = ResolutionContext(text, published, fiscal_cues, resolve_inner)
    out, compared = [], []
    for unit in units:
        resolved = unit.resolve(ctx) if _standalone(unit) else None
        pieces = [(unit, resolved)]
        if resolved is None and isinstance(unit, _Linked):
            pieces = [(part, part.resolve(ctx)) for part in (unit.left, unit.right) if _standalone(part)]
        for piece, result in pieces:
            if result is None:
                continue
            basis = compared_basis(text, piece.start, piece.end, result, ctx.anchor, published)
            if basis is not None:  # "rose 15 pct from February": what the change is compared with
                compared.append(BasisMatch(piece.start, piece.end, text[piece.start : piece.end], _COMPARED, basis))
                continue
            ctx.remember(piece.start, piece.end, result, piece.kind)
            has_dates = result.start is not None and result.end is not None
            match = PeriodMatch(
                start=piece.start,
                end=piece.end,
                text=text[piece.start : piece.end],
                rule=piece.rule.id,
                period_start=result.start,
                period_end=result.end,
                label=label_for(result.start, result.end) if has_dates else None,
                duration=result.duration,
                qualifier=result.qualifier,
            )
            out.append((match, piece.rule_ids))
    if compared:
        bases = tuple(sorted((*bases, *compared), key=lambda b: b.start))
    return tuple(out), bases


_COMPARED = "basis_compared_period"


_INNER_EDGE = regex.compile(r"^(?:the\s+end\s+of\s+|end-|mid-)", flags=FLAGS)


@per_patterns
def _inner_rules() -> tuple[Rule, ...]:
    # a day, a month, a weekday, a year, or a quarter named by its last month ("the December quarter")
    kinds = ("day", "month", "weekday", "year", "quarter")
    return tuple(rule for rule in _rules() if rule.role == "period" and rule.standalone and rule.kind in kinds)


def resolve_inner(text: str, ctx: ResolutionContext, span: tuple[int, int]) -> Resolved | None:
    """Resolve a short date or month phrase on its own (the end of ``the three months to November``)."""
    inner = _INNER_EDGE.sub("", text.strip())
    lex = lexicon()
    for rule in _inner_rules():
        match = rule.pattern.fullmatch(inner)
        if match is None:
            continue
        spec = PARSERS[rule.parse](match.groupdict(), lex)
        resolved = spec.resolve(ctx, span, None) if spec is not None else None
        if resolved is not None:
            return resolved
    return None


# Comparison bases -------------------------------------------------------------


def _reference(rule: Rule, match, published: date | None) -> date | None:
    year = match.group("year") if "year" in rule.pattern.groupindex else None
    if rule.reference == "start_of_year":
        return date(int(year), 1, 1) if year else (date(published.year, 1, 1) if published else None)
    if rule.reference == "end_of_last_year":
        if year:
            return date(int(year), 12, 31)
        return date(published.year - 1, 12, 31) if published else None
    return None


def find_bases(text: str, published: date | None) -> list[BasisMatch]:
    """Comparison bases in ``text`` (``year-on-year``, ``from a year earlier``, ``over the same period
    last year``, ``compared to the beginning of the year``...), sorted and non-overlapping.

    ``reference`` is the date compared with where the basis names one (``since the start of the year``).
    """
    return list(_analyse(text, parse_date(published))[1])


def _bases(text, published, matches, dateline) -> tuple[BasisMatch, ...]:
    blocked = _Blocked([dateline] if dateline else [])
    candidates = []
    for rule, rule_matches in matches:
        if not rule_matches or rule.role != "basis":
            continue
        for match in rule_matches:
            if match.end() > match.start() and not blocked.overlaps(*match.span()):
                candidates.append(_Candidate(match.start(), match.end(), rule, match))
    return tuple(
        BasisMatch(
            c.start, c.end, text[c.start : c.end], c.rule.id, c.rule.basis, _reference(c.rule, c.spec, published)
        )
        for c in _select_longest(candidates, len(text))
    )
