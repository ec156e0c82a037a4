"""What every newsfigures component shares: error handling, span storage, (de)serialisation."""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, minibatch

from ..errors import ComponentError
from .extensions import doc_text, register_extensions, set_figure_data


_BY_OFFSETS = attrgetter("start_char", "end_char")


class FigureComponent(Pipe):
    """Base class: ``__call__`` is match -> set_annotations, inside spaCy's error handler.

    Subclasses implement ``match(doc)`` returning a list of ``(start_char, end_char, label, rule, data)``
    and may override ``set_annotations``.
    """

    cfg_keys: tuple[str, ...] = ("spans_key",)

    def __init__(self, nlp: Language, name: str, *, spans_key: str):
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            matches = self.match(doc)
            self.set_annotations(doc, matches)
            return doc
        except Exception as err:  # noqa: BLE001 - spaCy's handler decides (raise by default)
            error_handler(self.name, self, [doc], ComponentError(self.name, err).with_traceback(err.__traceback__))
            return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        # a batch at a time, as spaCy's own components do: each stage then runs over several Docs in a
        # row, which keeps its code and data warm in the CPU caches (measurably faster than one Doc at a time)
        for docs in minibatch(stream, size=batch_size):
            for doc in docs:
                self(doc)
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

    # Serialisation: the rule files ship with the package; a saved pipeline keeps its settings.
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", {key: getattr(self, key) for key in self.cfg_keys})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> FigureComponent:
        cfg = srsly.read_json(ensure_path(path) / "cfg.json")
        for key in self.cfg_keys:
            if key in cfg:
                setattr(self, key, cfg[key])
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.json_dumps({key: getattr(self, key) for key in self.cfg_keys}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> FigureComponent:
        cfg = srsly.json_loads(data)
        for key in self.cfg_keys:
            if key in cfg:
                setattr(self, key, cfg[key])
        return self


def existing_spans(doc: Doc, key: str) -> list[Span]:
    """The spans already stored under ``key`` (empty if none)."""
    group = doc.spans.get(key)
    return list(group) if group is not None else []
