"""
The fuzz counter, ``scripts/fuzz.py``: it counts what the fuzz tests run.

A small run of it here checks that its counts add up and that a failure
is counted as one, printed, and makes the exit status 1.
"""

from __future__ import annotations

import importlib.util
import re
import types
from pathlib import Path

import pytest


SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "fuzz.py"
LINE = re.compile(
    r"^(?P<what>.+?) +(?P<all>[\d,]+) in all: +(?P<loaded>[\d,]+) loaded, +"
    r"(?P<refused>[\d,]+) refused by name, (?P<failed>[\d,]+) failed$"
)


@pytest.fixture(scope="module")
def script() -> types.ModuleType:
    """Import scripts/fuzz.py."""
    spec = importlib.util.spec_from_file_location("fuzz_script", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def counts(output: str) -> dict[str, tuple[int, int, int, int]]:
    """Read the count lines of the script's output."""
    found = {}
    for line in output.splitlines():
        if m := LINE.match(line):
            numbers = (m["all"], m["loaded"], m["refused"], m["failed"])
            found[m["what"]] = tuple(int(n.replace(",", "")) for n in numbers)
    return found  # type: ignore[return-value]


def test_counts_add_up(
    script: types.ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each count is the sum of its endings, and the sizes asked for."""
    status = script.main(["--no-shapes", "--every", "60", "--examples", "7"])
    found = counts(capsys.readouterr().out)

    assert status == 0
    assert sorted(found) == [
        "fuzz of changed documents",
        "fuzz of damaged JSON",
        "sweep of single changes",
    ]
    for total, loaded, refused, failed in found.values():
        assert total == loaded + refused + failed
        assert failed == 0
    assert found["fuzz of changed documents"][0] == 7
    sweep = found["sweep of single changes"]
    assert sweep[0] > 100
    assert sweep[1] > 0
    assert sweep[2] > 0


def test_a_failure_is_counted_and_printed(
    script: types.ModuleType,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A parse that raises anything but a refusal fails, and exits 1."""
    real = script.fuzz.parse_corpus

    def broken(document: object, *args: object, **kwargs: object) -> object:
        if isinstance(document, str):
            raise RecursionError("deep")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(script.fuzz, "parse_corpus", broken)
    status = script.main(
        ["--no-shapes", "--every", "0", "--examples", "3", "--texts", "3"]
    )
    output = capsys.readouterr().out
    found = counts(output)

    assert status == 1
    assert found["fuzz of damaged JSON"] == (3, 0, 0, 3)
    assert found["fuzz of changed documents"][3] == 0
    assert "failed: RecursionError: deep" in output
