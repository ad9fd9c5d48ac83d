"""
MkDocs hook: the Sphinx API reference as pages of this site, under ``/api/``.

Sphinx runs on ``docs/sphinx/`` with warnings as errors and nitpicky
references (``-W -n``) and its JSON builder, which writes each page's body
without a theme.  Every page of its table of contents becomes a page of the
MkDocs site (``api/<name>/``), so the API reference has the site's theme,
header, navigation, dark mode and table of contents, and one search box
finds guide pages and API entries alike: each documented object is its own
search entry, titled with its dotted name.

The same hook links code names in the guides to their API entries
(```Event```, ```ss.timeline()```, ```HistoricalDate.coerce```), so no
page links to the reference by hand.
"""

from __future__ import annotations

import functools
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url


if TYPE_CHECKING:
    from collections.abc import Iterator

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


#: Where the API reference appears in the site.
MOUNT = "api"
_build_dirs: list[Path] = []


class _Page:
    """One page of the reference: its Sphinx body and what it documents."""

    def __init__(self, name: str, data: dict[str, Any]) -> None:
        self.name = name
        self.title = _text(data["title"])
        self.body = _layout(data["body"])
        first = re.search(r'<section id="([^"]+)"', self.body)
        self.toc = _toc(data["toc"], first[1] if first else "")
        self.objects = _Objects.read(self.body)


_pages: dict[str, _Page] = {}  # by source path, e.g. "api/corpus.md"
_targets: dict[str, str] = {}  # dotted name -> site URL with anchor


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Run Sphinx and add one generated page per reference page."""
    _pages.clear()
    _targets.clear()
    root = Path(config.config_file_path).resolve().parent
    work = Path(tempfile.mkdtemp(prefix="secretspeech-api-"))
    _build_dirs.append(work)
    out = work / "json"
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-W",
        "-n",
        "-q",
        "-b",
        "json",
        "-d",
        str(work / "doctrees"),
        str(root / "docs" / "sphinx"),
        str(out),
    ]
    done = subprocess.run(command, check=False, cwd=root)
    if done.returncode:
        msg = (
            f"Sphinx failed (exit {done.returncode}) building the API "
            "reference; its warnings are above.  Reproduce with: "
            "python -m sphinx -W -n -b json docs/sphinx build/api"
        )
        raise PluginError(msg)
    for name in _contents(out):
        data = json.loads((out / f"{name}.fjson").read_text("utf-8"))
        page = _Page(name, data)
        uri = f"{MOUNT}/{name}.md"
        _pages[uri] = page
        url = f"{MOUNT}/" if name == "index" else f"{MOUNT}/{name}/"
        for anchor, _, _ in page.objects:
            _targets.setdefault(anchor, f"{url}#{anchor}")
        # The Markdown is only a title: on_page_content puts Sphinx's body
        # in its place.
        files.append(
            File.generated(
                config,
                uri,
                content=f"# {page.title}\n",
                # mkdocs.yml names the index; on_nav adds the others.
                inclusion=InclusionLevel.INCLUDED
                if name == "index"
                else InclusionLevel.NOT_IN_NAV,
            )
        )
    # Other projects' Sphinx can link here with intersphinx.
    files.append(
        File.generated(
            config,
            f"{MOUNT}/objects.inv",
            abs_src_path=str(out / "objects.inv"),
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
    )
    return files


def _contents(out: Path) -> list[str]:
    """Return the index and the pages of its table of contents, in order."""
    index = json.loads((out / "index.fjson").read_text("utf-8"))
    names = re.findall(
        r'<li class="toctree-l1"><a class="reference internal" '
        r'href="([^"#]+)/">',
        index["body"],
    )
    return ["index", *names]


def on_nav(
    nav: Navigation,
    config: MkDocsConfig,  # noqa: ARG001 -- hook API
    files: Files,
) -> Navigation:
    """
    Show the reference's pages in the navigation, under its index.

    ``mkdocs.yml`` names only ``api/index.md``; the pages below it are those
    of Sphinx's table of contents, so they are listed in one place only.
    """
    pages = [files.get_file_from_path(uri) for uri in _pages]
    found = [file.page for file in pages if file is not None]
    if len(found) != len(_pages) or None in found:
        raise PluginError("the API reference pages were not read")
    section = Section(_pages[f"{MOUNT}/index.md"].title, list(found))
    for page in found:
        page.parent = section  # type: ignore[union-attr]
    if not _replace(nav.items, found[0], section, None):
        raise PluginError(f"mkdocs.yml's nav must name {MOUNT}/index.md")
    flat = list(_pages_of(nav.items))
    for before, page, after in zip(
        [None, *flat[:-1]], flat, [*flat[1:], None], strict=True
    ):
        page.previous_page, page.next_page = before, after
    nav.pages = flat
    return nav


def _replace(
    items: list[Any], old: object, new: Section, parent: Section | None
) -> bool:
    """Put *new* where *old* is in the nav *items*; tell if it was found."""
    for i, item in enumerate(items):
        if item is old:
            items[i] = new
            new.parent = parent
            return True
        if isinstance(item, Section) and _replace(
            item.children, old, new, item
        ):
            return True
    return False


def _pages_of(items: list[Any]) -> Iterator[Page]:
    """Yield the pages of the nav *items*, in order."""
    for item in items:
        if isinstance(item, Section):
            yield from _pages_of(item.children)
        elif item.is_page:
            yield item


def on_page_content(
    html_: str,
    page: Page,
    config: MkDocsConfig,  # noqa: ARG001 -- hook API
    files: Files,  # noqa: ARG001 -- hook API
) -> str:
    """Put Sphinx's body into API pages; link code names in the others."""
    reference = _pages.get(page.file.src_uri)
    if reference is not None:
        page.toc = get_toc(reference.toc)
        return reference.body
    return _link_code_names(html_, page.url)


