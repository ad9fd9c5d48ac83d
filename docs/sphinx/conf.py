"""
Sphinx configuration for the API reference only.

The narrative site is MkDocs; ``docs/hooks/sphinx_api.py`` runs this project
with ``-W -n`` and mounts its HTML at ``/api/``.  Build it on its own with
``python -m sphinx -W -n -b html docs/sphinx build/api``.
"""

from __future__ import annotations

import builtins
import keyword
import os
from importlib import metadata
from typing import TYPE_CHECKING, Any

from sphinx.ext import napoleon


if TYPE_CHECKING:
    from docutils.nodes import Element, TextElement
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


project = "secretspeech"
author = "The secretspeech developers"
copyright = "2026, The secretspeech developers"  # noqa: A001 -- Sphinx's name
release = metadata.version("secretspeech")
version = release

extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon"]

# Docstrings write `Corpus.timeline` for cross-references (attrs house style).
default_role = "any"
nitpicky = True
# No intersphinx: CI has no network except PyPI, and an unreachable inventory
# would be a warning, hence an error under -W.  So the few outside names that
# signatures and field types mention cannot resolve; ignore exactly those.
nitpick_ignore = [
    # Field types and docstrings of HistoricalDate mention datetime, and
    # load_corpus() takes paths.
    ("py:class", "datetime.date"),
    ("py:class", "pathlib.Path"),
    ("any", "datetime.date"),
    ("any", "datetime.date.min"),
    ("any", "datetime.date.max"),
    ("any", "datetime.datetime"),
    # attrs signatures show the parameter type of a field's converter;
    # Collection takes a sequence and Corpus.records() returns an iterator.
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Iterator"),
    ("py:class", "collections.abc.Sequence"),
    # Collection.filter() takes one value or a set or sequence of them
    # (OneOrMany) and where() a callable.
    ("py:class", "collections.abc.Set"),
    ("py:class", "collections.abc.Callable"),
    # Hypothesis has no inventory here; strategies return SearchStrategy.
    ("py:class", "SearchStrategy"),
    ("py:exc", "hypothesis.errors.InvalidArgument"),
    ("any", "hypothesis.errors.InvalidArgument"),
    ("any", "hypothesis.strategies.sampled_from"),
    # The type variable of Collection[R].
    ("py:class", "R"),
    ("py:class", "secretspeech._catalog.R"),
]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = False
autodoc_inherit_docstrings = False
python_use_unqualified_type_names = True
add_module_names = False

napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

html_theme = "alabaster"
html_title = "secretspeech API reference"
html_short_title = "API reference"
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    "description": "The API reference of secretspeech.",
    "extra_nav_links": {"← Back to the guide": "../"},
    "show_relbars": False,
    "fixed_sidebar": False,
}
# Read the Docs gives the site's address; the reference lives under /api/.
_site = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
html_baseurl = f"{_site.rstrip('/')}/api/" if _site else ""
# The build date would change the HTML on every build.
html_last_updated_fmt: str | None = None

exclude_patterns = ["_build"]


def _public_alias(
    app: Sphinx, env: BuildEnvironment, node: Element, contnode: TextElement
) -> Element | None:
    """
    Resolve ``secretspeech._module.Name`` to the public ``secretspeech.Name``.

    Signatures name types where they are defined (a private module, or
    `secretspeech.exceptions`); the reference documents them where users
    import them from, the package itself.
    """
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target.startswith("secretspeech."):
        return None
    parts = target.split(".")
    if len(parts) < 3 or parts[1] == "strategies":
        return None
    public = ".".join(["secretspeech", *parts[2:]])
    domain: Any = env.domains["py"]
    return domain.resolve_xref(  # type: ignore[no-any-return]
        env,
        node.get("refdoc", ""),
        app.builder,
        node.get("reftype", "obj"),
        public,
        node,
        contnode,
    )


def _builtin_any(
    _app: Sphinx, _env: BuildEnvironment, node: Element, contnode: TextElement
) -> Element | None:
    """
    Render `None`, `str`, `len`, `in` … as code without a link.

    Sphinx does this for ``py:`` roles on its own (``builtin_resolver``) but
    not for the ``any`` role that `default_role` makes of single backticks;
    without intersphinx there is nothing to link them to.
    """
    target = node.get("reftarget", "")
    if node.get("reftype") == "any" and (
        keyword.iskeyword(target) or hasattr(builtins, target)
    ):
        return contnode
    return None


def _napoleon_but_not_attributes(  # noqa: PLR0913, PLR0917 -- Sphinx's event
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: object,
    lines: list[str],
) -> None:
    """
    Run napoleon on every docstring except those of attributes.

    Napoleon reads the first line of an attribute's docstring as
    ``type: description``, so the ``#:`` comment "An upper bound: "as many
    as 29 million"" would become the type "An upper bound".  Our attribute
    and property docstrings have no Google sections, so leave them alone.
    """
    if what not in {"attribute", "property", "data"}:
        napoleon._process_docstring(app, what, name, obj, options, lines)  # noqa: SLF001


def setup(app: Sphinx) -> None:
    """Connect the reference resolvers and the napoleon filter."""
    app.connect("missing-reference", _public_alias)
    app.connect("missing-reference", _builtin_any)
    for listener in list(app.events.listeners["autodoc-process-docstring"]):
        if listener.handler is napoleon._process_docstring:  # noqa: SLF001
            app.disconnect(listener.id)
    app.connect("autodoc-process-docstring", _napoleon_but_not_attributes)
