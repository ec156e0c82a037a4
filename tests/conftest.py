"""Shared fixtures: one blank-English newsfigures pipeline per test session (no model downloads)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "shanxi-finance-2024-12-23.txt"


@pytest.fixture(scope="session")
def nlp():
    import newsfigures

    return newsfigures.load()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return ROOT / "corpus"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article, which lives beside the checkout (``../shared/seed``), as in CI."""
    if not SEED.is_file():
        pytest.skip(f"the seed article is not beside this checkout ({SEED})")
    return SEED.read_text(encoding="utf-8")
