"""
The pictures of the documentation, and the links of the data reference.

The pictures are drawn by ``docs/hooks/figures.py`` and the data reference
pages written by ``docs/hooks/data_reference.py``; both hooks are imported
here by file path, as MkDocs does, and checked without building the site:

- every relation is drawn in exactly one relation picture;
- every picture's text reads at the width of the page's text column, and
  stands on an opaque light card, so that it reads in the dark scheme too;
- the picture of 1956 shows the events of 1956, which the tutorial talks
  about beside it;
- web addresses in note sources become whole links, balanced parentheses
  included, without the punctuation of the sentence around them.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest

import secretspeech as ss


ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "docs" / "hooks"

#: The text column of the site at a 1280-pixel window, in CSS pixels:
#: Material's grid (1220 px) less both sidebars and the content's margins is
#: about 688 px; 760 px is what a column without the table of contents
#: might get.  A picture wider than the column is scaled down to it; a
#: narrower one is shown at its own size (a point is 4/3 of a pixel).
COLUMNS = (688, 760)
#: The smallest text a reader should have to read, in CSS pixels.
READABLE = 11.0

_SVG = "{http://www.w3.org/2000/svg}"
# Matplotlib draws each line of text as glyph paths in a group scaled by
# the font size over 100: transform="translate(x y) scale(0.085 -0.085)".
_TEXT_SCALE = re.compile(r"scale\((?P<s>[0-9.]+) -(?P=s)\)")
_RELATION_ID = re.compile(r'id="relation-(?P<id>[^"]+)"')


def load(name: str) -> ModuleType:
    """Import a hook module by its file path, as MkDocs does."""
    spec = importlib.util.spec_from_file_location(name, HOOKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures() -> ModuleType:
    """The figures hook."""
    return load("figures")


@pytest.fixture(scope="module")
def data_reference() -> ModuleType:
    """The data reference hook."""
    return load("data_reference")


@pytest.fixture(scope="module")
def svgs(figures: ModuleType) -> dict[str, bytes]:
    """Every picture of the site, by its place in the site."""
    return figures.svgs(ss.corpus())


def text_sizes(svg: bytes) -> list[float]:
    """Return the size in points of every line of text of *svg*."""
    return [
        float(m.group("s")) * 100 for m in _TEXT_SCALE.finditer(svg.decode())
    ]


def smallest_text_px(svg: bytes, column: float) -> float:
    """
    Return the smallest text of *svg*, in CSS pixels, shown in *column*.

    The picture is shown at its own width (``width``, in points) or, if
    that is wider, scaled down to the column; its text sizes are in the
    units of its ``viewBox``.
    """
    root = ElementTree.fromstring(svg)  # noqa: S314 -- our own drawing
    width = float(root.attrib["width"].removesuffix("pt")) * 4 / 3
    view_width = float(root.attrib["viewBox"].split()[2])
    shown = min(width, column)
    return min(text_sizes(svg)) * shown / view_width


def _luminance(colour: str) -> float:
    """Return the relative luminance of a ``#rrggbb`` colour (WCAG 2)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _style(element: ElementTree.Element) -> dict[str, str]:
    """Return the declarations of an element's ``style`` attribute."""
    style = {}
    for declaration in element.get("style", "").split(";"):
        name, _, value = declaration.partition(":")
        if value:
            style[name.strip()] = value.strip()
    return style


class TestRelationPictures:
    """The relations, shared out among pictures small enough to read."""

    def test_each_relation_is_drawn_in_exactly_one_picture(
        self, svgs: dict[str, bytes]
    ) -> None:
        """Each arrow carries its relation's id; each id is in one picture."""
        drawn = Counter(
            match.group("id")
            for uri, svg in svgs.items()
            if uri.startswith("figures/relations-")
            for match in _RELATION_ID.finditer(svg.decode())
        )

        assert {r.id: 1 for r in ss.relations} == dict(drawn)

    def test_the_relations_are_split_into_several_pictures(
        self, figures: ModuleType
    ) -> None:
        """The themes share out the relations; none is left to spare."""
        pictures = figures.relation_pictures(ss.corpus())
        shared = [r.id for p in pictures for r in p.relations]

        assert len(pictures) > 1
        assert sorted(r.id for r in ss.relations) == sorted(shared)
        assert not [p.uri for p in pictures if "relations-more-" in p.uri]

    def test_relations_no_theme_holds_get_a_picture_of_their_own(
        self, figures: ModuleType
    ) -> None:
        """New data is never left out: a stray relation is drawn too."""
        corpus = ss.corpus()
        themes = figures.RELATION_THEMES
        try:
            figures.RELATION_THEMES = themes[1:]
            pictures = figures.relation_pictures(corpus)
        finally:
            figures.RELATION_THEMES = themes
        spare = [p for p in pictures if "relations-more-" in p.uri]
        shared = [r.id for p in pictures for r in p.relations]

        assert spare
        assert sorted(r.id for r in corpus.relations) == sorted(shared)


