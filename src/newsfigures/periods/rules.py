"""Rules and lexicon of the period stage, read from ``patterns/``.

``patterns/periods/calendar.json`` holds the language knowledge (month and weekday names,
number words, qualifiers, fiscal-year conventions, cue words);
``patterns/periods/periods.jsonl`` holds one rule per line.

A rule's ``pattern`` is a regular expression for the ``regex`` module, compiled
with ``IGNORECASE | VERBOSE`` (so a literal space must be written ``\\s``);
case-sensitive pieces use a scoped ``(?-i:...)``. ``{NAME}`` (upper-case name)
inserts a macro built from ``calendar.json`` (see :func:`build_macros`).
Period, basis and dateline patterns are wrapped in word boundaries
(``(?<!\\w)...(?!\\w)``); edge prefixes end in a space or hyphen and get only the
leading one; link patterns are matched whole against the gap between two periods.

Roles:
  ``period``   a period or length of time; ``parse`` names the parser in
               ``periods.parsers.PARSERS``; ``kind`` says what it yields (used by links);
               ``standalone: false`` rules only count inside a link or after an edge.
  ``edge``     a prefix such as ``the end of``, ``mid-``, ``early`` (group ``edge``).
  ``link``     joins two adjacent periods: ``left``/``right`` list the kinds allowed,
               ``container`` says which side is the year the other side lies in, or ``range``: the two
               are the ends of one period ("April 28 to May 6").
  ``basis``    a comparison basis (``basis``: year_on_year | quarter_on_quarter |
               month_on_month | since_start_of_year; ``reference``: start_of_year | end_of_last_year).
  ``dateline`` a whole line giving the publication date (group ``date``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import regex

from ..errors import RuleError
from ..text.regex_tree import with_possessive_runs
from ..resources import load_json, load_jsonl, per_patterns

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
BASES = ("year_on_year", "quarter_on_quarter", "month_on_month", "week_on_week", "since_start_of_year")
REFERENCES = ("start_of_year", "end_of_last_year")
MACRO_NAME = regex.compile(r"\{([A-Z][A-Z_]*)\}")


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled rule from ``patterns/periods/periods.jsonl``."""

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
    """The calendar knowledge of ``patterns/periods/calendar.json``, indexed for lookups."""

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


@per_patterns
def lexicon() -> Lexicon:
    """The calendar lexicon, read once per set of pattern additions."""
    raw = load_json(CALENDAR_FILE)
    try:
        months = {}
        for entry in raw["months"]:
            for name in [entry["name"], *entry["abbreviations"], *entry.get("misspellings", ())]:
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


_ATOM = regex.compile(r"(?:\\.|[^\\])[?*+]?")  # one character or escape, with its quantifier
_LITERAL_ATOM = regex.compile(r"\\[^A-Za-z0-9]|[^.^$?*+\\ ]|\\s\+")
# macros only ever used inside lookarounds, where the order of alternatives does not matter
LOOKAHEAD_MACROS = ("COUNT_AFTER", "WEEKDAY_BLOCK_AFTER")
LOOKBEHIND_MACROS = (
    "YEAR_BLOCK_BEFORE",
    "CURRENCY_BEFORE",
    "COUNT_QUALIFIER_BEFORE",
    "MONTH_BLOCK_BEFORE",
    "WEEKDAY_BLOCK_BEFORE",
)


def _atoms(item: str, escape: bool, any_space: bool = True) -> list[str] | None:
    """An item as a list of atoms (a space matches any whitespace if ``any_space``), or None if
    it has groups, classes, counted repeats or alternatives."""
    atoms = []
    for atom in _ATOM.findall(regex.escape(item) if escape else item):
        if atom in (" ", "\\ "):
            atom = r"\s+" if any_space else "\\ "
        elif atom[0] in "()[]{}|":
            return None
        atoms.append(atom)
    return atoms


def _trie(sequences: list[list[str]]) -> dict:
    root: dict = {}
    for atoms in sequences:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}
    return root


def _trie_source(node: dict, *, suffixes: bool = False) -> str:
    """A trie of atoms as a pattern; deeper (longer) alternatives before the one ending here."""
    parts = []
    for atom, child in node.items():
        if atom:
            rest = _trie_source(child, suffixes=suffixes)
            parts.append(rest + atom if suffixes else atom + rest)
    if "" in node:
        parts.append("")
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _siblings_differ_in_case_only(node: dict) -> bool:
    atoms = [a.lower() for a in node if a]
    return len(atoms) != len(set(atoms)) or any(_siblings_differ_in_case_only(c) for c in node.values())


def alternation(items: Iterable[str], *, escape: bool = False, any_space: bool = True) -> str:
    """Longest-first alternation; a space in an item matches any whitespace (or only a space).

    Literal items are written as a trie (``(?:ma(?:rch|y))``), which the ``regex`` module
    tries faster; it tries the same items in the same order at any position, since the
    items matching there are prefixes of one another and the longer ones come first.
    """
    parts = sorted(set(items), key=len, reverse=True)
    sequences = [_atoms(item, escape, any_space) for item in parts]
    if all(seq is not None and all(_LITERAL_ATOM.fullmatch(a) for a in seq) for seq in sequences):
        trie = _trie(sequences)  # type: ignore[arg-type]
        if not _siblings_differ_in_case_only(trie):
            return f"(?:{_trie_source(trie)})"
    out = []
    for item in parts:
        text = regex.escape(item) if escape else item
        out.append(text.replace("\\ ", r"\s+").replace(" ", r"\s+") if any_space else text.replace(" ", "\\ "))
    return "(?:" + "|".join(out) + ")"


