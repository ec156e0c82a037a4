"""The house: one package per stage, imports that flow one way (no cycle), names that stay private."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsfigures"
STAGES = ("text", "quantities", "periods", "linker", "components", "io", "evaluation", "dask")


def _module(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every newsfigures module ``path`` imports, at the top or inside a function."""
    here = _module(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("newsfigures"):
                modules = {f"{target}.{a.name}" for a in node.names}
                found |= {m for m in modules if _exists(m)} or {target}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("newsfigures")}
    return {m for m in found if m != here}


def _exists(module: str) -> bool:
    rel = Path(*module.split(".")[1:])
    return (SRC / rel).with_suffix(".py").is_file() or (SRC / rel / "__init__.py").is_file()


def _graph() -> dict[str, set[str]]:
    return {_module(p): _imports(p) for p in SRC.rglob("*.py")}


def test_every_stage_is_a_package():
    for stage in STAGES:
        assert (SRC / stage / "__init__.py").is_file(), stage
    flat = sorted(p.name for p in SRC.glob("*.py"))
    assert flat == ["__init__.py", "api.py", "cli.py", "errors.py", "records.py", "resources.py"]


def test_no_import_cycle():
    graph = _graph()
    # a package's __init__ re-exports its modules; an edge into a package stands for its modules
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, path: list[str]) -> bool:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt.startswith(node + "."):
                continue  # a package importing its own modules
            if state.get(nxt) == 1:
                cycle.extend(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
                return True
            if state.get(nxt) is None and nxt in graph and visit(nxt, path + [nxt]):
                return True
        state[node] = 2
        return False

    for node in sorted(graph):
        if state.get(node) is None and visit(node, [node]):
            break
    assert not cycle, " -> ".join(cycle)


@pytest.mark.parametrize("stage", ["text", "quantities", "periods", "linker", "indicators"])
def test_the_grammar_stages_do_not_import_spacy(stage):
    """Normalisation is pure: the stages take strings and return plain values (STYLE.md)."""
    for path in (SRC / stage).glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not any(n == "spacy" or n.startswith("spacy.") for n in names if n), path.name
