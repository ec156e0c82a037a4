"""Pure number parsing: strings in, exact ``Decimal`` values out.

Handles digits with thousands separators (``1,250,000``, Indian ``1,50,000``, thin and
no-break spaces), decimals, full-width digits, scale words and abbreviations
(``million``, ``bn``, ``lakh crore``) and written numbers (``twenty-five``,
``a dozen``, ``half a million``). No spaCy here: this module is tested with tables.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import regex

from ..resources import load_json, per_patterns
from ..text.fold import fold_width

GROUP_SEPARATORS = ",\u00a0\u202f\u2009"
MAX_DIGITS = 18  # a longer run of digits is an identifier, not a figure


@per_patterns
def lexicon() -> dict:
    """Number words and scales from ``patterns/numbers.json`` as Decimals."""
    raw = load_json("numbers.json")
    words: dict[str, Decimal] = {}
    for table in ("units", "tens"):
        words.update({w: Decimal(v) for w, v in raw[table].items()})
    return {
        "words": words,
        "tens": {w: Decimal(v) for w, v in raw["tens"].items()},
        "hundred": {w: Decimal(v) for w, v in raw["hundred"].items()},
        "dozen": {w: Decimal(v) for w, v in raw["dozen"].items()},
        "scales": {w: Decimal(v) for w, v in raw["scales"].items()},
        "abbreviations": {w: Decimal(v) for w, v in raw["scale_abbreviations"].items()},
        "spaced_abbreviations": frozenset(raw["spaced_abbreviations"]),
        "fractions": {w: Decimal(v) for w, v in raw["fractions"].items()},
    }


def clean_decimal(value: Decimal) -> Decimal:
    """Drop trailing zeros and exponents: ``14390000.00`` -> ``14390000``, ``2.50`` -> ``2.5``."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    text = format(value.normalize(), "f")
    return Decimal(text)


_FRACTION = re.compile(r"(?:(\d+)-)?(\d+)/(\d+)")


def parse_fraction(text: str) -> Decimal | None:
    """A wire fraction: ``1/2`` -> 0.5, ``24-1/8`` -> 24.125, ``6-3/16`` -> 6.1875; None unless the fraction
    is proper (``3/2`` is not one)."""
    m = _FRACTION.fullmatch(text.strip())
    if m is None:
        return None
    whole, top, bottom = (int(g) if g else 0 for g in m.groups())
    if not 0 < top < bottom:
        return None
    return clean_decimal(Decimal(whole) + Decimal(top) / Decimal(bottom))


def parse_quote(text: str) -> Decimal | None:
    """The offer of a dealing quote written as a bid and the offer's last digits: ``1.8155/60`` -> 1.8160,
    ``3.85/95`` -> 3.95, ``1.5085/00`` -> 1.5100 (the offer is above the bid), ``143.90/144.00`` -> 144.00."""
    bid_text, _, tail = text.partition("/")
    bid = parse_digits(bid_text)
    if bid is None or not tail.isdigit() and parse_digits(tail) is None:
        return None
    if "." in tail or len(tail) >= len(bid_text.replace(",", "")):
        return parse_digits(tail)
    step = Decimal(1).scaleb(-(len(bid_text) - bid_text.index(".") - 1)) if "." in bid_text else Decimal(1)
    offer = Decimal(bid_text[: len(bid_text) - len(tail)] + tail)
    if offer < bid:  # "1.5085/00": the offer's digits rolled over
        offer += step * Decimal(10) ** len(tail)
    return clean_decimal(offer)