def _lookaround_alternation(items: Iterable[str], *, behind: bool, escape: bool = False) -> str:
    """An alternation for use inside a lookaround only, where just its language matters:
    common prefixes (lookahead) or suffixes (lookbehind, matched backwards) are shared."""
    sequences, opaque = [], []
    for item in sorted(set(items)):
        atoms = _atoms(item, escape)
        if atoms is None:
            opaque.append(item.replace(" ", r"\s+"))
        else:
            sequences.append(atoms[::-1] if behind else atoms)
    parts = [_trie_source(_trie(sequences), suffixes=behind)] if sequences else []
    return "(?:" + "|".join(parts + opaque) + ")"


@per_patterns
def build_macros() -> dict[str, str]:
    """The ``{NAME}`` macros usable in rule patterns, built from the calendar lexicon."""
    raw = lexicon().raw
    full = [name for m in raw["months"] for name in [m["name"], *m.get("misspellings", ())]]  # typos: "Feburary"
    abbr = [a for m in raw["months"] for a in m["abbreviations"]]
    days = [d["name"] for d in raw["weekdays"]]
    day_abbr = [a for d in raw["weekdays"] for a in d["abbreviations"]]
    words = [w for w in raw["number_words"] if w not in ("a", "an")]
    tens = [w for w, v in raw["number_words"].items() if v >= 20 and v % 10 == 0]
    units = [w for w, v in raw["number_words"].items() if 0 < v < 10 and w not in ("a", "an")]
    compound = f"{alternation(tens)}[\\s-]{alternation(units)}"
    macros = {
        "MONTH": f"(?-i:{alternation(full)})",
        "MONTH_ABBR": f"(?-i:{alternation(abbr)})(?![a-z])\\.?",
        "WEEKDAY": f"(?-i:{alternation(days)})",
        "WEEKDAY_ABBR": f"(?-i:{alternation(day_abbr)})(?![a-z])\\.?",
        "NUMWORD": f"(?:{compound}|{alternation(words, escape=True)})",
        "YEAR": r"(?:19\d\d|20\d\d|2100)",
        "QUALIFIER": alternation(raw["qualifiers"], escape=True),
        "DURATION_UNIT": alternation(raw["duration_units"], escape=True),
        "COUNT_AFTER": _lookaround_alternation(raw["year_blocking_words_after"], behind=False),
        "YEAR_BLOCK_BEFORE": _lookaround_alternation(raw["year_blocking_words_before"], behind=True),
        "CURRENCY_BEFORE": _lookaround_alternation(raw["currency_before_number"], behind=True),
        "COUNT_QUALIFIER_BEFORE": _lookaround_alternation(raw["count_qualifiers_before"], behind=True, escape=True),
        "MONTH_BLOCK_BEFORE": _lookaround_alternation(raw["month_blocking_words_before"], behind=True),
        "WEEKDAY_BLOCK_BEFORE": _lookaround_alternation(raw["weekday_blocking_words_before"], behind=True),
        "WEEKDAY_BLOCK_AFTER": _lookaround_alternation(raw["weekday_blocking_words_after"], behind=False),
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
        if name in LOOKAHEAD_MACROS + LOOKBEHIND_MACROS and not _in_lookaround(pattern, match.start()):
            raise RuleError(f"patterns/{RULES_FILE}: rule {rule_id!r}: {{{name}}} may only be used in a lookaround")
        return macros[name]

    return MACRO_NAME.sub(replace, pattern)


def _in_lookaround(pattern: str, position: int) -> bool:
    """Whether ``position`` of a pattern's source lies inside a lookaround group."""
    groups: list[bool] = []
    index = 0
    while index < position:
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":  # skip a class, where brackets are literal
            index += 2 if pattern.startswith("^", index + 1) else 1
            index += 1 if pattern.startswith("]", index) else 0
            while index < len(pattern) and pattern[index] != "]":
                index += 2 if pattern[index] == "\\" else 1
        elif char == "(":
            groups.append(pattern.startswith(("?=", "?!", "?<=", "?<!"), index + 1))
        elif char == ")" and groups:
            groups.pop()
        index += 1
    return any(groups)


def pattern_source(source: str, rule_id: str, role: str) -> str:
    """A rule's pattern as written, with its macros expanded and its role's word boundaries."""
    body = expand(source, rule_id)
    if role in ("period", "basis"):
        return f"(?<!\\w)(?:{body})(?!\\w)"
    if role == "edge":
        return f"(?<!\\w)(?:{body})"
    return body


def _compile(source: str, rule_id: str, role: str) -> Any:
    body = pattern_source(source, rule_id, role)
    try:  # runs such as \s+ made possessive where that cannot change a match: see text.regex_tree
        return regex.compile(with_possessive_runs(body, verbose=True), FLAGS)
    except regex.error:
        pass
    try:  # report the error in the pattern as written
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
        if spec.get("container") not in ("left", "right", "range"):
            raise RuleError(f"{where}: 'container' must be 'left', 'right' or 'range'")
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


@per_patterns
def _rules(parsers: tuple[str, ...]) -> tuple[Rule, ...]:
    return tuple(make_rule(spec, order, parsers) for order, spec in enumerate(load_jsonl(RULES_FILE)))


def load_rules(parsers: Iterable[str]) -> tuple[Rule, ...]:
    """All rules of ``patterns/periods/periods.jsonl``, compiled once per set of pattern additions."""
    return _rules(tuple(sorted(parsers)))


def rules_with_role(rules: Iterable[Rule], role: str) -> tuple[Rule, ...]:
    return tuple(rule for rule in rules if rule.role == role)
