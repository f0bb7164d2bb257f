"""One visual style for every chart (explorer/charts.py): the colours, the text colour and size,
and how an axis or a legend writes its words. A chart takes these from here, never its own."""

from __future__ import annotations

# One text colour and size for every chart. The scan-findings chart had its own (#1F1F1F, 13 px):
# both pass 4.5:1 on white, so the darker one (18.9:1 against 16.4:1) is kept, at the 12 px that
# the other charts' layout is worked out for (line wrapping, row heights, a phone's width).
TEXT_DARK = "#111111"
TEXT_LIGHT = "#FFFFFF"  # on the two darkest shades
FONT_SIZE = 12
# The words on a picture a reader counts or compares (icon arrays, 0 to 10 bars): at least 16 px,
# the body text's size, so that on a 390 px phone they are read without zooming.
PICTURE_FONT_SIZE = 16
PICTURE_LINE_HEIGHT = 20
# The weeks-until-back-to charts (explorer.charts.recovery_chart): read as a whole, not counted,
# yet not the 12 px of a dense grid (3rd review, round 6): 14 px, the largest that fits a phone
# with each row's evidence on its own line under its heading.
RECOVERY_FONT_SIZE = 14
RECOVERY_LINE_HEIGHT = 18
TITLE_SIZE = 15  # a chart's own title, where the page's heading does not name it
PAPER = "#FFFFFF"
OUTLINE = "#555555"  # 7.5:1 on white

# Okabe-Ito colours that reach 3:1 on white, one per category. .streamlit/config.toml gives the
# same to Streamlit's theme (chartCategoricalColors; tests/test_charts.py checks they agree).
CATEGORICAL = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#555555")
BAR_COLOUR = CATEGORICAL[0]  # Okabe-Ito blue, 5.2:1 on white

# A lightness ramp in one hue (the Okabe-Ito blue family): greys 244, 215, 172, 103 and 51 when
# printed in black and white. Text is near-black on the three lightest shades and white on the
# two darkest (at least 4.8:1 everywhere).
SHADE_COLOURS = ("#EFF5FB", "#C4DCF0", "#86B6DD", "#2F75B5", "#0B3C6E")
FIRST_DARK_SHADE = 3

# Benefits in blues, harms and burdens in oranges: two colour families that people with the common
# red-green colour-vision deficiencies still tell apart (blue against yellow-orange is the axis
# they keep). In both, darker means more of it, never "better" in one and "worse" in the other.
# The burden ramp: greys 247, 217, 192, 95 and 66 in black and white; near-black text on the
# three lightest, white on the two darkest (at least 5.5:1).
BURDEN_COLOURS = ("#FFF5EB", "#F9D2A8", "#F2B477", "#B34700", "#7A3300")
# Pictures of 100 people (explorer.charts.icon_array), by kind of outcome: who it happened to,
# dark (at least 7.5:1 on white, so the marks meet the 3:1 asked of graphics), and the light fill
# of a range (with a dashed outline).
ICON_COLOURS = {
    "benefit": (SHADE_COLOURS[4], SHADE_COLOURS[2]),
    "harm": ("#8F3B00", BURDEN_COLOURS[2]),
    # A group counted as having the treatment it was offered (a trial arm offered the operation):
    # neither a benefit nor a harm, so a neutral grey, never the harm's orange (3rd review P6).
    "offered": ("#4D4D4D", "#B3B3B3"),
}
# How an option lines up with what the person rated (the What matters line-up): one colour for
# each fit, not a ramp of burden or benefit, so two "lines up well" cells are always the same
# colour. Blue for well, yellow for partly, pink for poorly: light tints of Okabe-Ito blue, yellow
# and reddish purple that stay apart in the common colour-vision deficiencies by blue against
# yellow, and by lightness (greys 137, 189 and 124). Near-black text on all three (at least
# 9.7:1); every cell also says its fit in words.
FIT_COLOURS = ("#8EC9EE", "#F3E08A", "#E9A6C8")
# A level that is not known: a grey cell marked "?", outside both families' ramps.
NOT_KNOWN_FILL = "#D9D9D9"


def guide_text(size: float = FONT_SIZE) -> dict:
    """An axis's or a legend's labels and title in the charts' text style (Vega-Lite calls both
    guides): the theme's light grey is below 4.5:1 on white."""
    return {
        "labelFontSize": size,
        "titleFontSize": size,
        "labelColor": TEXT_DARK,
        "titleColor": TEXT_DARK,
    }


def mark_text(size: float = FONT_SIZE) -> dict:
    """A text mark's size and colour: the charts' text style, enlarged where a picture is."""
    return {"fontSize": size, "color": TEXT_DARK}
