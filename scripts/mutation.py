"""
Mutation testing: how many small mistakes in the core modules do tests catch?

Each mutant is one small mistake made in one module, of the kinds real
edits make: a comparison flipped (``<`` for ``<=``, ``==`` for ``!=``, ``in``
for ``not in``), ``and`` for ``or``, an int constant one more or one less,
an ``if`` (or conditional expression) negated, ``return x`` made ``return
None``, a ``raise`` deleted. The tests of that module run against each
mutant, one at a time, in a copy of the repository (``src/``, ``tests/``
and ``pyproject.toml`` copied to a temporary folder, so the working tree
is never touched): a mutant whose tests fail is killed, one whose tests
pass survives and shows a mistake no test would catch. A survivor that no
test *can* catch (the mutant behaves exactly as the code does) is listed
with the reason in ``scripts/mutation-equivalent.txt`` and left out of the
score. The score is killed / (mutants - equivalent).

Run from the repository, with the test dependencies installed::

    python scripts/mutation.py                          # every mutant
    python scripts/mutation.py --module _load --limit 60
    python scripts/mutation.py --list --module _dates   # the mutants only

``--limit N`` samples N mutants of each module (the same ones for the
same ``--seed``). Hypothesis runs derandomized and without shrinking (a
failure is all that counts); a mutant that makes the tests run past the
timeout (an endless loop) counts as killed. The whole campaign runs for an
hour or more; it is not part of the test suite.
"""

from __future__ import annotations

import argparse
import ast
import collections
import concurrent.futures
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "src/secretspeech"
EQUIVALENT = ROOT / "scripts" / "mutation-equivalent.txt"

#: The modules mutated, each with the tests that answer for it, in the
#: order they run (quick and telling first: pytest stops at the first
#: failure). The module's own doctests run first.
MODULES: dict[str, tuple[str, ...]] = {
    "_load": (
        "tests/test_load.py",
        "tests/test_fuzz.py",
        "tests/test_reliability.py",
        "tests/test_coverage_gaps.py",
        "tests/test_schema.py",
        "tests/test_mutation_gaps.py",
    ),
    "_dates": (
        "tests/test_dates.py",
        "tests/test_dates_edtf_oracle.py",
        "tests/test_laws.py::TestDates",
        "tests/test_mutation_gaps.py",
    ),
    "_catalog": (
        "tests/test_catalog.py",
        "tests/test_queries_reference.py",
        "tests/test_laws.py::TestQueries",
        "tests/test_mutation_gaps.py",
    ),
    "_corpus": (
        "tests/test_corpus.py",
        "tests/test_queries_reference.py",
        "tests/test_load.py",
        "tests/test_fuzz.py",
        "tests/test_coverage_gaps.py",
        "tests/test_mutation_gaps.py",
    ),
}

#: The Hypothesis profile of a run: as ``ci`` (derandomized, so a mutant
#: meets the same examples as the code), but without shrinking.
PROFILE = """\
from hypothesis import Phase, settings

settings.register_profile(
    "mutation",
    derandomize=True,
    max_examples=100,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
"""

_COMPARISONS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_SYMBOLS: dict[type[ast.AST], str] = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.And: "and",
    ast.Or: "or",
}
# A line that says so is never mutated.
_NO_MUTATE = "pragma: no mutate"


@dataclass(frozen=True)
class Mutant:
    """One small change to one module's source."""

    module: str
    line: int
    #: What was changed: "`<` -> `<=`".
    mutation: str
    #: The first line of the changed code, stripped: with *mutation* and
    #: *occurrence*, how ``mutation-equivalent.txt`` names the mutant.
    code: str
    #: Which of the mutants with the same *code* and *mutation* this is.
    occurrence: int
    start: int
    end: int
    replacement: bytes

    @property
    def key(self) -> str:
        """Return how the list of equivalent mutants names this one."""
        nth = f" #{self.occurrence}" if self.occurrence > 1 else ""
        return f"{self.module}.py | {self.code} | {self.mutation}{nth}"

    def apply(self, source: bytes) -> bytes:
        """Return *source* with this mutation made."""
        return source[: self.start] + self.replacement + source[self.end :]

    def __str__(self) -> str:
        return f"{PACKAGE}/{self.module}.py:{self.line}: {self.mutation}"


