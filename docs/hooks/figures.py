"""
MkDocs hook: draw the pictures of the data as SVG at build time.

- ``figures/timeline.svg``: every dated event, 1917 to the 1990s, each as
  the span of days its wording allows (earliest..latest), so a decade is a
  long bar and a day a dot; an open start ("By 1939") fades in from the
  left edge.
- ``figures/timeline-1956.svg``: the same for the events that may fall in
  1953–1957, month by month.
- ``figures/relations.svg``: the links the article asserts between events,
  as a layered graph (earlier or enabling events to the left); each
  connected group is laid out on its own and the groups are packed in story
  order.

The files are generated in memory (``File.generated``), never written into
``docs/``.  The output is deterministic: a fixed ``svg.hashsalt``, no date
in the metadata, and layouts computed here in a fixed order.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import textwrap
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch
from matplotlib.path import Path
from mkdocs.structure.files import File, Files

import secretspeech as ss


if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from matplotlib.axes import Axes
    from mkdocs.config.defaults import MkDocsConfig


mpl.use("Agg")

#: Where the pictures appear in the site.
TIMELINE = "figures/timeline.svg"
TIMELINE_1956 = "figures/timeline-1956.svg"
RELATIONS = "figures/relations.svg"

_RC = {
    "svg.hashsalt": "secretspeech",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.spines.left": False,
}

_INK = "#263238"
_MUTED = "#78909c"
_GRID = "#eceff1"
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


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the three pictures to the site."""
    corpus = ss.corpus()
    for uri, svg in (
        (TIMELINE, timeline_svg(corpus)),
        (TIMELINE_1956, timeline_svg(corpus, start=1953, end=1957)),
        (RELATIONS, relations_svg(corpus)),
    ):
        files.append(File.generated(config, uri, content=svg))
    return files


# ------------------------------------------------------------------ helpers


def year_fraction(day: dt.date) -> float:
    """Return *day* as a fractional year: 1956-07-02 is about 1956.5."""
    start = dt.date(day.year, 1, 1).toordinal()
    length = dt.date(day.year + 1, 1, 1).toordinal() - start
    return day.year + (day.toordinal() - start) / length


def render(fig: Figure, fmt: str = "svg") -> bytes:
    """Save *fig* reproducibly: no date, a fixed hash salt."""
    buffer = io.BytesIO()
    metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {}
    with mpl.rc_context(_RC):
        fig.savefig(
            buffer, format=fmt, metadata=metadata, bbox_inches="tight", dpi=110
        )
    return buffer.getvalue()


# ------------------------------------------------------------------ timeline


def timeline_figure(
    corpus: ss.Corpus, start: int | None = None, end: int | None = None
) -> Figure:
    """Draw the dated events as spans from earliest to latest day."""
    events = corpus.timeline(start=start, end=end)
    zoomed = start is not None and end is not None
    lo = float(start) if zoomed and start is not None else 1914.0
    hi = float(end + 1) if zoomed and end is not None else 1997.0
    with mpl.rc_context(_RC):
        fig = Figure(figsize=(10, 0.34 * len(events) + 1.6))
        ax = fig.add_subplot()
        for row, event in enumerate(events):
            _draw_span(ax, row, event, lo, hi)
        ax.set_ylim(len(events) - 0.4, -0.8)
        ax.set_xlim(lo, hi)
        ax.set_yticks(range(len(events)))
        ax.set_yticklabels([e.name for e in events])
        ax.tick_params(axis="y", length=0, labelsize=8.5, colors=_INK)
        ax.tick_params(axis="x", colors=_MUTED, labelsize=8.5)
        if zoomed:
            years = range(int(lo), int(hi) + 1)
            ax.set_xticks(list(years))
            ax.set_xticks(
                [y + m / 12 for y in years for m in range(1, 12) if y < hi],
                minor=True,
            )
        else:
            ax.set_xticks(range(1920, int(hi), 10))
            ax.set_xticks(range(1915, int(hi), 5), minor=True)
        ax.grid(axis="x", which="both", color=_GRID, linewidth=0.8)
        ax.set_axisbelow(True)
        ax.spines["bottom"].set_color(_MUTED)
        title = (
            f"Events that may fall in {start}–{end}"
            if zoomed
            else "Every dated event, as the article words it"
        )
        ax.set_title(title, loc="left", color=_INK, fontsize=11, pad=22)
        ax.text(
            0,
            1.0,
            "Each bar runs from the earliest to the latest day the wording "
            "allows; hatched: approximate (~); fading: open start.",
            transform=ax.transAxes,
            fontsize=8,
            color=_MUTED,
            va="bottom",
        )
        present = {e.date.precision for e in events if e.date}
        handles = [
            Patch(color=colour, label=precision.value)
            for precision, colour in _PRECISION_COLOURS.items()
            if precision in present and precision is not ss.Precision.CENTURY
        ]
        ax.legend(
            handles=handles,
            title="precision",
            loc="lower left" if not zoomed else "upper right",
            fontsize=8,
            title_fontsize=8,
            frameon=False,
        )
    return fig