def parse_digits(text: str) -> Decimal | None:
    """Parse a run of digits with group separators and a decimal point, or a wire fraction (``24-1/8``);
    None if it is not one number."""
    if "/" in text:
        return parse_fraction(text)
    if text.isascii():  # nothing to fold, and "," is the only separator there can be
        folded = text.strip()
        sign = Decimal(1)
        if folded[:1] == "-":
            sign, folded = Decimal(-1), folded[1:]
        elif folded[:1] == "+":
            folded = folded[1:]
        digits = folded.replace(",", "")
    else:
        folded = fold_width(text).strip()
        sign = Decimal(1)
        if folded[:1] in "-–":
            sign, folded = Decimal(-1), folded[1:]
        elif folded[:1] == "+":
            folded = folded[1:]
        digits = "".join(ch for ch in folded if ch not in GROUP_SEPARATORS)
    if not digits or len(digits.replace(".", "")) > MAX_DIGITS:
        return None
    try:
        return sign * Decimal(digits)
    except InvalidOperation:
        return None


_WORD_SPLIT = regex.compile(r"[\s\-]+")


def parse_number_words(text: str) -> Decimal | None:
    """Parse a written number: ``eight``, ``twenty-five``, ``two hundred and fifty``, ``a dozen``,
    ``three million``, ``half a million``. None if the words are not a number."""
    lex = lexicon()
    parts = [p for p in _WORD_SPLIT.split(text.lower().strip()) if p and p != "and"]
    if not parts:
        return None
    multiplier = Decimal(1)
    if parts[0] == "half" and len(parts) >= 2 and parts[1] in ("a", "an"):
        multiplier, parts = Decimal("0.5"), parts[2:]
        if not parts:
            return None
    total = Decimal(0)
    current: Decimal | None = None
    seen_any = False
    for i, word in enumerate(parts):
        if word in ("a", "an") and i == 0 and len(parts) > 1:
            current = Decimal(1)
        elif word in lex["words"]:
            if current is not None and (current % 10 != 0 or (word in lex["tens"] and current % 100 != 0)):
                return None  # "five six", "twenty thirty": not one number
            current = (current or Decimal(0)) + lex["words"][word]
            seen_any = True
        elif word in lex["hundred"]:
            current = (current if current is not None else Decimal(1)) * lex["hundred"][word]
            seen_any = True
        elif word in lex["dozen"]:
            current = (current if current is not None else Decimal(1)) * lex["dozen"][word]
            seen_any = True
        elif word in lex["scales"]:
            base = current if current is not None else (Decimal(1) if total == 0 else None)
            if base is None:
                # "thousand crore": a scale that multiplies the total so far
                total *= lex["scales"][word]
            else:
                total += base * lex["scales"][word]
            current = None
            seen_any = True
        else:
            return None
    if not seen_any:
        return None
    return clean_decimal((total + (current or Decimal(0))) * multiplier)


def scale_value(words: str) -> Decimal | None:
    """The multiplier of a scale phrase: ``million`` -> 1e6, ``lakh crore`` -> 1e12, ``bn`` -> 1e9."""
    lex = lexicon()
    value = Decimal(1)
    found = False
    for part in words.split():
        factor = lex["scales"].get(part.lower()) or lex["abbreviations"].get(part)
        if factor is None:
            factor = lex["abbreviations"].get(part.lower())
        if factor is None:
            return None
        value *= factor
        found = True
    return value if found else None


def parse_number(text: str) -> Decimal | None:
    """Parse any number expression: ``1.25 million``, ``Rs``-free ``4.39 lakh crore``, ``5bn``,
    ``1,250,000``, ``twenty-five``, ``a dozen``, ``half a million``. None if it is not a number."""
    folded = fold_width(text).strip()
    match = regex.match(
        r"(?P<num>[-+–]?(?:\d[\d,\u00a0\u202f\u2009]*+(?:\.\d++)?+|\.\d++))\s*+(?P<scale>[A-Za-z][A-Za-z ]*+)?$", folded
    )
    if match:
        number = parse_digits(match["num"])
        if number is None:
            return None
        if match["scale"]:
            factor = scale_value(match["scale"])
            if factor is None:
                return None
            number *= factor
        return clean_decimal(number)
    return parse_number_words(folded)
