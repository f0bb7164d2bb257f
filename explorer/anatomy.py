"""The disc anatomy page: a labelled drawing of a lumbar disc in each state, and the chart of how
common scan findings are in people without pain. Pure functions: state in, SVG or chart out.

The drawings are SVG written here (author markup, never CSV text); their words come from the text
catalogue (content/en/anatomy.toml) and are escaped as they go in. Every part carries a label on
the picture; every colour pair used for text or outlines passes WCAG AA (tests/test_anatomy.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import altair as alt
import pandas as pd

from explorer.compare import evidence_line, source_table
from explorer.data import Content
from explorer.memo import kept
from explorer.rules.vocabulary import DISC_STATES, SCAN_AGES, age_column, split_ids
from explorer.url_params import in_neutral_order, link_params
from explorer.words import t

# The URL parameter that keeps the state shown: /anatomy?state=herniation

# ---------------------------------------------------------------------------------------------
# Colours. Text is near-black on light fills (>= 4.5:1); outlines reach 3:1 on the fill inside
# them and on white, so every part stands out without relying on colour.
PAPER = "#FFFFFF"
INK = "#1F1F1F"
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

# Okabe-Ito colours that reach 3:1 on white, one per scan finding (as in .streamlit/config.toml).
FINDING_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#555555")

FONT = "font-family='Source Sans Pro, Helvetica, Arial, sans-serif'"
LABEL_SIZE = 15
LINE_HEIGHT = 18
WIDTH = 440  # viewBox width: 15-unit text still shows at about 12 px on a 390 px phone


@dataclass(frozen=True)
class Look:
    """What changes in the drawing from one state to another."""

    fissure: bool = False
    herniation: bool = False
    worn: bool = False


LOOKS = {
    "healthy": Look(),
    "tear": Look(fissure=True),
    "herniation": Look(herniation=True),
    "degenerated": Look(worn=True),
}


@kept
def look(state: str) -> Look:
    if state not in LOOKS:
        raise ValueError(f"unknown disc state {state!r}; expected one of {', '.join(DISC_STATES)}")
    return LOOKS[state]


# ---------------------------------------------------------------------------------------------
# What the pictures show, in words (content/en/anatomy.toml): each picture's accessible name and
# the page text.
@kept
def top_view_title(state: str) -> str:
    return t("anatomy.top_view_title", state=_state_words(state))


@kept
def side_view_title(state: str) -> str:
    return t("anatomy.side_view_title", state=_state_words(state))


def _state_words(state: str) -> str:
    look(state)
    return t(f"anatomy.states.{state}")


def top_view_description(state: str) -> str:
    look(state)
    return f"{t('anatomy.top_view.base')} {t(f'anatomy.top_view.change.{state}')}"


def side_view_description(state: str) -> str:
    look(state)
    return f"{t('anatomy.side_view.base')} {t(f'anatomy.side_view.change.{state}')}"


@kept
def pictures_description(state: str) -> str:
    """Both pictures in words, shown under them for everyone who cannot see them well."""
    return t(
        "anatomy.pictures_description",
        top=top_view_description(state),
        side=side_view_description(state),
    )


def _lines(words: str) -> tuple[str, ...]:
    """A label's lines: the catalogue breaks a label where the drawing has no more room."""
    return tuple(words.split("\n"))


# ---------------------------------------------------------------------------------------------
# SVG building blocks.
def _svg(height: int, title: str, description: str, body: list[str], name: str) -> str:
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {WIDTH} {height}' width='{WIDTH}' "
        f"height='{height}' role='img' aria-labelledby='{name}-title {name}-desc' {FONT}>"
        f"<title id='{name}-title'>{escape(title)}</title><desc id='{name}-desc'>{escape(description)}</desc>"
        f"<rect width='{WIDTH}' height='{height}' fill='{PAPER}'/>" + "".join(body) + "</svg>"
    )


def _attrs(**attributes) -> str:
    return " ".join(
        f"{key.rstrip('_').replace('_', '-')}={quoteattr(str(value))}"
        for key, value in attributes.items()
    )


def _shape(tag: str, **attributes) -> str:
    return f"<{tag} {_attrs(**attributes)}/>"