def on_page_context(
    context: dict[str, Any],
    page: Page,
    config: MkDocsConfig,
    nav: object,  # noqa: ARG001 -- hook API
) -> dict[str, Any]:
    """Give every documented object a search entry of its own."""
    reference = _pages.get(page.file.src_uri)
    search = config.plugins.get("material/search")
    if reference is None or search is None:
        return context
    for anchor, title, text in reference.objects:
        search.search_index.entries.append(  # type: ignore[attr-defined]
            {"location": f"{page.url}#{anchor}", "title": title, "text": text}
        )
    return context


def on_post_build(config: MkDocsConfig) -> None:  # noqa: ARG001 -- hook API
    """Remove the temporary Sphinx builds once the site is written."""
    while _build_dirs:
        shutil.rmtree(_build_dirs.pop(), ignore_errors=True)


def on_build_error(error: Exception) -> None:  # noqa: ARG001 -- hook API
    """Remove the temporary Sphinx builds after a failed build too."""
    while _build_dirs:
        shutil.rmtree(_build_dirs.pop(), ignore_errors=True)


# ------------------------------------------------------------ the page body


def _text(fragment: str) -> str:
    """Return the plain text of an HTML *fragment*."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


_SPHINX_CODE = re.compile(
    r'<div class="(?:doctest )?highlight-(?P<lang>[\w-]+) notranslate">'
    r'<div class="highlight"><pre>(?:<span></span>)?(?P<code>.*?)</pre>'
    r"</div>\s*</div>",
    re.DOTALL,
)


def _layout(body: str) -> str:
    """
    Return Sphinx's *body* in the markup the site's theme styles.

    Code blocks get the ``<pre><code>`` shape the theme gives its copy
    buttons and colours to (Sphinx and the site's highlighter use the same
    Pygments classes).  Object descriptions are left out of the theme's
    own search sections, since each one has an entry of its own.
    """

    def code(match: re.Match[str]) -> str:
        lang = match["lang"]
        if lang == "default" and match["code"].lstrip().startswith(
            '<span class="gp">'
        ):
            lang = "pycon"
        return (
            f'<div class="language-{lang} highlight"><pre><span></span>'
            f"<code>{match['code']}</code></pre></div>"
        )

    body = _SPHINX_CODE.sub(code, body)
    return re.sub(
        r'<dl class="py ', '<dl data-search-exclude class="py ', body
    )


class _TocParser(HTMLParser):
    """Read Sphinx's nested ``<ul>`` table of contents into MkDocs tokens."""

    def __init__(self) -> None:
        super().__init__()
        self.roots: list[dict[str, Any]] = []
        self.stack: list[list[dict[str, Any]]] = []
        self.link: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Any]]) -> None:
        if tag == "ul":
            siblings = (
                self.stack[-1][-1]["children"] if self.stack else self.roots
            )
            self.stack.append(siblings)
        elif tag == "a" and self.stack:
            href = dict(attrs).get("href") or "#"
            self.link = {
                "level": len(self.stack),
                "id": href.removeprefix("#"),
                "name": "",
                "children": [],
            }
            self.stack[-1].append(self.link)

    def handle_endtag(self, tag: str) -> None:
        if tag == "ul" and self.stack:
            self.stack.pop()
        elif tag == "a":
            self.link = None

    def handle_data(self, data: str) -> None:
        if self.link is not None:
            self.link["name"] += html.escape(data)


def _toc(fragment: str, title_id: str) -> list[dict[str, Any]]:
    """Return the MkDocs table of contents of a page from Sphinx's."""
    parser = _TocParser()
    parser.feed(fragment)
    parser.close()

    def tidy(token: dict[str, Any], parent: str) -> dict[str, Any]:
        name = token["name"]
        if token["id"].startswith("secretspeech."):
            # Members under their class read better without the class.
            short = name.removeprefix(f"{parent}.") if parent else name
            shown = f"<code>{short}</code>"
        else:
            shown = name
        children = [tidy(child, name) for child in token["children"]]
        # Sphinx points the page title at "#"; the site, at the h1.
        return {
            **token,
            "id": token["id"] or title_id,
            "name": shown,
            "children": children,
        }

    return [tidy(token, "") for token in parser.roots]


