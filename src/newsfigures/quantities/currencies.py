"""Currency tables for the quantity stage: CLDR's names, plurals and symbols (``patterns/quantities/currencies_cldr.json``,
generated from Babel) merged with what CLDR does not say (``patterns/quantities/currencies.json``: wire abbreviations,
sub-units, and which currency a bare "francs" or "crowns" is).

A bare unit word shared by several currencies ("francs": French, Swiss, Belgian...) is resolved per article
(:meth:`CurrencyTables.resolve_unit`): among the currencies of that unit in use on the publication date, the one
whose country or adjective ("Swiss", "Switzerland") the article names nearest before the figure, else the first
default in use on that date ("francs" are French francs in 1987 and Swiss francs in 2024).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex

from ..resources import load_json, per_patterns

CONTEXT = "@context"  # a form whose currency depends on the article (resolved by the quantity reader)


@dataclass
class UnitRule:
    """How a bare unit word ("francs") picks its currency."""

    candidates: tuple[str, ...]  # every currency of that unit
    default: tuple[str, ...]  # tried in order: the first in use on the date
    # code -> (word that names its country, tender from, tender to): a country names the currency only while
    # it used it (Pakistan used the Indian rupee before 1948); an adjective ("Swiss") always does
    cues: dict[str, tuple[tuple[str, str | None, str | None], ...]] = field(default_factory=dict)


@dataclass
class CurrencyTables:
    """Forms of currencies as the quantity reader looks them up (lower-cased words, case-sensitive prefixes)."""

    prefixes: dict[str, str]
    words: dict[str, str]  # a word or phrase after the number -> ISO code, or CONTEXT
    minor: dict[str, str]  # a sub-unit word -> the ISO code of its major unit
    units: dict[str, UnitRule]  # a bare unit word -> its rule (words[w] == CONTEXT)
    in_use: dict[str, tuple[tuple[str | None, str | None], ...]]  # code -> tender intervals
    scaled_only: frozenset[str] = frozenset()  # words that are the currency only after a scaled number

    def used_on(self, code: str, day: date | None) -> bool:
        """Whether the currency was legal tender somewhere on ``day`` (True when there is no date)."""
        if day is None:
            return True
        iso = day.isoformat()
        return any((start is None or start <= iso) and (end is None or iso <= end) for start, end in self.in_use.get(code, ()))

    def resolve_unit(self, word: str, text: str, position: int, day: date | None) -> str | None:
        """The currency of a bare unit word at ``position`` in ``text`` (None when nothing decides)."""
        rule = self.units[word]
        live = [c for c in rule.candidates if self.used_on(c, day)] or list(rule.candidates)
        iso = day.isoformat() if day else None
        cues = [
            (code, cue)
            for code in live
            for cue, start, end in rule.cues.get(code, ())
            if iso is None or ((start is None or start <= iso) and (end is None or iso <= end))
        ]
        best, best_at = None, -1
        for code, cue in cues:
            at = text.rfind(cue, 0, position)
            if at > best_at:
                best, best_at = code, at
        if best is None:  # no country named before the figure: the first named after it
            best_at = len(text)
            for code, cue in cues:
                at = text.find(cue, position)
                if 0 <= at < best_at:
                    best, best_at = code, at
        if best is not None:
            return best
        for code in rule.default:
            if self.used_on(code, day):
                return code
        return rule.default[0] if rule.default else None


def _usable(code: str, supranational: set[str]) -> bool:
    return not code.startswith("X") or code in supranational


def _dated(name: str) -> bool:
    """CLDR marks a currency that shares its name with another by its years: "Zimbabwean Dollar (1980–2008)"."""
    return "(" in name


def _undated(name: str) -> str:
    return regex.sub(r"\s*\([^)]*\)", "", name).strip()


def _plain_place(name: str) -> bool:
    """A territory name that can stand before a unit word ("Zimbabwe dlrs"), not "Congo - Kinshasa"."""
    return bool(name) and all(part.replace(".", "").replace("&", "").isalpha() for part in name.split())


@per_patterns
def currency_tables() -> CurrencyTables:
    """The merged tables (hand-written entries win over CLDR's)."""
    hand = load_json("currencies.json")
    cldr = load_json("currencies_cldr.json")
    prefixes, named, minor, (by_unit, every_unit), cues = _cldr_forms(hand["cldr_forms"], cldr)
    in_use = {
        code: tuple((start, end) for _, start, end in info["territories"]) for code, info in cldr["currencies"].items()
    }
    words, units = _shared_words(named, in_use)
    units.update(_bare_units(hand["bare_units"], by_unit, cues, words))
    for cur in hand["currencies"]:
        for p in cur.get("prefixes", []):
            prefixes[p] = cur["code"]
        for w in cur.get("words", []):
            words[w.lower()] = cur["code"]
        for w in cur.get("minor", []):
            minor[w.lower()] = cur["code"]
    # then CLDR's unit words alone, where no form above reads the word
    alone, alone_rules = _unit_words(
        every_unit, cues, in_use, words, {w.lower() for w in hand["cldr_forms"]["units_never_alone"]}
    )
    words.update(alone)
    units.update(alone_rules)
    # a dollar prefix written with a space before its "$" ("C $", "HK $", "S $") is the same prefix
    prefixes.update({p[:-1] + " $": code for p, code in list(prefixes.items()) if _letters_then_dollar(p)})
    bare = [rule for word, rule in hand["bare_units"].items() if not word.startswith("_")]
    scaled_only = frozenset(form.lower() for rule in bare for form in rule.get("scaled_forms", []))
    return CurrencyTables(prefixes, words, minor, units, in_use, scaled_only)


def _letters_then_dollar(prefix: str) -> bool:
    """A dollar prefix such as "HK$" or "C$" that can be written spaced: not "A$", since "A $5-billion buyback"
    is an article and US dollars (the English one-letter words, a and I, are left out)."""
    letters = prefix[:-1]
    return prefix.endswith("$") and letters.replace(".", "").isalpha() and letters.lower() not in ("a", "i")


def _cldr_forms(forms: dict, cldr: dict) -> tuple[dict, dict, dict, dict, dict]:
    """CLDR's currencies as prefixes, words after a number, sub-unit words, the currencies of each unit word and
    each currency's country cues (its adjective and its territories' names), as ``forms`` says to read them.
    A word is read as the currency's adjective, an alias of it, or the name of a territory that used it
    ("Zimbabwe dlrs"); a currency CLDR dates by its years is named without them, and is no prefix. Words
    are lists of codes: several currencies may share one ("Turkish lira", 1922-2005 and since)."""
    names = cldr["territory_names"]
    aliases, abbreviations = forms["adjective_aliases"], forms["unit_abbreviations"]
    never_prefix, minor_units = set(forms["codes_not_prefixes"]), forms["minor_units"]
    supranational = set(forms["supranational_currencies"])
    prefixes: dict[str, str] = {}
    words: dict[str, list[tuple[str, tuple | None]]] = {}  # form -> (code, (place, tender from, to) or None)
    minor: dict[str, str] = {}
    by_unit: dict[str, list[str]] = {}
    every_unit: dict[str, list[str]] = {}  # dated currencies too: "cruzados", "australs", "sucres"
    cues: dict[str, tuple[str, ...]] = {}
    for code, info in cldr["currencies"].items():
        if not _usable(code, supranational):
            continue
        if code not in never_prefix and not _dated(info["name"]):
            prefixes[code] = code
        symbol = info["symbol"]
        if symbol and " " not in symbol and not symbol.isalpha() and symbol != "$":
            prefixes[symbol] = code
        singular, plural = _undated(info["name"]).split(), _undated(info["plural"]).split()
        adjective = " ".join(singular[:-1])
        places = [
            (names[t], (names[t], a, b)) for t, a, b in info["territories"] if adjective and _plain_place(names.get(t, ""))
        ]
        for adj, place in [(adj, None) for adj in (adjective, *aliases.get(adjective, []))] + places:
            for unit in {singular[-1].lower(), plural[-1].lower()}:
                for form in [unit, *abbreviations.get(unit, [])]:
                    words.setdefault(f"{adj} {form}".strip().lower(), []).append((code, place))
                for sub in minor_units.get(unit, []) if adj else []:
                    minor[f"{adj} {sub}".lower()] = code  # "H.K. cents", "Canadian cents"
        for unit in {singular[-1].lower(), plural[-1].lower()}:
            every_unit.setdefault(unit, []).append(code)
        cues[code] = ((adjective, None, None),) * bool(adjective) + tuple(
            (names[t], start, end) for t, start, end in info["territories"]
        )  # a dated currency's too: a "kwacha" in a story about Zambia in 1987 is ZMK
        if _dated(info["name"]):
            continue  # a bare "pesos" is among the currencies CLDR does not date
        for unit in {singular[-1].lower(), plural[-1].lower()}:
            by_unit.setdefault(unit, []).append(code)
    return prefixes, words, minor, (by_unit, every_unit), cues


def _unit_words(
    every_unit: dict[str, list[str]], cues: dict, in_use: dict, taken: dict, stop: set[str]
) -> tuple[dict[str, str], dict[str, UnitRule]]:
    """CLDR's unit words written alone after a number ("4.5 billion forints", "20 mln cruzados"): the currency of
    that unit in use on the date, the country the article names first, else the newest. Not the words ``taken``
    already, English words (``stop``) or words of fewer than four letters ("won", "lev", "sum")."""
    words, units = {}, {}
    for word, codes in every_unit.items():
        newest_first = _newest_first(codes, in_use)
        for form in {word, word.translate(_ACCENTS)}:
            if form in taken or form in stop or len(form) < 4 or not form.isalpha():
                continue
            words[form] = CONTEXT
            units[form] = UnitRule(newest_first, newest_first, {c: cues.get(c, ()) for c in newest_first})
    return words, units


def _newest_first(codes: list[str], in_use: dict) -> tuple[str, ...]:
    """Currencies in the order a word shared by them is tried when no date decides: the latest introduced first."""
    return tuple(sorted(set(codes), key=lambda c: max((a or "" for a, _ in in_use.get(c, ())), default=""), reverse=True))


_ACCENTS = str.maketrans("áéíóúñç", "aeiounc")


def _shared_words(
    words: dict[str, list[tuple[str, tuple | None]]], in_use: dict
) -> tuple[dict[str, str], dict[str, UnitRule]]:
    """Each word's currency. A word several currencies share is resolved by the date: a place's name
    ("Zimbabwe dlrs") names the currency that place used then; an adjective the currency in use then, the
    newest first when there is no date ("Turkish lira")."""
    single, shared = {}, {}
    for word, entries in words.items():
        codes = list(dict.fromkeys(code for code, _ in entries))
        if len(codes) == 1:
            single[word] = codes[0]
            continue
        cues: dict[str, tuple] = {}
        for code, place in entries:
            if place is not None:
                cues[code] = (*cues.get(code, ()), place)
        single[word] = CONTEXT
        shared[word] = UnitRule(_newest_first(codes, in_use), _newest_first(codes, in_use), cues)
    return single, shared


def _bare_units(bare: dict, by_unit: dict, cues: dict, words: dict[str, str]) -> dict[str, UnitRule]:
    """The rule of each bare unit word ("francs") of ``bare``; its forms go into ``words`` as CONTEXT."""
    units: dict[str, UnitRule] = {}
    for word, rule in bare.items():
        if word.startswith("_"):
            continue
        candidates = tuple(dict.fromkeys(c for unit in rule.get("cldr_units", [word]) for c in by_unit.get(unit, [])))
        candidates = candidates or tuple(rule["default"])
        use_cues = rule.get("cues", True)
        extra = {code: tuple((c, None, None) for c in named) for code, named in rule.get("extra_cues", {}).items()}
        unit_cues = {c: cues.get(c, ()) + extra.get(c, ()) for c in candidates} if use_cues else {}
        units[word] = UnitRule(candidates, tuple(rule["default"]), unit_cues)
        for form in rule.get("forms", [word]) + rule.get("scaled_forms", []):
            units[form.lower()] = units[word]
            words[form.lower()] = CONTEXT
    return units
