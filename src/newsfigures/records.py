"""Pydantic records: the shape of newsfigures' output and of the corpus gold.

This is the edge of the library. Inside the pipeline the figures live on spaCy
spans as plain values (see ``extensions.py``); ``doc_to_article`` in
``convert.py`` turns a processed Doc into these records. The annotated corpus
uses the same :class:`Article` schema, so gold and output compare like with like.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, model_validator

Kind = Literal["percentage", "money", "count", "period"]
KINDS: tuple[str, ...] = ("percentage", "money", "count", "period")
PERCENT_UNITS: tuple[str, ...] = ("percent", "percentage_point", "basis_point")
Role = Literal["level", "change", "share", "target", "forecast"]
Direction = Literal["increase", "decrease"]
Basis = Literal["year_on_year", "quarter_on_quarter", "month_on_month", "week_on_week", "since_start_of_year"]


class Mention(BaseModel):
    """One figure or period found in an article.

    ``start``/``end`` are character offsets into ``Article.text`` (end exclusive),
    so ``article.text[m.start:m.end] == m.text`` always holds.
    """

    model_config = ConfigDict(extra="forbid")

    kind: Kind
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: Decimal | None = Field(
        default=None, description="The stated figure in full (105 million -> 105000000); None for periods."
    )
    value_high: Decimal | None = Field(default=None, description="Upper bound of a range ('12-15%' -> 15).")
    unit: str | None = Field(
        default=None,
        description="percent | percentage_point | basis_point for percentages; ISO 4217 code for money; None otherwise.",
    )
    qualifier: str | None = Field(
        default=None, description="Hedge word as written, lower-cased: 'nearly', 'more than', 'about'."
    )
    counted: str | None = Field(default=None, description="For counts: the counted noun phrase, as written.")
    period_start: date | None = Field(
        default=None, description="Periods: first day (inclusive). Figures: first day of the governing period."
    )
    period_end: date | None = Field(
        default=None, description="Periods: last day (inclusive). Figures: last day of the governing period."
    )
    label: str | None = Field(default=None, description="Periods: compact label such as '2024-Q3' or '2024-01/2024-09'.")
    duration: str | None = Field(
        default=None, description="Periods: ISO 8601 duration for a length of time with no anchor ('six months' -> 'P6M')."
    )
    # Linking (figures only).
    subject: str | None = Field(default=None, description="What the figure measures, as written.")
    subject_start: int | None = None
    subject_end: int | None = None
    role: Role | None = None
    direction: Direction | None = None
    basis: Basis | None = None
    period_index: int | None = Field(
        default=None, description="Index in Article.mentions of the period mention that governs this figure."
    )
    equivalent_of: int | None = Field(
        default=None, description="Index in Article.mentions of the amount this one restates in another currency."
    )
    indicator: str | None = Field(
        default=None,
        description="The economic or business indicator the figure measures (an id of patterns/indicators/indicators.json: "
        "gdp, cpi, loans, net_profit...), read from its subject.",
    )
    rule: str | None = Field(default=None, description="Id of the rule that produced the mention (provenance).")

    @field_serializer("value", "value_high", when_used="json")
    def _number(self, value: Decimal | None) -> int | float | str | None:
        """In JSON a value is a number written with the same digits as the decimal (an integer when whole); a
        decimal no float can write exactly stays a string, so no digit is ever lost."""
        if value is None:
            return None
        if value == value.to_integral_value():
            return int(value)
        number = float(value)
        return number if Decimal(repr(number)) == value else str(value)

    @model_validator(mode="after")
    def _check_offsets(self) -> Mention:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        if self.end - self.start != len(self.text):
            raise ValueError(f"offsets {self.start}:{self.end} do not fit text {self.text!r}")
        return self


class Article(BaseModel):
    """An article and the figures found in it, sorted by ``start``."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None
    text: str
    mentions: list[Mention] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_mentions(self) -> Article:
        for m in self.mentions:
            if self.text[m.start : m.end] != m.text:
                raise ValueError(f"mention {m.text!r} does not match text at {m.start}:{m.end}")
        return self

    def to_table(self) -> list[dict]:
        """One flat row per mention, with the article's id, source and published date beside it."""
        rows = []
        for index, m in enumerate(self.mentions):
            row = {"article_id": self.id, "source": self.source, "published": self.published, "index": index}
            row.update(m.model_dump(exclude={"rule"}))
            row["rule"] = m.rule
            rows.append(row)
        return rows


class ErrorInfo(BaseModel):
    """Why an input could not be read."""

    type: str
    message: str


class ErrorRecord(BaseModel):
    """What the batch CLI writes for an input it could not process."""

    source: str
    error: ErrorInfo
