"""The quantity stage's compiled grammar, built once per set of pattern additions from the lexicons in
``patterns/``: numbers.json (number words, scales, fractions), units.json (percent, measure and time units),
currencies.json with CLDR's table, qualifiers.json, counts.json, directions.json and the month names of calendar.json.

``quantity_grammar()`` returns a plain dict of compiled patterns and word sets, keyed by what each reads:
``scale_after``, ``percent_after``, ``prefix_before``/``prefix_at``, ``word_after``, ``minor_after``,
``qualifier_before``, ``measure_after``, ``time_after``, ``identifier_before``, ``range_sep``, and the
candidate pattern (``candidates``, see :mod:`.candidates`). Every pattern is linear: possessive quantifiers and
bounded windows. Patterns that end in ``\\Z`` look for a word right before a position; those compiled with
``regex.REVERSE`` (:data:`AT_END`) are matched from the end, which tests/test_properties.py checks gives the
forward search's answer.
"""

from __future__ import annotations

from decimal import Decimal


import regex

from ..resources import load_json, per_patterns
from ..text.fastre import compile_fast, prefix_alternation
from .candidates import alternation, candidate_grammar
from .currencies import CONTEXT, currency_tables
from .numbers import lexicon

AT_END = regex.REVERSE
SENTENCE_BREAK = compile_fast(r"[.!?]\s|\n")  # where a sentence (or a wire line) ends


def sentence_start(text: str, pos: int, reach: int = 250) -> int:
    """Where the sentence around ``pos`` begins, looking back at most ``reach`` characters."""
    window = max(0, pos - reach)
    last = None
    for last in SENTENCE_BREAK.finditer(text, window, pos):
        pass
    return last.end() if last is not None else window
_SPACE_RUN = compile_fast(r"\s+")


def squash(text: str) -> str:
    """Runs of white space to one space."""
    return _SPACE_RUN.sub(" ", text)


def trie(words) -> str:
    """Lower-cased words and phrases as one alternation with shared beginnings (matched case-insensitively);
    a space in a phrase matches any run of white space."""
    return prefix_alternation(
        {w.lower() for w in words if w}, char=lambda c: r"\s++" if c == " " else regex.escape(c)
    )


@per_patterns
def quantity_grammar() -> dict:
    """The compiled patterns and word sets, from the lexicons in ``patterns/`` (see the module docstring)."""
    grammar = {"candidates": candidate_grammar().one}
    grammar.update(_number_units())
    grammar.update(_currencies())
    grammar.update(_context_words())
    return grammar


def _number_units() -> dict:
    """What follows a number: a scale ("million", "mln", "bn", "lakh crore"), a percent unit, a measure, a time."""
    lex = lexicon()
    units = load_json("units.json")
    scales = alternation(list(lex["scales"]), flags="i")
    percent_units = [u for u in units["percent_units"] if u != "%"]
    return {
        "scale_after": compile_fast(
            rf"(?:(?:\s++|-)(?P<scale>{scales}(?:\s++{scales})*+)"
            rf"|(?P<abbr>{alternation(lex['abbreviations'])})|\s++(?P<spaced>{alternation(lex['spaced_abbreviations'])}))"
            r"(?![A-Za-z])"
        ),
        "percent_after": compile_fast(
            rf"\s*+(?P<unit>%)|[\s-]*+(?P<unit>{alternation(percent_units, flags='i')})(?![A-Za-z])"
        ),
        "percent_units": {k.lower(): v for k, v in units["percent_units"].items()},
        # "1/2 point", "one-point" of a rate; not "45 points, or 0.6 pct" (index points restated)
        "rate_point_after": compile_fast(r"[\s-]*+points?(?![A-Za-z])(?!\s*+,?\s*+or\b)", regex.IGNORECASE),
        "rate_point_max": Decimal(str(units["rate_points"]["max"])),
        "rate_words": compile_fast(
            rf"(?<![A-Za-z]){alternation(units['rate_points']['rate_words'], flags='i')}(?![A-Za-z])"
        ),
        # a unit, perhaps after a size of its own: "3 mln 60-kilo bags", "500,000 42-gallon barrels"
        "measure_after": compile_fast(
            rf"[ \t-]*+(?:\d++-[A-Za-z]++[ \t]++)?{alternation(units['measure_units'], flags='i')}(?![A-Za-z])"
        ),
        "time_after": compile_fast(rf"[ \t-]*+{alternation(units['time_units'], flags='i')}(?![A-Za-z])"),
        "fractions": lex["fractions"],
        "scale_words": tuple(lex["scales"]) + ("dozen", "hundred"),
        **_minus_words(),
    }


