"""
The command-line reference documents the command line as the code defines it.

``docs/reference/cli.md`` has one section per command, headed
``## `secretspeech` `` or ``## `secretspeech NAME` ``, whose definition list
names each argument as argparse spells it (``--start START``, ``-h``,
``key``).  These tests take the parser that `secretspeech._cli.main`
builds and check, both ways, that

- every subcommand has a section, and every section is a command, in the
  order of the help;
- every option string and positional argument of a command is a term of its
  section, and every term is one of them;
- every ``--option`` anywhere on the page exists;

and they run every ``$ secretspeech …`` example of the page's console
blocks, checking its output as doctest does (``...`` elides, whitespace
runs compare equal) and ``$ echo $?`` against the exit status; and the
same for the command-line examples of every other page of the docs.
"""

from __future__ import annotations

import argparse
import doctest
import re
import shlex
import tempfile
from pathlib import Path
from typing import NoReturn

import pytest

from secretspeech import _cli


PAGE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "cli.md"
PROGRAM = "secretspeech"

_SECTION = re.compile(r"^## `(?P<command>secretspeech(?: [a-z][a-z-]*)?)`$")
_CODE_SPAN = re.compile(r"`([^`]+)`")
_LONG_OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")
_FENCE = re.compile(r"^(`{3,})\s*(\S*)")


class _Parsed(Exception):  # noqa: N818 -- a signal, not an error
    """Carries the parser out of `main` before it parses anything."""

    def __init__(self, parser: argparse.ArgumentParser) -> None:
        super().__init__()
        self.parser = parser


