"""Charts of the qualitative ratings and of recovery times. One function per chart: a frame from
explorer.ratings in, an Altair chart out; the page only lays them out.

The levels are ordinal. Every mark carries its level in words, and shading runs from light
(lighter burden) to dark (heavier) in one hue, so the charts also read in black and white.
Nothing is drawn with decimals or smooth shapes that would suggest more precision than the
evidence has, and every option's row says how big its benefit is and how sure we are of that.

Each row starts with a heading line across the chart's full width instead of axis labels at
the side, so that on a phone the cells get the whole width of the screen. Charts stretch to
the page's width; Vega-Lite cannot stretch combined (concatenated) charts, so each is one view."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass

import altair as alt
import pandas as pd

from explorer import decide
from explorer.anatomy import findings_by_age
from explorer.memo import kept
from explorer.ratings import DOES_NOT_APPLY, KNOWN, NOT_KNOWN, SHADES
from explorer.rules.vocabulary import SCAN_AGES
from explorer.style import (
    BURDEN_COLOURS,
    CATEGORICAL,
    FIRST_DARK_SHADE,
    FIT_COLOURS,
    FONT_SIZE,
    ICON_COLOURS,
    NOT_KNOWN_FILL,
    OUTLINE,
    PAPER,
    PICTURE_FONT_SIZE,
    PICTURE_LINE_HEIGHT,
    RECOVERY_FONT_SIZE,
    RECOVERY_LINE_HEIGHT,
    SHADE_COLOURS,
    TEXT_DARK,
    TEXT_LIGHT,
    TITLE_SIZE,
    guide_text,
    mark_text,
)
from explorer.words import t

# Cells get a dark grey outline (explorer.style.OUTLINE) so that even the lightest shade stands
# out from the page.
RECOVERY_BAR = BURDEN_COLOURS[3]  # time off is a burden: orange, 5.5:1 on white
SCALE_BOX = "#BBBBBB"  # the empty boxes of a scale: decoration, the filled box carries the data
LINE_HEIGHT = 15
LINE_BREAK = "\n"
HEADING = 22  # pixels at the top of every row for its heading, one line of it
# Characters of 12 px text that fit across a phone-wide chart (about 360 px).
PHONE_CHARACTERS = 64
# Bold 12 px characters of a row's heading across a phone-wide chart (measured: about 6 px each in
# English and Spanish). A longer heading runs past the chart's edge, and Vega then narrows the
# cells to make room for it, so that their words end up on each other: it is wrapped instead.
ROW_HEADING_CHARACTERS = 54


@dataclass(frozen=True)
class GridText:
    """The text of a grid of cells under row headings: its size and line height, the pixels at
    the top of a row for one line of its heading, and how many characters of a cell and of a
    bold heading fit across a phone-wide chart at that size."""

    size: float
    line_height: float
    heading: int
    characters: int
    heading_characters: int


SMALL_TEXT = GridText(FONT_SIZE, LINE_HEIGHT, HEADING, PHONE_CHARACTERS, ROW_HEADING_CHARACTERS)
# What matters' line-up is read cell by cell, as sentences about the person's own priorities:
# 14 px where it fits (3rd review P8). Its characters across a phone scale with the size.
LINE_UP_TEXT = GridText(14, 18, 25, PHONE_CHARACTERS * 12 // 14, ROW_HEADING_CHARACTERS * 12 // 14)


def line_up_text(options: int) -> GridText:
    """The line-up's text: 14 px while a phone-wide column still holds FEWEST_CHARACTERS of it
    (up to 4 options), else the charts' 12 px (5 options at 14 px ran into each other at 390 px)."""
    fits = LINE_UP_TEXT.characters // max(options, 1) - 1 >= FEWEST_CHARACTERS
    return LINE_UP_TEXT if fits else SMALL_TEXT


def wrap(text: str, width: int) -> str:
    """Break text into lines of about `width` characters (Vega-Lite does not wrap by itself)."""
    return LINE_BREAK.join(textwrap.wrap(str(text), width, break_long_words=False)) or str(text)


FEWEST_CHARACTERS = 11  # on a line of a column: below that, words break mid-way or run over


