"""
The documentation: every example runs, and the whole site builds.

- Every ```` ```pycon ```` block, and every ```` ```python ```` block with
  ``>>>`` prompts, in ``docs/**/*.md`` and ``README.md`` runs as a doctest.
  The blocks of one page share one namespace, in page order, like one
  interpreter session, started in an empty temporary directory.
- ``mkdocs build --strict`` builds the whole site (Sphinx API reference,
  generated data reference and pictures included) into a temporary
  directory; then every page is in the nav, the API reference lists every
  public name and the pictures are there.
"""

from __future__ import annotations

import doctest
import hashlib
import re
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

import pytest

import secretspeech as ss


if TYPE_CHECKING:
    from collections.abc import Iterator


ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Source folders of the build, not pages (mkdocs.yml: exclude_docs).
NOT_PAGES = ("hooks", "sphinx", "overrides")
# Pages the hooks generate at build time: the data reference
# (docs/hooks/data_reference.py) and the API reference's index
# (docs/hooks/sphinx_api.py, from docs/sphinx/).
GENERATED = (
    "api/index.md",
    "reference/data/index.md",
    *(f"reference/data/{c.name}.md" for c in ss.SCHEMA),
)
# The pictures docs/hooks/figures.py draws; one per theme of the relations.
FIGURES = (
    "timeline.svg",
    "timeline-1956.svg",
    "timeline-1956-february.svg",
    "relations-revolution.svg",
    "relations-1930s.svg",
    "relations-war-and-empire.svg",
    "relations-road-to-the-speech.svg",
    "relations-what-the-speech-said.svg",
    "relations-how-the-speech-spread.svg",
    "relations-eastern-bloc.svg",
    "relations-the-west.svg",
    "relations-after-1956.svg",
)

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)$"
)


def markdown_pages() -> list[Path]:
    """Return every Markdown page of the docs, and the README."""
    pages = [
        path
        for path in sorted(DOCS.rglob("*.md"))
        if path.relative_to(DOCS).parts[0] not in NOT_PAGES
    ]
    return [*pages, ROOT / "README.md"]


def code_blocks(text: str) -> Iterator[tuple[int, str, str]]:
    """
    Yield (line number, language, code) for each fenced block of *text*.

    Blocks may be indented (inside an admonition or a tab); the code is
    dedented by the fence's indentation.  Line numbers count from 0 and
    point at the first line of code.
    """
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        language = opening["info"].strip().split(" ")[0].lstrip(".").lower()
        start = i + 1
        i += 1
        body = []
        while i < len(lines):
            closing = _FENCE.match(lines[i])
            if (
                closing
                and closing["fence"].startswith(fence)
                and not closing["info"].strip()
                and len(closing["indent"]) <= len(indent)
            ):
                break
            body.append(
                lines[i][len(indent) :]
                if lines[i].startswith(indent)
                else lines[i].lstrip()
            )
            i += 1
        i += 1
        yield start, language, "\n".join(body) + "\n"


def doctest_blocks(path: Path) -> list[tuple[int, str]]:
    """Return the (line, code) of the blocks of *path* that are sessions."""
    return [
        (line, code)
        for line, language, code in code_blocks(path.read_text("utf-8"))
        if language == "pycon"
        or (
            language in {"python", "py"}
            and re.search(r"^>>> ", code, re.MULTILINE)
        )
    ]


def _id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


PAGES_WITH_EXAMPLES = [p for p in markdown_pages() if doctest_blocks(p)]


