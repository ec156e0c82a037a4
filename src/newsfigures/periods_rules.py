"""Rules and lexicon of the period stage, read from ``patterns/``.

``patterns/calendar.json`` holds the language knowledge (month and weekday names,
number words, qualifiers, fiscal-year conventions, cue words);
``patterns/periods.jsonl`` holds one rule per line.

A rule's ``pattern`` is a regular expression for the ``regex`` module, compiled
with ``IGNORECASE | VERBOSE`` (so a literal space must be written ``\\s``);
case-sensitive pieces use a scoped ``(?-i:...)``. ``{NAME}`` (upper-case name)
inserts a macro built from ``calendar.json`` (see :func:`build_macros`).
Period, basis and dateline patterns are wrapped in word boundaries
(``(?<!\\w)...(?!\\w)``); edge prefixes end in a space or hyphen and get only the
leading one; link patterns are matched whole against the gap between two periods.

Roles:
  ``period``   a period or length of time; ``parse`` names the parser in
               ``periods_specs.PARSERS``; ``kind`` says what it yields (used by links);
               ``standalone: false`` rules only count inside a link or after an edge.
  ``edge``     a prefix such as ``the end of``, ``mid-``, ``early`` (group ``edge``).
  ``link``     joins two adjacent periods: ``left``/``right`` list the kinds allowed,
               ``container`` says which side is the year the other side lies in.
  ``basis``    a comparison basis (``basis``: year_on_year | quarter_on_quarter |
               month_on_month | since_start_of_year; ``reference``: start_of_year | end_of_last_year).
  ``dateline`` a whole line giving the publication date (group ``date``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from .errors import RuleError
from .resources import load_json, load_jsonl

RULES_FILE = "periods.jsonl"
CALENDAR_FILE = "calendar.json"
FLAGS = regex.IGNORECASE | regex.VERBOSE | regex.V0

ROLES = ("period", "edge", "link", "basis", "dateline")
COMMON_KEYS = {"id", "role", "pattern", "examples", "counter_examples", "description"}
ROLE_KEYS = {
    "period": {"kind", "parse", "standalone"},
    "edge": set(),
    "link": {"left", "right", "container", "right_pattern"},
    "basis": {"basis", "reference"},
    "dateline": set(),
}
BASES = ("year_on_year", "quarter_on_quarter", "month_on_month", "since_start_of_year")
REFERENCES = ("start_of_year", "end_of_last_year")
MACRO_NAME = regex.compile(r"\{([A-Z][A-Z_]*)\}")


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled rule from ``patterns/periods.jsonl``."""

    id: str
    role: str
    pattern: Any
    order: int
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    kind: str | None = None
    parse: str | None = None
    standalone: bool = True
    left: frozenset[str] = frozenset()
    right: frozenset[str] = frozenset()
    container: str | None = None
    right_pattern: Any = None
    basis: str | None = None
    reference: str | None = None


