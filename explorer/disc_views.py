"""The disc pictures as tables of parts (explorer/drawing.py writes them): a lumbar disc from
above and from the side in each look, and the three kinds of herniation close up.

What differs from one look to another is data: the disc's measures per look (`DISCS`), and groups
of parts drawn only where the look has a tear, a herniation or a worn disc (`when`, `unless`).
Every part carries a label on the picture; every colour pair used for text or outlines passes
WCAG AA (tests/test_anatomy.py)."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.drawing import (
    LINE_BREAK,
    LINE_HEIGHT,
    PAPER,
    WIDTH,
    Circle,
    Ellipse,
    Label,
    Leader,
    Part,
    Path,
    Rect,
    Shape,
    Style,
    TextStyle,
    lines,
)
from explorer.words import t

# Colours. Text is near-black on light fills (>= 4.5:1); outlines reach 3:1 on the fill inside
# them and on white, so every part stands out without relying on colour.
OUTLINE = "#4D4D4D"
BONE = "#EFE8DC"
END_PLATE = "#B9CFE0"
END_PLATE_LINE = "#3D5A73"
ANNULUS_FILLS = ("#F5E6C8", "#EAD3A8")  # alternate layers
OUTER_ANNULUS = "#E2C088"
ANNULUS_LINE = "#7A5516"
NERVE_ENDING = "#8B3A00"
NUCLEUS = "#CDE6F7"
NUCLEUS_LINE = "#005A8C"
DRY_NUCLEUS = "#E4E0D8"
DRY_NUCLEUS_LINE = "#5C5C5C"
NERVE = "#F7D774"
NERVE_LINE = "#7A5C00"
FISSURE = "#9A3D00"
FLOW = "#006B4A"

# How parts are painted.
ROUND = {"stroke_linecap": "round", "stroke_linejoin": "round"}
GEL = Style(NUCLEUS, NUCLEUS_LINE, 2)
DRY_GEL = Style(DRY_NUCLEUS, DRY_NUCLEUS_LINE, 2)
THIN_GEL = Style(NUCLEUS, NUCLEUS_LINE, 1.5)
FIBRES = Style("none", ANNULUS_LINE, 1.5)
TEAR = Style("none", FISSURE, 4, **ROUND)
NERVE_ROOT = Style(NERVE, NERVE_LINE, 2)
BONE_STYLE = Style(BONE, OUTLINE, 2)
PLATE = Style(END_PLATE, END_PLATE_LINE, 1.5)
# CSS classes of the nerve roots: tests find the pressed one by them.
ROOT_CLASS = "nerve-root"
PRESSED_ROOT_CLASS = "nerve-root pressed"

# How labels are written: a name on a chip (the default), the edges of the body in bold, a name
# inside the part it names (smaller where the part is), the key to the arrows in their colour.
EDGE = TextStyle(size=13, bold=True, chip=False)
ON_PART = TextStyle(chip=False)
BOLD_ON_PART = TextStyle(bold=True, chip=False)
INSIDE = TextStyle(size=14, chip=False)
INSIDE_SMALL = TextStyle(size=13, chip=False)
ARROWS_KEY = TextStyle(size=14, colour=FLOW)


@dataclass(frozen=True)
class Look:
    """What changes in the drawing from one disc state to another."""

    fissure: bool = False
    herniation: bool = False
    worn: bool = False


@dataclass(frozen=True)
class Parts:
    """Parts drawn together: in every look, or only where the look's `flag` is `shown_if`."""

    parts: tuple[Part, ...]
    flag: str | None = None
    shown_if: bool = True


def always(*parts: Part) -> Parts:
    return Parts(parts)


def when(flag: str, *parts: Part) -> Parts:
    return Parts(parts, flag)


def unless(flag: str, *parts: Part) -> Parts:
    return Parts(parts, flag, shown_if=False)


def chosen(table: tuple[Parts, ...], look: Look) -> tuple[Part, ...]:
    """The parts of a table that this look draws, in the table's order (first at the back)."""
    return tuple(
        part
        for group in table
        if group.flag is None or getattr(look, group.flag) == group.shown_if
        for part in group.parts
    )


