"""The command line prints the summary, a record and a timeline."""

from __future__ import annotations

import importlib.metadata
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import secretspeech as ss
from secretspeech import formats
from secretspeech._cli import main, summary


class TestSummary:
    """``python -m secretspeech`` prints a readable summary."""

    def test_module_runs(self) -> None:
        """The module entry point prints the article, counts and timeline."""
        out = subprocess.run(
            [sys.executable, "-m", "secretspeech"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

        assert out.startswith(
            "Khrushchev’s secret speech: a crack in the monolith\n"
        )
        assert (
            "Mike Haynes, Socialist Worker issue 1988, 18 February 2006" in out
        )
        assert f"  events      {len(ss.events):>4}" in out
        assert "Timeline (dated events, earliest first):" in out
        timeline = out[out.index("Timeline") :]
        assert (
            timeline.index("The revolution of October 1917")
            < timeline.index("Khrushchev’s secret speech")
            < timeline.index("Khrushchev removed from power")
        )

    def test_every_dated_event_listed(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The timeline in the summary lists every dated event."""
        assert main([]) == 0
        out = capsys.readouterr().out

        for event in ss.events:
            if event.date is not None:
                assert event.name in out

    @pytest.mark.parametrize(
        ("edtf", "said"),
        [
            ("2006-02-05", "5 February 2006"),
            ("2006-02", "February 2006"),
            ("2006", "2006"),
            ("2006-02~", "2006-02~"),
            ("200X", "200X"),
            ("2006-02-18/2006-02-25", "2006-02-18/2006-02-25"),
        ],
    )
    def test_the_date_is_as_precise_as_the_article(
        self, edtf: str, said: str
    ) -> None:
        """A month or a year of publication gets no made-up first day."""
        published = ss.HistoricalDate.from_edtf(edtf, text="then")
        article = attrs.evolve(ss.article, published=published)
        corpus = attrs.evolve(ss.corpus(), article=article)

        byline = summary(corpus).text.splitlines()[3]

        assert byline == f"Mike Haynes, Socialist Worker issue 1988, {said}"


class TestCommands:
    """Subcommands show records and periods."""

    def test_show(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``show`` finds a record by name and prints its sentence."""
        assert main(["show", "blind-kittens"]) == 0
        out = capsys.readouterr().out

        assert out.startswith("Quotation 'blind-kittens'\n")
        assert "  speaker:         joseph-stalin\n" in out
        assert "  speaker_mention: he\n" in out
        assert "  addressees:      those-at-the-top\n" in out
        assert "You are blind kittens." in out

    def test_show_note_sources(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``show`` prints a note's sources one to a line, each whole."""
        assert main(["show", "war-dead-estimates"]) == 0
        out = capsys.readouterr().out

        assert ".," not in out
        block = out.split("  sources:")[1].split("\n  evidence:")[0]
        lines = [line.strip() for line in block.split("\n")]
        note = ss.notes.get("war-dead-estimates")
        citations = [source.citation for source in note.sources]
        assert len(citations) == 3
        for citation in citations:
            assert any(line.startswith(citation[:20]) for line in lines)
        assert " ".join(block.split()) == " ".join(citations)

    def test_show_article(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``show article`` prints the article's metadata, not its text."""
        assert main(["show", "article"]) == 0
        out = capsys.readouterr().out

        assert out.startswith("Article 'article'\n")
        assert "  issue:        1988\n" in out
        assert "  published:    [inferred] Issue 1988 (2006-02-18): " in out
        assert "You are blind kittens" not in out

    def test_show_unknown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown record exits 1 with the error on stderr."""
        assert main(["show", "Gorbachev"]) == 1
        err = capsys.readouterr().err

        assert err.startswith("secretspeech: ")
        assert "'Gorbachev'" in err

    def test_timeline(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``timeline`` lists the events of a period in order."""
        assert main(["timeline", "--start", "1961", "--end", "1961"]) == 0
        out = capsys.readouterr().out

        assert "Khrushchev’s sharper attack on Stalin" in out
        assert "Khrushchev removed from power" not in out

    def test_timeline_strict(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``--strict`` keeps only events entirely inside the period."""
        assert main(["timeline", "--start", "1946", "--end", "1947"]) == 0
        overlapping = capsys.readouterr().out
        argv = ["timeline", "--start", "1947", "--end", "1953", "--strict"]
        assert main(argv) == 0
        inside = capsys.readouterr().out

        assert "The famine of 1946-7" in overlapping
        assert "The famine of 1946-7" not in inside

    def test_strict_without_period(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``--strict`` alone exits 1 and says a period is needed."""
        assert main(["timeline", "--strict"]) == 1

        assert capsys.readouterr().err == (
            "secretspeech: --strict needs a --start or --end period\n"
        )

    def test_bare_year_of_three_digits(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A year without four digits is still a year, as in the API."""
        assert main(["timeline", "--start", "956", "--end", "1917"]) == 0

        assert "The revolution of October 1917" in capsys.readouterr().out

    def test_ascii_terminal(self) -> None:
        """A terminal that cannot show curly quotes gets escapes."""
        done = subprocess.run(
            [sys.executable, "-m", "secretspeech", "show", "muck"],
            capture_output=True,
            check=False,
            env={**os.environ, "PYTHONIOENCODING": "ascii"},
        )

        assert done.returncode == 0, done.stderr
        assert b"\\u201cWe should not pour muck" in done.stdout

    def test_bad_period(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A period that is not a date exits 1 and says why."""
        assert main(["timeline", "--start", "soon"]) == 1

        assert "'soon'" in capsys.readouterr().err

    def test_bad_period_named_as_typed(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A period given alone is named ``period``, never ``--start``."""
        assert main(["timeline", "1956/1955"]) == 1

        err = capsys.readouterr().err
        assert err.startswith("secretspeech: period: '1956/1955' ends before")
        assert "--start" not in err

    def test_period_with_start_or_end(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A period is all of it: with --start or --end, a usage error."""
        for option in ("--start", "--end"):
            status, out, err = output(
                capsys, "timeline", "1956", option, "1950"
            )

            assert (status, out) == (2, "")
            assert err.startswith("usage: ")
            assert err.endswith(
                "secretspeech: timeline takes a period or --start and --end, "
                f"not both: 1956 with {option} 1950\n"
            )

    def test_period_in_words(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A period in the article's words is told its EDTF string."""
        assert main(["events", "--during", "1930s"]) == 1

        assert capsys.readouterr().err.startswith(
            "secretspeech: --during: '1930s' is not a date in the EDTF subset "
            "this edition reads (in EDTF: '193X'); the accepted forms are "
        )

    def test_closed_pipe(self) -> None:
        """A reader that stops early (`head`) is not an error."""
        with subprocess.Popen(
            [sys.executable, "-m", "secretspeech"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as proc:
            assert proc.stdout is not None
            assert proc.stderr is not None
            proc.stdout.read(10)
            proc.stdout.close()
            err = proc.stderr.read()

        assert b"Traceback" not in err

    @pytest.mark.skipif(
        not Path("/dev/full").exists(), reason="no /dev/full here"
    )
    @pytest.mark.parametrize("argv", [["show", "muck"], []], ids=str)
    def test_a_full_disk(self, argv: list[str]) -> None:
        """An answer that cannot be written is an error, not a traceback."""
        with Path("/dev/full").open("w") as full:
            done = subprocess.run(
                [sys.executable, "-m", "secretspeech", *argv],
                stdout=full,
                capture_output=False,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )

        assert (done.returncode, done.stderr) == (
            1,
            "secretspeech: cannot write the answer: No space left on device\n",
        )

    @pytest.mark.skipif(
        not Path("/dev/full").exists() or not Path("/proc/self/fd").is_dir(),
        reason="no /dev/full or /proc here",
    )
    def test_a_full_disk_leaves_no_file_open(
        self,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """main() in a process of yours keeps no descriptor of its own."""
        fds = list(Path("/proc/self/fd").iterdir())
        for _ in range(3):
            with Path("/dev/full").open("w") as full:
                monkeypatch.setattr(sys, "stdout", full)
                assert main(["show", "muck"]) == 1

        assert len(list(Path("/proc/self/fd").iterdir())) == len(fds)
        assert capsys.readouterr().err.count("cannot write the answer") == 3

    def test_no_standard_output(
        self,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """With standard output closed, the answer is lost: status 1."""
        monkeypatch.setattr(sys, "stdout", None)

        assert main(["show", "muck"]) == 1
        assert capsys.readouterr().err == (
            "secretspeech: cannot write the answer: standard output is "
            "closed\n"
        )


class TestOddYears:
    """What is not a year is refused as a period, never a traceback."""

    @pytest.mark.parametrize("start", ["²", "9" * 5000, "١٩٥٦"])
    def test_refused(
        self, start: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A superscript, a 5,000-digit number or Arabic digits: exit 1."""
        assert main(["timeline", "--start", start]) == 1
        assert "--start: " in capsys.readouterr().err


def output(
    capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    """Run the command line; return its status, output and errors."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


class TestEveryCommand:
    """Each command answers, in text and in JSON, within 80 columns."""

    @pytest.mark.parametrize(
        "argv",
        [
            [],
            ["summary"],
            ["show", "muck"],
            ["show", "article"],
            ["search", "kruschev"],
            ["timeline"],
            ["timeline", "1956"],
            ["quotes"],
            ["claims"],
            ["stats"],
            ["people"],
            ["events"],
            ["check", "You are blind kittens"],
        ],
        ids=" ".join,
    )
    def test_fits_and_has_json(
        self, argv: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every line fits 80 columns; --json is what as_dict gives."""
        status, text, err = output(capsys, *argv)
        json_status, data, _ = output(capsys, *argv, "--json")

        assert (status, json_status, err) == (0, 0, "")
        assert max(map(len, text.splitlines())) <= 80
        assert json.loads(data)

    def test_json_is_as_dict(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A list command's JSON is as_dict of each record, in order."""
        _, data, _ = output(capsys, "--json", "quotes", "--by", "Khrushchev")

        assert json.loads(data) == [
            ss.as_dict(q) for q in ss.quotations.filter(by="Khrushchev")
        ]

    @pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
    def test_json_on_a_narrow_terminal(
        self, encoding: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """What the output cannot encode is escaped as JSON, not Python."""
        raw = io.BytesIO()
        out = io.TextIOWrapper(raw, encoding=encoding)
        monkeypatch.setattr(sys, "stdout", out)

        assert main(["people", "--json"]) == 0
        text = raw.getvalue().decode(encoding)

        assert json.loads(text) == [ss.as_dict(p) for p in ss.people]

    def test_options_before_or_after(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--json goes before the command's name or after it, alike."""
        before = output(capsys, "--json", "show", "muck")
        after = output(capsys, "show", "muck", "--json")

        assert before == after
        assert json.loads(before[1]) == ss.as_dict(ss.quotations.get("muck"))

    def test_filters(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Options of the list commands are the API's criteria."""
        _, claims, _ = output(
            capsys, "claims", "--stance", "report", "--by", "Lenin"
        )
        _, stats, _ = output(capsys, "stats", "--counting", "deaths")
        _, events, _ = output(
            capsys, "events", "--kind", "speech", "--during", "1956"
        )

        assert claims.splitlines()[0] == (
            "testament-says-stalin-too-powerful  [report by vladimir-lenin]"
        )
        assert "war-dead" in stats
        assert "camp-prisoners-peak" not in stats
        assert [line.split()[0] for line in events.splitlines()] == [
            "secret-speech"
        ]

    @pytest.mark.parametrize(
        ("command", "option", "value"),
        [
            ("quotes", "--by", ""),
            ("quotes", "--about", " "),
            ("claims", "--stance", ""),
            ("stats", "--counting", ""),
            ("events", "--during", ""),
            ("events", "--kind", ""),
        ],
    )
    def test_an_empty_filter_is_refused(
        self,
        command: str,
        option: str,
        value: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """An empty criterion is refused as the API refuses it, not dropped."""
        status, out, err = output(capsys, command, option, value)

        assert (status, out) == (1, "")
        assert err.startswith(f"secretspeech: {option}")

    @pytest.mark.parametrize("command", ["search", "check"])
    @pytest.mark.parametrize("limit", ["0", "-2", "two"])
    def test_a_limit_is_one_or_more(
        self, command: str, limit: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--limit 0 would show nothing: a usage error, for both commands."""
        status, out, err = output(
            capsys, command, "kruschev", "--limit", limit
        )

        assert (status, out) == (2, "")
        assert err.endswith(
            "error: argument --limit: must be a whole number of one or more, "
            f"got {limit!r}\n"
        )

    def test_check_without_a_quotation(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Words that are the author's own: no id, and no trailing spaces."""
        status, out, _ = output(
            capsys, "check", "Political speeches are usually one-day wonders"
        )

        assert status == 0
        assert out.startswith("not a quotation  1.00\n")
        assert all(line == line.rstrip() for line in out.splitlines())

    def test_check_verdicts(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The checker prints the verdict, the quotation and what differs."""
        status, out, _ = output(capsys, "check", "You are blind puppies.")

        assert status == 0
        assert out.startswith("close  ")
        assert "blind-kittens (joseph-stalin)" in out
        assert "printed 'kittens', given 'puppies'" in out


class TestNothingFound:
    """An empty answer says so on standard error, and exits 1."""

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["timeline", "2000"], "no events in 2000"),
            (
                ["timeline", "--start", "2000", "--end", "2001"],
                "no events between 2000 and 2001",
            ),
            (["search", "zebra"], "no record matches 'zebra'"),
            (["quotes", "--by", "Trotsky"], "no quotations by 'Trotsky'"),
            (
                ["claims", "--about", "Mexico", "--stance", "evaluation"],
                "no claims about 'Mexico', stance 'evaluation'",
            ),
            (["events", "--during", "2000"], "no events during 2000"),
            (
                ["check", "We will bury you"],
                "'We will bury you' is not in the article",
            ),
        ],
    )
    def test_says_so(
        self,
        argv: list[str],
        message: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """No blank line: a message naming what was asked."""
        status, out, err = output(capsys, *argv)

        assert (status, out) == (1, "")
        assert err == f"secretspeech: {message}\n"

    def test_a_corpus_without_dates(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A timeline of a corpus with no dated events says so."""
        corpus = ss.corpus()
        mine = attrs.evolve(
            corpus,
            events=[
                attrs.evolve(e, date=None, also_dated=())
                for e in corpus.events
            ],
        )
        records, text = tmp_path / "c.json", tmp_path / "a.txt"
        ss.save_corpus(mine, records, text)
        status, out, err = output(
            capsys, "timeline", "--corpus", str(records), "--text", str(text)
        )

        assert (status, out) == (1, "")
        assert err == "secretspeech: no dated events\n"

    def test_json_still_prints_the_empty_answer(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With --json an empty list is printed, and the status is 1."""
        status, out, _ = output(capsys, "--json", "timeline", "2000")

        assert (status, json.loads(out)) == (1, [])


class TestUsage:
    """Usage errors exit 2 and name what exists."""

    def test_a_misspelt_command(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown command close to one is named."""
        status, _, err = output(capsys, "shwo", "muck")

        assert status == 2
        assert err.endswith(
            "secretspeech: unknown command 'shwo'; did you mean 'show'?\n"
        )

    @pytest.mark.parametrize(
        "argv",
        [
            ["--corpus", "stats.json", "--text", "show.txt", "people"],
            ["--text", "show.txt", "--corpus", "stats.json"],
        ],
        ids=str,
    )
    def test_a_file_named_like_a_command(
        self,
        argv: list[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """The value of --corpus or --text is a file, not a command."""
        monkeypatch.chdir(tmp_path)
        status, _, err = output(capsys, *argv)

        assert status == 1
        assert err == "secretspeech: stats.json: No such file or directory\n"

    def test_a_misspelt_command_after_a_corpus(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command is the first word that is no option's value."""
        status, _, err = output(
            capsys, "--corpus", "c.json", "--text", "a.txt", "shwo"
        )

        assert status == 2
        assert err.endswith(
            "secretspeech: unknown command 'shwo'; did you mean 'show'?\n"
        )

    def test_an_unknown_command(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A word like no command is argparse's error, listing them all."""
        status, _, err = output(capsys, "xyzzy")

        assert status == 2
        assert "'summary', 'show'" in err

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["check", "🐱"], "secretspeech: check takes words to check"),
            (["show", " "], "(the search command ranks records by any words)"),
        ],
    )
    def test_messages_name_commands(
        self,
        argv: list[str],
        message: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A message names the command the user typed, not the API's call."""
        status, _, err = output(capsys, *argv)

        assert status == 1
        assert message in err
        assert "()" not in err

    @pytest.mark.parametrize(
        "argv",
        [
            ["search", "Hungary", "1956"],
            ["show", "Nikita", "Khrushchev"],
            ["check", "blind", "kittens"],
            ["search", "--limit", "2", "secret", "speech"],
        ],
        ids=str,
    )
    def test_words_unquoted_are_the_words_quoted(
        self, argv: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Several words given apart answer as they do quoted as one."""
        words = [a for a in argv[1:] if not a.startswith("-") and a != "2"]
        options = [a for a in argv[1:] if a not in words]
        quoted = [argv[0], *options, " ".join(words)]

        apart = output(capsys, *argv)

        assert apart[0] == 0
        assert apart == output(capsys, *quoted)

    def test_corpus_without_text(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--corpus and --text go together."""
        status, _, err = output(capsys, "--corpus", "c.json", "people")

        assert status == 2
        assert "--corpus and --text go together" in err

    def test_help_and_version_exit_0(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--help and --version are not errors."""
        assert output(capsys, "--help")[0] == 0
        status, out, _ = output(capsys, "--version")

        assert (status, out) == (0, f"secretspeech {ss.__version__}\n")

    def test_runs_without_installed_metadata(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """From a source tree, uninstalled, it answers; --version says so."""

        def not_installed(name: str) -> str:
            raise importlib.metadata.PackageNotFoundError(name)

        monkeypatch.setattr(importlib.metadata, "version", not_installed)

        assert output(capsys, "show", "war-dead")[0] == 0
        assert output(capsys, "--version")[:2] == (
            0,
            "secretspeech (version unknown: not installed)\n",
        )

    def test_options_after_a_double_dash_stay(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """After --, --json is a word to look for, not an option."""
        status, _, err = output(capsys, "check", "--", "--json")

        assert status == 1
        assert err == "secretspeech: '--json' is not in the article\n"

    @pytest.mark.parametrize(
        ("argv", "quoted"),
        [
            (["show", "kind=war"], "'kind=war'"),
            (["show", "kind=war " * 20], "'kind=war kind=war kind=war"),
            (["quotes", "--by", "Stalin by=me"], "--by 'Stalin by=me': "),
            (["check", "We will  bury you"], "'We will  bury you' is not"),
            (["stats", "--counting", "end=game"], "counting 'end=game'"),
        ],
        ids=str,
    )
    def test_messages_quote_the_input_as_typed(
        self,
        argv: list[str],
        quoted: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """The API's keywords become options; the user's words stay."""
        status, _, err = output(capsys, *argv)

        assert status == 1
        assert quoted in err
        assert err.count("--") == quoted.count("--")

    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            (["check", "no such words " * 1000], 1),
            (["search", "zebra " * 1000], 1),
            (["stats", "--counting", "zebras " * 1000], 1),
            (["search", "x", "--limit", "0" * 1000], 2),
        ],
        ids=["check", "search", "stats", "limit"],
    )
    def test_long_input_is_quoted_briefly(
        self,
        argv: list[str],
        expected: int,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A message quotes a long input cut short, as the API does."""
        status, _, err = output(capsys, *argv)

        assert status == expected
        assert "..." in err
        assert len(err.splitlines()[-1]) < 200


class TestYourOwnCorpus:
    """--corpus and --text run every command on a user's corpus."""

    @pytest.fixture
    def files(self, tmp_path: Path) -> tuple[str, str]:
        """A user's corpus: the bundled one without its notes."""
        mine = attrs.evolve(ss.corpus(), notes=(), data_version="mine")
        records, text = tmp_path / "c.json", tmp_path / "a.txt"
        ss.save_corpus(mine, records, text)
        return str(records), str(text)

    def test_commands_read_it(
        self, files: tuple[str, str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The summary and the queries answer from the user's records."""
        records, text = files
        _, summary, _ = output(capsys, "--corpus", records, "--text", text)
        status, _, err = output(
            capsys, "quotes", "--by", "Stalin", "--corpus", records,
            "--text", text,
        )  # fmt: skip

        assert "data version mine" in summary
        assert "  notes          0" in summary
        assert (status, err) == (0, "")

    @pytest.mark.parametrize(
        ("option", "small"),
        [
            ("--max-records-bytes", "1000"),
            ("--max-text-bytes", "100"),
            ("--max-records", "10"),
        ],
    )
    def test_limits_are_options(
        self,
        option: str,
        small: str,
        files: tuple[str, str],
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A limit a file passes is refused by its option, which raises it."""
        records, text = files
        mine = ("--corpus", records, "--text", text)
        status, _, err = output(capsys, *mine, "people", option, small)
        raised = output(capsys, "people", *mine, f"{option}=1_000_000_000")

        assert status == 1
        assert f"{option} raises it" in err
        assert "load_corpus(" not in err
        assert raised[0::2] == (0, "")

    def test_limits_need_a_corpus(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A limit without --corpus would raise nothing: a usage error."""
        status, _, err = output(capsys, "people", "--max-records", "5")
        zero = output(capsys, "--max-text-bytes", "0", "people")

        assert status == 2
        assert "--max-records raises a limit of --corpus files" in err
        assert zero[0] == 2
        assert "--max-text-bytes: must be a whole number" in zero[2]

    def test_a_broken_corpus_exits_1(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A corpus that does not load is an error that names the file."""
        (tmp_path / "c.json").write_text("{}", "utf-8")
        (tmp_path / "a.txt").write_text("Text.", "utf-8")
        status, _, err = output(
            capsys, "--corpus", str(tmp_path / "c.json"),
            "--text", str(tmp_path / "a.txt"), "people",
        )  # fmt: skip

        assert status == 1
        assert "c.json" in err


class TestExport:
    """export writes each format whole, and keeps what exists."""

    @pytest.mark.parametrize(
        "kind", ["json", "jsonld", "annotations", "timelinejs"]
    )
    def test_json_formats(
        self, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A JSON format is one file, as the library makes it."""
        path = tmp_path / f"out.{kind}"
        status, out, _ = output(
            capsys, "export", "--format", kind, "--output", str(path)
        )

        assert (status, out) == (0, f"wrote {path}\n")
        assert json.loads(path.read_text("utf-8"))

    def test_json_reads_back(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The json export is as_dict of the corpus: from_dict reads it."""
        path = tmp_path / "corpus.json"
        output(capsys, "export", "--format", "json", "--output", str(path))
        data = json.loads(path.read_text("utf-8"))

        assert ss.from_dict(ss.Corpus, data) == ss.corpus()

    @pytest.mark.parametrize("kind", ["csv", "parquet"])
    def test_a_file_per_collection(
        self, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The csv and parquet formats write into a folder."""
        status, out, _ = output(
            capsys, "export", "--format", kind, "--output", str(tmp_path)
        )

        assert status == 0
        assert f"wrote {tmp_path / ('events.' + kind)}" in out.splitlines()

    def test_a_folder_that_is_not_there(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """CSV into a folder that does not exist is an error."""
        missing = tmp_path / "missing"
        status, _, err = output(
            capsys, "export", "--format", "csv", "--output", str(missing)
        )

        assert status == 1
        assert "which must exist" in err

    def test_graphml(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """GraphML is one file."""
        path = tmp_path / "g.graphml"
        status, _, _ = output(
            capsys, "export", "--format", "graphml", "--output", str(path)
        )

        assert status == 0
        assert path.read_text("utf-8").startswith("<?xml")

    def test_keeps_what_exists(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --force a file that exists is kept, with status 1."""
        path = tmp_path / "t.json"
        path.write_text("mine", "utf-8")
        argv = ["export", "--format", "timelinejs", "--output", str(path)]
        status, _, err = output(capsys, *argv)

        assert status == 1
        assert "File exists; use --force to replace it" in err
        assert path.read_text("utf-8") == "mine"
        assert output(capsys, *argv, "--force")[0] == 0
        assert path.read_text("utf-8") != "mine"
        assert [p.name for p in tmp_path.iterdir()] == ["t.json"]

    @pytest.mark.parametrize(
        "case",
        [("parquet", "pyarrow", "parquet"), ("graphml", "networkx", "graph")],
        ids=["parquet", "graphml"],
    )
    def test_a_missing_library(
        self,
        case: tuple[str, str, str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Without the extra's library: one line naming it, status 1."""
        fmt, missing, extra = case
        for name in list(sys.modules):
            if name == missing or name.startswith(f"{missing}."):
                monkeypatch.setitem(sys.modules, name, None)  # type: ignore[arg-type]
        monkeypatch.setitem(sys.modules, missing, None)  # type: ignore[arg-type]
        path = tmp_path if fmt == "parquet" else tmp_path / "g.graphml"

        status, out, err = output(
            capsys, "export", "--format", fmt, "--output", str(path)
        )

        assert (status, out) == (1, "")
        assert err.startswith("secretspeech: to_")
        assert err.endswith(f'pip install "secretspeech[{extra}]"\n')
        assert err.count("\n") == 1
        assert list(tmp_path.iterdir()) == []

    @pytest.mark.parametrize(
        ("option", "argv"),
        [
            ("--output", ["export", "--format", "csv", "--output", ""]),
            ("--output", ["export", "--format", "json", "--output", ""]),
            ("--corpus", ["--corpus", "", "--text", "a.txt"]),
            ("--text", ["--corpus", "c.json", "--text", ""]),
        ],
        ids=["csv", "json", "corpus", "text"],
    )
    def test_an_empty_path(
        self,
        option: str,
        argv: list[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """An empty path is a usage error, not the current folder."""
        monkeypatch.chdir(tmp_path)

        status, out, err = output(capsys, *argv)

        assert (status, out) == (2, "")
        assert err.endswith(
            f"error: argument {option}: an empty path names no file\n"
        )
        assert list(tmp_path.iterdir()) == []

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
    @pytest.mark.parametrize(
        ("kind", "name"),
        [("json", "x.json"), ("csv", "people.csv"), ("graphml", "x.graphml")],
    )
    def test_a_pipe_is_named_as_the_output(
        self,
        kind: str,
        name: str,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """The message names --output, as typed, not the API's arguments."""
        monkeypatch.chdir(tmp_path)
        os.mkfifo(name)
        given = "." if kind == "csv" else name

        status, _, err = output(
            capsys, "export", "--format", kind, "--output", given
        )

        assert status == 1
        assert err == (
            f"secretspeech: --output: {name!r} is not a regular file but a "
            "named pipe\n"
        )

    @pytest.mark.parametrize(
        "kind", ["json", "jsonld", "annotations", "timelinejs", "graphml"]
    )
    @pytest.mark.parametrize("as_json", [False, True], ids=["", "--json"])
    def test_standard_output(
        self,
        kind: str,
        as_json: bool,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """--output - prints the very file, and writes none named -."""
        monkeypatch.chdir(tmp_path)
        output(capsys, "export", "--format", kind, "--output", "file")
        flags = ["--json"] if as_json else []

        status, out, err = output(
            capsys, *flags, "export", "--format", kind, "--output", "-"
        )

        assert (status, err) == (0, "")
        assert out == Path("file").read_text("utf-8")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]

    def test_standard_output_as_text(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A standard output of text only (no bytes) gets the text."""
        text = io.StringIO()
        monkeypatch.setattr(sys, "stdout", text)

        assert main(["export", "--format", "timelinejs", "--output", "-"]) == 0
        assert json.loads(text.getvalue()) == formats.to_timelinejs(
            ss.corpus()
        )

    @pytest.mark.parametrize("kind", ["csv", "parquet"])
    def test_no_folder_on_standard_output(
        self,
        kind: str,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A format of many files cannot go to standard output: usage."""
        monkeypatch.chdir(tmp_path)

        status, out, err = output(
            capsys, "export", "--format", kind, "--output", "-"
        )

        assert (status, out) == (2, "")
        assert err.endswith(
            f"secretspeech: --output -, standard output, takes one file; "
            f"{kind} writes a file per collection into a folder\n"
        )
        assert list(tmp_path.iterdir()) == []

    @pytest.mark.parametrize("kind", ["json", "graphml"])
    def test_a_folder_name(
        self,
        kind: str,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """--output out/ names a folder: refused, and no file out written."""
        monkeypatch.chdir(tmp_path)
        given = f"out{os.sep}"

        status, out, err = output(
            capsys, "export", "--format", kind, "--output", given
        )

        assert (status, out) == (1, "")
        assert err == f"secretspeech: {given}: Is a directory\n"
        assert list(tmp_path.iterdir()) == []

    def test_an_unknown_format(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A format that is not one is a usage error."""
        status, _, err = output(
            capsys, "export", "--format", "xml", "--output", "x"
        )

        assert status == 2
        assert "invalid choice: 'xml'" in err
