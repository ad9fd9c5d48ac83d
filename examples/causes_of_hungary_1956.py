"""
Print the causal chain the article gives for the Hungarian revolution.

Usage::

    python examples/causes_of_hungary_1956.py

Starting from the revolution, each event is followed back through the
causal relations (``causes``, ``contributes to``, ``leads to``,
``enables``) that point at it, as a tree: each entry names a cause of the
entry above it, and says how.  Other links into the revolution,
such as what merely preceded it, are listed after the tree.
"""

from __future__ import annotations

import sys

import secretspeech as ss


def label(event: ss.Event) -> str:
    """Name an event with the article's wording of its date."""
    date = event.date
    if date is None:
        when = "undated"
    elif date.basis is ss.DateBasis.INFERRED:
        when = f"{date.edtf}, inferred"
    else:
        when = date.text
    return f"{event.name} ({when})"


def tree(event: ss.Event, prefix: str, seen: set[str]) -> None:
    """Print the causes of *event*, and theirs, below it."""
    links = ss.relations.filter(target=event, kind=ss.CAUSAL_KINDS)
    for n, relation in enumerate(links):
        last = n == len(links) - 1
        (cause,) = ss.refs(relation, "source")
        # Causal links join events.
        assert isinstance(cause, ss.Event)  # noqa: S101
        repeat = " (see above)" if cause.id in seen else ""
        branch, below = ("└── ", "    ") if last else ("├── ", "│   ")
        # Two lines an event, so the tree fits an 80-column terminal.
        print(f"{prefix}{branch}{label(cause)}")
        print(f"{prefix}{below}which {relation.kind.value} it{repeat}")
        if not repeat:
            seen.add(cause.id)
            tree(cause, prefix + below, seen)


def main() -> int:
    """Print the tree of causes, then the other links."""
    revolution = ss.events.lookup("Hungary 1956")
    print(label(revolution))
    tree(revolution, "", {revolution.id})
    others = [r for r in ss.related(revolution) if not r.is_causal]
    if others:
        print()
        print("Other links the article makes:")
        for relation in others:
            (source,) = ss.refs(relation, "source")
            (target,) = ss.refs(relation, "target")
            print(f"  {source}")
            print(f"    {relation.kind.value} {target}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:]:
        # No arguments: anything given is a usage error, as secretspeech
        # treats one (exit status 2).
        print("usage: causes_of_hungary_1956.py", file=sys.stderr)
        sys.exit(2)
    sys.exit(main())
