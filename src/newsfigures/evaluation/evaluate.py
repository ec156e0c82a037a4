"""Score a system against the annotated corpus: precision, recall and F1 per kind, value accuracy,
end-to-end F1 and per-field accuracy of the linking fields.

A *system* is any function from a :class:`~newsfigures.evaluation.corpus.GoldArticle` to a list of
:class:`~newsfigures.records.Mention`; newsfigures itself and the peer adapters (``peers.py``)
are scored by the same code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .corpus import GoldArticle
from ..records import KINDS, Mention

System = Callable[[GoldArticle], list[Mention]]
LINK_FIELDS = ("role", "direction", "basis", "period")


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


@dataclass
class Accuracy:
    """Right out of total."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class KindScore:
    """All the scores of one kind."""

    exact: PRF = field(default_factory=PRF)
    overlap: PRF = field(default_factory=PRF)
    end_to_end: PRF = field(default_factory=PRF)
    value: Accuracy = field(default_factory=Accuracy)
    qualifier: Accuracy = field(default_factory=Accuracy)
    counted: Accuracy = field(default_factory=Accuracy)
    fields: dict[str, Accuracy] = field(default_factory=dict)
    subject_f1: list[float] = field(default_factory=list)


@dataclass
class Problem:
    """One miss, false hit or wrong value, with its context, for ``--errors``."""

    article: str
    type: str  # "miss" | "false" | "value"
    kind: str
    text: str
    start: int
    context: str
    detail: str = ""


