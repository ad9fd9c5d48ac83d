"""
What the package declares about itself: licences, extras and gates.

MIT covers the code; the article text is © Socialist Worker and ships with
its own notice.  The lint and type tools CI gates on are pinned in the
``dev`` extra, not in the published ``test`` extra.  Branch coverage is
gated at 100% in CI.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import pytest


ROOT = Path(__file__).resolve().parent.parent
NOTICE = "src/secretspeech/_data/NOTICE"


def pyproject() -> dict[str, Any]:
    """Return pyproject.toml, parsed."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def extra(name: str) -> dict[str, str]:
    """Return an extra's requirements, by lower-case project name."""
    requirements = pyproject()["project"]["optional-dependencies"][name]
    return {
        re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].lower(): r
        for r in requirements
    }


class TestLicences:
    """MIT for the code; the article's own notice beside the article."""

    def test_the_code_is_mit(self) -> None:
        """The licence expression is MIT, and LICENSE is its text."""
        project = pyproject()["project"]

        assert "MIT" == project["license"]
        assert "LICENSE" in project["license-files"]
        assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License")

    def test_the_article_notice_is_a_licence_file(self) -> None:
        """The notice is listed, so the wheel's .dist-info carries it."""
        assert NOTICE in pyproject()["project"]["license-files"]
        assert (ROOT / NOTICE).is_file()

    def test_the_notice_says_mit_does_not_cover_the_article(self) -> None:
        """It names the article and its owner, and excludes it from MIT."""
        text = " ".join((ROOT / NOTICE).read_text("utf-8").split())

        assert "Socialist Worker" in text
        assert "Copyright" in text
        assert "crack in the monolith" in text
        assert "does not cover the article" in text
        for name in ("article.txt", "corpus.json", "data/seed.txt"):
            assert name in text

    def test_the_notice_ships_beside_the_article(self) -> None:
        """The installed package has the notice next to article.txt."""
        data = resources.files("secretspeech") / "_data"

        assert (data / "NOTICE").is_file()
        assert (data / "article.txt").is_file()

    def test_the_notice_is_in_the_wheel_and_the_sdist(self) -> None:
        """The wheel's package and the sdist's files both hold the notice."""
        targets = pyproject()["tool"]["hatch"]["build"]["targets"]
        (package,) = targets["wheel"]["packages"]

        assert NOTICE.startswith(f"{package}/")
        assert any(
            NOTICE == entry or NOTICE.startswith(f"{entry}/")
            for entry in targets["sdist"]["include"]
        )
        assert "exclude" not in targets["wheel"]
        assert "exclude" not in targets["sdist"]

    def test_the_installed_metadata_lists_both(self) -> None:
        """The metadata the build wrote: MIT, with both files."""
        meta = metadata.metadata("secretspeech")

        assert "MIT" == meta["License-Expression"]
        assert {"LICENSE", NOTICE} <= set(meta.get_all("License-File") or ())


#: The first part of a path a test names from the repository's top folder,
#: by ``ROOT`` or by ``Path(__file__).resolve().parent.parent``.
_FROM_THE_TOP = re.compile(r'(?:\bROOT|\.parent\.parent) / "([^"/]+)"')


def test_the_sdist_holds_what_the_suite_reads() -> None:
    """
    Every file or folder a test reads is in the sdist.

    The sdist ships the tests, so that ``python -m pytest`` runs from it as
    README says; a file they read that it leaves out (``.ci/run``,
    ``.readthedocs.yaml``) fails them there and nowhere else.
    """
    include = pyproject()["tool"]["hatch"]["build"]["targets"]["sdist"][
        "include"
    ]
    read = {
        name
        for test in sorted((ROOT / "tests").glob("*.py"))
        for name in _FROM_THE_TOP.findall(test.read_text("utf-8"))
    }

    # Hatchling puts pyproject.toml in every sdist, listed or not.
    shipped = {*include, "pyproject.toml"}

    assert {"tests", "docs", ".ci", ".readthedocs.yaml"} <= read
    assert [] == sorted(read - shipped)


