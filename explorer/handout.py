"""The take-home summary as a PDF, made by the app itself (fpdf2, offline, no browser)."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from explorer.decide import APP_NAME, NOT_A_RECOMMENDATION, Summary

# fpdf2's built-in fonts cover Latin-1 only; map the few typographic characters we use.
_LATIN1 = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "→": "->", "·": "-"})
BODY = 8.5
LINE = 3.9


def _latin1(text: str) -> str:
    return str(text).translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


class _Handout(FPDF):
    def __init__(self, footer_text: str):
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.set_margins(14, 12, 14)
        self.set_auto_page_break(auto=True, margin=14)

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("Helvetica", size=7)
        self.cell(0, 4, _latin1(f"{self.footer_text}   Page {self.page_no()} of {{nb}}"), align="C")

    def heading(self, text: str) -> None:
        self.ln(1.5)
        self.set_font("Helvetica", "B", 11)
        self.multi_cell(0, 5.5, _latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def paragraph(self, text: str, size: float = BODY, style: str = "") -> None:
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, LINE, _latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")

    def bullet(self, text: str) -> None:
        self.set_font("Helvetica", "", BODY)
        self.multi_cell(0, LINE, _latin1("- " + text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")


def summary_pdf(summary: Summary) -> bytes:
    """A one- or two-page A4 handout, legible in black and white."""
    release = summary.release
    pdf = _Handout(
        f"{APP_NAME} v{release['version']} - content date {release['content_date']} - "
        f"next review by {release['next_review_date']}"
    )
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.cell(0, 8, _latin1(f"{APP_NAME}: my summary"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.paragraph(NOT_A_RECOMMENDATION, style="B")

    pdf.heading("The options I looked at")
    pdf.paragraph(", ".join(summary.option_names) + ".")
    for note in summary.notes:
        pdf.paragraph(note, style="I")
    for row in summary.rows:
        pdf.heading(row.question)
        for cell in row.cells:
            pdf.set_font("Helvetica", "B", BODY)
            pdf.multi_cell(0, LINE, _latin1(cell.option_name), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.paragraph(f"{cell.answer} ({cell.evidence_line()})")

    pdf.heading("What matters to me")
    if summary.priorities:
        for statement, importance in summary.priorities:
            pdf.bullet(f"{statement}: {importance}")
    else:
        pdf.paragraph("Not rated.")
    if not summary.alignment.empty:
        pdf.heading("How the options line up with what I rated important")
        for line in alignment_lines(summary):
            pdf.bullet(line)

    right, total = summary.quiz_score
    pdf.heading(f"Check your understanding: {right} of {total} right")
    for statement, answer, feedback in summary.quiz:
        pdf.bullet(f"{statement} My answer: {answer}. {feedback}")

    pdf.heading("SURE test")
    pdf.paragraph(summary.sure.summary() + ".")
    if summary.sure.talk_more:
        pdf.paragraph("At least one answer was 'No'. Talk this through with your clinician before deciding.", style="B")

    pdf.heading("Questions to ask my clinician")
    for question in summary.questions:
        pdf.bullet(question)

    pdf.heading("Sources")
    for source in summary.sources.itertuples():
        pdf.paragraph(f"{source.Source}  {source.Citation} ({source.Year})", size=6.5)
    return bytes(pdf.output())


def alignment_lines(summary: Summary) -> list[str]:
    """The alignment table as one sentence per statement and option, for print."""
    return [
        f"{row.Statement} - {row.Option}: {row.Level} ({row.Fit.lower()})"
        for row in summary.alignment.itertuples()
    ]