class _Finder(ast.NodeVisitor):
    """Find the places a module can be mutated, and what each becomes."""

    def __init__(self, source: bytes) -> None:
        self.source = source
        self.lines = source.split(b"\n")
        self.offsets = [0]
        for line in self.lines:
            self.offsets.append(self.offsets[-1] + len(line) + 1)
        # (node, mutation, replacement text)
        self.found: list[tuple[ast.AST, str, str]] = []

    # -- where

    def span(self, node: ast.AST) -> tuple[int, int]:
        """Return the byte offsets of a node in the source."""
        start = self.offsets[node.lineno - 1] + node.col_offset  # type: ignore[attr-defined]
        end = self.offsets[node.end_lineno - 1] + node.end_col_offset  # type: ignore[attr-defined]
        return start, end

    def text(self, node: ast.AST) -> str:
        """Return a node's source text."""
        start, end = self.span(node)
        return self.source[start:end].decode("utf-8")

    def skipped(self, node: ast.AST) -> bool:
        """Tell whether a node's first line asks not to be mutated."""
        line = self.lines[node.lineno - 1]  # type: ignore[attr-defined]
        return _NO_MUTATE.encode() in line

    def add(self, node: ast.AST, mutation: str, replacement: str) -> None:
        """Note one mutant of *node*."""
        if not self.skipped(node):
            self.found.append((node, mutation, replacement))

    # -- what is left alone

    def visit_If(self, node: ast.If) -> None:
        """Negate the condition; leave ``if TYPE_CHECKING:`` alone."""
        test = node.test
        if isinstance(test, ast.Name) and test.id == "TYPE_CHECKING":
            return
        self.add(test, "`if` condition negated", f"not ({self.text(test)})")
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        """Leave f-strings alone: what is inside them is message text."""

    def visit_Expr(self, node: ast.Expr) -> None:
        """Leave docstrings alone."""
        if isinstance(node.value, ast.Constant) and isinstance(
            node.value.value, str
        ):
            return
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        """Leave ``__all__`` alone."""
        names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        if names != ["__all__"]:
            self.generic_visit(node)

    # -- the operators

    def visit_Compare(self, node: ast.Compare) -> None:
        """Flip each comparison operator in turn."""
        for i, op in enumerate(node.ops):
            flipped = _COMPARISONS[type(op)]()
            ops = [*node.ops[:i], flipped, *node.ops[i + 1 :]]
            new = ast.Compare(node.left, ops, node.comparators)
            self.add(
                node,
                f"`{_SYMBOLS[type(op)]}` -> `{_SYMBOLS[type(flipped)]}`",
                f"({ast.unparse(new)})",
            )
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        """Swap ``and`` and ``or``."""
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        new = ast.BoolOp(other, node.values)
        self.add(
            node,
            f"`{_SYMBOLS[type(node.op)]}` -> `{_SYMBOLS[type(other)]}`",
            f"({ast.unparse(new)})",
        )
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        """Make an int one more, and one less."""
        value = node.value
        if isinstance(value, int) and not isinstance(value, bool):
            for changed in (value + 1, value - 1):
                self.add(node, f"`{value}` -> `{changed}`", str(changed))

    def visit_IfExp(self, node: ast.IfExp) -> None:
        """Negate the condition of a conditional expression."""
        test = node.test
        self.add(
            test,
            "conditional expression negated",
            f"not ({self.text(test)})",
        )
        self.generic_visit(node)

    def visit_Return(self, node: ast.Return) -> None:
        """Return None instead of a value."""
        value = node.value
        if value is not None and not (
            isinstance(value, ast.Constant) and value.value is None
        ):
            self.add(node, "`return ...` -> `return None`", "return None")
        self.generic_visit(node)

    def visit_Raise(self, node: ast.Raise) -> None:
        """Delete the statement."""
        self.add(node, "`raise` deleted", "pass")
        self.generic_visit(node)


def mutants_of(module: str, source: bytes) -> list[Mutant]:
    """Return every mutant of a module's *source*, in source order."""
    finder = _Finder(source)
    finder.visit(ast.parse(source))
    seen: collections.Counter[tuple[str, str]] = collections.Counter()
    mutants = []
    found = sorted(
        finder.found,
        key=lambda f: (f[0].lineno, f[0].col_offset),  # type: ignore[attr-defined]
    )
    for node, mutation, replacement in found:
        line = node.lineno  # type: ignore[attr-defined]
        code = finder.lines[line - 1].decode("utf-8").strip()
        seen[code, mutation] += 1
        start, end = finder.span(node)
        mutants.append(
            Mutant(
                module=module,
                line=line,
                mutation=mutation,
                code=code,
                occurrence=seen[code, mutation],
                start=start,
                end=end,
                replacement=replacement.encode("utf-8"),
            )
        )
    return mutants


