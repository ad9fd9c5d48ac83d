"""
MkDocs hook: draw the pictures of the data as SVG at build time.

- ``figures/timeline.svg``: every dated event, 1917 to the 1990s, each as
  the span of days its wording allows (earliest..latest), so a decade is a
  long bar and a day a dot; an open start ("By 1939") fades in from the
  left edge.
- ``figures/timeline-1956.svg``: the same for the events that may fall in
  1956, month by month.
- ``figures/timeline-1956-february.svg``: the same, with February 1956
  shaded: what ``timeline(start="1956-02", end="1956-02")`` keeps, with and
  without ``strict=True``.
- ``figures/relations-<theme>.svg``: the links the article asserts between
  events, one picture per theme of the story (`RELATION_THEMES`), each a
  layered graph (earlier or enabling events to the left).  Every relation
  is drawn in exactly one picture; a relation no theme holds gets a picture
  of its connected group, so new data is never left out.

Every picture is drawn at the width of the text column of the site
(`WIDTH`) with no text smaller than `SMALL` points, so that it reads
without zooming, and on an opaque light card with a rounded border, so that
it reads the same in the light and the dark colour scheme.

The files are generated in memory (``File.generated``), never written into
``docs/``.  The output is deterministic: a fixed ``svg.hashsalt``, no date
in the metadata, and layouts computed here in a fixed order.  Each arrow of
a relation picture carries the relation's id as its SVG id
(``relation-<id>``) and each box its record's (``record-<id>``), so tests
can tell what a picture shows.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import itertools
from collections import defaultdict
from typing import TYPE_CHECKING, Any, NamedTuple

import matplotlib as mpl
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle
from matplotlib.path import Path
from matplotlib.textpath import TextToPath
from matplotlib.transforms import blended_transform_factory
from mkdocs.structure.files import File, Files

import secretspeech as ss


if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from matplotlib.axes import Axes
    from mkdocs.config.defaults import MkDocsConfig


mpl.use("Agg")

#: Where the timelines appear in the site.
TIMELINE = "figures/timeline.svg"
TIMELINE_1956 = "figures/timeline-1956.svg"
TIMELINE_FEBRUARY_1956 = "figures/timeline-1956-february.svg"

#: The width of every picture, in inches: 7.1 in is 682 CSS pixels, just
#: under the text column of the site at a 1280-pixel window (about 688
#: pixels between the navigation and the table of contents), so a picture
#: is shown at its own size there, one point of it 4/3 of a pixel.
WIDTH = 7.1
#: The smallest text, in points: 11.3 CSS pixels at that size.
SMALL = 8.5
BODY = 9.0
TITLE = 11.5
_MARGIN = 0.2  # inches, inside the card
_LINE = 0.155  # inches from one line of SMALL text to the next

_RC = {
    "svg.hashsalt": "secretspeech",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": BODY,
    "hatch.linewidth": 0.8,
}

_CARD = "#ffffff"
_BORDER = "#b0bec5"
_INK = "#263238"
_MUTED = "#546e7a"
_GRID = "#dfe5e8"
_STRIPE = "#f3f6f7"
_SHADE = "#ffe9a8"
_PRECISION_COLOURS = {
    ss.Precision.DAY: "#c62828",
    ss.Precision.MONTH: "#ef6c00",
    ss.Precision.YEAR: "#2e7d32",
    ss.Precision.DECADE: "#1565c0",
    ss.Precision.CENTURY: "#1565c0",
    ss.Precision.INTERVAL: "#6a1b9a",
}
# A colour and a matplotlib line style (a name or an (offset, dashes) pair).
_KIND_STYLES: dict[ss.RelationKind, tuple[str, Any]] = {
    ss.RelationKind.CAUSES: ("#b71c1c", "-"),
    ss.RelationKind.CONTRIBUTES_TO: ("#e65100", "-"),
    ss.RelationKind.LEADS_TO: ("#c62828", "-"),
    ss.RelationKind.ENABLES: ("#2e7d32", "-"),
    ss.RelationKind.PRECEDES: ("#546e7a", (0, (4, 3))),
    ss.RelationKind.PART_OF: ("#1565c0", (0, (1, 2))),
    ss.RelationKind.RESPONDS_TO: ("#6a1b9a", (0, (6, 2, 1, 2))),
    ss.RelationKind.REPORTS: ("#00838f", (0, (2, 2))),
    ss.RelationKind.OPPOSES: ("#4e342e", (0, (6, 2))),
}


class RelationTheme(NamedTuple):
    """A part of the story, drawn as one relation picture."""

    #: The picture's name: ``figures/relations-<slug>.svg``.
    slug: str
    #: A short name, for a heading or a tab.
    label: str
    #: The picture's title.
    title: str
    #: The records of the theme: a relation belongs to the first theme that
    #: holds both its ends.
    members: frozenset[str]


#: The themes of the relation pictures, in story order.
RELATION_THEMES = (
    RelationTheme(
        "revolution",
        "1917–1940",
        "The revolution, Stalin’s rise and Trotsky’s fate",
        frozenset(
            {
                "october-revolution",
                "stalins-rise",
                "trotsky-exiled",
                "trotsky-campaign",
                "trotsky-killed",
            }
        ),
    ),
    RelationTheme(
        "1930s",
        "The 1930s",
        "The 1930s: the revolutionaries destroyed, industry forced",
        frozenset(
            {
                "revolutionaries-destroyed",
                "left-critics-denounced",
                "show-trials",
                "socialism-redefined",
                "industrialisation",
                "living-standards-fall",
                "gulag-system",
            }
        ),
    ),
    RelationTheme(
        "war-and-empire",
        "War and empire",
        "War, empire and the camps at their fullest",
        frozenset(
            {
                "industrialisation",
                "second-world-war",
                "nazis-pushed-back",
                "eastern-european-empire",
                "cold-war",
                "industrialisation-redoubled",
                "camps-at-peak",
                "famine-1946-7",
            }
        ),
    ),
    RelationTheme(
        "road-to-the-speech",
        "To the speech",
        "From Stalin’s death to the secret speech",
        frozenset(
            {
                "stalins-death",
                "thaw",
                "leadership-agrees-on-more",
                "succession-struggle",
                "delegates-recalled",
                "secret-speech",
            }
        ),
    ),
    RelationTheme(
        "what-the-speech-said",
        "What it said",
        "What the speech revealed, and where it stopped",
        frozenset(
            {
                "secret-speech",
                "succession-struggle",
                "lenins-testament",
                "stalin-collapses",
                "repression-of-the-1930s",
                "deportation-of-peoples",
                "limits-of-criticism",
                "rehabilitation-restricted",
                "cult-of-personality",
            }
        ),
    ),
    RelationTheme(
        "how-the-speech-spread",
        "How it spread",
        "How the speech spread",
        frozenset(
            {
                "secret-speech",
                "speech-read-out",
                "speech-sent-abroad",
                "speech-reaches-west",
                "speech-published-in-ussr",
            }
        ),
    ),
    RelationTheme(
        "eastern-bloc",
        "Eastern bloc",
        "1956 in the Eastern bloc: Poland and Hungary",
        frozenset(
            {
                "secret-speech",
                "eastern-leaders-undermined",
                "eastern-bloc-discussion",
                "polish-demonstrations",
                "hungarian-revolution",
                "soviet-invasion-of-hungary",
            }
        ),
    ),
    RelationTheme(
        "the-west",
        "The West",
        "In the West: the Communist Parties and the myth of Stalin",
        frozenset(
            {
                "secret-speech",
                "western-parties-turmoil",
                "soviet-invasion-of-hungary",
                "members-leave-parties",
                "stalin-myth-weakened",
            }
        ),
    ),
    RelationTheme(
        "after-1956",
        "After 1956",
        "After 1956: Khrushchev’s zigzags, his fall and after",
        frozenset(
            {
                "attempt-to-overthrow-khrushchev",
                "khrushchev-zigzags",
                "attack-on-stalin-1961",
                "death-warrants",
                "stalin-reburied",
                "swing-back-1963",
                "khrushchev-removed",
                "brezhnev-stability",
                "regime-partly-opened",
                "later-crisis",
            }
        ),
    ),
)


class RelationPicture(NamedTuple):
    """The relations one picture draws."""

    uri: str
    label: str
    title: str
    relations: tuple[ss.Relation, ...]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the pictures to the site."""
    for uri, svg in svgs(ss.corpus()).items():
        files.append(File.generated(config, uri, content=svg))
    return files


