"""
One error contract: every error secretspeech raises is a SecretSpeechError.

`secretspeech.exceptions` promises that each error is a
`SecretSpeechError` and also the builtin that callers catch anyway: a
`TypeError`, `ValueError`, `LookupError` or `OSError`.  The property test
drives every public callable (the functions and classes of
``secretspeech.__all__`` and ``secretspeech.exceptions.__all__``, and the
public methods of those classes) with values of wrong types and shapes,
and accepts no other error, so a name added to ``__all__`` is held to the
contract at once.  The example tests after it pin each breach the contract
once had.
"""

from __future__ import annotations

import contextlib
import datetime
import decimal
import enum
import errno
import fractions
import inspect
import json
import pickle
import shutil
import tempfile
import typing
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import nullcontext
from pathlib import Path, PurePath

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import secretspeech as ss
from helpers import bundled_document, bundled_text
from secretspeech import exceptions, formats
from secretspeech._load import file_error


#: The errors the contract allows: those `secretspeech.exceptions` exports.
DOCUMENTED = frozenset(getattr(exceptions, n) for n in exceptions.__all__)
#: The builtins each of them must also be.
BUILTINS = (TypeError, ValueError, LookupError, OSError)
#: A quarter of the profile's examples for each of some 80 callables.
EXAMPLES = max(20, settings().max_examples // 4)
#: How long a message may be: it quotes values briefly.
MESSAGE_CHARS = 1000


# -- what to call ------------------------------------------------------------


def public_classes() -> dict[str, type]:
    """Return the public classes, by name."""
    return {
        name: obj
        for module in (ss, exceptions)
        for name in module.__all__
        if inspect.isclass(obj := getattr(module, name))
    }


def methods(cls: type) -> dict[str, object]:
    """Return the public methods *cls* has from the package, undecorated."""
    found: dict[str, object] = {}
    for klass in reversed(cls.__mro__):
        if not klass.__module__.startswith("secretspeech"):
            continue
        for name, value in vars(klass).items():
            if name.startswith("_"):
                continue
            if isinstance(value, classmethod | staticmethod) or (
                inspect.isfunction(value)
            ):
                found[name] = value
            else:
                # A property or a field: not a call.
                found.pop(name, None)
    return found


@attrs.frozen
class Target:
    """One public callable: a function, a constructor or a method."""

    name: str
    #: The class whose instance method this is, or None.
    owner: type | None
    #: The callable itself (for a method, its name on the instance).
    function: Callable[..., object] | str


def targets() -> dict[str, Target]:
    """Return every public callable, by dotted name."""
    found: dict[str, Target] = {}
    for module in (ss, exceptions):
        for name in module.__all__:
            obj = getattr(module, name)
            if callable(obj) and not inspect.isclass(obj):
                found[name] = Target(name, None, obj)
    for name, cls in public_classes().items():
        found[name] = Target(name, None, cls)
        for method, value in methods(cls).items():
            dotted = f"{name}.{method}"
            if isinstance(value, classmethod | staticmethod):
                found[dotted] = Target(dotted, None, getattr(cls, method))
            else:
                found[dotted] = Target(dotted, cls, method)
    return found


TARGETS = targets()


def samples() -> dict[type, list[object]]:
    """
    Find up to three instances of each public class in the bundled data.

    The walk starts at the corpus and the module's data (``ss.article``,
    ``ss.SCHEMA``, …), and at what the checks of quotations answer (a
    `QuoteMatch` and its `QuoteVerdict`, an `ExtractionScore` and its
    `PartScore`), and follows attrs fields, tuples, collections and
    mappings, so a new class is found wherever the data holds one.
    """
    classes = tuple(public_classes().values())
    corpus = ss.corpus()
    start: list[object] = [corpus, ss.Collection(corpus.people)]
    start += [
        getattr(ss, n) for n in ss.__all__ if not callable(getattr(ss, n))
    ]
    start += [
        corpus.check_quote("You are blind puppies", limit=None),
        corpus.check_quote("Stalin was a murderous thug"),
        corpus.check_quote("We will bury you"),
        corpus.score_extraction([]),
    ]
    found: dict[type, list[object]] = {}
    seen: set[int] = set()
    queue = list(start)
    while queue:
        value = queue.pop(0)
        if id(value) in seen or isinstance(value, str | enum.Enum):
            continue
        seen.add(id(value))
        if isinstance(value, classes):
            kept = found.setdefault(type(value), [])
            if len(kept) < 3:
                kept.append(value)
        if attrs.has(type(value)):
            queue += [
                getattr(value, f.name) for f in attrs.fields(type(value))
            ]
        elif isinstance(value, tuple | ss.Collection):
            queue += list(value)[:3]
        elif isinstance(value, Mapping):
            queue += list(value.values())[:3]
    return found


SAMPLES = samples()


# -- with what -----------------------------------------------------------------


class BytesPath:
    """An `os.PathLike` whose path is bytes, which `pathlib` refuses."""

    def __fspath__(self) -> bytes:
        return b"c.json"


class NoRepr:
    """An object whose repr fails during the call: a message must not."""

    #: Set while the callable runs; Hypothesis must still show the value.
    hostile = False

    def __repr__(self) -> str:
        if NoRepr.hostile:
            raise RuntimeError("no repr")
        return "NoRepr()"


#: Strings that have tripped code before: NUL, lone surrogates, blanks,
#: spellings of the vocabularies, EDTF, ids, names, paths.
STRINGS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udc80",
    "x" * 2000,
    "Julian",
    "power-struggle",
    "1956",
    "195X",
    "1946/1947",
    "../1939",
    "1956-02-30",
    "secret-speech",
    "hungary",
    "article",
    "Khrushchev",
    "people",
    "speaker",
    "kind",
    "c.json",
    "a.txt",
    "big.json",
    "missing/c.json",
    "dir",
    ".",
]


