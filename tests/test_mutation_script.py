"""
The mutation runner, ``scripts/mutation.py``: its mutants, list and report.

The campaign itself takes an hour and is not run here; these check that
each mutant is valid Python that differs from the code, that every
operator finds something to change, and that the list of equivalent
mutants names mutants that exist.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "mutation.py"


@pytest.fixture(scope="module")
def mutation() -> types.ModuleType:
    """Import scripts/mutation.py."""
    spec = importlib.util.spec_from_file_location("mutation", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Its dataclasses look their module up by name.
    sys.modules["mutation"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["mutation"]
    return module


def source_of(mutation: types.ModuleType, module: str) -> bytes:
    """Return the source of a module the runner mutates."""
    return (ROOT / mutation.PACKAGE / f"{module}.py").read_bytes()


def test_mutants_are_python_that_differs(mutation: types.ModuleType) -> None:
    """Mutants of every module (every 8th: compiling costs) are valid code."""
    for module in mutation.MODULES:
        source = source_of(mutation, module)
        mutants = mutation.mutants_of(module, source)
        assert len(mutants) > 50, module
        keys = [m.key for m in mutants]
        assert len(set(keys)) == len(keys), module
        for mutant in mutants[::8]:
            changed = mutant.apply(source)
            assert changed != source, mutant
            compile(changed, str(mutant), "exec")


def test_every_operator_applies(mutation: types.ModuleType) -> None:
    """Each kind of mistake is made somewhere in the four modules."""
    found = {
        m.mutation
        for module in mutation.MODULES
        for m in mutation.mutants_of(module, source_of(mutation, module))
    }
    for kind in (
        "`<` -> `<=`",
        "`>` -> `>=`",
        "`==` -> `!=`",
        "`is` -> `is not`",
        "`in` -> `not in`",
        "`and` -> `or`",
        "`or` -> `and`",
        "`0` -> `1`",
        "`if` condition negated",
        "conditional expression negated",
        "`return ...` -> `return None`",
        "`raise` deleted",
    ):
        assert kind in found, kind


def test_what_is_left_alone(mutation: types.ModuleType) -> None:
    """Docstrings, f-strings, __all__ and marked lines are not mutated."""
    source = b'''"""A docstring with 1 < 2."""
__all__ = ["x"]
if TYPE_CHECKING:
    import x
message = f"{1 < 2}"
limit = 3  # pragma: no mutate
ok = 4 if a else 5
'''
    mutants = mutation.mutants_of("example", source)

    assert [("ok = 4 if a else 5", 7)] == sorted(
        {(m.code, m.line) for m in mutants}
    )
    assert 5 == len(mutants)


def test_equivalent_list_names_real_mutants(
    mutation: types.ModuleType,
) -> None:
    """Each listed equivalent mutant exists, so the list never goes stale."""
    listed = mutation.read_equivalent(mutation.EQUIVALENT)
    keys = {
        m.key
        for module in mutation.MODULES
        for m in mutation.mutants_of(module, source_of(mutation, module))
    }
    assert [] == sorted(set(listed) - keys)


def test_a_malformed_equivalent_line(
    mutation: types.ModuleType, tmp_path: Path
) -> None:
    """A line without its four parts is refused, naming the line."""
    listed = tmp_path / "equivalent.txt"
    listed.write_text("# a comment\n\n_load.py | x | y\n", encoding="utf-8")

    with pytest.raises(SystemExit, match=r"equivalent.txt:3: expected"):
        mutation.read_equivalent(listed)


def test_report(
    mutation: types.ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report gives each module's score and lists each survivor."""
    mutants = mutation.mutants_of("_dates", source_of(mutation, "_dates"))
    outcomes = [
        mutation.Outcome(mutants[0], "killed", 1.0),
        mutation.Outcome(mutants[1], "timeout", 1.0),
        mutation.Outcome(mutants[2], "survived", 1.0),
        mutation.Outcome(mutants[3], "equivalent", 1.0),
    ]

    mutation.report({"_dates": outcomes}, {mutants[3].key: "no matter"})
    out = capsys.readouterr().out

    assert "2/3 = 66.7%" in out
    assert "overall: 2 killed of 3 = 66.7%" in out
    assert f"  {mutants[2]}\n" in out
    assert f"  {mutants[3]}: no matter\n" in out


def test_list_samples_the_same_mutants(
    mutation: types.ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    """--list --limit prints a sample, the same one for the same seed."""
    printed = []
    for _ in range(2):
        mutation.main(["--list", "--module", "_corpus", "--limit", "5"])
        printed.append(capsys.readouterr().out)

    assert printed[0] == printed[1]
    assert 5 == printed[0].count("    key: _corpus.py | ")
