"""
Tell whether words are a quotation of the article, and whose.

Usage::

    python examples/check_quote.py TEXT...

The arguments are joined by spaces into the words to check, with or
without their quote marks.  The matches are printed best first: an exact
or close quotation with its speaker, the author's own words, or nothing.
For a close match, each difference shows the words printed and the words
given in their place.
"""

from __future__ import annotations

import sys
import textwrap

import secretspeech as ss


def who(quotation: ss.Quotation) -> str:
    """Name the speaker of a quotation, or say what it is."""
    if quotation.speaker is None:
        return f"{quotation.kind.value}, unattributed"
    return f"{quotation.kind.value}, {ss.get(quotation.speaker)}"


def difference(printed: str, given: str) -> str:
    """Say one difference in words."""
    if not given:
        return f"left out: “{printed}”"
    if not printed:
        return f"added: “{given}”"
    return f"“{given}” for “{printed}”"


def main(argv: list[str]) -> int:
    """Print the matches of the words on the command line."""
    if not argv:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: check_quote.py TEXT...", file=sys.stderr)
        return 2
    text = " ".join(argv)
    try:
        matches = ss.check_quote(text, limit=None)
    except ss.InvalidValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"“{text}”")
    for rank, match in enumerate(matches, start=1):
        print()
        heading = f"{rank}. {match.verdict.value}, score {match.score:.2f}"
        if match.quotation is not None:
            heading += f": {match.quotation.id} ({who(match.quotation)})"
        elif match.span is not None:
            heading += ": the author’s words"
        print(heading)
        if match.span is not None:
            print(
                textwrap.indent(textwrap.fill(match.span.exact, 74), "   > ")
            )
        for printed, given in match.differences:
            print(f"   - {difference(printed, given)}")
    # As secretspeech check does: 1 when the words are nowhere.
    return 1 if matches[0].verdict is ss.QuoteVerdict.NOT_IN_ARTICLE else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
