"""Folding characters that carry no meaning of their own, one character to one, so offsets never move."""

from __future__ import annotations

import re

# Full-width forms and look-alike punctuation mapped one character to one character,
# so offsets in the folded text are offsets in the original.
_FOLD = {ord("０") + i: ord("0") + i for i in range(10)}
_FOLD.update({ord("％"): ord("%"), ord("．"): ord("."), ord("，"): ord(","), ord("−"): ord("-"), ord("＄"): ord("$")})


_TO_FOLD = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]")


def fold_width(text: str) -> str:
    """Map full-width digits and signs to ASCII without changing the length."""
    # most texts have none of them: finding that out is faster than translating character by character
    return text.translate(_FOLD) if _TO_FOLD.search(text) else text