class _Objects(HTMLParser):
    """Collect (anchor, title, text) for each documented object of a body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []
        self.depth = 0
        self.dt: tuple[str, int] | None = None  # anchor, depth
        self.signature: list[str] = []
        self.want_dd: tuple[str, str, int] | None = None
        self.dd_depth = -1
        self.summary: list[str] | None = None
        self.in_headerlink = False

    @classmethod
    def read(cls, body: str) -> list[tuple[str, str, str]]:
        parser = cls()
        parser.feed(body)
        parser.close()
        return parser.found

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Any]]) -> None:
        self.depth += 1
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "dt" and "sig-object" in classes and attributes.get("id"):
            self.dt = (attributes["id"], self.depth)
            self.signature = []
        elif tag == "a" and "headerlink" in classes:
            self.in_headerlink = True
        elif tag == "dd" and self.want_dd and self.dd_depth < 0:
            self.dd_depth = self.depth
        elif (
            tag == "p"
            and self.dd_depth == self.depth - 1
            and self.summary is None
        ):
            self.summary = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.in_headerlink = False
        if tag == "dt" and self.dt and self.dt[1] == self.depth:
            anchor = self.dt[0]
            signature = " ".join("".join(self.signature).split())
            self.want_dd = (anchor, signature, self.depth)
            self.dt = None
        elif tag == "p" and self.summary is not None and self.want_dd:
            self._emit(" ".join("".join(self.summary).split()))
        elif tag == "dd" and self.dd_depth == self.depth and self.want_dd:
            self._emit("")
        self.depth -= 1

    def _emit(self, summary: str) -> None:
        assert self.want_dd is not None  # noqa: S101 -- a parser invariant
        anchor, signature, _ = self.want_dd
        short = anchor.removeprefix("secretspeech.")
        # Module-level names are written ss.timeline in the guides.
        alias = f"ss.{short}" if "." not in short else ""
        words = " ".join(
            w for w in (anchor, short, alias, signature, summary) if w
        )
        self.found.append((anchor, short, html.escape(words)))
        self.want_dd = None
        self.dd_depth = -1
        self.summary = None

    def handle_data(self, data: str) -> None:
        if self.dt is not None and not self.in_headerlink:
            self.signature.append(data)
        elif self.summary is not None:
            self.summary.append(data)


# ------------------------------------------------------ links in the guides

# Inline code that is not inside a code block, a link or a heading.
_SKIP = re.compile(
    r"(<pre\b.*?</pre>|<a\b.*?</a>|<h[1-6]\b.*?</h[1-6]>)", re.DOTALL
)
_INLINE_CODE = re.compile(r"<code>([^<]+)</code>")
_NAME = re.compile(r"[A-Za-z_][\w.]*")


@functools.cache
def _aliases() -> dict[str, str]:
    """
    Return what the guides' module-level names stand for.

    ``ss.events.filter`` is `Collection.filter` and ``ss.article.text`` is
    `Article.text`: the first part is a module attribute whose type is
    documented.
    """
    import secretspeech as ss  # noqa: PLC0415 -- only when building docs

    return {
        name: type(value).__name__
        for name in ss.__all__
        if isinstance(value := getattr(ss, name), ss.Collection | ss.Article)
    }


def resolve(text: str, aliases: dict[str, str]) -> str | None:
    """
    Return the documented dotted name that the inline code *text* names.

    Only explicit names are linked: those written with ``ss.`` or
    ``secretspeech.``, with a dot, as a call, or capitalised like a class;
    a bare ``kind`` or ``id`` stays plain.
    """
    text = html.unescape(text).strip()
    called = re.fullmatch(r"(.+?)\(.*\)", text)
    if called:
        text = called[1]
    if not _NAME.fullmatch(text):
        return None
    explicit = text.startswith(("ss.", "secretspeech."))
    name = text.removeprefix("secretspeech.").removeprefix("ss.")
    parts = name.split(".")
    if not (explicit or called or "." in name or name[:1].isupper()):
        return None
    if len(parts) > 1 and parts[0] in aliases and explicit:
        parts = [aliases[parts[0]], *parts[1:]]
    for candidate in (
        "secretspeech." + ".".join(parts),
        "secretspeech.strategies." + ".".join(parts[1:])
        if parts[0] == "strategies"
        else "",
    ):
        if candidate in _targets:
            return candidate
    return None


def _link_code_names(page_html: str, page_url: str) -> str:
    """Link each inline code name on a guide page to its API entry."""
    aliases = _aliases()

    def link(match: re.Match[str]) -> str:
        name = resolve(match[1], aliases)
        if name is None:
            return match[0]
        href = get_relative_url(_targets[name], page_url)
        return f'<a href="{href}" title="{name}">{match[0]}</a>'

    pieces = _SKIP.split(page_html)
    return "".join(
        piece if i % 2 else _INLINE_CODE.sub(link, piece)
        for i, piece in enumerate(pieces)
    )
