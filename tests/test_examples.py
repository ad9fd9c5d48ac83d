"""
The example scripts in ``examples/`` run and print what the docs show.

Each script runs as ``python examples/SCRIPT ARGS`` runs it, from an empty
directory: as ``__main__``, with its arguments in `sys.argv`, its output
and exit status captured.  It runs in this process, since starting a new
interpreter for each of some forty runs is most of their cost; the runs
the docs show (`test_docs_show_what_the_example_prints`) start a new
interpreter, as a user would.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import runpy
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import secretspeech as ss
from secretspeech import formats


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DOCS = EXAMPLES.parent / "docs"


def run(
    script: str, *args: str, cwd: Path, status: int = 0
) -> tuple[list[str], str]:
    """Run an example; return its output lines and its error output."""
    path = str(EXAMPLES / script)
    out, err = io.StringIO(), io.StringIO()
    with (
        pytest.MonkeyPatch.context() as patch,
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        patch.setattr(sys, "argv", [path, *args])
        patch.chdir(cwd)
        try:
            runpy.run_path(path, run_name="__main__")
        except SystemExit as stopped:
            code = stopped.code
        else:
            code = 0
    # As the interpreter exits: None is success, and any other value than
    # a number is printed and is failure.
    if code is not None and not isinstance(code, int):
        print(code, file=err)
        code = 1

    assert status == (code or 0), err.getvalue()
    return out.getvalue().splitlines(), err.getvalue()


def test_every_example_is_tested() -> None:
    """Each script in examples/ has a test class here."""
    scripts = sorted(p.name for p in EXAMPLES.glob("*.py"))

    assert [
        "causes_of_hungary_1956.py",
        "check_quote.py",
        "score_extractor.py",
        "statistics_table.py",
        "timeline_for_a_period.py",
        "timelinejs_page.py",
        "what_a_person_said.py",
    ] == scripts


class TestTimelineForAPeriod:
    """examples/timeline_for_a_period.py."""

    def test_one_year(self, tmp_path: Path) -> None:
        """One year gives the events that may fall in it, in order."""
        lines, _ = run("timeline_for_a_period.py", "1956", cwd=tmp_path)

        assert "8 dated events, 1956 to 1956:" == lines[0]
        assert lines[1].split()[0] == "1956-01~/1956-02-24"
        assert "“At the start of 1956”" == lines[2].strip()
        assert lines[5].startswith("  1956-02-25 ")
        assert lines[5].endswith("Khrushchev’s secret speech")
        assert lines[-4].endswith("The Hungarian revolution of 1956")
        assert "“later in 1956”" == lines[-3].strip()
        assert lines[-2].endswith("Soviet tanks roll into Hungary")
        assert "(the article gives no date; inferred)" == lines[-1].strip()
        assert max(len(line) for line in lines) <= 80

    def test_two_years(self, tmp_path: Path) -> None:
        """A start and an end give the events between them."""
        lines, _ = run(
            "timeline_for_a_period.py", "1961", "1964", cwd=tmp_path
        )

        assert "9 dated events, 1961 to 1964:" == lines[0]
        assert "“Two years later”" == lines[-3].strip()
        assert lines[-2].endswith("Khrushchev removed from power")
        assert "“In 1964”" == lines[-1].strip()

    def test_everything(self, tmp_path: Path) -> None:
        """With no years, the whole timeline, from 1917 to the crisis."""
        lines, _ = run("timeline_for_a_period.py", cwd=tmp_path)

        assert lines[0].endswith("dated events, all dates:")
        assert lines[1].split()[:2] == ["1917-10", "The"]
        assert lines[2].split()[0] == "“October"
        assert max(len(line) for line in lines) <= 80
        assert any("/1939" in line for line in lines)
        assert any(line.split()[0] == "1984~/1994~" for line in lines[1:])

    def test_bad_period(self, tmp_path: Path) -> None:
        """A period that ends before it starts is an error, exit status 1."""
        lines, err = run(
            "timeline_for_a_period.py", "1960", "1950", cwd=tmp_path, status=1
        )

        assert [] == lines
        assert "error: start=1960 begins after end=1950 ends" in err

    def test_one_event(self, tmp_path: Path) -> None:
        """A period with one event counts it in the singular."""
        lines, _ = run("timeline_for_a_period.py", "1940", cwd=tmp_path)

        assert "1 dated event, 1940 to 1940:" == lines[0]
        assert lines[1].endswith("Trotsky killed in Mexico")

    def test_nothing_in_it(self, tmp_path: Path) -> None:
        """A period without events says so, exit status 1."""
        lines, err = run(
            "timeline_for_a_period.py", "2000", cwd=tmp_path, status=1
        )

        assert [] == lines
        assert "no dated events, 2000 to 2000" in err

    def test_too_many_arguments(self, tmp_path: Path) -> None:
        """Three arguments are a usage error, exit status 2."""
        _, err = run(
            "timeline_for_a_period.py", "1", "2", "3", cwd=tmp_path, status=2
        )

        assert err.startswith("usage: timeline_for_a_period.py")


@pytest.mark.parametrize(
    "script", ["causes_of_hungary_1956.py", "statistics_table.py"]
)
def test_scripts_without_arguments_refuse_some(
    script: str, tmp_path: Path
) -> None:
    """A script that takes no arguments exits 2 when given one."""
    lines, err = run(script, "1956", cwd=tmp_path, status=2)

    assert [] == lines
    assert err.startswith(f"usage: {script}")


class TestTimelinejsPage:
    """examples/timelinejs_page.py."""

    @staticmethod
    def data(page: Path) -> dict[str, object]:
        """Return the timeline a page holds."""
        found = re.search(
            r'<script type="application/json" id="timeline-data">(.*?)'
            r"</script>",
            page.read_text("utf-8"),
            re.DOTALL,
        )
        assert found is not None
        assert "<" not in found.group(1)  # nothing ends the script early
        data: dict[str, object] = json.loads(found.group(1))
        return data

    def test_the_whole_timeline(self, tmp_path: Path) -> None:
        """The page holds the timeline's data and loads TimelineJS."""
        lines, _ = run("timelinejs_page.py", "speech.html", cwd=tmp_path)
        page = tmp_path / "speech.html"

        assert "32 slides, 1917 to 1994: speech.html" == lines[0]
        assert formats.to_timelinejs(ss.corpus()) == self.data(page)
        assert 'new TL.Timeline("timeline", data)' in page.read_text("utf-8")
        assert "cdn.knightlab.com/libs/timeline3" in page.read_text("utf-8")

    def test_a_period(self, tmp_path: Path) -> None:
        """--start and --end keep what may fall between them."""
        run(
            "timelinejs_page.py",
            *("--start", "1961", "--end", "1964", "speech.html"),
            cwd=tmp_path,
        )
        expected = formats.to_timelinejs(ss.corpus(), start=1961, end=1964)

        assert expected == self.data(tmp_path / "speech.html")

    def test_one_slide(self, tmp_path: Path) -> None:
        """A period with one slide counts it in the singular."""
        lines, _ = run(
            "timelinejs_page.py",
            *("--start", "1990", "speech.html"),
            cwd=tmp_path,
        )

        assert "1 slide, 1984 to 1994: speech.html" == lines[0]

    def test_never_replaces_a_file_without_force(self, tmp_path: Path) -> None:
        """An existing page is refused, exit status 2, unless --force."""
        (tmp_path / "speech.html").write_text("mine", encoding="utf-8")

        lines, err = run(
            "timelinejs_page.py", "speech.html", cwd=tmp_path, status=2
        )

        assert [] == lines
        assert "speech.html exists; pass --force to replace it" in err
        assert "mine" == (tmp_path / "speech.html").read_text("utf-8")
        run("timelinejs_page.py", "--force", "speech.html", cwd=tmp_path)
        assert self.data(tmp_path / "speech.html")

    def test_nothing_to_show(self, tmp_path: Path) -> None:
        """A period with nothing in it writes no page, exit status 1."""
        lines, err = run(
            "timelinejs_page.py",
            *("--start", "2000", "speech.html"),
            cwd=tmp_path,
            status=1,
        )

        assert [] == lines
        assert "error: nothing in the article falls in that period" in err
        assert [] == list(tmp_path.iterdir())

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            ((), "the following arguments are required: PATH"),
            (
                ("--start", "1960", "--end", "1950", "speech.html"),
                "to_timelinejs(): start=1960 begins after end=1950 ends",
            ),
            (("missing/speech.html",), "cannot write missing/speech.html"),
        ],
    )
    def test_usage_errors(
        self, tmp_path: Path, args: tuple[str, ...], message: str
    ) -> None:
        """Bad arguments print the usage, exit status 2."""
        lines, err = run("timelinejs_page.py", *args, cwd=tmp_path, status=2)

        assert [] == lines
        assert "usage: timelinejs_page.py" in err
        assert message in err


