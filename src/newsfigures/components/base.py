"""What every newsfigures component shares: error handling, span storage, pattern additions, (de)serialisation."""

from collections.abc import Callable, Iterable, Mapping
from operator import attrgetter
from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, minibatch

from ..errors import ComponentError
from ..resources import NO_PATTERNS, PatternOverlay, check_additions, read_additions, using_patterns, write_additions
from .extensions import doc_text, register_extensions, set_figure_data


_BY_OFFSETS = attrgetter("start_char", "end_char")


class FigureComponent(Pipe):
    """Base class: ``__call__`` is match -> set_annotations, inside spaCy's error handler.

    Subclasses implement ``match(doc)`` returning a list of ``(start_char, end_char, label, rule, data)``
    and may override ``set_annotations``. The stages run on the shipped rule files extended by the pipeline's
    pattern additions (``initialize(patterns=...)``, ``add_patterns``), which each component keeps and saves:
    ``__call__`` runs its stage inside ``resources.using_patterns(self.overlay())``, and the stages keep their
    compiled rules per overlay (``resources.per_patterns``), so pipelines with different additions run side by
    side, in any number of threads.
    """

    cfg_keys: tuple[str, ...] = ("spans_key",)

    def __init__(self, nlp: Language, name: str, *, spans_key: str):
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.pattern_additions: dict[str, Any] = {}
        self._overlay_memo: tuple[tuple, PatternOverlay] | None = None

    def __call__(self, doc: Doc) -> Doc:
        return self._annotate(doc, self.overlay())

    def _annotate(self, doc: Doc, overlay: PatternOverlay) -> Doc:
        """``match`` then ``set_annotations`` on the rule files of ``overlay``, inside spaCy's error handler."""
        error_handler = self.get_error_handler()
        try:
            with using_patterns(overlay):
                matches = self.match(doc)
                self.set_annotations(doc, matches)
            return doc
        except Exception as err:  # noqa: BLE001 - spaCy's handler decides (raise by default)
            error_handler(self.name, self, [doc], ComponentError(self.name, err).with_traceback(err.__traceback__))
            return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        # a batch at a time, as spaCy's own components do: each stage then runs over several Docs in a
        # row, which keeps its code and data warm in the CPU caches (measurably faster than one Doc at a time);
        # the rule files the pipeline's components extend are looked up once per batch
        for docs in minibatch(stream, size=batch_size):
            overlay = self.overlay()
            for doc in docs:
                self._annotate(doc, overlay)
            yield from docs

    def match(self, doc: Doc) -> list[tuple[int, int, str, str, dict]]:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, str, str, dict]]) -> None:
        """Add one span per match to ``doc.spans[self.spans_key]`` with its data on ``span._.figure``: the
        match's own dict (made for it by ``match``), with its offsets, kind, rule and text added."""
        group = doc.spans.get(self.spans_key)
        spans = list(group) if group is not None else []
        text = doc_text(doc)  # the stages read a view of it; a mention keeps the article's own characters
        for start, end, label, rule, data in matches:
            span = doc.char_span(start, end, label=label, alignment_mode="expand", span_id=rule)
            if span is None:  # only whitespace: nothing to attach to
                continue
            data.update(start=start, end=end, kind=label, rule=rule, text=text[start:end])
            set_figure_data(span, data)
            spans.append(span)
        doc.spans[self.spans_key] = sorted(spans, key=_BY_OFFSETS)

    # Pattern additions: component state, as a SpanRuler's patterns are. (This module has no
    # `from __future__ import annotations`: spaCy validates the [initialize] settings against these annotations.)
    def initialize(
        self,
        get_examples: Callable[[], Iterable] | None = None,
        *,
        nlp: Language | None = None,
        patterns: Mapping[str, Any] | str | Path | None = None,
    ) -> None:
        """Set this component's additions to the shipped rule files (replacing any it had; None keeps them).

        ``patterns`` maps a rule file's bare name to what to add to it, in the file's own shape (for
        ``currencies.json``: ``{"currencies": [{"code": "USD", "words": ["greenbacks"]}]}``; for a ``.jsonl``
        file a list of new rules), or names a folder holding such files (what ``to_disk`` writes).
        """
        if patterns is not None:
            self.pattern_additions = {}
            self.add_patterns(patterns)

    def add_patterns(self, patterns: Mapping[str, Any] | str | Path) -> None:
        """Extend this component's additions (see ``initialize``); a RuleError if they do not fit the shipped files."""
        if isinstance(patterns, (str, Path)):
            patterns = read_additions(patterns)
        combined = PatternOverlay.combine([self.pattern_additions, check_additions(patterns)])
        self.pattern_additions = check_additions(combined.files)

    @property
    def patterns(self) -> dict[str, Any]:
        """This component's additions to the shipped rule files, by file name."""
        return dict(self.pattern_additions)

    def overlay(self) -> PatternOverlay:
        """The additions of every newsfigures component of this pipeline, in pipeline order: the rule files all
        its stages read, so that every stage of one pipeline reads the same files."""
        components = [proc for _, proc in self.nlp.pipeline if isinstance(proc, FigureComponent)]
        if self not in components:
            components.append(self)
        identity = tuple(id(c.pattern_additions) for c in components)
        if self._overlay_memo is None or self._overlay_memo[0] != identity:
            additions = [c.pattern_additions for c in components if c.pattern_additions]
            self._overlay_memo = (identity, PatternOverlay.combine(additions) if additions else NO_PATTERNS)
        return self._overlay_memo[1]

    # Serialisation: the rule files ship with the package; a saved pipeline keeps its settings and additions.
    def _cfg(self) -> dict:
        return {key: getattr(self, key) for key in self.cfg_keys}

    def _set_cfg(self, cfg: dict) -> None:
        for key in self.cfg_keys:
            if key in cfg:
                setattr(self, key, cfg[key])

    def _set_additions(self, additions: dict) -> None:
        self.pattern_additions = check_additions(additions)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write ``cfg.json`` and, if there are any, the pattern additions (``patterns/<file name>``)."""
        serializers = {
            "cfg.json": lambda p: srsly.write_json(p, self._cfg()),
            "patterns": lambda p: write_additions(p, self.pattern_additions) if self.pattern_additions else None,
        }
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        util.to_disk(path, serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "FigureComponent":
        """Read what ``to_disk`` wrote (a folder without ``patterns/`` holds no additions)."""
        deserializers = {
            "cfg.json": lambda p: self._set_cfg(srsly.read_json(p)),
            "patterns": lambda p: self._set_additions(read_additions(p)),
        }
        util.from_disk(ensure_path(path), deserializers, exclude)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        serializers = {"cfg": lambda: srsly.json_dumps(self._cfg()), "patterns": lambda: self.pattern_additions}
        return util.to_bytes(serializers, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "FigureComponent":
        deserializers = {
            "cfg": lambda b: self._set_cfg(srsly.json_loads(b)),
            "patterns": lambda b: self._set_additions(b),
        }
        util.from_bytes(data, deserializers, exclude)
        return self


def existing_spans(doc: Doc, key: str) -> list[Span]:
    """The spans already stored under ``key`` (empty if none)."""
    group = doc.spans.get(key)
    return list(group) if group is not None else []
