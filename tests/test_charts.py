"""Chart specs (explorer/charts.py): explicit encoding types, sort orders, colours that pass
contrast and read in black and white, every option and attribute present, labels in words."""

from __future__ import annotations

import itertools
import re
import tomllib

import pandas as pd
import pytest

from explorer import charts, decide, ratings, style
from explorer.rules.vocabulary import SCAN_AGES
from explorer.words import t
from tests.conftest import ROOT, fixture_content, loaded
from tests.test_ratings import does_not_apply_data

CONTENT = fixture_content()  # the fixture data: three options, four qualities
ALL = list(CONTENT.options["option_id"])
RATED = ratings.rated(CONTENT, ALL)


def attribute_spec(attribute_id: str, option_ids=ALL) -> dict:
    ranked = ratings.ranked(ratings.rated(CONTENT, option_ids), attribute_id)
    return charts.attribute_chart(ranked, ratings.scale(CONTENT, attribute_id)).to_dict()


def recovery_spec(milestone: str, option_ids=ALL) -> dict:
    rated = ratings.rated(CONTENT, option_ids)
    frames = {m: ratings.recovery(CONTENT, rated, m) for m in ratings.MILESTONES}
    longest = charts.longest_weeks(*frames.values())
    return charts.recovery_chart(frames[milestone], milestone, longest).to_dict()


def benefit_words(option_id: str) -> str:
    """The words beside an option's row, built from its two ratings in the data."""
    levels = CONTENT.attribute_levels.set_index(["attribute_id", "level"])["label"]
    mine = CONTENT.ratings[CONTENT.ratings["option_id"] == option_id].set_index("attribute_id")[
        "level"
    ]

    def label(attribute_id: str) -> str:
        level = mine[attribute_id]
        return ratings.not_known() if level is pd.NA else levels[(attribute_id, level)]

    return ratings.benefit_words(
        label(CONTENT.benefit_size_attribute), label(CONTENT.evidence_attribute)
    )


def layers(spec: dict) -> list[dict]:
    return spec["layer"]


def values(spec: dict, layer: dict) -> list[dict]:
    # Altair lifts data that all layers share to the top of the spec.
    return spec["datasets"][layer.get("data", spec.get("data"))["name"]]


def layer_with(spec: dict, channel: str, field: str) -> dict:
    return next(
        layer for layer in layers(spec) if layer["encoding"].get(channel, {}).get("field") == field
    )


def drawn(spec: dict, layer: dict) -> list[dict]:
    """The rows a layer draws, after its isValid filters (the only filters the charts use)."""
    rows = values(spec, layer)
    for step in layer.get("transform", []):
        negate, field = re.fullmatch(r"(!?)isValid\(datum\.(\w+)\)", step["filter"]).groups()
        rows = [row for row in rows if (row[field] is None) == bool(negate)]
    return rows


def all_text(spec: dict) -> list[str]:
    """Every text a chart draws from its data."""
    return [
        str(row[layer["encoding"]["text"]["field"]])
        for layer in layers(spec)
        if "field" in layer["encoding"].get("text", {})
        for row in drawn(spec, layer)
    ]


def contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def grey(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue


SPECS = {
    "overview": charts.overview_grid(RATED).to_dict(),
    "attribute": attribute_spec("effort"),
    "recovery": recovery_spec("work"),
}
FINDINGS_SPEC = charts.findings_chart(CONTENT.scan_findings).to_dict()


@pytest.mark.parametrize("name", SPECS)
def test_every_encoded_field_has_an_explicit_type(name):
    for layer in layers(SPECS[name]):
        for channel, encoding in layer["encoding"].items():
            if "field" in encoding and channel not in {"x2", "y2"}:  # these take x's and y's type
                assert encoding.get("type") in {"nominal", "ordinal", "quantitative"}, (
                    name,
                    channel,
                )


@pytest.mark.parametrize("name", SPECS)
def test_texts_are_words_not_bare_numbers_or_decimals(name):
    for text in all_text(SPECS[name]):
        assert re.search(r"[A-Za-z]", text), text
        assert not re.search(r"\d\.\d", text), text


def test_overview_shows_every_option_and_attribute_in_order():
    spec = SPECS["overview"]
    cells = layer_with(spec, "color", "tone")
    x, y = cells["encoding"]["x"], cells["encoding"]["y"]
    names = [column.strip().replace("\n", " ") for column in x["sort"]]
    assert names == list(CONTENT.options["short_name"])
    assert names == ["Home exercise", "Nerve block", "Gel implant"]
    attributes = list(CONTENT.attributes["name"])
    # Then empty rows (named by spaces) that make room for the legends.
    assert y["sort"][: len(attributes)] == attributes
    assert all(not row.strip() for row in y["sort"][len(attributes) :])
    shown = values(spec, cells)
    assert {row["attribute"] for row in shown} == set(CONTENT.attributes["name"])
    assert len({row["column"] for row in shown}) == len(ALL)
    assert len(shown) == len(ALL) * len(CONTENT.attributes)


def heading_room(spec: dict) -> tuple[list[str], list[float]]:
    """A grid's row headings as drawn, and how far below a heading's first line each kind of
    cell starts (Vega puts a row's marks at its middle, then moves them by their yOffset)."""
    headings = layer_with(spec, "text", "attribute")
    cells = [layer for layer in layers(spec) if layer["mark"]["type"] == "rect"]
    room = [
        cell["mark"]["yOffset"] - cell["mark"]["height"] / 2 - headings["mark"]["yOffset"]
        for cell in cells
    ]
    return [row["attribute"] for row in values(spec, headings)], room


@pytest.mark.parametrize("words_long", [3, 12, 30])
def test_a_row_heading_wraps_to_a_phone_and_its_cells_start_below_its_last_line(words_long):
    """A heading longer than a phone-wide chart ran past its edge, and Vega then squeezed the
    cells into what was left, their words on each other (the Spanish line-up chart)."""
    first = CONTENT.attributes["name"].iloc[0]
    long_name = " ".join(["Importance"] * words_long)
    rows = RATED.assign(attribute=RATED["attribute"].replace(first, long_name))
    headings, room = heading_room(charts.overview_grid(rows).to_dict())
    lines = [line for heading in headings for line in heading.split("\n")]
    assert max(map(len, lines)) <= charts.ROW_HEADING_CHARACTERS
    assert headings[0].replace("\n", " ") == long_name  # every word whole, in order
    most = max(heading.count("\n") + 1 for heading in headings)
    assert all(below >= most * charts.LINE_HEIGHT for below in room), (most, room)


def family_layers(spec: dict) -> dict[str, dict]:
    """The shaded cells of each colour family, by family."""
    found = {}
    for layer in layers(spec):
        if layer["encoding"].get("color", {}).get("field") == "tone":
            family = re.search(r"datum.family == '(\w+)'", str(layer["transform"])).group(1)
            found[family] = layer
    return found


def test_benefit_and_burden_rows_have_their_own_ordinal_ramps_that_survive_greyscale():
    found = family_layers(SPECS["overview"])
    assert set(found) == {"benefit", "burden"}
    ramps = {"benefit": style.SHADE_COLOURS, "burden": style.BURDEN_COLOURS}
    for family, layer in found.items():
        colour = layer["encoding"]["color"]
        assert colour["type"] == "ordinal" and colour["legend"]["title"]
        assert colour["scale"]["domain"] == list(range(ratings.SHADES))
        ramp = colour["scale"]["range"]
        assert ramp == list(ramps[family])
        greys = [grey(c) for c in ramp]
        assert all(lighter - darker >= 25 for lighter, darker in itertools.pairwise(greys))
    # Blue for the benefit, orange for the burden.
    assert all(c[5:7] > c[1:3] for c in style.SHADE_COLOURS[2:])
    assert all(c[1:3] > c[5:7] for c in style.BURDEN_COLOURS)
    assert SPECS["overview"]["resolve"]["scale"]["color"] == "independent"


def test_darker_always_means_more_of_it_never_better_in_one_row_and_worse_in_the_next():
    cells = values(SPECS["overview"], layer_with(SPECS["overview"], "color", "tone"))
    rated = charts.toned(RATED)
    for row in rated.dropna(subset=["tone"]).itertuples():
        if row.scale == "burden":  # level 1, the lighter burden, is the lightest
            assert row.tone == row.shade
        else:  # level 1, the most benefit or the surest, is the darkest
            assert row.tone == ratings.SHADES - 1 - row.shade
    assert {cell["family"] for cell in cells} == set(CONTENT.attributes["scale"])


def test_cell_words_pass_contrast_on_their_shade_and_marks_pass_three_to_one():
    for ramp in (style.SHADE_COLOURS, style.BURDEN_COLOURS):
        for shade, colour in enumerate(ramp):
            text = style.TEXT_LIGHT if shade >= style.FIRST_DARK_SHADE else style.TEXT_DARK
            assert contrast(text, colour) >= 4.5, colour
    assert contrast(style.TEXT_DARK, style.NOT_KNOWN_FILL) >= 4.5
    marks = (style.OUTLINE, charts.RECOVERY_BAR, style.TEXT_DARK, *style.CATEGORICAL)
    for mark in marks:
        assert contrast(mark, style.PAPER) >= 3
    assert contrast(style.TEXT_DARK, style.PAPER) >= 4.5


def test_not_known_is_its_own_marked_cell_with_a_legend_entry_never_on_a_scale():
    spec = SPECS["overview"]
    dashed = next(layer for layer in layers(spec) if layer["mark"].get("strokeDash"))
    assert "datum.state == 'not_known'" in str(dashed["transform"])
    key = dashed["encoding"]["color"]
    assert key["scale"]["range"] == [style.NOT_KNOWN_FILL] and key["legend"]["symbolDash"]
    assert key["scale"]["domain"] == [t("charts.not_known")] and "?" in t("charts.not_known")
    assert style.NOT_KNOWN_FILL not in (*style.SHADE_COLOURS, *style.BURDEN_COLOURS, style.PAPER)
    assert t("charts.not_known") in all_text(spec)


def test_attribute_chart_shows_the_whole_scale_lightest_first():
    spec = SPECS["attribute"]
    x = layer_with(spec, "color", "tone")["encoding"]["x"]
    assert x["type"] == "ordinal"
    levels = [label.strip().replace("\n", " ") for label in x["sort"]]
    assert levels == list(ratings.scale(CONTENT, "effort")["label"])
    assert levels == ["Nothing done to the body", "A needle", "An operation"]
    assert x["scale"]["domain"] == x["sort"]


def test_attribute_chart_ranks_options_lighter_first_with_evidence_beside_each():
    spec = attribute_spec("time_off")
    y = layer_with(spec, "color", "tone")["encoding"]["y"]
    assert y["sort"] == ["Nerve block", "Home exercise", "Gel implant"]
    texts = all_text(spec)
    assert {benefit_words(option_id) for option_id in ALL} <= set(texts)
    assert all("certainty" in benefit_words(option_id) for option_id in ALL)  # never the size alone
    unknown = ratings.rated(CONTENT, ALL).query("attribute_id == 'time_off' and level.isna()")
    assert (
        texts.count(t("charts.not_known")) == len(unknown) > 0
    )  # an option no trial gives a time for says so


def test_narrowing_the_options_narrows_every_chart():
    spec = attribute_spec("effort", ["rest", "gel"])
    assert layer_with(spec, "color", "tone")["encoding"]["y"]["sort"] == [
        "Home exercise",
        "Gel implant",
    ]
    overview = charts.overview_grid(ratings.rated(CONTENT, ["gel"])).to_dict()
    assert {row["column"] for row in values(overview, layer_with(overview, "color", "tone"))} == {
        "Gel implant"
    }


def test_recovery_chart_draws_sourced_ranges_in_whole_weeks():
    spec = SPECS["recovery"]
    bars = layer_with(spec, "x", "weeks_min")
    assert bars["mark"]["type"] == "bar"
    assert (
        bars["encoding"]["x"]["type"] == "quantitative"
        and bars["encoding"]["x2"]["field"] == "weeks_max"
    )
    assert bars["encoding"]["x"]["axis"]["format"] == "d"
    by_option = {row["heading"].split(":")[0]: row for row in values(spec, bars)}
    assert (by_option["Home exercise"]["weeks_min"], by_option["Home exercise"]["weeks_max"]) == (
        0,
        4,
    )
    assert by_option["Gel implant"]["weeks_max"] is None
    assert all(isinstance(row["weeks_max"], (int, type(None))) for row in values(spec, bars))


def test_recovery_chart_says_not_known_and_evidence_for_every_option():
    spec = SPECS["recovery"]
    beside = {benefit_words(option_id) for option_id in ALL}
    headings = [text for text in all_text(spec) if ":" in text and text not in beside]
    not_known = t("ratings.not_known").lower()
    assert headings == [
        f"Home exercise: {t('ratings.weeks.range', low=0, high=4).lower()}",
        f"Nerve block: {t('ratings.weeks.about', count=2).lower()}",
        f"Gel implant: {not_known}",
    ]
    gap = next(
        layer
        for layer in layers(spec)
        if layer["encoding"].get("text", {}).get("value") == t("charts.not_known")
    )
    assert "!isValid(datum.weeks_max)" in str(gap["transform"])
    assert sum(text in beside for text in all_text(spec)) == len(ALL)


def test_the_recovery_chart_words_are_at_least_14_px_each_rows_evidence_under_its_heading():
    spec = SPECS["recovery"]
    settings = text_settings(spec)
    assert {value for key, value in settings if key.endswith(("FontSize", "fontSize"))} == {14}
    evidence = next(
        layer
        for layer in layers(spec)
        if layer["encoding"].get("text", {}).get("field") == "evidence_words"
    )
    heading = next(
        layer
        for layer in layers(spec)
        if layer["encoding"].get("text", {}).get("field") == "heading"
    )
    # Left-aligned a line lower, not at the right edge where on a phone it ran into the heading.
    assert evidence["mark"]["align"] == heading["mark"]["align"] == "left"
    assert evidence["mark"]["yOffset"] - heading["mark"]["yOffset"] >= style.RECOVERY_FONT_SIZE


def test_every_recovery_chart_shares_one_weeks_axis():
    domains = {
        milestone: layer_with(recovery_spec(milestone), "x", "weeks_min")["encoding"]["x"]["scale"][
            "domain"
        ]
        for milestone in ratings.MILESTONES
    }
    longest = max(CONTENT.recovery["weeks_max"].dropna())
    assert all(domain == [0, longest] for domain in domains.values()), domains


def test_wrapping_keeps_words_whole_and_gives_fewer_columns_longer_lines():
    assert charts.wrap("Major operation with implants", 11) == "Major\noperation\nwith\nimplants"
    assert charts.characters_per_column(5) < charts.characters_per_column(2)


def test_alt_texts_name_what_the_chart_shows():
    ranked = ratings.ranked(RATED, "effort")
    assert "Gel implant: A needle" in charts.attribute_alt(ranked)
    rows = ratings.recovery(CONTENT, RATED, "work")
    assert f"Gel implant: {t('ratings.not_known')}" in charts.recovery_alt(rows, "work")
    assert charts.overview_alt(RATED) == t(
        "charts.overview.alt",
        count=len(CONTENT.attributes),
        options=", ".join(CONTENT.options["short_name"]),
    )


GUIDE_TEXT = {"labelColor", "titleColor", "labelFontSize", "titleFontSize"}


def text_settings(spec) -> list[tuple[str, object]]:
    """Every text colour and size a spec sets, anywhere in it: axes and legends, text marks
    (their own or encoded colour) and the chart's title."""
    if isinstance(spec, list):
        return [found for item in spec for found in text_settings(item)]
    if not isinstance(spec, dict):
        return []
    own = [(key, value) for key, value in spec.items() if key in GUIDE_TEXT]
    mark = spec.get("mark")
    if isinstance(mark, dict) and mark.get("type") == "text":
        own.append(("color", spec["encoding"].get("color", {}).get("value", mark.get("color"))))
    if "fontSize" in spec:  # a text mark, or the title's settings
        own += [("fontSize", spec["fontSize"]), ("color", spec.get("color"))]
    inner = [
        found for key, value in spec.items() if key != "datasets" for found in text_settings(value)
    ]
    return own + inner


@pytest.mark.parametrize("name", [*SPECS, "findings"])
def test_every_chart_writes_its_words_in_the_one_text_style(name):
    settings = text_settings(SPECS.get(name, FINDINGS_SPEC))
    sizes = {value for key, value in settings if key.endswith(("FontSize", "fontSize"))}
    colours = {value for key, value in settings if key.endswith(("Color", "color"))} - {None}
    assert sizes and colours, name  # the walk finds what it checks
    allowed = {style.RECOVERY_FONT_SIZE} if name == "recovery" else {style.FONT_SIZE}
    assert sizes <= {*allowed, style.TITLE_SIZE}, (name, sizes)
    assert colours <= {style.TEXT_DARK, style.TEXT_LIGHT}, (name, colours)


def test_the_text_style_check_catches_another_style():
    other = {
        "layer": [
            {"encoding": {"x": {"axis": {"labelColor": "#1F1F1F", "labelFontSize": 13}}}},
            {"mark": {"type": "text", "fontSize": 14}, "encoding": {"color": {"value": "#222222"}}},
        ],
        "config": {"title": {"color": "#333333", "fontSize": 15}},
    }
    found = text_settings(other)
    for setting in [("labelColor", "#1F1F1F"), ("labelFontSize", 13), ("fontSize", 14)]:
        assert setting in found
    assert ("color", "#222222") in found and ("color", "#333333") in found


def test_streamlits_theme_has_the_style_modules_categorical_colours():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["theme"]["chartCategoricalColors"] == list(style.CATEGORICAL)


# The chart of scan findings in people without pain (the anatomy page).
FINDINGS = CONTENT.scan_findings


def test_findings_chart_uses_explicit_types_safe_colours_and_direct_labels():
    line, points, labels = layers(FINDINGS_SPEC)
    assert line["mark"]["type"] == "line" and points["mark"]["type"] == "point"
    encoding = line["encoding"]
    assert encoding["x"]["type"] == "quantitative" and encoding["x"]["field"] == "age"
    assert encoding["y"]["type"] == "quantitative" and encoding["y"]["scale"]["domain"] == [0, 100]
    assert encoding["y"]["title"] == t("anatomy.findings.out_of_100_axis")
    colour = encoding["color"]
    assert colour["type"] == "nominal" and colour["legend"] is None
    assert colour["scale"]["domain"] == list(FINDINGS["finding"])
    assert all(contrast(c, "#FFFFFF") >= 3 for c in colour["scale"]["range"])
    assert points["encoding"]["shape"]["field"] == "finding"  # a second cue besides colour
    # Every line is named in dark text at its last age, instead of a colour legend.
    assert labels["mark"]["type"] == "text" and labels["encoding"]["text"]["field"] == "finding"
    assert contrast(labels["encoding"]["color"]["value"], "#FFFFFF") >= 4.5
    assert labels["transform"][0]["filter"] == f"(datum.age === {SCAN_AGES[-1]})"


def test_a_quality_that_does_not_apply_is_drawn_unlike_not_known_with_its_words(data_copy):
    words = does_not_apply_data(data_copy)
    content = loaded(data_copy)
    rated = ratings.rated(content, ALL)
    grid = charts.overview_grid(rated).to_dict()
    ranked = ratings.ranked(rated, "time_off")
    one = charts.attribute_chart(ranked, ratings.scale(content, "time_off")).to_dict()
    for spec in (grid, one):
        plain = [layer for layer in layers(spec) if "does_not_apply" in str(layer.get("transform"))]
        assert plain, "no layer draws the cells that do not apply"
        for layer in plain:
            mark = layer["mark"]
            assert mark["fill"] == style.PAPER and not mark.get("strokeDash")
        shown = " ".join(all_text(spec)).replace("\n", " ")
        assert words in shown and t("charts.not_known") in shown  # gel's gap is still a gap


# The What matters line-up --------------------------------------------------------------------
def line_up(content=CONTENT) -> tuple[pd.DataFrame, dict]:
    every = {statement: 3 for statement in content.statements["statement_id"]}
    alignment = decide.alignment(content, ALL, every)
    return alignment, charts.alignment_chart(alignment).to_dict()


def test_the_line_up_names_its_rows_by_the_statements_the_person_rated():
    _, spec = line_up()
    headings = {
        row["attribute"].replace("\n", " ")
        for row in values(spec, layer_with(spec, "color", "tone"))
    }
    topics = set(CONTENT.attributes["name"])
    for statement in CONTENT.statements.itertuples():
        named = [h for h in headings if h.startswith(statement.statement)]
        assert named, statement.statement  # in the person's words
        # A statement about two qualities has a row for each, each also naming its quality.
        several = len(statement.attribute_ids.split(";")) > 1
        assert all(any(topic in h for topic in topics) == several for h in named), named


def test_the_line_up_colours_each_fit_alike_whatever_the_quality_and_not_known_apart():
    alignment, spec = line_up()
    [fit_layer] = family_layers(spec).values()
    colour = fit_layer["encoding"]["color"]
    assert colour["scale"]["range"] == list(style.FIT_COLOURS)
    assert len(set(style.FIT_COLOURS)) == len(decide.LINES_UP)
    # One colour per fit: every cell's tone is its fit's place (the cells are the alignment's rows,
    # in order), whether the row's quality is a benefit or a burden; no fit, no colour.
    cells = values(spec, fit_layer)
    assert len(cells) == len(alignment)
    for row, cell in zip(alignment.itertuples(), cells):
        fitted = row.fit in decide.LINES_UP
        assert cell["tone"] == (decide.LINES_UP.index(row.fit) if fitted else None), row
    # Its legend names every fit in words.
    legend = colour["legend"]["labelExpr"]
    assert all(decide.fit_words(code) in legend for code in decide.LINES_UP)
    # A level not known is its own grey dashed "?" cell, never coloured as a fit.
    unknown = [layer for layer in layers(spec) if ratings.NOT_KNOWN in str(layer.get("transform"))]
    assert unknown and unknown[0]["mark"]["strokeDash"]
    if (alignment["fit"] == decide.FIT_NOT_KNOWN).any():
        assert t("charts.not_known") in " ".join(all_text(spec))


def test_fit_colours_keep_near_black_words_readable():
    for colour in style.FIT_COLOURS:
        assert contrast(colour, style.TEXT_DARK) >= 4.5, colour


def test_the_line_up_leaves_room_for_its_legends_and_no_more():
    """3rd review P8: about 100 px blank under the legend, from whole empty rows added as room.
    Now the rows are the statements' only, and the chart is their height plus the legends'."""
    _, spec = line_up()
    scales = [
        layer["encoding"]["y"]["scale"]
        for layer in layers(spec)
        if "y" in layer.get("encoding", {})
    ]
    rows = scales[0]["domain"]
    assert all(row.strip() for row in rows)  # no row named by spaces, kept for room
    rows_end = scales[0]["range"][1]
    assert all(scale == scales[0] for scale in scales)
    legends = [
        layer["encoding"]["color"]["legend"]
        for layer in layers(spec)
        if (layer.get("encoding", {}).get("color") or {}).get("legend")
    ]
    tops = sorted(legend["legendY"] for legend in legends)
    assert tops[0] > rows_end  # under the last row
    assert spec["height"] - tops[-1] <= charts.LEGEND_ROW  # the last legend's own height
    assert spec["autosize"]["type"] == "fit-x"  # the height is not squeezed by the names above


@pytest.mark.parametrize("options", [1, 2, 3, 4, 5])
def test_the_line_up_words_are_14_px_while_its_columns_fit_a_phone_at_that_size(options):
    text = charts.line_up_text(options)
    fits = charts.characters_per_column(options, text.characters) >= charts.FEWEST_CHARACTERS
    fits_at_14 = charts.LINE_UP_TEXT.characters // options - 1 >= charts.FEWEST_CHARACTERS
    assert text.size == (14 if fits_at_14 else style.FONT_SIZE) and fits
    assert text.size >= 14 or options > 4  # two to four options: 14 px on a phone


def test_a_shorter_row_heading_ends_just_above_its_cell_with_no_empty_band_between():
    """8th review N4: a one-line heading ("Avoiding needles") over rows made for two left an
    empty band between it and its cell. Every heading is led by blank lines to the longest's,
    so that its last line is where the longest's is, just above the cell."""
    first = CONTENT.attributes["name"].iloc[0]
    rows = RATED.assign(attribute=RATED["attribute"].replace(first, " ".join(["Importance"] * 12)))
    headings, _ = heading_room(charts.overview_grid(rows).to_dict())
    most = max(heading.count("\n") + 1 for heading in headings)
    assert most > 1
    assert all(heading.count("\n") + 1 == most for heading in headings), headings
    shown = {heading.split("\n")[-1] for heading in headings}
    assert shown >= set(CONTENT.attributes["name"][1:])
    blank = [line for heading in headings[1:] for line in heading.split("\n")[:-1]]
    assert set(blank) == {charts.BLANK_LINE}  # a character each: SVG keeps its line


def test_a_level_the_line_up_does_not_count_is_still_drawn_as_a_cell():
    """8th review N4: other people's level, not counted, had no cell at all (its words floated
    over the page). It gets a white cell with a dotted outline, unlike every other cell."""
    every = {statement: 3 for statement in CONTENT.statements["statement_id"]}
    alignment = decide.alignment(CONTENT, ALL, every, "leg_pain")
    assert (alignment["fit"] == decide.FIT_OTHER_GROUP).any()
    spec = charts.alignment_chart(alignment).to_dict()
    dotted = [
        layer
        for layer in layers(spec)
        if layer["mark"]["type"] == "rect" and layer["mark"].get("strokeDash") == [1, 3]
    ]
    [layer] = dotted
    drawn_cells = [
        row for row in values(spec, layer) if row["state"] == ratings.KNOWN and row["tone"] is None
    ]
    assert len(drawn_cells) == (alignment["fit"] == decide.FIT_OTHER_GROUP).sum()
