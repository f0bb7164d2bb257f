"""The take-home summary as a PDF, made by the app itself (fpdf2, offline, no browser)."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from explorer import decide, safety, summary_card
from explorer.decide import CITATION_GAP, NO_FIT, Summary, citations
from explorer.words import t

# One of fpdf's built-in fonts: nothing to embed, and it holds every Latin-1 letter.
FONT = "Helvetica"

# fpdf2's built-in fonts cover Latin-1 only; map the few typographic characters we use.
_LATIN1 = str.maketrans(
    {
        "•": "\u00b7",
        "–": "-",
        "—": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "→": "->",
        "†": "+",  # the mark of a level from a group only partly in the situation
        "←": "<-",
        "·": "-",
    }
)
BODY = 8.5
LINE = 3.7
HEADING = 10
SMALL = 7
SMALLEST = 5.5
# The card alone on the first page, then the details on one or two more.
MAX_PAGES = 3
# A clinic's longer content must still fit three pages: try smaller type before giving up.
SCALES = (1.0, 0.92, 0.85, 0.78)
# The card has its page to itself, so its type is larger than the details' (a page a person
# reads first, often aloud to them): the largest that keeps it to that page, never smaller than
# the details' full size, whatever size the details shrink to.
CARD_SCALES = (1.4, 1.25, 1.1, 1.0)


def printable(text: str) -> str:
    """`text` as the PDF prints it: the few typographic characters mapped to Latin-1."""
    return str(text).translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


def unprintable(text: str) -> set[str]:
    """The characters of `text` the PDF's built-in fonts cannot print: they would come out as
    "?". A language written outside Latin-1 needs a Unicode font here first (tests check every
    language's words)."""
    return {character for character in str(text).translate(_LATIN1) if ord(character) > 0xFF}


class _Handout(FPDF):
    def __init__(self, footer_text: str, scale: float):
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.type_at(scale)
        self.set_margins(13, 10, 13)
        self.set_auto_page_break(auto=True, margin=12)

    def type_at(self, scale: float) -> None:
        """The type sizes of what is drawn next: `scale` times the full size."""
        self.body = BODY * scale
        self.line = LINE * scale
        self.head = HEADING * scale
        # The grid and the citations shrink with the body text, never below what prints legibly.
        self.small = max(SMALL * scale, SMALLEST)

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FONT, size=7)
        # "{nb}" is fpdf's stand-in for the page count, filled in when the document is done.
        footer = t("handout.page", footer=self.footer_text, page=self.page_no(), pages="{nb}")
        self.cell(0, 4, printable(footer), align="C")

    def heading(self, text: str) -> None:
        self.ln(1)
        self.set_font(FONT, "B", self.head)
        self.multi_cell(0, self.head / 2, printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def paragraph(self, text: str, style: str = "") -> None:
        self.set_font(FONT, style, self.body)
        self.multi_cell(
            0, self.line, printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
        )

    def bullet(self, text: str) -> None:
        self.set_font(FONT, "", self.body)
        self.multi_cell(
            0, self.line, printable("- " + text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
        )


class _Transcript(_Handout):
    """A handout that keeps every text it prints, as given to fpdf (before lines are wrapped)."""

    def __init__(self, footer_text: str, scale: float):
        super().__init__(footer_text, scale)
        self.texts: list[str] = []

    def cell(self, *args, **kwargs):
        self.texts.append(kwargs["text"] if "text" in kwargs else args[2])
        return super().cell(*args, **kwargs)

    def multi_cell(self, *args, **kwargs):
        self.texts.append(kwargs["text"] if "text" in kwargs else args[2])
        return super().multi_cell(*args, **kwargs)


def transcript(summary: Summary) -> list[str]:
    """Every text the handout prints, in order, each once, with the page count filled in: the
    PDF's words, for a translator's review (explorer/translation/review.py)."""
    pdf = _summary_at(summary, SCALES[0], card_scale(summary), _Transcript)
    pdf.output()  # prints the footers, and counts the pages
    pages = str(pdf.page_no())
    return [text.replace(pdf.str_alias_nb_pages, pages) for text in dict.fromkeys(pdf.texts)]


def summary_pdf(summary: Summary) -> bytes:
    """An A4 handout of up to three pages, legible in black and white, its first page the card:
    the largest type that fits (the card's own, larger, on its page); the smallest if none does."""
    card_at = card_scale(summary)
    for scale in SCALES[:-1]:
        try:
            return bytes(_summary_at(summary, scale, card_at, _Trial).output())
        except _TooLong:
            continue
    return bytes(_summary_at(summary, SCALES[-1], card_at).output())


class _TooLong(Exception):
    pass


class _Trial(_Handout):
    """A handout at a type size that may not fit: it stops at the first page past MAX_PAGES
    (laying out the rest, only to throw it away, took a quarter of the time)."""

    def add_page(self, *args, **kwargs) -> None:
        if self.page_no() == MAX_PAGES:
            raise _TooLong
        super().add_page(*args, **kwargs)


def card_scale(summary: Summary) -> float:
    """The largest of CARD_SCALES at which the card fits its one page."""
    for scale in CARD_SCALES:
        pdf = _Handout("", scale)
        pdf.add_page()
        card(pdf, summary)
        if pdf.page_no() == 1:
            return scale
    return CARD_SCALES[-1]


def _summary_at(
    summary: Summary, scale: float, card_at: float, handout: type[_Handout] = _Handout
) -> _Handout:
    release = summary.release
    pdf = handout(
        t(
            "handout.footer",
            app=t("app.name"),
            version=release["version"],
            content_date=release["content_date"],
            next_review_date=release["next_review_date"],
        ),
        scale,
    )
    pdf.alias_nb_pages()
    pdf.type_at(card_at)
    pdf.add_page()
    card(pdf, summary)
    pdf.type_at(scale)
    pdf.add_page()  # the card is the first page on its own; the details follow

    pdf.heading(t("situation.heading"))
    for line in summary.situation:  # each option's fit on its own line, as on the page
        pdf.paragraph(line)
    pdf.heading(t("handout.options"))
    pdf.paragraph(", ".join(summary.option_names) + ".")
    for note in summary.notes:
        pdf.paragraph(note, style="I")
    get_help_now(pdf, summary.get_help, summary.get_help_elsewhere)
    for row in summary.rows:
        pdf.heading(row.question)
        for cell in row.cells:
            pdf.set_font(FONT, "B", pdf.body)
            pdf.multi_cell(
                0, pdf.line, printable(cell.option_name), new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
            for part in cell.parts():  # its claim about people in the situation first
                pdf.paragraph(f"{part.labelled()} ({part.note})")

    pdf.heading(t("handout.what_matters"))
    if summary.priorities:
        for statement, level in summary.priorities:
            pdf.bullet(f"{statement}: {decide.importance_words(level)}")
    else:
        pdf.paragraph(t("handout.not_rated"))
    if not summary.alignment.empty:
        pdf.heading(t("handout.alignment"))
        if summary.alignment_note:
            pdf.paragraph(summary.alignment_note)
        alignment_grid(pdf, summary)

    pdf.heading(decide.quiz_heading(summary))
    for statement, choice, feedback in summary.quiz:
        answer = decide.answer_words(choice)
        pdf.bullet(t("handout.quiz_answer", statement=statement, answer=answer, feedback=feedback))

    pdf.heading(t("handout.sure"))
    pdf.paragraph(summary.sure.summary())
    if summary.sure.talk_more:
        pdf.paragraph(t("decide.sure.talk_more"), style="B")

    pdf.heading(t("handout.sources"))
    # One flowing paragraph: full citations, without a half-empty line each.
    pdf.set_font(FONT, "", pdf.small - 1)
    paragraph = CITATION_GAP.join(citations(summary))
    pdf.multi_cell(
        0, pdf.small * 0.43, printable(paragraph), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
    )
    return pdf


def card(pdf: _Handout, summary: Summary) -> None:
    """The first page, what the summary's card shows on screen (explorer/summary_card.py): the
    situation, each option's two lines, the top priorities, the leaning, the questions, the next
    step, and one line saying where the warning signs are (the full list opens the next page)."""
    pdf.set_font(FONT, "B", pdf.head * 1.5)
    title = t("handout.title", app=t("app.name"))
    pdf.cell(0, pdf.head * 0.8, printable(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.paragraph(t("decide.not_a_recommendation"), style="B")
    pdf.ln(1)
    pdf.paragraph(summary_card.situation_text(summary), style="B")
    for option in summary.card_options:
        pdf.heading(option.option_name)
        for line in option.lines:
            pdf.paragraph(_labelled(f"summary.card.role.{line.role}", summary_card.line_text(line)))
    pdf.ln(1)
    priorities = "; ".join(summary.top_priorities) or t("summary.card.not_rated")
    pdf.paragraph(_labelled("summary.card.priorities", priorities))
    pdf.paragraph(_labelled("summary.card.leaning", summary.card_leaning))
    pdf.heading(t("handout.questions"))
    for question in summary.questions:
        pdf.bullet(question)
    pdf.ln(1)
    pdf.paragraph(_labelled("summary.card.next_step_label", t("summary.card.next_step")), "B")
    pdf.paragraph(t("handout.warning_line"), style="B")


def _labelled(label_key: str, text: str) -> str:
    return t("handout.labelled", label=t(label_key), text=text)


def get_help_now(pdf: _Handout, groups: list[safety.WarningGroup], elsewhere: str) -> None:
    """The warning signs in a box, so that they stand out on a black-and-white printout."""
    top = pdf.get_y() + 1
    pdf.ln(1)
    pdf.set_x(pdf.l_margin + 1)
    pdf.heading(t("get_help.title"))
    pdf.paragraph(t("get_help.intro"))
    pdf.paragraph(elsewhere, style="B")  # first: every action names the country's numbers
    for group in groups:
        pdf.paragraph(group.heading, style="B")
        pdf.paragraph(safety.signs_run_on(group))
        pdf.paragraph(group.action, style="B")
    pdf.set_font(FONT, "", pdf.small - 1)
    pdf.multi_cell(
        0,
        pdf.small * 0.43,
        printable(safety.sources_line(groups)),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.rect(pdf.l_margin - 1.5, top, pdf.epw + 3, pdf.get_y() - top + 1)
    pdf.ln(2)


def alignment_grid(pdf: _Handout, summary: Summary) -> None:
    """The alignment as a compact grid: what matters (rows) by option (columns), each cell the
    level in words and how it lines up."""
    grid = alignment_cells(summary)
    pdf.set_font(FONT, "", pdf.small)
    with pdf.table(
        col_widths=(1.4, *([1] * (len(grid.columns)))),
        text_align="LEFT",
        line_height=pdf.small * 0.44,
        padding=0.8,
    ) as table:
        header = table.row()
        for name in (t("handout.what_matters"), *grid.columns):
            header.cell(printable(name))
        for topic, cells in grid.iterrows():
            row = table.row()
            row.cell(printable(topic))
            for cell in cells:
                row.cell(printable(cell))


def alignment_cells(summary: Summary):
    """Alignment rows pivoted to one line per topic, one column per option, in page order."""
    alignment = summary.alignment
    cells = alignment.assign(
        row=[
            t("handout.grid_row", statement=statement, topic=topic.lower())
            for statement, topic in zip(alignment["statement"], alignment["topic"])
        ],
        cell=[
            level if fit in NO_FIT else t(f"handout.grid_cell.{fit}", level=level)
            for level, fit in zip(alignment["level"], alignment["fit"])
        ],
    )
    grid = cells.pivot(index="row", columns="option", values="cell")
    return grid.loc[list(dict.fromkeys(cells["row"])), list(dict.fromkeys(cells["option"]))]
