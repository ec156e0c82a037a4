"""Find and read the rule files in ``patterns/``, extended by a pipeline's own additions.

The shipped files are arranged by stage (``patterns/quantities/``, ``patterns/periods/``, ``patterns/linker/``);
a stage asks for a file by its bare name (``load_json("currencies.json")``) and gets the one file of that name.
In a wheel the top-level ``patterns/`` folder is installed as ``newsfigures/patterns``; in an editable install
or a source checkout it is found beside ``src/``.

A pipeline may extend the shipped files (a currency form, a unit word, a direction cue) without editing them:
its additions are a :class:`PatternOverlay`, and inside :func:`using_patterns` ``load_json`` and ``load_jsonl``
return the shipped data extended by that overlay. Shipped files are read once per process; each file is
extended once per overlay. A stage compiles its rules in a loader decorated with :func:`per_patterns`, which
keeps one compiled result per overlay: pipelines with different additions run side by side (in threads too),
and a stage function called outside a pipeline reads the shipped files, or those of its ``using_patterns`` block.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache, wraps
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from .errors import RuleError

RULE_SUFFIXES = (".json", ".jsonl")
MAX_COMPILED = 16  # results a loader keeps (one per overlay and arguments); the oldest goes first


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


def _parse_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except (OSError, json.JSONDecodeError) as err:
        raise RuleError(f"{path}: cannot read rule file: {err}") from err


def _parse_jsonl(path: Path) -> tuple[dict, ...]:
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


_read_json = lru_cache(maxsize=None)(_parse_json)  # a shipped file is read once per process
_read_jsonl = lru_cache(maxsize=None)(_parse_jsonl)


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
    """The JSON rule file (a lexicon) called ``name``, extended by the active overlay's additions to it."""
    return _extended(pattern_path(name), _ACTIVE.get())


def load_jsonl(name: str) -> tuple[dict, ...]:
    """The JSONL rule file (one rule per line, each with an ``id``) called ``name``, with the active overlay's
    rules after the shipped ones."""
    return _extended(pattern_path(name), _ACTIVE.get())


@lru_cache(maxsize=64)
def _extended(path: Path, overlay: PatternOverlay) -> Any:
    addition = overlay.files.get(path.name)
    if path.suffix == ".jsonl":
        shipped = _read_jsonl(path)
        if addition is None:
            return shipped
        where = f"{path.name} (added rule)"
        return checked_rules([(str(path), r) for r in shipped] + [(where, r) for r in addition])
    shipped = _read_json(path)
    return shipped if addition is None else extend(shipped, addition, path.name)


def extend(base: Any, addition: Any, where: str) -> Any:
    """``base`` extended by ``addition``, as a new value (neither is changed): objects are merged key by key,
    a list gets the items it lacks appended, a plain value is replaced. Adding a list or an object where
    ``base`` holds something else is a RuleError naming ``where`` (the file and the key path)."""
    if isinstance(base, dict) and isinstance(addition, dict):
        merged = dict(base)
        for key, value in addition.items():
            merged[key] = extend(base[key], value, f"{where}/{key}") if key in base else value
        return merged
    if isinstance(base, list) and isinstance(addition, list):
        return base + [item for item in addition if item not in base]
    if isinstance(base, (dict, list)) or isinstance(addition, (dict, list)):
        raise RuleError(f"{where}: cannot extend a {type(base).__name__} with a {type(addition).__name__}")
    return addition


# --- a pipeline's additions ----------------------------------------------------------------------------


