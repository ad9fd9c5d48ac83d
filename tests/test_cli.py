"""The command line prints the summary, a record and a timeline."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import secretspeech as ss
from secretspeech._cli import main


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
        argv = ["timeline", "--start", "1947", "--end", "1950", "--strict"]
        assert main(argv) == 0
        inside = capsys.readouterr().out

        assert "The famine of 1946-7" in overlapping
        assert "The famine of 1946-7" not in inside

    def test_strict_without_period(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``--strict`` alone exits 1 and says a period is needed."""
        assert main(["timeline", "--strict"]) == 1

        assert "start=" in capsys.readouterr().err

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


class TestOddYears:
    """What is not a year is refused as a period, never a traceback."""

    @pytest.mark.parametrize("start", ["²", "9" * 5000, "١٩٥٦"])
    def test_refused(
        self, start: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A superscript, a 5,000-digit number or Arabic digits: exit 1."""
        assert main(["timeline", "--start", start]) == 1
        assert "start=" in capsys.readouterr().err