def plain_values() -> list[object]:
    """Values of the model and of Python that are not odd in themselves."""
    corpus = ss.corpus()
    return [
        object(),
        NoRepr(),
        BytesPath(),
        10**5000,
        -(10**5000),
        Path("c.json"),
        Path("missing/a.txt"),
        datetime.date(1956, 2, 25),
        datetime.datetime(1956, 2, 25, 0, 5),  # noqa: DTZ001 -- any value
        datetime.time(12),
        decimal.Decimal("NaN"),
        fractions.Fraction(1, 3),
        1j,
        range(3),
        Ellipsis,
        ss.Calendar.JULIAN,
        ss.EventKind.FAMINE,
        ss.Order.SAME,
        corpus,
        corpus.people,
        corpus.article,
        *[v for vs in SAMPLES.values() for v in vs],
    ]


PLAIN = plain_values()
ATOMS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**63, -1, 0, 1, 10_000]),
    st.floats(),
    st.binary(max_size=8),
    st.text(max_size=12),
    st.sampled_from(STRINGS),
    # By index: a sampled_from shows its values in its repr, and some of
    # these cannot be shown (that is what they are here to test).
    st.integers(0, len(PLAIN) - 1).map(lambda i: PLAIN[i]),
)
VALUES = st.recursive(
    ATOMS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.tuples(inner),
        st.dictionaries(st.text(max_size=4), inner, max_size=2),
        st.frozensets(st.integers() | st.text(max_size=4), max_size=3),
    ),
    max_leaves=4,
)


def keywords(function: Callable[..., object]) -> list[str]:
    """Return the keyword names the overloads of *function* spell out."""
    names = {
        p.name
        for overload in typing.get_overloads(function)
        for p in inspect.signature(overload).parameters.values()
        if p.kind is inspect.Parameter.KEYWORD_ONLY
    }
    return sorted(names)


def confined(value: object) -> object:
    """Keep a path inside the working folder: no root, no separators."""
    if isinstance(value, str) and value not in STRINGS:
        return value.replace("/", "_").replace("\\", "_")
    if isinstance(value, PurePath):
        return Path(str(value).replace("/", "_"))
    return value


def signature_of(function: Callable[..., object]) -> inspect.Signature:
    """Return the signature to call *function* by; (*args) if it has none."""
    try:
        return inspect.signature(function)
    except ValueError:
        # An exception class: BaseException takes any arguments.
        star = inspect.Parameter("args", inspect.Parameter.VAR_POSITIONAL)
        return inspect.Signature([star])


def keyword_arguments(
    function: Callable[..., object],
) -> st.SearchStrategy[dict[str, object]]:
    """Draw ``**kwargs``: the names its overloads spell out, and others."""
    names = st.sampled_from(keywords(function) or ["x"]) | st.text(max_size=6)
    return st.dictionaries(names, VALUES, max_size=3)