class TestReadable:
    """Every picture reads at the width of the page, light or dark."""

    @pytest.mark.parametrize("column", COLUMNS)
    def test_text_reads_at_the_width_of_the_column(
        self, svgs: dict[str, bytes], column: int
    ) -> None:
        """No line of any picture is smaller than READABLE pixels."""
        small = {
            uri: round(smallest_text_px(svg, column), 1)
            for uri, svg in svgs.items()
            if smallest_text_px(svg, column) < READABLE
        }

        assert {} == small

    def test_a_picture_wider_than_the_column_would_fail(
        self, figures: ModuleType
    ) -> None:
        """
        The measure catches what the old single relations graph did.

        That graph was 17 inches wide with 7.2-point labels: scaled to the
        column, its labels were about 4 pixels high.
        """
        fig = figures.Figure(figsize=(17.3, 4))
        fig.text(0.5, 0.5, "The revolution of October 1917", fontsize=7.2)
        svg = figures.render(fig)

        assert [7.2] == [round(size, 3) for size in text_sizes(svg)]
        assert smallest_text_px(svg, 760) < 5

    def test_pictures_are_drawn_at_the_width_of_the_column(
        self, svgs: dict[str, bytes]
    ) -> None:
        """A picture shown at its own size is neither cramped nor scaled."""
        for uri, svg in svgs.items():
            root = ElementTree.fromstring(svg)  # noqa: S314 -- our own drawing
            width = float(root.attrib["width"].removesuffix("pt")) * 4 / 3

            assert 600 <= width <= min(COLUMNS), uri

    def test_on_a_phone_pictures_keep_their_size_and_scroll(
        self, svgs: dict[str, bytes]
    ) -> None:
        """
        At a phone's width a picture scrolls sideways instead of shrinking.

        Scaled to a 390-pixel screen's column (about 358 px) the text of
        the pictures would be far below what reads; the stylesheet keeps
        them at their drawn size there, in a box that scrolls, as it does
        for a wide table.
        """
        phone = 358
        assert all(
            smallest_text_px(svg, phone) < READABLE for svg in svgs.values()
        )
        css = (ROOT / "docs" / "stylesheets" / "extra.css").read_text("utf-8")
        narrow = re.search(
            r"@media screen and \(max-width: [0-9.]+em\) \{(.*?)\n\}",
            css,
            re.DOTALL,
        )

        assert narrow
        rules = {
            selector.strip(): body
            for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", narrow[1])
        }
        assert (
            "overflow-x: auto"
            in rules['.md-typeset p:has(> img[src$=".svg"])']
        )
        assert "max-width: none" in rules['.md-typeset p > img[src$=".svg"]']

    def test_pictures_stand_on_an_opaque_light_card(
        self, svgs: dict[str, bytes]
    ) -> None:
        """
        The first thing drawn fills the picture with an opaque light colour.

        So the dark text stays readable on Material's dark scheme ("slate"),
        whose background is near black.
        """
        for uri, svg in svgs.items():
            root = ElementTree.fromstring(svg)  # noqa: S314 -- our own drawing
            view = [float(v) for v in root.attrib["viewBox"].split()]
            filled = [
                path
                for path in root.iter(f"{_SVG}path")
                if _style(path).get("fill", "none") != "none" and path.get("d")
            ]
            card = filled[0]
            style = _style(card)
            numbers = [
                float(n) for n in re.findall(r"-?[0-9.]+", card.get("d"))
            ]
            xs, ys = numbers[0::2], numbers[1::2]

            assert _luminance(style["fill"]) > 0.9, uri
            assert "fill-opacity" not in style, uri
            assert min(xs) < 2, uri
            assert max(xs) > view[2] - 2, uri
            assert min(ys) < 2, uri
            assert max(ys) > view[3] - 2, uri

    def test_text_contrasts_with_the_card(
        self, svgs: dict[str, bytes]
    ) -> None:
        """Every line of text has a contrast of at least 4.5:1 (WCAG AA)."""
        for uri, svg in svgs.items():
            root = ElementTree.fromstring(svg)  # noqa: S314 -- our own drawing
            colours = {
                _style(g)["fill"]
                for g in root.iter(f"{_SVG}g")
                if _TEXT_SCALE.search(g.get("transform", ""))
            }

            assert colours, uri
            assert all(_contrast(c, "#ffffff") >= 4.5 for c in colours), uri