def cli_parser() -> argparse.ArgumentParser:
    """
    Return the argument parser of the command line, without running it.

    `secretspeech._cli.main` builds its parser and parses at once, so
    parsing is stopped at its start and the parser taken from there.
    """

    def stop(
        self: argparse.ArgumentParser, *_: object, **__: object
    ) -> NoReturn:
        raise _Parsed(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(argparse.ArgumentParser, "parse_known_args", stop)
        try:
            _cli.main([])
        except _Parsed as parsed:
            return parsed.parser
    pytest.fail("secretspeech._cli.main() parsed no arguments")


def subcommands(
    parser: argparse.ArgumentParser,
) -> dict[str, argparse.ArgumentParser]:
    """Return the subcommands of *parser* by name (aliases left out)."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if sub not in found.values():
                    found[name] = sub
    return found


def commands() -> dict[str, argparse.ArgumentParser]:
    """Return every command, ``secretspeech`` itself first, by its name."""
    parser = cli_parser()
    assert PROGRAM == parser.prog
    return {
        PROGRAM: parser,
        **{
            f"{PROGRAM} {name}": sub
            for name, sub in subcommands(parser).items()
        },
    }


def spellings(parser: argparse.ArgumentParser) -> set[str]:
    """Return each argument of *parser* as its help spells it."""
    found = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue  # each subcommand has a section of its own
        if not action.option_strings:
            found.add(str(action.metavar or action.dest))
            continue
        value = ""
        if action.nargs != 0:
            value = " " + str(action.metavar or action.dest.upper())
        found |= {option + value for option in action.option_strings}
    return found


def sections(text: str) -> dict[str, list[str]]:
    """Return the lines of each command section of the page, by command."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("## "):
            heading = _SECTION.match(line)
            current = None
            if heading:
                assert heading["command"] not in found, line
                current = found[heading["command"]] = []
        elif current is not None:
            current.append(line)
    return found


def terms(lines: list[str]) -> set[str]:
    """Return the code spans of the definition-list terms in *lines*."""
    found = set()
    fenced = False
    for at, line in enumerate(lines):
        following = lines[at + 1] if at + 1 < len(lines) else ""
        if _FENCE.match(line):
            fenced = not fenced
        if not fenced and line.strip() and following.startswith(":   "):
            found |= set(_CODE_SPAN.findall(line))
    return found


def console_blocks(text: str) -> list[list[str]]:
    """Return the lines of each ```` ```console ```` block of the page."""
    blocks: list[list[str]] = []
    current: list[str] | None = None
    fenced = False
    for line in text.splitlines():
        fence = _FENCE.match(line)
        if fence:
            current = None
            fenced = not fenced
            if fenced and fence[2] == "console":
                current = []
                blocks.append(current)
        elif current is not None:
            current.append(line)
    return blocks


def examples(text: str) -> list[tuple[str, str]]:
    """Return the (command, expected output) pairs of the console blocks."""
    found: list[tuple[str, str]] = []
    for block in console_blocks(text):
        for line in block:
            if line.startswith("$ "):
                found.append((line[2:], ""))
            else:
                assert found, f"output before any command: {line!r}"
                command, output = found[-1]
                found[-1] = (command, output + line + "\n")
    return found


def runs(text: str) -> list[tuple[str, str, int]]:
    """
    Return each example to run: (command, output, exit status).

    The status is what a ``$ echo $?`` right after the command shows, or 0.
    """
    pairs = examples(text)
    found = []
    for (command, output), (after, status) in zip(
        pairs, [*pairs[1:], ("", "")][: len(pairs)], strict=True
    ):
        if command != "echo $?":
            found.append(
                (command, output, int(status) if after == "echo $?" else 0)
            )
    return found


def run(
    command: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[int, str, str]:
    """
    Run a ``secretspeech`` command line as written on the page.

    It runs in this process, by `secretspeech._cli.main`, as
    ``python -m secretspeech`` does (tests/test_cli.py runs that); returns
    the exit status, the output and the error output.
    """
    words = shlex.split(command)
    if words[:3] == ["python", "-m", PROGRAM]:
        words = words[3:]
    elif words[:1] == [PROGRAM]:
        words = words[1:]
    else:
        pytest.fail(f"not a plain {PROGRAM} command: {command!r}")
    # argparse wraps its help to the terminal's width, and colours it on
    # some versions: fix both as an 80-column terminal without colour.
    for name in ("FORCE_COLOR", "PYTHON_COLORS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    # The examples that write files write them here, in order.
    monkeypatch.chdir(WORK)
    capsys.readouterr()
    status = _cli.main(words)
    out, err = capsys.readouterr()
    return status, out, err


TEXT = PAGE.read_text("utf-8")
#: Where the examples run: a folder of their own, for the files they write.
WORK = Path(tempfile.mkdtemp(prefix="cli-reference-"))


class TestEveryArgumentIsDocumented:
    """The page and the parser name the same commands and arguments."""

    def test_a_section_per_command(self) -> None:
        """Each command has a section, and each section is a command."""
        assert list(commands()) == list(sections(TEXT))

    @pytest.mark.parametrize("command", list(commands()))
    def test_arguments_of_command(self, command: str) -> None:
        """The terms of a command's section are exactly its arguments."""
        documented = terms(sections(TEXT).get(command, []))

        assert spellings(commands()[command]) == documented

    def test_no_option_that_does_not_exist(self) -> None:
        """Every --option written anywhere on the page is a real one."""
        real = {
            option
            for parser in commands().values()
            for action in parser._actions
            for option in action.option_strings
        }

        assert set() == set(_LONG_OPTION.findall(TEXT)) - real

    def test_the_checks_see_the_page(self) -> None:
        """The helpers find what the page has, so the checks are not empty."""
        found = sections(TEXT)

        assert found
        assert all(terms(lines) for lines in found.values())
        assert runs(TEXT)


def elsewhere() -> list[tuple[str, str, str, int]]:
    """Return each command-line example of the other pages: (page, run)."""
    docs = PAGE.parent.parent
    return [
        (page.relative_to(docs).as_posix(), *example)
        for page in sorted(docs.rglob("*.md"))
        if page != PAGE
        for example in runs(page.read_text("utf-8"))
        if example[0].split()[:1] == [PROGRAM]
        or example[0].split()[:3] == ["python", "-m", PROGRAM]
    ]


def test_other_pages_have_examples() -> None:
    """The install page's check is among them, so the test sees the pages."""
    assert "install.md" in {page for page, *_ in elsewhere()}


@pytest.mark.parametrize(
    ("command", "expected", "status"),
    [pytest.param(*example, id=example[0]) for example in runs(TEXT)]
    + [
        pytest.param(*example, id=f"{page}: {example[0]}")
        for page, *example in elsewhere()
    ],
)
def test_example_output(
    command: str,
    expected: str,
    status: int,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The command prints what the page shows, and exits as it says."""
    returned, out, err = run(command, capsys, monkeypatch)
    got = out + err
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

    assert checker.check_output(expected, got, flags), (
        f"$ {command}\nexpected:\n{expected}\ngot:\n{got}"
    )
    assert status == returned, err