@st.composite
def calls(
    draw: st.DrawFn,
    function: Callable[..., object],
    valid: Mapping[str, object],
) -> tuple[list[object], dict[str, object]]:
    """
    Draw arguments that fit the signature of *function*, in any form.

    Where *valid* gives values, one or two of them are replaced and the
    others kept, so that a wrong value anywhere is reached, not only in
    the first parameter checked.
    """
    signature = signature_of(function)
    args: list[object] = []
    kwargs: dict[str, object] = {}
    positional = True
    wrong = draw(
        st.sets(st.sampled_from(sorted(valid) or [""]), min_size=1, max_size=2)
    )
    for p in signature.parameters.values():
        if p.kind is p.VAR_POSITIONAL:
            args += draw(st.lists(VALUES, max_size=2)) if positional else []
            continue
        if p.kind is p.VAR_KEYWORD:
            kwargs.update(draw(keyword_arguments(function)))
            continue
        if p.name in valid and p.name not in wrong:
            value = valid[p.name]
        elif p.default is not p.empty and draw(st.booleans()):
            positional = positional and p.kind is p.KEYWORD_ONLY
            continue
        else:
            value = draw(VALUES)
        if "Path" in str(p.annotation):
            value = confined(value)
        by_position = p.kind is p.POSITIONAL_ONLY or (
            p.kind is p.POSITIONAL_OR_KEYWORD and draw(st.booleans())
        )
        if by_position and positional:
            args.append(value)
        elif p.kind is p.POSITIONAL_ONLY:
            # An earlier optional one was left out, so this one must be too.
            continue
        else:
            positional = False
            kwargs[p.name] = value
    # The call fits the signature: the test is about values, not arity.
    signature.bind(*args, **kwargs)
    return args, kwargs


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a corpus, a corpus with a huge number and a folder."""
    folder = tmp_path_factory.mktemp("files")
    document = json.dumps(bundled_document(), ensure_ascii=False)
    (folder / "c.json").write_text(document, encoding="utf-8")
    (folder / "a.txt").write_bytes(bundled_text().encode("utf-8"))
    (folder / "big.json").write_text("[" + "9" * 5000 + "]", "utf-8")
    (folder / "dir").mkdir()
    return folder


def takes_paths(function: Callable[..., object]) -> bool:
    """Tell whether *function* reads or writes files: a parameter is a Path."""
    parameters = signature_of(function).parameters.values()
    return any("Path" in str(p.annotation) for p in parameters)


@contextlib.contextmanager
def inside_a_copy(files: Path) -> Iterator[None]:
    """Work in a fresh copy of *files*: calls may write where they like."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "work"
        shutil.copytree(files, work)
        with contextlib.chdir(work):
            yield


def valid_arguments(
    function: Callable[..., object], data: st.DataObject
) -> dict[str, object]:
    """For an attrs class, the fields of one of its samples; else none."""
    if not (inspect.isclass(function) and attrs.has(function)):
        return {}
    sample = data.draw(st.sampled_from(SAMPLES.get(function, [None])))
    if sample is None:
        return {}
    return {
        f.alias: getattr(sample, f.name)
        for f in attrs.fields(function)
        if f.init
    }


def check_error(name: str, error: BaseException) -> None:
    """Fail unless *error* is one the contract allows."""
    # Called in the except clause: a failure shows the error's traceback.
    assert isinstance(error, exceptions.SecretSpeechError), (
        f"{name} raised {type(error).__module__}.{type(error).__name__}, "
        f"not a SecretSpeechError: {error}"
    )
    assert type(error) in DOCUMENTED, f"{name}: {type(error)} is not public"
    assert isinstance(error, BUILTINS), f"{name}: {type(error)} no builtin"
    message = str(error)
    assert message.strip(), f"{name}: {type(error).__name__} without message"
    assert len(message) <= MESSAGE_CHARS, f"{name}: {message[:200]}..."


# -- the contract ----------------------------------------------------------------


def test_every_class_with_methods_has_a_sample() -> None:
    """Each method below is called on a real instance, found in the data."""
    owners = {t.owner for t in TARGETS.values() if t.owner is not None}

    assert [] == sorted(c.__name__ for c in owners if c not in SAMPLES)


