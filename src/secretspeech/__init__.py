"""
A structured, verifiable, queryable edition of one article.

The article is Mike Haynes, “Khrushchev’s secret speech: a crack in the
monolith” (Socialist Worker issue 1988, 18 February 2006).

Importing the package is cheap: it imports its exceptions and nothing
else of its own. Each other name is imported on first use, and the bundled
data is read and indexed once, when a name that needs it is first used.

>>> import secretspeech as ss
>>> ss.people.lookup("Khrushchev’s").name
'Nikita Khrushchev'
"""

from __future__ import annotations

from types import MappingProxyType

from secretspeech.exceptions import (
    CorpusFileError,
    InvalidCorpusError,
    InvalidTypeError,
    InvalidValueError,
    MissingDependencyError,
    NotFoundError,
    SecretSpeechError,
)


# Not typing.TYPE_CHECKING: importing typing would double the cost of
# importing the package. Type checkers read any name TYPE_CHECKING so.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from secretspeech._catalog import Collection
    from secretspeech._corpus import Corpus
    from secretspeech._dates import (
        Calendar,
        DateBasis,
        HistoricalDate,
        Order,
        Precision,
    )
    from secretspeech._export import as_dict, save_corpus
    from secretspeech._jsonschema import json_schema
    from secretspeech._load import from_dict, load_corpus
    from secretspeech._model import (
        CAUSAL_KINDS,
        SCHEMA,
        Article,
        Claim,
        CollectionSchema,
        Event,
        EventKind,
        Evidence,
        Group,
        GroupKind,
        Note,
        Person,
        PersonRole,
        Place,
        PlaceKind,
        Quantity,
        QuantityKind,
        Quotation,
        QuotationKind,
        Record,
        Relation,
        RelationKind,
        Source,
        SourceKind,
        Stance,
        Statistic,
        Verdict,
    )
    from secretspeech._quotes import (
        ExtractionScore,
        PartScore,
        QuoteMatch,
        QuoteVerdict,
    )

    __version__: str
    DATA_VERSION: str
    article: Article
    people: Collection[Person]
    groups: Collection[Group]
    places: Collection[Place]
    events: Collection[Event]
    quotations: Collection[Quotation]
    statistics: Collection[Statistic]
    claims: Collection[Claim]
    relations: Collection[Relation]
    notes: Collection[Note]


__all__ = [
    "Article",
    "CAUSAL_KINDS",
    "Calendar",
    "Claim",
    "Collection",
    "CollectionSchema",
    "Corpus",
    "CorpusFileError",
    "DATA_VERSION",
    "DateBasis",
    "Event",
    "EventKind",
    "Evidence",
    "ExtractionScore",
    "Group",
    "GroupKind",
    "HistoricalDate",
    "InvalidCorpusError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingDependencyError",
    "NotFoundError",
    "Note",
    "Order",
    "PartScore",
    "Person",
    "PersonRole",
    "Place",
    "PlaceKind",
    "Precision",
    "Quantity",
    "QuantityKind",
    "Quotation",
    "QuotationKind",
    "QuoteMatch",
    "QuoteVerdict",
    "Record",
    "Relation",
    "RelationKind",
    "SCHEMA",
    "SecretSpeechError",
    "Source",
    "SourceKind",
    "Stance",
    "Statistic",
    "Verdict",
    "__version__",
    "article",
    "as_dict",
    "causes",
    "check_quote",
    "claims",
    "consequences",
    "context",
    "corpus",
    "events",
    "from_dict",
    "get",
    "groups",
    "involving",
    "json_schema",
    "load_corpus",
    "lookup",
    "notes",
    "people",
    "places",
    "quotations",
    "refs",
    "related",
    "relations",
    "save_corpus",
    "score_extraction",
    "search",
    "statistics",
    "timeline",
]

#: The module each public name is defined in. Importing the package imports
#: none of them (only the exceptions above): a name is imported on first
#: use and then kept as a plain attribute. The imports for type checkers
#: above say the same, which tests/test_public_api.py checks.
_HOMES = MappingProxyType(
    {
        **dict.fromkeys(
            (
                "CAUSAL_KINDS",
                "SCHEMA",
                "Article",
                "Claim",
                "CollectionSchema",
                "Event",
                "EventKind",
                "Evidence",
                "Group",
                "GroupKind",
                "Note",
                "Person",
                "PersonRole",
                "Place",
                "PlaceKind",
                "Quantity",
                "QuantityKind",
                "Quotation",
                "QuotationKind",
                "Record",
                "Relation",
                "RelationKind",
                "Source",
                "SourceKind",
                "Stance",
                "Statistic",
                "Verdict",
            ),
            "_model",
        ),
        "Collection": "_catalog",
        "Corpus": "_corpus",
        **dict.fromkeys(
            ("Calendar", "DateBasis", "HistoricalDate", "Order", "Precision"),
            "_dates",
        ),
        "as_dict": "_export",
        "save_corpus": "_export",
        "json_schema": "_jsonschema",
        "from_dict": "_load",
        "load_corpus": "_load",
        **dict.fromkeys(
            ("ExtractionScore", "PartScore", "QuoteMatch", "QuoteVerdict"),
            "_quotes",
        ),
    }
)

