"""Small helpers shared by the tests: the bundled data, the site's nav."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from pathlib import Path


def untraced(env: Mapping[str, str]) -> dict[str, str]:
    """
    Return *env* without what starts coverage in a new interpreter.

    pytest-cov measures every Python process a test starts (pyproject's
    ``patch = ["subprocess"]``), and tracing doubles the time a process
    takes.  The tests that run a tool on the code (the site build, a
    user's test session, mypy) run it untraced: the tool's work reaches
    no line of ours that the other tests do not.
    """
    started_by = {"COVERAGE_PROCESS_CONFIG", "COVERAGE_PROCESS_START"}
    return {k: v for k, v in env.items() if k not in started_by}


def bundled_document() -> dict[str, Any]:
    """Return a fresh, mutable copy of the bundled corpus JSON."""
    data = resources.files("secretspeech") / "_data" / "corpus.json"
    return copy.deepcopy(json.loads(data.read_text(encoding="utf-8")))


def bundled_text() -> str:
    """Return the bundled canonical text."""
    data = resources.files("secretspeech") / "_data" / "article.txt"
    return data.read_text(encoding="utf-8")


def nav_pages(config_file: Path) -> list[str]:
    """Return every page the nav of *config_file*, a mkdocs.yml, names."""
    return list(strings_in(nav_of(config_file)))


def nav_of(config_file: Path) -> list[Any]:
    """Return the nav of *config_file*, a mkdocs.yml, as YAML reads it."""
    # PyYAML comes with the docs extra, as MkDocs does: only the tests of
    # the nav and the site need it, not the tests of the code.
    import yaml  # noqa: PLC0415

    class Loader(yaml.SafeLoader):
        """Read mkdocs.yml, taking its !ENV and !relative tags as values."""

    def tagged(loader: Loader, _tag: str, node: yaml.Node) -> object:
        if isinstance(node, yaml.ScalarNode):
            return loader.construct_scalar(node)
        return loader.construct_sequence(node)  # type: ignore[arg-type]

    Loader.add_multi_constructor("!", tagged)
    source = config_file.read_text("utf-8")
    config = yaml.load(source, Loader)  # noqa: S506 -- a SafeLoader

    nav: list[Any] = config["nav"]
    return nav


def strings_in(value: object) -> Iterator[str]:
    """Yield every string a JSON or YAML value holds, at any depth."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
