"""
MkDocs hook: write the data reference pages from the bundled data.

Every table under ``reference/data/`` is generated at build time from
`secretspeech.corpus()`, through the public API only, so the reference can
never disagree with the data.  The pages are generated in memory
(``File.generated``); nothing is written into ``docs/``.

Each record's id carries an anchor, so ``reference/data/events.md#thaw``
links to the row of the event ``thaw``.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, Files

import secretspeech as ss


if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from mkdocs.config.defaults import MkDocsConfig


#: The generated pages, in the order of the nav.
PAGES = ("index", *(c.name for c in ss.SCHEMA))
_BASE = "reference/data"
_KIND_PAGE = {c.record_type: c.name for c in ss.SCHEMA}
_ESCAPE = re.compile(r"([\\`*_\[\]{}>|#])")
# A web address runs to the next space; `_url_end` then gives back the
# punctuation that ends the sentence around it.
_URL = re.compile(r"https?://[^\s<>]+")
_TRAILING = ".,;:!?'\"’”"
_DASH = "—"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated data reference pages to the site."""
    for name, text in pages(ss.corpus()).items():
        files.append(
            File.generated(config, f"{_BASE}/{name}.md", content=text)
        )
    return files


def pages(corpus: ss.Corpus) -> dict[str, str]:
    """Return the Markdown of every data reference page, by page name."""
    page_of = {r.id: _KIND_PAGE[type(r)] for r in corpus.records()}
    ref = _Linker(corpus, page_of)
    return {
        "index": _index(corpus),
        "people": _people(corpus),
        "groups": _groups(corpus, ref),
        "places": _places(corpus, ref),
        "events": _events(corpus, ref),
        "quotations": _quotations(corpus, ref),
        "statistics": _statistics(corpus, ref),
        "claims": _claims(corpus, ref),
        "relations": _relations(corpus, ref),
        "notes": _notes(corpus, ref),
    }


# ------------------------------------------------------------------ helpers


def _escape(value: str) -> str:
    return _ESCAPE.sub(r"\\\1", value).replace("<", "&lt;")


def text(value: object) -> str:
    """Escape *value* for a Markdown table cell, on one line."""
    flat = " ".join(str(value).split())
    return _escape(flat) if flat else _DASH


def linked_text(value: str) -> str:
    """Escape *value* like `text`, but make its web addresses links."""
    flat = " ".join(value.split())
    out, last = [], 0
    for match in _URL.finditer(flat):
        end = match.start() + _url_end(match.group())
        out += [
            _escape(flat[last : match.start()]),
            f"<{flat[match.start() : end]}>",
        ]
        last = end
    out.append(_escape(flat[last:]))
    return "".join(out) or _DASH


def _url_end(candidate: str) -> int:
    """
    Return where the web address at the start of *candidate* ends.

    Punctuation at the end belongs to the sentence, not to the address, and
    so does a closing parenthesis that closes none opened inside the
    address: ``https://en.wikipedia.org/wiki/The_Thaw_(Ehrenburg_novel)``
    keeps its last character, while the address in ``(see
    https://example.org/page).`` ends before ``).``.
    """
    end = len(candidate)
    while end:
        last = candidate[end - 1]
        unbalanced = last == ")" and candidate.count(
            "(", 0, end
        ) < candidate.count(")", 0, end)
        if last not in _TRAILING and not unbalanced:
            break
        end -= 1
    return end


def number(value: int | None) -> str:
    """Format a count with thousands separators, or a dash."""
    return _DASH if value is None else f"{value:,}"


def bounds(date: ss.HistoricalDate | None) -> str:
    """Return the first and last possible day of *date*."""
    if date is None:
        return _DASH
    first = "…" if date.earliest == dt.date.min else date.earliest.isoformat()
    last = "…" if date.latest == dt.date.max else date.latest.isoformat()
    return first if first == last else f"{first} – {last}"


def wording(date: ss.HistoricalDate | None, ref: _Linker) -> str:
    """
    Return the words for *date*, with calendar, anchor and basis.

    Only the article's own words are in quotation marks: an inferred date
    is the edition's wording, followed by its reason, and a date from the
    public record says so.
    """
    if date is None:
        return _DASH
    if date.basis in {ss.DateBasis.STATED, ss.DateBasis.RELATIVE}:
        out = f"“{text(date.text)}”"
    else:
        out = text(date.text)
    if date.calendar is not ss.Calendar.GREGORIAN:
        # A calendar is named for a person: "Julian", not "julian".
        out += f" ({date.calendar.value.capitalize()} calendar)"
    if date.relative_to:
        out += f" (relative to {ref(date.relative_to)})"
    if date.basis is ss.DateBasis.INFERRED:
        out += f" (inferred: {text(date.reason)})"
    elif date.basis is ss.DateBasis.RECORD:
        out += " (from the public record)"
    return out