def overlap_pairs(gold: list[Mention], pred: list[Mention]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping mentions, largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            size = min(g.end, p.end) - max(g.start, p.start)
            if size > 0:
                candidates.append((-size, abs(g.start - p.start), gi, pi))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def values_match(gold: Mention, pred: Mention) -> bool:
    """The normalised value is right: value, range end and unit for figures; dates for periods."""
    if gold.kind == "period":
        if gold.period_start is None and gold.duration is not None:
            return pred.period_start is None and pred.duration == gold.duration
        return (gold.period_start, gold.period_end) == (pred.period_start, pred.period_end)
    same_value = gold.value is not None and pred.value is not None and gold.value == pred.value
    same_high = gold.value_high == pred.value_high
    return same_value and same_high and (gold.kind == "count" or gold.unit == pred.unit)


def _tokens(text: str | None) -> list[str]:
    return (text or "").lower().replace(",", " ").split()


def token_f1(gold: str | None, pred: str | None) -> float:
    """Token-overlap F1 of two phrases (1.0 when both are empty)."""
    g, p = _tokens(gold), _tokens(pred)
    if not g and not p:
        return 1.0
    common = sum(min(g.count(t), p.count(t)) for t in set(g))
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def score(articles: Iterable[GoldArticle], system: System) -> tuple[dict[str, KindScore], list[Problem], int]:
    """Run ``system`` on every article and compare with the gold. Returns scores per kind, problems, article count."""
    scores = {kind: KindScore() for kind in KINDS}
    problems: list[Problem] = []
    count = 0
    for article in articles:
        count += 1
        predicted = system(article)
        for kind in article.kinds:
            gold = [m for m in article.mentions if m.kind == kind]
            pred = [m for m in predicted if m.kind == kind]
            _score_kind(article, kind, gold, pred, scores[kind], problems, predicted)
    return scores, problems, count


def _score_kind(article, kind, gold, pred, s: KindScore, problems: list[Problem], predicted=()) -> None:
    exact = {(m.start, m.end) for m in gold} & {(m.start, m.end) for m in pred}
    s.exact.tp += len(exact)
    s.exact.fp += len(pred) - len(exact)
    s.exact.fn += len(gold) - len(exact)
    pairs = overlap_pairs(gold, pred)
    s.overlap.tp += len(pairs)
    s.overlap.fp += len(pred) - len(pairs)
    s.overlap.fn += len(gold) - len(pairs)
    right = 0
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        ok = values_match(g, p)
        s.value.add(ok)
        right += ok
        if not ok:
            detail = (
                f"gold {g.period_start}..{g.period_end} {g.duration or ''} got {p.period_start}..{p.period_end} "
                f"{p.duration or ''}"
                if kind == "period"
                else f"gold {g.value} {g.value_high or ''} {g.unit or ''} got {p.value} {p.value_high or ''} {p.unit or ''}"
            )
            problems.append(
                Problem(article.id, "value", kind, p.text, p.start, _context(article.text, p.start, p.end), detail)
            )
        if kind != "period":
            s.qualifier.add(g.qualifier == p.qualifier)
            if kind == "count":
                s.counted.add((g.counted or "").lower() == (p.counted or "").lower())
            _score_links(g, p, s, article.mentions, list(predicted))
    s.end_to_end.tp += right
    s.end_to_end.fp += len(pred) - right
    s.end_to_end.fn += len(gold) - right
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            problems.append(Problem(article.id, "miss", kind, g.text, g.start, _context(article.text, g.start, g.end)))
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            problems.append(Problem(article.id, "false", kind, p.text, p.start, _context(article.text, p.start, p.end)))


def _score_links(g: Mention, p: Mention, s: KindScore, gold_all=(), pred_all=()) -> None:
    for name in ("role", "direction", "basis"):
        if g.role is not None or g.subject is not None:  # gold carries linking fields
            s.fields.setdefault(name, Accuracy()).add(getattr(g, name) == getattr(p, name))
    if g.role is not None or g.subject is not None:
        s.fields.setdefault("period", Accuracy()).add((g.period_start, g.period_end) == (p.period_start, p.period_end))
    if g.subject is not None:
        s.subject_f1.append(token_f1(g.subject, p.subject))
    if g.equivalent_of is not None or p.equivalent_of is not None:
        # right when both point to the same amount (overlapping spans), or neither points anywhere
        gt, pt = _referenced(gold_all, g.equivalent_of), _referenced(pred_all, p.equivalent_of)
        same = gt is None and pt is None or gt is not None and pt is not None and gt.start < pt.end and pt.start < gt.end
        s.fields.setdefault("equivalent_of", Accuracy()).add(same)


def _referenced(mentions, index: int | None):
    return mentions[index] if index is not None and 0 <= index < len(mentions) else None


def report(scores: dict[str, KindScore], articles: int, gold_counts: dict[str, int]) -> dict:
    """A flat JSON-ready report: ``<kind>_<measure>`` keys plus ``articles`` and ``gold_mentions``."""
    out: dict = {"articles": articles, "gold_mentions": gold_counts}
    for kind, s in scores.items():
        if not gold_counts.get(kind) and not (s.overlap.tp + s.overlap.fp):
            continue
        for name, prf in (("exact", s.exact), ("overlap", s.overlap), ("e2e", s.end_to_end)):
            out[f"{kind}_{name}_p"] = round(prf.p, 4)
            out[f"{kind}_{name}_r"] = round(prf.r, 4)
            out[f"{kind}_{name}_f"] = round(prf.f, 4)
        out[f"{kind}_value_acc"] = _round(s.value.value)
        if kind != "period":
            out[f"{kind}_qualifier_acc"] = _round(s.qualifier.value)
        if kind == "count":
            out[f"{kind}_counted_acc"] = _round(s.counted.value)
        for name, acc in sorted(s.fields.items()):
            out[f"{kind}_{name}_acc"] = _round(acc.value)
        if s.subject_f1:
            out[f"{kind}_subject_f1"] = round(sum(s.subject_f1) / len(s.subject_f1), 4)
    fields: dict[str, Accuracy] = {}
    subject: list[float] = []
    for kind, s in scores.items():
        if kind == "period":
            continue
        for name, acc in s.fields.items():
            total = fields.setdefault(name, Accuracy())
            total.right += acc.right
            total.total += acc.total
        subject.extend(s.subject_f1)
    for name, acc in sorted(fields.items()):
        out[f"figures_{name}_acc"] = _round(acc.value)
    if subject:
        out["figures_subject_f1"] = round(sum(subject) / len(subject), 4)
    return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def format_table(rep: dict) -> str:
    """The report as a readable table (one row per kind)."""
    header = f"{'kind':<11}{'gold':>6}{'exact F':>9}{'P':>7}{'R':>7}{'F':>7}{'value':>8}{'e2e F':>8}"
    lines = [f"articles: {rep['articles']}", header, "-" * len(header)]
    for kind in KINDS:
        if f"{kind}_overlap_f" not in rep:
            continue
        value = rep.get(f"{kind}_value_acc")
        lines.append(
            f"{kind:<11}{rep['gold_mentions'].get(kind, 0):>6}{rep[f'{kind}_exact_f']:>9.3f}"
            f"{rep[f'{kind}_overlap_p']:>7.3f}{rep[f'{kind}_overlap_r']:>7.3f}{rep[f'{kind}_overlap_f']:>7.3f}"
            f"{(value if value is not None else 0):>8.3f}{rep[f'{kind}_e2e_f']:>8.3f}"
        )
    lines.append("P/R/F: overlapping spans; exact F: identical spans; value: accuracy on overlapping matches;")
    lines.append("e2e F: found with every normalised field right.")
    links = {k: v for k, v in rep.items() if k.startswith("figures_") and v is not None}
    if links:
        lines.append("linking (figures): " + ", ".join(f"{k[8:]} {v:.3f}" for k, v in links.items()))
    return "\n".join(lines)


def newsfigures_system(nlp=None) -> System:
    """newsfigures as a system: the whole pipeline, dateline detection included for the project's own articles
    (their dateline is in the text); other texts get their publication date from the gold."""
    from ..api import extract
    from .corpus import SPLITS

    def run(article: GoldArticle) -> list[Mention]:
        published = None if article.split in SPLITS else article.published
        return extract(article.text, published=published, nlp=nlp).mentions

    return run


def evaluate(
    corpus: str | None = None, split: str = "test", system: System | None = None, texts: str | None = None
) -> tuple[dict, list[Problem]]:
    """Evaluate ``system`` (newsfigures by default) on a corpus split; returns the report and the problems.
    ``texts``: the collection a stand-off split (``newswire``) reads its texts from."""
    from .corpus import load_corpus

    articles = load_corpus(corpus, split, texts)
    gold_counts = {kind: 0 for kind in KINDS}
    for a in articles:
        for m in a.mentions:
            if m.kind in a.kinds:
                gold_counts[m.kind] += 1
    scores, problems, count = score(articles, system or newsfigures_system())
    return report(scores, count, {k: v for k, v in gold_counts.items() if v}), problems