class TestWhatAPersonSaid:
    """examples/what_a_person_said.py."""

    def test_khrushchev(self, tmp_path: Path) -> None:
        """Every quotation of Khrushchev, with its date and context."""
        lines, _ = run("what_a_person_said.py", "Khrushchev’s", cwd=tmp_path)

        assert "Nikita Khrushchev: 5 quotations" == lines[0]
        assert (
            "“We should not […] give ammunition to the enemy [or] wash our"
            " dirty linen before their eyes.”"
        ) in lines
        assert "  (utterance; when: soon after)" in lines
        assert "  (quoted term)" in lines
        assert "“cult of personality”" in lines

    def test_stalin_speaks_to_those_at_the_top(self, tmp_path: Path) -> None:
        """Addressees are named."""
        lines, _ = run("what_a_person_said.py", "joseph-stalin", cwd=tmp_path)

        assert "Joseph Stalin: 1 quotation" == lines[0]
        assert "  (utterance; to: those at the top)" in lines
        assert lines[-3] == (
            "  > But Stalin’s paranoia also grew. “You are blind kittens."
            " What will happen"
        )

    def test_unknown_person(self, tmp_path: Path) -> None:
        """A name that matches nobody is an error, exit status 1."""
        lines, err = run(
            "what_a_person_said.py", "Gorbachev", cwd=tmp_path, status=1
        )

        assert [] == lines
        assert "error: no person has the id, name or alias 'Gorbachev'" in err

    def test_no_name(self, tmp_path: Path) -> None:
        """Without a name the script prints its usage, exit status 2."""
        _, err = run("what_a_person_said.py", cwd=tmp_path, status=2)

        assert "usage: what_a_person_said.py NAME" in err