def citation(source: ss.Source) -> str:
    """Return *source* as a bibliography entry, with where it was read."""
    out = f"*{text(source.kind.value)}*: {text(source.citation)}"
    if source.note:
        out += f" {text(source.note)}"
    if source.read_at:
        out += f" Read at {linked_text(source.read_at)}."
    return out


def table(
    header: Sequence[str], rows: Iterable[Sequence[str]], empty: str
) -> str:
    """Return a Markdown table, or *empty* if there are no rows."""
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n" if len(lines) > 2 else empty + "\n"


def anchor(record_id: str) -> str:
    """Return the id as code that carries the anchor ``#id``."""
    return f"`{record_id}`{{ #{record_id} }}"


class _Linker:
    """Turn ids into links to their rows."""

    def __init__(self, corpus: ss.Corpus, page_of: dict[str, str]) -> None:
        self.page_of = page_of
        self.name_of = {
            r.id: str(getattr(r, "name", None) or r.id)
            for r in corpus.records()
        }

    def __call__(self, record_id: str | None) -> str:
        if record_id is None:
            return _DASH
        page = self.page_of.get(record_id)
        if page is None:  # "article": the article itself
            return f"`{record_id}`"
        return f"[{text(self.name_of[record_id])}]({page}.md#{record_id})"

    def many(self, ids: Iterable[str]) -> str:
        return ", ".join(self(i) for i in ids) or _DASH


def _figures() -> ModuleType:
    """Return the figures hook beside this one, which names the pictures."""
    path = Path(__file__).with_name("figures.py")
    spec = importlib.util.spec_from_file_location(
        "_secretspeech_figures", path
    )
    if spec is None or spec.loader is None:
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _header(title: str, intro: str) -> str:
    return (
        f"# {title}\n\n"
        "<!-- Generated by docs/hooks/data_reference.py from the bundled "
        "data; do not edit. -->\n\n"
        f"{intro}\n\n"
    )


def _enum(value: object) -> str:
    return text(getattr(value, "value", value))


def _enums(values: Iterable[object]) -> str:
    return ", ".join(_enum(v) for v in values) or _DASH


# ------------------------------------------------------------------ pages


def _index(corpus: ss.Corpus) -> str:
    article = corpus.article
    counts: list[tuple[str, Sequence[object]]] = [
        (c.name, getattr(corpus, c.name)) for c in ss.SCHEMA
    ]
    facts = [
        ("Title", text(article.title)),
        ("Standfirst", text(article.standfirst)),
        ("Author", text(article.author)),
        ("Publication", text(article.publication)),
        ("Issue", str(article.issue)),
        (
            "Published",
            (
                f"{article.published_on.isoformat()} (the page prints "
                f"“{text(article.published.text)}”; see "
                "[Curation rules](../../explanation/curation.md"
                "#the-publication-date))"
            ),
        ),
        ("Caption", text(article.caption)),
        ("Language", f"`{article.language}`"),
        ("Text", f"{len(article.text):,} characters"),
        ("SHA-256 of the text", f"`{article.sha256}`"),
        ("Data version", f"`{corpus.data_version}`"),
    ]
    body = _header(
        "Data reference",
        "Every record of the bundled data, in tables generated from the data "
        "when the site is built.  The tables show the data of version "
        f"`{corpus.data_version}`; `secretspeech.DATA_VERSION` tells you "
        "which version you have installed.",
    )
    body += "## The article\n\n"
    body += table(("Field", "Value"), facts, "")
    body += "\n## The records\n\n"
    body += table(
        ("Collection", "Records"),
        [
            (f"[{name.capitalize()}]({name}.md)", str(len(items)))
            for name, items in counts
        ],
        "",
    )
    return body


def _people(corpus: ss.Corpus) -> str:
    body = _header(
        "People",
        "Everyone the article mentions, named or not (`named` is “no” when "
        "the article gives no proper name), in the order of the data "
        "(`secretspeech.people`).",
    )
    body += (
        "*Also called* lists the article's own wordings; *Other names* come "
        "from the public record, as do the dates of birth and death and the "
        "Wikidata item.\n\n"
    )
    return body + table(
        (
            "Id",
            "Name",
            "Also called",
            "Other names",
            "Roles",
            "Named",
            "Born",
            "Died",
            "Wikidata",
            "Description",
        ),
        (
            (
                anchor(p.id),
                text(p.name),
                text("; ".join(p.aliases)),
                text("; ".join(p.other_names)),
                _enums(p.roles),
                "yes" if p.named else "no",
                text(p.born.text) if p.born else _DASH,
                text(p.died.text) if p.died else _DASH,
                wikidata(p.wikidata),
                text(p.description),
            )
            for p in corpus.people
        ),
        "No people.",
    )