def _text_width(lines: tuple[str, ...], size: int) -> float:
    # A sans-serif letter is about 0.55 em wide on average: enough to size the white chip.
    return max(len(line) for line in lines) * size * 0.55


def _label(
    x: float,
    y: float,
    *lines: str,
    anchor: str = "start",
    size: int = LABEL_SIZE,
    bold: bool = False,
    chip: bool = True,
    colour: str = INK,
    id_: str | None = None,
) -> str:
    """Text lines whose first baseline is at y, on a white chip so that no line runs under them."""
    width = _text_width(lines, size)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    parts = [f"<g{' id=' + quoteattr(id_) if id_ else ''} class='label'>"]
    if chip:
        height = size + LINE_HEIGHT * (len(lines) - 1) + 8
        parts.append(
            _shape(
                "rect",
                x=round(left - 4, 1),
                y=y - size - 1,
                width=round(width + 8, 1),
                height=height,
                rx=4,
                fill=PAPER,
            )
        )
    weight = " font-weight='700'" if bold else ""
    for index, line in enumerate(lines):
        parts.append(
            f"<text x='{x}' y='{y + index * LINE_HEIGHT}' font-size='{size}' text-anchor='{anchor}' "
            f"fill='{colour}'{weight}>{escape(line)}</text>"
        )
    parts.append("</g>")
    return "".join(parts)


def _leader(x1: float, y1: float, x2: float, y2: float) -> str:
    """A thin line from a label to the part it names, ending in a dot on the part."""
    return (
        "<g class='leader'>"
        + _shape("line", x1=x1, y1=y1, x2=x2, y2=y2, stroke=INK, stroke_width=1.5)
        + _shape("circle", cx=x2, cy=y2, r=2.5, fill=INK)
        + "</g>"
    )


def _path(points: list[tuple[float, float]]) -> str:
    return "M " + " L ".join(f"{x:g} {y:g}" for x, y in points)


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
# Scale of each annulus layer, outermost first; the first band is the outer annulus.
LAYER_SCALES = (0.8, 0.67, 0.59, 0.51)
NUCLEUS_SIZE = {False: (50, 34), True: (36, 22)}  # (rx, ry): healthy, worn
OUTER_BAND = (LAYER_SCALES[0] + LAYER_SCALES[1]) / 2  # the middle of the outer annulus


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


def nerve_ending_points() -> list[tuple[float, float]]:
    return [_kidney_point(segment, t, OUTER_BAND) for segment, t in NERVE_ENDING_SPOTS]


def _nerve_endings() -> str:
    """Small branching twigs in the outer layer only: deeper in, a healthy disc has no nerves."""
    twigs = [
        f"M {x:.1f} {y + 3:.1f} L {x:.1f} {y - 0.5:.1f} L {x - 3:.1f} {y - 3.5:.1f} M {x:.1f} {y - 0.5:.1f} L {x + 3:.1f} {y - 3.5:.1f}"
        for x, y in nerve_ending_points()
    ]
    return _shape(
        "path",
        id_="top-nerve-endings",
        d=" ".join(twigs),
        stroke=NERVE_ENDING,
        stroke_width=2,
        fill="none",
        stroke_linecap="round",
    )


def _fissure_points(nucleus_edge: tuple[float, float]) -> list[tuple[float, float]]:
    """A zigzag split from the gel centre out to the middle of the outer layer, at the back left."""
    end = _kidney_point(3, 0.55, OUTER_BAND)
    steps = 5
    points = []
    for step in range(steps + 1):
        f = step / steps
        x = nucleus_edge[0] + (end[0] - nucleus_edge[0]) * f
        y = nucleus_edge[1] + (end[1] - nucleus_edge[1]) * f
        zig = 0 if step in (0, steps) else (5 if step % 2 else -5)
        points.append((round(x + zig, 1), round(y, 1)))
    return points