def read_equivalent(path: Path) -> dict[str, str]:
    """
    Read the list of equivalent mutants: each key with its reason.

    One mutant a line, ``module.py | code | mutation | reason``: the key
    that `Mutant.key` prints (and ``--list`` shows), then why no test can
    tell the mutant from the code, with no `` | `` in it. Blank lines and
    lines starting with ``#`` are skipped.
    """
    if not path.exists():
        return {}
    found = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        # The code may hold " | " itself; the module, the mutation and the
        # reason do not.
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) < 4 or not all(parts):
            message = (
                f"{path}:{number}: expected 'module.py | code | "
                f"mutation | reason', got {line!r}"
            )
            raise SystemExit(message)
        module, *code, mutation, reason = parts
        found[" | ".join([module, *code, mutation])] = reason
    return found


# -- running ----------------------------------------------------------------


def make_copy() -> Path:
    """Copy what the tests need to a new temporary folder; return it."""
    folder = Path(tempfile.mkdtemp(prefix="secretspeech-mutation-"))
    ignore = shutil.ignore_patterns(
        "__pycache__", ".hypothesis", ".pytest_cache", "*.pyc"
    )
    for name in ("src", "tests"):
        shutil.copytree(ROOT / name, folder / name, ignore=ignore)
    shutil.copy2(ROOT / "pyproject.toml", folder / "pyproject.toml")
    (folder / "_mutation_profile.py").write_text(PROFILE, encoding="utf-8")
    return folder


def command(folder: Path, tests: Sequence[str], module: str) -> list[str]:
    """Return the pytest command: *tests* and *module*'s doctests."""
    # A test file of the list that the copy lacks is left out.
    tests = [t for t in tests if (folder / t.split("::")[0]).exists()]
    return [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "-p",
        "no:cacheprovider",
        "-p",
        "_mutation_profile",
        "--no-cov",
        f"{PACKAGE}/{module}.py",
        *tests,
    ]