def characters_per_column(columns: int, characters: int = PHONE_CHARACTERS) -> int:
    """How many characters to put on a line in one of `columns` equal columns, so that the
    words still fit on a phone (`characters` across it); fewer columns get longer lines."""
    return max(FEWEST_CHARACTERS, characters // max(columns, 1) - 1)


def _line_count(text: str) -> int:
    return text.count(LINE_BREAK) + 1


def _step(lines: pd.Series, heading: int = HEADING, line_height: float = LINE_HEIGHT) -> int:
    """Row height: the heading, then a cell tall enough for the longest label."""
    return int(heading + 6 + max(map(_line_count, lines), default=1) * line_height + 14)


def row_band(step: int, heading: int = HEADING) -> dict:
    """Mark properties that put a cell or bar under the row's heading (`heading` pixels): shared
    by every chart drawn as rows of a bold heading over a cell or bar (explorer.score_chart too)."""
    return {"height": step - heading - 6, "yOffset": max(heading - 6, 0) / 2}


def _heading_room(headings: list[str], text: GridText = SMALL_TEXT) -> int:
    """Pixels at the top of each row for the longest of the (wrapped) `headings`."""
    return int(text.heading + (max(map(_line_count, headings), default=1) - 1) * text.line_height)


def _labelled(
    frame: pd.DataFrame,
    labels: pd.Series,
    width: int,
    heading: int = HEADING,
    line_height: float = LINE_HEIGHT,
) -> tuple[pd.DataFrame, int]:
    """Add the cell words wrapped to `width` characters, and where their block of lines starts
    so that it sits in the middle of the cell (Vega puts the first line where it is told).
    Returns the frame and the row height that fits the longest label."""
    lines = labels.map(lambda text: wrap(text, width))
    step = _step(lines, heading, line_height)
    middle = step / 2 + row_band(step, heading)["yOffset"]
    starts = [middle - (_line_count(line) - 1) * line_height / 2 for line in lines]
    return frame.assign(label_lines=lines, label_y=starts), step


def _columns(labels: list[str], width: int) -> list[str]:
    """Column names wrapped, each padded with leading blank lines to the same number of lines,
    so that all of them end just above the chart (Vega draws extra lines downwards)."""
    lines = [wrap(label, width) for label in labels]
    most = max(map(_line_count, lines), default=1)
    return [LINE_BREAK * (most - _line_count(line)) + line for line in lines]


# Room above the column names: Vega sizes a chart by its own measure of their first line, a pixel
# or two short of the browser's, which would cut the tops of tall letters and accents.
COLUMN_NAMES_PADDING = {"top": 4, "bottom": 0, "left": 0, "right": 0}


def _column_axis(columns: list[str], text: GridText = SMALL_TEXT) -> alt.Axis:
    """Column names above the chart, every one shown, their lines kept."""
    most = max(map(_line_count, columns), default=1)
    return alt.Axis(
        orient="top",
        title=None,
        labelExpr="split(datum.label, '\\n')",
        labelAngle=0,
        labelLineHeight=text.line_height,
        labelBaseline="line-bottom",
        labelPadding=(most - 1) * text.line_height + 8,
        labelLimit=0,
        labelOverlap=False,
        labelFlush=False,  # Streamlit's theme pushes the first and last labels inwards
        domain=False,
        ticks=False,
        **guide_text(text.size),
    )


def row_headings(
    frame: pd.DataFrame,
    row_field: str,
    row_order: list[str],
    step: int,
    right: str | None = None,
    size: float = FONT_SIZE,
    line_height: float = LINE_HEIGHT,
    scale: alt.Scale | None = None,
):
    """Each row's heading: `row_field` in bold on the left (its lines kept) and, if given, `right`
    on the right, in `size` px text; on the rows' `scale` where the grid sets one."""
    scale = scale or alt.Scale(domain=row_order)
    y = alt.Y(f"{row_field}:N", sort=row_order, scale=scale, axis=None)
    base = alt.Chart(frame).encode(y=y)
    line = {
        "baseline": "top",
        "yOffset": -step / 2 + 4,
        "lineBreak": LINE_BREAK,
        "lineHeight": line_height,
        **mark_text(size),
    }
    left = base.mark_text(align="left", fontWeight="bold", **line).encode(
        x=alt.value(0), text=f"{row_field}:N"
    )
    layers = [left]
    if right:
        layers.append(
            base.mark_text(align="right", **line).encode(
                x=alt.value({"expr": "width"}), text=f"{right}:N"
            )
        )
    return layers


# Each row's colour family (attributes.csv's `scale`), a ramp from light to dark; the alignment
# chart's cells are coloured by fit instead, one colour for each (decide.LINES_UP, in order).
BENEFIT, BURDEN, FIT = "benefit", "burden", "fit"
FAMILY_COLOURS = {BENEFIT: SHADE_COLOURS, BURDEN: BURDEN_COLOURS, FIT: FIT_COLOURS}
LEGEND_ENDS = {
    BENEFIT: ("charts.overview.benefit_less", "charts.overview.benefit_more"),
    BURDEN: ("charts.overview.lighter", "charts.overview.heavier"),
}


def _legend_words(family: str) -> dict[int, str]:
    """The words under a legend's boxes: a ramp's two ends, or every fit."""
    if family == FIT:
        return dict(enumerate(map(decide.fit_words, decide.LINES_UP)))
    low, high = LEGEND_ENDS[family]
    return {0: t(low), SHADES - 1: t(high)}


def toned(rows: pd.DataFrame) -> pd.DataFrame:
    """Each row's colour family and how dark its cell is drawn (`tone`, 0 to SHADES - 1), darker
    always meaning more of it: a burden's level 1 (the lighter burden) is the lightest, and a
    benefit's level 1 (the most benefit, or the surest) the darkest. No tone without a level:
    not known, or not applying (`state`; rows without one are not known where they have no
    shade)."""
    family = rows["scale"]
    shade = rows["shade"].astype("Int64")
    state = rows["state"] if "state" in rows else shade.notna().map({True: KNOWN, False: NOT_KNOWN})
    return rows.assign(
        family=family, tone=shade.where(family != BENEFIT, SHADES - 1 - shade), state=state
    )


LEGEND_ROW = 52  # pixels from one legend to the next: one under the other, to fit a phone
LEGEND_GAP = 6  # pixels between the last row of cells and the first legend


def _legend_room(legends: int) -> int:
    """Pixels at the foot of a grid for its legends, one under the other (side by side, they
    would run past a phone's edge; under the chart, Streamlit cuts them off): just their own
    height, so no blank band is left under them (3rd review, P8)."""
    return LEGEND_GAP + legends * LEGEND_ROW if legends else 0


def _rows_scale(rows: list[str], step: int) -> alt.Scale:
    """The rows, `step` pixels each, from the top of the chart: the legends' room is below them."""
    return alt.Scale(domain=rows, range=[0, len(rows) * step])


def _legend_place(row: int, top: float) -> dict:
    """Where the `row`-th legend goes: at the left edge, under the rows' `top` pixels."""
    return {"orient": "none", "legendX": 0, "legendY": top + LEGEND_GAP + row * LEGEND_ROW}


def _legend(family: str, place: dict, size: float = FONT_SIZE) -> alt.Legend:
    # The words go into a Vega expression as JSON strings, so a quote in them cannot break it.
    label = "''"
    for value, words in reversed(_legend_words(family).items()):
        label = f"datum.value == {value} ? {json.dumps(words)} : {label}"
    return alt.Legend(
        title=t(f"charts.overview.legend.{family}"),
        direction="horizontal",
        labelExpr=label,
        symbolType="square",
        symbolSize=300,
        symbolStrokeColor=OUTLINE,
        symbolStrokeWidth=1,
        **place,
        **guide_text(size),
    )


def _shaded_cell(
    base: alt.Chart,
    step: int,
    family: str,
    place: dict | None,
    heading: int = HEADING,
    size: float = FONT_SIZE,
) -> alt.Chart:
    """Cells of one colour family with a level: light to dark in that family's colours, with
    the family's legend at `place` (none without one), its words `size` px."""
    colours = FAMILY_COLOURS[family]
    tones = alt.Scale(domain=list(range(len(colours))), range=list(colours))
    legend = None if place is None else _legend(family, place, size)
    return (
        base.transform_filter(f"isValid(datum.tone) && datum.family == '{family}'")
        .mark_rect(stroke=OUTLINE, strokeWidth=1, **row_band(step, heading))
        .encode(color=alt.Color("tone:O", scale=tones, legend=legend))
    )


def _not_known_cell(
    base: alt.Chart,
    step: int,
    place: dict | None,
    heading: int = HEADING,
    size: float = FONT_SIZE,
) -> alt.Chart:
    """Cells without a level: grey, outside every family's ramp, with a dashed outline and a
    "?" in their words, never shaded as if we knew; with its own legend entry at `place` (none
    without one)."""
    words = t("charts.not_known")
    key = alt.Scale(domain=[words], range=[NOT_KNOWN_FILL])
    legend = None
    if place is not None:
        legend = alt.Legend(
            title=None,
            symbolType="square",
            symbolSize=300,
            symbolStrokeColor=OUTLINE,
            symbolDash=[4, 3],
            **place,
            **guide_text(size),
        )
    return (
        base.transform_filter(f"datum.state == '{NOT_KNOWN}'")
        .transform_calculate(unknown=json.dumps(words))
        .mark_rect(stroke=OUTLINE, strokeDash=[4, 3], strokeWidth=1, **row_band(step, heading))
        .encode(color=alt.Color("unknown:N", scale=key, legend=legend))
    )


def _does_not_apply_cell(base: alt.Chart, step: int, heading: int = HEADING) -> alt.Chart:
    """Cells of a quality that does not apply to the option: white with a solid outline, unlike
    a gap in the evidence (grey, dashed, "?") and off every ramp; their words say why, so they
    need no legend."""
    return base.transform_filter(f"datum.state == '{DOES_NOT_APPLY}'").mark_rect(
        fill=PAPER, stroke=OUTLINE, strokeWidth=1, **row_band(step, heading)
    )


def _not_counted_cell(base: alt.Chart, step: int, heading: int = HEADING) -> alt.Chart:
    """Cells with a level but no fit, as the line-up draws a level it does not count (other
    people's): white with a dotted outline, so that the cell still reads as one (8th review N4);
    their mark is said in the note above the chart, so they need no legend."""
    return base.transform_filter(f"datum.state == '{KNOWN}' && !isValid(datum.tone)").mark_rect(
        fill=PAPER, stroke=OUTLINE, strokeDash=[1, 3], strokeWidth=1, **row_band(step, heading)
    )


def _not_known_words(rows: pd.DataFrame, labels: pd.Series) -> pd.Series:
    """The cell words: the level, why it does not apply, or, where it is not known, the words
    with their "?"."""
    return labels.where(rows["state"] != NOT_KNOWN, t("charts.not_known"))


def _cell_words(base: alt.Chart, text: GridText = SMALL_TEXT) -> alt.Chart:
    """The level in words on every cell: white on the dark shades, near-black elsewhere."""
    return base.mark_text(
        lineBreak=LINE_BREAK, lineHeight=text.line_height, fontSize=text.size
    ).encode(
        text="label_lines:N",
        yOffset=alt.YOffset("label_y:Q", scale=None),
        color=alt.condition(
            f"datum.tone >= {FIRST_DARK_SHADE}", alt.value(TEXT_LIGHT), alt.value(TEXT_DARK)
        ),
    )


def overview_grid(rated_rows: pd.DataFrame, text: GridText = SMALL_TEXT) -> alt.LayerChart:
    """Options as columns, attributes as rows; each cell is the level in words, in its row's
    colour family (benefit blue, burden orange), darker always meaning more of it; a level that is
    not known is a grey cell marked "?", off both scales. Its words are `text` sized."""
    options = list(dict.fromkeys(rated_rows["option"]))
    width = characters_per_column(len(options), text.characters)
    columns = dict(zip(options, _columns(options, width)))
    rows = toned(rated_rows)
    rows = rows.assign(attribute=_bottom_aligned(rows["attribute"], text.heading_characters))
    heading = _heading_room(list(rows["attribute"]), text)
    cells, step = _labelled(
        rows.assign(column=rows["option"].map(columns)),
        _not_known_words(rows, rows["label"]),
        width,
        heading,
        text.line_height,
    )
    cells = cells[["attribute", "column", "label_lines", "label_y", "family", "tone", "state"]]
    attributes = list(dict.fromkeys(cells["attribute"]))
    families = [family for family in FAMILY_COLOURS if family in set(cells["family"])]
    unknown = bool((cells["state"] == NOT_KNOWN).any())
    rows_scale = _rows_scale(attributes, step)
    base = alt.Chart(cells).encode(
        x=alt.X(
            "column:N",
            sort=list(columns.values()),
            axis=_column_axis(list(columns.values()), text),
        ),
        y=alt.Y("attribute:N", sort=attributes, scale=rows_scale, axis=None),
    )
    headings = row_headings(
        pd.DataFrame({"attribute": attributes}),
        "attribute",
        attributes,
        step,
        size=text.size,
        line_height=text.line_height,
        scale=rows_scale,
    )
    places = [_legend_place(row, len(attributes) * step) for row in range(len(families) + 1)]
    layers = [
        *headings,
        *(
            _shaded_cell(base, step, family, places[row], heading, text.size)
            for row, family in enumerate(families)
        ),
        _not_known_cell(base, step, places[len(families)] if unknown else None, heading, text.size),
        _does_not_apply_cell(base, step, heading),
        _not_counted_cell(base, step, heading),
        _cell_words(base, text),
    ]
    return (
        alt.layer(*layers)
        .properties(
            height=len(attributes) * step + _legend_room(len(families) + unknown),
            padding=COLUMN_NAMES_PADDING,
            # Fit the page's width only: a fixed height is the rows' and the legends', so the
            # column names above are added to it, not squeezed out of the rows (Streamlit's
            # default, "fit", would shrink the rows to make room for them).
            autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        )
        .resolve_scale(color="independent")
    )


# A line with nothing to see (a zero-width space): Vega empties a line of spaces, and an SVG line
# with no character at all drops its move down.
BLANK_LINE = "\u200b"


def _bottom_aligned(headings: pd.Series, width: int) -> pd.Series:
    """Row headings wrapped, each led by blank lines up to the longest's lines, so that every
    heading ends just above its own cell: a shorter one left an empty band between them (8th
    review N4, "Avoiding needles")."""
    lines = headings.map(lambda name: wrap(name, width))
    most = max(map(_line_count, lines), default=1)
    return lines.map(lambda line: (BLANK_LINE + LINE_BREAK) * (most - _line_count(line)) + line)


def attribute_chart(ranked_rows: pd.DataFrame, scale_levels: pd.DataFrame) -> alt.LayerChart:
    """The options on one attribute, in the order of its levels (the lighter burden, or the most
    benefit, at the top). The columns are all the attribute's levels in words, level 1 on the
    left (the scale in full); each row shows the scale as boxes with the option's own level filled
    in, in the attribute's colour family, and labelled. Where the level is not known, a grey box
    marked "?" across the row says so."""
    levels = list(scale_levels["label"])
    width = characters_per_column(len(levels))
    columns = dict(zip(levels, _columns(levels, width)))
    toned_rows = toned(ranked_rows)
    rows, step = _labelled(
        toned_rows.assign(
            column=toned_rows["label"].map(columns), evidence_words=toned_rows["evidence"]
        ),
        _not_known_words(toned_rows, toned_rows["label"]),
        width,
    )
    rows = rows[
        ["option", "evidence_words", "column", "label_lines", "label_y", "family", "tone", "state"]
    ]
    options = list(rows["option"])
    scale_columns = list(columns.values())
    level_x = alt.X(
        "column:O",
        sort=scale_columns,
        scale=alt.Scale(domain=scale_columns),
        axis=_column_axis(scale_columns),
    )
    y = alt.Y("option:N", sort=options, axis=None)
    scale_boxes = pd.DataFrame(
        [
            (option, column)
            for option in rows.loc[rows["tone"].notna(), "option"]
            for column in scale_columns
        ],
        columns=["option", "column"],
    )
    boxes = (
        alt.Chart(scale_boxes)
        .mark_rect(fill=PAPER, stroke=SCALE_BOX, strokeWidth=1, **row_band(step))
        .encode(x=level_x, y=y)
    )
    base = alt.Chart(rows).encode(y=y)
    known = base.transform_filter("isValid(datum.tone)").encode(x=level_x)
    unknown = base.transform_filter("!isValid(datum.tone)")
    across = unknown.encode(x=alt.value(0), x2=alt.value({"expr": "width"}))
    cells = [
        boxes,
        *(_shaded_cell(known, step, family, None) for family in set(rows["family"])),
        _cell_words(known),
        _not_known_cell(across, step, None),
        _does_not_apply_cell(across, step),
        _cell_words(unknown.encode(x=alt.value({"expr": "width / 2"}))),
    ]
    headings = row_headings(rows, "option", options, step, right="evidence_words")
    return (
        alt.layer(*headings, *cells)
        .properties(height=alt.Step(step), padding=COLUMN_NAMES_PADDING)
        .resolve_scale(color="independent")
    )


def longest_weeks(*recovery_frames: pd.DataFrame) -> int:
    """The end of one weeks axis shared by every recovery chart on the page, so that equal
    lengths mean equal times from one chart to the next."""
    ends = [
        frame["weeks_max"].max() for frame in recovery_frames if frame["weeks_max"].notna().any()
    ]
    return int(max(ends, default=1)) or 1


def recovery_chart(recovery_rows: pd.DataFrame, milestone: str, longest: int) -> alt.LayerChart:
    """Weeks until one milestone on an axis from 0 to `longest` weeks (the same for every
    recovery chart): a range bar per option from the sourced numbers, in the burden's orange (a
    short mark where the whole range is under a week), the range in words in the row's heading
    and the evidence on the line under it, and a grey box marked "?" where no source gives a time.
    Its words are RECOVERY_FONT_SIZE: on a phone the evidence would not fit beside the heading."""
    size, line = RECOVERY_FONT_SIZE, RECOVERY_LINE_HEIGHT
    heading_room = 2 * line + 4  # the heading, then the evidence under it
    step = heading_room + 6 + 22 + 14
    rows = recovery_rows.assign(
        heading=recovery_rows["option"] + ": " + recovery_rows["in_weeks"].str.lower(),
        evidence_words=recovery_rows["evidence"],
    )[["heading", "evidence_words", "weeks_min", "weeks_max"]]
    order = list(rows["heading"])
    axis = alt.Axis(
        title=t(f"charts.recovery.axis.{milestone}"),
        format="d",
        tickMinStep=1,
        **guide_text(size),
    )

    def weeks(field: str) -> alt.X:
        return alt.X(f"{field}:Q", scale=alt.Scale(domain=[0, longest], nice=True), axis=axis)

    base = alt.Chart(rows).encode(y=alt.Y("heading:N", sort=order, axis=None))
    below_heading = {"yOffset": row_band(step, heading_room)["yOffset"]}
    known = base.transform_filter("isValid(datum.weeks_max)")
    bars = known.mark_bar(height=16, color=RECOVERY_BAR, **below_heading).encode(
        x=weeks("weeks_min"), x2="weeks_max:Q"
    )
    ends = [
        known.mark_tick(thickness=3, size=24, color=RECOVERY_BAR, **below_heading).encode(
            x=weeks(end)
        )
        for end in ("weeks_min", "weeks_max")
    ]
    unknown_weeks = base.transform_filter("!isValid(datum.weeks_max)")
    gap = unknown_weeks.mark_rect(
        fill=NOT_KNOWN_FILL, stroke=OUTLINE, strokeDash=[4, 3], height=22, **below_heading
    ).encode(x=alt.value(0), x2=alt.value({"expr": "width"}))
    gap_words = unknown_weeks.mark_text(**mark_text(size), **below_heading).encode(
        x=alt.value({"expr": "width / 2"}), text=alt.value(t("charts.not_known"))
    )
    headings = row_headings(rows, "heading", order, step, size=size, line_height=line)
    evidence = base.mark_text(
        align="left", baseline="top", yOffset=-step / 2 + 4 + line, **mark_text(size)
    ).encode(x=alt.value(0), text="evidence_words:N")
    return alt.layer(*headings, evidence, bars, *ends, gap, gap_words).properties(
        height=alt.Step(step)
    )


@kept
def overview_alt(rated_rows: pd.DataFrame) -> str:
    attributes = rated_rows["attribute"].nunique()
    options = ", ".join(dict.fromkeys(rated_rows["option"]))
    return t("charts.overview.alt", count=attributes, options=options)


@kept
def attribute_alt(ranked_rows: pd.DataFrame) -> str:
    levels = "; ".join(
        f"{o}: {label}" for o, label in zip(ranked_rows["option"], ranked_rows["label"])
    )
    return t("charts.attribute.alt", attribute=ranked_rows["attribute"].iloc[0], levels=levels)


@kept
def recovery_alt(recovery_rows: pd.DataFrame, milestone: str) -> str:
    ranges = "; ".join(
        f"{o}: {w}" for o, w in zip(recovery_rows["option"], recovery_rows["in_weeks"])
    )
    return t(f"charts.recovery.alt.{milestone}", ranges=ranges)


def alignment_chart(alignment: pd.DataFrame) -> alt.LayerChart:
    """What the person rated important (rows, in the words they rated) by the chosen options
    (columns): each option's level in words and how it lines up, coloured by the fit, one colour
    for each (not by how heavy a burden is); a level not known keeps its own grey "?" cell."""
    fits = alignment["fit"]
    cells = pd.DataFrame(
        {
            "option": alignment["option"],
            "attribute": list(
                map(decide.row_heading, decide.row_names(alignment), alignment["importance"])
            ),
            "label": list(map(decide.level_and_fit, alignment["level"], fits)),
            "scale": FIT,
            "shade": fits.map({code: place for place, code in enumerate(decide.LINES_UP)}),
            "state": alignment["state"],
        }
    )
    # the page's heading names it
    return overview_grid(cells, line_up_text(alignment["option"].nunique()))


# Scan findings in people without back pain ----------------------------------------------------
def findings_chart(findings: pd.DataFrame) -> alt.LayerChart:
    """A line per finding (scan_findings.csv), out of 100 pain-free people by age, each line
    named at its end."""
    names = list(findings["finding"])
    colour = alt.Color(
        "finding:N",
        scale=alt.Scale(domain=names, range=list(CATEGORICAL[: len(names)])),
        legend=None,
    )
    base = alt.Chart(findings_by_age(findings)).encode(
        x=alt.X(
            "age:Q",
            title=t("anatomy.findings.age_axis"),
            scale=alt.Scale(domain=[SCAN_AGES[0], SCAN_AGES[-1]]),
            axis=alt.Axis(values=list(SCAN_AGES), format="d", **guide_text()),
        ),
        y=alt.Y(
            "out_of_100:Q",
            title=t("anatomy.findings.out_of_100_axis"),
            scale=alt.Scale(domain=[0, 100]),
            axis=alt.Axis(**guide_text()),
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
        .mark_text(align="left", dx=9, fontSize=FONT_SIZE, fontWeight="bold")
        .encode(text="finding:N", color=alt.value(TEXT_DARK))
    )
    title = alt.Title(t("anatomy.findings.title").split(LINE_BREAK), anchor="start")
    return (
        (lines + points + labels)
        .properties(title=title, height=400)
        .configure_title(color=TEXT_DARK, fontSize=TITLE_SIZE)
    )


# Icon arrays ----------------------------------------------------------------------------------
# A person: a round head over rounded shoulders, in Vega's symbol space (-1 to 1).
PERSON = (
    "M-0.28,-0.7a0.28,0.28 0 1,0 0.56,0a0.28,0.28 0 1,0 -0.56,0Z "
    "M-0.62,1L-0.62,0.08Q-0.62,-0.34 0,-0.34Q0.62,-0.34 0.62,0.08L0.62,1Z"
)
# One group's 100 people per picture, 10 across. At zoom 1 a person is 0.62 * sqrt(ICON_SIZE),
# about 17 px wide, and the picture 312 px: it fits a 390 px phone unshrunk, so every person stays
# at least 14 px wide there. Two groups are two pictures side by side on a wide screen, one under
# the other on a phone (explorer/ui/pictures.py), never shrunk together to half a phone's width.
ICON_CELL = 30  # pixels per person across
ICON_ROW = 32  # pixels per row of people
ICON_SIZE = 750  # the area of a person's symbol square, in square pixels
SCREEN_ZOOM = 1.0
CONSULT_ZOOM = 1.3  # on a shared screen, where the page's type is 20 px instead of 16
ICONS_PER_ROW = 10
# Bold 16 px characters across one picture (312 px; about 9 px each in English and Spanish).
HEADING_CHARACTERS = 34
# 16 px characters of the key beside its one person (the picture less that person, about 270 px).
KEY_CHARACTERS = 32
KEY_STEP = 1.1  # rows of the key under the people, in rows of people, for a line of words
KEY_GAP = 0.5  # rows between two entries of the key
# Who it happened to, within a range, or not. Benefits are drawn in blues and harms in oranges
# (explorer.style), dark always "it happened"; the range is light with a dashed outline, and
# nobody is white, so the marks also differ in black and white.
HAD, WITHIN_RANGE, DID_NOT = "had", "range", "did_not"
OFFERED = "offered"  # the neutral family of a count that is the treatment a group was offered
ICON_FILLS = {
    kind: {HAD: colours[0], WITHIN_RANGE: colours[1], DID_NOT: PAPER}
    for kind, colours in ICON_COLOURS.items()
}
ICON_DASHES = {HAD: [1, 0], WITHIN_RANGE: [3, 2], DID_NOT: [1, 0]}


def _icon_x(person: int) -> float:
    column = person % ICONS_PER_ROW
    # A small gap after five people per row makes the counts easy to read (5, 10, 15 ...).
    return column + (0.4 if column >= 5 else 0)


def icon_people(count) -> pd.DataFrame:
    """100 people (or the group's own people, when fewer), filled row by row from the top left
    (grouped, never scattered): first those who had the outcome, then those within the range,
    then those who did not."""
    had, within = count.drawn()
    return pd.DataFrame(
        {
            "person": person + 1,
            "x": _icon_x(person),
            "y": person // ICONS_PER_ROW,
            "status": HAD if person < had else WITHIN_RANGE if person < had + within else DID_NOT,
        }
        for person in range(count.size)
    )


def _icon_key(statuses: list[str], outcome: str, rows: int, offered: bool) -> pd.DataFrame:
    """One labelled person per kind of mark drawn, under the people: the legend in words, each
    wrapped to the picture's width, its person in the middle of its lines. A group counted as
    having the treatment it was offered is said so (`offered`)."""
    words = {
        HAD: t("charts.icons.had_offered" if offered else "charts.icons.had", outcome=outcome),
        WITHIN_RANGE: t("charts.icons.within_range"),
        DID_NOT: t("charts.icons.did_not"),
    }
    said = [wrap(words[status], KEY_CHARACTERS) for status in statuses]
    line = PICTURE_LINE_HEIGHT / ICON_ROW  # a line of words, in rows of people
    tall = [max(KEY_STEP - KEY_GAP, _line_count(words) * line) for words in said]
    tops = [rows + 0.2 + sum(tall[:i]) + i * KEY_GAP for i in range(len(said))]
    return pd.DataFrame(
        {
            "x": 0.0,
            "y": [top + height / 2 for top, height in zip(tops, tall)],
            # The top of the words, so their lines sit centred on the person: Vega sets a
            # "middle" baseline on the first line of several, not on the middle of the block.
            "words_top": [
                top + (height - _line_count(words) * line) / 2
                for top, height, words in zip(tops, tall, said)
            ],
            "status": statuses,
            "words": said,
        }
    )


def heading_lines(count) -> int:
    """How many lines the heading over a group's picture takes."""
    return _line_count(wrap(count.heading(), HEADING_CHARACTERS))


def icon_array(count, outcome: str, kind: str, zoom: float = 1.0, lines: int = 1) -> alt.LayerChart:
    """100 people of one group (an explorer.chances.Count) for one outcome, headed by the count,
    with a key in words underneath; `kind` (benefit or harm) picks the colour family, or a neutral
    grey one where the count is the treatment the group was offered (Count.offered). Every
    picture is drawn on the same scale, with room for a heading of at least `lines` lines, so
    two groups side by side line up person by person. `zoom` enlarges people and words alike."""
    cell, row = ICON_CELL * zoom, ICON_ROW * zoom
    font, line = PICTURE_FONT_SIZE * zoom, PICTURE_LINE_HEIGHT * zoom
    people = icon_people(count)
    drawn = set(people["status"])
    statuses = [status for status in (HAD, WITHIN_RANGE, DID_NOT) if status in drawn]
    key = _icon_key(statuses, outcome, -(-count.size // ICONS_PER_ROW), count.offered)
    family = OFFERED if count.offered else kind
    heading = wrap(count.heading(), HEADING_CHARACTERS)
    # Under the heading, room for the first row's heads: they reach about 14 px above its centre.
    top = -(max(lines, _line_count(heading)) * line + 20 * zoom) / row
    bottom = float(key["y"].max()) + _line_count(key["words"].iloc[-1]) * line / row / 2 + 0.4
    columns = ICONS_PER_ROW + 0.4
    x = alt.X(
        "x:Q", scale=alt.Scale(domain=[-0.5, columns - 0.5], nice=False, zero=False), axis=None
    )
    rows = alt.Scale(domain=[top, bottom], nice=False, zero=False, reverse=True)
    y = alt.Y("y:Q", scale=rows, axis=None)
    fills = alt.Scale(domain=statuses, range=[ICON_FILLS[family][s] for s in statuses])
    dashes = alt.Scale(domain=statuses, range=[ICON_DASHES[s] for s in statuses])

    def marks(frame: pd.DataFrame) -> alt.Chart:
        return (
            alt.Chart(frame)
            .mark_point(
                shape=PERSON,
                filled=True,
                size=ICON_SIZE * zoom**2,
                stroke=TEXT_DARK,
                strokeWidth=1.2 * zoom,
                opacity=1,
            )
            .encode(
                x=x,
                y=y,
                fill=alt.Fill("status:N", scale=fills, legend=None),
                strokeDash=alt.StrokeDash("status:N", scale=dashes, legend=None),
            )
        )

    text = mark_text(font)
    title = (
        alt.Chart(pd.DataFrame({"x": [-0.5], "text": [heading]}))
        .mark_text(
            align="left",
            baseline="top",
            lineBreak=LINE_BREAK,
            lineHeight=line,
            fontWeight="bold",
            **text,
        )
        .encode(x=x, y=alt.value(0), text="text:N")
    )
    key_words = (
        alt.Chart(key)
        .mark_text(
            align="left",
            baseline="top",
            dx=cell * 0.7,
            lineBreak=LINE_BREAK,
            lineHeight=line,
            **text,
        )
        .encode(x=x, y=alt.Y("words_top:Q", scale=rows, axis=None), text="words:N")
    )
    return alt.layer(marks(people), marks(key), key_words, title).properties(
        width=round(columns * cell), height=round((bottom - top) * row)
    )
