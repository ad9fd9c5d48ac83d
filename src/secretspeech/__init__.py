"""
A structured, verifiable, queryable edition of one article.

The article is Mike Haynes, “Khrushchev’s secret speech: a crack in the
monolith” (Socialist Worker issue 1988, 18 February 2006).

Importing the package parses nothing; the bundled data is loaded, checked
and indexed once, on first use.

>>> import secretspeech as ss
>>> ss.people.lookup("Khrushchev’s").name
'Nikita Khrushchev'
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from secretspeech import _model
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
from secretspeech._load import from_dict, load_bundled, load_corpus
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
from secretspeech.exceptions import (
    CorpusFileError,
    InvalidCorpusError,
    InvalidTypeError,
    InvalidValueError,
    NotFoundError,
    SecretSpeechError,
)


if TYPE_CHECKING:
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

_COLLECTIONS = frozenset(c.name for c in _model.SCHEMA)


def __getattr__(name: str) -> Any:  # noqa: ANN401 -- module attributes vary
    # Module attributes resolve lazily so that importing parses nothing.
    # Once the corpus is loaded they become plain attributes, which the
    # bundled corpus never changes: ss.people costs a dict lookup, not a
    # call of this function.
    if name in _COLLECTIONS or name in {"article", "DATA_VERSION"}:
        bundled = corpus()
        names = {n: getattr(bundled, n) for n in _COLLECTIONS}
        names |= {
            "article": bundled.article,
            "DATA_VERSION": bundled.data_version,
        }
        globals().update(names)
        return names[name]
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("secretspeech")
    raise AttributeError(f"module 'secretspeech' has no attribute {name!r}")


def __dir__() -> list[str]:
    # The public names and the private ones, but not the helpers imported
    # for annotations (annotations, TYPE_CHECKING, Any).
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
    return load_bundled()


#: The `Corpus` methods that the module mirrors as functions over the
#: bundled corpus.
_MIRRORED = (
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


def _mirror(name: str) -> Callable[..., Any]:
    """
    Return the module function that calls `Corpus` method *name*.

    It is the method over the bundled corpus, with the method's own
    signature (less ``self``) and documentation: one definition, shown in
    two places.
    """
    method = getattr(Corpus, name)

    def function(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        return getattr(corpus(), name)(*args, **kwargs)

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
else:
    get = _mirror("get")
    lookup = _mirror("lookup")
    search = _mirror("search")
    check_quote = _mirror("check_quote")
    score_extraction = _mirror("score_extraction")
    timeline = _mirror("timeline")
    involving = _mirror("involving")
    related = _mirror("related")
    causes = _mirror("causes")
    consequences = _mirror("consequences")
    refs = _mirror("refs")
    context = _mirror("context")
