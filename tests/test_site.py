"""
The built site as a reader meets it: one site, whole, local and searchable.

Every test reads the site that ``mkdocs build --strict`` writes (the
session fixture ``site`` in conftest.py; its tests are all here, so that
the one worker that runs this file builds it once): it has every page of
the nav, every public name and picture, its links and anchors resolve,
nothing is loaded from another host, the API reference is laid out by the
site's own theme and found by its one search box, copy buttons copy code
that runs, and code fits the column.
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import inspect
import json
import re
import zlib
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import attrs
import pytest
from sphinx.errors import ExtensionError

import secretspeech as ss
from conftest import REPO_CLONE_URL
from helpers import nav_pages
from secretspeech import exceptions, strategies


ROOT = Path(__file__).resolve().parent.parent

_ATTRIBUTE = re.compile(
    r"""<(?P<tag>[a-z]+)\b[^>]*?\s(?P<name>href|src)=(?P<q>["'])(?P<url>.*?)(?P=q)""",
    re.IGNORECASE,
)
_ID = re.compile(r"""\s(?:id|name)=["']([^"']+)["']""")


def pages(site: Path) -> list[Path]:
    """Return every HTML page of the site."""
    return sorted(site.rglob("*.html"))


def page_url(site: Path, page: Path) -> str:
    """Return the URL path of *page* within the site, e.g. ``api/corpus/``."""
    rel = page.relative_to(site).as_posix()
    return rel.removesuffix("index.html")


def target_file(site: Path, base: str, url: str) -> Path | None:
    """Return the file a relative *url* on the page at *base* points to."""
    path = unquote(urlsplit(url).path)
    joined = (Path("/" + base) / path) if path else Path("/" + base)
    parts: list[str] = []
    for part in joined.as_posix().split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in {"", "."}:
            parts.append(part)
    file = site.joinpath(*parts)
    if file.is_dir() or path.endswith("/") or (not path and not parts):
        file = file / "index.html"
    return file if file.is_file() else None


def load_hook(name: str) -> ModuleType:
    """Import a docs hook by its path, as MkDocs does."""
    path = ROOT / "docs" / "hooks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"hook_{name}", path)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def outside(page_html: str) -> str:
    """Return *page_html* without code blocks, links and headings."""
    return re.sub(
        r"<pre\b.*?</pre>|<a\b.*?</a>|<h[1-6]\b.*?</h[1-6]>",
        "",
        page_html,
        flags=re.DOTALL,
    )


def content(page_html: str) -> str:
    """Return the article part of a page, without header and navigation."""
    start = page_html.index('<article class="md-content__inner')
    return page_html[start : page_html.index("</article>", start)]


def is_api(site: Path, page: Path) -> bool:
    """Tell whether *page* is part of the API reference."""
    return page.relative_to(site).parts[0] == "api"


# ------------------------------------------------------------ the build

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


class TestBuild:
    """``mkdocs build --strict`` makes the whole site."""

    def test_every_nav_page_is_built(self, site: Path) -> None:
        """Each page of the nav is a page of the site."""
        for page in nav_pages(ROOT / "mkdocs.yml"):
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
        # In this process: the build ran in another, so the bytes are the
        # same across processes (and hash seeds) too.
        figures = load_hook("figures")
        drawn = {
            uri.removeprefix("figures/"): hashlib.sha256(svg).hexdigest()
            for uri, svg in figures.svgs(ss.corpus()).items()
        }
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


# ------------------------------------------------------------ links


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    """Each link to a page of the site finds the page, and its anchor."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in pages(site):
        base = page_url(site, page)
        text = page.read_text("utf-8")
        for match in _ATTRIBUTE.finditer(text):
            url = html.unescape(match["url"])
            split = urlsplit(url)
            if split.scheme or url.startswith(("//", "mailto:")):
                continue
            if not split.path and not split.fragment:
                continue
            target = page if not split.path else target_file(site, base, url)
            if target is None:
                broken.append(f"{base}: {url}")
                continue
            if split.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(_ID.findall(target.read_text("utf-8")))
                if unquote(split.fragment) not in ids[target]:
                    broken.append(f"{base}: {url} (no such anchor)")

    assert [] == broken


def test_link_check_finds_a_broken_link(tmp_path: Path) -> None:
    """The check above would see a missing page and a missing anchor."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p>')

    assert target_file(tmp_path, "b/", "../a/") is not None
    assert target_file(tmp_path, "b/", "../c/") is None
    assert "here" in _ID.findall((tmp_path / "a" / "index.html").read_text())


# ------------------------------------------------------------ no other host


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    """Scripts, styles, fonts, icons and images all come with the site."""
    loads = re.compile(
        r"<(?:script|img|iframe|source|audio|video|embed|object)\b[^>]*?"
        r"\s(?:src|data)=[\"'](?P<url>[^\"']+)"
        r"|<link\b[^>]*?\shref=[\"'](?P<link>[^\"']+)",
        re.IGNORECASE,
    )
    remote = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
    found = []
    for page in pages(site):
        text = page.read_text("utf-8")
        for match in loads.finditer(text):
            url = match["url"] or match["link"]
            tag = match[0]
            # A canonical link names the page's own address; it loads nothing.
            if 'rel="canonical"' in tag:
                continue
            if remote.match(url):
                found.append(f"{page_url(site, page)}: {url}")
        # The theme's source widget asks the host's API for stars.
        assert 'data-md-component="source"' not in text
    for sheet in site.rglob("*.css"):
        found += [
            f"{sheet.relative_to(site)}: {url}"
            for url in re.findall(
                r"url\(\s*['\"]?([^'\")]+)", sheet.read_text()
            )
            if remote.match(url)
        ]
        assert "@import" not in sheet.read_text()

    assert [] == found


def test_the_site_has_its_icon_logo_and_repository_link(site: Path) -> None:
    """The favicon and logo are the project's; the header links the source."""
    home = (site / "index.html").read_text("utf-8")
    repository = REPO_CLONE_URL.removesuffix(".git")

    assert re.search(r'<link rel="icon" href="assets/favicon\.svg"', home)
    assert (site / "assets" / "favicon.svg").is_file()
    assert re.search(r'<img src="assets/logo\.svg"', home)
    assert (site / "assets" / "logo.svg").is_file()
    # An <img> does not take the header's colour: the logo says its own,
    # white on the red header (currentColor would draw it black).
    logo = (site / "assets" / "logo.svg").read_text("utf-8")
    assert "currentColor" not in logo
    assert set(re.findall(r'fill="([^"]+)"', logo)) == {"#fff"}
    assert f'<a href="{repository}" title="Go to repository"' in home


# ------------------------------------------------------------ one site


def api_pages(site: Path) -> list[Path]:
    """Return the pages of the API reference."""
    return sorted((site / "api").rglob("index.html"))


def test_api_pages_are_pages_of_the_site(site: Path) -> None:
    """Header, navigation, search, colours and styles: those of the guide."""
    home = (site / "index.html").read_text("utf-8")
    sheets = {
        re.sub(r"^(\.\./)+", "", href)
        for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', home)
    }
    found = api_pages(site)

    assert len(found) >= 10
    for page in found:
        text = page.read_text("utf-8")
        page_sheets = {
            re.sub(r"^(\.\./)+", "", href)
            for href in re.findall(
                r'<link rel="stylesheet" href="([^"]+)"', text
            )
        }

        assert sheets == page_sheets, page
        for part in (
            'class="md-header',
            'class="md-sidebar md-sidebar--primary"',
            'data-md-component="search"',
            'data-md-color-scheme="default"',
            'data-md-color-media="(prefers-color-scheme: dark)"',
        ):
            assert part in text, (page, part)
    # Nothing of Sphinx's own theme is left.
    assert not (site / "api" / "_static").exists()
    assert not (site / "api" / "search.html").exists()


def test_the_guide_links_to_the_api_and_back(site: Path) -> None:
    """The nav's "API reference" opens it; it lists its pages and the guide."""
    home = (site / "index.html").read_text("utf-8")
    index = (site / "api" / "index.html").read_text("utf-8")

    assert re.search(
        r'href="api/"[^>]*>\s*<span class="md-ellipsis">\s*'
        r"API reference",
        home,
    )
    for page in api_pages(site):
        name = page.parent.name
        if name != "api":
            assert f'href="{name}/"' in index, name
    assert 'href="../">guide</a>' in index


def test_long_api_pages_are_split(site: Path) -> None:
    """
    No page of the API reference runs much past 14,000 pixels.

    At 1280 pixels a page of the reference is about one pixel tall for
    every three characters of its text (measured in Chromium); keep each
    under 36,000 characters.
    """
    for page in api_pages(site):
        text = re.sub(r"<[^>]+>", "", content(page.read_text("utf-8")))

        assert len(html.unescape(text)) < 36_000, page


# ------------------------------------------------------------ signatures


def test_vocabulary_fields_show_their_type() -> None:
    """Every ``kind`` (any vocabulary) field shows its type in signatures."""
    for name in ss.__all__:
        cls = getattr(ss, name)
        if not (inspect.isclass(cls) and attrs.has(cls)):
            continue
        for parameter in inspect.signature(cls).parameters.values():
            assert parameter.annotation is not inspect.Parameter.empty, (
                name,
                parameter.name,
            )


def test_signatures_read_as_the_code_does(site: Path) -> None:
    """Unions of all record types read ``Record``; no version on each entry."""
    every_record = "Person | Group | Place | Event | Quotation | Statistic"
    for page in api_pages(site):
        text = page.read_text("utf-8")
        signatures = [
            html.unescape(re.sub(r"<[^>]+>", "", sig))
            for sig in re.findall(
                r'<dt class="sig sig-object py"[^>]*>(.*?)</dt>',
                text,
                re.DOTALL,
            )
        ]
        # Only the aliases' own definitions spell out what they stand for.
        uses = [s for s in signatures if not s.strip().startswith("type ")]

        assert not [s for s in uses if every_record in s], page
        assert "TypeAliasForwardRef" not in text, page
        assert "Added in version" not in text, page
    queries = (site / "api" / "queries" / "index.html").read_text("utf-8")
    signatures = html.unescape(re.sub(r"<[^>]+>", "", queries))

    assert (
        "search(text: str, /, *, limit: int | None = None) → tuple[Record, ...]"
        in (signatures)
    )
    records = site / "api" / "events-and-quotations" / "index.html"
    assert "kind: EventKind | str" in html.unescape(
        re.sub(r"<[^>]+>", "", records.read_text("utf-8"))
    )
    (corpus,) = (
        s
        for s in signatures_of(site / "api" / "corpus" / "index.html")
        if s.strip().startswith("class Corpus(")
    )
    assert "people: Iterable[Person], groups: Iterable[Group]," in (
        " ".join(corpus.split())
    )


def signatures_of(page: Path) -> list[str]:
    """Return the text of every signature on an API *page*."""
    return [
        html.unescape(re.sub(r"<[^>]+>", "", sig))
        for sig in re.findall(
            r'<dt class="sig sig-object py"[^>]*>(.*?)</dt>',
            page.read_text("utf-8"),
            re.DOTALL,
        )
    ]


def test_every_criterion_of_filter_reads_the_same(site: Path) -> None:
    """
    ``OneOrMany[X]`` is spelled out everywhere, as Sphinx does for most.

    Sphinx evaluates the alias in some overloads of `Collection.filter`
    and not in those that mention ``Record``; the reader sees one form.
    """
    collection = site / "api" / "collection" / "index.html"
    filters = [s for s in signatures_of(collection) if "filter(" in s]

    assert len(filters) == 9
    assert any(
        "about: Record | str | Sequence[Record | str] | Set[Record | str]" in s
        for s in filters
    )
    for page in api_pages(site):
        assert not [s for s in signatures_of(page) if "OneOrMany" in s], page


def test_defaults_read_as_what_they_are(site: Path) -> None:
    """No signature shows attrs' ``NOTHING`` for a default it computes."""
    for page in pages(site):
        text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text("utf-8")))

        assert "= NOTHING" not in text, page
    dates = site / "api" / "dates-and-periods" / "index.html"

    assert any(
        "basis: DateBasis = relative_to and DateBasis.RELATIVE or "
        "DateBasis.STATED, reason" in s
        for s in signatures_of(dates)
    )


