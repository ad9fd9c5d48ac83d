"""
Regenerate ``src/secretspeech/_data/`` from ``data/``.

``data/seed.txt`` is the article as received (a web page's text, debris and
all); ``data/records.toml`` is the curated dataset and ``data/notes.toml``
the cited notes from the public record, whose evidence is written
as quotes rather than offsets. This script cuts the canonical text out of
the seed, anchors every quote to its offsets, resolves every date and writes
``article.txt`` and ``corpus.json``. ``tests/test_data_build.py`` proves the
shipped files are exactly what this script makes, so they cannot drift.

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
OUT = ROOT / "src" / "secretspeech" / "_data"
CONTEXT = 32
FIRST_LINE = "Political speeches are usually one-day wonders."
LAST_LINE = "It would take another generation before growing crisis"
MARK = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)


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
            elif key in {"date", "published"} or key == "also_dated":
                out[key] = (
                    [date(d, f"{where}.{key}") for d in item]
                    if isinstance(item, list)
                    else date(item, f"{where}.{key}")
                )
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
    return {
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


def build() -> dict[str, str]:
    """Return the generated files by name."""
    text = canonical_text(SEED.read_text(encoding="utf-8"))
    records = tomllib.loads(RECORDS.read_text(encoding="utf-8"))
    if NOTES.exists():
        records.update(tomllib.loads(NOTES.read_text(encoding="utf-8")))
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
    return {
        "article.txt": text,
        "corpus.json": json.dumps(corpus, ensure_ascii=False, indent=1) + "\n",
    }


def main(argv: list[str]) -> int:
    """Write the files, or with ``--check`` report whether they are stale."""
    files = build()
    stale = [
        name
        for name, content in files.items()
        if not (OUT / name).exists()
        or (OUT / name).read_text(encoding="utf-8") != content
    ]
    if "--check" in argv:
        for name in stale:
            print(f"stale: {OUT / name}")
        return 1 if stale else 0
    for name, content in files.items():
        (OUT / name).write_text(content, encoding="utf-8", newline="\n")
    print(f"wrote {', '.join(files)} to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