class TestWhatThePicturesShow:
    """The pictures show what the text beside them talks about."""

    def test_the_picture_of_1956_shows_the_events_of_1956(
        self, svgs: dict[str, bytes]
    ) -> None:
        """The tutorial's picture beside its 1956 timeline shows that year."""
        svg = svgs["figures/timeline-1956.svg"].decode()
        labels = set(re.findall(r"<!-- (.*?) -->", svg))
        in_1956 = {e.name for e in ss.timeline(start=1956, end=1956)}
        others = {e.name for e in ss.timeline()} - in_1956

        assert in_1956 <= labels
        assert not others & labels

    def test_every_dated_event_is_on_the_whole_timeline(
        self, svgs: dict[str, bytes]
    ) -> None:
        """The timeline of the home page has every dated event."""
        svg = svgs["figures/timeline.svg"].decode()
        labels = set(re.findall(r"<!-- (.*?) -->", svg))

        assert {e.name for e in ss.timeline()} <= labels

    def test_a_start_that_is_not_a_date_fades_in(
        self, figures: ModuleType
    ) -> None:
        """
        "By 1939" (``/1939``) fades in from the edge, as the key says.

        An unknown start (``/1939``) and an open one (``../1939``) are
        drawn alike: a bar in steps of growing opacity, so that the edge
        of the axis does not read as the day it began.  Every other bar
        is drawn whole.
        """
        events = ss.timeline()
        fading = {
            e.id
            for e in events
            if e.date
            and e.date.edtf.partition("/")[0] in ("", "..")
            and "/" in e.date.edtf
        }
        assert fading  # "By 1939"
        figure = figures.timeline_figure(ss.corpus())
        ax = next(a for a in figure.axes if a.get_ylim()[1] < 0)  # rows
        translucent: Counter[int] = Counter()
        for patch in ax.patches:
            alpha = patch.get_alpha()
            y = getattr(patch, "get_y", None)
            if alpha is not None and alpha < 1 and y is not None:
                translucent[round(y() + patch.get_height() / 2)] += 1

        assert {events[row].id for row in translucent} == fading
        assert all(n > 1 for n in translucent.values())

    def test_drawing_twice_gives_the_same_bytes(
        self, figures: ModuleType, svgs: dict[str, bytes]
    ) -> None:
        """The pictures are deterministic, so the built site is too."""
        assert svgs == figures.svgs(ss.corpus())


class TestLinkedText:
    """Web addresses in note sources become whole links."""

    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            (
                "https://en.wikipedia.org/wiki/The_Thaw_(Ehrenburg_novel)",
                "<https://en.wikipedia.org/wiki/The_Thaw_(Ehrenburg_novel)>",
            ),
            (
                "https://en.wikipedia.org/wiki/The_Thaw_(Ehrenburg_novel) (Wikipedia)",
                "<https://en.wikipedia.org/wiki/The_Thaw_(Ehrenburg_novel)> (Wikipedia)",
            ),
            (
                "(see https://en.wikipedia.org/wiki/The_Thaw_(Ehrenburg_novel))",
                "(see <https://en.wikipedia.org/wiki/The_Thaw_(Ehrenburg_novel)>)",
            ),
            (
                "https://example.org/a_(b)_(c)",
                "<https://example.org/a_(b)_(c)>",
            ),
        ],
    )
    def test_balanced_parentheses_stay_in_the_address(
        self, data_reference: ModuleType, source: str, expected: str
    ) -> None:
        """A closing parenthesis that closes one in the address is kept."""
        assert expected == data_reference.linked_text(source)

    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            (
                "A mirror (https://example.org/page).",
                "A mirror (<https://example.org/page>).",
            ),
            (
                "(https://example.org/page), or",
                "(<https://example.org/page>), or",
            ),
            (
                "See https://example.org/page; and https://example.org/b.",
                "See <https://example.org/page>; and <https://example.org/b>.",
            ),
            (
                "“https://example.org/page”",
                "“<https://example.org/page>”",
            ),
        ],
    )
    def test_the_sentence_keeps_its_punctuation(
        self, data_reference: ModuleType, source: str, expected: str
    ) -> None:
        """Punctuation and an unmatched ``)`` after an address stay outside."""
        assert expected == data_reference.linked_text(source)

    def test_the_notes_page_links_whole_addresses(
        self, data_reference: ModuleType
    ) -> None:
        """Every address where a source was read is a whole link."""
        page = data_reference.pages(ss.corpus())["notes"]
        addresses = [
            source.read_at
            for note in ss.notes
            for source in note.sources
            if source.read_at
        ]

        assert addresses
        for address in addresses:
            assert f"<{address}>" in page, address


def test_the_data_reference_names_the_calendar_as_the_pictures_do(
    figures: ModuleType, data_reference: ModuleType
) -> None:
    """“October 1917” is in the Julian calendar, capitalised, on both."""
    date = ss.events.get("october-revolution").date
    assert date is not None
    assert date.calendar is ss.Calendar.JULIAN
    ref = data_reference._Linker(ss.corpus(), {})

    assert "(Julian calendar)" in data_reference.wording(date, ref)
    assert "(Julian calendar)" in figures._wording(date)