def load_conf() -> ModuleType:
    """Import the Sphinx configuration of the API reference."""
    path = ROOT / "docs" / "sphinx" / "conf.py"
    spec = importlib.util.spec_from_file_location("sphinx_conf", path)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shown_factory_defaults_say_what_the_factory_does() -> None:
    """Each default the reference shows gives what the code gives."""
    shown = load_conf()._FACTORY_DEFAULTS
    dates = [
        value
        for record in ss.corpus().records()
        for value in attrs.asdict(record, recurse=False).values()
        if isinstance(value, ss.HistoricalDate)
    ]
    factory = attrs.fields(ss.HistoricalDate).basis.default
    public = {name: getattr(ss, name) for name in ss.__all__}

    assert {"secretspeech.HistoricalDate.basis"} == set(shown)
    assert {d.relative_to is None for d in dates} == {True, False}
    for date in dates:
        fields = attrs.asdict(date, recurse=False)
        expected = factory.factory(date)  # type: ignore[union-attr]

        assert expected == eval(  # noqa: S307 -- our own configuration
            shown["secretspeech.HistoricalDate.basis"], public, fields
        ), date


def test_factory_defaults_are_shown_or_refused() -> None:
    """
    A plain factory's default shows its value; a computed one, as told.

    One computed from the other fields must be said in the configuration,
    or the build stops.
    """
    conf = load_conf()

    @attrs.define
    class Sample:
        items: list[int] = attrs.Factory(list)
        token: object = attrs.Factory(object)
        size: int = attrs.Factory(
            lambda self: len(self.items), takes_self=True
        )

    items, token, size = attrs.fields(Sample)
    signature = "(*, items: list[int] = NOTHING, token: object = NOTHING)"

    assert "[]" == conf._factory_default("tests.Sample", items)
    assert "object()" == conf._factory_default("tests.Sample", token)
    with pytest.raises(ExtensionError, match=r"tests\.Sample\.size"):
        conf._factory_default("tests.Sample", size)
    with pytest.raises(ExtensionError, match=r"tests\.Sample\.size"):
        conf._factory_defaults(
            None, "class", "tests.Sample", Sample, None, signature, None
        )
    conf._FACTORY_DEFAULTS["tests.Sample.size"] = "len(items)"
    assert (
        "(*, items: list[int] = [], token: object = object())",
        None,
    ) == conf._factory_defaults(
        None, "class", "tests.Sample", Sample, None, signature, None
    )


