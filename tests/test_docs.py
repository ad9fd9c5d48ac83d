"""
The documentation: every example runs, and every page is in the nav.

- Every ```` ```pycon ```` block, and every ```` ```python ```` block with
  ``>>>`` prompts, in ``docs/**/*.md`` and ``README.md`` runs as a doctest.
  The blocks of one page share one namespace, in page order, like one
  interpreter session, started in an empty temporary directory.
- Every page, written or generated, is in the nav of ``mkdocs.yml``; the
  built site itself is tested in ``tests/test_site.py``.
"""

from __future__ import annotations

import doctest
import json
import posixpath
import re
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import pytest

import secretspeech as ss
from helpers import nav_of, nav_pages


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


#: The widest line of aligned columns a session prints: wider, the site
#: wraps it at a desktop width and the columns no longer line up.
COLUMNS_WIDTH = 76
#: Output laid out in columns: a gap of two spaces or more between words.
_COLUMNS = re.compile(r"\S {2,}\S")


@pytest.mark.parametrize("path", PAGES_WITH_EXAMPLES, ids=_id)
def test_columns_fit(path: Path) -> None:
    """Output in columns is narrow enough to stay aligned on the site."""
    parser = doctest.DocTestParser()
    wide = [
        line
        for _, code in doctest_blocks(path)
        for example in parser.get_examples(code)
        for line in example.want.splitlines()
        if _COLUMNS.search(line) and len(line) > COLUMNS_WIDTH
    ]

    assert wide == []


# ------------------------------------------------------------------- the nav


class TestNav:
    """The nav of mkdocs.yml lists every page (tests/test_site.py builds it)."""

    def test_every_page_is_in_the_nav(self) -> None:
        """Every Markdown page, written or generated, is in the nav once."""
        written = [
            p.relative_to(DOCS).as_posix()
            for p in markdown_pages()
            if p.is_relative_to(DOCS)
        ]
        nav = nav_pages(ROOT / "mkdocs.yml")

        assert sorted({*written, *GENERATED}) == sorted(nav)
        assert len(set(nav)) == len(nav)

    def test_each_part_opens_on_a_page_that_lists_it(self) -> None:
        """
        How-to guides, explanation and reference each open on their own page.

        With ``navigation.indexes`` a section's heading opens its first page
        when that is an ``index.md``.  It must be the part's own page,
        linking to every page and subsection under it: the heading
        "Reference" opened the data tables, which say nothing of the command
        line, the glossary or the API.
        """
        missing = []
        for item in nav_of(ROOT / "mkdocs.yml"):
            ((title, children),) = item.items()
            if not isinstance(children, list):
                continue  # a page of its own: Home, Install, ...
            first, *rest = children
            assert isinstance(first, str), title
            assert first.endswith("/index.md"), title
            folder = PurePosixPath(first).parent
            links = {
                posixpath.normpath(str(folder / link))
                for link in re.findall(
                    r"\]\(([^)#\s]+)", (DOCS / first).read_text("utf-8")
                )
            }
            for child in rest:
                ((name, target),) = child.items()
                while isinstance(target, list):  # a subsection: its first
                    target = target[0]
                    if isinstance(target, dict):
                        ((_, target),) = target.items()
                if target not in links:
                    missing.append(f"{first}: {name} ({target})")

        assert [] == missing


def test_the_stability_page_names_every_public_module() -> None:
    """
    The promise of API stability covers each module of the manifest.

    ``tests/api_manifest.json`` holds the public API by module; the page
    that says what the public API is named three of them after
    `secretspeech.formats` joined.
    """
    manifest = json.loads(
        (ROOT / "tests" / "api_manifest.json").read_text("utf-8")
    )
    text = (DOCS / "explanation" / "api-stability.md").read_text("utf-8")
    section = text.split("\n## What the public API is\n", 1)[1]
    section = section.split("\n## ", 1)[0]

    assert [m for m in manifest if f"`{m}`" not in section] == []


def test_the_load_guide_says_which_collections_may_be_left_out() -> None:
    """
    The guide's list of collections is the JSON Schema's, required or not.

    A document may leave out the collections whose `Corpus` field has a
    default; the guide's example leaves out ``claims`` and ``notes``.
    """
    text = (DOCS / "how-to" / "load-your-own-corpus.md").read_text("utf-8")
    item = text.split("\n- `people`", 1)[1].split("\n\n", 1)[0]
    required, optional = (
        re.findall(r"`(\w+)`", part) for part in item.split("possibly empty;")
    )
    needed = ss.json_schema()["required"]
    names = [c.name for c in ss.SCHEMA]

    assert ["people", *required] == [n for n in names if n in needed]
    assert optional == [n for n in names if n not in needed]