class TestCheckQuote:
    """examples/check_quote.py."""

    def test_exact(self, tmp_path: Path) -> None:
        """An exact quotation, with its speaker and the words printed."""
        lines, _ = run(
            "check_quote.py", "You are blind kittens.", cwd=tmp_path
        )

        assert [
            "“You are blind kittens.”",
            "",
            "1. exact, score 1.00: blind-kittens (utterance, Joseph Stalin)",
            "   > You are blind kittens",
        ] == lines

    def test_close_with_its_differences(self, tmp_path: Path) -> None:
        """The words are the arguments joined; differences are listed."""
        lines, _ = run(
            "check_quote.py",
            *("We", "should", "not", "wash", "our", "dirty", "linen"),
            *("in", "public"),
            cwd=tmp_path,
        )

        assert "“We should not wash our dirty linen in public”" == lines[0]
        assert lines[2].startswith("1. close, score 0.67: dirty-linen ")
        assert "   - left out: “give ammunition to the enemy”" in lines
        assert "   - added: “in public”" == lines[-1]
        assert max(len(line) for line in lines) <= 80

    def test_every_verdict_ranked(self, tmp_path: Path) -> None:
        """A term quoted and also the author's word: both, best first."""
        lines, _ = run("check_quote.py", "thaw", cwd=tmp_path)

        assert (
            "1. exact, score 1.00: thaw-term (quoted term, one novelist)"
            in lines
        )
        assert "2. not a quotation, score 1.00: the author’s words" in lines

    def test_a_substitution(self, tmp_path: Path) -> None:
        """A word given for another."""
        lines, _ = run("check_quote.py", "You are blind puppies", cwd=tmp_path)

        assert "   - “puppies” for “kittens”" == lines[-1]

    def test_not_in_the_article(self, tmp_path: Path) -> None:
        """A fabrication has one match and no words printed."""
        lines, _ = run(
            "check_quote.py", "We will bury you", cwd=tmp_path, status=1
        )

        assert [
            "“We will bury you”",
            "",
            "1. not in the article, score 0.00",
        ] == lines

    def test_no_words(self, tmp_path: Path) -> None:
        """A text without words is an error, exit status 1."""
        lines, err = run("check_quote.py", "?!", cwd=tmp_path, status=1)

        assert [] == lines
        assert "error: check_quote() takes words to check" in err

    def test_no_text(self, tmp_path: Path) -> None:
        """Without words the script prints its usage, exit status 2."""
        _, err = run("check_quote.py", cwd=tmp_path, status=2)

        assert "usage: check_quote.py TEXT..." in err


