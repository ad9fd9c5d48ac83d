"""
Write a web page that shows the article's timeline with TimelineJS.

Usage::

    python examples/timelinejs_page.py [--start START] [--end END] [--force]
        PATH

The page holds the timeline's data itself (``formats.to_timelinejs``):
every dated event, with the words said at it, and the quotations dated on
their own.  START and END are years, or any EDTF date such as
``1956-02``, and keep what may fall between them.  An existing PATH is
replaced only with ``--force``.

This script fetches nothing.  The page it writes loads TimelineJS's
script and style sheet from Knight Lab's CDN, ``cdn.knightlab.com``, when
a browser opens it; to show it offline, download TimelineJS and change
``SCRIPT`` and ``STYLE`` below to your copies.

Exit status: 0 when the page is written, 1 when nothing falls in the
period (no page is written), 2 for a wrong argument, a period that cannot
be read, an existing PATH without ``--force`` or a PATH that cannot be
written.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path

import secretspeech as ss
from secretspeech import formats


SCRIPT = "https://cdn.knightlab.com/libs/timeline3/latest/js/timeline.js"
STYLE = "https://cdn.knightlab.com/libs/timeline3/latest/css/timeline.css"
PAGE = """\
<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="{style}">
<script src="{script}"></script>
</head>
<body>
<div id="timeline" style="width: 100%; height: 600px"></div>
<script type="application/json" id="timeline-data">{data}</script>
<script>
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  window.timeline = new TL.Timeline("timeline", data);
</script>
</body>
</html>
"""


def page(timeline: dict[str, object], article: ss.Article) -> str:
    """Return the HTML page that shows *timeline*."""
    # Inside a script element, "<" could end it: JSON spells it \\u003c.
    data = json.dumps(timeline, ensure_ascii=False, indent=1)
    for char in "<>&":
        data = data.replace(char, f"\\u{ord(char):04x}")
    return PAGE.format(
        language=html.escape(article.language),
        title=html.escape(article.title),
        style=STYLE,
        script=SCRIPT,
        data=data,
    )


def period(value: str) -> int | str:
    """Read a year as an int, anything else as an EDTF string."""
    return int(value) if value.isdigit() else value


def main(argv: list[str]) -> int:
    """Write the page the command line asks for."""
    parser = argparse.ArgumentParser(
        prog="timelinejs_page.py",
        description="Write a TimelineJS page of the article's timeline.",
    )
    parser.add_argument("path", metavar="PATH", help="the page to write")
    parser.add_argument("--start", type=period, help="a year or EDTF date")
    parser.add_argument("--end", type=period, help="a year or EDTF date")
    parser.add_argument(
        "--force", action="store_true", help="replace an existing PATH"
    )
    args = parser.parse_args(argv)
    corpus = ss.corpus()
    try:
        timeline = formats.to_timelinejs(
            corpus, start=args.start, end=args.end
        )
    except ss.SecretSpeechError as e:
        parser.error(str(e))
    slides = timeline["events"]
    if not slides:
        print(
            "error: nothing in the article falls in that period",
            file=sys.stderr,
        )
        return 1
    mode = "w" if args.force else "x"  # "x": never replace a file
    try:
        with Path(args.path).open(mode, encoding="utf-8") as f:
            f.write(page(timeline, corpus.article))
    except FileExistsError:
        parser.error(f"{args.path} exists; pass --force to replace it")
    except OSError as e:
        parser.error(f"cannot write {args.path}: {e.strerror}")
    years = [
        s[key]["year"]
        for s in slides
        for key in ("start_date", "end_date")
        if key in s
    ]
    noun = "slide" if len(slides) == 1 else "slides"
    print(f"{len(slides)} {noun}, {min(years)} to {max(years)}: {args.path}")
    print("Open it in a web browser, which loads TimelineJS from its CDN.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