def _draw_span(
    ax: Axes, row: int, event: ss.Event, lo: float, hi: float
) -> None:
    date = event.date
    assert date is not None  # noqa: S101 -- a timeline holds dated events
    colour = _PRECISION_COLOURS[date.precision]
    open_start = date.edtf.startswith("../")
    left = lo if open_start else max(lo, year_fraction(date.earliest))
    right = min(hi, year_fraction(date.latest + dt.timedelta(days=1)))
    width = right - left
    label = date.text + (
        " (Julian calendar)" if date.calendar.value == "julian" else ""
    )
    if open_start:
        # Fade in from the left edge: the start is unknown, not the year 1.
        steps = 24
        for i in range(steps):
            ax.barh(
                row,
                width / steps,
                left=left + i * width / steps,
                height=0.56,
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
        ax.barh(
            row,
            width,
            left=left,
            height=0.56,
            color=colour,
            alpha=0.55 if date.approximate or date.uncertain else 0.85,
            hatch="////" if date.approximate or date.uncertain else None,
            edgecolor=colour,
            linewidth=0.6,
        )
    span = hi - lo
    if year_fraction(date.latest) > hi:
        # The bar goes on beyond the edge of a zoomed timeline.
        ax.annotate(
            "",
            xy=(right + span / 60, row),
            xytext=(right, row),
            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.2},
            annotation_clip=False,
        )
    if width < span / 150:
        ax.plot(
            (left + right) / 2,
            row,
            marker="D",
            markersize=4.5,
            color=colour,
            markeredgecolor="white",
            markeredgewidth=0.6,
        )
    if right > lo + 0.82 * span:
        ax.text(
            left - span / 200,
            row,
            label,
            ha="right",
            va="center",
            fontsize=7.5,
            color=_MUTED,
            style="italic",
        )
    else:
        ax.text(
            right + span / 200,
            row,
            label,
            ha="left",
            va="center",
            fontsize=7.5,
            color=_MUTED,
            style="italic",
        )


def timeline_svg(
    corpus: ss.Corpus, start: int | None = None, end: int | None = None
) -> bytes:
    """Return the timeline as SVG bytes."""
    return render(timeline_figure(corpus, start, end))


# ------------------------------------------------------------------ relations


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


def relations_layout(
    corpus: ss.Corpus,
) -> tuple[dict[str, tuple[float, float]], dict[str, list[str]]]:
    """
    Place every related record, and the bends of long links, on a grid.

    Each connected group is layered on its own; groups are then packed onto
    shelves in story order, side by side while they fit in the widest
    group's columns.

    Returns:
        The (column, row) of every record and dummy node, and for every
        relation id the nodes its line passes through, source to target.
    """
    relations = list(corpus.relations)
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
    columns = max(max(x for x, _ in g.values()) + 1 for g in placed)
    position: dict[str, tuple[float, float]] = {}
    shelf_top, shelf_height, x_offset = 0.0, 0.0, 0.0
    for cells in placed:
        width = max(x for x, _ in cells.values()) + 1
        height = max(y for _, y in cells.values()) + 1
        if x_offset and x_offset + width > columns:
            shelf_top += shelf_height + 0.5
            shelf_height, x_offset = 0.0, 0.0
        for node, (x, y) in cells.items():
            position[node] = (x_offset + x, shelf_top + y)
        shelf_height = max(shelf_height, height)
        x_offset += width + 0.25
    return position, route


def relations_figure(corpus: ss.Corpus) -> Figure:
    """Draw the asserted relations between events as a layered graph."""
    records = {r.id: r for r in corpus.records()}
    position, route = relations_layout(corpus)
    x_gap, y_gap, box_w, box_h = 1.9, 0.62, 1.45, 0.48
    columns = max(x for x, _ in position.values()) + 1
    rows = max(y for _, y in position.values()) + 1

    def at(node: str) -> tuple[float, float]:
        x, y = position[node]
        return (x * x_gap, y * y_gap)

    with mpl.rc_context(_RC):
        fig = Figure(figsize=(columns * x_gap, rows * y_gap + 0.7))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(
            -box_w / 2 - 0.05, (columns - 1) * x_gap + box_w / 2 + 0.05
        )
        ax.set_ylim((rows - 1) * y_gap + box_h / 2 + 0.05, -box_h / 2 - 0.75)
        ax.axis("off")
        for node in position:
            if node.startswith("~"):
                continue
            x, y = at(node)
            name = getattr(records[node], "name", node)
            ax.add_patch(
                FancyBboxPatch(
                    (x - box_w / 2, y - box_h / 2),
                    box_w,
                    box_h,
                    boxstyle="round,pad=0,rounding_size=0.08",
                    facecolor="#fafafa",
                    edgecolor="#90a4ae",
                    linewidth=0.8,
                    zorder=2,
                )
            )
            ax.text(
                x,
                y,
                "\n".join(textwrap.wrap(name, 21)[:3]),
                ha="center",
                va="center",
                fontsize=7.2,
                color=_INK,
                zorder=3,
                linespacing=1.05,
            )
        for relation in corpus.relations:
            colour, style = _KIND_STYLES[relation.kind]
            ax.add_patch(
                FancyArrowPatch(
                    path=_curve([at(n) for n in route[relation.id]], box_w),
                    arrowstyle="-|>",
                    mutation_scale=9,
                    color=colour,
                    linestyle=style,
                    linewidth=1.0,
                    zorder=1,
                )
            )
        present = {r.kind for r in corpus.relations}
        handles = [
            Line2D(
                [0],
                [0],
                color=colour,
                linestyle=style,
                lw=1.4,
                label=kind.value,
            )
            for kind, (colour, style) in _KIND_STYLES.items()
            if kind in present
        ]
        ax.legend(
            handles=handles,
            loc="upper left",
            ncols=len(handles),
            fontsize=8,
            frameon=False,
            bbox_to_anchor=(0.0, 1.0),
            title="Arrows point from source to target: "
            "“A leads to B” is drawn A → B",
            title_fontsize=8.5,
            alignment="left",
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


def relations_svg(corpus: ss.Corpus) -> bytes:
    """Return the relations graph as SVG bytes."""
    return render(relations_figure(corpus))
