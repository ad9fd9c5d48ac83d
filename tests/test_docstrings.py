"""Every public name is documented with an example that runs."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from types import ModuleType

import pytest

import secretspeech
import secretspeech.exceptions
import secretspeech.formats
import secretspeech.strategies


MODULES = (
    secretspeech,
    secretspeech.exceptions,
    secretspeech.formats,
    secretspeech.strategies,
)


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


# An example line that imports from a private module of the package.
_PRIVATE_IMPORT = re.compile(
    r"^\s*>>> (?:from|import) secretspeech\._", re.MULTILINE
)


@pytest.mark.parametrize(
    ("name", "obj"),
    [*((m.__name__, m) for m in MODULES), *documented()],
)
def test_examples_use_the_public_api(name: str, obj: object) -> None:
    """
    A public docstring's example imports what users import.

    The API reference shows these examples; ``secretspeech._dates`` is not
    where a reader gets `HistoricalDate` from.
    """
    doc = inspect.getdoc(obj) or ""

    assert not _PRIVATE_IMPORT.findall(doc), name


def test_the_private_import_check_finds_one() -> None:
    """The check above sees a private import, and only a private one."""
    assert _PRIVATE_IMPORT.search(">>> from secretspeech._dates import X")
    assert _PRIVATE_IMPORT.search("  >>> import secretspeech._text as t")
    assert not _PRIVATE_IMPORT.search(">>> import secretspeech as ss")
    assert not _PRIVATE_IMPORT.search(">>> from secretspeech import formats")


def test_modules_are_documented() -> None:
    """Each public module has a docstring."""
    modules: tuple[ModuleType, ...] = MODULES

    assert all(m.__doc__ for m in modules)


def test_the_docs_say_which_indexes_wait_for_a_query() -> None:
    """
    `Collection` and `Corpus` say what is built when one is made.

    Only the index by id is built with a collection (and a corpus); every
    other index is built by the first query that reads it.  Their
    docstrings, on the API pages, said every index was built when the
    collection or the corpus was made.
    """
    events = secretspeech.Collection(list(secretspeech.events))
    base = events._base  # what the catalog has built

    assert base._indexes is None  # filter's indexes: not built yet
    for cls in (secretspeech.Collection, secretspeech.Corpus):
        doc = " ".join((cls.__doc__ or "").split())
        assert "indexes built when" not in doc, cls
        assert "indexes are built once, when" not in doc, cls
        assert "first query" in doc, cls