#: The `Corpus` methods that the module mirrors as functions over the
#: bundled corpus.
_MIRRORED = frozenset(
    (
        "get",
        "lookup",
        "search",
        "check_quote",
        "score_extraction",
        "timeline",
        "involving",
        "related",
        "causes",
        "consequences",
        "refs",
        "context",
    )
)

#: What the bundled corpus provides besides its collections: each module
#: name with the `Corpus` attribute it reads.
_OF_CORPUS = MappingProxyType(
    {"article": "article", "DATA_VERSION": "data_version"}
)


def __getattr__(name: str) -> Any:  # noqa: ANN401 -- module attributes vary
    # Names resolve lazily so that importing costs little and parses
    # nothing. Each becomes a plain attribute once resolved (the bundled
    # corpus never changes), so ss.people costs a dict lookup, not a call
    # of this function.
    from importlib import import_module  # noqa: PLC0415 -- see above

    home = _HOMES.get(name)
    if home is not None:
        value = getattr(import_module(f"secretspeech.{home}"), name)
        globals()[name] = value
        return value
    if name in _MIRRORED:
        function = _mirror(name)
        globals()[name] = function
        return function
    model = import_module("secretspeech._model")
    collections = {c.name for c in model.SCHEMA}
    if name in collections or name in _OF_CORPUS:
        bundled = corpus()
        names = {n: getattr(bundled, n) for n in collections}
        names |= {n: getattr(bundled, a) for n, a in _OF_CORPUS.items()}
        globals().update(names)
        return names[name]
    if name == "__version__":
        from importlib.metadata import (  # noqa: PLC0415
            PackageNotFoundError,
            version,
        )

        try:
            return version("secretspeech")
        except PackageNotFoundError:
            # Run from a source tree or a copy: no version to tell, and
            # getattr(ss, "__version__", None) must still answer.
            raise AttributeError(
                "module 'secretspeech' has no attribute '__version__': it "
                "runs uninstalled, and only installed metadata gives its "
                "version; install it with pip install"
            ) from None
    raise AttributeError(f"module 'secretspeech' has no attribute {name!r}")


def __dir__() -> list[str]:
    # The public names and the private ones, but not the helpers of
    # annotations (annotations, TYPE_CHECKING).
    return sorted({*__all__, *(n for n in globals() if n.startswith("_"))})


def corpus() -> Corpus:
    """
    Return the bundled corpus, loading and checking it on first use.

    Every module-level name (`people`, `timeline`, …) reads from it.

    Returns:
        The one bundled `Corpus`; the same object on every call.

    >>> import secretspeech as ss
    >>> ss.corpus() is ss.corpus()
    True
    """
    from secretspeech._load import load_bundled  # noqa: PLC0415 -- lazily

    return load_bundled()


def _mirror(name: str) -> Callable[..., Any]:
    """
    Return the module function that calls `Corpus` method *name*.

    It is the method over the bundled corpus, with the method's own
    signature (less ``self``) and documentation: one definition, shown in
    two places.
    """
    import inspect  # noqa: PLC0415 -- only when a mirror is first used

    from secretspeech._corpus import Corpus  # noqa: PLC0415 -- as above
    from secretspeech._load import load_bundled  # noqa: PLC0415 -- as above

    method = getattr(Corpus, name)

    def function(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        return getattr(load_bundled(), name)(*args, **kwargs)

    signature = inspect.signature(method)
    parameters = list(signature.parameters.values())[1:]
    function.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=parameters
    )
    function.__name__ = function.__qualname__ = name
    function.__module__ = __name__
    function.__doc__ = method.__doc__
    function.__annotations__ = {
        k: v for k, v in method.__annotations__.items() if k != "self"
    }
    return function


if TYPE_CHECKING:
    # Type checkers see the bound methods, overloads and all.
    get = corpus().get
    lookup = corpus().lookup
    search = corpus().search
    check_quote = corpus().check_quote
    score_extraction = corpus().score_extraction
    timeline = corpus().timeline
    involving = corpus().involving
    related = corpus().related
    causes = corpus().causes
    consequences = corpus().consequences
    refs = corpus().refs
    context = corpus().context
