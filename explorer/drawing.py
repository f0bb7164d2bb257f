"""Pictures as data. A picture is a table of parts: shapes (an id, a geometry, a style), labels in
words, and leader lines from a label to the part it names. `svg` writes any such table as one
accessible SVG image; explorer/disc_views.py holds the tables of the disc pictures.

The markup is ours (never CSV text). Words go in escaped, each label on a white chip unless the
part it sits on has room for it, so that no line runs under them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import ClassVar
from xml.sax.saxutils import escape, quoteattr

PAPER = "#FFFFFF"
INK = "#1F1F1F"  # text and leader lines: 16.4:1 on white
FONT = "font-family='Source Sans Pro, Helvetica, Arial, sans-serif'"
WIDTH = 440  # viewBox width: 15-unit text still shows at about 12 px on a 390 px phone
LABEL_SIZE = 15
LINE_HEIGHT = 18
LINE_BREAK = "\n"  # where the catalogue breaks a label because the picture has no more room


# Geometries: each writes its fields as the attributes of one SVG element, in this order.
@dataclass(frozen=True)
class Rect:
    tag: ClassVar[str] = "rect"
    x: float
    y: float
    width: float
    height: float
    rx: float | None = None


@dataclass(frozen=True)
class Circle:
    tag: ClassVar[str] = "circle"
    cx: float
    cy: float
    r: float


@dataclass(frozen=True)
class Ellipse:
    tag: ClassVar[str] = "ellipse"
    cx: float
    cy: float
    rx: float
    ry: float


@dataclass(frozen=True)
class Line:
    tag: ClassVar[str] = "line"
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Path:
    tag: ClassVar[str] = "path"
    d: str


@dataclass(frozen=True)
class Style:
    """How a shape is painted; an open line needs fill="none" (SVG fills with black otherwise)."""

    fill: str | None = None
    stroke: str | None = None
    stroke_width: float | None = None
    stroke_linecap: str | None = None
    stroke_linejoin: str | None = None


@dataclass(frozen=True)
class Shape:
    id: str | None
    geometry: Rect | Circle | Ellipse | Line | Path
    style: Style
    classes: str | None = None


@dataclass(frozen=True)
class TextStyle:
    size: int = LABEL_SIZE
    bold: bool = False
    chip: bool = True  # on a white chip; without one, the words must read on every fill
    colour: str = INK


@dataclass(frozen=True)
class Label:
    """Words on the picture, one line per line break; y is the first line's baseline."""

    id: str | None
    x: float
    y: float
    words: str
    anchor: str = "start"  # SVG's text-anchor: start, middle or end
    style: TextStyle = TextStyle()


@dataclass(frozen=True)
class Leader:
    """A thin line from a label (x1, y1) to the part it names, ending in a dot on the part."""

    x1: float
    y1: float
    x2: float
    y2: float


Part = Shape | Label | Leader
LEADER_LINE = Style(stroke=INK, stroke_width=1.5)
LEADER_DOT = Style(fill=INK)


def lines(words: str) -> tuple[str, ...]:
    return tuple(words.split(LINE_BREAK))


def svg(name: str, height: int, title: str, description: str, parts: Iterable[Part]) -> str:
    """The picture drawn from `parts`, first at the back, named by its title and description
    for screen readers; `name` makes the ids of both unique on the page."""
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {WIDTH} {height}' width='{WIDTH}' "
        f"height='{height}' role='img' aria-labelledby='{name}-title {name}-desc' {FONT}>"
        f"<title id='{name}-title'>{escape(title)}</title><desc id='{name}-desc'>{escape(description)}</desc>"
        f"<rect width='{WIDTH}' height='{height}' fill='{PAPER}'/>"
        + "".join(map(_markup, parts))
        + "</svg>"
    )


def _markup(part: Part) -> str:
    match part:
        case Shape(id=id_, geometry=geometry, style=style, classes=classes):
            values = [("id", id_), *_values(geometry), *_values(style), ("class", classes)]
            shown = " ".join(
                f"{key.replace('_', '-')}={quoteattr(str(value))}"
                for key, value in values
                if value is not None
            )
            return f"<{geometry.tag} {shown}/>"
        case Leader(x1=x1, y1=y1, x2=x2, y2=y2):
            line = Shape(None, Line(x1, y1, x2, y2), LEADER_LINE)
            dot = Shape(None, Circle(x2, y2, 2.5), LEADER_DOT)
            return f"<g class='leader'>{_markup(line)}{_markup(dot)}</g>"
        case Label():
            return _label(part)
    raise TypeError(f"not a part of a picture: {part!r}")


def _values(data: object) -> list[tuple[str, object]]:
    return [(field.name, getattr(data, field.name)) for field in fields(data)]


def _label(label: Label) -> str:
    words, style, x, y = lines(label.words), label.style, label.x, label.y
    # A sans-serif letter is about 0.55 em wide on average: enough to size the white chip.
    width = max(len(line) for line in words) * style.size * 0.55
    left = {"start": x, "middle": x - width / 2, "end": x - width}[label.anchor]
    parts = [f"<g{' id=' + quoteattr(label.id) if label.id else ''} class='label'>"]
    if style.chip:
        height = style.size + LINE_HEIGHT * (len(words) - 1) + 8
        chip = Rect(round(left - 4, 1), y - style.size - 1, round(width + 8, 1), height, rx=4)
        parts.append(_markup(Shape(None, chip, Style(fill=PAPER))))
    weight = " font-weight='700'" if style.bold else ""
    for index, line in enumerate(words):
        parts.append(
            f"<text x='{x}' y='{y + index * LINE_HEIGHT}' font-size='{style.size}' "
            f"text-anchor='{label.anchor}' fill='{style.colour}'{weight}>{escape(line)}</text>"
        )
    parts.append("</g>")
    return "".join(parts)