class PatternOverlay:
    """Additions to the shipped rule files, by bare file name: for a ``.json`` file an object of the file's
    shape (its new list items, keys and values), for a ``.jsonl`` file a list of new rules.

    Immutable; two overlays with the same additions are equal (they share the rules compiled from them).
    """

    __slots__ = ("files", "key")

    def __init__(self, files: Mapping[str, Any] | None = None):
        self.files = {name: files[name] for name in sorted(files or {})}
        try:
            canonical = json.dumps(self.files, sort_keys=True, ensure_ascii=False)
        except (TypeError, ValueError) as err:
            raise RuleError(f"pattern additions must be plain JSON data: {err}") from err
        self.key = hashlib.sha256(canonical.encode("utf-8")).hexdigest() if self.files else ""

    @classmethod
    def combine(cls, additions: list[Mapping[str, Any]]) -> PatternOverlay:
        """One overlay of several sets of additions (a pipeline's components), later ones extending earlier ones."""
        files: dict[str, Any] = {}
        for adds in additions:
            for name, addition in adds.items():
                if name not in files:
                    files[name] = addition
                elif isinstance(files[name], list) and name.endswith(".jsonl"):
                    files[name] = files[name] + list(addition)
                else:
                    files[name] = extend(files[name], addition, name)
        return cls(files)

    def __bool__(self) -> bool:
        return bool(self.files)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PatternOverlay) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"PatternOverlay({sorted(self.files)})"


NO_PATTERNS = PatternOverlay()
_ACTIVE: ContextVar[PatternOverlay] = ContextVar("newsfigures_patterns", default=NO_PATTERNS)


@contextmanager
def using_patterns(overlay: PatternOverlay) -> Iterator[None]:
    """Within the block (in this thread or task), ``load_json``/``load_jsonl`` read the files extended by ``overlay``."""
    token = _ACTIVE.set(overlay)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def check_additions(additions: Mapping[str, Any]) -> dict[str, Any]:
    """``additions`` as a plain dict once each names a shipped file and extends it cleanly (a JSON object for a
    ``.json`` file, a list of rules with new ids for a ``.jsonl`` file); a RuleError saying what is wrong otherwise."""
    if not isinstance(additions, Mapping):
        raise RuleError(f"patterns must map rule file names to additions, not {type(additions).__name__}")
    checked = dict(additions)
    for name, addition in checked.items():
        wanted = list if str(name).endswith(".jsonl") else dict
        if not isinstance(addition, wanted):
            raise RuleError(f"{name}: additions must be a {'list of rules' if wanted is list else 'JSON object'}")
    overlay = PatternOverlay(checked)
    with using_patterns(overlay):
        for name in checked:
            load_jsonl(name) if name.endswith(".jsonl") else load_json(name)
    return checked


def read_additions(folder: str | Path) -> dict[str, Any]:
    """The additions saved in ``folder`` (one file per extended rule file, named as it): the inverse of
    :func:`write_additions`. A missing folder holds none."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    additions: dict[str, Any] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".jsonl":
            additions[path.name] = list(_parse_jsonl(path))
        elif path.suffix == ".json":
            additions[path.name] = _parse_json(path)
    return additions


def write_additions(folder: str | Path, additions: Mapping[str, Any]) -> None:
    """Write ``additions`` to ``folder``, one file per extended rule file, named as it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, addition in additions.items():
        if name.endswith(".jsonl"):
            text = "".join(json.dumps(rule, ensure_ascii=False) + "\n" for rule in addition)
        else:
            text = json.dumps(addition, ensure_ascii=False, indent=1) + "\n"
        (folder / name).write_text(text, encoding="utf-8")


_Loader = TypeVar("_Loader", bound=Callable[..., Any])


def per_patterns(loader: _Loader) -> _Loader:
    """Decorate a loader that compiles rules from the files ``load_json``/``load_jsonl`` read: its result is
    kept per active overlay (and per argument, which must be hashable), so each set of additions is compiled
    once and pipelines with different additions share nothing. Used where a plain ``lru_cache(maxsize=1)``
    would keep the rules of whichever overlay came first.

    A loader's result depends only on the files it reads, so two threads that miss at once may both compile
    it; the first result stored is the one every caller gets.
    """
    results: dict[Any, Any] = {}
    storing = threading.Lock()
    active = _ACTIVE.get

    @wraps(loader)
    def cached(*args):
        key = (active().key, args) if args else active().key
        try:
            return results[key]
        except KeyError:
            pass
        value = loader(*args)
        with storing:
            if key not in results and len(results) >= MAX_COMPILED:
                del results[next(iter(results))]
            return results.setdefault(key, value)

    return cached  # type: ignore[return-value]