def test_private_generic_aliases_are_spelled_out() -> None:
    """``OneOrMany[X]`` reads ``X | Sequence[X] | Set[X]``, however named."""
    conf = load_conf()
    seq, abstract = "~collections.abc.Sequence", "~collections.abc.Set"

    assert (
        f"(about: R | str | {seq}[R | str] | {abstract}[R | str] = ...)"
        == conf._readable("(about: OneOrMany[R | str] = ...)")
    )
    assert (
        f"(x: dict[str, int] | {seq}[dict[str, int]] | "
        f"{abstract}[dict[str, int]], y: int)"
        == conf._readable(
            "(x: ~secretspeech._catalog.OneOrMany[dict[str, int]], y: int)"
        )
    )
    assert "(x: Record)" == conf._readable(
        "(x: TypeAliasForwardRef('secretspeech.Record'))"
    )


class _ClassBodies(HTMLParser):
    """Read, for each class entry, what its body holds, in order."""

    VOID = frozenset({"br", "hr", "img", "input", "link", "meta", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, set[str]]] = []
        self.found: dict[str, list[str]] = {}
        self.name = ""
        self.body_depth: list[tuple[int, str]] = []  # (depth of dd, class)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Any]]) -> None:
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        parent = self.stack[-1] if self.stack else ("", set())
        if (
            tag == "dt"
            and "sig-object" in classes
            and {"class", "exception"} & parent[1]
        ):
            self.name = attributes.get("id") or ""
        elif (
            tag == "dd"
            and {"class", "exception"} & parent[1]
            and "py" in parent[1]
        ):
            self.body_depth.append((len(self.stack) + 1, self.name))
            self.found[self.name] = []
        elif self.body_depth and len(self.stack) == self.body_depth[-1][0]:
            member = tag == "dl" and "py" in classes
            self.found[self.body_depth[-1][1]].append(
                "member" if member else "text"
            )
        self.stack.append((tag, classes))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or not self.stack:
            return
        if self.body_depth and len(self.stack) == self.body_depth[-1][0]:
            self.body_depth.pop()
        self.stack.pop()