def run(
    folder: Path, tests: Sequence[str], module: str, timeout: float
) -> tuple[str, float, str]:
    """
    Run *tests* in the copy *folder*; say how it went.

    Returns:
        "passed", "failed" or "timeout", the seconds it took, and the
        last lines pytest printed.
    """
    env = {
        **os.environ,
        # The copy's package, not the one the environment has installed.
        "PYTHONPATH": os.pathsep.join([str(folder / "src"), str(folder)]),
        "HYPOTHESIS_PROFILE": "mutation",
        # A mutant written in the second its module's bytecode was cached,
        # with the same size, would run the cached code.
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    began = time.monotonic()
    with subprocess.Popen(
        command(folder, tests, module),
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    ) as process:
        try:
            out, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return "timeout", time.monotonic() - began, ""
    took = time.monotonic() - began
    tail = "\n".join(out.strip().splitlines()[-3:])
    return ("passed" if process.returncode == 0 else "failed"), took, tail


@dataclass
class Outcome:
    """What became of one mutant."""

    mutant: Mutant
    #: "killed", "timeout" (killed by the clock), "survived" or
    #: "equivalent" (survived, and listed as such).
    verdict: str
    seconds: float


def campaign(
    module: str,
    mutants: Sequence[Mutant],
    equivalent: dict[str, str],
    jobs: int,
    timeout: float | None,
) -> list[Outcome]:
    """Run the tests of *module* against each of its *mutants*."""
    tests = MODULES[module]
    target = Path(PACKAGE) / f"{module}.py"
    original = (ROOT / target).read_bytes()
    folders = [make_copy() for _ in range(max(1, jobs))]
    try:
        status, took, tail = run(folders[0], tests, module, 3600)
        if status != "passed":
            message = (
                f"the tests of {module} fail without any mutant; fix them "
                f"first:\n{tail}"
            )
            raise SystemExit(message)
        limit = timeout or max(30.0, 3 * took)
        print(
            f"{module}: {len(mutants)} mutants; the tests take {took:.0f} s "
            f"unmutated, {limit:.0f} s at most",
            file=sys.stderr,
        )
        free: queue.Queue[Path] = queue.Queue()
        for folder in folders:
            free.put(folder)
        done = 0

        def one(mutant: Mutant) -> Outcome:
            folder = free.get()
            try:
                (folder / target).write_bytes(mutant.apply(original))
                status, took, _ = run(folder, tests, module, limit)
            finally:
                (folder / target).write_bytes(original)
                free.put(folder)
            verdict = {"failed": "killed", "timeout": "timeout"}.get(
                status, "survived"
            )
            if verdict == "survived" and mutant.key in equivalent:
                verdict = "equivalent"
            return Outcome(mutant, verdict, took)

        outcomes = []
        with concurrent.futures.ThreadPoolExecutor(len(folders)) as pool:
            for outcome in pool.map(one, mutants):
                done += 1
                print(
                    f"[{done}/{len(mutants)}] {outcome.verdict:10} "
                    f"{outcome.seconds:5.1f} s  {outcome.mutant}",
                    file=sys.stderr,
                )
                outcomes.append(outcome)
        return outcomes
    finally:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


def score(outcomes: Sequence[Outcome]) -> tuple[int, int, str]:
    """Return killed, counted (all but equivalent) and the percentage."""
    verdicts = collections.Counter(o.verdict for o in outcomes)
    killed = verdicts["killed"] + verdicts["timeout"]
    counted = len(outcomes) - verdicts["equivalent"]
    share = f"{100 * killed / counted:.1f}%" if counted else "-"
    return killed, counted, share


def report(
    results: dict[str, list[Outcome]], equivalent: dict[str, str]
) -> None:
    """Print the score of each module and overall, and every survivor."""
    print("module      mutants  killed  timeout  survived  equivalent  score")
    everything: list[Outcome] = []
    for module, outcomes in results.items():
        everything += outcomes
        verdicts = collections.Counter(o.verdict for o in outcomes)
        killed, counted, share = score(outcomes)
        print(
            f"{module:10} {len(outcomes):8} {verdicts['killed']:7} "
            f"{verdicts['timeout']:8} {verdicts['survived']:9} "
            f"{verdicts['equivalent']:11}  {killed}/{counted} = {share}"
        )
    killed, counted, share = score(everything)
    print(f"overall: {killed} killed of {counted} = {share}")
    survivors = [o for o in everything if o.verdict == "survived"]
    if survivors:
        print("\nsurvivors (a mistake no test catches):")
        for outcome in survivors:
            print(f"  {outcome.mutant}")
            print(f"      {outcome.mutant.code}")
            print(f"      key: {outcome.mutant.key}")
    listed = [o for o in everything if o.verdict == "equivalent"]
    if listed:
        print("\nequivalent (survived, listed with the reason):")
        for outcome in listed:
            print(f"  {outcome.mutant}: {equivalent[outcome.mutant.key]}")


# -- the command line -------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument(
        "--module",
        action="append",
        choices=sorted(MODULES),
        help="a module to mutate (repeatable); all four if left out",
    )
    parser.add_argument(
        "--limit",
        type=int,
        help="mutate at most N sampled places of each module",
        metavar="N",
    )
    parser.add_argument("--seed", type=int, default=0, help="of the sample")
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="mutants tested at once, each in its own copy",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        help="seconds a run may take (three times the unmutated run)",
    )
    parser.add_argument(
        "--list-equivalent",
        type=Path,
        default=EQUIVALENT,
        help="the known equivalent mutants, with reasons",
        metavar="FILE",
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help="print the mutants (with their keys) without running them",
    )
    return parser.parse_args(argv)


def selected(args: argparse.Namespace) -> Iterator[tuple[str, list[Mutant]]]:
    """Yield each module chosen with its mutants, sampled to the limit."""
    for module in args.module or list(MODULES):
        source = (ROOT / PACKAGE / f"{module}.py").read_bytes()
        mutants = mutants_of(module, source)
        if args.limit is not None and args.limit < len(mutants):
            chosen = random.Random(args.seed).sample(mutants, args.limit)  # noqa: S311 -- a sample, not a secret
            mutants = sorted(chosen, key=lambda m: m.start)
        yield module, mutants


def main(argv: Sequence[str] | None = None) -> int:
    """Run the campaign; return 0 (a report is no failure)."""
    args = parse_args(argv)
    equivalent = read_equivalent(args.list_equivalent)
    results: dict[str, list[Outcome]] = {}
    for module, mutants in selected(args):
        if args.list:
            for mutant in mutants:
                print(f"{mutant}\n    key: {mutant.key}")
            continue
        results[module] = campaign(
            module, mutants, equivalent, args.jobs, args.timeout
        )
    if results:
        report(results, equivalent)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
