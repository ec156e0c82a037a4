"""Text machinery every stage shares: the reading view of an article (layout taken out, offsets kept), the folds
that keep offsets, the choice of regular-expression engine, and the multi-pattern index the period rules run on."""

from .fold import fold_width
from .view import reading_text, wraps_lines

__all__ = ["fold_width", "reading_text", "wraps_lines"]
