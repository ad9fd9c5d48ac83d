"""
Regenerate ``src/secretspeech/_data/`` from ``data/``.

``data/seed.txt`` is the article as received (a web page's text, debris and
all); ``data/records.toml`` is the curated dataset, ``data/claims.toml`` the
article's argument and ``data/notes.toml`` the cited notes from the public
record, whose evidence is written as quotes rather than offsets. This
script cuts the canonical text out of the seed, anchors every quote to its
offsets, resolves every date and writes ``article.txt``, ``corpus.json``
and the document's JSON Schema, ``corpus.schema.json``.  Once the corpus
has loaded with every check, it records the SHA-256 of ``article.txt`` and
``corpus.json`` in ``corpus.sha256``, as ``sha256sum`` prints them: the
package builds data with exactly that digest without checking it again.
``tests/test_data.py`` proves the shipped files are exactly what this
script makes, so they cannot drift.

Usage: ``python scripts/build_data.py [--check]``
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any


ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed.txt"
RECORDS = ROOT / "data" / "records.toml"
NOTES = ROOT / "data" / "notes.toml"
CLAIMS = ROOT / "data" / "claims.toml"
SOURCES = ROOT / "data" / "sources.toml"
OUT = ROOT / "src" / "secretspeech" / "_data"
REVIEW = ROOT / "docs" / "reference" / "relation-review.md"
CONTEXT = 32
FIRST_LINE = "Political speeches are usually one-day wonders."
LAST_LINE = "It would take another generation before growing crisis"
MARK = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)
#: The keys whose values are dates (or lists of them) written as wording
#: plus EDTF.
DATES = frozenset({"date", "published", "also_dated", "born", "died"})
#: The keys whose values are one span, written as a quote: a relation's
#: link, the cue of a quotation or a claim, a speaker's mention, the words
#: that tie a quotation to its occasion.
SPANS = frozenset({"link", "cue", "speaker_mention", "occasion_link"})


def canonical_text(seed: str) -> str:
    """
    Cut the article body out of the web page and normalise its layout.

    The body runs from the first sentence to the last paragraph; what is
    around it (download and age banners, title, standfirst, the caption
    printed twice, the dangling "can be read at" link text, the book
    advert, sign-up, news and donation lines) is page furniture, kept as
    metadata where it says something about the article. Paragraphs are
    separated by one blank line and the text ends with a newline; no
    character inside a paragraph is changed.
    """
    start = seed.index(FIRST_LINE)
    last = seed.index(LAST_LINE)
    end = seed.index("\n", last)
    body = seed[start:end]
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "\n\n".join(paragraphs) + "\n"


def anchor(text: str, quote: str, where: str) -> dict[str, Any]:
    """Find *quote* in *text*; ``[[...]]`` marks the span inside context."""
    marked = MARK.search(quote)
    if marked:
        context = quote.replace("[[", "").replace("]]", "")
        offset = marked.start()
        exact = marked.group(1)
    else:
        context, offset, exact = quote, 0, quote
    hits = [m.start() for m in re.finditer(re.escape(context), text)]
    if len(hits) != 1:
        msg = f"{where}: {quote!r} occurs {len(hits)} times in the text"
        raise SystemExit(msg)
    start = hits[0] + offset
    return anchor_at(text, start, start + len(exact))


def mentions(text: str, words: list[str]) -> list[dict[str, Any]]:
    """Anchor every whole-word occurrence of each of *words*."""
    spans = [
        anchor_at(text, m.start(), m.end())
        for word in words
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    ]
    return sorted(spans, key=lambda s: s["start"])


def anchor_at(text: str, start: int, end: int) -> dict[str, Any]:
    """Return the selectors of the span *start*:*end*."""
    return {
        "start": start,
        "end": end,
        "exact": text[start:end],
        "prefix": text[max(0, start - CONTEXT) : start],
        "suffix": text[end : end + CONTEXT],
    }


def resolve(value: Any, text: str, where: str) -> Any:
    """
    Anchor every ``evidence`` and ``segments`` list; resolve dates.

    A record's ``mentions`` (words whose every whole-word occurrence
    mentions it) become evidence after the explicit spans, which keep
    their order: the first is the record's primary span. A mention that
    lies inside an explicit span is not repeated.
    """
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key == "mentions":
                continue
            if key in {"evidence", "segments"}:
                out[key] = [
                    anchor(text, q, f"{where}.{key}[{i}]")
                    for i, q in enumerate(item)
                ]
            elif key in DATES or key in SPANS:
                out[key] = value_of(key, item, text, f"{where}.{key}")
            else:
                out[key] = resolve(item, text, f"{where}.{key}")
        if "mentions" in value:
            # A mention inside an explicit span adds nothing: skip it.
            taken = [(e["start"], e["end"]) for e in out["evidence"]]
            for span in mentions(text, value["mentions"]):
                if not any(
                    a <= span["start"] and span["end"] <= b for a, b in taken
                ):
                    out["evidence"].append(span)
                    taken.append((span["start"], span["end"]))
        return out
    if isinstance(value, list):
        return [resolve(v, text, f"{where}[{i}]") for i, v in enumerate(value)]
    return value


def value_of(key: str, item: Any, text: str, where: str) -> Any:
    """Resolve a span (one quote) or a date, or a list of dates."""
    if key in SPANS:
        return anchor(text, item, where)
    if isinstance(item, list):
        return [date(d, where) for d in item]
    return date(item, where)


def date(spec: dict[str, Any], where: str) -> dict[str, Any]:
    """Expand a date written as wording + EDTF into all its fields."""
    sys.path.insert(0, str(ROOT / "src"))
    from secretspeech._dates import Calendar, HistoricalDate  # noqa: PLC0415

    try:
        d = HistoricalDate.from_edtf(
            spec["edtf"],
            text=spec["text"],
            calendar=Calendar(spec.get("calendar", "gregorian")),
            relative_to=spec.get("relative_to"),
        )
    except Exception as e:
        raise SystemExit(f"{where}: {e}") from e
    expanded = {
        "text": d.text,
        "edtf": d.edtf,
        "earliest": d.earliest.isoformat(),
        "latest": d.latest.isoformat(),
        "precision": d.precision.value,
        "approximate": d.approximate,
        "uncertain": d.uncertain,
        "calendar": d.calendar.value,
        "relative_to": d.relative_to,
    }
    # Where the date comes from, and why if it is inferred.
    for key in ("basis", "reason"):
        if key in spec:
            expanded[key] = spec[key]
    return expanded


def build() -> dict[Path, str]:
    """Return the generated files by name."""
    text = canonical_text(SEED.read_text(encoding="utf-8"))
    records = tomllib.loads(RECORDS.read_text(encoding="utf-8"))
    for extra in (CLAIMS, NOTES, SOURCES):
        if extra.exists():
            records.update(tomllib.loads(extra.read_text(encoding="utf-8")))
    works = records.pop("sources", [])
    meta = records.pop("article")
    meta = {**resolve(meta, text, "article")}
    meta["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    corpus: dict[str, Any] = {
        "format": 1,
        "data_version": records.pop("data_version"),
        "article": meta,
    }
    for kind, items in records.items():
        corpus[kind] = [
            resolve(item, text, f"{kind}[{item.get('id', i)}]")
            for i, item in enumerate(items)
        ]
    cite(corpus, works)
    document = json.dumps(corpus, ensure_ascii=False, indent=1) + "\n"
    return {
        OUT / "article.txt": text,
        OUT / "corpus.json": document,
        OUT / "corpus.sha256": checked_digest(document, text),
        OUT / "corpus.schema.json": document_schema(),
        REVIEW: relation_review(corpus, text),
    }


def checked_digest(document: str, text: str) -> str:
    """
    Return the digest listing of the data, once it has loaded in full.

    The listing is what ``sha256sum article.txt corpus.json`` prints for the
    files as written.  The package trusts data with this digest, so it is
    only given for data that passes every check of the loader: anything
    else stops the build with the loader's message.
    """
    sys.path.insert(0, str(ROOT / "src"))
    from secretspeech._load import (  # noqa: PLC0415
        DATA_FILES,
        digest_listing,
        parse_corpus,
    )

    # The full load, checks and all; it raises InvalidCorpusError.
    parse_corpus(document, text, source="corpus.json")
    files = {"article.txt": text, "corpus.json": document}
    return digest_listing(
        {name: files[name].encode("utf-8") for name in DATA_FILES}
    )


def document_schema() -> str:
    """Return the JSON Schema of the document, as the package makes it."""
    sys.path.insert(0, str(ROOT / "src"))
    from secretspeech._jsonschema import json_schema  # noqa: PLC0415

    return json.dumps(json_schema(), ensure_ascii=False, indent=1) + "\n"


def cite(corpus: dict[str, Any], sources: list[dict[str, Any]]) -> None:
    """
    Put the works each note cites in place of their ids.

    ``data/sources.toml`` lists each work once, under an id; the corpus
    holds a note's sources as values, so the ids go.  An id that names no
    source, and a source that no note cites, stop the build.
    """
    works = {
        work["id"]: {k: v for k, v in work.items() if k != "id"}
        for work in sources
    }
    cited: set[str] = set()
    for note in corpus.get("notes", []):
        unknown = [i for i in note["sources"] if i not in works]
        if unknown:
            msg = f"notes[{note['id']}].sources: no source {unknown[0]!r}"
            raise SystemExit(msg)
        cited.update(note["sources"])
        note["sources"] = [works[i] for i in note["sources"]]
    unused = sorted(set(works) - cited)
    if unused:
        raise SystemExit(f"sources: {unused[0]!r} is cited by no note")


def relation_review(corpus: dict[str, Any], text: str) -> str:
    """
    Return the relation review: every relation with the words that make it.

    One entry per relation, in data order: source, kind and target, the
    article's linking words, and the evidence with those words in bold, so
    that each link can be checked against the article in one sitting.
    """
    names = {
        record["id"]: record.get("name", record["id"])
        for kind, records in corpus.items()
        if isinstance(records, list)
        for record in records
        if "id" in record
    }
    lines = [
        "# Relation review",
        "",
        (
            "<!-- Generated by scripts/build_data.py from data/records.toml; "
            "do not edit. -->"
        ),
        "",
        (
            "Every relation of the bundled data, with the article's own "
            "words that make the link (in bold) inside the evidence that "
            "holds them. "
            "A relation's kind renders those words: *leads to* for “led to”, "
            "*contributes to* for “helped to”, and so on (see "
            "[Curation rules](../explanation/curation.md#relations)). "
            "`tests/test_data.py` checks that this page is current."
        ),
        "",
    ]
    for relation in corpus.get("relations", []):
        link = relation["link"]
        lines += [
            f"## `{relation['id']}`",
            "",
            (
                f"{names[relation['source']]} *{relation['kind']}* "
                f"{names[relation['target']]}"
            ),
            "",
            f"Linking words: “{link['exact']}”",
            "",
        ]
        for span in relation["evidence"]:
            start, end = span["start"], span["end"]
            quote = text[start:end]
            if start <= link["start"] and link["end"] <= end:
                a, b = link["start"] - start, link["end"] - start
                quote = f"{quote[:a]}**{quote[a:b]}**{quote[b:]}"
            lines += [f"> {' '.join(quote.split())}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    """Write the files, or with ``--check`` report whether they are stale."""
    files = build()
    stale = [
        path
        for path, content in files.items()
        if not path.exists() or path.read_text(encoding="utf-8") != content
    ]
    if "--check" in argv:
        for path in stale:
            print(f"stale: {path}")
        return 1 if stale else 0
    for path, content in files.items():
        path.write_text(content, encoding="utf-8", newline="\n")
    print(f"wrote {', '.join(str(p.relative_to(ROOT)) for p in files)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
