"""The SVG writer (explorer/drawing.py): a table of parts in, one SVG element per part out, in the
table's order, with every word and attribute value escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from explorer.drawing import (
    INK,
    LINE_HEIGHT,
    PAPER,
    WIDTH,
    Circle,
    Ellipse,
    Label,
    Leader,
    Path,
    Rect,
    Shape,
    Style,
    TextStyle,
    svg,
)

SVG = "{http://www.w3.org/2000/svg}"
BOX = Shape("box", Rect(1, 2, 30, 40, rx=3), Style("#EEEEEE", "#000000", 1.5), "part wide")
LINE = Shape(None, Path("M 0 0 L 5 5"), Style("none", "#123456", 2, "round", "round"))
TABLE = (
    BOX,
    LINE,
    Shape("dot", Circle(7, 8, 2), Style(fill=INK)),
    Shape("egg", Ellipse(50, 60, 20, 10), Style("#FFFFFF", "#333333", 2)),
    Leader(10, 20, 30, 40),
    Label("label-box", 100, 50, "Two\nlines", "middle"),
    Label(None, 5, 5, "<b>Tom & Jerry's</b>", style=TextStyle(size=13, bold=True, chip=False)),
)


def drawn(parts=TABLE, title="A <title>", description="Desc & more") -> ET.Element:
    return ET.fromstring(svg("demo", 120, title, description, parts))


def tag(element: ET.Element) -> str:
    return element.tag.removeprefix(SVG)


def test_the_picture_is_an_image_named_by_its_title_and_description():
    root = drawn()
    assert (root.get("role"), root.get("aria-labelledby")) == ("img", "demo-title demo-desc")
    assert (root.get("width"), root.get("height")) == (str(WIDTH), "120")
    assert root.get("viewBox") == f"0 0 {WIDTH} 120"
    title, description, paper = list(root)[:3]
    assert (tag(title), title.get("id"), title.text) == ("title", "demo-title", "A <title>")
    assert (tag(description), description.get("id")) == ("desc", "demo-desc")
    assert description.text == "Desc & more"
    assert (tag(paper), paper.get("fill")) == ("rect", PAPER)


def test_each_part_is_one_element_in_the_tables_order():
    assert [(tag(e), e.get("id") or e.get("class")) for e in list(drawn())[3:]] == [
        ("rect", "box"),
        ("path", None),
        ("circle", "dot"),
        ("ellipse", "egg"),
        ("g", "leader"),
        ("g", "label-box"),
        ("g", "label"),
    ]


def test_a_shape_writes_its_id_geometry_style_and_classes_and_nothing_unset():
    box, line = list(drawn())[3:5]
    assert box.attrib == {
        "id": "box",
        "x": "1",
        "y": "2",
        "width": "30",
        "height": "40",
        "rx": "3",
        "fill": "#EEEEEE",
        "stroke": "#000000",
        "stroke-width": "1.5",
        "class": "part wide",
    }
    assert line.attrib == {
        "d": "M 0 0 L 5 5",
        "fill": "none",
        "stroke": "#123456",
        "stroke-width": "2",
        "stroke-linecap": "round",
        "stroke-linejoin": "round",
    }
    [plain] = list(drawn((Shape(None, Rect(0, 0, 4, 4), Style(fill=INK)),)))[3:]
    assert "rx" not in plain.attrib and "stroke" not in plain.attrib


def test_a_leader_is_a_line_from_the_label_ending_in_a_dot_on_the_part():
    leader = next(e for e in drawn() if e.get("class") == "leader")
    line, dot = list(leader)
    assert [line.get(k) for k in ("x1", "y1", "x2", "y2")] == ["10", "20", "30", "40"]
    assert (dot.get("cx"), dot.get("cy"), dot.get("fill")) == ("30", "40", INK)


def test_a_label_puts_each_line_under_the_last_on_a_chip_wide_enough():
    label = next(e for e in drawn() if e.get("id") == "label-box")
    assert label.get("class") == "label"
    chip, *texts = list(label)
    assert tag(chip) == "rect" and chip.get("fill") == PAPER
    assert [t.text for t in texts] == ["Two", "lines"]
    assert [float(t.get("y")) for t in texts] == [50, 50 + LINE_HEIGHT]
    assert {t.get("text-anchor") for t in texts} == {"middle"}
    # Centred on x, and wider than the longest line at about half an em a letter.
    left, width = float(chip.get("x")), float(chip.get("width"))
    assert left + width / 2 == pytest.approx(100, abs=0.1)
    assert width > len("lines") * 15 * 0.5
    assert float(chip.get("y")) < 50 - 15 + 1 and float(chip.get("height")) > LINE_HEIGHT + 15


def test_words_and_values_are_escaped_as_they_go_in():
    text = svg("demo", 120, "<script>", "a & b", TABLE)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "&lt;b&gt;Tom &amp; Jerry's&lt;/b&gt;" in text
    bold = list(drawn())[-1]
    assert [tag(e) for e in bold] == ["text"]  # no chip
    assert (bold[0].text, bold[0].get("font-weight")) == ("<b>Tom & Jerry's</b>", "700")
    quoted = Shape('a"b', Path("M 0 0"), Style(stroke="#000000' onload='x"))
    [shape] = list(drawn((quoted,)))[3:]
    assert shape.get("id") == 'a"b' and shape.get("stroke") == "#000000' onload='x"
    assert "onload" not in shape.attrib


def test_anything_else_in_the_table_is_refused():
    with pytest.raises(TypeError, match="not a part"):
        svg("demo", 120, "title", "description", ["<rect/>"])
