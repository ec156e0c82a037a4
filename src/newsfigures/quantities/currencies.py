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


def _usable(code: str, info: dict, supranational: set[str]) -> bool:
    return "(" not in info["name"] and (not code.startswith("X") or code in supranational)


@per_patterns
def currency_tables() -> CurrencyTables:
    """The merged tables (hand-written entries win over CLDR's)."""
    hand = load_json("currencies.json")
    cldr = load_json("currencies_cldr.json")
    prefixes, words, minor, by_unit, cues = _cldr_forms(hand["cldr_forms"], cldr)
    in_use = {
        code: tuple((start, end) for _, start, end in info["territories"]) for code, info in cldr["currencies"].items()
    }
    units = _bare_units(hand["bare_units"], by_unit, cues, words)
    for cur in hand["currencies"]:
        for p in cur.get("prefixes", []):
            prefixes[p] = cur["code"]
        for w in cur.get("words", []):
            words[w.lower()] = cur["code"]
        for w in cur.get("minor", []):
            minor[w.lower()] = cur["code"]
    # a dollar prefix written with a space before its "$" ("C $", "HK $", "S $") is the same prefix
    prefixes.update({p[:-1] + " $": code for p, code in list(prefixes.items()) if _letters_then_dollar(p)})
    return CurrencyTables(prefixes, words, minor, units, in_use)


def _letters_then_dollar(prefix: str) -> bool:
    """A dollar prefix such as "HK$" or "C$" that can be written spaced: not "A$", since "A $5-billion buyback"
    is an article and US dollars (the English one-letter words, a and I, are left out)."""
    letters = prefix[:-1]
    return prefix.endswith("$") and letters.replace(".", "").isalpha() and letters.lower() not in ("a", "i")


def _cldr_forms(forms: dict, cldr: dict) -> tuple[dict, dict, dict, dict, dict]:
    """CLDR's currencies as prefixes, words after a number, sub-unit words, the currencies of each unit word and
    each currency's country cues (its adjective and its territories' names), as ``forms`` says to read them."""
    names = cldr["territory_names"]
    aliases, abbreviations = forms["adjective_aliases"], forms["unit_abbreviations"]
    never_prefix, minor_units = set(forms["codes_not_prefixes"]), forms["minor_units"]
    supranational = set(forms["supranational_currencies"])
    prefixes: dict[str, str] = {}
    words: dict[str, str] = {}
    minor: dict[str, str] = {}
    by_unit: dict[str, list[str]] = {}
    cues: dict[str, tuple[str, ...]] = {}
    for code, info in cldr["currencies"].items():
        if not _usable(code, info, supranational):
            continue
        if code not in never_prefix:
            prefixes[code] = code
        symbol = info["symbol"]
        if symbol and " " not in symbol and not symbol.isalpha() and symbol != "$":
            prefixes[symbol] = code
        singular, plural = info["name"].split(), info["plural"].split()
        adjective = " ".join(singular[:-1])
        for adj in [adjective, *aliases.get(adjective, [])]:
            for unit in {singular[-1].lower(), plural[-1].lower()}:
                for form in [unit, *abbreviations.get(unit, [])]:
                    words[f"{adj} {form}".strip().lower()] = code
                for sub in minor_units.get(unit, []) if adj else []:
                    minor[f"{adj} {sub}".lower()] = code  # "H.K. cents", "Canadian cents"
        for unit in {singular[-1].lower(), plural[-1].lower()}:
            by_unit.setdefault(unit, []).append(code)
        cues[code] = ((adjective, None, None),) * bool(adjective) + tuple(
            (names[t], start, end) for t, start, end in info["territories"]
        )
    return prefixes, words, minor, by_unit, cues


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
        for form in rule.get("forms", [word]):
            units[form.lower()] = units[word]
            words[form.lower()] = CONTEXT
    return units