@dataclass(frozen=True)
class Lexicon:
    """The calendar knowledge of ``patterns/calendar.json``, indexed for lookups."""

    raw: dict
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    duration_units: dict[str, tuple[str, int]] = field(default_factory=dict)

    def month(self, text: str) -> int:
        return self.months[text.rstrip(".").lower()]

    def weekday(self, text: str) -> int:
        return self.weekdays[text.rstrip(".").lower()]

    def number(self, text: str) -> float | None:
        """Digits or number words: ``"12"``, ``"2.5"``, ``"twenty-four"``, ``"a dozen"``, ``"an"``."""
        words = " ".join(text.lower().replace("-", " ").split())
        try:
            return float(words)
        except ValueError:
            pass
        if words in self.numbers:
            return self.numbers[words]
        parts = words.split(" ")
        if len(parts) == 2 and parts[0] in self.numbers and parts[1] in self.numbers:
            tens, units = self.numbers[parts[0]], self.numbers[parts[1]]
            if tens >= 20 and tens % 10 == 0 and 0 < units < 10:
                return tens + units
        return None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The calendar lexicon, read once."""
    raw = load_json(CALENDAR_FILE)
    try:
        months = {}
        for entry in raw["months"]:
            for name in [entry["name"], *entry["abbreviations"]]:
                months[name.lower()] = int(entry["number"])
        weekdays = {}
        for entry in raw["weekdays"]:
            for name in [entry["name"], *entry["abbreviations"]]:
                weekdays[name.lower()] = int(entry["number"])
        units = {name: (code, int(mult)) for name, (code, mult) in raw["duration_units"].items()}
        return Lexicon(
            raw=raw,
            months=months,
            weekdays=weekdays,
            numbers={k: float(v) for k, v in raw["number_words"].items()},
            ordinals={k: int(v) for k, v in raw["ordinals"].items()},
            duration_units=units,
        )
    except (KeyError, TypeError, ValueError) as err:
        raise RuleError(f"patterns/{CALENDAR_FILE}: malformed calendar lexicon: {err!r}") from err


def _alternation(items: Iterable[str], *, escape: bool = False) -> str:
    """Longest-first alternation; a space in an item matches any whitespace."""
    parts = sorted(set(items), key=len, reverse=True)
    out = []
    for item in parts:
        text = regex.escape(item) if escape else item
        out.append(text.replace("\\ ", r"\s+").replace(" ", r"\s+"))
    return "(?:" + "|".join(out) + ")"


@lru_cache(maxsize=1)
def build_macros() -> dict[str, str]:
    """The ``{NAME}`` macros usable in rule patterns, built from the calendar lexicon."""
    raw = lexicon().raw
    full = [m["name"] for m in raw["months"]]
    abbr = [a for m in raw["months"] for a in m["abbreviations"]]
    days = [d["name"] for d in raw["weekdays"]]
    day_abbr = [a for d in raw["weekdays"] for a in d["abbreviations"]]
    words = [w for w in raw["number_words"] if w not in ("a", "an")]
    tens = [w for w, v in raw["number_words"].items() if v >= 20 and v % 10 == 0]
    units = [w for w, v in raw["number_words"].items() if 0 < v < 10 and w not in ("a", "an")]
    compound = f"{_alternation(tens)}[\\s-]{_alternation(units)}"
    macros = {
        "MONTH": f"(?-i:{_alternation(full)})",
        "MONTH_ABBR": f"(?-i:{_alternation(abbr)})(?![a-z])\\.?",
        "WEEKDAY": f"(?-i:{_alternation(days)})",
        "WEEKDAY_ABBR": f"(?-i:{_alternation(day_abbr)})(?![a-z])\\.?",
        "NUMWORD": f"(?:{compound}|{_alternation(words, escape=True)})",
        "YEAR": r"(?:19\d\d|20\d\d|2100)",
        "QUALIFIER": _alternation(raw["qualifiers"], escape=True),
        "DURATION_UNIT": _alternation(raw["duration_units"], escape=True),
        "COUNT_AFTER": _alternation(raw["year_blocking_words_after"]),
        "YEAR_BLOCK_BEFORE": _alternation(raw["year_blocking_words_before"]),
        "CURRENCY_BEFORE": _alternation(raw["currency_before_number"]),
        "COUNT_QUALIFIER_BEFORE": _alternation(raw["count_qualifiers_before"], escape=True),
        "MONTH_BLOCK_BEFORE": _alternation(raw["month_blocking_words_before"]),
        "WEEKDAY_BLOCK_BEFORE": _alternation(raw["weekday_blocking_words_before"]),
        "WEEKDAY_BLOCK_AFTER": _alternation(raw["weekday_blocking_words_after"]),
    }
    macros["MONTHX"] = f"(?:{macros['MONTH']}|{macros['MONTH_ABBR']})"
    macros["NUM"] = f"(?:\\d{{1,3}}(?:\\.\\d+)?|{macros['NUMWORD']})"
    return macros


def expand(pattern: str, rule_id: str) -> str:
    """Replace ``{NAME}`` macros in a pattern."""
    macros = build_macros()

    def replace(match: Any) -> str:
        name = match.group(1)
        if name not in macros:
            raise RuleError(f"patterns/{RULES_FILE}: rule {rule_id!r}: unknown macro {{{name}}}")
        return macros[name]

    return MACRO_NAME.sub(replace, pattern)


def _compile(source: str, rule_id: str, role: str) -> Any:
    body = expand(source, rule_id)
    if role in ("period", "basis"):
        body = f"(?<!\\w)(?:{body})(?!\\w)"
    elif role == "edge":
        body = f"(?<!\\w)(?:{body})"
    try:
        return regex.compile(body, FLAGS)
    except regex.error as err:
        raise RuleError(f"patterns/{RULES_FILE}: rule {rule_id!r}: bad pattern: {err}") from err


def _str_tuple(value: Any, rule_id: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"patterns/{RULES_FILE}: rule {rule_id!r}: {key!r} must be a list of strings")
    return tuple(value)


def make_rule(spec: dict, order: int, parsers: Iterable[str]) -> Rule:
    """Validate one rule object (unknown keys are refused) and compile it."""
    rule_id = spec["id"]
    role = spec.get("role", "period")
    where = f"patterns/{RULES_FILE}: rule {rule_id!r}"
    if role not in ROLES:
        raise RuleError(f"{where}: unknown role {role!r} (expected one of {', '.join(ROLES)})")
    unknown = set(spec) - COMMON_KEYS - ROLE_KEYS[role]
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} for role {role!r}")
    if not isinstance(spec.get("pattern"), str):
        raise RuleError(f"{where}: 'pattern' must be a string")
    examples = _str_tuple(spec.get("examples", []), rule_id, "examples")
    if len(examples) < 2:
        raise RuleError(f"{where}: give at least two 'examples'")
    fields: dict[str, Any] = {
        "id": rule_id,
        "role": role,
        "pattern": _compile(spec["pattern"], rule_id, role),
        "order": order,
        "examples": examples,
        "counter_examples": _str_tuple(spec.get("counter_examples", []), rule_id, "counter_examples"),
    }
    if role == "period":
        if spec.get("parse") not in set(parsers):
            raise RuleError(f"{where}: unknown parser {spec.get('parse')!r}")
        fields.update(kind=spec.get("kind"), parse=spec["parse"], standalone=bool(spec.get("standalone", True)))
    elif role == "link":
        if spec.get("container") not in ("left", "right"):
            raise RuleError(f"{where}: 'container' must be 'left' or 'right'")
        right_pattern = spec.get("right_pattern")
        fields.update(
            left=frozenset(_str_tuple(spec.get("left"), rule_id, "left")),
            right=frozenset(_str_tuple(spec.get("right"), rule_id, "right")),
            container=spec["container"],
            right_pattern=regex.compile(right_pattern, FLAGS) if right_pattern else None,
        )
    elif role == "basis":
        if spec.get("basis") not in BASES:
            raise RuleError(f"{where}: 'basis' must be one of {', '.join(BASES)}")
        if spec.get("reference") not in (None, *REFERENCES):
            raise RuleError(f"{where}: 'reference' must be one of {', '.join(REFERENCES)}")
        fields.update(basis=spec["basis"], reference=spec.get("reference"))
    return Rule(**fields)


@lru_cache(maxsize=1)
def _rules(parsers: tuple[str, ...]) -> tuple[Rule, ...]:
    return tuple(make_rule(spec, order, parsers) for order, spec in enumerate(load_jsonl(RULES_FILE)))


def load_rules(parsers: Iterable[str]) -> tuple[Rule, ...]:
    """All rules of ``patterns/periods.jsonl``, compiled once per process."""
    return _rules(tuple(sorted(parsers)))


def rules_with_role(rules: Iterable[Rule], role: str) -> tuple[Rule, ...]:
    return tuple(rule for rule in rules if rule.role == role)
