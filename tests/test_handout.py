"""The PDF handout: valid, its first page the summary's card, at most three pages, and about the
options the person chose."""

import re
import statistics
import subprocess

import pytest

from explorer import decide, handout, summary_card, words
from explorer.decide import Answers
from explorer.situation import NOT_SURE
from explorer.words import t
from tests.conftest import FIXTURE_DATA, fixture_content, require_program, snapshot_of

CONTENT = fixture_content()
ALL = list(CONTENT.option_names())


def pdf_text(pdf: bytes, tmp_path, *pages_wanted: str) -> tuple[int, str]:
    """The page count and the words (of the pages `pages_wanted`, e.g. "-f", "1", "-l", "1")."""
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    pdfinfo, pdftotext = require_program("pdfinfo"), require_program("pdftotext")
    info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(
        [pdftotext, "-layout", *pages_wanted, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return pages, " ".join(text.split())


FIRST_PAGE = ("-f", "1", "-l", "1")


def full_answers() -> Answers:
    return Answers(
        ratings={statement: 3 for statement in CONTENT.statements["statement_id"]},
        quiz={item: "true" for item in CONTENT.quiz["item_id"]},
        sure={item: "no" for item in decide.SURE_ITEMS},
    )


@pytest.mark.parametrize("options", [["nerve_block", "gel"], ALL])
def test_pdf_is_at_most_three_pages_about_the_chosen_options(options, tmp_path):
    pdf = handout.summary_pdf(decide.summary(CONTENT, options, full_answers()))
    assert pdf.startswith(b"%PDF-")
    pages, text = pdf_text(pdf, tmp_path)
    assert 2 <= pages <= handout.MAX_PAGES
    names = CONTENT.option_names()
    assert f"The options I looked at {', '.join(names[o] for o in options)}." in text
    for option_id in options:  # every chosen option gets the same rows
        assert text.count(names[option_id]) >= 1 + len(CONTENT.summary_question_ids)
    assert "does not recommend any option" in text
    assert f"v{CONTENT.release['version']}" in text and CONTENT.release["content_date"] in text
    assert t("decide.sure.talk_more") in text  # SURE had a "no"
    assert t("decide.quiz.answers.true") in text  # the answers in words, not their codes


def test_pdf_without_any_answers_still_makes_sense(tmp_path):
    pages, text = pdf_text(
        handout.summary_pdf(decide.summary(CONTENT, ["gel"], Answers())), tmp_path
    )
    assert pages <= handout.MAX_PAGES  # the card, one option's rows and the warning signs
    assert t("handout.not_rated") in text and t("decide.sure.not_done") in text


@pytest.mark.parametrize("validated", [True, False])
def test_the_pdf_says_when_the_sure_wording_is_not_validated(
    validated, sure_validated_in, tmp_path
):
    sure_validated_in(*(["es"] if validated else []))
    with words.speaking("es"):
        content = snapshot_of(FIXTURE_DATA).content("es")
        pdf = handout.summary_pdf(decide.summary(content, ["gel"], full_answers()))
        not_validated = t("decide.sure.not_validated")
    _, text = pdf_text(pdf, tmp_path)
    assert (not_validated in text) is not validated


def test_the_printed_grid_follows_the_catalogue_wording(monkeypatch, tmp_path, fresh_memo):
    """The grid maps the fit codes to words: new wording prints, and nothing reads words back."""
    wording = {
        **words.catalogue(),
        "decide.fit.well": "Fits closely",
        "decide.fit.poorly": "Fits badly",
        "decide.fit.not_known": "Unknown",
        "handout.grid_cell.well": "{level} / closely",
        "handout.grid_cell.poorly": "{level} / badly",
    }
    monkeypatch.setattr(words, "catalogue", lambda language=words.LANGUAGE: wording)
    summary = decide.summary(CONTENT, ALL, Answers(ratings={"light_touch": 3}))
    cells = handout.alignment_cells(summary).stack().tolist()
    assert any(cell.endswith(" / closely") for cell in cells)
    assert any(cell.endswith(" / badly") for cell in cells)
    assert not any(cell.endswith(("well", "poorly")) for cell in cells)
    pages, text = pdf_text(handout.summary_pdf(summary), tmp_path)
    assert pages <= handout.MAX_PAGES and "/ closely" in text


def test_a_letter_the_pdf_cannot_print_is_found_before_it_becomes_a_question_mark():
    assert handout.unprintable("Ωμέγα, 中文 and plain") == {"Ω", "μ", "έ", "γ", "α", "中", "文"}
    assert handout.unprintable("Año — niño → “sí” · 1 ≤ 2") == {"≤"}


@pytest.mark.parametrize("language", words.languages())
def test_every_word_of_each_languages_catalogue_prints(language):
    unprintable = {
        key: handout.unprintable(text)
        for key, text in words.catalogue(language).items()
        if handout.unprintable(text)
    }
    assert unprintable == {}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    ("situation_id", "options"), [("leg_pain", ["rest", "nerve_block"]), (NOT_SURE, ALL)]
)
def test_the_first_page_is_the_card_and_the_next_step(language, situation_id, options, tmp_path):
    """Page 1: the situation, each option's two lines by the card's rule, the top priorities,
    the leaning, the questions, the next step and one line saying where the warning signs are;
    the full warning list and the evidence come after it."""
    answers = Answers(ratings={"light_touch": 3}, leaning="gel")
    with words.speaking(language):
        content = snapshot_of(FIXTURE_DATA).content(language)
        summary = decide.summary(content, options, answers, situation_id)
        pdf = handout.summary_pdf(summary)
        card = [
            summary_card.situation_text(summary),
            *(
                t(
                    "handout.labelled",
                    label=t(f"summary.card.role.{line.role}"),
                    text=summary_card.line_text(line),
                )
                for option in summary.card_options
                for line in option.lines
            ),
            *summary.top_priorities,
            summary.card_leaning,
            *summary.questions,
            t("summary.card.next_step"),
            t("handout.warning_line"),
        ]
        later = [t("get_help.intro"), *(row.question for row in summary.rows)]
    _, first = pdf_text(pdf, tmp_path, *FIRST_PAGE)
    flat = first.replace("- ", "")  # a bullet's dash
    missing = [said for said in card if printed(said) not in flat]
    assert missing == []
    assert [said for said in later if said in first] == []
    _, rest = pdf_text(pdf, tmp_path, "-f", "2")
    assert all(said in rest for said in later)
    # The situation, the options aimed at it and every option's fit, as the summary page has them.
    assert [line for line in summary.situation if printed(line) not in rest] == []


def printed(said: str) -> str:
    """What the PDF's text shows of `said`: in its letters, spaces as pdftotext gives them."""
    return " ".join(handout.printable(said).split())


def word_heights(pdf: bytes, tmp_path, page: int) -> list[float]:
    """The height of each word's box on `page` (in points; about its type size)."""
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    pdftotext = require_program("pdftotext")
    boxes = subprocess.run(
        [pdftotext, "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        float(y_max) - float(y_min)
        for y_min, y_max in re.findall(r'<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)"', boxes)
    ]


def test_the_card_page_keeps_its_full_size_type_when_the_details_shrink(tmp_path, monkeypatch):
    """Details too long for their pages shrink to fit (here: made to, to the smallest size); the
    card, alone on its page, does not shrink with them (its type at least the details' full
    size)."""
    summary = decide.summary(CONTENT, ALL, full_answers())
    full_size = statistics.median(word_heights(handout.summary_pdf(summary), tmp_path, 2))
    monkeypatch.setattr(handout, "SCALES", handout.SCALES[-1:])
    pdf = handout.summary_pdf(summary)
    card, details = (statistics.median(word_heights(pdf, tmp_path, page)) for page in (1, 2))
    assert details < full_size <= card, (details, full_size, card)


def test_the_details_shrink_only_when_they_run_past_the_last_page(tmp_path, monkeypatch):
    """The largest type that fits: full size while the handout fits its pages, smaller as soon
    as it runs one page past them (here the page limit is moved, not the content)."""
    summary = decide.summary(CONTENT, ALL, full_answers())
    pdf = handout.summary_pdf(summary)
    pages, _ = pdf_text(pdf, tmp_path)
    full_size = statistics.median(word_heights(pdf, tmp_path, 2))
    for limit, shrinks in ((pages, False), (pages - 1, True)):
        monkeypatch.setattr(handout, "MAX_PAGES", limit)
        size = statistics.median(word_heights(handout.summary_pdf(summary), tmp_path, 2))
        assert (size < full_size) == shrinks, (limit, size, full_size)
