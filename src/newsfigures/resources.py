"""Find and read the rule files in ``patterns/``.

The shipped files are arranged by stage (``patterns/quantities/``, ``patterns/periods/``, ``patterns/linker/``);
a stage asks for a file by its bare name (``load_json("currencies.json")``) and gets the one file of that name.
In a wheel the top-level ``patterns/`` folder is installed as ``newsfigures/patterns``; in an editable install
or a source checkout it is found beside ``src/``.
Shipped files are read once per process.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import RuleError

RULE_SUFFIXES = (".json", ".jsonl")


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


@lru_cache(maxsize=4)
def _files_by_name(root: Path) -> dict[str, tuple[Path, ...]]:
    """Every rule file under ``root`` (in any stage folder), by its bare name."""
    found: dict[str, list[Path]] = {}
    for path in sorted(root.rglob("*")):
        if path.suffix in RULE_SUFFIXES and path.is_file():
            found.setdefault(path.name, []).append(path)
    return {name: tuple(paths) for name, paths in found.items()}


def pattern_path(name: str) -> Path:
    """The shipped rule file called ``name`` (a bare name such as ``"currencies.json"``), wherever under
    ``patterns/`` it lives; a RuleError if there is none or more than one."""
    root = patterns_dir()
    paths = _files_by_name(root).get(name, ())
    if len(paths) == 1:
        return paths[0]
    if not paths:
        raise RuleError(f"no rule file named {name!r} under {root}")
    where = ", ".join(str(p.relative_to(root)) for p in paths)
    raise RuleError(f"several rule files named {name!r} under {root} ({where}): a name must be unique")


def shipped_names() -> list[str]:
    """The bare names of all shipped rule files, sorted."""
    return sorted(_files_by_name(patterns_dir()))


# --- reading ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except (OSError, json.JSONDecodeError) as err:
        raise RuleError(f"{path}: cannot read rule file: {err}") from err


@lru_cache(maxsize=None)
def _read_jsonl(path: Path) -> tuple[dict, ...]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise RuleError(f"{path}: cannot read rule file: {err}") from err
    rules = []
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rules.append((f"{path}:{lineno}", json.loads(line)))
        except json.JSONDecodeError as err:
            raise RuleError(f"{path}:{lineno}: not valid JSON: {err}") from err
    return checked_rules(rules)


def checked_rules(rules: list[tuple[str, Any]]) -> tuple[dict, ...]:
    """The rules of ``(where, rule)`` pairs, each checked to be an object with an ``id`` not used before;
    a RuleError naming ``where`` otherwise."""
    seen: set[str] = set()
    for where, rule in rules:
        if not isinstance(rule, dict) or "id" not in rule:
            raise RuleError(f"{where}: a rule must be an object with an 'id'")
        if rule["id"] in seen:
            raise RuleError(f"{where}: duplicate rule id {rule['id']!r}")
        seen.add(rule["id"])
    return tuple(rule for _, rule in rules)


def load_json(name: str) -> Any:
    """The JSON rule file (a lexicon) called ``name``."""
    return _read_json(pattern_path(name))


def load_jsonl(name: str) -> tuple[dict, ...]:
    """The JSONL rule file (one rule per line, each with an ``id``) called ``name``."""
    return _read_jsonl(pattern_path(name))
