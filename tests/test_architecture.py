"""
The house as ARCHITECTURE.md draws it.

Every module is a room the document names, and data flows one way: no
module imports, at its top level, one that imports it back.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "secretspeech"
ARCHITECTURE = (ROOT / "ARCHITECTURE.md").read_text("utf-8")


def modules() -> list[str]:
    """Return the package's modules, by file name without ``.py``."""
    return sorted(p.stem for p in PACKAGE.glob("*.py"))


def imports(module: str) -> set[str]:
    """Return the package modules *module* imports at its top level."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text("utf-8"))
    found = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module:
            parts = node.module.split(".")
            if parts[0] == "secretspeech":
                if len(parts) > 1:
                    found.add(parts[1])
                else:
                    found |= {a.name for a in node.names}
    return found & set(modules())


@pytest.mark.parametrize("module", modules())
def test_every_module_is_a_room_of_the_architecture(module: str) -> None:
    """ARCHITECTURE.md names every module of the package."""
    assert f"`{module}.py`" in ARCHITECTURE or (
        f"`src/secretspeech/{module}.py`" in ARCHITECTURE
    ), module


def cycle(graph: dict[str, set[str]]) -> tuple[str, ...] | None:
    """Return a chain of imports that comes back to its start, if any."""
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> tuple[str, ...] | None:
        if module in path:
            return (*path, module)
        if module in done:
            return None
        for upstream in sorted(graph[module]):
            found = visit(upstream, (*path, module))
            if found:
                return found
        done.add(module)
        return None

    for module in sorted(graph):
        found = visit(module, ())
        if found:
            return found
    return None


def test_the_house_flows_one_way() -> None:
    """No module imports, at its top level, one that imports it back."""
    assert cycle({m: imports(m) for m in modules()}) is None


def test_the_cycle_check_sees_a_cycle() -> None:
    """The check above would report modules that import each other."""
    assert ("a", "b", "a") == cycle({"a": {"b"}, "b": {"a"}})
    assert cycle({"a": {"b"}, "b": set()}) is None
