"""Scoring: the annotated corpus (with stand-off splits of others' text), the scorer behind ``newsfigures
evaluate``, the peer systems, and the benchmark behind ``newsfigures bench``."""

from .corpus import GoldArticle, load_corpus
from .evaluate import evaluate

__all__ = ["GoldArticle", "evaluate", "load_corpus"]
