"""No import loops inside the package: every ``import`` of a module of python/factdiff (at the top,
inside functions or under TYPE_CHECKING) goes one way. The modules' import graph must be acyclic."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, List, Set

from .conftest import ROOT

PACKAGE = ROOT / "python" / "factdiff"


def imports(path: Path) -> Set[str]:
    """The package modules a file imports, by module name."""
    out: Set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                out.add(node.module)
            else:
                out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factdiff."):
            out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".")[1] for a in node.names if a.name.startswith("factdiff."))
    return out


def graph() -> Dict[str, Set[str]]:
    modules = {p.stem for p in PACKAGE.glob("*.py")} | {p.stem for p in PACKAGE.glob("*.pyi")}
    return {p.stem: imports(p) & modules for p in PACKAGE.glob("*.py")}


def cycle(g: Dict[str, Set[str]]) -> List[str]:
    """One import cycle, or [] when there is none."""
    state: Dict[str, int] = {}
    stack: List[str] = []

    def visit(m: str) -> List[str]:
        state[m] = 1
        stack.append(m)
        for n in sorted(g.get(m, ())):
            if state.get(n) == 1:
                return stack[stack.index(n) :] + [n]
            if n not in state:
                found = visit(n)
                if found:
                    return found
        stack.pop()
        state[m] = 2
        return []

    for m in sorted(g):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return []


def test_the_package_has_no_import_cycle() -> None:
    g = graph()
    assert {"_model", "_report", "_api", "__init__"} <= set(g)
    assert cycle(g) == [], " → ".join(cycle(g))


def test_the_check_finds_a_cycle() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) == []