def class_bodies(page_html: str) -> dict[str, list[str]]:
    """Return, for each class on a page, the parts of its body in order."""
    parser = _ClassBodies()
    parser.feed(page_html)
    parser.close()
    return parser.found


def test_a_class_says_its_piece_before_its_members(site: Path) -> None:
    """
    A class's raises, example and notes come before its attributes.

    Napoleon makes each attribute an entry; what a docstring has after
    its ``Attributes:`` would otherwise read as part of the last one (the
    constructor's Raises under ``HistoricalDate.reason``).
    """
    found = {}
    for page in api_pages(site):
        found.update(class_bodies(page.read_text("utf-8")))

    assert len(found) > 30
    for name, parts in found.items():
        members = parts.index("member") if "member" in parts else len(parts)

        assert "text" not in parts[members:], name
    historical = found["secretspeech.HistoricalDate"]
    assert historical.index("member") >= 4  # 3 paragraphs, raises, example


def test_the_class_body_reader_sees_text_after_members() -> None:
    """The reader above tells text after a member, the defect it guards."""
    page = (
        '<dl class="py class"><dt class="sig sig-object py" id="X">X</dt>'
        "<dd><p>About X.</p>"
        '<dl class="py attribute"><dt>a</dt><dd><p>A.</p></dd></dl>'
        '<dl class="field-list simple"><dt>Raises</dt><dd>E</dd></dl>'
        "</dd></dl>"
    )

    assert {"X": ["text", "member", "text"]} == class_bodies(page)