def wikidata(item: str | None) -> str:
    """Return a link to a Wikidata item, or a dash."""
    if item is None:
        return _DASH
    return f"[{item}](https://www.wikidata.org/wiki/{item})"


def _groups(corpus: ss.Corpus, ref: _Linker) -> str:
    body = _header(
        "Groups",
        "Parties, congresses, classes, peoples and leaderships "
        "(`secretspeech.groups`).",
    )
    return body + table(
        ("Id", "Name", "Kind", "Members", "Also called", "Description"),
        (
            (
                anchor(g.id),
                text(g.name),
                _enum(g.kind),
                ref.many(g.members),
                text("; ".join(g.aliases)),
                text(g.description),
            )
            for g in corpus.groups
        ),
        "No groups.",
    )


def _places(corpus: ss.Corpus, ref: _Linker) -> str:
    body = _header(
        "Places",
        "Countries, regions, cities and buildings (`secretspeech.places`).",
    )
    return body + table(
        ("Id", "Name", "Kind", "Within", "Also called", "Description"),
        (
            (
                anchor(p.id),
                text(p.name),
                _enum(p.kind),
                ref(p.within),
                text("; ".join(p.aliases)),
                text(p.description),
            )
            for p in corpus.places
        ),
        "No places.",
    )


def _events(corpus: ss.Corpus, ref: _Linker) -> str:
    body = _header(
        "Events",
        "Every event, in the order the story runs (`secretspeech.events`). "
        "*When* is the article's wording; *EDTF* its "
        "[Extended Date/Time Format](https://www.loc.gov/standards/datetime/) "
        "string; *Possible days* the first and last day that wording allows "
        "(proleptic Gregorian).  A relative wording says which record it was "
        "resolved against.",
    )
    body += (
        "![The dated events as spans from their earliest to their latest "
        "possible day](../../figures/timeline.svg)\n\n"
    )

    def also(event: ss.Event) -> str:
        return (
            "; ".join(
                f"{wording(d, ref)} = `{d.edtf}`" for d in event.also_dated
            )
            or _DASH
        )

    return body + table(
        (
            "Id",
            "Event",
            "Kind",
            "When",
            "EDTF",
            "Possible days",
            "Also dated",
            "People",
            "Groups",
            "Places",
            "About",
        ),
        (
            (
                anchor(e.id),
                text(e.name),
                _enum(e.kind),
                wording(e.date, ref),
                f"`{e.date.edtf}`" if e.date else _DASH,
                bounds(e.date),
                also(e),
                ref.many(e.participants),
                ref.many(e.groups),
                ref.many(e.places),
                ref.many(e.subjects),
            )
            for e in corpus.events
        ),
        "No events.",
    )


def _quotations(corpus: ss.Corpus, ref: _Linker) -> str:
    body = _header(
        "Quotations",
        "Every pair of quote marks, in article order "
        "(`secretspeech.quotations`).  *Segments* counts the pieces of a "
        "quotation interrupted by its attribution; editorial insertions such "
        "as “\\[or\\]” are kept as printed.",
    )
    return body + table(
        (
            "Id",
            "Words",
            "Kind",
            "Speaker",
            "Cue",
            "To",
            "When",
            "Occasion",
            "Segments",
            "About",
        ),
        (
            (
                anchor(q.id),
                f"“{text(q.text)}”",
                _enum(q.kind),
                ref(q.speaker),
                _span(q.cue) or _DASH,
                ref.many(q.addressees),
                wording(q.date, ref),
                _occasion(q, ref) or _DASH,
                str(len(q.segments)),
                ref.many(q.subjects),
            )
            for q in corpus.quotations
        ),
        "No quotations.",
    )


def _span(span: ss.Evidence | None) -> str:
    return "" if span is None else f"“{text(span.exact)}”"


def _occasion(quotation: ss.Quotation, ref: _Linker) -> str:
    """The event the words were said at, or why the article names none."""
    if quotation.occasion is not None:
        return f"{ref(quotation.occasion)} ({_span(quotation.occasion_link)})"
    return f"*{text(quotation.no_occasion)}*" if quotation.no_occasion else ""