@pytest.mark.parametrize("name", sorted(TARGETS))
@settings(
    max_examples=EXAMPLES,
    # Loading and saving a whole corpus is slow on every example that
    # reaches that far; the budget of the file as a whole is what matters.
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
def test_only_documented_errors(
    name: str, files: Path, data: st.DataObject
) -> None:
    """Any arguments of any type give a result or a documented error."""
    target = TARGETS[name]
    function: Callable[..., object]
    if target.owner is None:
        assert callable(target.function)
        function = target.function
    else:
        instance = data.draw(st.sampled_from(SAMPLES[target.owner]))
        function = getattr(instance, str(target.function))
    args, kwargs = data.draw(calls(function, valid_arguments(function, data)))
    where = inside_a_copy(files) if takes_paths(function) else nullcontext()

    with where, warnings.catch_warnings():
        # A deprecation warns, and is not an error.
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            NoRepr.hostile = True
            result = function(*args, **kwargs)
            if isinstance(result, Iterator):
                list(result)
        except Exception as e:  # noqa: BLE001 -- every error is checked
            NoRepr.hostile = False
            check_error(name, e)
        finally:
            NoRepr.hostile = False


def test_the_property_sees_every_kind_of_callable() -> None:
    """Functions, constructors, class methods and methods are all driven."""
    names = set(TARGETS)

    assert {
        "load_corpus",
        "save_corpus",
        "Corpus",
        "Collection",
        "Calendar",
        "EventKind",
        "Quantity",
        "HistoricalDate.from_edtf",
        "HistoricalDate.overlaps",
        "Collection.filter",
        "Corpus.timeline",
        "Evidence.matches",
        "InvalidTypeError",
        "CorpusFileError",
    } <= names


# -- the breaches the contract once had --------------------------------------


def corpus_fields(**changes: object) -> dict[str, object]:
    """Return the fields of the bundled corpus, with some changed."""
    corpus = ss.corpus()
    fields = {f.name: getattr(corpus, f.name) for f in attrs.fields(ss.Corpus)}
    return {
        name: fields[name] for name in fields if not name.startswith("_")
    } | changes


class TestWrongTypes:
    """A wrong type is one error, an InvalidTypeError, wherever it is given."""

    def test_hedge_of_a_quantity(self) -> None:
        """Quantity(hedge=3) names the field and quotes the value."""
        with pytest.raises(
            ss.InvalidTypeError,
            match=r"^Quantity\.hedge must be a str, got 3 \(int\)$",
        ):
            ss.Quantity(
                text="as many as 29 million",
                kind="at most",
                unit="person",
                value=29_000_000,
                high=29_000_000,
                hedge=3,  # type: ignore[arg-type]
            )

    @pytest.mark.parametrize(
        ("record", "changes", "field"),
        [
            ("evidence", {"prefix": 3}, "Evidence.prefix"),
            ("person", {"named": 1}, "Person.named"),
            ("statistic", {"quantity": "29 million"}, "Statistic.quantity"),
            ("article", {"published": "2006-02-18"}, "Article.published"),
            ("article", {"language": None}, "Article.language"),
            ("article", {"sha256": 0}, "Article.sha256"),
        ],
    )
    def test_fields_once_checked_by_attrs(
        self, record: str, changes: dict[str, object], field: str
    ) -> None:
        """Fields attrs' instance_of checked raise the package's error."""
        records = {
            "evidence": ss.events[0].evidence[0],
            "person": ss.people[0],
            "statistic": ss.statistics[0],
            "article": ss.article,
        }

        with pytest.raises(ss.InvalidTypeError, match=re_field(field)) as e:
            attrs.evolve(records[record], **changes)

        assert isinstance(e.value, TypeError)

    def test_same_error_in_records_and_dates(self) -> None:
        """A record's field and a date's field refuse a type alike."""
        date = ss.events.get("secret-speech").date  # type: ignore[union-attr]

        with pytest.raises(ss.InvalidTypeError) as in_date:
            attrs.evolve(date, text=1956)
        with pytest.raises(ss.InvalidTypeError) as in_event:
            attrs.evolve(ss.events[0], name=1956)

        assert type(in_date.value) is type(in_event.value)
        assert str(in_date.value).startswith("HistoricalDate.text must be")
        assert str(in_event.value).startswith("Event.name must be")

    def test_one_type_error_for_constructors_and_queries(self) -> None:
        """A wrong type is an InvalidTypeError wherever it is given."""
        date = ss.HistoricalDate.coerce(1956)

        with pytest.raises(ss.InvalidTypeError) as made:
            ss.HistoricalDate.from_edtf(1956, text="1956")  # type: ignore[arg-type]
        with pytest.raises(ss.InvalidTypeError) as asked:
            date.overlaps(1956)  # type: ignore[arg-type]

        assert str(made.value).startswith("HistoricalDate.from_edtf() takes")
        assert str(asked.value).startswith("HistoricalDate.overlaps()")

    def test_a_bare_string_is_not_a_list(self) -> None:
        """A str where a list of ids goes says how to write it."""
        with pytest.raises(
            ss.InvalidTypeError,
            match=r"Event\.places .* the string 'hungary'; put it in a list",
        ):
            attrs.evolve(ss.events[0], places="hungary")

    def test_corpus_article(self) -> None:
        """Corpus(article="x") is a type error, not an AttributeError."""
        with pytest.raises(ss.InvalidTypeError, match="article"):
            ss.Corpus(**corpus_fields(article="x"))  # type: ignore[arg-type]

    def test_corpus_data_version(self) -> None:
        """A data version that is not a str is a type error too."""
        with pytest.raises(ss.InvalidTypeError, match="data_version"):
            ss.Corpus(**corpus_fields(data_version=2026))  # type: ignore[arg-type]
        with pytest.raises(ss.InvalidCorpusError, match="data_version"):
            ss.Corpus(**corpus_fields(data_version=" "))  # type: ignore[arg-type]

    def test_dates_that_are_not_dates(self) -> None:
        """also_dated holds HistoricalDate, not the EDTF strings of them."""
        with pytest.raises(
            ss.InvalidTypeError, match=r"^Event\.also_dated must hold"
        ):
            attrs.evolve(ss.events[0], also_dated=["1956"])

    @pytest.mark.parametrize("index", [1.5, "1", None])
    def test_indexing_a_collection(self, index: object) -> None:
        """A collection is indexed by an int or a slice; else a TypeError."""
        with pytest.raises(ss.InvalidTypeError):
            ss.people[index]  # type: ignore[index]
        with pytest.raises(IndexError) as info:
            ss.people[10_000]

        assert not isinstance(info.value, ss.SecretSpeechError)
        assert str(info.value) == (
            f"index 10000 is out of range for a collection of "
            f"{len(ss.people)} records"
        )
        assert ss.people[-1] is ss.people[len(ss.people) - 1]
        with pytest.raises(IndexError, match=r"^index -1 is out of range"):
            ss.people[:0][-1]


def re_field(field: str) -> str:
    """Match a message that starts with *field*."""
    return "^" + field.replace(".", r"\.") + " "


class TestVocabularies:
    """Calendar, Precision and Order read and refuse like the kinds."""

    @pytest.mark.parametrize(
        "vocabulary", [ss.Calendar, ss.Precision, ss.Order]
    )
    def test_forgiving(self, vocabulary: type[enum.Enum]) -> None:
        """Values and names are read in any case, with - or _ for spaces."""
        for member in vocabulary:
            for spelling in (
                member.value,
                member.value.title(),
                member.name,
                f" {member.name.lower()} ",
            ):
                assert vocabulary(spelling) is member

    def test_calendar(self) -> None:
        """Calendar("Julian") is the Julian calendar."""
        assert ss.Calendar("Julian") is ss.Calendar.JULIAN

    def test_refusal_lists_the_choices(self) -> None:
        """A spelling that is none of them is a ValueError with the list."""
        with pytest.raises(ss.InvalidValueError) as caught:
            ss.Calendar("Mayan")

        assert str(caught.value) == (
            "'Mayan' is not a Calendar; choose from 'gregorian', 'julian'"
        )

    @pytest.mark.parametrize(
        "value",
        [3, None, b"julian", 10**5000],
        ids=["int", "None", "bytes", "huge int"],
    )
    def test_not_a_str(self, value: object) -> None:
        """Anything but a str or a member is a TypeError, even a huge int."""
        with pytest.raises(ss.InvalidTypeError, match=r"^Order takes"):
            ss.Order(value)

    def test_kinds_still_read_spellings(self) -> None:
        """The kinds are unchanged: "power-struggle" is a spelling."""
        assert ss.EventKind("power-struggle") is ss.EventKind.POWER_STRUGGLE


def transfer(direction: str, records: str | Path, folder: Path) -> None:
    """Load a corpus from *records*, or save one to it, with a text beside."""
    if direction == "load":
        ss.load_corpus(records, folder / "a.txt")
    else:
        ss.save_corpus(ss.corpus(), records, folder / "a.txt")


class TestFiles:
    """The operating system's refusals are CorpusFileError, both ways."""

    def test_load_a_missing_file(self, tmp_path: Path) -> None:
        """A missing file to read is an OSError with its errno and name."""
        missing = tmp_path / "c.json"

        with pytest.raises(ss.CorpusFileError) as caught:
            ss.load_corpus(missing, tmp_path / "a.txt")

        error = caught.value
        assert isinstance(error, OSError)
        assert isinstance(error, ss.SecretSpeechError)
        assert (error.errno, error.filename) == (errno.ENOENT, str(missing))
        assert isinstance(error.__cause__, FileNotFoundError)
        assert str(error) == f"{missing}: No such file or directory"

    def test_save_into_a_missing_folder(self, tmp_path: Path) -> None:
        """A file that cannot be written is the same error, the same way."""
        missing = tmp_path / "no-such-folder" / "c.json"

        with pytest.raises(ss.CorpusFileError) as caught:
            ss.save_corpus(ss.corpus(), missing, tmp_path / "a.txt")

        error = caught.value
        assert (error.errno, error.filename) == (errno.ENOENT, str(missing))
        assert isinstance(error.__cause__, FileNotFoundError)
        assert str(error) == f"{missing}: No such file or directory"
        assert not (tmp_path / "a.txt").exists()

    @pytest.mark.parametrize("direction", ["load", "save"])
    def test_a_folder_is_not_a_file(
        self, tmp_path: Path, direction: str
    ) -> None:
        """Reading or writing a folder gives the same error and errno."""
        folder = tmp_path / "folder"
        folder.mkdir()

        with pytest.raises(ss.CorpusFileError) as caught:
            transfer(direction, folder, tmp_path)

        assert caught.value.errno == errno.EISDIR
        assert caught.value.filename == str(folder)

    @pytest.mark.parametrize("direction", ["load", "save"])
    def test_a_path_no_system_takes(
        self, tmp_path: Path, direction: str
    ) -> None:
        """A NUL in a path is a ValueError naming the argument, both ways."""
        path = str(tmp_path / "c\x00.json")

        with pytest.raises(ss.InvalidValueError, match="records="):
            transfer(direction, path, tmp_path)

    @pytest.mark.parametrize("direction", ["load", "save"])
    def test_an_empty_path(
        self,
        tmp_path: Path,
        direction: str,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """An empty path names no file: not the current folder, both ways."""
        monkeypatch.chdir(tmp_path)

        with pytest.raises(ss.InvalidValueError) as caught:
            transfer(direction, "", tmp_path)

        assert str(caught.value) == (
            f"{direction}_corpus(): records='' is not a path the operating "
            "system can open: an empty path names no file"
        )
        assert list(tmp_path.iterdir()) == []

    @pytest.mark.parametrize(
        ("name", "write"),
        [
            ("folder", lambda: formats.to_csv(ss.corpus(), "")),
            ("path", lambda: formats.to_graphml(ss.corpus(), "")),
        ],
        ids=["to_csv", "to_graphml"],
    )
    def test_an_empty_path_to_export_to(
        self,
        tmp_path: Path,
        name: str,
        write: Callable[[], object],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """An export to an empty path writes nothing into the current folder."""
        monkeypatch.chdir(tmp_path)

        with pytest.raises(ss.InvalidValueError, match=f"{name}='' is not"):
            write()

        assert list(tmp_path.iterdir()) == []

    @pytest.mark.parametrize("direction", ["load", "save"])
    def test_a_path_that_gives_bytes(
        self, tmp_path: Path, direction: str
    ) -> None:
        """An os.PathLike whose path is bytes is a TypeError, both ways."""
        with pytest.raises(ss.InvalidTypeError, match="path for records"):
            transfer(direction, BytesPath(), tmp_path)  # type: ignore[arg-type]

    def test_a_loop_of_links(self, tmp_path: Path) -> None:
        """Writing into a loop of symbolic links is the system's error."""
        loop = tmp_path / "loop"
        loop.symlink_to(loop)

        with pytest.raises(ss.CorpusFileError) as caught:
            ss.save_corpus(ss.corpus(), loop, tmp_path / "a.txt")

        assert caught.value.errno == errno.ELOOP

    def test_an_error_without_errno(self) -> None:
        """An OSError with no errno still becomes one, with its words."""
        error = file_error("c.json", OSError("the disk is on fire"))

        assert error.errno is None
        assert str(error) == "c.json: the disk is on fire"

    def test_text_that_utf8_cannot_write(self, tmp_path: Path) -> None:
        """
        A text with a lone surrogate is refused before a file is made.

        Our fields refuse one; a field of the user's own, with no validator,
        may still hold it.
        """

        @attrs.frozen(kw_only=True)
        class Remarked(ss.Person):
            remark: str = ""

        first = ss.people[0]
        odd = Remarked(
            **attrs.asdict(first, recurse=False), remark="A lone \ud800."
        )
        people = [odd if p.id == first.id else p for p in ss.people]
        corpus = attrs.evolve(ss.corpus(), people=people)

        with pytest.raises(ss.InvalidValueError, match="UTF-8"):
            ss.save_corpus(corpus, tmp_path / "c.json", tmp_path / "a.txt")

        assert list(tmp_path.iterdir()) == []

    def test_pickles(self, tmp_path: Path) -> None:
        """The error survives pickling, errno and file name included."""
        with pytest.raises(ss.CorpusFileError) as caught:
            ss.load_corpus(tmp_path / "c.json", tmp_path / "a.txt")

        again = pickle.loads(pickle.dumps(caught.value))  # noqa: S301

        assert type(again) is ss.CorpusFileError
        assert (again.errno, again.filename) == (
            caught.value.errno,
            caught.value.filename,
        )
        assert str(again) == str(caught.value)


class TestHugeNumbers:
    """An int of 5,000 digits is refused in the package's words."""

    def test_in_a_corpus_file(self, tmp_path: Path) -> None:
        """Loading one is an InvalidCorpusError naming file and place."""
        document = bundled_document()
        document["statistics"][0]["quantity"]["value"] = "HUGE"
        records = tmp_path / "c.json"
        text = json.dumps(document, indent=1).replace('"HUGE"', "9" * 5000)
        records.write_text(text, encoding="utf-8")
        (tmp_path / "a.txt").write_bytes(bundled_text().encode("utf-8"))
        line = 1 + text[: text.index("9" * 5000)].count("\n")

        with pytest.raises(ss.InvalidCorpusError) as caught:
            ss.load_corpus(records, tmp_path / "a.txt")

        assert str(caught.value).startswith(f"{records}: line {line} column ")
        assert "a number of 5000 digits" in str(caught.value)

    def test_in_a_value(self) -> None:
        """A message quotes a huge int by its number of digits."""
        with pytest.raises(
            ss.InvalidValueError, match="<an int of 5001 digits>"
        ):
            ss.Evidence.from_offsets("The speech.", 0, 10**5000)

    def test_saving_one(self, tmp_path: Path) -> None:
        """A corpus holding one cannot be written as JSON, and says so."""
        statistic = ss.statistics[0]
        quantity = attrs.evolve(
            statistic.quantity,
            kind="vague",
            value=None,
            low=10**5000,
            high=10**5000,
            hedge=None,
        )
        statistics = [attrs.evolve(statistic, quantity=quantity)]
        corpus = ss.Corpus(
            **corpus_fields(statistics=[*statistics, *ss.statistics[1:]])
        )

        with pytest.raises(ss.InvalidValueError, match="as JSON"):
            ss.save_corpus(corpus, tmp_path / "c.json", tmp_path / "a.txt")

        assert not (tmp_path / "c.json").exists()


# -- shapes that once escaped as raw errors ------------------------------------


def nested(kind: type[list[object] | tuple[object, ...]]) -> object:
    """Return ``"x"`` inside 200,000 lists or tuples: too deep to recurse."""
    value: object = "x"
    for _ in range(200_000):
        value = kind([value])
    return value


class ArrayLike:
    """
    A value shaped like a numpy array, without numpy.

    Its ``==`` answers elementwise, so the answer's truth is ambiguous and
    raises `ValueError`; it cannot be hashed, and it iterates and sizes
    like a sequence.  Code that compares it or tests ``x in ...`` fails the
    way it would with a numpy array.
    """

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, *items: object) -> None:
        """Hold *items*, as ``numpy.array(items)`` would."""
        self.items = items

    def __eq__(self, other: object) -> ArrayLike:  # type: ignore[override]
        return ArrayLike(*(item == other for item in self.items))

    def __ne__(self, other: object) -> ArrayLike:  # type: ignore[override]
        return ArrayLike(*(item != other for item in self.items))

    def __bool__(self) -> bool:
        raise ValueError(
            "The truth value of an array with more than one element is "
            "ambiguous. Use a.any() or a.all()"
        )

    def __iter__(self) -> Iterator[object]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"array({list(self.items)!r})"


#: Each hostile shape, made by the test that uses it: a deep one takes a
#: moment to build, and held by every worker from collection on, its
#: 200,000 containers would lengthen each full pass of the collector.
SHAPES: dict[str, Callable[[], object]] = {
    "tuple nested 200,000 deep": lambda: nested(tuple),
    "list nested 200,000 deep": lambda: nested(list),
    "array of ids": lambda: ArrayLike("khrushchev", "stalin"),
    "array of one id": lambda: ArrayLike("khrushchev"),
    "bytes": lambda: b"khrushchev",
}


def argument_names(function: Callable[..., object]) -> list[str]:
    """Return the parameters and the keywords *function*'s overloads name."""
    parameters = [
        p.name
        for p in signature_of(function).parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    return parameters + [k for k in keywords(function) if k not in parameters]


def arguments(
    function: Callable[..., object],
    argument: str,
    value: object,
    valid: Mapping[str, object],
) -> tuple[list[object], dict[str, object]]:
    """
    Return a call of *function* with *value* as *argument*.

    The other arguments keep their *valid* values or defaults; one that
    has neither gets *value* too, which is as wrong as any other.
    """
    args: list[object] = []
    kwargs: dict[str, object] = {}
    for p in signature_of(function).parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.name == argument:
            given = value
        elif p.name in valid:
            given = valid[p.name]
        elif p.default is not p.empty:
            given = p.default
        else:
            given = value
        if p.kind is p.POSITIONAL_ONLY:
            args.append(given)
        else:
            kwargs[p.name] = given
    if (
        argument not in kwargs
        and argument not in signature_of(function).parameters
    ):
        kwargs[argument] = value
    return args, kwargs


def callables() -> Iterator[tuple[str, Callable[..., object]]]:
    """Yield every public callable, bound to a sample where it is a method."""
    for name, target in sorted(TARGETS.items()):
        if target.owner is None:
            assert callable(target.function)
            yield name, target.function
        else:
            for instance in SAMPLES[target.owner][:1]:
                yield name, getattr(instance, str(target.function))


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_hostile_shapes_in_every_argument(files: Path, shape: str) -> None:
    """
    A deep nest, an array or bytes in any argument is a documented error.

    Each public callable gets the shape in each of its arguments in turn,
    with the attrs samples' own values in the others; whatever it answers,
    it raises no raw `RecursionError`, `ValueError` or `TypeError`.
    """
    value = SHAPES[shape]()
    tried: list[str] = []
    for name, function in callables():
        valid: dict[str, object] = {}
        if inspect.isclass(function) and attrs.has(function):
            sample = SAMPLES[function][0]
            valid = {
                f.alias: getattr(sample, f.name)
                for f in attrs.fields(function)
                if f.init
            }
        for argument in argument_names(function):
            args, kwargs = arguments(function, argument, value, valid)
            where = (
                inside_a_copy(files)
                if takes_paths(function)
                else nullcontext()
            )
            with where, warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                try:
                    result = function(*args, **kwargs)
                    if isinstance(result, Iterator):
                        list(result)
                except Exception as e:  # noqa: BLE001 -- every error is checked
                    check_error(f"{name}({argument}=<{shape}>)", e)
            tried.append(f"{name}({argument})")

    # The queries the audit named are among those tried.
    assert {
        "Collection.filter(involving)",
        "Collection.filter(about)",
        "Collection.get(key)",
        "Corpus.timeline(start)",
        "Evidence.from_offsets(text)",
        "involving(record)",
        "refs(record)",
        "related(record)",
        "search(text)",
    } <= set(tried)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: ss.Evidence.from_offsets(None, 0, 1), ss.InvalidTypeError),  # type: ignore[arg-type]
        (lambda: ss.events[None], ss.InvalidTypeError),  # type: ignore[index]
        (lambda: ss.people.filter(involving=b"x"), ss.InvalidTypeError),
        (lambda: ss.refs(ArrayLike("stalin")), ss.InvalidTypeError),  # type: ignore[arg-type]
    ],
)
def test_the_named_breaches(
    call: Callable[[], object], error: type[Exception]
) -> None:
    """The audit's own examples each give the documented error."""
    with pytest.raises(error) as caught:
        call()

    check_error("call", caught.value)
    assert "120 (int)" not in str(caught.value)