@kept
def top_view_svg(state: str) -> str:
    """The disc from above in this state, every part labelled."""
    shape = look(state)
    cx, cy = TOP_CENTRE
    body = [
        _label(
            cx,
            26,
            *_lines(t("anatomy.labels.front_of_body")),
            anchor="middle",
            size=13,
            bold=True,
            chip=False,
        )
    ]

    for index, scale in enumerate(LAYER_SCALES):
        fill = OUTER_ANNULUS if index == 0 else ANNULUS_FILLS[index % 2]
        layer_id = "top-outer-annulus" if index == 0 else f"top-annulus-layer-{index}"
        body.append(
            _shape(
                "path",
                id_=layer_id,
                d=_kidney(scale),
                fill=fill,
                stroke=ANNULUS_LINE,
                stroke_width=1.5,
            )
        )
    body.append(_nerve_endings())

    rx, ry = NUCLEUS_SIZE[shape.worn]
    nucleus_fill, nucleus_line = (
        (DRY_NUCLEUS, DRY_NUCLEUS_LINE) if shape.worn else (NUCLEUS, NUCLEUS_LINE)
    )
    body.append(
        _shape(
            "ellipse",
            id_="top-nucleus",
            cx=cx,
            cy=cy - 4,
            rx=rx,
            ry=ry,
            fill=nucleus_fill,
            stroke=nucleus_line,
            stroke_width=2,
        )
    )

    # The spinal canal sits in the dent at the back; a nerve root lies at each back corner.
    body.append(
        _shape(
            "path",
            id_="top-spinal-canal",
            d="M 184 222 Q 220 208 256 222 L 238 292 Q 220 306 202 292 Z",
            fill=PAPER,
            stroke=OUTLINE,
            stroke_width=2,
        )
    )
    body.append(
        _shape(
            "circle",
            id_="top-nerve-root-left",
            cx=176,
            cy=238,
            r=11,
            fill=NERVE,
            stroke=NERVE_LINE,
            stroke_width=2,
            class_="nerve-root",
        )
    )
    if shape.herniation:
        # Gel squeezes out through every layer at the back right and flattens the nerve root.
        body.append(
            _shape(
                "path",
                id_="top-herniation",
                d="M 238 168 C 256 176 270 204 272 224 C 274 238 262 244 254 238 C 246 226 236 210 226 178 Z",
                fill=NUCLEUS,
                stroke=NUCLEUS_LINE,
                stroke_width=2,
            )
        )
        body.append(
            _shape(
                "ellipse",
                id_="top-nerve-root-right",
                cx=272,
                cy=248,
                rx=16,
                ry=6,
                fill=NERVE,
                stroke=NERVE_LINE,
                stroke_width=2.5,
                class_="nerve-root pressed",
            )
        )
    else:
        body.append(
            _shape(
                "circle",
                id_="top-nerve-root-right",
                cx=264,
                cy=238,
                r=11,
                fill=NERVE,
                stroke=NERVE_LINE,
                stroke_width=2,
                class_="nerve-root",
            )
        )
    if shape.fissure:
        # A radial split from the gel centre out to the outer layer at the back left.
        split = _fissure_points(
            (cx - rx * 0.45, cy - 4 + ry * 0.89)
        )  # a point on the gel centre's edge
        body.append(
            _shape(
                "path",
                id_="top-fissure",
                d=_path(split),
                stroke=FISSURE,
                stroke_width=4,
                fill="none",
                stroke_linejoin="round",
                stroke_linecap="round",
            )
        )
        middle = split[len(split) // 2]
        body += [
            _leader(84, 212, *middle),
            _label(8, 200, *_lines(t("anatomy.labels.tear_named")), id_="label-fissure"),
        ]

    nucleus_lines = _lines(
        t("anatomy.labels.dry_nucleus_lines") if shape.worn else t("anatomy.labels.nucleus_named")
    )
    if shape.worn:
        body += [
            _leader(120, 122, cx - rx + 4, cy - 4),
            _label(8, 122, *nucleus_lines, id_="label-nucleus"),
        ]
    else:
        body.append(
            _label(
                cx,
                cy - 6,
                *nucleus_lines,
                anchor="middle",
                size=14,
                chip=False,
                id_="label-nucleus",
            )
        )
    body += [
        _label(cx, 96, *_lines(t("anatomy.labels.annulus")), anchor="middle", id_="label-annulus"),
        _leader(96, 62, *nerve_ending_points()[-1]),
        _label(8, 44, *_lines(t("anatomy.labels.outer_annulus")), id_="label-outer-annulus"),
        _leader(88, 272, 168, 244),
        _label(8, 276, *_lines(t("anatomy.labels.nerve_root")), id_="label-nerve-root-left"),
        _label(
            cx,
            328,
            *_lines(t("anatomy.labels.spinal_canal")),
            anchor="middle",
            id_="label-spinal-canal",
        ),
        _leader(cx, 312, cx, 268),
        _label(
            cx,
            352,
            *_lines(t("anatomy.labels.back_of_body")),
            anchor="middle",
            size=13,
            bold=True,
            chip=False,
        ),
    ]
    if shape.herniation:
        body += [
            _leader(352, 272, 280, 250),
            _label(
                432,
                276,
                *_lines(t("anatomy.labels.nerve_root_pressed")),
                anchor="end",
                id_="label-nerve-root-right",
            ),
            _leader(352, 214, 272, 220),
            _label(
                432,
                200,
                *_lines(t("anatomy.labels.herniation_top")),
                anchor="end",
                id_="label-herniation",
            ),
        ]
    else:
        body += [
            _leader(352, 272, 272, 244),
            _label(
                432,
                276,
                *_lines(t("anatomy.labels.nerve_root")),
                anchor="end",
                id_="label-nerve-root-right",
            ),
        ]
    return _svg(TOP_HEIGHT, top_view_title(state), top_view_description(state), body, "top")


# ---------------------------------------------------------------------------------------------
# Side view: two vertebrae with the disc between them, front of the body on the left.
SIDE_HEIGHT = 400
BONE_LEFT, BONE_RIGHT = 96, 266
BONE_HEIGHT = 92
PLATE_HEIGHT = 8
DISC_TOP = 30 + BONE_HEIGHT + PLATE_HEIGHT
DISC_HEIGHT = {False: 60, True: 32}  # healthy, worn: a worn disc loses height
SIDE_NUCLEUS_SIZE = {False: (58, 18), True: (48, 11)}  # (rx, ry): healthy, worn
NERVE_X = 328


def disc_height(state: str) -> int:
    return DISC_HEIGHT[look(state).worn]


@kept
def side_view_svg(state: str) -> str:
    """The disc from the side in this state, between two vertebrae, every part labelled."""
    shape = look(state)
    height = disc_height(state)
    disc_bottom = DISC_TOP + height
    lower_bone_top = disc_bottom + PLATE_HEIGHT
    mid = DISC_TOP + height / 2
    centre_x = (BONE_LEFT + BONE_RIGHT) / 2
    width = BONE_RIGHT - BONE_LEFT

    body = [
        _shape(
            "rect",
            id_="side-upper-vertebra",
            x=BONE_LEFT,
            y=30,
            width=width,
            height=BONE_HEIGHT,
            rx=10,
            fill=BONE,
            stroke=OUTLINE,
            stroke_width=2,
        ),
        _shape(
            "rect",
            id_="side-upper-end-plate",
            x=BONE_LEFT,
            y=DISC_TOP - PLATE_HEIGHT,
            width=width,
            height=PLATE_HEIGHT,
            fill=END_PLATE,
            stroke=END_PLATE_LINE,
            stroke_width=1.5,
        ),
        _shape(
            "rect",
            id_="side-disc",
            x=BONE_LEFT + 2,
            y=DISC_TOP,
            width=width - 4,
            height=height,
            fill=ANNULUS_FILLS[1],
            stroke=ANNULUS_LINE,
            stroke_width=1.5,
        ),
        _shape(
            "rect",
            id_="side-lower-end-plate",
            x=BONE_LEFT,
            y=disc_bottom,
            width=width,
            height=PLATE_HEIGHT,
            fill=END_PLATE,
            stroke=END_PLATE_LINE,
            stroke_width=1.5,
        ),
        _shape(
            "rect",
            id_="side-lower-vertebra",
            x=BONE_LEFT,
            y=lower_bone_top,
            width=width,
            height=BONE_HEIGHT,
            rx=10,
            fill=BONE,
            stroke=OUTLINE,
            stroke_width=2,
        ),
    ]
    # Fibre layers seen edge-on at the front and back of the disc.
    layers = []
    for offset in (10, 20, 30):
        for x, bow in ((BONE_LEFT + offset, -4), (BONE_RIGHT - offset, 4)):
            layers.append(f"M {x} {DISC_TOP} Q {x + bow} {mid:.1f} {x} {disc_bottom}")
    body.append(
        _shape(
            "path",
            id_="side-annulus-layers",
            d=" ".join(layers),
            stroke=ANNULUS_LINE,
            stroke_width=1.5,
            fill="none",
        )
    )

    rx, ry = SIDE_NUCLEUS_SIZE[shape.worn]
    nucleus_fill, nucleus_line = (
        (DRY_NUCLEUS, DRY_NUCLEUS_LINE) if shape.worn else (NUCLEUS, NUCLEUS_LINE)
    )
    body.append(
        _shape(
            "ellipse",
            id_="side-nucleus",
            cx=centre_x,
            cy=mid,
            rx=rx,
            ry=ry,
            fill=nucleus_fill,
            stroke=nucleus_line,
            stroke_width=2,
        )
    )

    # Food and water reach the disc through the end plates: arrows from both bones.
    arrows = []
    for x in (centre_x - 72, centre_x - 45, centre_x + 45, centre_x + 72):
        top_tip, bottom_tip = DISC_TOP + 4, disc_bottom - 4
        arrows.append(
            f"M {x} {DISC_TOP - 30} L {x} {top_tip} M {x - 5} {top_tip - 7} L {x} {top_tip} L {x + 5} {top_tip - 7}"
        )
        arrows.append(
            f"M {x} {disc_bottom + 30} L {x} {bottom_tip} M {x - 5} {bottom_tip + 7} L {x} {bottom_tip} L {x + 5} {bottom_tip + 7}"
        )
    body.append(
        _shape(
            "path",
            id_="side-diffusion",
            d=" ".join(arrows),
            stroke=FLOW,
            stroke_width=2.5,
            fill="none",
            stroke_linecap="round",
            stroke_linejoin="round",
        )
    )

    if shape.herniation:
        bulge = f"M {BONE_RIGHT - 40} {mid - 8:.1f} C {BONE_RIGHT + 10} {mid - 16:.1f} {NERVE_X + 6} {mid - 10:.1f} {NERVE_X + 6} {mid:.1f} C {NERVE_X + 6} {mid + 10:.1f} {BONE_RIGHT + 10} {mid + 16:.1f} {BONE_RIGHT - 40} {mid + 8:.1f} Z"
        body.append(
            _shape(
                "path",
                id_="side-herniation",
                d=bulge,
                fill=NUCLEUS,
                stroke=NUCLEUS_LINE,
                stroke_width=2,
            )
        )
        nerve = f"M {NERVE_X} 20 L {NERVE_X} {mid - 60:.1f} C {NERVE_X} {mid - 30:.1f} {NERVE_X + 20} {mid - 25:.1f} {NERVE_X + 20} {mid:.1f} C {NERVE_X + 20} {mid + 25:.1f} {NERVE_X} {mid + 30:.1f} {NERVE_X} {mid + 60:.1f} L {NERVE_X} 380"
        nerve_class = "nerve-root pressed"
    else:
        nerve = f"M {NERVE_X} 20 L {NERVE_X} 380"
        nerve_class = "nerve-root"
    # Drawn twice: a dark wide stroke under a yellow narrow one gives the nerve its outline.
    body.append(
        _shape(
            "path", d=nerve, stroke=NERVE_LINE, stroke_width=14, fill="none", stroke_linecap="round"
        )
    )
    body.append(
        _shape(
            "path",
            id_="side-nerve-root",
            d=nerve,
            stroke=NERVE,
            stroke_width=9,
            fill="none",
            stroke_linecap="round",
            class_=nerve_class,
        )
    )
    if shape.fissure:
        split = [
            (centre_x + rx - 6, mid - 2),
            (centre_x + rx + 8, mid + 6),
            (centre_x + rx + 18, mid - 4),
            (centre_x + rx + 30, mid + 5),
            (BONE_RIGHT - 2, mid - 2),
        ]
        body.append(
            _shape(
                "path",
                id_="side-fissure",
                d=_path(split),
                stroke=FISSURE,
                stroke_width=4,
                fill="none",
                stroke_linejoin="round",
                stroke_linecap="round",
            )
        )

    disc_label = _lines(t("anatomy.labels.thin_disc") if shape.worn else t("anatomy.labels.disc"))
    vertebra = _lines(t("anatomy.labels.vertebra"))
    body += [
        # Above, the name stands on two lines, clear of the arrows; below there is room for one.
        _label(centre_x, 70, *vertebra, anchor="middle", chip=False, id_="label-upper-vertebra"),
        _label(
            centre_x,
            lower_bone_top + 62,
            " ".join(vertebra),
            anchor="middle",
            chip=False,
            id_="label-lower-vertebra",
        ),
        _leader(84, DISC_TOP - 24, BONE_LEFT + 12, DISC_TOP - PLATE_HEIGHT / 2),
        _label(
            8, DISC_TOP - 30, *_lines(t("anatomy.labels.end_plate")), id_="label-upper-end-plate"
        ),
        _leader(84, disc_bottom + 30, BONE_LEFT + 12, disc_bottom + PLATE_HEIGHT / 2),
        _label(
            8, disc_bottom + 40, *_lines(t("anatomy.labels.end_plate")), id_="label-lower-end-plate"
        ),
        _leader(60, mid, BONE_LEFT + 6, mid),
        _label(
            8, mid + 5 - (LINE_HEIGHT / 2) * (len(disc_label) - 1), *disc_label, id_="label-disc"
        ),
        _label(
            NERVE_X + 16, 44, *_lines(t("anatomy.labels.nerve_root_lines")), id_="label-nerve-root"
        ),
    ]
    # The gel centre is named inside itself: a line from outside would cross the nerve root.
    nucleus_label, size = (
        (t("anatomy.labels.dry_nucleus"), 13) if shape.worn else (t("anatomy.labels.nucleus"), 14)
    )
    body.append(
        _label(
            centre_x,
            mid + size * 0.35,
            nucleus_label,
            anchor="middle",
            size=size,
            chip=False,
            id_="label-nucleus",
        )
    )
    if shape.fissure:
        body += [
            _leader(BONE_RIGHT + 24, DISC_TOP - 18, BONE_RIGHT - 6, mid - 2),
            _label(
                BONE_RIGHT + 8,
                DISC_TOP - 24,
                *_lines(t("anatomy.labels.tear")),
                id_="label-fissure",
            ),
        ]
    if shape.herniation:
        body += [
            _leader(NERVE_X + 28, mid - 42, NERVE_X + 4, mid - 4),
            _label(
                NERVE_X + 18,
                mid - 64,
                *_lines(t("anatomy.labels.herniation_side")),
                id_="label-herniation",
            ),
        ]
    body += [
        # Green like the arrows, and in words, so the arrows are explained without relying on colour.
        _label(
            centre_x,
            332,
            *_lines(t("anatomy.labels.diffusion")),
            anchor="middle",
            size=14,
            colour=FLOW,
            id_="label-diffusion",
        ),
        _label(8, 392, *_lines(t("anatomy.labels.front")), size=13, bold=True, chip=False),
        _label(
            432,
            392,
            *_lines(t("anatomy.labels.back")),
            anchor="end",
            size=13,
            bold=True,
            chip=False,
        ),
    ]
    return _svg(SIDE_HEIGHT, side_view_title(state), side_view_description(state), body, "side")


# ---------------------------------------------------------------------------------------------
# The three kinds of herniation, as close-ups of the back edge of a disc.
HERNIATION_TYPES = ("protrusion", "extrusion", "sequestration")


@kept
def herniation_types_svg() -> str:
    panel = WIDTH / 3
    body = []
    for index, type_id in enumerate(HERNIATION_TYPES):
        words = f"anatomy.herniation_types.{type_id}"
        left = index * panel + 6
        right = left + panel - 12
        middle = (left + right) / 2
        # Gel on top, three fibre layers below it; the last line is the disc's back edge.
        body.append(
            _shape(
                "rect",
                x=left,
                y=10,
                width=right - left,
                height=26,
                fill=NUCLEUS,
                stroke=NUCLEUS_LINE,
                stroke_width=1.5,
            )
        )
        for layer in range(3):
            body.append(
                _shape(
                    "rect",
                    x=left,
                    y=36 + layer * 10,
                    width=right - left,
                    height=10,
                    fill=OUTER_ANNULUS if layer == 2 else ANNULUS_FILLS[layer % 2],
                    stroke=ANNULUS_LINE,
                    stroke_width=1.2,
                )
            )
        if type_id == "protrusion":
            # The layers stretch into a dome; the gel fills the inner part but the outer layer holds.
            layers = f"M {middle - 44} 66 C {middle - 38} 92 {middle + 38} 92 {middle + 44} 66 Z"
            gel = f"M {middle - 30} 36 C {middle - 28} 82 {middle + 28} 82 {middle + 30} 36 Z"
            body.append(
                _shape("path", d=layers, fill=OUTER_ANNULUS, stroke=ANNULUS_LINE, stroke_width=1.5)
            )
            body.append(
                _shape(
                    "path",
                    id_="type-protrusion",
                    d=gel,
                    fill=NUCLEUS,
                    stroke=NUCLEUS_LINE,
                    stroke_width=1.5,
                )
            )
        elif type_id == "extrusion":
            gel = f"M {middle - 8} 36 L {middle - 8} 66 C {middle - 40} 70 {middle - 36} 102 {middle} 102 C {middle + 36} 102 {middle + 40} 70 {middle + 8} 66 L {middle + 8} 36 Z"
            body.append(
                _shape(
                    "path",
                    id_="type-extrusion",
                    d=gel,
                    fill=NUCLEUS,
                    stroke=NUCLEUS_LINE,
                    stroke_width=1.5,
                )
            )
        else:
            body.append(
                _shape(
                    "ellipse",
                    id_="type-sequestration",
                    cx=middle,
                    cy=94,
                    rx=22,
                    ry=12,
                    fill=NUCLEUS,
                    stroke=NUCLEUS_LINE,
                    stroke_width=1.5,
                )
            )
            body.append(
                _shape(
                    "path",
                    d=f"M {middle - 6} 66 L {middle - 2} 58 L {middle + 3} 66 L {middle + 7} 60",
                    stroke=FISSURE,
                    stroke_width=2.5,
                    fill="none",
                )
            )
        body.append(
            _label(
                middle,
                132,
                t(f"{words}.name"),
                anchor="middle",
                bold=True,
                chip=False,
                id_=f"label-{type_id}",
            )
        )
        body.append(
            _label(middle, 152, *_lines(t(f"{words}.shape")), anchor="middle", size=14, chip=False)
        )
    return _svg(
        182,
        t("anatomy.herniation_types.title"),
        t("anatomy.herniation_types.description"),
        body,
        "types",
    )


# ---------------------------------------------------------------------------------------------
# How common scan findings are in people without back pain, by age (Brinjikji 2015, S40).
def findings_by_age(findings: pd.DataFrame) -> pd.DataFrame:
    """One row per finding and age: finding, age, out_of_100, in the files' finding order."""
    columns = {age_column(age): age for age in SCAN_AGES}
    long = findings.melt(
        id_vars=["finding"], value_vars=list(columns), var_name="age", value_name="out_of_100"
    )
    return long.assign(age=long["age"].map(columns)).reset_index(drop=True)


@kept
def findings_table(findings: pd.DataFrame) -> pd.DataFrame:
    """The chart's numbers as a table: one row per age, one column per finding."""
    table = findings_by_age(findings).pivot(index="age", columns="finding", values="out_of_100")
    table = table[list(findings["finding"])].reset_index()
    table.columns.name = None
    return table.rename(columns={"age": t("anatomy.findings.age")})


@kept
def findings_alt(findings: pd.DataFrame) -> str:
    """The chart's accessible name: what it shows and the end points of each line."""
    first, last = age_column(SCAN_AGES[0]), age_column(SCAN_AGES[-1])
    lines = "; ".join(
        t(
            "anatomy.findings.alt_line",
            finding=row.finding,
            first=row[first],
            first_age=SCAN_AGES[0],
            last=row[last],
            last_age=SCAN_AGES[-1],
        )
        for _, row in findings.iterrows()
    )
    return t("anatomy.findings.alt", lines=lines)


# Dark axis text: the theme's light grey is below 4.5:1 on white.
AXIS_STYLE = {"labelColor": INK, "titleColor": INK, "labelFontSize": 13, "titleFontSize": 13}


def findings_chart(findings: pd.DataFrame) -> alt.LayerChart:
    """A line per finding, out of 100 pain-free people by age, each line named at its end."""
    long = findings_by_age(findings)
    names = list(findings["finding"])
    colour = alt.Color(
        "finding:N",
        scale=alt.Scale(domain=names, range=list(FINDING_COLOURS[: len(names)])),
        legend=None,
    )
    base = alt.Chart(long).encode(
        x=alt.X(
            "age:Q",
            title=t("anatomy.findings.age_axis"),
            scale=alt.Scale(domain=[SCAN_AGES[0], SCAN_AGES[-1]]),
            axis=alt.Axis(values=list(SCAN_AGES), format="d", **AXIS_STYLE),
        ),
        y=alt.Y(
            "out_of_100:Q",
            title=t("anatomy.findings.out_of_100_axis"),
            scale=alt.Scale(domain=[0, 100]),
            axis=alt.Axis(**AXIS_STYLE),
        ),
        color=colour,
    )
    lines = base.mark_line(strokeWidth=3)
    points = base.mark_point(filled=True, size=70, opacity=1).encode(
        shape=alt.Shape("finding:N", scale=alt.Scale(domain=names), legend=None),
        tooltip=[
            alt.Tooltip("finding:N", title=t("anatomy.findings.finding")),
            alt.Tooltip("age:Q", title=t("anatomy.findings.age")),
            alt.Tooltip("out_of_100:Q", title=t("anatomy.findings.out_of_100")),
        ],
    )
    # Each line is named at its right-hand end, in dark text, so no legend or colour is needed.
    labels = (
        base.transform_filter(alt.datum.age == SCAN_AGES[-1])
        .mark_text(align="left", dx=9, fontSize=13, fontWeight="bold")
        .encode(text="finding:N", color=alt.value(INK))
    )
    return (
        (lines + points + labels)
        .properties(
            title=alt.Title(list(_lines(t("anatomy.findings.title"))), anchor="start"),
            height=400,
        )
        .configure_title(color=INK, fontSize=15)
    )


# ---------------------------------------------------------------------------------------------
# The words for each state, from data/anatomy_states.csv.
@dataclass(frozen=True)
class StateText:
    name: str
    what_it_is: str
    options_note: str
    evidence: str
    option_ids: tuple[str, ...]  # in the neutral order, always with "no procedure"
    option_names: str  # "No procedure, Steroid injection, Discectomy"
    compare_params: dict[str, list[str]]

    @property
    def compare_label(self) -> str:
        return t("anatomy.compare_one" if len(self.option_ids) == 1 else "anatomy.compare_many")


@kept
def state_ids(content: Content) -> list[str]:
    return list(content.anatomy_states["state_id"])


def state_from_url(value: str | None, known: list[str]) -> str:
    """The state named in a link, or the first (healthy) one for a missing or unknown value."""
    return value if value in known else known[0]


@kept
def state_text(content: Content, state: str) -> StateText:
    row = content.anatomy_states.set_index("state_id").loc[state]
    all_ids = list(content.options["option_id"])
    option_ids = in_neutral_order(split_ids(row["option_ids"]), all_ids)
    short_names = dict(zip(content.options["option_id"], content.options["short_name"]))
    return StateText(
        name=row["name"],
        what_it_is=row["what_it_is"],
        options_note=row["options_note"],
        evidence=evidence_line(row["certainty"], split_ids(row["source_ids"])),
        option_ids=tuple(option_ids),
        option_names=", ".join(short_names[option_id] for option_id in option_ids),
        compare_params=link_params(option_ids, all_ids),
    )


@kept
def findings_evidence(findings: pd.DataFrame) -> str:
    certainties = list(dict.fromkeys(findings["certainty"]))
    sources = list(
        dict.fromkeys(source for cell in findings["source_ids"] for source in split_ids(cell))
    )
    return evidence_line(certainties, sources)


# Source ids as they are cited in author-written text: "(S45)", "S44".
SOURCE_ID_IN_TEXT = re.compile(r"\bS[0-9]+[a-z]?\b")


@kept
def cited_sources(content: Content, page_texts: Iterable[str]) -> pd.DataFrame:
    """Every source the page cites: in the disc states, the scan findings and the page's text."""
    cited = {
        source
        for table in (content.anatomy_states, content.scan_findings)
        for cell in table["source_ids"]
        for source in split_ids(cell)
    }
    cited |= {source for text in page_texts for source in SOURCE_ID_IN_TEXT.findall(text)}
    return source_table(content.sources[content.sources["source_id"].isin(cited)])
