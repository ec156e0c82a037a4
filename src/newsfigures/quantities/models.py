"""What the quantity stage reads and returns: a ``Figure`` (one number with what sits around it, before it is
classified) and a ``QuantityMatch`` (a percentage, money amount or count, with the id of the rule that found it)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(slots=True)
class QuantityMatch:
    """A percentage, money amount or count found in text (character offsets, end exclusive).

    ``rule`` is the id of the rule that found it (catalogued with examples in ``patterns/quantity_rules.jsonl``)."""

    start: int
    end: int
    text: str
    kind: str
    rule: str
    value: Decimal
    value_high: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None
    counted: str | None = None
    counted_start: int | None = None
    counted_end: int | None = None


@dataclass(slots=True)
class Figure:
    """One number with its sign, scale, percent unit or currency, before it is classified."""

    start: int
    end: int
    value: Decimal
    written: bool  # spelled out in words
    scaled: bool
    grouped: bool  # written with thousands separators
    decimal: bool
    percent_unit: str | None = None
    currency: str | None = None
    minor: bool = False
    rule: str = "number"
    offer: Decimal | None = None  # a dealing quote's offer: "1.8155/60" bids 1.8155 and offers 1.8160