class TestIndexing:
    """`Collection[...]`: only an index past the end is Python's own error."""

    def test_an_int_too_long_to_print(self) -> None:
        """The IndexError of a huge index quotes it without converting it."""
        with pytest.raises(IndexError) as info:
            ss.people[10**5000]

        assert not isinstance(info.value, ss.SecretSpeechError)
        assert str(info.value).startswith("index <an int of 5001 digits> is")

    @pytest.mark.parametrize(
        ("index", "error", "quoted"),
        [
            (slice("a", None), ss.InvalidTypeError, "slice('a', None, None)"),
            (slice(None, None, 0), ss.InvalidValueError, "step"),
        ],
    )
    def test_a_slice_that_slices_nothing(
        self, index: slice, error: type[Exception], quoted: str
    ) -> None:
        """A slice of wrong bounds or step is refused, quoting it."""
        with pytest.raises(error) as info:
            ss.people[index]

        check_error("Collection[...]", info.value)
        assert quoted in str(info.value)

    @pytest.mark.parametrize("index", [True, False])
    def test_a_bool_is_no_position(self, index: bool) -> None:
        """A bool is not taken for an int, as for every argument."""
        with pytest.raises(ss.InvalidTypeError) as info:
            ss.people[index]

        check_error("Collection[...]", info.value)
        assert f"got {index} (bool)" in str(info.value)
        assert ss.people[int(index)] is ss.people[1 if index else 0]


@pytest.mark.parametrize(
    "value", ["secret-speech", "article", "Khrushchev", "Stalin"]
)
def test_a_padded_name_is_quoted_briefly(value: str) -> None:
    """An id or name padded with blanks is quoted shortened, not in full."""
    with pytest.raises(ss.SecretSpeechError) as info:
        ss.events.filter(at=value + " " * 3000)

    check_error("filter(at=...)", info.value)
    assert str(info.value).startswith(f"at='{value} ")
    assert len(str(info.value)) < 400
