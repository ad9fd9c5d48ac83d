"""
Print the events of the article that may fall in a period, in time order.

Usage::

    python examples/timeline_for_a_period.py [START [END]]

START and END are years (or any EDTF date, such as ``1956-02``); with
neither, the whole timeline is printed.  An event is listed if its possible
days overlap the period, with its EDTF date and its name, and below them
the article's own wording of the date.
"""

from __future__ import annotations

import sys

import secretspeech as ss


def wording(date: ss.HistoricalDate) -> str:
    """The article's words for a date, quoted; or how the edition dated it."""
    if date.basis is ss.DateBasis.INFERRED:
        return "(the article gives no date; inferred)"
    return f"“{date.text}”"


def main(argv: list[str]) -> int:
    """
    Print the timeline for the period given on the command line.

    Exit status: 0 with events, 1 if none falls in the period or it is not
    a period, 2 for more than two arguments (as ``secretspeech`` does).
    """
    if len(argv) > 2:
        print("usage: timeline_for_a_period.py [START [END]]", file=sys.stderr)
        return 2
    bounds: list[int | str] = [int(a) if a.isdigit() else a for a in argv]
    start = bounds[0] if bounds else None
    end = bounds[1] if len(bounds) > 1 else start
    try:
        events = ss.timeline(start=start, end=end)
    except ss.SecretSpeechError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    period = "all dates" if start is None else f"{start} to {end}"
    if not events:
        print(f"no dated events, {period}", file=sys.stderr)
        return 1
    noun = "event" if len(events) == 1 else "events"
    print(f"{len(events)} dated {noun}, {period}:")
    for event in events:
        date = event.date
        assert date is not None  # noqa: S101 -- the timeline holds dated events
        # Two lines an event, so the list fits an 80-column terminal.
        print(f"  {date.edtf:<22} {event.name}")
        print(f"  {'':<22} {wording(date)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