def svgs(corpus: ss.Corpus) -> dict[str, bytes]:
    """Return every picture as SVG bytes, by its place in the site."""
    out = {
        TIMELINE: timeline_svg(corpus),
        TIMELINE_1956: timeline_svg(corpus, 1956, 1956),
        TIMELINE_FEBRUARY_1956: timeline_svg(
            corpus,
            1956,
            1956,
            shade=(dt.date(1956, 2, 1), dt.date(1956, 2, 29), "February"),
        ),
    }
    for picture in relation_pictures(corpus):
        out[picture.uri] = relations_svg(corpus, picture)
    return out


# ------------------------------------------------------------------ helpers


def year_fraction(day: dt.date) -> float:
    """Return *day* as a fractional year: 1956-07-02 is about 1956.5."""
    start = dt.date(day.year, 1, 1).toordinal()
    length = dt.date(day.year + 1, 1, 1).toordinal() - start
    return day.year + (day.toordinal() - start) / length


def render(fig: Figure) -> bytes:
    """Save *fig* as SVG reproducibly: no date, a fixed hash salt."""
    buffer = io.BytesIO()
    with mpl.rc_context(_RC):
        fig.savefig(
            buffer, format="svg", metadata={"Date": None}, transparent=True
        )
    return buffer.getvalue()