def test_exceptions_show_their_public_bases(site: Path) -> None:
    """Each exception says what it is also: ``Bases: SecretSpeechError, …``."""
    page = (site / "api" / "errors" / "index.html").read_text("utf-8")
    for name in exceptions.__all__:
        cls = getattr(exceptions, name)
        start = page.index(f'id="secretspeech.{name}"')
        bases = re.search(r"<p>Bases: (.*?)</p>", page[start:], re.DOTALL)
        assert bases, name
        text = html.unescape(re.sub(r"<[^>]+>", "", bases[1]))

        assert ", ".join(b.__name__ for b in cls.__bases__) == text
        for base in cls.__bases__:
            if base.__module__.startswith("secretspeech"):
                assert (
                    f'href="#secretspeech.{base.__name__}" '
                    f'title="secretspeech.{base.__name__}"'
                ) in bases[1]


def test_links_and_examples_name_the_public_api(site: Path) -> None:
    """
    No link of the reference is titled, nor example written, privately.

    A type in a signature links to where it is documented, titled as users
    import it (``secretspeech.HistoricalDate``, not
    ``secretspeech._dates.HistoricalDate``).
    """
    private = re.compile(r"secretspeech\.(?:_[a-z]|exceptions\.)")
    titles = 0
    for page in api_pages(site):
        text = page.read_text("utf-8")
        for title in re.findall(r'<a [^>]*title="([^"]*)"', text):
            titles += 1

            assert not private.match(title), (page, title)
    for page, _, code, _ in blocks(site):
        if is_api(site, page):
            assert not re.search(r">>> (from|import) secretspeech\._", code)

    assert titles > 500


# ------------------------------------------------------------ search


def search_index(site: Path) -> dict[str, Any]:
    """Return the site's search index."""
    path = site / "search" / "search_index.json"
    return json.loads(path.read_text("utf-8"))  # type: ignore[no-any-return]


def public_names() -> set[str]:
    """Return the dotted name of every public object."""
    names = {f"secretspeech.{name}" for name in ss.__all__}
    names |= {f"secretspeech.{name}" for name in exceptions.__all__}
    names |= {f"secretspeech.strategies.{n}" for n in strategies.__all__}
    for name in ss.__all__:
        cls = getattr(ss, name)
        if inspect.isclass(cls) and attrs.has(cls):
            names |= {
                f"secretspeech.{name}.{field.name}"
                for field in attrs.fields(cls)
                if not field.name.startswith("_")
            }
    return names


def test_every_public_name_has_its_own_search_entry(site: Path) -> None:
    """The one search box finds each public name, titled by its name."""
    docs = search_index(site)["docs"]
    entries = {
        doc["location"].split("#", 1)[1]: doc
        for doc in docs
        if doc["location"].startswith("api/")
        and "#secretspeech." in (doc["location"])
    }

    assert [] == sorted(public_names() - set(entries))
    assert (
        "Quotation.segments"
        == (entries["secretspeech.Quotation.segments"]["title"])
    )


def tokens(text: str, separator: str) -> set[str]:
    """Split *text* into lower-case words as the site's search does."""
    words = re.split(separator, html.unescape(re.sub(r"<[^>]+>", " ", text)))
    return {w.lower() for w in words if w}


