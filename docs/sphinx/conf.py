"""
Sphinx configuration for the API reference only.

The narrative site is MkDocs; ``docs/hooks/sphinx_api.py`` runs this project
with ``-W -n`` and the JSON builder, and lays each page out as a page of the
site under ``/api/``.  Build it on its own with
``python -m sphinx -W -n -b json docs/sphinx build/api``.
"""

from __future__ import annotations

import builtins
import keyword
import re
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
    # from_dict(cls: type[T], ...) -> T: the type variable has no page.
    ("py:class", "secretspeech._load._T"),
    # Field types and docstrings of HistoricalDate mention datetime, and
    # load_corpus() takes paths.
    ("py:class", "datetime.date"),
    ("py:class", "pathlib.Path"),
    # The table exports write to a folder (str | os.PathLike) and return
    # pandas frames; neither library has an inventory here.
    ("py:class", "os.PathLike"),
    ("py:class", "pandas.DataFrame"),
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
    ("py:class", "collections.abc.Mapping"),
    # Criterion.vocabulary holds an enumeration class.
    ("py:class", "enum.Enum"),
    # The limit the loader names for long integers in a document, and the
    # error numbers CorpusFileError keeps.
    ("any", "sys.get_int_max_str_digits"),
    ("any", "errno.ENOENT"),
    # formats.to_graph() returns a networkx graph; networkx has no
    # inventory here either.
    ("py:class", "networkx.MultiDiGraph"),
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
# Keep the unions of record types as their public names in signatures,
# instead of spelling out eight classes each time.
autodoc_type_aliases = {
    "Record": "secretspeech.Record",
}
autodoc_inherit_docstrings = False
python_use_unqualified_type_names = True
add_module_names = False

napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# The API pages are not themed by Sphinx: the JSON builder writes their
# bodies and docs/hooks/sphinx_api.py lays them out as pages of the MkDocs
# site, with its theme, navigation and search.
html_theme = "basic"
html_copy_source = False
html_show_sourcelink = False
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


#: Private aliases that signatures show, and where each is explained.
_PRIVATE_ALIASES = {
    "OneOrMany": ("meth", "secretspeech.Collection.filter"),
    "secretspeech._catalog.OneOrMany": (
        "meth",
        "secretspeech.Collection.filter",
    ),
    "Period": ("meth", "secretspeech.HistoricalDate.coerce"),
    "secretspeech._catalog.Period": (
        "meth",
        "secretspeech.HistoricalDate.coerce",
    ),
    "Criterion": ("attr", "secretspeech.CollectionSchema.criteria"),
    "secretspeech._model.Criterion": (
        "attr",
        "secretspeech.CollectionSchema.criteria",
    ),
    "Origin": ("mod", "secretspeech.strategies"),
    "secretspeech.strategies.Origin": ("mod", "secretspeech.strategies"),
    # A part of a prediction: a span, spans or None.
    "PartLike": ("func", "secretspeech.score_extraction"),
    "secretspeech._quotes.PartLike": ("func", "secretspeech.score_extraction"),
    "SpanLike": ("func", "secretspeech.score_extraction"),
    "secretspeech._quotes.SpanLike": ("func", "secretspeech.score_extraction"),
}


def _private_alias(
    app: Sphinx, env: BuildEnvironment, node: Element, contnode: TextElement
) -> Element | None:
    """Link private aliases (``OneOrMany``, …) to where they are explained."""
    found = _PRIVATE_ALIASES.get(node.get("reftarget", ""))
    if found is None:
        return None
    reftype, target = found
    domain: Any = env.domains["py"]
    return domain.resolve_xref(  # type: ignore[no-any-return]
        env,
        node.get("refdoc", ""),
        app.builder,
        reftype,
        target,
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


_ALIAS_REF = re.compile(r"TypeAliasForwardRef\('secretspeech\.(\w+)'\)")


# ``X | Sequence[X] | Set[X]``: the private alias ``OneOrMany[X]`` spelled out.
_ONE_OR_MANY = re.compile(
    r"(?<=: )(?P<x>[\w.]+(?:\[[^\]]*\])?(?: \| [\w.]+(?:\[[^\]]*\])?)*)"
    r" \| Sequence\[(?P=x)\] \| (?:Abstract)?Set\[(?P=x)\]"
)


def _readable_signature(
    _app: Sphinx,
    _what: str,
    _name: str,
    _obj: object,
    _options: object,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None]:
    """
    Show type aliases by their public names in every signature.

    Sphinx keeps ``Record`` as written in overloaded signatures but prints
    its internal ``TypeAliasForwardRef('secretspeech.Record')`` in others.
    It also spells out ``OneOrMany[X]`` in some overloads of
    `Collection.filter` and not in others; all say ``OneOrMany`` (which
    links to `Collection.filter`, where it is explained).
    """

    def tidy(text: str | None) -> str | None:
        if text is None:
            return None
        return _ONE_OR_MANY.sub(
            r"OneOrMany[\g<x>]", _ALIAS_REF.sub(r"\1", text)
        )

    return tidy(signature), tidy(return_annotation)


def setup(app: Sphinx) -> None:
    """Connect the reference resolvers and the napoleon filter."""
    app.connect("autodoc-process-signature", _readable_signature)
    app.connect("missing-reference", _public_alias)
    app.connect("missing-reference", _builtin_any)
    app.connect("missing-reference", _private_alias)
    for listener in list(app.events.listeners["autodoc-process-docstring"]):
        if listener.handler is napoleon._process_docstring:  # noqa: SLF001
            app.disconnect(listener.id)
    app.connect("autodoc-process-docstring", _napoleon_but_not_attributes)