_TEXT_TO_PATH = TextToPath()


# Wrapping measures the same lines again and again, and each drawing of
# the pictures measures what the last one did.
@functools.lru_cache(maxsize=4096)
def measure(
    text: str, size: float, style: str = "normal", weight: str = "normal"
) -> float:
    """Return the width of *text* in inches, as the SVG will draw it."""
    prop = FontProperties(
        family="DejaVu Sans", size=size, style=style, weight=weight
    )
    width, _, _ = _TEXT_TO_PATH.get_text_width_height_descent(
        text, prop, ismath=False
    )
    return width / 72


def wrap(
    text: str, width: float, size: float, weight: str = "normal"
) -> list[str]:
    """Break *text* into lines no wider than *width* inches, by words."""
    lines: list[str] = []
    for word in text.split():
        longer = f"{lines[-1]} {word}" if lines else ""
        if longer and measure(longer, size, weight=weight) <= width:
            lines[-1] = longer
        else:
            lines.append(word)
    return lines


def _canvas(height: float) -> tuple[Figure, Axes]:
    """
    Return a figure *height* inches tall on its card, and an overlay axes.

    The overlay's units are inches from the top left corner of the picture;
    the card is an opaque light rectangle with rounded corners and a thin
    border, behind everything.
    """
    fig = Figure(figsize=(WIDTH, height))
    fig.patch.set_visible(False)
    overlay = fig.add_axes((0, 0, 1, 1), zorder=-1)
    overlay.set_xlim(0, WIDTH)
    overlay.set_ylim(height, 0)
    overlay.axis("off")
    edge = 0.8 / 72  # the border's width, in inches
    overlay.add_patch(
        FancyBboxPatch(
            (edge / 2, edge / 2),
            WIDTH - edge,
            height - edge,
            boxstyle="round,pad=0,rounding_size=0.1",
            facecolor=_CARD,
            edgecolor=_BORDER,
            linewidth=0.8,
            zorder=-10,
        )
    )
    return fig, overlay


_TITLE_LINE = 0.24  # inches from one line of the title to the next


def _heading_height(title: str, subtitle: str) -> float:
    """Return the height of `_heading` in inches, top margin included."""
    titles = wrap(title, WIDTH - 2 * _MARGIN, TITLE, "bold")
    lines = wrap(subtitle, WIDTH - 2 * _MARGIN, SMALL)
    return _MARGIN + 0.03 + _TITLE_LINE * len(titles) + _LINE * len(lines)


def _heading(overlay: Axes, title: str, subtitle: str) -> float:
    """Write the title and a wrapped subtitle; return where they end."""
    y = _MARGIN
    for line in wrap(title, WIDTH - 2 * _MARGIN, TITLE, "bold"):
        overlay.text(
            _MARGIN,
            y,
            line,
            va="top",
            fontsize=TITLE,
            color=_INK,
            fontweight="bold",
        )
        y += _TITLE_LINE
    y += 0.03
    for line in wrap(subtitle, WIDTH - 2 * _MARGIN, SMALL):
        overlay.text(_MARGIN, y, line, va="top", fontsize=SMALL, color=_MUTED)
        y += _LINE
    return y


_KEY_SAMPLE = 0.3  # inches: the sample line or patch of a key entry
_KEY_PAD = 0.07
_KEY_GAP = 0.25
_KEY_ROW = 0.21


def _key_rows(labels: Sequence[str]) -> list[list[tuple[float, str]]]:
    """Lay the key's entries out in rows: (x, label) pairs."""
    rows: list[list[tuple[float, str]]] = [[]]
    x = _MARGIN
    for label in labels:
        width = _KEY_SAMPLE + _KEY_PAD + measure(label, SMALL)
        if rows[-1] and x + width > WIDTH - _MARGIN:
            rows.append([])
            x = _MARGIN
        rows[-1].append((x, label))
        x += width + _KEY_GAP
    return rows