@pytest.mark.parametrize(
    ("query", "where"),
    [
        (
            "coerce",
            "api/dates-and-periods/#secretspeech.HistoricalDate.coerce",
        ),
        ("NotFoundError", "api/errors/#secretspeech.NotFoundError"),
        (
            "Quotation.segments",
            "api/events-and-quotations/#secretspeech.Quotation.segments",
        ),
        ("ss.timeline", "api/queries/#secretspeech.timeline"),
        ("from_type", "how-to/property-testing/"),
    ],
)
def test_one_search_finds_guides_and_api_entries(
    site: Path, query: str, where: str
) -> None:
    """A query finds the entry whose title holds every word of it."""
    index = search_index(site)
    separator = index["config"]["separator"]
    wanted = tokens(query, separator)
    hits = [
        doc["location"]
        for doc in index["docs"]
        if wanted <= tokens(doc["title"] + " " + doc["text"], separator)
    ]

    assert any(hit.startswith(where) for hit in hits), hits


def test_dotted_names_are_split_into_words(site: Path) -> None:
    """``Quotation.segments`` is two words; ``1.5`` and ``1956-7`` stay."""
    separator = search_index(site)["config"]["separator"]

    assert ["Quotation", "segments"] == re.split(
        separator, "Quotation.segments"
    )
    assert ["1.5"] == re.split(separator, "1.5")


# ------------------------------------------------------------ code blocks


_BLOCK = re.compile(
    r'<div class="language-(?P<lang>[\w-]+) highlight">'
    r"<pre\b(?P<attrs>[^>]*)>(?P<code>.*?)</pre>",
    re.DOTALL,
)


def blocks(site: Path) -> list[tuple[Path, str, str, str | None]]:
    """Return (page, language, code text, text to copy) for every block."""
    found = []
    for page in pages(site):
        for match in _BLOCK.finditer(page.read_text("utf-8")):
            code = html.unescape(re.sub(r"<[^>]+>", "", match["code"]))
            copy = re.search(r'data-copy="([^"]*)"', match["attrs"])
            found.append(
                (
                    page,
                    match["lang"],
                    code,
                    html.unescape(copy[1]) if copy else None,
                )
            )
    return found


def test_copy_buttons_copy_code_that_runs(site: Path) -> None:
    """A session's copy text has no prompts and no output, and compiles."""
    sessions = 0
    for page, lang, code, copy in blocks(site):
        if lang not in {"pycon", "console"} and not code.startswith(">>> "):
            continue
        assert copy is not None, (page, code[:60])
        sessions += 1
        if lang == "console":
            assert not re.search(r"^(\$|>) ", copy, re.MULTILINE), page
            continue
        assert ">>>" not in copy.replace('">>>', "")
        typed = [
            line[4:]
            for line in code.splitlines()
            if line.startswith((">>> ", "... "))
        ]
        assert [line for line in copy.splitlines() if line] == [
            line for line in typed if line
        ]
        compile(copy, f"{page}", "exec")

    assert sessions > 50


def test_the_copy_hook_keeps_only_what_is_typed() -> None:
    """Prompts go, output goes, blank continuation lines stay."""
    hook = load_hook("site")
    session = ">>> for x in (1, 2):\n...     print(x)\n...\n1\n2\n>>> x\n2\n"

    assert "for x in (1, 2):\n    print(x)\n\nx\n" == hook.typed(
        session, (">>> ", "... ")
    )
    assert hook.typed("just code\n", (">>> ", "... ")) is None


def test_code_fits_the_column(site: Path) -> None:
    """
    At 1280 pixels, no code block needs a horizontal scrollbar.

    A code block shows 80 characters a line in a guide, 77 inside an API
    entry (measured in Chromium).  Python session output wraps
    (extra.css), so only the lines a reader types must fit; other code,
    and a command's output, must fit whole.  The reference pages (the
    data tables, the example scripts' output) may scroll.
    """
    wide = []
    for page, lang, code, _ in blocks(site):
        if page_url(site, page).startswith("reference/"):
            continue
        width = 77 if is_api(site, page) else 80
        lines = code.splitlines()
        if lang == "pycon" or code.startswith(">>> "):
            lines = [
                line for line in lines if line.startswith((">>> ", "... "))
            ]
        wide += [
            f"{page_url(site, page)}: {line}"
            for line in lines
            if len(line) > width
        ]

    assert [] == wide


def test_every_table_heads_its_columns(site: Path) -> None:
    """No table opens with a blank band: each header row has words."""
    blank = [
        page_url(site, page)
        for page in pages(site)
        for head in re.findall(
            r"<thead>(.*?)</thead>", page.read_text("utf-8"), re.DOTALL
        )
        if not re.sub(r"<[^>]+>|\s", "", head)
    ]

    assert [] == blank


