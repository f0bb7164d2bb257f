"""The disc pictures (explorer/disc_views.py drawn by explorer/drawing.py), the scan-findings
table and the words for each disc state. The scan-findings chart is tested in test_charts.py."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from coloraide import Color

from explorer import anatomy, disc_views, drawing
from explorer.rules.vocabulary import DISC_STATES, SCAN_AGES, SOURCE_ID_PATTERN
from explorer.url_params import link_params
from explorer.words import t
from tests.conftest import FIXTURE_DATA, fixture_content, read_rows

CONTENT = fixture_content()
SVG = "{http://www.w3.org/2000/svg}"
VIEWS = {"top": anatomy.top_view_svg, "side": anatomy.side_view_svg}

# Each part a patient must find, and the label that names it on the picture.
TOP_PARTS = {
    "top-nucleus": "label-nucleus",
    "top-outer-annulus": "label-outer-annulus",
    "top-annulus-layer-1": "label-annulus",
    "top-spinal-canal": "label-spinal-canal",
    "top-nerve-root-left": "label-nerve-root-left",
    "top-nerve-root-right": "label-nerve-root-right",
}
SIDE_PARTS = {
    "side-upper-vertebra": "label-upper-vertebra",
    "side-lower-vertebra": "label-lower-vertebra",
    "side-upper-end-plate": "label-upper-end-plate",
    "side-lower-end-plate": "label-lower-end-plate",
    "side-disc": "label-disc",
    "side-nucleus": "label-nucleus",
    "side-nerve-root": "label-nerve-root",
    "side-diffusion": "label-diffusion",
}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def by_id(root: ET.Element) -> dict[str, ET.Element]:
    return {element.get("id"): element for element in root.iter() if element.get("id")}


def label_text(root: ET.Element, label_id: str) -> str:
    return " ".join(text.text for text in by_id(root)[label_id].iter(f"{SVG}text"))


def numbers(path: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]


def ys(path: str) -> list[float]:
    return numbers(path)[1::2]


def contrast(a: str, b: str) -> float:
    return Color(a).contrast(Color(b), method="wcag21")


@pytest.mark.parametrize("state", DISC_STATES)
@pytest.mark.parametrize("view, parts", [("top", TOP_PARTS), ("side", SIDE_PARTS)])
def test_every_part_is_drawn_and_labelled_in_words(state, view, parts):
    root = parse(VIEWS[view](state))
    elements = by_id(root)
    for part, label in parts.items():
        assert part in elements, f"{view} view of {state} lacks {part}"
        assert label_text(root, label).strip(), f"{part} has no label on the picture"


@pytest.mark.parametrize("state", DISC_STATES)
@pytest.mark.parametrize("view", VIEWS)
def test_each_picture_has_an_accessible_name_and_description(state, view):
    root = parse(VIEWS[view](state))
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    elements = by_id(root)
    assert elements[title_id].tag == f"{SVG}title" and elements[desc_id].tag == f"{SVG}desc"
    assert t(f"anatomy.states.{state}") in elements[title_id].text
    description = {"top": anatomy.top_view_description, "side": anatomy.side_view_description}[
        view
    ](state)
    assert elements[desc_id].text == description
    assert description in anatomy.pictures_description(state)


def test_each_state_is_described_differently():
    descriptions = {anatomy.pictures_description(state) for state in DISC_STATES}
    assert len(descriptions) == len(DISC_STATES)


@pytest.mark.parametrize("state", DISC_STATES)
def test_the_tear_is_drawn_only_in_the_tear_state(state):
    for view in VIEWS:
        elements = by_id(parse(VIEWS[view](state)))
        assert (f"{view}-fissure" in elements) == (state == "tear")
        assert ("label-fissure" in elements) == (state == "tear")


def outline(path: str, steps: int = 24) -> list[tuple[float, float]]:
    """The closed outline of an 'M x y C ... Z' path, as a polygon of points along its curves."""
    values = numbers(path)
    points = [(values[0], values[1])]
    for i in range(2, len(values), 6):
        p0, (c1, c2, p1) = points[-1], zip(*[iter(values[i : i + 6])] * 2)
        for step in range(1, steps + 1):
            t = step / steps
            w = ((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3)
            points.append(
                tuple(sum(wk * p[axis] for wk, p in zip(w, (p0, c1, c2, p1))) for axis in (0, 1))
            )
    return points


def inside(point: tuple[float, float], polygon: list[tuple[float, float]]) -> bool:
    """Even-odd rule: a ray to the right crosses the outline an odd number of times."""
    x, y = point
    crossings = 0
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            crossings += 1
    return crossings % 2 == 1


def in_outer_layer(point, elements) -> bool:
    return inside(point, outline(elements["top-outer-annulus"].get("d"))) and not inside(
        point, outline(elements["top-annulus-layer-1"].get("d"))
    )


def test_the_tear_reaches_the_outer_layer_from_the_gel_centre():
    elements = by_id(parse(anatomy.top_view_svg("tear")))
    split = numbers(elements["top-fissure"].get("d"))
    start, end = (split[0], split[1]), (split[-2], split[-1])
    nucleus = elements["top-nucleus"]
    cx, cy, rx, ry = (float(nucleus.get(k)) for k in ("cx", "cy", "rx", "ry"))
    assert (
        abs(((start[0] - cx) / rx) ** 2 + ((start[1] - cy) / ry) ** 2 - 1) < 0.05
    )  # on the gel centre's edge
    assert in_outer_layer(end, elements)  # ends in the outer layer, where the nerve endings are


def test_nerve_endings_are_only_in_the_outer_layer():
    elements = by_id(parse(anatomy.top_view_svg("healthy")))
    twigs = numbers(elements["top-nerve-endings"].get("d"))
    points = list(zip(twigs[0::2], twigs[1::2]))
    assert len(points) >= 5 * len(disc_views.NERVE_ENDING_SPOTS)
    assert all(in_outer_layer(point, elements) for point in points)


@pytest.mark.parametrize("state", DISC_STATES)
def test_the_nerve_root_is_pressed_only_in_herniation(state):
    pressed = state == "herniation"
    top = by_id(parse(anatomy.top_view_svg(state)))
    right, left = top["top-nerve-root-right"], top["top-nerve-root-left"]
    assert ("pressed" in right.get("class")) == pressed
    assert "pressed" not in left.get("class")
    if pressed:
        assert float(right.get("ry")) < float(right.get("rx")) / 2  # squashed flat
    else:
        assert right.tag == f"{SVG}circle"
    assert ("top-herniation" in top) == pressed
    side = by_id(parse(anatomy.side_view_svg(state)))
    assert ("pressed" in side["side-nerve-root"].get("class")) == pressed
    assert ("side-herniation" in side) == pressed


def test_the_herniation_pushes_past_the_annulus_to_the_nerve_root():
    top = by_id(parse(anatomy.top_view_svg("herniation")))
    assert max(ys(top["top-herniation"].get("d"))) > max(ys(top["top-outer-annulus"].get("d")))
    side = by_id(parse(anatomy.side_view_svg("herniation")))
    bulge_x = numbers(side["side-herniation"].get("d"))[0::2]
    disc = side["side-disc"]
    assert max(bulge_x) > float(disc.get("x")) + float(disc.get("width"))
    assert max(bulge_x) >= disc_views.NERVE_X


@pytest.mark.parametrize("state", DISC_STATES)
def test_only_the_worn_disc_is_lower_with_a_smaller_drier_centre(state):
    worn = state == "degenerated"
    healthy_side = by_id(parse(anatomy.side_view_svg("healthy")))
    side = by_id(parse(anatomy.side_view_svg(state)))
    top = by_id(parse(anatomy.top_view_svg(state)))
    healthy_height = float(healthy_side["side-disc"].get("height"))
    height = float(side["side-disc"].get("height"))
    assert (height < healthy_height) == worn
    assert height == disc_views.DISCS[anatomy.look(state).worn].height
    healthy = disc_views.DISCS[False]
    for nucleus, healthy_rx in (
        (top["top-nucleus"], healthy.top_gel[0]),
        (side["side-nucleus"], healthy.side_gel[0]),
    ):
        assert (nucleus.get("fill") == disc_views.DRY_NUCLEUS) == worn
        assert (float(nucleus.get("rx")) < healthy_rx) == worn
    # The bones close up by the height lost: the lower vertebra moves up with the disc.
    lower_bone = float(side["side-lower-vertebra"].get("y"))
    assert lower_bone == float(side["side-disc"].get("y")) + height + disc_views.PLATE_HEIGHT


def test_herniation_types_name_all_three_kinds():
    root = parse(anatomy.herniation_types_svg())
    elements = by_id(root)
    for kind in ("protrusion", "extrusion", "sequestration"):
        assert f"type-{kind}" in elements
        assert label_text(root, f"label-{kind}") == t(f"anatomy.herniation_types.{kind}.name")
    assert root.get("role") == "img"


def test_an_unknown_state_is_refused():
    with pytest.raises(ValueError, match="unknown disc state"):
        anatomy.top_view_svg("slipped")


def all_pictures():
    for state in DISC_STATES:
        yield f"top-{state}", anatomy.top_view_svg(state)
        yield f"side-{state}", anatomy.side_view_svg(state)
    yield "types", anatomy.herniation_types_svg()


@pytest.mark.parametrize("name, svg", list(all_pictures()))
def test_text_and_outlines_pass_wcag_contrast(name, svg):
    root = parse(svg)
    leader_dots = {id(e) for g in root.iter(f"{SVG}g") if g.get("class") == "leader" for e in g}
    fills = {
        e.get("fill")
        for e in root.iter()
        if e.get("fill") not in (None, "none")
        and e.tag != f"{SVG}text"
        and id(e) not in leader_dots
    }
    # Text: 4.5:1 on its white chip, or on every fill in the picture where it has no chip.
    for label in (g for g in root.iter(f"{SVG}g") if g.get("class") == "label"):
        chip = label.find(f"{SVG}rect")
        backgrounds = {chip.get("fill")} if chip is not None else fills
        for text in label.iter(f"{SVG}text"):
            for background in backgrounds:
                assert contrast(text.get("fill"), background) >= 4.5, (name, text.text, background)
    # Outlines: 3:1 against the fill they enclose and the white page.
    strokes = [e for e in root.iter() if e.get("stroke") not in (None, "none")]
    outlined_bands = {e.get("d") for e in strokes if e.get("fill") == "none" and e.get("d")}
    for element in strokes:
        stroke, fill = element.get("stroke"), element.get("fill")
        if fill not in (None, "none"):
            assert contrast(stroke, fill) >= 3, (name, element.get("id"), stroke, fill)
            assert contrast(stroke, drawing.PAPER) >= 3, (name, element.get("id"), stroke)
        elif contrast(stroke, drawing.PAPER) < 3:
            # A light band drawn over a darker, wider copy of itself (the nerve root from the side).
            outline = [o for o in strokes if o.get("d") == element.get("d") and o is not element]
            assert element.get("d") in outlined_bands and outline, (name, element.get("id"), stroke)
            assert float(outline[0].get("stroke-width")) > float(element.get("stroke-width"))
            assert contrast(outline[0].get("stroke"), stroke) >= 3
            assert contrast(outline[0].get("stroke"), drawing.PAPER) >= 3
        else:
            for background in fills:
                assert contrast(stroke, background) >= 3, (
                    name,
                    element.get("id"),
                    stroke,
                    background,
                )


# ---------------------------------------------------------------------------------------------
# The chart of scan findings in people without pain.
FINDINGS = CONTENT.scan_findings


def test_findings_by_age_has_every_number_from_the_file():
    long = anatomy.findings_by_age(FINDINGS)
    assert len(long) == len(FINDINGS) * len(SCAN_AGES)
    for row in read_rows(FIXTURE_DATA / "scan_findings.csv"):
        for age in SCAN_AGES:
            [value] = long[(long["finding"] == row["finding"]) & (long["age"] == age)]["out_of_100"]
            assert value == int(row[f"age_{age}"])


def test_findings_table_has_one_row_per_age_and_a_column_per_finding():
    table = anatomy.findings_table(FINDINGS)
    age = t("anatomy.findings.age")
    assert list(table.columns) == [age, *FINDINGS["finding"]]
    assert list(table[age]) == list(SCAN_AGES)
    long = anatomy.findings_by_age(FINDINGS)
    first = FINDINGS["finding"].iloc[0]
    assert list(table[first]) == list(long[long["finding"] == first]["out_of_100"])


def test_findings_alt_names_each_finding_and_its_end_points():
    alt_text = anatomy.findings_alt(FINDINGS)
    for row in FINDINGS.itertuples():
        end_points = t(
            "anatomy.findings.alt_line",
            finding=row.finding,
            first=row.age_20,
            first_age=20,
            last=row.age_80,
            last_age=80,
        )
        assert end_points in alt_text


# ---------------------------------------------------------------------------------------------
# The words and links for each state.
@pytest.mark.parametrize("state", DISC_STATES)
def test_each_state_links_to_its_options_with_no_procedure_among_them(state):
    text = anatomy.state_text(CONTENT, state)
    all_ids = list(CONTENT.options["option_id"])
    assert CONTENT.no_procedure_option in text.option_ids
    assert list(text.option_ids) == [o for o in all_ids if o in text.option_ids]  # neutral order
    assert text.compare_params == link_params(list(text.option_ids), all_ids)
    row = CONTENT.anatomy_states.set_index("state_id").loc[state]
    assert text.what_it_is == row["what_it_is"] and row["certainty"] in text.evidence


def test_options_aimed_at_each_state_are_those_of_its_row_in_neutral_order():
    aimed = {state: anatomy.state_text(CONTENT, state).option_ids for state in DISC_STATES}
    assert aimed["healthy"] == ("rest",)
    assert aimed["herniation"] == ("rest", "nerve_block")
    # The file lists "gel; nerve_block; rest": the page keeps the options' display order.
    assert aimed["degenerated"] == ("rest", "nerve_block", "gel")


def test_compare_link_label_fits_the_number_of_options():
    assert anatomy.state_text(CONTENT, "healthy").compare_label == t("anatomy.compare_one")
    assert anatomy.state_text(CONTENT, "herniation").compare_label == t("anatomy.compare_many")


def test_cited_sources_include_the_data_and_the_page_text():
    sources = anatomy.cited_sources(
        CONTENT, ["Shrinks in 63 out of 100 (S104).", "By type (S102)."]
    )
    cited = set(sources[t("sources.source")])
    assert cited == {"S104", "S102", "S105"}  # S105: the disc states and the scan findings
    assert "S103" not in cited


def test_source_ids_are_found_in_text_by_the_data_rule_for_source_ids():
    found = anatomy.SOURCE_ID_IN_TEXT.findall("Shrinks (S104), by type S102a; not XS9, S12ab or S.")
    assert found == ["S104", "S102a"]
    assert all(re.fullmatch(SOURCE_ID_PATTERN, source) for source in found)