def _key(
    overlay: Axes, top: float, entries: Sequence[tuple[str, dict[str, Any]]]
) -> float:
    """
    Draw a key: a sample and a label per entry; return where it ends.

    Each entry is a label and the style of its sample: a line's colour and
    style (``{"color": ..., "linestyle": ...}``) or a patch's colour
    (``{"patch": colour}``).
    """
    style_of = dict(entries)
    y = top
    for row in _key_rows([label for label, _ in entries]):
        middle = y + _KEY_ROW / 2
        for x, label in row:
            style = style_of[label]
            if "patch" in style:
                overlay.add_patch(
                    Rectangle(
                        (x + 0.08, middle - 0.06),
                        _KEY_SAMPLE - 0.16,
                        0.12,
                        facecolor=style["patch"],
                        linewidth=0,
                    )
                )
            else:
                overlay.add_line(
                    Line2D(
                        [x, x + _KEY_SAMPLE],
                        [middle, middle],
                        linewidth=1.6,
                        **style,
                    )
                )
            overlay.text(
                x + _KEY_SAMPLE + _KEY_PAD,
                middle,
                label,
                va="center",
                fontsize=SMALL,
                color=_INK,
            )
        y += _KEY_ROW
    return y


# ------------------------------------------------------------------ timeline


_ROW = 0.36  # inches per event: its name and, below, its wording
_LABEL_GAP = 0.1  # inches between the labels and the axes
_TICKS = 0.24  # inches for a row of tick labels


def _wording(date: ss.HistoricalDate) -> str:
    julian = " (Julian calendar)" if date.calendar.value == "julian" else ""
    return f"“{date.text}”{julian}"


def timeline_figure(
    corpus: ss.Corpus,
    start: int | None = None,
    end: int | None = None,
    *,
    shade: tuple[dt.date, dt.date, str] | None = None,
) -> Figure:
    """
    Draw the dated events as spans from earliest to latest day.

    With *start* and *end* (years), only the events that may fall in them,
    on an axis of those years alone; with *shade*, a (first day, last day,
    name) to shade, such as a month.
    """
    events = corpus.timeline(start=start, end=end)
    zoomed = start is not None and end is not None
    lo = float(start) if zoomed and start is not None else 1914.0
    hi = float(end + 1) if zoomed and end is not None else 1997.0
    label_width = max(
        max(
            measure(e.name, BODY),
            measure(_wording(e.date), SMALL, "italic") if e.date else 0,
        )
        for e in events
    )
    if zoomed:
        years = f"{start}" if start == end else f"{start}–{end}"
        title = f"Events that may fall in {years}"
    else:
        title = "Every dated event, as the article words it"
    subtitle = (
        "Each bar runs from the earliest to the latest day the wording "
        "allows, coloured by its precision; hatched: approximate; fading: "
        "open start."
    )
    if shade is not None:
        subtitle += (
            f" Shaded: {shade[2]}.  Every bar that reaches into it may fall "
            f"in {shade[2]}; only the bars entirely inside it certainly do."
        )
    present = {e.date.precision for e in events if e.date}
    entries = [
        (precision.value, {"patch": colour})
        for precision, colour in _PRECISION_COLOURS.items()
        if precision in present and precision is not ss.Precision.CENTURY
    ]
    heading = _heading_height(title, subtitle)
    key = _KEY_ROW * len(_key_rows([label for label, _ in entries]))
    top = heading + 0.06 + key + _TICKS
    axes_height = _ROW * len(events)
    height = top + axes_height + _TICKS + _MARGIN
    left = _MARGIN + label_width + _LABEL_GAP
    right = WIDTH - 0.3  # room for the last tick label and arrows

    with mpl.rc_context(_RC):
        fig, overlay = _canvas(height)
        _heading(overlay, title, subtitle)
        _key(overlay, heading + 0.06, entries)
        ax = fig.add_axes(
            (
                left / WIDTH,
                (_TICKS + _MARGIN) / height,
                (right - left) / WIDTH,
                axes_height / height,
            )
        )
        ax.patch.set_visible(False)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_xlim(lo, hi)
        ax.set_ylim(len(events) - 0.5, -0.5)
        ax.set_yticks([])
        stripe = blended_transform_factory(fig.dpi_scale_trans, ax.transData)
        for row, event in enumerate(events):
            if row % 2 == 0:
                ax.add_patch(
                    Rectangle(
                        (_MARGIN - 0.08, row - 0.5),
                        right - _MARGIN + 0.16,
                        1,
                        transform=stripe,
                        facecolor=_STRIPE,
                        linewidth=0,
                        zorder=0,
                        clip_on=False,
                    )
                )
            _label(ax, row, event)
            _draw_span(ax, row, event, lo, hi)
        if shade is not None:
            ax.axvspan(
                year_fraction(shade[0]),
                year_fraction(shade[1] + dt.timedelta(days=1)),
                facecolor=_SHADE,
                edgecolor="#ffa000",
                linewidth=0.8,
                zorder=0.3,
            )
        _time_axis(ax, lo, hi, zoomed=zoomed)
    return fig


