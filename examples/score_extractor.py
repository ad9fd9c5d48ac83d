"""
Score a simple quotation extractor against the curated quotations.

Usage::

    python examples/score_extractor.py [--all]

The extractor is a few regular expressions: the content is the text
between curly quote marks; the cue is the words after the closing mark,
up to the next punctuation, if they hold "said" or "told" ("he said soon
after", "said Khrushchev"); the speaker is the words of the cue before
the verb, or else after it.  A quotation interrupted by its cue (“We
should not,” he said, “give…”) is one prediction with two content spans.

It is scored against the utterances, or with ``--all`` against the
quoted terms too, part by part: precision and recall counting spans with
the same offsets (exact) or sharing a character (overlap).
"""

from __future__ import annotations

import re
import sys

import secretspeech as ss


QUOTE = re.compile(r"“([^”]*)”")
# After a closing mark: the words up to the next punctuation, with a verb.
CUE = re.compile(r"[^\S\n]*([^.,;:!?“”\n]*\b(?:said|told)\b[^.,;:!?“”\n]*)")
VERB = re.compile(r"\b(?:said|told)\b")

Span = tuple[int, int]


def speaker_in(cue: Span, text: str) -> Span | None:
    """Return the words of the cue before its verb, or else after it."""
    start, end = cue
    verb = VERB.search(text, start, end)
    if verb is None:
        return None
    before = text[start : verb.start()].strip()
    if before:
        return start, start + len(before)
    after = text[verb.end() : end]
    skip = len(after) - len(after.lstrip())
    return (verb.end() + skip, end) if after.strip() else None


def extract(text: str) -> list[tuple[Span | None, Span | None, list[Span]]]:
    """Find (speaker, cue, content) triples in *text*."""
    found: list[tuple[Span | None, Span | None, list[Span]]] = []
    joined = False
    for quote in QUOTE.finditer(text):
        content = quote.span(1)
        cue_match = CUE.match(text, quote.end())
        cue = cue_match.span(1) if cue_match else None
        if joined:
            # The second part of a quotation interrupted by its cue.
            found[-1][2].append(content)
        else:
            speaker = speaker_in(cue, text) if cue else None
            found.append((speaker, cue, [content]))
        after = cue[1] if cue else quote.end()
        joined = cue is not None and text.startswith(", “", after)
    return found


def main(argv: list[str]) -> int:
    """Print the scores of the extractor, part by part."""
    if argv not in ([], ["--all"]):
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: score_extractor.py [--all]", file=sys.stderr)
        return 2
    kinds = ["utterance", "quoted term"] if argv else ["utterance"]
    against = "utterances and quoted terms" if argv else "utterances"
    predictions = extract(ss.article.text)
    score = ss.score_extraction(predictions, kinds=kinds)
    print(f"{len(predictions)} predictions, scored against the {against}")
    print()
    columns = ("predicted", "gold", "exact P", "exact R", "overlap P")
    print(f"{'part':<8}", *(f"{c:>10}" for c in columns), f"{'overlap R':>10}")
    for name in ("speaker", "cue", "content"):
        part = getattr(score, name)
        ratios = (
            part.exact_precision,
            part.exact_recall,
            part.overlap_precision,
            part.overlap_recall,
        )
        print(
            f"{name:<8}",
            f"{part.predicted:>10}",
            f"{part.gold:>10}",
            *(f"{r:>10.2f}" for r in ratios),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
