"""
Sphinx configuration for the API reference only.

The narrative site is MkDocs; ``docs/hooks/sphinx_api.py`` runs this project
with ``-W -n`` and the JSON builder, and lays each page out as a page of the
site under ``/api/``.  Build it on its own with
``python -m sphinx -W -n -b json docs/sphinx build/api``.
"""

from __future__ import annotations

import ast
import builtins
import keyword
import re
from importlib import metadata
from typing import TYPE_CHECKING, Any

import attrs
from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.ext import napoleon


if TYPE_CHECKING:
    from docutils.nodes import Element, TextElement
    from sphinx.application import Sphinx
    from sphinx.directives import ObjectDescription
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
    # The type variable of Collection[R_co].
    ("py:class", "R_co"),
    ("py:class", "secretspeech._catalog.R_co"),
    # The type variable of the default of get(key, default).
    ("py:class", "D"),
    ("py:class", "secretspeech._catalog.D"),
    ("py:class", "secretspeech._corpus.D"),
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


def _attributes_last(lines: list[str]) -> None:
    """
    Move a class docstring's ``Attributes:`` section to its end, in place.

    Napoleon writes each attribute as an entry of its own, so whatever
    follows the section (``Raises:`` of the constructor, an example, a
    note) would read as part of the last attribute.  Moved, it stays with
    the class's description, and the docstrings themselves keep the order
    that reads best in ``help()``.
    """
    try:
        start = lines.index("Attributes:")
    except ValueError:
        return
    # The section is its header and the indented (or blank) lines below.
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if lines[i] and not lines[i][0].isspace()
        ),
        len(lines),
    )
    if end == len(lines):
        return
    section, rest = lines[start:end], lines[:start] + lines[end:]
    while rest and not rest[-1].strip():
        rest.pop()
    while section and not section[-1].strip():
        section.pop()
    lines[:] = [*rest, "", *section, ""]


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
    A class's attributes go last (`_attributes_last`).
    """
    if what in {"attribute", "property", "data"}:
        return
    if what in {"class", "exception"}:
        _attributes_last(lines)
    napoleon._process_docstring(app, what, name, obj, options, lines)  # noqa: SLF001


_ALIAS_REF = re.compile(r"TypeAliasForwardRef\('secretspeech\.(\w+)'\)")

#: Private generic aliases that signatures spell out, each as a template
#: of its argument.  Sphinx evaluates ``OneOrMany[PersonRole | str]`` in an
#: overload of `Collection.filter` to ``PersonRole | str | Sequence[...] |
#: Set[...]`` but leaves ``OneOrMany[Record | str]`` as written (``Record``
#: is kept by name); spelled out, every criterion reads the same.
_SPELLED_OUT = {
    "OneOrMany": (
        "{0} | ~collections.abc.Sequence[{0}] | ~collections.abc.Set[{0}]"
    ),
}
_GENERIC_ALIAS = re.compile(
    r"~?(?<![\w.])(?:[\w.]+\.)?(?P<name>" + "|".join(_SPELLED_OUT) + r")\["
)


def _spell_out(text: str) -> str:
    """Return *text* with each alias of `_SPELLED_OUT` spelled out."""
    while match := _GENERIC_ALIAS.search(text):
        depth, end = 1, match.end()
        while depth:
            depth += {"[": 1, "]": -1}.get(text[end], 0)
            end += 1
        argument = _spell_out(text[match.end() : end - 1])
        spelled = _SPELLED_OUT[match["name"]].format(argument)
        text = text[: match.start()] + spelled + text[end:]
    return text


def _readable(signature: str) -> str:
    """
    Return a signature as the reference shows it.

    Sphinx keeps ``Record`` as written in overloaded signatures but prints
    its internal ``TypeAliasForwardRef('secretspeech.Record')`` in others;
    both say ``Record``.  Private generic aliases are spelled out.
    """
    return _spell_out(_ALIAS_REF.sub(r"\1", signature))


def _readable_signatures(
    directive: type[ObjectDescription[Any]],
) -> type[ObjectDescription[Any]]:
    """
    Return *directive*, showing its signatures as `_readable` does.

    Autodoc passes a function's own signature to the
    ``autodoc-process-signature`` event but not those of its overloads;
    every signature, overloads included, reaches the directive.
    """

    class Readable(directive):  # type: ignore[valid-type,misc]
        def get_signatures(self) -> list[str]:
            return [_readable(sig) for sig in super().get_signatures()]

    Readable.__name__ = Readable.__qualname__ = directive.__name__
    return Readable


#: What a default computed from the other fields is, as Python that says
#: what its ``attrs.Factory`` does; signatures show this instead of attrs'
#: ``NOTHING``.  Sphinx parses defaults with its own unparser, which knows
#: ``and``/``or`` but not ``x if c else y``.  tests/test_site.py checks
#: each against the code.
_FACTORY_DEFAULTS = {
    "secretspeech.HistoricalDate.basis": (
        "relative_to and DateBasis.RELATIVE or DateBasis.STATED"
    ),
}


def _factory_default(owner: str, field: attrs.Attribute[Any]) -> str:
    """Return the default of *field* (a Factory) of class *owner*, shown."""
    factory: Any = field.default
    if factory.takes_self:
        key = f"{owner}.{field.name}"
        if key not in _FACTORY_DEFAULTS:
            msg = (
                f"{key} has a default computed from the other fields; say "
                "what it is in _FACTORY_DEFAULTS in docs/sphinx/conf.py"
            )
            raise ExtensionError(msg)
        return _FACTORY_DEFAULTS[key]
    shown = repr(factory.factory())
    try:
        ast.parse(shown, mode="eval")
    except SyntaxError:
        # Sphinx parses signatures as Python; the call says it too.
        shown = f"{factory.factory.__qualname__}()"
    return shown


def _factory_defaults(
    _app: Sphinx,
    what: str,
    name: str,
    obj: object,
    _options: object,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """
    Show each ``attrs.Factory`` default of a class as what it is.

    attrs gives such a parameter the default ``NOTHING`` (the factory runs
    in ``__init__``), which is what `inspect.signature` reports.
    """
    if (
        what not in {"class", "exception"}
        or signature is None
        or not (isinstance(obj, type) and attrs.has(obj))
    ):
        return None
    factory: Any = attrs.Factory  # a class, though typed as a function
    for field in attrs.fields(obj):
        if field.init and isinstance(field.default, factory):
            shown = _factory_default(name, field).replace("\\", r"\\")
            signature = re.sub(
                rf"(?<![\w.])({re.escape(field.alias)}(?::[^=]+?)?) = "
                r"NOTHING(?=[,)])",
                rf"\1 = {shown}",
                signature,
            )
    if re.search(r"= NOTHING\b", signature):
        msg = f"{name} shows a default of attrs.NOTHING: {signature}"
        raise ExtensionError(msg)
    return signature, return_annotation


def _alias_names(env: BuildEnvironment) -> dict[str, str]:
    """
    Return each object's other names and the one it is documented under.

    Autodoc registers ``secretspeech._dates.HistoricalDate`` (where the
    class is defined) as an alias of ``secretspeech.HistoricalDate``.
    """
    objects: dict[str, Any] = env.domains["py"].objects
    documented = {
        (entry.docname, entry.node_id): name
        for name, entry in objects.items()
        if not entry.aliased
    }
    return {
        name: documented[entry.docname, entry.node_id]
        for name, entry in objects.items()
        if entry.aliased and (entry.docname, entry.node_id) in documented
    }


def _public_titles(
    app: Sphinx, doctree: nodes.document, _docname: str
) -> None:
    """
    Title every link with the documented name of its target.

    A signature names a type where it is defined, so its link would show
    ``secretspeech._dates.HistoricalDate`` on hover; users import it as
    ``secretspeech.HistoricalDate``.
    """
    aliases = _alias_names(app.env)
    for reference in doctree.findall(nodes.reference):
        title = reference.get("reftitle")
        if title in aliases:
            reference["reftitle"] = aliases[title]


def setup(app: Sphinx) -> None:
    """Connect the reference resolvers, signature and docstring filters."""
    # Imported here, once Sphinx has set up its translations: imported with
    # this file, the domain's index titles stay lazy strings, which the JSON
    # builder cannot write.
    from sphinx.domains.python import (  # noqa: PLC0415
        PyClasslike,
        PyFunction,
        PyMethod,
    )

    app.connect("autodoc-process-signature", _factory_defaults)
    app.connect("missing-reference", _public_alias)
    app.connect("missing-reference", _builtin_any)
    app.connect("missing-reference", _private_alias)
    app.connect("doctree-resolved", _public_titles)
    for name, directive in (
        ("function", PyFunction),
        ("method", PyMethod),
        ("class", PyClasslike),
        ("exception", PyClasslike),
    ):
        app.add_directive_to_domain(
            "py", name, _readable_signatures(directive), override=True
        )
    for listener in list(app.events.listeners["autodoc-process-docstring"]):
        if listener.handler is napoleon._process_docstring:  # noqa: SLF001
            app.disconnect(listener.id)
    app.connect("autodoc-process-docstring", _napoleon_but_not_attributes)