def _label(ax: Axes, row: int, event: ss.Event) -> None:
    """Write the event's name and, below it, its wording, left of the axes."""
    assert event.date is not None  # noqa: S101 -- a timeline holds dated events
    for text, offset, va, size, colour, style in (
        (event.name, 0.5, "bottom", BODY, _INK, "normal"),
        (_wording(event.date), -1.0, "top", SMALL, _MUTED, "italic"),
    ):
        ax.annotate(
            text,
            xy=(0, row),
            xycoords=("axes fraction", "data"),
            xytext=(-_LABEL_GAP * 72, offset),
            textcoords="offset points",
            ha="right",
            va=va,
            fontsize=size,
            color=colour,
            style=style,
            annotation_clip=False,
        )


def _time_axis(ax: Axes, lo: float, hi: float, *, zoomed: bool) -> None:
    """Put ticks and grid lines on the time axis, labelled above and below."""
    if zoomed and hi - lo <= 1:
        months = [year_fraction(dt.date(int(lo), m, 1)) for m in range(1, 13)]
        middles = [(a + b) / 2 for a, b in itertools.pairwise([*months, hi])]
        ax.set_xticks(months, labels=[""] * len(months))
        ax.set_xticks(
            middles,
            labels=[dt.date(2000, m, 1).strftime("%b") for m in range(1, 13)],
            minor=True,
        )
        ax.tick_params(axis="x", which="minor", length=0)
        ax.grid(axis="x", which="major", color=_GRID, linewidth=0.8)
    elif zoomed:
        years = range(int(lo), int(hi) + 1)
        ax.set_xticks(list(years))
        ax.set_xticks(
            [y + m / 12 for y in years for m in range(1, 12) if y < hi],
            minor=True,
        )
        ax.grid(axis="x", which="both", color=_GRID, linewidth=0.8)
    else:
        ax.set_xticks(range(1920, int(hi), 10))
        ax.set_xticks(range(1915, int(hi), 5), minor=True)
        ax.grid(axis="x", which="both", color=_GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(
        axis="x",
        which="both",
        top=True,
        labeltop=True,
        colors=_MUTED,
        labelcolor=_INK,
        labelsize=SMALL,
    )


def _draw_span(
    ax: Axes, row: int, event: ss.Event, lo: float, hi: float
) -> None:
    date = event.date
    assert date is not None  # noqa: S101 -- a timeline holds dated events
    colour = _PRECISION_COLOURS[date.precision]
    # An open start (``../1939``) or an unknown one (``/1939``, "By 1939").
    start, slash, _ = date.edtf.partition("/")
    open_start = bool(slash) and start in ("", "..")
    left = lo if open_start else max(lo, year_fraction(date.earliest))
    right = min(hi, year_fraction(date.latest + dt.timedelta(days=1)))
    width = right - left
    if open_start:
        # Fade in from the left edge: the start is unknown, not the year 1.
        steps = 24
        for i in range(steps):
            ax.barh(
                row,
                width / steps,
                left=left + i * width / steps,
                height=0.5,
                color=colour,
                alpha=0.05 + 0.8 * (i + 1) / steps,
                linewidth=0,
            )
        ax.annotate(
            "",
            xy=(left, row),
            xytext=(left + min(3.0, width / 3), row),
            arrowprops={"arrowstyle": "->", "color": colour, "lw": 1.2},
        )
    else:
        vague = date.approximate or date.uncertain
        ax.barh(
            row,
            width,
            left=left,
            height=0.5,
            facecolor=_tint(colour, 0.25) if vague else _tint(colour, 0.85),
            hatch="////" if vague else None,
            edgecolor=colour,
            linewidth=0.8,
        )
    span = hi - lo
    if year_fraction(date.latest) > hi:
        # The bar goes on beyond the edge of a zoomed timeline.
        ax.annotate(
            "",
            xy=(right + span / 40, row),
            xytext=(right, row),
            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.2},
            annotation_clip=False,
        )
    if width < span / 120:
        ax.plot(
            (left + right) / 2,
            row,
            marker="D",
            markersize=5.5,
            color=colour,
            markeredgecolor="white",
            markeredgewidth=0.6,
        )


def _tint(colour: str, strength: float) -> str:
    """
    Return *colour* mixed with white, opaque: *strength* 1 is the colour.

    Opaque, so that a hatch drawn over it in the full colour shows (an SVG
    hatch pattern shares the fill's opacity).
    """
    return to_hex(tuple(1 - strength * (1 - c) for c in to_rgb(colour)))


def timeline_svg(
    corpus: ss.Corpus,
    start: int | None = None,
    end: int | None = None,
    *,
    shade: tuple[dt.date, dt.date, str] | None = None,
) -> bytes:
    """Return the timeline as SVG bytes."""
    return render(timeline_figure(corpus, start, end, shade=shade))


# ------------------------------------------------------------------ relations


