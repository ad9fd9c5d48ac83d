"""Every public name is documented with an example that runs."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from types import ModuleType

import pytest

import secretspeech
import secretspeech.exceptions
import secretspeech.strategies


MODULES = (secretspeech, secretspeech.exceptions, secretspeech.strategies)


def documented() -> Iterator[tuple[str, object]]:
    """Yield every public class, function and method with its name."""
    for module in MODULES:
        for name in module.__all__:
            obj = getattr(module, name)
            if not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue
            yield f"{module.__name__}.{name}", obj
            if inspect.isclass(obj):
                yield from members(f"{module.__name__}.{name}", obj)


def members(prefix: str, cls: type) -> Iterator[tuple[str, object]]:
    """Yield the public methods and properties a class defines itself."""
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, property):
            yield f"{prefix}.{name}", value.fget
        elif isinstance(value, classmethod | staticmethod):
            yield f"{prefix}.{name}", value.__func__
        elif inspect.isfunction(value):
            yield f"{prefix}.{name}", value


@pytest.mark.parametrize(("name", "obj"), list(documented()))
def test_has_an_example(name: str, obj: object) -> None:
    """The docstring has a summary and a ``>>>`` example."""
    doc = inspect.getdoc(obj) or ""

    assert doc.strip(), f"{name} has no docstring"
    assert ">>>" in doc, f"{name} has no example"


def test_modules_are_documented() -> None:
    """Each public module has a docstring."""
    modules: tuple[ModuleType, ...] = MODULES

    assert all(m.__doc__ for m in modules)
