"""The public API: what it is, and a guard against changing it by accident."""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import importlib.util
import inspect
import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

import secretspeech as ss
from secretspeech import exceptions, formats, strategies


ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "api_manifest.json"
SCRIPT = ROOT / "scripts" / "update_api_manifest.py"
MODULES = (ss, exceptions, strategies, formats)


def load_script() -> types.ModuleType:
    """Import scripts/update_api_manifest.py, which makes the manifest."""
    spec = importlib.util.spec_from_file_location(
        "update_api_manifest", SCRIPT
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """List the names added, removed or changed between two manifests."""
    found = []
    for module in sorted(old.keys() | new.keys()):
        before, after = old.get(module, {}), new.get(module, {})
        for name in sorted(before.keys() | after.keys()):
            where = f"{module}.{name}"
            if name not in after:
                found.append(f"removed: {where}")
            elif name not in before:
                found.append(f"added: {where}")
            elif before[name] != after[name]:
                keys = sorted(
                    k
                    for k in before[name].keys() | after[name].keys()
                    if before[name].get(k) != after[name].get(k)
                )
                found.append(f"changed: {where} ({', '.join(keys)})")
    return found


class TestAll:
    """Each public module's ``__all__`` is its public API."""

    @pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
    def test_sorted(self, module: types.ModuleType) -> None:
        """__all__ is in the order of sorted(), which is case-sensitive."""
        assert sorted(module.__all__) == module.__all__

    @pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
    def test_no_duplicates(self, module: types.ModuleType) -> None:
        """No name is listed twice."""
        assert len(set(module.__all__)) == len(module.__all__)

    @pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
    def test_every_name_resolves(self, module: types.ModuleType) -> None:
        """Every name in __all__ can be got, lazily resolved ones included."""
        for name in module.__all__:
            assert getattr(module, name) is not None, name

    def test_package_names(self) -> None:
        """The package's public names are exactly __all__."""
        public = {
            name
            for name in dir(ss)
            if not name.startswith("_")
            # Public submodules are reached by importing them.
            and not isinstance(getattr(ss, name, None), types.ModuleType)
        }

        assert set(ss.__all__) == public | {"__version__"}

    @pytest.mark.parametrize(
        "module", [exceptions, strategies], ids=lambda m: m.__name__
    )
    def test_submodule_names(self, module: types.ModuleType) -> None:
        """Each public class or function a submodule defines is exported."""
        defined = {
            name
            for name, value in vars(module).items()
            if not name.startswith("_")
            and isinstance(value, type | types.FunctionType)
            and value.__module__ == module.__name__
        }

        assert defined <= set(module.__all__)

    def test_version(self) -> None:
        """__version__ is the version of the installed distribution."""
        assert importlib.metadata.version("secretspeech") == ss.__version__

    def test_no_version_without_installed_metadata(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Uninstalled, as from a source tree, there is no __version__."""

        def not_installed(name: str) -> str:
            raise importlib.metadata.PackageNotFoundError(name)

        monkeypatch.setattr(importlib.metadata, "version", not_installed)

        assert getattr(ss, "__version__", None) is None
        with pytest.raises(AttributeError, match="pip install"):
            _ = ss.__version__


class TestManifest:
    """The committed manifest matches the code."""

    def test_manifest_is_current(self) -> None:
        """The API is the one recorded in tests/api_manifest.json."""
        recorded = json.loads(MANIFEST.read_text(encoding="utf-8"))
        current = load_script().snapshot()
        if recorded != current:
            pytest.fail(
                "The public API differs from tests/api_manifest.json:\n  "
                + "\n  ".join(changes(recorded, current))
                + "\n\nIf the change is intended, run\n\n"
                "    python scripts/update_api_manifest.py\n\n"
                "and commit the new manifest together with an entry in "
                "CHANGELOG.md (under '## [Unreleased]'), in the same commit."
                " Removing or changing a public name breaks users: deprecate "
                "it first (see the deprecation policy).",
                pytrace=False,
            )

    def test_changes_are_named(self) -> None:
        """A removed, added or changed name is reported by name."""
        old = {"m": {"a": {"kind": "function", "signature": "()"}, "b": {}}}
        new = {"m": {"a": {"kind": "function", "signature": "(x)"}, "c": {}}}

        assert [
            "changed: m.a (signature)",
            "removed: m.b",
            "added: m.c",
        ] == changes(old, new)


def test_module_functions_mirror_the_corpus_methods() -> None:
    """
    Each module function is its `Corpus` method over the bundled corpus.

    Same signature (less ``self``), same documentation: the module says
    each once, by delegating.
    """
    mirrored = [
        name
        for name in ss.__all__
        if callable(getattr(ss, name))
        and not inspect.isclass(getattr(ss, name))
        and hasattr(ss.Corpus, name)
    ]

    assert len(mirrored) >= 10
    for name in mirrored:
        function, method = getattr(ss, name), getattr(ss.Corpus, name)
        parameters = list(inspect.signature(method).parameters.values())

        assert inspect.signature(function) == inspect.signature(
            method
        ).replace(parameters=parameters[1:]), name
        assert method.__doc__ == function.__doc__, name
        assert function.__module__ == "secretspeech", name
    assert ss.get("hungary") is ss.corpus().get("hungary")
    assert ss.refs("muck") == ss.corpus().refs("muck")


def test_lazy_names_are_where_type_checkers_see_them() -> None:
    """
    Each lazy name comes from the module its import for type checkers names.

    And every public name is either imported at once or resolved lazily.
    """
    source = (ROOT / "src" / "secretspeech" / "__init__.py").read_text(
        encoding="utf-8"
    )
    static = {
        alias.name: node.module.removeprefix("secretspeech.")
        for block in ast.parse(source).body
        if isinstance(block, ast.If)
        and isinstance(block.test, ast.Name)
        and block.test.id == "TYPE_CHECKING"
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        and node.module
        and node.module.startswith("secretspeech.")
        for alias in node.names
    }

    assert static == ss._HOMES
    for name, home in ss._HOMES.items():
        module = importlib.import_module(f"secretspeech.{home}")
        assert getattr(ss, name) is getattr(module, name), name
    eager = {n for n in ss.__all__ if n in vars(exceptions)}
    collections = {c.name for c in ss.SCHEMA}
    lazy = {*ss._HOMES, *ss._MIRRORED, *ss._OF_CORPUS, *collections}
    assert set(ss.__all__) == eager | lazy | {"__version__", "corpus"}


def test_importing_the_package_imports_none_of_its_rooms() -> None:
    """``import secretspeech`` imports the exceptions and nothing else."""
    code = (
        "import sys, secretspeech; "
        "print(sorted(m for m in sys.modules if m.startswith('secretspeech')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.split() == [
        "['secretspeech',",
        "'secretspeech.exceptions']",
    ]
