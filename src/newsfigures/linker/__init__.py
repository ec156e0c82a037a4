"""The linker: each figure's subject, role, direction, comparison basis, period and the amount it converts,
read from the text (``link`` runs the steps; ``subject``, ``period`` and ``text`` hold their rules)."""

from .link import BasisRef, FigureRef, Link, PeriodRef, link_figures

__all__ = ["BasisRef", "FigureRef", "Link", "PeriodRef", "link_figures"]
