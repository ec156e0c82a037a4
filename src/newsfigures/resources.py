"""Find and read the rule files in ``patterns/``.

In a wheel the top-level ``patterns/`` folder is installed as ``newsfigures/patterns``;
in an editable install or a source checkout it is found beside ``src/``.
Files are read once per process and cached.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import RuleError


@lru_cache(maxsize=1)
def patterns_dir() -> Path:
    """The folder holding the shipped rule files."""
    packaged = resources.files("newsfigures") / "patterns"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "patterns"
    if checkout.is_dir():
        return checkout
    raise RuleError(f"cannot find the newsfigures patterns folder (looked in {packaged} and {checkout})")


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """Read one JSON rule file (a lexicon) from ``patterns/``."""
    path = patterns_dir() / name
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except (OSError, json.JSONDecodeError) as err:
        raise RuleError(f"{path}: cannot read rule file: {err}") from err


@lru_cache(maxsize=None)
def load_jsonl(name: str) -> tuple[dict, ...]:
    """Read one JSONL rule file (one rule per line, each with an ``id``) from ``patterns/``."""
    path = patterns_dir() / name
    rules = []
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise RuleError(f"{path}: cannot read rule file: {err}") from err
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rule = json.loads(line)
        except json.JSONDecodeError as err:
            raise RuleError(f"{path}:{lineno}: not valid JSON: {err}") from err
        if not isinstance(rule, dict) or "id" not in rule:
            raise RuleError(f"{path}:{lineno}: a rule must be an object with an 'id'")
        if rule["id"] in seen:
            raise RuleError(f"{path}:{lineno}: duplicate rule id {rule['id']!r}")
        seen.add(rule["id"])
        rules.append(rule)
    return tuple(rules)
