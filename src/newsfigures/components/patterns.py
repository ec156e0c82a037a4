"""A pipeline's additions to the shipped rule files, and the rules the stages compile from them.

Each newsfigures component keeps the additions given to it (``initialize(patterns=...)``, ``add_patterns``) as its
state, as spaCy's SpanRuler keeps its patterns, and saves them with ``to_disk``. A pipeline's overlay is the
additions of all its newsfigures components together, so every stage of one pipeline reads the same files.

The stage modules compile their rules once per process (``lru_cache`` on loaders that call
``resources.load_json``), not once per overlay. So the compiled rules are process-wide state, and
:func:`rules_for` keeps it explicit: it records which overlay they were built from, lets pipelines that share
that overlay run at once (in any number of threads), and before a pipeline with other additions runs, waits
until no stage is running, then empties the stage modules' caches so that they are compiled again from its
files. Pipelines with different additions therefore take turns, and each switch recompiles the rules; a
process that uses one set of additions (or none) compiles them once. A stage function called directly,
outside a pipeline, uses the rules compiled for the last pipeline that ran.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..resources import NO_PATTERNS, PatternOverlay, using_patterns

STAGE_PACKAGES = ("newsfigures.text", "newsfigures.quantities", "newsfigures.periods", "newsfigures.linker")


def _is_stage_module(name: str) -> bool:
    return any(name == package or name.startswith(package + ".") for package in STAGE_PACKAGES)


def clear_stage_caches() -> None:
    """Empty every ``functools`` cache defined in a stage module, so that its rules are read and compiled again."""
    for name, module in list(sys.modules.items()):
        if module is None or not _is_stage_module(name):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                value.cache_clear()


class _CompiledRules:
    """Which overlay the stages' compiled rules come from, and how many stage runs use them now."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._overlay = NO_PATTERNS
        self._running = 0

    @contextmanager
    def built_from(self, overlay: PatternOverlay) -> Iterator[None]:
        with self._changed:
            while overlay != self._overlay and self._running:
                self._changed.wait()
            if overlay != self._overlay:
                clear_stage_caches()
                self._overlay = overlay
            self._running += 1
        try:
            with using_patterns(overlay):
                yield
        finally:
            with self._changed:
                self._running -= 1
                if not self._running:
                    self._changed.notify_all()


_COMPILED = _CompiledRules()


def rules_for(overlay: PatternOverlay):
    """A context in which the stages run with rules compiled from the shipped files extended by ``overlay``
    (see the module docstring: pipelines with different overlays take turns)."""
    return _COMPILED.built_from(overlay)


def pipeline_overlay(components: list) -> PatternOverlay:
    """The overlay of a pipeline: the additions of its newsfigures components (``components``), in pipeline order."""
    additions = [c.pattern_additions for c in components if c.pattern_additions]
    return PatternOverlay.combine(additions) if additions else NO_PATTERNS