@dataclass(frozen=True)
class Disc:
    """The disc in one look: a worn disc is lower, its gel centre smaller and drier, and the
    side view's labels say so."""

    height: int  # seen from the side
    top_gel: tuple[int, int]  # the gel centre's (rx, ry) from above
    side_gel: tuple[int, int]  # and from the side
    gel: Style
    disc_words: str  # catalogue keys of the side view's names for the disc and its gel centre
    gel_words: str
    gel_words_style: TextStyle  # the gel centre's name fits inside it

    @property
    def bottom(self) -> int:
        """The disc's lower edge in the side view: the bones close up by the height lost."""
        return DISC_TOP + self.height

    @property
    def middle(self) -> float:
        return DISC_TOP + self.height / 2


# ---------------------------------------------------------------------------------------------
# Top view: a kidney-shaped lumbar disc seen from above, front of the body at the top.
TOP_HEIGHT = 362
TOP_CENTRE = (220, 150)
# The kidney-shaped outline around (0, 0), clockwise from the front, as a start point and cubic
# curves: the back (bottom) is dented where the spinal canal sits.
_KIDNEY = (
    (0, -105),
    ((85, -105), (150, -70), (150, -5)),
    ((150, 55), (115, 100), (70, 100)),
    ((40, 100), (25, 80), (0, 80)),
    ((-25, 80), (-40, 100), (-70, 100)),
    ((-115, 100), (-150, 55), (-150, -5)),
    ((-150, -70), (-85, -105), (0, -105)),
)
# The annulus's layers, outermost first: id, scale of the outline, fill (alternating inside).
TOP_LAYERS = (
    ("top-outer-annulus", 0.8, OUTER_ANNULUS),
    ("top-annulus-layer-1", 0.67, ANNULUS_FILLS[1]),
    ("top-annulus-layer-2", 0.59, ANNULUS_FILLS[0]),
    ("top-annulus-layer-3", 0.51, ANNULUS_FILLS[1]),
)
OUTER_BAND = (TOP_LAYERS[0][1] + TOP_LAYERS[1][1]) / 2  # the middle of the outer annulus
# Where the nerve endings sit along the outline: (curve, fraction), more of them at the back.
NERVE_ENDING_SPOTS = (
    (0, 0.1),
    (0, 0.6),
    (1, 0.2),
    (1, 0.7),
    (2, 0.5),
    (3, 0.5),
    (4, 0.3),
    (4, 0.8),
    (5, 0.3),
)


def _kidney(scale: float) -> str:
    cx, cy = TOP_CENTRE

    def point(p):
        return f"{cx + p[0] * scale:.1f} {cy + p[1] * scale:.1f}"

    start, *curves = _KIDNEY
    return (
        f"M {point(start)} "
        + " ".join(f"C {point(a)} {point(b)} {point(c)}" for a, b, c in curves)
        + " Z"
    )