def test_the_person_timeline_places_words_by_every_event_field() -> None:
    """
    The guide places words among events by each field that can name one.

    Those are the `Quotation` id fields the schema lets name an event: the
    guide said a quotation had no field for its occasion after
    `Quotation.occasion` was added.
    """
    text = (DOCS / "how-to" / "timeline-for-a-person.md").read_text("utf-8")
    section = text.split("\n## Put their words beside the events\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    (quotations,) = (c for c in ss.SCHEMA if c.name == "quotations")
    fields = [
        field
        for field, among in quotations.id_fields.items()
        if "events" in among or "*" in among
    ]

    assert "occasion" in fields
    assert [f for f in fields if f"`{f}`" not in section] == []


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
    import yaml  # noqa: PLC0415 -- see helpers.nav_pages()

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


def test_the_data_model_page_names_relations_the_data_holds() -> None:
    """
    Each link the data model page gives as an example is a relation.

    The page wrote that the reburial is *part of* the 1961 attack, a
    relation the data no longer holds.  Each example is written "SOURCE
    *kind* TARGET", with ends that `ss.lookup` finds.
    """
    text = (DOCS / "explanation" / "data-model.md").read_text("utf-8")
    section = text.split("\n## Relations: only what the article asserts\n")
    sentence = " ".join(section[1].split(": ", 1)[1].split(".")[0].split())
    examples = re.findall(
        r"(?:^|, )(?P<source>[^,*]+?) (?:is )?\*(?P<kind>[a-z ]+)\* "
        r"(?P<target>[^,*]+)",
        sentence,
    )
    held = {(r.source, r.kind.value, r.target) for r in ss.relations}

    def record(name: str) -> str | None:
        try:
            return ss.lookup(name).id
        except ss.NotFoundError:
            return None

    assert len(examples) == 3
    assert [
        (source, kind, target)
        for source, kind, target in examples
        if (record(source), kind, record(target)) not in held
    ] == []


def test_the_data_pages_name_every_data_file() -> None:
    """
    The pages on how the data is made name each TOML file of ``data/``.

    They named ``records.toml`` and ``notes.toml`` only ("two files of
    plain TOML") after the claims and the notes' sources moved to
    ``claims.toml`` and ``sources.toml``.
    """
    files = sorted(f"`data/{p.name}`" for p in (ROOT / "data").glob("*.toml"))
    updates = (DOCS / "explanation" / "data-updates.md").read_text("utf-8")
    lives = updates.split("\n## Where the data lives, and how it is built\n")
    lives_section = lives[1].split("\n## ", 1)[0]
    changes = updates.split("\n## How the data changes\n")[1]
    first_step = changes.split("\n2. ", 1)[0]
    curation = (DOCS / "explanation" / "curation.md").read_text("utf-8")
    intro = curation.split("\n## ", 1)[0]

    assert len(files) == 4
    assert [f for f in files if f not in lives_section] == []
    assert [f for f in files if f not in intro] == []
    assert [f for f in files if f not in first_step] == []
    assert "`data/seed.txt`" in lives_section


def glossary_entry(anchor: str) -> str:
    """Return the definition of the glossary term with *anchor*."""
    text = (DOCS / "reference" / "glossary.md").read_text("utf-8")
    entry = text.split(f"{{ #{anchor} }}\n", 1)[1]
    return " ".join(entry.split("\n\n", 1)[0].split())


def test_the_glossary_record_is_every_type_of_the_record_union() -> None:
    """
    The glossary's record is one of the types `ss.Record` joins.

    It listed eight types after `Claim` joined the union as a ninth.
    """
    from typing import get_args  # noqa: PLC0415

    entry = glossary_entry("record").split(": a frozen", 1)[0]
    named = re.findall(r"[a-z]+", entry.lower())
    types = [t.__name__.lower() for t in get_args(ss.Record)]

    assert "`ss.Record` is their union type" in glossary_entry("record")
    assert [t for t in types if t not in named] == []


def test_the_glossary_hedges_are_hedges_of_the_data() -> None:
    """
    Each hedge the glossary quotes is the hedge of a statistic.

    It gave "tens of thousands", number words that `Quantity` refuses as
    a hedge (they are the figure).
    """
    entry = glossary_entry("hedge")
    examples = entry.split(", as written:", 1)[1].split(";", 1)[0]
    quoted = re.findall(r"“([^”]+)”", examples)
    hedges = {s.quantity.hedge for s in ss.statistics}

    assert len(quoted) >= 3
    assert [q for q in quoted if q not in hedges] == []


def test_the_quantity_kinds_are_shown_by_statistics_of_that_kind() -> None:
    """
    Each wording given as an example of a quantity kind is a statistic's.

    The glossary and the data model page quote the article's numbers as
    the statistics hold them, case aside: they gave "Ten million" after
    the statistic became "Ten million more".
    """
    texts = {
        kind.value: {
            s.quantity.text.casefold() for s in ss.statistics.filter(kind=kind)
        }
        for kind in ss.QuantityKind
    }
    examples: list[tuple[str, str]] = []
    for kind in ss.QuantityKind:
        anchor = "quantity-" + kind.value.replace(" ", "-")
        entry = glossary_entry(anchor).split(".", 1)[0]
        examples += [(kind.value, q) for q in re.findall(r"“([^”]+)”", entry)]
    model = (DOCS / "explanation" / "data-model.md").read_text("utf-8")
    rows = re.findall(r"^\| ([a-z ]+) \| ([^|]*) \|", model, re.MULTILINE)
    for kind, example in rows:
        examples += [(kind, q) for q in re.findall(r"“([^”]+)”", example)]

    assert len(examples) >= 14
    assert [
        (kind, example)
        for kind, example in examples
        if example.casefold() not in texts[kind]
    ] == []


def test_the_readme_lists_every_collection() -> None:
    """
    README's table of what is in the data names every collection.

    It left out ``ss.claims``, the article's argument, the largest.
    """
    text = (ROOT / "README.md").read_text("utf-8")
    table = text.split("\n## What is in it\n", 1)[1].split("\n\n", 1)[0]

    assert [c.name for c in ss.SCHEMA if f"`ss.{c.name}`" not in table] == []