def relation_pictures(corpus: ss.Corpus) -> list[RelationPicture]:
    """
    Share out the relations among the pictures, each to exactly one.

    A relation goes to the first theme of `RELATION_THEMES` that holds both
    its ends; the relations no theme holds are drawn one connected group per
    picture, after the themes.
    """
    left = list(corpus.relations)
    pictures = []
    for theme in RELATION_THEMES:
        mine = [
            r
            for r in left
            if r.source in theme.members and r.target in theme.members
        ]
        if mine:
            pictures.append(
                RelationPicture(
                    f"figures/relations-{theme.slug}.svg",
                    theme.label,
                    theme.title,
                    tuple(mine),
                )
            )
            left = [r for r in left if r not in mine]
    nodes = [
        r.id
        for r in corpus.records()
        if any(r.id in (x.source, x.target) for x in left)
    ]
    for i, group in enumerate(
        components(nodes, [layout_edge(r) for r in left])
    ):
        members = set(group)
        pictures.append(
            RelationPicture(
                f"figures/relations-more-{i + 1}.svg",
                f"More ({i + 1})",
                "More links the article makes",
                tuple(r for r in left if r.source in members),
            )
        )
    return pictures


# For the layout only: which way an edge points in time.  "A responds to B"
# comes after B, so it is laid out B -> A; a part hangs to the right of its
# whole.  The arrow drawn always goes from source to target.
_BACKWARDS = frozenset({ss.RelationKind.RESPONDS_TO, ss.RelationKind.PART_OF})


def layout_edge(relation: ss.Relation) -> tuple[str, str]:
    """Return the relation as a (left, right) pair for the layout."""
    if relation.kind in _BACKWARDS:
        return (relation.target, relation.source)
    return (relation.source, relation.target)