class TestExamplesInTheDocs:
    """The examples in the documentation run as shown."""

    def test_pages_have_examples(self) -> None:
        """The tutorial, the how-tos and the home page show sessions."""
        names = {_id(p) for p in PAGES_WITH_EXAMPLES}

        for page in (
            "docs/index.md",
            "docs/tutorial/index.md",
            "docs/how-to/what-a-person-said.md",
            "docs/how-to/timeline-for-a-period.md",
            "docs/how-to/causes-and-consequences.md",
            "docs/how-to/cite-a-record.md",
            "docs/how-to/load-your-own-corpus.md",
            "docs/how-to/property-testing.md",
        ):
            assert page in names

    @pytest.mark.parametrize("path", PAGES_WITH_EXAMPLES, ids=_id)
    def test_page(
        self,
        path: Path,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """Every session of the page runs, in order, in one namespace."""
        monkeypatch.chdir(tmp_path)
        parser = doctest.DocTestParser()
        runner = doctest.DocTestRunner(
            optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
            verbose=False,
        )
        globs: dict[str, Any] = {"__name__": "__docs__"}
        report: list[str] = []
        for line, code in doctest_blocks(path):
            test = parser.get_doctest(code, globs, _id(path), str(path), line)
            runner.run(test, out=report.append, clear_globs=False)
            globs = test.globs  # DocTest copies the namespace it is given

        assert runner.failures == 0, "".join(report)
        assert runner.tries > 0


# ------------------------------------------------------------------ the site


def nav_pages() -> list[str]:
    """Return every page the nav of mkdocs.yml names, in order."""
    # PyYAML comes with the docs extra, as MkDocs does: only the tests of
    # the site need it, not the examples above.
    import yaml  # noqa: PLC0415

    class Loader(yaml.SafeLoader):
        """Read mkdocs.yml, taking its !ENV and !relative tags as values."""

    def tagged(loader: Loader, _tag: str, node: yaml.Node) -> object:
        if isinstance(node, yaml.ScalarNode):
            return loader.construct_scalar(node)
        return loader.construct_sequence(node)  # type: ignore[arg-type]

    Loader.add_multi_constructor("!", tagged)
    source = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = yaml.load(source, Loader)  # noqa: S506 -- a SafeLoader

    def walk(item: object) -> Iterator[str]:
        if isinstance(item, str):
            yield item
        elif isinstance(item, list):
            for entry in item:
                yield from walk(entry)
        elif isinstance(item, dict):
            for value in item.values():
                yield from walk(value)

    return list(walk(config["nav"]))


def read_inventory(path: Path) -> dict[str, str]:
    """Return the names and roles of a Sphinx ``objects.inv`` (version 2)."""
    raw = path.read_bytes()
    header_end = 0
    for _ in range(4):
        header_end = raw.index(b"\n", header_end) + 1
    assert raw.startswith(b"# Sphinx inventory version 2")
    body = zlib.decompress(raw[header_end:]).decode("utf-8")
    names = {}
    for line in body.splitlines():
        match = re.match(
            r"(?x)(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(\S+)\s+(.*)", line
        )
        if match:
            names[match[1]] = match[2]
    return names


class TestSite:
    """``mkdocs build --strict`` makes the whole site."""

    def test_every_page_is_in_the_nav(self) -> None:
        """Every Markdown page, written or generated, is in the nav once."""
        written = [
            p.relative_to(DOCS).as_posix()
            for p in markdown_pages()
            if p.is_relative_to(DOCS)
        ]
        nav = nav_pages()

        assert sorted({*written, *GENERATED}) == sorted(nav)
        assert len(set(nav)) == len(nav)

    def test_every_nav_page_is_built(self, site: Path) -> None:
        """Each page of the nav is a page of the site."""
        for page in nav_pages():
            stem = page.removesuffix(".md")
            if stem == "index" or stem.endswith("/index"):
                built = site / stem.removesuffix("index") / "index.html"
            else:
                built = site / stem / "index.html"

            assert built.is_file(), page

    def test_api_reference_lists_every_public_name(self, site: Path) -> None:
        """Sphinx documents every name of __all__, exceptions, strategies."""
        from secretspeech import exceptions, strategies  # noqa: PLC0415

        inventory = read_inventory(site / "api" / "objects.inv")
        expected = {f"secretspeech.{name}" for name in ss.__all__}
        expected |= {f"secretspeech.{name}" for name in exceptions.__all__}
        expected |= {
            f"secretspeech.strategies.{name}" for name in strategies.__all__
        }
        expected |= {
            "secretspeech",
            "secretspeech.exceptions",
            "secretspeech.strategies",
        }

        assert [] == sorted(expected - set(inventory))

    def test_pictures_are_shown(self, site: Path) -> None:
        """Each picture is valid SVG and appears on some page; none else."""
        html = "\n".join(
            p.read_text("utf-8")
            for p in site.rglob("*.html")
            if "api" not in p.parts
        )
        drawn = sorted(p.name for p in (site / "figures").iterdir())

        assert sorted(FIGURES) == drawn
        for name in FIGURES:
            svg = site / "figures" / name
            root = ElementTree.parse(svg).getroot()  # noqa: S314 -- our own build

            assert root.tag == "{http://www.w3.org/2000/svg}svg"
            assert f"figures/{name}" in html

    def test_data_reference_anchors_every_record(self, site: Path) -> None:
        """Every record has a row with its id as anchor, on its own page."""
        pages = {
            "people": ss.people,
            "groups": ss.groups,
            "places": ss.places,
            "events": ss.events,
            "quotations": ss.quotations,
            "statistics": ss.statistics,
            "relations": ss.relations,
            "notes": ss.notes,
        }
        for page, records in pages.items():
            html = (
                site / "reference" / "data" / page / "index.html"
            ).read_text("utf-8")
            for record in records:
                assert f'id="{record.id}"' in html, (page, record.id)

    def test_pictures_are_reproducible(self, site: Path) -> None:
        """Drawing the pictures again gives the same bytes as the build."""
        script = textwrap.dedent(
            """
            import hashlib, importlib.util
            import secretspeech as ss
            path = "docs/hooks/figures.py"
            spec = importlib.util.spec_from_file_location("figures", path)
            figures = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(figures)
            for uri, svg in figures.svgs(ss.corpus()).items():
                print(uri.removeprefix("figures/"), hashlib.sha256(svg).hexdigest())
            """
        )
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        drawn = dict(line.split() for line in done.stdout.splitlines())
        built = {
            name: hashlib.sha256(
                (site / "figures" / name).read_bytes()
            ).hexdigest()
            for name in FIGURES
        }

        assert built == drawn

    def test_changelog_is_included(self, site: Path) -> None:
        """The changelog page shows CHANGELOG.md."""
        html = (site / "changelog" / "index.html").read_text("utf-8")

        assert "Unreleased" in html
        assert "--8&lt;--" not in html


def readme_command(marker: str) -> str:
    """Return the one ``$`` command between README's *marker* comments."""
    text = (ROOT / "README.md").read_text("utf-8")
    block = text.split(f"<!-- {marker}-start -->")[1]
    block = block.split(f"<!-- {marker}-end -->")[0]
    (command,) = (
        line.removeprefix("$ ")
        for line in block.splitlines()
        if line.startswith("$ ")
    )
    return command


def test_read_the_docs_builds_as_readme_says() -> None:
    """
    .readthedocs.yaml installs what README's docs command installs.

    README's command is ``pip install -e '<path>[<extras>]' && mkdocs build
    --strict``; Read the Docs must install the same path with the same
    extras and build mkdocs.yml failing on any warning, as ``--strict``
    does.  CI runs README's command in a fresh environment (.ci/run).
    """
    import yaml  # noqa: PLC0415 -- see nav_pages()

    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text("utf-8"))
    install, build = readme_command("docs-build").split(" && ")
    match = re.fullmatch(
        r"python -m pip install (?:-e )?'(?P<path>[^'\[]+)\[(?P<extras>[^\]]+)\]'",
        install,
    )

    assert match, install
    assert "python -m mkdocs build --strict" == build
    assert 2 == config["version"]
    assert "sphinx" not in config
    assert {"configuration": "mkdocs.yml", "fail_on_warning": True} == (
        config["mkdocs"]
    )
    assert [
        {
            "method": "pip",
            "path": match["path"],
            "extra_requirements": match["extras"].split(","),
        }
    ] == config["python"]["install"]


def test_the_docs_extra_holds_what_the_build_imports() -> None:
    """
    The docs extra installs Hypothesis, which the API reference imports.

    Sphinx documents `secretspeech.strategies`; without the extra that
    brings Hypothesis the build fails in a fresh environment.
    """
    import tomllib  # noqa: PLC0415

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    extras = project["project"]["optional-dependencies"]

    def closure(name: str) -> set[str]:
        found: set[str] = set()
        for requirement in extras[name]:
            nested = re.fullmatch(r"secretspeech\[(\w+)\]", requirement)
            if nested:
                found |= closure(nested[1])
            else:
                found.add(re.split(r"[<>=!~;\[ ]", requirement)[0].lower())
        return found

    needed = closure("docs")

    assert {"hypothesis", "mkdocs", "mkdocs-material", "sphinx"} <= needed
