"""The annotated corpus: loading gold articles and validating every annotation.

Two layouts are read:

- the project corpus: ``corpus/articles/<split>/<slug>.txt`` with ``corpus/gold/<split>/<slug>.json``
  (an :class:`~newsfigures.records.Article` record without its text; see ``corpus/GUIDELINES.md``);
- a JSONL file of annotated records (``text``, ``reference_date`` or ``published``, ``kinds``, ``expected``),
  the shape of external evaluation data such as ``timebank-dates.jsonl``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from ..errors import CorpusError
from ..records import KINDS, PERCENT_UNITS, Article, Mention
from ..resources import load_json

SPLITS = ("dev", "test", "holdout")  # holdout: written after the rules, never used to develop them
# Splits of text written by others, kept stand-off: gold only (ids, offsets, values, links), the texts read
# from the collection they belong to (see corpus/GUIDELINES.md, "Newswire")
# newswire-blind: annotated blind and kept out of rule development, to tell how the rules do on wire copy unseen
STANDOFF_SPLITS = ("newswire", "newswire-blind")
# where a checkout of this project finds the shared Reuters file, relative to the corpus folder
DEFAULT_TEXTS = ("../../shared/external-dev/reuters-21578.jsonl.gz", "../shared/external-dev/reuters-21578.jsonl.gz")
TEXTS_ENV = "NEWSFIGURES_NEWSWIRE_TEXTS"


@dataclass
class GoldArticle:
    """One annotated article: its text, publication date and gold mentions."""

    id: str
    text: str
    published: date | None
    mentions: list[Mention]
    split: str = "dev"
    source: str = ""
    kinds: tuple[str, ...] = KINDS  # the kinds annotated in it (others are not scored)
    problems: list[str] = field(default_factory=list)


def iso_currency_codes() -> frozenset[str]:
    """The ISO 4217 codes the library knows, current and historic (CLDR's, ``patterns/quantities/currencies_cldr.json``)."""
    return frozenset(load_json("currencies_cldr.json")["currencies"]) | frozenset(
        c["code"] for c in load_json("currencies.json")["currencies"]
    )


def corpus_root(path: str | Path | None = None) -> Path:
    """The corpus folder: ``path``, else ``./corpus``, else ``corpus/`` of the source checkout."""
    if path is not None:
        return Path(path)
    here = Path("corpus")
    return here if here.is_dir() else Path(__file__).resolve().parents[3] / "corpus"


def load_corpus(root: str | Path | None = None, split: str = "dev", texts: str | Path | None = None) -> list[GoldArticle]:
    """Gold articles of one split (``dev``, ``test``, ``holdout``, ``all`` or a stand-off split such as
    ``newswire``, whose texts come from ``texts``) of a project corpus, or of a JSONL file."""
    root = corpus_root(root)
    if root.is_file():
        return load_records(root)
    if split in STANDOFF_SPLITS:
        return load_standoff(root, split, texts)
    splits = SPLITS if split == "all" else (split,)
    if any(s not in SPLITS for s in splits):
        raise CorpusError(f"unknown split {split!r}: use dev, test, holdout or all")
    articles = []
    for name in splits:
        if split == "all" and not (root / "gold" / name).is_dir():
            continue  # a corpus need not have every split
        for gold_path in sorted((root / "gold" / name).glob("*.json")):
            articles.append(_load_gold_file(root, name, gold_path))
    if not articles:
        raise CorpusError(f"{root}: no gold files under gold/{'|'.join(splits)}/")
    return articles


def _load_gold_file(root: Path, split: str, gold_path: Path) -> GoldArticle:
    try:
        raw = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise CorpusError(f"{gold_path}: cannot read gold: {err}") from err
    text_path = root / "articles" / split / f"{gold_path.stem}.txt"
    try:
        text = text_path.read_text(encoding="utf-8")
    except OSError as err:
        raise CorpusError(f"{gold_path}: its article {text_path} cannot be read: {err}") from err
    return _gold_article(raw, text, split, gold_path, source=str(text_path))


def _gold_article(raw: dict, text: str, split: str, gold_path: Path, source: str) -> GoldArticle:
    problems = []
    if raw.get("split", split) != split:
        problems.append(f"split is {raw.get('split')!r} but the file is under {split}/")
    mentions = []
    for index, item in enumerate(raw.get("mentions", [])):
        try:
            mentions.append(Mention(**item))
        except ValidationError as err:
            problems.append(f"mention {index} ({item.get('text')!r}): {_short(err)}")
    published = raw.get("published")
    return GoldArticle(
        id=raw.get("id") or gold_path.stem,
        text=text,
        published=date.fromisoformat(published) if published else None,
        mentions=mentions,
        split=split,
        source=source,
        problems=problems,
    )


def find_texts(root: Path, texts: str | Path | None = None) -> Path | None:
    """The collection file a stand-off split reads its texts from: ``texts``, else ``$NEWSFIGURES_NEWSWIRE_TEXTS``,
    else the shared Reuters file beside this checkout; None when there is none."""
    import os

    if texts is not None:
        return Path(texts)
    if os.environ.get(TEXTS_ENV):
        return Path(os.environ[TEXTS_ENV])
    for relative in DEFAULT_TEXTS:
        candidate = (root / relative).resolve()
        if candidate.is_file():
            return candidate
    return None


def read_collection(path: Path, wanted: set[int]) -> dict[int, dict]:
    """The records of a JSONL collection (``.jsonl`` or ``.jsonl.gz``; ``newid``, ``published``, ``body``)
    whose ``newid`` is wanted."""
    import gzip

    opener = gzip.open if path.suffix == ".gz" else open
    found: dict[int, dict] = {}
    try:
        with opener(path, "rt", encoding="utf-8") as f:
            for lineno, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    raw = json.loads(line)
                except json.JSONDecodeError as err:
                    raise CorpusError(f"{path}:{lineno}: bad JSON line: {err}") from err
                if raw.get("newid") in wanted:
                    found[raw["newid"]] = raw
    except (OSError, EOFError) as err:
        raise CorpusError(f"{path}: cannot read the collection: {err}") from err
    return found


def load_standoff(root: Path, split: str, texts: str | Path | None = None) -> list[GoldArticle]:
    """Gold articles of a stand-off split: ``gold/<split>/*.json`` with their texts read from the collection.
    Each text must hash to the gold's ``text_sha256``, so offsets are never read against another text."""
    import hashlib

    gold_files = sorted((root / "gold" / split).glob("*.json"))
    if not gold_files:
        raise CorpusError(f"{root}: no gold files under gold/{split}/")
    path = find_texts(root, texts)
    if path is None or not path.is_file():
        raise CorpusError(
            f"the {split} split needs the texts of its collection: give --texts PATH (e.g. reuters-21578.jsonl.gz) "
            f"or set {TEXTS_ENV}" + (f"; {path} is not a file" if path is not None else "")
        )
    raws = {}
    for gold_path in gold_files:
        try:
            raws[gold_path] = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise CorpusError(f"{gold_path}: cannot read gold: {err}") from err
    records = read_collection(path, {raw.get("newid") for raw in raws.values()})
    articles = []
    for gold_path, raw in raws.items():
        record = records.get(raw.get("newid"))
        if record is None:
            raise CorpusError(f"{gold_path}: article {raw.get('newid')} is not in {path}")
        text = record["body"]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != raw.get("text_sha256"):
            raise CorpusError(f"{gold_path}: the text of article {raw.get('newid')} in {path} is not the one annotated")
        article = _gold_article(raw, text, split, gold_path, source=f"{path.name}#{raw.get('newid')}")
        articles.append(article)
    return articles


def load_records(path: str | Path) -> list[GoldArticle]:
    """Annotated records from a JSONL file (one sentence or article per line)."""
    path = Path(path)
    articles = []
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                mentions = [Mention(**m) for m in raw.get("expected", raw.get("mentions", []))]
            except (json.JSONDecodeError, ValidationError, TypeError) as err:
                raise CorpusError(f"{path}:{lineno}: bad record: {_short(err)}") from err
            published = raw.get("published") or raw.get("reference_date")
            articles.append(
                GoldArticle(
                    id=raw.get("id") or raw.get("source") or f"{path.name}#{lineno}",
                    text=raw["text"],
                    published=date.fromisoformat(published) if published else None,
                    mentions=mentions,
                    split="external",
                    source=raw.get("source", f"{path}#{lineno}"),
                    kinds=tuple(raw.get("kinds", KINDS)),
                )
            )
    return articles


def validate_article(article: GoldArticle) -> list[str]:
    """Every problem with one gold article's annotations (empty when it is valid)."""
    problems = list(article.problems)
    codes = iso_currency_codes()
    last_start = -1
    by_kind: dict[str, list[Mention]] = {}
    for index, m in enumerate(article.mentions):
        where = f"mention {index} ({m.text!r} at {m.start})"
        if article.text[m.start : m.end] != m.text:
            problems.append(f"{where}: text at {m.start}:{m.end} is {article.text[m.start:m.end]!r}")
        if m.start < last_start:
            problems.append(f"{where}: mentions are not sorted by start")
        last_start = m.start
        if m.kind == "period":
            if m.value is not None:
                problems.append(f"{where}: a period has no value")
            if (m.period_start is None) != (m.period_end is None):
                problems.append(f"{where}: period_start and period_end go together")
            if m.period_start and m.period_end and m.period_end < m.period_start:
                problems.append(f"{where}: period ends before it starts")
            if m.period_start is None and m.duration is None and article.published is not None:
                problems.append(f"{where}: a period needs dates or a duration")
        else:
            if m.value is None:
                problems.append(f"{where}: a {m.kind} needs a value")
            if m.value_high is not None and m.value is not None and m.value_high < m.value:
                problems.append(f"{where}: value_high is below value")
        if m.kind == "percentage" and m.unit not in PERCENT_UNITS:
            problems.append(f"{where}: percentage unit {m.unit!r} is not one of {PERCENT_UNITS}")
        if m.kind == "money" and m.unit not in codes:
            problems.append(f"{where}: currency {m.unit!r} is not a known ISO 4217 code")
        if m.kind == "count" and m.unit is not None:
            problems.append(f"{where}: a count has no unit")
        for name, kind in (("period_index", "period"), ("equivalent_of", "money")):
            target = getattr(m, name)
            if target is None:
                continue
            if not 0 <= target < len(article.mentions) or target == index:
                problems.append(f"{where}: {name} {target} points nowhere")
            elif article.mentions[target].kind != kind:
                problems.append(f"{where}: {name} {target} is a {article.mentions[target].kind}, not a {kind}")
        if m.subject is not None and m.subject_start is not None and m.subject_end is not None:
            if article.text[m.subject_start : m.subject_end] != m.subject:
                problems.append(f"{where}: subject offsets do not slice {m.subject!r}")
        by_kind.setdefault(m.kind, []).append(m)
    for kind, items in by_kind.items():
        items = sorted(items, key=lambda m: m.start)
        for a, b in zip(items, items[1:]):
            if b.start < a.end:
                problems.append(f"{kind} mentions overlap: {a.text!r} at {a.start} and {b.text!r} at {b.start}")
    return problems


def validate_corpus(root: str | Path | None = None) -> dict[str, list[str]]:
    """Problems per gold file of the whole corpus; also flags articles without gold and gold without articles."""
    root = corpus_root(root)
    report: dict[str, list[str]] = {}
    for split in SPLITS:
        texts = {p.stem for p in (root / "articles" / split).glob("*.txt")}
        golds = {p.stem for p in (root / "gold" / split).glob("*.json")}
        for stem in sorted(texts - golds):
            report[f"articles/{split}/{stem}.txt"] = ["article has no gold file"]
        for stem in sorted(golds):
            key = f"gold/{split}/{stem}.json"
            try:
                article = _load_gold_file(root, split, root / "gold" / split / f"{stem}.json")
            except CorpusError as err:
                report[key] = [str(err)]
                continue
            problems = validate_article(article)
            if problems:
                report[key] = problems
    return report


def as_article(gold: GoldArticle) -> Article:
    """The gold as an :class:`Article` record (same schema as the library's output)."""
    return Article(id=gold.id, source=gold.source, published=gold.published, text=gold.text, mentions=gold.mentions)


def _short(err: Exception) -> str:
    if isinstance(err, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())
    return str(err)
