"""The state of reading one text: built once per text by ``find_quantities`` and passed to every reader.

Nothing here is kept between texts, so texts may be read on several threads at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..text.pattern_index import fold_for_index
from .models import QuantityMatch


@dataclass
class Reading:
    """One text as the quantity readers see it, and the figures found in it so far.

    ``text`` is the width-folded text the patterns read (same offsets as the article); ``index_fold`` the same
    text as ``fold_for_index`` folds it (ASCII lower-cased, every white space a space), for string tests that
    tell a case-insensitive pattern cannot match; ``published`` picks among currencies by date."""

    text: str
    grammar: dict
    published: date | None = None
    found: list[QuantityMatch] = field(default_factory=list)
    index_fold: str = ""
    _said: dict[str, bool] = field(default_factory=dict)
    _yen: str | None = None

    def __post_init__(self) -> None:
        self.index_fold = fold_for_index(self.text)

    def says(self, word: str) -> bool:
        """Whether the text's index fold holds ``word`` (lower-case ASCII) anywhere."""
        said = self._said.get(word)
        if said is None:
            said = self._said[word] = word in self.index_fold
        return said

    def yen_code(self) -> str:
        """'¥' is the yen unless the article talks of yuan/renminbi and never of the yen."""
        if self._yen is None:
            cues = self.grammar["yen"]
            chinese = any(c in self.text for c in cues["chinese_cues"])
            japanese = any(c in self.text for c in cues["japanese_cues"])
            self._yen = cues["chinese"] if chinese and not japanese else cues["default"]
        return self._yen
