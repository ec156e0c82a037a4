"""Rows of the tables wire copy sets in running text ("Shr 31 cts vs 56 cts", "Net loss 55.5 mln vs loss 21.4
mln"): the line a position is on, the label that opens it and whether it compares by "vs". One reader for the
stages that ask (the quantity stage for a row's currency, the linker for a row's subject and period)."""

from __future__ import annotations

from dataclasses import dataclass

from ..resources import load_json, per_patterns
from .fastre import compile_fast

ROW_WIDTH = 200  # a table row is a short line: looking no further keeps a long unbroken text linear


@per_patterns
def _label():
    """A label of up to four words at the start of a line, perhaps after a footnote letter glued to it ("dOper net
    loss"), then the row's first figure, in digits or a number word ("Shr profit two cts vs loss 1.05 dlrs")."""
    numbers = load_json("numbers.json")
    words = "|".join(sorted([*numbers["units"], *numbers["tens"]], key=len, reverse=True))
    return compile_fast(
        r"[ \t]*+(?:[a-z](?=[A-Z]))?(?P<label>[A-Za-z][A-Za-z.&'-]*+(?: [A-Za-z][A-Za-z.&'-]*+){0,3}) ++"
        rf"(?=[\d$]|(?i:{words})\b)"
    )
_VERSUS = compile_fast(r"\bvs\b")  # tables abbreviate; running prose writes "versus"


@dataclass(frozen=True)
class Row:
    """The line around a position: its bounds, the span of the label that opens it (None if it opens with none)
    and whether it compares figures by "vs"."""

    start: int
    end: int
    label: tuple[int, int] | None
    compares: bool

    def text(self, whole: str) -> str:
        return whole[self.start : self.end].strip()


# only a short label before a position on its line: the position is the row's first figure ("Shr two cts vs ...")
_LABEL_ONLY = compile_fast(r"[ \t]*+[A-Za-z][A-Za-z .&'-]{0,30}")


def opens_row(text: str, pos: int) -> bool:
    """Whether ``pos`` starts the first figure of a table row: nothing but a short label before it on its line."""
    row = row_at(text, pos)
    return row is not None and _LABEL_ONLY.fullmatch(text, row.start, pos) is not None


def row_at(text: str, pos: int) -> Row | None:
    """The line ``pos`` is on, if it starts within ``ROW_WIDTH`` characters before it (else running text: None).
    The label counts only when it ends at or before ``pos``."""
    reach = max(0, pos - ROW_WIDTH)
    start = text.rfind("\n", reach, pos) + 1
    if start == 0 and reach > 0:
        return None
    end = text.find("\n", pos, pos + ROW_WIDTH)
    end = end if end >= 0 else min(len(text), pos + ROW_WIDTH)
    label = _label().match(text, start)
    span = label.span("label") if label is not None and label.end() <= pos else None
    return Row(start, end, span, _VERSUS.search(text, start, end) is not None)
