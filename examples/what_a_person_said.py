"""
Print everything the article quotes a person as saying.

Usage::

    python examples/what_a_person_said.py NAME

NAME is an id, a name or any of the article's wordings for the person
(``Khrushchev``, ``nikita-khrushchev``, ``Stalin’s``).  Each quotation is
printed with when it was said, to whom, and the sentence it stands in.
"""

from __future__ import annotations

import sys
import textwrap

import secretspeech as ss


def main(argv: list[str]) -> int:
    """Print the quotations of the person named on the command line."""
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: what_a_person_said.py NAME", file=sys.stderr)
        return 2
    try:
        person = ss.people.lookup(argv[0])
    except ss.NotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    said = ss.quotations.filter(by=person)
    count = "1 quotation" if len(said) == 1 else f"{len(said)} quotations"
    print(f"{person.name}: {count}")
    for quotation in said:
        print()
        print(f"“{quotation.text}”")
        details = [quotation.kind.value]
        date = quotation.date
        if date is not None and date.basis is ss.DateBasis.INFERRED:
            details.append(f"when: {date.edtf}, inferred")
        elif date is not None:
            details.append(f"when: {date.text}")
        if quotation.addressees:
            to = ss.refs(quotation, "addressees")
            details.append("to: " + ", ".join(str(r) for r in to))
        print(f"  ({'; '.join(details)})")
        context = ss.context(quotation, sentences=0)
        print(textwrap.indent(textwrap.fill(context, 76), "  > "))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