def test_data_tables_mark_nothing_with_a_dash(site: Path) -> None:
    """A data reference cell with nothing to say shows “—”, never blank."""
    blank = [
        page_url(site, page)
        for page in sorted((site / "reference" / "data").rglob("*.html"))
        for cell in re.findall(
            r"<td[^>]*>(.*?)</td>", page.read_text("utf-8"), re.DOTALL
        )
        if not cell.strip()
    ]

    assert [] == blank


def test_install_commands_install_from_the_checkout(site: Path) -> None:
    """
    No page tells a reader to install the package by name from PyPI.

    The package is not on PyPI yet (the install page says so), so
    ``pip install "secretspeech[graph]"`` fails, or installs whatever
    else has taken the name; an extra is installed from the checkout,
    ``python -m pip install ".[graph]"``.  When the package is published,
    the install page changes and this test with it.  Python sessions are
    left out (they show the messages the code makes, which name the
    extra for any install), and so is the changelog (what was).
    """
    install = (site / "install" / "index.html").read_text("utf-8")
    assert "not on PyPI yet" in install
    by_name = re.compile(r"""pip\s+install\s+(?:-e\s+)?["']?secretspeech""")
    session = re.compile(
        r"<pre\b(?:(?!</pre>).)*&gt;&gt;&gt; .*?</pre>", re.DOTALL
    )
    found = [
        f"{page_url(site, page)}: {match[0]}"
        for page in pages(site)
        if page_url(site, page) != "changelog/"
        for match in by_name.finditer(
            html.unescape(
                re.sub(
                    r"<[^>]+>", "", session.sub("", page.read_text("utf-8"))
                )
            )
        )
    ]

    assert [] == found


def test_ids_in_tables_never_break_inside_a_word() -> None:
    """Code in tables (ids) does not wrap; a wide table scrolls instead."""
    css = (ROOT / "docs" / "stylesheets" / "extra.css").read_text("utf-8")
    rule = re.search(r"table:not\(\[class\]\) code \{([^}]*)\}", css)

    assert rule
    assert "white-space: nowrap" in rule[1]
    assert "word-break: keep-all" in rule[1]


# ------------------------------------------------------------ code names


def test_guides_link_code_names_to_the_api(site: Path) -> None:
    """Public names written as code in the guides link to their entries."""
    classes = [n for n in ss.__all__ if n[:1].isupper()]
    functions = [f"ss.{n}" for n in ss.__all__ if n[:1].islower()]
    unlinked = []
    linked = 0
    for page in pages(site):
        if is_api(site, page) or page.name != "index.html":
            continue
        text = content(page.read_text("utf-8"))
        rest = outside(text)
        unlinked += [
            f"{page_url(site, page)}: {shown}"
            for name in (*classes, *functions)
            for shown in (name, f"{name}()")
            if f"<code>{shown}</code>" in rest
        ]
        linked += len(
            re.findall(r'<a href="[^"]*api/[^"]*#secretspeech\.', text)
        )

    assert [] == unlinked
    assert linked > 100


def test_the_resolver_links_only_explicit_names() -> None:
    """``ss.events.filter`` is `Collection.filter`; a bare ``kind`` is not."""
    hook = load_hook("sphinx_api")
    hook._targets.update(
        {
            name: f"api/x/#{name}"
            for name in (
                "secretspeech.Collection.filter",
                "secretspeech.Event",
                "secretspeech.Event.kind",
                "secretspeech.timeline",
                "secretspeech.strategies.corpora",
            )
        }
    )
    aliases = {"events": "Collection", "article": "Article"}

    assert "secretspeech.Collection.filter" == hook.resolve(
        "ss.events.filter(kind=...)", aliases
    )
    assert "secretspeech.Event" == hook.resolve("Event", aliases)
    assert "secretspeech.Event.kind" == hook.resolve("Event.kind", aliases)
    assert "secretspeech.timeline" == hook.resolve("ss.timeline()", aliases)
    assert "secretspeech.strategies.corpora" == hook.resolve(
        "strategies.corpora()", aliases
    )
    assert hook.resolve("kind", aliases) is None
    assert hook.resolve("speech.date", aliases) is None
    assert hook.resolve("1956-02", aliases) is None