def _kidney_point(segment: int, t: float, scale: float) -> tuple[float, float]:
    """A point on the kidney outline at this scale: curve `segment` (0 = front right, going
    clockwise), at fraction t along it."""
    start = _KIDNEY[0] if segment == 0 else _KIDNEY[segment][2]
    c1, c2, end = _KIDNEY[segment + 1]
    weights = ((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3)
    x = sum(w * p[0] for w, p in zip(weights, (start, c1, c2, end)))
    y = sum(w * p[1] for w, p in zip(weights, (start, c1, c2, end)))
    return TOP_CENTRE[0] + x * scale, TOP_CENTRE[1] + y * scale


def nerve_ending_points() -> list[tuple[float, float]]:
    return [_kidney_point(segment, t, OUTER_BAND) for segment, t in NERVE_ENDING_SPOTS]


def _nerve_endings() -> Shape:
    """Small branching twigs in the outer layer only: deeper in, a healthy disc has no nerves."""
    twigs = [
        f"M {x:.1f} {y + 3:.1f} L {x:.1f} {y - 0.5:.1f} L {x - 3:.1f} {y - 3.5:.1f} M {x:.1f} {y - 0.5:.1f} L {x + 3:.1f} {y - 3.5:.1f}"
        for x, y in nerve_ending_points()
    ]
    return Shape(
        "top-nerve-endings", Path(" ".join(twigs)), Style("none", NERVE_ENDING, 2, "round")
    )


def _polyline(points: list[tuple[float, float]]) -> str:
    return "M " + " L ".join(f"{x:g} {y:g}" for x, y in points)


def _top_tear(disc: Disc) -> list[tuple[float, float]]:
    """A zigzag split from the gel centre's edge out to the middle of the outer layer, at the
    back left."""
    rx, ry = disc.top_gel
    start = (TOP_CENTRE[0] - rx * 0.45, TOP_CENTRE[1] - 4 + ry * 0.89)  # on the gel's edge
    end = _kidney_point(3, 0.55, OUTER_BAND)
    steps = 5
    points = []
    for step in range(steps + 1):
        f = step / steps
        x = start[0] + (end[0] - start[0]) * f
        y = start[1] + (end[1] - start[1]) * f
        zig = 0 if step in (0, steps) else (5 if step % 2 else -5)
        points.append((round(x + zig, 1), round(y, 1)))
    return points


def top_view(look: Look) -> tuple[Part, ...]:
    """The disc from above in this look, every part labelled."""
    disc = DISCS[look.worn]
    return chosen(_top_shapes(disc) + _top_labels(disc), look)


def _top_shapes(disc: Disc) -> tuple[Parts, ...]:
    cx, cy = TOP_CENTRE
    layers = [
        Shape(layer_id, Path(_kidney(scale)), Style(fill, ANNULUS_LINE, 1.5))
        for layer_id, scale, fill in TOP_LAYERS
    ]
    return (
        always(
            *layers,
            _nerve_endings(),
            Shape("top-nucleus", Ellipse(cx, cy - 4, *disc.top_gel), disc.gel),
            # The spinal canal sits in the dent at the back; a nerve root at each back corner.
            Shape(
                "top-spinal-canal",
                Path("M 184 222 Q 220 208 256 222 L 238 292 Q 220 306 202 292 Z"),
                Style(PAPER, OUTLINE, 2),
            ),
            Shape("top-nerve-root-left", Circle(176, 238, 11), NERVE_ROOT, ROOT_CLASS),
        ),
        # Gel squeezes out through every layer at the back right and flattens the nerve root.
        when(
            "herniation",
            Shape(
                "top-herniation",
                Path(
                    "M 238 168 C 256 176 270 204 272 224 C 274 238 262 244 254 238 C 246 226 236 210 226 178 Z"
                ),
                GEL,
            ),
            Shape(
                "top-nerve-root-right",
                Ellipse(272, 248, 16, 6),
                Style(NERVE, NERVE_LINE, 2.5),
                PRESSED_ROOT_CLASS,
            ),
        ),
        unless(
            "herniation",
            Shape("top-nerve-root-right", Circle(264, 238, 11), NERVE_ROOT, ROOT_CLASS),
        ),
        when("fissure", Shape("top-fissure", Path(_polyline(_top_tear(disc))), TEAR)),
    )


def _top_labels(disc: Disc) -> tuple[Parts, ...]:
    cx, cy = TOP_CENTRE
    tear = _top_tear(disc)
    return (
        always(Label(None, cx, 26, t("anatomy.labels.front_of_body"), "middle", EDGE)),
        when(
            "fissure",
            Leader(84, 212, *tear[len(tear) // 2]),
            Label("label-fissure", 8, 200, t("anatomy.labels.tear_named")),
        ),
        when(
            "worn",
            Leader(120, 122, cx - disc.top_gel[0] + 4, cy - 4),
            Label("label-nucleus", 8, 122, t("anatomy.labels.dry_nucleus_lines")),
        ),
        unless(
            "worn",
            Label("label-nucleus", cx, cy - 6, t("anatomy.labels.nucleus_named"), "middle", INSIDE),
        ),
        always(
            Label("label-annulus", cx, 96, t("anatomy.labels.annulus"), "middle"),
            Leader(96, 62, *nerve_ending_points()[-1]),
            Label("label-outer-annulus", 8, 44, t("anatomy.labels.outer_annulus")),
            Leader(88, 272, 168, 244),
            Label("label-nerve-root-left", 8, 276, t("anatomy.labels.nerve_root")),
            Label("label-spinal-canal", cx, 328, t("anatomy.labels.spinal_canal"), "middle"),
            Leader(cx, 312, cx, 268),
            Label(None, cx, 352, t("anatomy.labels.back_of_body"), "middle", EDGE),
        ),
        when(
            "herniation",
            Leader(352, 272, 280, 250),
            Label(
                "label-nerve-root-right", 432, 276, t("anatomy.labels.nerve_root_pressed"), "end"
            ),
            Leader(352, 214, 272, 220),
            Label("label-herniation", 432, 200, t("anatomy.labels.herniation_top"), "end"),
        ),
        unless(
            "herniation",
            Leader(352, 272, 272, 244),
            Label("label-nerve-root-right", 432, 276, t("anatomy.labels.nerve_root"), "end"),
        ),
    )


# ---------------------------------------------------------------------------------------------
# Side view: two vertebrae with the disc between them, front of the body on the left.
SIDE_HEIGHT = 400
BONE_LEFT, BONE_RIGHT = 96, 266
BONE_WIDTH = BONE_RIGHT - BONE_LEFT
BONE_HEIGHT = 92
PLATE_HEIGHT = 8
DISC_TOP = 30 + BONE_HEIGHT + PLATE_HEIGHT
CENTRE_X = (BONE_LEFT + BONE_RIGHT) / 2
NERVE_X = 328

# The disc in each look, by Look.worn.
DISCS = {
    False: Disc(
        height=60,
        top_gel=(50, 34),
        side_gel=(58, 18),
        gel=GEL,
        disc_words="anatomy.labels.disc",
        gel_words="anatomy.labels.nucleus",
        gel_words_style=INSIDE,
    ),
    True: Disc(
        height=32,
        top_gel=(36, 22),
        side_gel=(48, 11),
        gel=DRY_GEL,
        disc_words="anatomy.labels.thin_disc",
        gel_words="anatomy.labels.dry_nucleus",
        gel_words_style=INSIDE_SMALL,
    ),
}


def side_view(look: Look) -> tuple[Part, ...]:
    """The disc from the side in this look, between two vertebrae, every part labelled."""
    disc = DISCS[look.worn]
    return chosen(_side_shapes(disc) + _side_labels(disc), look)


def _fibre_layers(disc: Disc) -> str:
    """Fibre layers seen edge-on at the front and back of the disc."""
    layers = []
    for offset in (10, 20, 30):
        for x, bow in ((BONE_LEFT + offset, -4), (BONE_RIGHT - offset, 4)):
            layers.append(f"M {x} {DISC_TOP} Q {x + bow} {disc.middle:.1f} {x} {disc.bottom}")
    return " ".join(layers)


def _diffusion_arrows(disc: Disc) -> str:
    """Food and water reach the disc through the end plates: arrows from both bones."""
    top, bottom = DISC_TOP, disc.bottom
    arrows = []
    for x in (CENTRE_X - 72, CENTRE_X - 45, CENTRE_X + 45, CENTRE_X + 72):
        top_tip, bottom_tip = top + 4, bottom - 4
        arrows.append(
            f"M {x} {top - 30} L {x} {top_tip} M {x - 5} {top_tip - 7} L {x} {top_tip} L {x + 5} {top_tip - 7}"
        )
        arrows.append(
            f"M {x} {bottom + 30} L {x} {bottom_tip} M {x - 5} {bottom_tip + 7} L {x} {bottom_tip} L {x + 5} {bottom_tip + 7}"
        )
    return " ".join(arrows)


def _nerve_root(path: str, classes: str) -> tuple[Shape, Shape]:
    """Drawn twice: a dark wide stroke under a yellow narrow one gives the nerve its outline."""
    return (
        Shape(None, Path(path), Style("none", NERVE_LINE, 14, "round")),
        Shape("side-nerve-root", Path(path), Style("none", NERVE, 9, "round"), classes),
    )


def _side_shapes(disc: Disc) -> tuple[Parts, ...]:
    mid, bottom, (rx, _), nerve = disc.middle, disc.bottom, disc.side_gel, NERVE_X
    # The gel bulges out at the back as far as the nerve root, which bends around it.
    bulge = f"M {BONE_RIGHT - 40} {mid - 8:.1f} C {BONE_RIGHT + 10} {mid - 16:.1f} {nerve + 6} {mid - 10:.1f} {nerve + 6} {mid:.1f} C {nerve + 6} {mid + 10:.1f} {BONE_RIGHT + 10} {mid + 16:.1f} {BONE_RIGHT - 40} {mid + 8:.1f} Z"
    pressed = f"M {nerve} 20 L {nerve} {mid - 60:.1f} C {nerve} {mid - 30:.1f} {nerve + 20} {mid - 25:.1f} {nerve + 20} {mid:.1f} C {nerve + 20} {mid + 25:.1f} {nerve} {mid + 30:.1f} {nerve} {mid + 60:.1f} L {nerve} 380"
    split = [(CENTRE_X + rx + dx, mid + dy) for dx, dy in ((-6, -2), (8, 6), (18, -4), (30, 5))]
    return (
        always(
            Shape(
                "side-upper-vertebra", Rect(BONE_LEFT, 30, BONE_WIDTH, BONE_HEIGHT, 10), BONE_STYLE
            ),
            Shape(
                "side-upper-end-plate",
                Rect(BONE_LEFT, DISC_TOP - PLATE_HEIGHT, BONE_WIDTH, PLATE_HEIGHT),
                PLATE,
            ),
            Shape(
                "side-disc",
                Rect(BONE_LEFT + 2, DISC_TOP, BONE_WIDTH - 4, disc.height),
                Style(ANNULUS_FILLS[1], ANNULUS_LINE, 1.5),
            ),
            Shape("side-lower-end-plate", Rect(BONE_LEFT, bottom, BONE_WIDTH, PLATE_HEIGHT), PLATE),
            Shape(
                "side-lower-vertebra",
                Rect(BONE_LEFT, bottom + PLATE_HEIGHT, BONE_WIDTH, BONE_HEIGHT, 10),
                BONE_STYLE,
            ),
            Shape("side-annulus-layers", Path(_fibre_layers(disc)), FIBRES),
            Shape("side-nucleus", Ellipse(CENTRE_X, mid, *disc.side_gel), disc.gel),
            Shape(
                "side-diffusion", Path(_diffusion_arrows(disc)), Style("none", FLOW, 2.5, **ROUND)
            ),
        ),
        when(
            "herniation",
            Shape("side-herniation", Path(bulge), GEL),
            *_nerve_root(pressed, PRESSED_ROOT_CLASS),
        ),
        unless("herniation", *_nerve_root(f"M {nerve} 20 L {nerve} 380", ROOT_CLASS)),
        when(
            "fissure",
            Shape("side-fissure", Path(_polyline([*split, (BONE_RIGHT - 2, mid - 2)])), TEAR),
        ),
    )


def _centred_on(y: float, words: str) -> float:
    """The first baseline that keeps the words' lines centred where one line's baseline is y."""
    return y - (LINE_HEIGHT / 2) * (len(lines(words)) - 1)


def _side_labels(disc: Disc) -> tuple[Parts, ...]:
    mid, bottom = disc.middle, disc.bottom
    vertebra, end_plate = t("anatomy.labels.vertebra"), t("anatomy.labels.end_plate")
    disc_words, gel_size = t(disc.disc_words), disc.gel_words_style.size
    return (
        always(
            # Above, the name stands on two lines, clear of the arrows; below there is room for one.
            Label("label-upper-vertebra", CENTRE_X, 70, vertebra, "middle", ON_PART),
            Label(
                "label-lower-vertebra",
                CENTRE_X,
                bottom + PLATE_HEIGHT + 62,
                vertebra.replace(LINE_BREAK, " "),
                "middle",
                ON_PART,
            ),
            Leader(84, DISC_TOP - 24, BONE_LEFT + 12, DISC_TOP - PLATE_HEIGHT / 2),
            Label("label-upper-end-plate", 8, DISC_TOP - 30, end_plate),
            Leader(84, bottom + 30, BONE_LEFT + 12, bottom + PLATE_HEIGHT / 2),
            Label("label-lower-end-plate", 8, bottom + 40, end_plate),
            Leader(60, mid, BONE_LEFT + 6, mid),
            Label("label-disc", 8, _centred_on(mid + 5, disc_words), disc_words),
            Label("label-nerve-root", NERVE_X + 16, 44, t("anatomy.labels.nerve_root_lines")),
            # The gel centre is named inside itself: a line from outside would cross the nerve root.
            Label(
                "label-nucleus",
                CENTRE_X,
                mid + gel_size * 0.35,
                t(disc.gel_words),
                "middle",
                disc.gel_words_style,
            ),
        ),
        when(
            "fissure",
            Leader(BONE_RIGHT + 24, DISC_TOP - 18, BONE_RIGHT - 6, mid - 2),
            Label("label-fissure", BONE_RIGHT + 8, DISC_TOP - 24, t("anatomy.labels.tear")),
        ),
        when(
            "herniation",
            Leader(NERVE_X + 28, mid - 42, NERVE_X + 4, mid - 4),
            Label("label-herniation", NERVE_X + 18, mid - 64, t("anatomy.labels.herniation_side")),
        ),
        always(
            # Green like the arrows, and in words, so the arrows are explained without relying on colour.
            Label(
                "label-diffusion",
                CENTRE_X,
                332,
                t("anatomy.labels.diffusion"),
                "middle",
                ARROWS_KEY,
            ),
            Label(None, 8, 392, t("anatomy.labels.front"), style=EDGE),
            Label(None, 432, 392, t("anatomy.labels.back"), "end", EDGE),
        ),
    )


# ---------------------------------------------------------------------------------------------
# The three kinds of herniation, as close-ups of the back edge of a disc.
TYPES_HEIGHT = 182
# The fibre layers under the gel, inside to outside: the last is the disc's back edge.
EDGE_LAYERS = (ANNULUS_FILLS[0], ANNULUS_FILLS[1], OUTER_ANNULUS)


def _protrusion(middle: float) -> tuple[Shape, ...]:
    """The layers stretch into a dome; the gel fills the inner part but the outer layer holds."""
    layers = f"M {middle - 44} 66 C {middle - 38} 92 {middle + 38} 92 {middle + 44} 66 Z"
    gel = f"M {middle - 30} 36 C {middle - 28} 82 {middle + 28} 82 {middle + 30} 36 Z"
    return (
        Shape(None, Path(layers), Style(OUTER_ANNULUS, ANNULUS_LINE, 1.5)),
        Shape("type-protrusion", Path(gel), THIN_GEL),
    )


def _extrusion(middle: float) -> tuple[Shape, ...]:
    """The gel breaks through every layer and spreads wider than its neck."""
    gel = f"M {middle - 8} 36 L {middle - 8} 66 C {middle - 40} 70 {middle - 36} 102 {middle} 102 C {middle + 36} 102 {middle + 40} 70 {middle + 8} 66 L {middle + 8} 36 Z"
    return (Shape("type-extrusion", Path(gel), THIN_GEL),)


def _sequestration(middle: float) -> tuple[Shape, ...]:
    """A piece of gel lies apart from the disc, below a crack in its edge."""
    crack = f"M {middle - 6} 66 L {middle - 2} 58 L {middle + 3} 66 L {middle + 7} 60"
    return (
        Shape("type-sequestration", Ellipse(middle, 94, 22, 12), THIN_GEL),
        Shape(None, Path(crack), Style("none", FISSURE, 2.5)),
    )


HERNIATION_TYPES = (
    ("protrusion", _protrusion),
    ("extrusion", _extrusion),
    ("sequestration", _sequestration),
)


def herniation_types() -> tuple[Part, ...]:
    """A panel per kind, side by side: the gel and layers at the back edge, its name and shape."""
    panel = WIDTH / len(HERNIATION_TYPES)
    parts: list[Part] = []
    for index, (type_id, gel) in enumerate(HERNIATION_TYPES):
        words = f"anatomy.herniation_types.{type_id}"
        left = index * panel + 6
        right = left + panel - 12
        middle = (left + right) / 2
        parts.append(Shape(None, Rect(left, 10, right - left, 26), THIN_GEL))
        parts += [
            Shape(
                None, Rect(left, 36 + layer * 10, right - left, 10), Style(fill, ANNULUS_LINE, 1.2)
            )
            for layer, fill in enumerate(EDGE_LAYERS)
        ]
        parts += [
            *gel(middle),
            Label(f"label-{type_id}", middle, 132, t(f"{words}.name"), "middle", BOLD_ON_PART),
            Label(None, middle, 152, t(f"{words}.shape"), "middle", INSIDE),
        ]
    return tuple(parts)