class TestScoreExtractor:
    """examples/score_extractor.py."""

    def test_utterances(self, tmp_path: Path) -> None:
        """A row per part: counts, then exact and overlap ratios."""
        lines, _ = run("score_extractor.py", cwd=tmp_path)

        assert "12 predictions, scored against the utterances" == lines[0]
        assert lines[2].split() == [
            "part", "predicted", "gold", "exact", "P", "exact", "R",
            "overlap", "P", "overlap", "R",
        ]  # fmt: skip
        assert lines[3].split() == [
            "speaker", "5", "6", "1.00", "0.83", "1.00", "0.83",
        ]  # fmt: skip
        assert lines[4].split() == [
            "cue", "5", "6", "0.60", "0.50", "1.00", "0.83",
        ]  # fmt: skip
        assert lines[5].split() == [
            "content", "13", "8", "0.62", "1.00", "0.62", "1.00",
        ]  # fmt: skip
        assert 6 == len(lines)

    def test_all_kinds(self, tmp_path: Path) -> None:
        """With --all, the quoted terms are gold data too."""
        lines, _ = run("score_extractor.py", "--all", cwd=tmp_path)

        assert lines[0].endswith("the utterances and quoted terms")
        assert lines[5].split() == [
            "content", "13", "13", "1.00", "1.00", "1.00", "1.00",
        ]  # fmt: skip

    def test_bad_argument(self, tmp_path: Path) -> None:
        """Anything but --all prints the usage, exit status 2."""
        _, err = run("score_extractor.py", "--some", cwd=tmp_path, status=2)

        assert "usage: score_extractor.py [--all]" in err


class TestStatisticsTable:
    """examples/statistics_table.py."""

    def test_table(self, tmp_path: Path) -> None:
        """A header, a rule and one row per statistic, hedges kept."""
        lines, _ = run("statistics_table.py", cwd=tmp_path)

        assert lines[0].split() == [
            "as", "written", "kind", "hedge", "value", "low", "high",
            "counting", "when",
        ]  # fmt: skip
        assert set(lines[1]) == {"-", " "}
        assert 2 + 10 == len(lines)
        assert lines[5].split() == [
            "as", "many", "as", "29", "million", "at", "most", "as", "many",
            "as", "29,000,000", "-", "29,000,000", "deaths", "-",
        ]  # fmt: skip
        assert lines[7].startswith("perhaps two million    approximate")
        assert lines[-1].split()[-6:] == [
            "-", "20,000", "99,999", "death", "warrants", "-",
        ]  # fmt: skip


class TestCausesOfHungary1956:
    """examples/causes_of_hungary_1956.py."""

    def test_tree(self, tmp_path: Path) -> None:
        """The causal chain back from the revolution, then other links."""
        lines, _ = run("causes_of_hungary_1956.py", cwd=tmp_path)

        assert lines[:5] == [
            "The Hungarian revolution of 1956 (later in 1956)",
            (
                "└── Khrushchev’s secret speech (Just after midnight, as"
                " 25 February began)"
            ),
            "    which contributes to it",
            "    └── The struggle for power (undated)",
            "        which contributes to it",
        ]
        assert "Other links the article makes:" in lines
        index = lines.index("  Demonstrations for reform in Poland")
        assert (
            "    precedes The Hungarian revolution of 1956"
            == (lines[index + 1])
        )
        assert max(len(line) for line in lines) <= 80


def shown_runs() -> list[tuple[str, list[str], list[str]]]:
    """
    Return every run of an example that the docs show in a console block.

    Each is (page, arguments after ``python``, the output shown).
    """
    runs = []
    fence = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
    for page in sorted(DOCS.rglob("*.md")):
        for block in fence.findall(page.read_text("utf-8")):
            command, shown = None, []
            for line in [*block.splitlines(), "$ "]:
                if line.startswith("$ "):
                    if command and command[0].startswith("examples/"):
                        name = page.relative_to(DOCS).as_posix()
                        runs.append((name, command, shown))
                    words = shlex.split(line[2:])
                    command = words[1:] if words[:1] == ["python"] else None
                    shown = []
                else:
                    shown.append(line)
    return runs


SHOWN = shown_runs()


def test_docs_show_runs_of_every_example() -> None:
    """Every script appears, run, on some page of the docs."""
    shown = {command[0] for _, command, _ in SHOWN}

    assert {f"examples/{p.name}" for p in EXAMPLES.glob("*.py")} == shown


@pytest.mark.parametrize(
    ("page", "command", "output"),
    SHOWN,
    ids=[f"{page}:{' '.join(command)}" for page, command, _ in SHOWN],
)
def test_docs_show_what_the_example_prints(
    page: str, command: list[str], output: list[str]
) -> None:
    """The output a page shows for a run is what the script prints."""
    done = subprocess.run(
        [sys.executable, *command],
        cwd=EXAMPLES.parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )

    assert [line.rstrip() for line in output] == [
        line.rstrip() for line in done.stdout.splitlines()
    ], page


@pytest.mark.parametrize(
    "script", sorted(p.name for p in EXAMPLES.glob("*.py"))
)
def test_docs_include_the_script(script: str) -> None:
    """The example scripts page includes every script by a snippet."""
    page = DOCS / "reference" / "examples.md"

    assert f'--8<-- "examples/{script}"' in page.read_text("utf-8")
