"""
What the library promises about files: saves that lose nothing, bounded reads.

Each test builds its own small corpus, so none depends on the bundled data.
The saves are killed at every step they take, in forked children; the reads
are given named pipes, devices, files over their limits and names no system
takes.
"""

from __future__ import annotations

import ast
import errno
import functools
import hashlib
import itertools
import json
import os
import re
import signal
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import attrs
import pytest

import secretspeech as ss
from secretspeech import _load, formats
from secretspeech._text import brief


POSIX = pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(os, "mkfifo"),
    reason="needs fork and named pipes",
)
# Python 3.12 warns that a fork with threads may deadlock: what the lock
# test does on purpose, and what the kill sweep may meet in pytest.
FORK_WITH_THREADS = pytest.mark.filterwarnings(
    "ignore:This process .* is multi-threaded:DeprecationWarning"
)
# A temporary file save_corpus may leave behind when it is killed.
LEFTOVER = re.compile(r"\.(c\.json|a\.txt)\.[0-9a-f]{16}\.tmp")


def small_corpus(text: str = "Alice met Bob in Paris.") -> ss.Corpus:
    """Return a corpus of *text* with a person for each capitalised word."""
    article = ss.Article(
        title="A small article",
        standfirst="Made for a test.",
        author="A. Tester",
        publication="The Test",
        issue=1,
        published=ss.HistoricalDate.from_edtf(
            "2000-01-01", text="1 January 2000"
        ),
        caption="No picture.",
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    people = [
        ss.Person(
            id=m.group().lower(),
            name=m.group(),
            description=f"{m.group()}, of the test.",
            evidence=[ss.Evidence.from_offsets(text, m.start(), m.end())],
        )
        for m in re.finditer(r"\b[A-Z][a-z]+\b", text)
    ]
    return corpus_of(article, people)


def corpus_of(article: ss.Article, people: list[Any]) -> ss.Corpus:
    """Return a corpus of *article* whose only records are *people*."""
    return ss.Corpus(
        article=article,
        data_version="1",
        people=people,
        groups=(),
        places=(),
        events=(),
        quotations=(),
        statistics=(),
        relations=(),
    )


def pair(folder: Path) -> tuple[Path, Path]:
    """Return the records and text paths of the pair in *folder*."""
    return folder / "c.json", folder / "a.txt"


def contents(folder: Path) -> dict[str, bytes]:
    """Return every file in *folder* by name, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail, rather than hang, if the block takes longer than *seconds*."""

    def expire(_signal: int, _frame: object) -> NoReturn:
        raise TimeoutError(seconds)

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# -- atomic saves --------------------------------------------------------------

# The calls by which save_corpus touches files, each a place to be killed.
STEPS = (
    "open",
    "write",
    "fsync",
    "close",
    "chmod",
    "link",
    "replace",
    "unlink",
)


def save_killed_before(
    step: int, corpus: ss.Corpus, records: Path, text: Path
) -> bool:
    """
    Save *corpus* in a forked child, killed just before its *step*-th call.

    Returns:
        Whether the child was killed; `False` if it finished first.
    """
    pid = os.fork()
    if pid == 0:  # pragma: no cover -- the child, which coverage cannot see
        status = 1
        try:
            counter = itertools.count()

            def killing(real: Callable[..., Any]) -> Callable[..., Any]:
                def call(*args: Any, **kwargs: Any) -> Any:
                    if next(counter) == step:
                        os.kill(os.getpid(), signal.SIGKILL)
                    return real(*args, **kwargs)

                return call

            for name in STEPS:
                setattr(os, name, killing(getattr(os, name)))
            ss.save_corpus(corpus, records, text)
            status = 0
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert signal.SIGKILL == os.WTERMSIG(status)
        return True
    assert 0 == os.WEXITSTATUS(status), "the save failed in the child"
    return False


def outcome(folder: Path, old: ss.Corpus, new: ss.Corpus) -> str:
    """Say what the pair in *folder* loads as: old, new or refused."""
    records, text = pair(folder)
    try:
        loaded = ss.load_corpus(records, text)
    except ss.InvalidCorpusError as e:
        refusal = str(e)
    else:
        refusal = ""
    if refusal:
        # The one refusal there may be: the new text beside the old records.
        assert new.article.text.encode() == text.read_bytes()
        assert "SHA-256" in refusal
        assert refusal.startswith(f"{records}: ")
        return "refused"
    if loaded == old:
        return "old"
    assert loaded == new
    return "new"


class TestAtomicSaves:
    """A save leaves the old pair or the new one, whatever stops it."""

    @POSIX
    @FORK_WITH_THREADS
    @pytest.mark.parametrize(
        ("new_text", "between"),
        [
            ("Carol met Dan in Rome, twice.", ["refused"]),
            ("Alice met Bob in Paris.", []),
        ],
        ids=["new text", "same text"],
    )
    def test_killed_at_every_step(
        self, tmp_path: Path, new_text: str, between: list[str]
    ) -> None:
        """Killed before any call, the save leaves one pair that loads."""
        old = small_corpus()
        new = small_corpus(new_text)
        new = corpus_of(
            new.article,
            [*new.people, attrs.evolve(new.people[0], id="someone-new")],
        )
        seen = []
        for step in itertools.count():
            folder = tmp_path / str(step)
            folder.mkdir()
            ss.save_corpus(old, *pair(folder))
            killed = save_killed_before(step, new, *pair(folder))
            seen.append(outcome(folder, old, new))
            leftovers = set(contents(folder)) - {"c.json", "a.txt"}
            assert all(LEFTOVER.fullmatch(name) for name in leftovers)
            if not killed:
                assert not leftovers
                break
        # Old until the text is replaced, new once the records are; only
        # between the two are they a pair that load_corpus refuses.
        runs = [key for key, _ in itertools.groupby(seen)]
        assert ["old", *between, "new"] == runs
        assert len(seen) > 10

    @POSIX
    def test_flushed_to_the_disk_before_it_replaces(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Each file is synced before it replaces, the text before records."""
        records, text = pair(tmp_path)
        ss.save_corpus(small_corpus(), records, text)
        log: list[tuple[str, object]] = []
        fsync, replace = os.fsync, os.replace

        def logged_fsync(fd: int) -> None:
            status = os.fstat(fd)
            folder = stat.S_ISDIR(status.st_mode)
            log.append(("fsync", "folder" if folder else status.st_ino))
            fsync(fd)

        def logged_replace(source: Any, target: Any) -> None:
            log.append(("replace", Path(source).stat().st_ino))
            replace(source, target)

        monkeypatch.setattr(os, "fsync", logged_fsync)
        monkeypatch.setattr(os, "replace", logged_replace)

        ss.save_corpus(small_corpus("Carol met Dan."), records, text)

        new_text, new_records = text.stat().st_ino, records.stat().st_ino
        assert [
            ("fsync", new_text),
            ("fsync", new_records),
            ("replace", new_text),
            ("fsync", "folder"),
            ("replace", new_records),
            ("fsync", "folder"),
        ] == log

    def test_the_new_text_beside_the_old_records_is_refused(
        self, tmp_path: Path
    ) -> None:
        """The records hold their text's SHA-256, so a mixed pair fails."""
        records, text = pair(tmp_path)
        ss.save_corpus(small_corpus(), records, text)
        text.write_bytes(b"Carol met Dan in Rome.")

        with pytest.raises(ss.InvalidCorpusError) as caught:
            ss.load_corpus(records, text)

        assert str(caught.value).startswith(f"{records}: article: ")
        assert "SHA-256" in str(caught.value)

    def test_a_folder_in_the_texts_place(self, tmp_path: Path) -> None:
        """A text that cannot be written leaves the old pair as it was."""
        records, text = pair(tmp_path)
        ss.save_corpus(small_corpus(), records, text)
        before = records.read_bytes()
        folder = tmp_path / "folder"
        folder.mkdir()

        with pytest.raises(ss.CorpusFileError) as caught:
            ss.save_corpus(small_corpus("Carol met Dan."), records, folder)

        assert (errno.EISDIR, str(folder)) == (
            caught.value.errno,
            caught.value.filename,
        )
        assert before == records.read_bytes()
        assert {"a.txt", "c.json", "folder"} == {
            p.name for p in tmp_path.iterdir()
        }
        assert [] == list(folder.iterdir())

    @pytest.mark.parametrize(
        ("exists", "code"),
        [(False, errno.EISDIR), (True, errno.ENOTDIR)],
        ids=["new", "a file"],
    )
    @pytest.mark.parametrize("which", ["records", "text", "graphml"])
    def test_a_name_that_ends_in_a_separator(
        self, tmp_path: Path, which: str, exists: bool, code: int
    ) -> None:
        """
        ``out/`` names a folder: refused as open() refuses it.

        pathlib reads ``out/`` as ``out``, which is no reason to write a
        file of that name where the user asked for a folder.
        """
        records, text = pair(tmp_path)
        target = {"records": records, "text": text}.get(
            which, tmp_path / "g.graphml"
        )
        if exists:
            target.write_text("mine", "utf-8")
        before = sorted(tmp_path.iterdir())
        given = f"{target}{os.sep}"
        paths = {"records": records, "text": text, which: given}
        save: Callable[[], object] = functools.partial(
            ss.save_corpus, small_corpus(), paths["records"], paths["text"]
        )
        if which == "graphml":
            save = functools.partial(
                formats.to_graphml, ss.corpus(), given, overwrite=True
            )

        with pytest.raises(ss.CorpusFileError) as caught:
            save()

        assert (caught.value.errno, caught.value.filename) == (code, given)
        assert sorted(tmp_path.iterdir()) == before

    @pytest.mark.parametrize("failing", ["a.txt", "c.json"])
    def test_a_full_disk(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
    ) -> None:
        """A write that fails names the file and leaves no temporary file."""
        records, text = pair(tmp_path)
        ss.save_corpus(small_corpus(), records, text)
        before = contents(tmp_path)
        write = os.write
        fds = {}
        real_open = os.open

        def open_(path: Any, *args: Any, **kwargs: Any) -> int:
            fd = real_open(path, *args, **kwargs)
            fds[fd] = Path(path).name
            return fd

        def full(fd: int, data: Any) -> int:
            if fds.get(fd, "").startswith(f".{failing}."):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return write(fd, data)

        monkeypatch.setattr(os, "open", open_)
        monkeypatch.setattr(os, "write", full)

        with pytest.raises(ss.CorpusFileError) as caught:
            ss.save_corpus(small_corpus("Carol met Dan."), records, text)

        assert errno.ENOSPC == caught.value.errno
        assert str(tmp_path / failing) == caught.value.filename
        assert isinstance(caught.value.__cause__, OSError)
        assert before == contents(tmp_path)

    @pytest.mark.parametrize(
        ("old_text", "links"),
        [(True, True), (False, True), (True, False)],
        ids=["text put back", "new text removed", "no hard links"],
    )
    def test_the_records_cannot_replace_the_old(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        old_text: bool,
        links: bool,
    ) -> None:
        """If the records fail after the text, the text is put back."""
        records, text = pair(tmp_path)
        ss.save_corpus(small_corpus(), records, text)
        if not old_text:
            text.unlink()
        before = contents(tmp_path)
        replace = os.replace

        def refuse(source: Any, target: Any) -> None:
            if Path(target).name == records.name:
                raise OSError(errno.EBUSY, os.strerror(errno.EBUSY))
            replace(source, target)

        def no_links(*_: object) -> None:
            raise OSError(errno.EPERM, os.strerror(errno.EPERM))

        monkeypatch.setattr(os, "replace", refuse)
        if not links:
            monkeypatch.setattr(os, "link", no_links)

        with pytest.raises(ss.CorpusFileError) as caught:
            ss.save_corpus(small_corpus("Carol met Dan."), records, text)

        assert (errno.EBUSY, str(records)) == (
            caught.value.errno,
            caught.value.filename,
        )
        if links:
            assert before == contents(tmp_path)
        else:
            # Nothing to put back: the new text is there, and the pair is
            # refused as a crash between the two replacements leaves it.
            assert {"a.txt", "c.json"} == set(contents(tmp_path))
            assert b"Carol met Dan." == text.read_bytes()
            with pytest.raises(ss.InvalidCorpusError, match="SHA-256"):
                ss.load_corpus(records, text)

    @POSIX
    def test_permissions_are_kept(self, tmp_path: Path) -> None:
        """A replaced file keeps its mode; a new one gets the umask's."""
        records, text = pair(tmp_path)
        ss.save_corpus(small_corpus(), records, text)
        umask = os.umask(0o022)
        os.umask(umask)
        assert 0o666 & ~umask == stat.S_IMODE(text.stat().st_mode)
        records.chmod(0o640)

        ss.save_corpus(small_corpus("Carol met Dan."), records, text)

        assert 0o640 == stat.S_IMODE(records.stat().st_mode)

    @POSIX
    def test_a_link_is_followed(self, tmp_path: Path) -> None:
        """The file a symbolic link points to is replaced, not the link."""
        records, text = pair(tmp_path)
        real = tmp_path / "real.json"
        real.write_bytes(b"old")
        records.symlink_to(real)

        ss.save_corpus(small_corpus(), records, text)

        assert records.is_symlink()
        assert small_corpus() == ss.load_corpus(real, text)

    @POSIX
    def test_a_hard_link_between_the_two(self, tmp_path: Path) -> None:
        """Two names of one file are refused before anything is written."""
        records, text = pair(tmp_path)
        ss.save_corpus(small_corpus(), records, text)
        records.unlink()
        records.hardlink_to(text)
        before = contents(tmp_path)

        with pytest.raises(ss.InvalidValueError, match="same file"):
            ss.save_corpus(small_corpus(), records, text)

        assert before == contents(tmp_path)

    @POSIX
    @pytest.mark.parametrize("argument", ["records", "text"])
    def test_a_named_pipe_is_not_replaced(
        self, tmp_path: Path, argument: str
    ) -> None:
        """A named pipe in a file's place is refused, not replaced."""
        records, text = pair(tmp_path)
        fifo = records if argument == "records" else text
        os.mkfifo(fifo)

        with pytest.raises(
            ss.InvalidValueError,
            match=f"{argument}=.* is not a regular file but a named pipe",
        ):
            ss.save_corpus(small_corpus(), records, text)

        assert stat.S_ISFIFO(fifo.stat().st_mode)
        assert [fifo] == list(tmp_path.iterdir())

    def test_a_file_that_may_not_be_written(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file this process may not write is not replaced either."""
        records, text = pair(tmp_path)
        ss.save_corpus(small_corpus(), records, text)
        before = contents(tmp_path)
        # os.access, not chmod: the tests may run as root, who may write.
        monkeypatch.setattr(os, "access", lambda *_, **__: False)

        with pytest.raises(ss.CorpusFileError) as caught:
            ss.save_corpus(small_corpus("Carol met Dan."), records, text)

        assert (errno.EACCES, str(records)) == (
            caught.value.errno,
            caught.value.filename,
        )
        assert before == contents(tmp_path)

    def test_a_folder_that_cannot_be_synced(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Where a folder cannot be flushed, the files are saved all same."""
        fsync = os.fsync

        def files_only(fd: int) -> None:
            if stat.S_ISDIR(os.fstat(fd).st_mode):
                raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
            fsync(fd)

        monkeypatch.setattr(os, "fsync", files_only)

        ss.save_corpus(small_corpus(), *pair(tmp_path))

        assert small_corpus() == ss.load_corpus(*pair(tmp_path))


class TestNothingLoadWouldRefuse:
    """save_corpus writes only what load_corpus reads back."""

    @pytest.mark.parametrize(
        ("limits", "problem"),
        [
            (
                {"max_records_bytes": 100},
                (
                    r"the records would be \d+ bytes, more than "
                    r"max_records_bytes=100"
                ),
            ),
            (
                {"max_text_bytes": 22},
                "the text would be 23 bytes, more than max_text_bytes=22",
            ),
        ],
    )
    def test_over_a_limit(
        self, tmp_path: Path, limits: dict[str, int], problem: str
    ) -> None:
        """A file larger than load_corpus's limit is not written."""
        with pytest.raises(ss.InvalidValueError, match=problem):
            ss.save_corpus(small_corpus(), *pair(tmp_path), **limits)

        assert [] == list(tmp_path.iterdir())

    def test_at_a_limit(self, tmp_path: Path) -> None:
        """A file of exactly the limit is written, and loads with it."""
        corpus = small_corpus()
        size = len(corpus.article.text.encode())

        ss.save_corpus(corpus, *pair(tmp_path), max_text_bytes=size)

        assert corpus == ss.load_corpus(*pair(tmp_path), max_text_bytes=size)

    def test_records_of_two_types_in_one_collection(
        self, tmp_path: Path
    ) -> None:
        """Records with fields of their own beside ours read back as none."""
        corpus = small_corpus()
        alice, bob, paris = corpus.people
        spy = Spy(**attrs.asdict(bob, recurse=False), codename="B")

        with pytest.raises(ss.InvalidValueError) as caught:
            ss.save_corpus(
                corpus_of(corpus.article, [alice, spy, paris]),
                *pair(tmp_path),
            )

        assert "load_corpus would refuse the files" in str(caught.value)
        assert "unknown field(s) 'codename'" in str(caught.value)
        assert isinstance(caught.value.__cause__, ss.InvalidCorpusError)
        assert [] == list(tmp_path.iterdir())

    def test_records_of_one_type_of_our_own(self, tmp_path: Path) -> None:
        """A collection of one record type of your own reads back as it."""
        corpus = small_corpus()
        spies = [
            Spy(**attrs.asdict(p, recurse=False), codename=p.name[0])
            for p in corpus.people
        ]
        records, text = pair(tmp_path)

        ss.save_corpus(corpus_of(corpus.article, spies), records, text)

        again = _load.parse_corpus(
            records.read_text(encoding="utf-8"),
            text.read_text(encoding="utf-8"),
            record_types={"people": Spy},
        )
        assert spies == list(again.people)

    def test_load_corpus_reads_them_back(self, tmp_path: Path) -> None:
        """load_corpus, told the record types, gives the corpus saved."""
        corpus = small_corpus()
        spies = [
            Spy(**attrs.asdict(p, recurse=False), codename=p.name[0])
            for p in corpus.people
        ]
        saved = corpus_of(corpus.article, spies)
        records, text = pair(tmp_path)
        ss.save_corpus(saved, records, text)

        again = ss.load_corpus(records, text, record_types={"people": Spy})

        assert again == saved
        assert [type(p) for p in again.people] == [Spy] * len(spies)
        with pytest.raises(ss.InvalidCorpusError, match="'codename'"):
            ss.load_corpus(records, text)

    @pytest.mark.parametrize("direction", ["load", "save"])
    @pytest.mark.parametrize(
        ("limit", "error"),
        [
            (0, ss.InvalidValueError),
            (-1, ss.InvalidValueError),
            (True, ss.InvalidTypeError),
            ("20", ss.InvalidTypeError),
            (1.5, ss.InvalidTypeError),
        ],
    )
    @pytest.mark.parametrize("name", ["max_records_bytes", "max_text_bytes"])
    def test_limits_are_checked(
        self,
        tmp_path: Path,
        direction: str,
        limit: object,
        error: type[Exception],
        name: str,
    ) -> None:
        """A limit is an int of at least 1, named if it is not."""
        function: Callable[..., object] = (
            ss.load_corpus
            if direction == "load"
            else functools.partial(ss.save_corpus, small_corpus())
        )

        with pytest.raises(error, match=f"{direction}_corpus\\(\\): {name}="):
            function(*pair(tmp_path), **{name: limit})


@attrs.frozen(kw_only=True)
class Spy(ss.Person):
    """A person with a field of our own."""

    codename: str = ""


@attrs.frozen(kw_only=True)
class Sized(ss.Person):
    """A person with a quantity of our own."""

    size: ss.Quantity | None = None


# -- bounded reads -------------------------------------------------------------


class TestBoundedReads:
    """A file is read only if it is a regular file, and only to its limit."""

    @POSIX
    @pytest.mark.parametrize("argument", ["records", "text"])
    def test_a_named_pipe(self, tmp_path: Path, argument: str) -> None:
        """A named pipe with no writer is refused at once, not waited on."""
        records, text = pair(tmp_path)
        ss.save_corpus(small_corpus(), records, text)
        fifo = records if argument == "records" else text
        fifo.unlink()
        os.mkfifo(fifo)

        with deadline(5), pytest.raises(ss.InvalidCorpusError) as caught:
            ss.load_corpus(records, text)

        assert f"{fifo}: not a regular file but a named pipe" == str(
            caught.value
        )

    @pytest.mark.skipif(
        not Path("/dev/zero").exists(), reason="needs /dev/zero"
    )
    def test_an_endless_device(self, tmp_path: Path) -> None:
        """/dev/zero, through a link too, is refused before it is read."""
        records, text = pair(tmp_path)
        ss.save_corpus(small_corpus(), records, text)
        text.unlink()
        text.symlink_to("/dev/zero")

        with deadline(5), pytest.raises(ss.InvalidCorpusError) as caught:
            ss.load_corpus(records, text)

        assert f"{text}: not a regular file but a device" == str(caught.value)

    @pytest.mark.parametrize("argument", ["records", "text"])
    def test_one_byte_over_the_limit(
        self, tmp_path: Path, argument: str
    ) -> None:
        """A file one byte over its limit is refused; at the limit, read."""
        records, text = pair(tmp_path)
        corpus = small_corpus()
        ss.save_corpus(corpus, records, text)
        path = records if argument == "records" else text
        size = path.stat().st_size
        limit = f"max_{argument}_bytes"
        at: dict[str, Any] = {limit: size}
        over: dict[str, Any] = {limit: size - 1}

        assert corpus == ss.load_corpus(records, text, **at)
        with pytest.raises(ss.InvalidCorpusError) as caught:
            ss.load_corpus(records, text, **over)

        assert (
            f"{path}: more than the limit of {size - 1} bytes; "
            f"load_corpus(..., {limit}=...) raises it"
        ) == str(caught.value)

    def test_never_read_past_the_limit(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file of 100 MB is read to its limit and no further."""
        records = tmp_path / "c.json"
        with records.open("wb") as out:
            out.truncate(100_000_000)
        read = os.read
        done = []

        def counted(fd: int, size: int) -> bytes:
            data = read(fd, size)
            done.append(len(data))
            return data

        monkeypatch.setattr(os, "read", counted)

        with pytest.raises(ss.InvalidCorpusError, match="limit of 1000 bytes"):
            ss.load_corpus(records, tmp_path / "a.txt", max_records_bytes=1000)

        assert 1001 == sum(done)

    def test_the_text_has_a_limit_too(self, tmp_path: Path) -> None:
        """A text over 20,000,000 bytes is refused unless the limit rises."""
        records, text = pair(tmp_path)
        ss.save_corpus(small_corpus(), records, text)
        text.write_bytes(b"x" * 20_000_001)

        with pytest.raises(ss.InvalidCorpusError, match="max_text_bytes="):
            ss.load_corpus(records, text)
        # Read whole, and refused for what it is: not the records' text.
        with pytest.raises(ss.InvalidCorpusError, match="SHA-256"):
            ss.load_corpus(records, text, max_text_bytes=20_000_001)

    def test_a_limit_raised_for_the_records(self, tmp_path: Path) -> None:
        """Records over 20,000,000 bytes load once the limit is raised."""
        records, text = pair(tmp_path)
        corpus = small_corpus()
        ss.save_corpus(corpus, records, text)
        with records.open("a", encoding="utf-8") as out:
            out.write(" " * 20_000_000)

        with pytest.raises(ss.InvalidCorpusError, match="max_records_bytes="):
            ss.load_corpus(records, text)
        assert corpus == ss.load_corpus(
            records, text, max_records_bytes=30_000_000
        )

    def test_a_folder(self, tmp_path: Path) -> None:
        """A folder is the operating system's error, as everywhere."""
        with pytest.raises(ss.CorpusFileError) as caught:
            ss.load_corpus(tmp_path, tmp_path / "a.txt")

        assert (errno.EISDIR, str(tmp_path)) == (
            caught.value.errno,
            caught.value.filename,
        )
        assert isinstance(caught.value.__cause__, IsADirectoryError)


class TestNoRawErrors:
    """Whatever load_corpus is given, the error is one it documents."""

    @pytest.mark.parametrize(
        ("records", "text", "argument"),
        [
            ("c\x00.json", "a.txt", "records"),
            ("c.json", "a\x00.txt", "text"),
            ("c\ud800.json", "a.txt", "records"),
            ("c.json", "a\ud800.txt", "text"),
        ],
        ids=["NUL", "NUL in the text", "surrogate", "surrogate in the text"],
    )
    def test_a_path_no_system_takes(
        self, tmp_path: Path, records: str, text: str, argument: str
    ) -> None:
        """A NUL or a lone surrogate is a ValueError naming the argument."""
        ss.save_corpus(small_corpus(), *pair(tmp_path))
        records_path = tmp_path / records
        text_path = tmp_path / text

        with pytest.raises(ss.InvalidValueError) as caught:
            ss.load_corpus(str(records_path), str(text_path))

        assert str(caught.value).startswith(f"load_corpus(): {argument}=")

    @pytest.mark.parametrize(
        "encoding",
        ["rot13", "base64", "zlib", "hex", "bz2", "bogus", "utf-8\ud800", ""],
    )
    def test_a_codec_that_is_no_text_encoding(
        self, tmp_path: Path, encoding: str
    ) -> None:
        """A codec of bytes to bytes, or of no name, is refused by name."""
        ss.save_corpus(small_corpus(), *pair(tmp_path))

        with pytest.raises(ss.InvalidValueError) as caught:
            ss.load_corpus(*pair(tmp_path), encoding=encoding)

        assert str(caught.value).startswith("load_corpus(): encoding=")

    def test_another_name_of_a_codec(self, tmp_path: Path) -> None:
        """A file not in the encoding is named with the codec's own name."""
        records, text = pair(tmp_path)
        ss.save_corpus(small_corpus(), records, text)
        text.write_bytes(b"\xff")

        with pytest.raises(ss.InvalidCorpusError) as caught:
            ss.load_corpus(records, text, encoding="UTF8")

        assert str(caught.value).startswith(f"{text}: not utf-8: ")

    def test_a_number_of_5000_digits(self, tmp_path: Path) -> None:
        """A huge integer is an InvalidCorpusError naming file and place."""
        records, text = pair(tmp_path)
        ss.save_corpus(small_corpus(), records, text)
        data = small_corpus().to_document()
        data["article"]["issue"] = "HUGE"
        records.write_text(
            json.dumps(data).replace('"HUGE"', "9" * 5000), encoding="utf-8"
        )

        with pytest.raises(ss.InvalidCorpusError) as caught:
            ss.load_corpus(records, text)

        assert str(caught.value).startswith(f"{records}: line 1 column ")
        assert "a number of 5000 digits" in str(caught.value)


# -- bounded messages ----------------------------------------------------------

HUGE = "x" * 5_000_000


def refusal(
    corpus: ss.Corpus, mutate: Callable[[dict[str, Any]], None]
) -> str:
    """Return the message refusing *corpus*'s document once *mutate*d."""
    data = corpus.to_document()
    mutate(data)
    with pytest.raises(ss.InvalidCorpusError) as caught:
        _load.parse_corpus(json.dumps(data), corpus.article.text, source="t")
    return str(caught.value)


class TestBoundedMessages:
    """A message quotes a value briefly, however large the value."""

    def test_a_huge_unknown_key(self) -> None:
        """An unknown key of 5 MB is quoted as any value is, shortened."""
        message = refusal(small_corpus(), lambda d: d.update({HUGE: 1}))

        assert f"t: unknown field(s) {brief(HUGE)}" == message

    @pytest.mark.parametrize(
        ("mutate", "start"),
        [
            (lambda d: d.update({HUGE: 1}), "t: unknown field(s) 'xxx"),
            (
                lambda d: d["people"][0].update({HUGE: 1}),
                "t: people[0] ('alice'): unknown field(s) 'xxx",
            ),
            (
                lambda d: d["people"][0].update(id=HUGE, evidence=1),
                "t: people[0] ('xxx",
            ),
            (
                lambda d: d["people"][0].update(evidence=HUGE),
                "t: people[0] ('alice'): evidence must be a list, got 'xxx",
            ),
            (lambda d: d.update(format=HUGE), "t: format must be 1, got 'x"),
            (
                lambda d: d.update(notes=[{"id": "n", "sources": HUGE}]),
                "t: notes[0] ('n'): sources must be a list, got 'xxx",
            ),
            (
                lambda d: d["people"][0].update(roles=[HUGE]),
                "t: people[0] ('alice'): 'xxx",
            ),
            (
                lambda d: d["article"]["published"].update(latest=HUGE),
                "t: article: published: latest is 'xxx",
            ),
            (
                lambda d: d["people"][0].update(evidence=[{"start": HUGE}]),
                "t: people[0] ('alice'): ",
            ),
        ],
        ids=[
            "unknown key",
            "unknown field",
            "id",
            "not a list",
            "format",
            "sources",
            "role",
            "date",
            "evidence",
        ],
    )
    def test_a_huge_value(
        self, mutate: Callable[[dict[str, Any]], None], start: str
    ) -> None:
        """A 5 MB key or value gives a message of a few hundred characters."""
        message = refusal(small_corpus(), mutate)

        assert message.startswith(start)
        assert len(message) < 1_100

    def test_a_huge_keyword_of_a_record_of_your_own(self) -> None:
        """What a record's own constructor says is bounded too."""
        corpus = small_corpus()
        data = corpus.to_document()
        data["people"][0]["size"] = {HUGE: 1}

        with pytest.raises(ss.InvalidCorpusError) as caught:
            _load.parse_corpus(
                json.dumps(data),
                corpus.article.text,
                source="t",
                record_types={"people": Sized},
            )

        message = str(caught.value)
        assert message.startswith(
            "t: people[0] ('alice'): Quantity.__init__() got an unexpected "
            "keyword argument 'xxx"
        )
        assert message.endswith("xxx...")
        assert len("t: people[0] ('alice'): ") + 1_000 == len(message)

    def test_many_unknown_fields(self) -> None:
        """A few unknown fields are named, and the others counted."""
        message = refusal(
            small_corpus(),
            lambda d: d["people"][0].update(dict.fromkeys("abcdefg", 1)),
        )

        assert message.endswith("unknown field(s) 'a', 'b', 'c' and 4 more")


# -- thread and fork safety ----------------------------------------------------


@POSIX
@FORK_WITH_THREADS
def test_a_fork_while_another_thread_loads() -> None:
    """A child forked while a thread holds the load's lock can load."""
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with _load._lock:
            held.set()
            release.wait()

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait()
    try:
        pid = os.fork()
        if (
            pid == 0
        ):  # pragma: no cover -- the child, which coverage cannot see
            # Killed by the alarm if the lock is still the parent's, held.
            signal.alarm(5)
            try:
                _load._bundled = None
                _load.load_bundled()
            finally:
                # The data may be broken meanwhile: the lock was taken.
                os._exit(0)
        _, status = os.waitpid(pid, 0)
    finally:
        release.set()
        thread.join()

    assert os.WIFEXITED(status), "the child hung on the parent's lock"


def test_a_child_gets_a_free_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hook run in a forked child replaces a held lock with a free one."""
    monkeypatch.setattr(_load, "_lock", threading.Lock())
    held = _load._lock
    with held:
        _load._forget_lock()

        assert _load._lock is not held
        assert not _load._lock.locked()


def test_no_code_runs_from_data() -> None:
    """No module of the package unpickles, evaluates or imports by name."""
    package = Path(_load.__file__ or "").parent
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = {a.name for a in node.names} | {
                    getattr(node, "module", None) or ""
                }
                assert not names & UNSAFE_MODULES, (path.name, names)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in UNSAFE_CALLS, path.name


# What could run code found in data.
UNSAFE_MODULES = {"pickle", "marshal", "shelve", "dill", "yaml"}
UNSAFE_CALLS = {"eval", "exec", "compile", "__import__"}


def bundled_document() -> str:
    """The bundled corpus as the JSON text that save_corpus writes."""
    return json.dumps(ss.corpus().to_document(), ensure_ascii=False)


class TestSilentAcceptance:
    """What used to load silently is refused, naming the record."""

    @pytest.mark.parametrize(
        ("old", "new", "message"),
        [
            (
                '"format": 1',
                '"format": 1, "format": 1',
                "duplicate key 'format'",
            ),
            (
                '"id": "nikita-khrushchev"',
                '"id": "nikita-khrushchev", "name": "Nikita"',
                "duplicate key 'name' in the record 'nikita-khrushchev'",
            ),
        ],
    )
    def test_duplicate_keys(self, old: str, new: str, message: str) -> None:
        """A key given twice is refused, not the last one kept."""
        document = bundled_document()
        assert old in document
        with pytest.raises(ss.InvalidCorpusError, match=re.escape(message)):
            _load.parse_corpus(
                document.replace(old, new, 1), ss.article.text, source="c"
            )

    def test_an_object_where_a_list_belongs(self) -> None:
        """A collection given as an object is refused, not read by keys."""
        document = ss.corpus().to_document()
        document["people"] = {p["id"]: p for p in document["people"]}
        with pytest.raises(ss.InvalidCorpusError, match="'people' must be"):
            _load.parse_corpus(document, ss.article.text, source="c")

    @pytest.mark.parametrize(
        "language", [["en"], {"en": 1}, 3, None, float("nan")]
    )
    def test_language_is_a_tag(self, language: object) -> None:
        """The article's language is a str tag, nothing else."""
        with pytest.raises(ss.InvalidTypeError, match=r"Article\.language"):
            attrs.evolve(ss.article, language=language)

    def test_article_date_relative_to_nothing(self) -> None:
        """The article's date may not count from a record that is not."""
        published = ss.HistoricalDate.from_edtf(
            "2006-02-18", text="Issue 1988", relative_to="no-such-record"
        )
        article = attrs.evolve(ss.article, published=published)
        with pytest.raises(ss.InvalidCorpusError, match="no-such-record"):
            attrs.evolve(ss.corpus(), article=article)

    def test_a_place_within_itself(self) -> None:
        """A place cannot lie within itself."""
        hungary = ss.places.get("hungary")
        assert hungary is not None
        with pytest.raises(ss.InvalidValueError, match="within itself"):
            attrs.evolve(hungary, within="hungary")

    def test_messages_name_the_evidence_item(self) -> None:
        """A span that does not match names which span of the record."""
        record = ss.events[0]
        moved = attrs.evolve(
            record.evidence[0],
            start=record.evidence[0].start + 1,
            end=record.evidence[0].end + 1,
        )
        event = attrs.evolve(record, evidence=(*record.evidence, moved))
        events = (event, *ss.events[1:])
        with pytest.raises(
            ss.InvalidCorpusError,
            match=rf"evidence\[{len(record.evidence)}\]",
        ):
            attrs.evolve(ss.corpus(), events=events)