def components(
    nodes: Sequence[str], edges: Iterable[tuple[str, str]]
) -> list[list[str]]:
    """Split *nodes* into connected groups, each in the order of *nodes*."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        neighbours[a].add(b)
        neighbours[b].add(a)
    rank = {n: i for i, n in enumerate(nodes)}
    seen: set[str] = set()
    groups = []
    for node in nodes:
        if node in seen:
            continue
        group, stack = [], [node]
        seen.add(node)
        while stack:
            current = stack.pop()
            group.append(current)
            for other in sorted(neighbours[current], key=rank.__getitem__):
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        groups.append(sorted(group, key=rank.__getitem__))
    return groups


def layers(  # noqa: C901 -- one small loop per step of the layering
    nodes: Sequence[str], edges: Iterable[tuple[str, str]]
) -> dict[str, int]:
    """
    Give each node a column: the length of the longest path that reaches it.

    A node that nothing leads to sits just before the nearest node it leads
    to, not at the far left.  Edges that would close a cycle are ignored,
    visiting nodes in the order given, so the result is the same every run.
    """
    out: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        out[a].append(b)
    order: list[str] = []
    visited: set[str] = set()

    def visit(node: str) -> None:
        visited.add(node)
        for nxt in out[node]:
            if nxt not in visited:
                visit(nxt)
        order.append(node)

    for node in nodes:
        if node not in visited:
            visit(node)
    rank = {n: i for i, n in enumerate(reversed(order))}
    forward = {n: [m for m in out[n] if rank[m] > rank[n]] for n in nodes}
    layer = dict.fromkeys(nodes, 0)
    for node in reversed(order):
        for nxt in forward[node]:
            layer[nxt] = max(layer[nxt], layer[node] + 1)
    targets = {m for ms in forward.values() for m in ms}
    for node in nodes:
        if node not in targets and forward[node]:
            layer[node] = min(layer[m] for m in forward[node]) - 1
    return layer


def order_columns(  # noqa: C901 -- the sweeps and their scoring belong together
    group: Sequence[str],
    layer: dict[str, int],
    edges: Sequence[tuple[str, str]],
) -> dict[str, float]:
    """
    Order the nodes of each column to reduce crossings, by barycentres.

    Every edge joins adjacent columns (long edges pass through dummy
    nodes).  Sweeps alternate left-to-right and right-to-left; the order
    with the fewest crossings wins.  Returns each node's row, with every
    column centred on the tallest.
    """
    columns: dict[int, list[str]] = defaultdict(list)
    for node in group:
        columns[layer[node]].append(node)
    inside = set(group)
    neighbours: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        if a in inside and b in inside:
            neighbours[a].append(b)
            neighbours[b].append(a)
    height = max(len(c) for c in columns.values())
    row: dict[str, float] = {}

    def place(column: list[str]) -> None:
        shift = (height - len(column)) / 2
        for i, node in enumerate(column):
            row[node] = i + shift

    for column in columns.values():
        place(column)
    keys = sorted(columns)
    best = (_crossings(row, layer, neighbours), dict(row))
    for sweep in range(12):
        forwards = sweep % 2 == 0
        for key in keys[1:] if forwards else keys[-2::-1]:
            column = columns[key]
            ref = key - 1 if forwards else key + 1
            before = {node: i for i, node in enumerate(column)}

            def centre(
                node: str, before: dict[str, int] = before, ref: int = ref
            ) -> tuple[float, int]:
                near = [row[m] for m in neighbours[node] if layer[m] == ref]
                at = sum(near) / len(near) if near else row[node]
                return (at, before[node])

            column.sort(key=centre)
            place(column)
        count = _crossings(row, layer, neighbours)
        if count < best[0]:
            best = (count, dict(row))
    # Last, move each bend (dummy node) next to where its line runs, if
    # that crosses no more lines: long lines then bend little.
    row.update(best[1])
    for key in keys:
        column = sorted(columns[key], key=row.__getitem__)
        for dummy in [n for n in column if n.startswith("~")]:
            ends = [row[m] for m in neighbours[dummy]]
            aim = sum(ends) / len(ends)
            rest = [n for n in column if n != dummy]
            shift = (height - len(column)) / 2
            slots = range(len(rest) + 1)
            for at in sorted(slots, key=lambda i: abs(i + shift - aim)):
                trial = [*rest[:at], dummy, *rest[at:]]
                saved = dict(row)
                place(trial)
                count = _crossings(row, layer, neighbours)
                if count[0] <= best[0][0]:
                    column = trial
                    best = (count, dict(row))
                    break
                row.clear()
                row.update(saved)
    return best[1]


def _crossings(
    row: dict[str, float],
    layer: dict[str, int],
    neighbours: dict[str, list[str]],
) -> tuple[int, float]:
    """
    Score an ordering: the pairs of edges that cross, then their length.

    Only edges between adjacent columns count; all edges are such.
    """
    spans = sorted(
        (layer[a], row[a], row[b])
        for a in row
        for b in neighbours[a]
        if b in row and layer[b] == layer[a] + 1
    )
    count = 0
    for i, (col, a1, b1) in enumerate(spans):
        for col2, a2, b2 in spans[i + 1 :]:
            if col2 == col and (a1 - a2) * (b1 - b2) < 0:
                count += 1
    return (count, sum(abs(a - b) for _, a, b in spans))


#: A picture's groups are packed side by side while they fit in this many
#: columns (or in the widest group's, if that is wider).
_SHELF_COLUMNS = 4


def relations_layout(
    corpus: ss.Corpus, relations: Sequence[ss.Relation] | None = None
) -> tuple[dict[str, tuple[float, float]], dict[str, list[str]]]:
    """
    Place the ends of *relations* (default: all), and the bends of long links.

    Each connected group is layered on its own; groups are then packed onto
    shelves in story order, side by side while they fit.

    Returns:
        The (column, row) of every record and dummy node, and for every
        relation id the nodes its line passes through, source to target.
    """
    relations = list(corpus.relations if relations is None else relations)
    linked = {r.source for r in relations} | {r.target for r in relations}
    nodes = [r.id for r in corpus.records() if r.id in linked]
    pairs = [layout_edge(r) for r in relations]
    layer = layers(nodes, pairs)

    # Split each edge longer than one column into steps through dummies.
    edges: list[tuple[str, str]] = []
    route: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    for relation, (a, b) in zip(relations, pairs, strict=True):
        chain = [a]
        for step in range(layer[a] + 1, layer[b]):
            dummy = f"~{relation.id}~{step}"
            layer[dummy] = step
            owner[dummy] = a
            chain.append(dummy)
        chain.append(b)
        edges.extend(itertools.pairwise(chain))
        if relation.kind in _BACKWARDS:
            chain.reverse()
        route[relation.id] = chain

    placed = []
    for group in components(nodes, pairs):
        members = set(group)
        group_and_dummies = [
            *group,
            *(d for d, o in owner.items() if o in members),
        ]
        first = min(layer[n] for n in group)
        row = order_columns(group_and_dummies, layer, edges)
        placed.append({n: (float(layer[n] - first), row[n]) for n in row})
    columns = max(
        _SHELF_COLUMNS, *(max(x for x, _ in g.values()) + 1 for g in placed)
    )
    position: dict[str, tuple[float, float]] = {}
    shelf_top, shelf_height, x_offset = 0.0, 0.0, 0.0
    for cells in placed:
        width = max(x for x, _ in cells.values()) + 1
        height = max(y for _, y in cells.values()) + 1
        if x_offset and x_offset + width > columns:
            shelf_top += shelf_height + 0.3
            shelf_height, x_offset = 0.0, 0.0
        for node, (x, y) in cells.items():
            position[node] = (x_offset + x, shelf_top + y)
        shelf_height = max(shelf_height, height)
        x_offset += width + 0.25
    return position, route


def relations_figure(corpus: ss.Corpus, picture: RelationPicture) -> Figure:
    """Draw the relations of *picture* as a layered graph, at page width."""
    records = {r.id: r for r in corpus.records()}
    position, route = relations_layout(corpus, picture.relations)
    columns = max(x for x, _ in position.values()) + 1
    # Inches: the columns share the width, up to a comfortable maximum; a
    # box is at least as wide as the longest word it holds.
    names = {
        node: str(getattr(records[node], "name", node))
        for node in position
        if not node.startswith("~")
    }
    longest = max(measure(w, SMALL) for n in names.values() for w in n.split())
    x_gap = min(1.95, (WIDTH - 2 * _MARGIN) / columns)
    box_w = max(x_gap - max(0.38, 0.24 * x_gap), longest + 0.16)
    labels = {
        node: wrap(name, box_w - 0.14, SMALL) for node, name in names.items()
    }
    box_h = max(len(lines) for lines in labels.values()) * _LINE + 0.12
    y_gap = box_h + 0.16
    subtitle = (
        "Arrows point from source to target: “A leads to B” is drawn A → B.  "
        "Earlier or enabling events stand to the left."
    )
    present = {r.kind for r in picture.relations}
    entries = [
        (kind.value, {"color": colour, "linestyle": style})
        for kind, (colour, style) in _KIND_STYLES.items()
        if kind in present
    ]
    heading = _heading_height(picture.title, subtitle)
    key = _KEY_ROW * len(_key_rows([label for label, _ in entries]))
    top = heading + 0.06 + key + 0.15
    # From the top of the highest box or bend to the bottom of the lowest.
    reach = [
        (y * y_gap - box_h / 2, y * y_gap + box_h / 2)
        if node in labels
        else (y * y_gap - 0.05, y * y_gap + 0.05)
        for node, (_, y) in position.items()
    ]
    highest = min(a for a, _ in reach)
    height = top + max(b for _, b in reach) - highest + _MARGIN
    graph_w = (columns - 1) * x_gap + box_w
    x0 = (WIDTH - graph_w) / 2 + box_w / 2
    y0 = top - highest

    def at(node: str) -> tuple[float, float]:
        x, y = position[node]
        return (x0 + x * x_gap, y0 + y * y_gap)

    with mpl.rc_context(_RC):
        fig, ax = _canvas(height)
        _heading(ax, picture.title, subtitle)
        _key(ax, heading + 0.06, entries)
        for node, lines in labels.items():
            x, y = at(node)
            ax.add_patch(
                FancyBboxPatch(
                    (x - box_w / 2, y - box_h / 2),
                    box_w,
                    box_h,
                    boxstyle="round,pad=0,rounding_size=0.06",
                    facecolor="#f5f7f8",
                    edgecolor="#90a4ae",
                    linewidth=0.8,
                    zorder=2,
                    gid=f"record-{node}",
                )
            )
            for i, line in enumerate(lines):
                ax.text(
                    x,
                    y + (i - (len(lines) - 1) / 2) * _LINE,
                    line,
                    ha="center",
                    va="center_baseline",
                    fontsize=SMALL,
                    color=_INK,
                    zorder=3,
                )
        for relation in picture.relations:
            colour, style = _KIND_STYLES[relation.kind]
            ax.add_patch(
                FancyArrowPatch(
                    path=_curve([at(n) for n in route[relation.id]], box_w),
                    arrowstyle="-|>",
                    mutation_scale=10,
                    color=colour,
                    linestyle=style,
                    linewidth=1.1,
                    zorder=1,
                    gid=f"relation-{relation.id}",
                )
            )
    return fig


def _curve(points: Sequence[tuple[float, float]], box_w: float) -> Path:
    """
    Return a smooth path through *points*, leaving and entering boxes sideways.

    The first and last points are box centres; the line starts and ends on
    the side of the box that faces the next point.  Points in between are
    bends (dummy nodes) that the line passes straight through.
    """
    (x0, y0), (x1, _) = points[0], points[1]
    (xn, yn), (xm, _) = points[-1], points[-2]
    half = box_w / 2
    ends = [(x0 + (half if x1 > x0 else -half), y0)]
    ends += list(points[1:-1])
    ends.append((xn + (half if xm > xn else -half), yn))
    vertices = [ends[0]]
    codes = [Path.MOVETO]
    for (ax_, ay), (bx, by) in itertools.pairwise(ends):
        mid = (bx - ax_) / 2
        vertices += [(ax_ + mid, ay), (bx - mid, by), (bx, by)]
        codes += [Path.CURVE4] * 3
    return Path(vertices, codes)


def relations_svg(corpus: ss.Corpus, picture: RelationPicture) -> bytes:
    """Return the relations of *picture* as SVG bytes."""
    return render(relations_figure(corpus, picture))