class TestExtras:
    """The published test extra runs the tests; dev adds the pinned gates."""

    def test_the_linter_is_not_in_the_test_extra(self) -> None:
        """Ruff is a gate of CI, not something the test suite runs."""
        assert "ruff" not in extra("test")

    @pytest.mark.parametrize("tool", ["ruff", "mypy"])
    def test_dev_pins_the_gates_exactly(self, tool: str) -> None:
        """``select = ["ALL"]`` and ``strict`` change with every release."""
        assert re.fullmatch(rf"{tool}==\d+(\.\d+)+", extra("dev")[tool])

    def test_dev_has_everything_the_tests_need(self) -> None:
        """Installing dev is enough to run the suite, then the gates."""
        assert "secretspeech[test]" == extra("dev")["secretspeech"]

    def test_ci_installs_the_dev_extra_before_the_gates(self) -> None:
        """.ci/run installs ``.[dev]``, then runs ruff and mypy."""
        script = (ROOT / ".ci" / "run").read_text("utf-8")
        install = script.index("pip install -e '.[dev]'")

        assert install < script.index("ruff check .")
        assert install < script.index("mypy --strict")


#: The names the install page gives packages whose project name it does not.
_SHOWN_AS = {"edtf": "python-edtf", "mkdocs-material": "material for mkdocs"}


def _names(column: str, package: str) -> bool:
    """Tell whether a column of the install page names *package*."""
    shown = re.escape(_SHOWN_AS.get(package, package))
    return (
        re.search(rf"(?<![\w-]){shown}(?![\w-])", column.lower()) is not None
    )


def packages(name: str) -> dict[str, set[str]]:
    """
    Return the packages extra *name* installs, with the extras that bring them.

    Each package maps to *name* and the extras *name* includes, directly
    or not, that list it.
    """
    found: dict[str, set[str]] = {}
    for package, requirement in extra(name).items():
        nested = re.fullmatch(r"secretspeech\[(\w+)\]", requirement)
        if nested:
            for inner, where in packages(nested[1]).items():
                found.setdefault(inner, set()).update(where, {name})
        else:
            found.setdefault(package, set()).add(name)
    return found


def test_the_install_page_lists_what_each_extra_adds() -> None:
    """
    Each row of the install page's table of extras names all it installs.

    A package an included extra brings may be named by that extra
    (“everything in `docs`”) instead.
    """
    page = (ROOT / "docs" / "install.md").read_text("utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| ([^|]+) \|", page, re.MULTILINE))

    assert sorted(pyproject()["project"]["optional-dependencies"]) == sorted(
        rows
    )
    for name, column in rows.items():
        for package, where in packages(name).items():
            assert _names(column, package) or any(
                f"`{inner}`" in column for inner in where - {name}
            ), f"{name}: {package}"


class TestCoverageGate:
    """Branch coverage is 100%, checked once the whole suite has run."""

    def test_the_gate_is_all_branches(self) -> None:
        """Branches are measured and the report fails below 100%."""
        coverage = pyproject()["tool"]["coverage"]

        assert coverage["run"]["branch"] is True
        assert 100 == coverage["report"]["fail_under"]

    def test_one_file_alone_is_not_gated(self) -> None:
        """Pytest measures only when asked, and never fails on the total."""
        addopts = pyproject()["tool"]["pytest"]["ini_options"]["addopts"]

        assert "--cov" not in addopts
        assert "--cov-fail-under=0" in addopts

    def test_ci_reports_after_a_measured_run(self) -> None:
        """.ci/run runs README's tests, a run with ``--cov``, the report."""
        script = (ROOT / ".ci" / "run").read_text("utf-8")
        measured = script.index("coverage_command=")

        assert script.index('bash -c "$test_command"') < measured
        assert measured < script.index('bash -c "$coverage_command"')
        assert script.index('bash -c "$coverage_command"') < script.index(
            "python -m coverage report"
        )
