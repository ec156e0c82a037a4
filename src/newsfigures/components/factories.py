"""spaCy factories, registered through the ``spacy_factories`` entry point.

spaCy imports this module whenever any pipeline is created, so it imports nothing
heavy at module level and cannot fail: the components are imported when first built.
Names use ``_`` because spaCy refuses ``.`` in factory names.
"""

from __future__ import annotations

from spacy.language import Language

from .extensions import BASES_KEY, SPANS_KEY


@Language.factory(
    "newsfigures_periods",
    default_config={"spans_key": SPANS_KEY, "bases_key": BASES_KEY},
    assigns=["doc.spans", "doc._.published", "doc._.dateline"],
)
def make_periods(nlp: Language, name: str, spans_key: str, bases_key: str):
    """Dates and periods, resolved against the publication date."""
    from .periods import PeriodFinder

    return PeriodFinder(nlp, name, spans_key=spans_key, bases_key=bases_key)


@Language.factory(
    "newsfigures_quantities",
    default_config={"spans_key": SPANS_KEY},
    assigns=["doc.spans"],
)
def make_quantities(nlp: Language, name: str, spans_key: str):
    """Percentages, money amounts and counts."""
    from .quantities import QuantityFinder

    return QuantityFinder(nlp, name, spans_key=spans_key)


@Language.factory(
    "newsfigures_linker",
    default_config={"spans_key": SPANS_KEY, "bases_key": BASES_KEY},
    requires=["doc.spans"],
)
def make_linker(nlp: Language, name: str, spans_key: str, bases_key: str):
    """Subject, role, direction, basis, period and conversion of each figure."""
    from .linker import FigureLinker

    return FigureLinker(nlp, name, spans_key=spans_key, bases_key=bases_key)