def _claims(corpus: ss.Corpus, ref: _Linker) -> str:
    body = _header(
        "Claims",
        "The article's argument: each thing it asserts, judges or reports "
        "(`secretspeech.claims`), as a tree.  A claim stands under the one "
        "it is a step of, or is reported in (its *parent*), so a chain of "
        "reports reads downwards: the author reports Khrushchev, who cites "
        "Lenin's testament, which says that Stalin had too much power.  "
        "Each claim gives its *stance*, whose voice it is in (the author's "
        "assertion or evaluation, or a report of what someone said or "
        "thought, with the words that report it), what it claims and what "
        "it is about.  Claims without a parent are in article order.",
    )
    if not corpus.claims:
        return body + "No claims.\n"
    children: dict[str | None, list[ss.Claim]] = {}
    for claim in corpus.claims:
        children.setdefault(claim.parent, []).append(claim)

    def item(claim: ss.Claim, depth: int) -> str:
        voice = f"*{_enum(claim.stance)}*"
        if claim.by is not None and claim.cue is not None:
            voice += f" by {ref(claim.by)} (“{text(claim.cue.exact)}”)"
        about = (
            f"  About: {ref.many(claim.subjects)}." if claim.subjects else ""
        )
        line = (
            f"{'    ' * depth}- {anchor(claim.id)} {voice}: "
            f"{text(claim.summary)}{about}\n"
        )
        return line + "".join(
            item(child, depth + 1) for child in children.get(claim.id, [])
        )

    return body + "".join(item(c, 0) for c in children[None]) + "\n"


def _statistics(corpus: ss.Corpus, ref: _Linker) -> str:
    body = _header(
        "Statistics",
        "Every number the article gives, with its hedge "
        "(`secretspeech.statistics`).  *Low* and *High* are what the wording "
        "allows, not what is true; a dash means the wording leaves that side "
        "open.  The bounds for “tens of thousands”, “hundreds of thousands” "
        "and “millions” follow the [curation rules]"
        "(../../explanation/curation.md#numbers-and-their-hedges).",
    )
    return body + table(
        (
            "Id",
            "As written",
            "Kind",
            "Hedge",
            "Value",
            "Low",
            "High",
            "Counting",
            "When",
            "About",
        ),
        (
            (
                anchor(s.id),
                f"“{text(s.quantity.text)}”",
                _enum(s.quantity.kind),
                text(s.quantity.hedge or ""),
                number(s.quantity.value),
                number(s.quantity.low),
                number(s.quantity.high),
                text(s.counting),
                wording(s.date, ref),
                ref.many(s.about),
            )
            for s in corpus.statistics
        ),
        "No statistics.",
    )


def _relations(corpus: ss.Corpus, ref: _Linker) -> str:
    body = _header(
        "Relations",
        "Every link the article asserts between two records "
        "(`secretspeech.relations`).  The causal kinds — "
        + ", ".join(f"*{k.value}*" for k in ss.CAUSAL_KINDS)
        + " — are the ones `causes()` and `consequences()` follow.  "
        "*Linking words* are the article's own words that make each link; "
        "the [relation review](../relation-review.md) shows them in their "
        "sentences.",
    )
    body += (
        "The [pictures](#pictures) below the table draw them, one part of "
        "the story at a time.\n\n"
    )
    body += table(
        ("Id", "Source", "Kind", "Target", "Linking words", "Causal"),
        (
            (
                anchor(r.id),
                ref(r.source),
                _enum(r.kind),
                ref(r.target),
                f"“{text(r.link.exact)}”",
                "yes" if r.kind in ss.CAUSAL_KINDS else "no",
            )
            for r in corpus.relations
        ),
        "No relations.",
    )
    body += (
        "\n## Pictures\n\n"
        "Each relation is drawn in one of these pictures, as a layered "
        "graph: arrows point from source to target, and earlier or enabling "
        "events stand to the left.  A record may appear in several.\n\n"
    )
    for picture in _figures().relation_pictures(corpus):
        body += (
            f"### {picture.label}\n\n"
            f"![{picture.title}: the relations as a layered graph]"
            f"(../../{picture.uri})\n\n"
        )
    return body


def _notes(corpus: ss.Corpus, ref: _Linker) -> str:
    body = _header(
        "Notes",
        "What the public record says where it differs from or adds to the "
        "article (`secretspeech.notes`).  Notes never change the article's "
        "own data; they sit beside it, each with its sources.  The *verdict* "
        "says what the public record makes of the article's claim: it "
        "*agrees*, is *looser* (broadly right, or at the edge of the "
        "published range), *disputed* (the sources disagree), *disagrees*, "
        "*unverified* (no source, or only web pages that are not "
        "publications), or *identifies* what the article leaves open.",
    )

    if not corpus.notes:
        return body + "No notes yet.\n"
    body += (
        "Each note below gives its verdict, the records it is about, what "
        "it says, and the works it cites, with the address where each was "
        "read.\n\n"
    )
    for n in corpus.notes:
        body += (
            f"## `{n.id}` {{ #{n.id} }}\n\n"
            f"**Verdict:** *{_enum(n.verdict)}*.  "
            f"**About:** {ref.many(n.about)}.\n\n"
            f"{text(n.text)}\n\n"
            "**Sources:**\n\n"
            + "".join(f"- {citation(s)}\n" for s in n.sources)
            + "\n"
        )
    return body