def _minus_words() -> dict:
    """A word that makes the number after it negative ("minus 0.4 percent"), searched from the end, and the
    words for a string test before the search (None if one is not ASCII: its index fold would not be the word)."""
    words = load_json("numbers.json")["minus_words"]
    return {
        "minus_before": compile_fast(rf"(?<![A-Za-z])(?:{alternation(words)})\s++\Z", regex.IGNORECASE | AT_END),
        "minus_words": tuple(w.lower() for w in words) if all(w.isascii() for w in words) else None,
    }


def _currencies() -> dict:
    """Currency prefixes before a number ("US$", "RMB", "Rs.", "€"), words and sub-units after it."""
    currencies = load_json("currencies.json")
    tables = currency_tables()
    prefix_table = dict(tables.prefixes)
    prefix_table["$"] = currencies["dollar_words"]["default"]
    # prefixes whose currency depends on the article (a rand "R"): marked CONTEXT, resolved by the money reader
    context_prefixes = {p: rule for p, rule in currencies["by_context"]["prefixes"].items() if not p.startswith("_")}
    for p in context_prefixes:
        prefix_table[p] = CONTEXT
    return {
        "prefix_at": compile_fast(rf"(?P<cur>{alternation(prefix_table)})\s?"),
        "prefix_before": compile_fast(rf"(?<![A-Za-z])(?P<cur>{alternation(prefix_table)})\s?\Z"),
        "prefix_table": prefix_table,
        "context_prefixes": context_prefixes,
        "word_after": compile_fast(rf"\s*+(?P<cur>{trie(tables.words)})(?![A-Za-z])", regex.IGNORECASE),
        "word_table": dict(tables.words),
        "minor_after": compile_fast(rf"\s*+(?P<cur>{trie(tables.minor)})(?![A-Za-z])", regex.IGNORECASE),
        "minor_table": dict(tables.minor),
        "currency_tables": tables,
        "yen": currencies["yen_sign"],
        "cents_currencies": frozenset(currencies["cents_currencies"]),
        "bare_dollars": frozenset(w.lower() for w in currencies["dollar_words"]["bare"]),
        "dollar_currencies": frozenset(currencies["dollar_words"]["follow"]),
    }


def _context_words() -> dict:
    """Words around a number: qualifiers, identifier words, range separators, counted-noun and change words."""
    qualifiers = load_json("qualifiers.json")
    quals = qualifiers["qualifiers"]
    counts = load_json("counts.json")
    directions = load_json("directions.json")
    months = load_json("calendar.json")["months"]
    return {
        "qualifier_before": compile_fast(
            rf"(?<![A-Za-z])(?P<q>{alternation(quals, flags='i')})\s++\Z", AT_END
        ),
        # the last words of the qualifiers, for a string test before the search; None if one is not ASCII
        # (its index fold would not be the word)
        "qualifier_ends": tuple({q.split()[-1].lower() for q in quals}) if all(q.isascii() for q in quals) else None,
        # only whether it matches is used, so it may be searched from the end (not possessive: "SARS-CoV-" keeps its "-")
        "identifier_before": compile_fast(
            rf"(?<![A-Za-z])(?:{alternation(counts['identifier_words'], flags='i')}"
            rf"|{alternation(counts['identifier_names'])})[\s#-]*\Z",  # names as written: "Group of Seven"
            AT_END,
        ),
        "range_sep": compile_fast(r"\s*+(?P<sep>-|–|—|to|and|or|through)\s*+", regex.IGNORECASE),
        "stop_words": frozenset(counts["stop_words"]),
        "plural_exceptions": frozenset(counts["plural_exceptions"]),
        "not_plural_endings": tuple(counts["not_plural_endings"]),
        "plural_endings": tuple(counts["plural_endings"]),
        "singular_with_plural_ending": frozenset(counts["singular_with_plural_ending"]),
        "vague_words": frozenset(counts["vague_words"]),
        "fraction_after": compile_fast(rf"[ \t-]++{alternation(counts['fraction_denominators'], flags='i')}(?![A-Za-z])"),
        "change_words": frozenset(directions["increase"] + directions["decrease"]),
        # a move up right before "up to" ("edged up to", "went up to"): then "to" is not the qualifier "at most"
        "moved_before": compile_fast(
            rf"\b(?:[a-z]+(?:ed|ing)|{alternation(qualifiers['up_to_moved_verbs'])})\s++\Z", regex.IGNORECASE
        ),
        "elided_verbs_after": frozenset(counts["elided_verbs_after"]),
        "elided_verbs_before": frozenset(counts["elided_verbs_before"]),
        "one_pronoun_before": frozenset(counts["one_pronoun_before"]),
        "one_not_counted": frozenset(counts["one_not_counted"]),
        "speaker_verbs": frozenset(counts["speaker_verbs"]),
        # month names and abbreviations (patterns/periods/calendar.json), lower-cased: never a counted noun
        "months": frozenset(w.lower() for m in months for w in [m["name"], *m["abbreviations"]]),
        "weekdays": frozenset(d["name"].lower() for d in load_json("calendar.json")["weekdays"]),
    }
