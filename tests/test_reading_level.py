"""Every text a patient reads reads at grade 8 or lower, with no sentence over 25 words: each
catalogue file, each Markdown file and each data file's patient columns, scored by file."""

from __future__ import annotations

import functools
import gc
import subprocess
import sys

import pandas as pd
import pytest
from textstat.backend.utils import get_cmudict

from explorer import readability, words
from explorer.data import read_raw
from explorer.rules.files import FILES, point_columns
from explorer.rules.vocabulary import split_points
from tests.conftest import DATA, ROOT

# The data files as written (file order), so a failure names the row a spreadsheet shows.
TABLES = {file.name: read_raw(DATA, file)[0] for file in FILES}
LANGUAGE_DIR = ROOT / "content" / words.LANGUAGE
ENGLISH = readability.ENGLISH  # the made-up language "xx" is read by the English rules
NAMES = [source.name for source in readability.text_sources(TABLES)]


@functools.cache  # measured once, by the worker that runs these tests, not while collecting
def scores() -> dict[str, readability.Score]:
    return {score.name: score for score in readability.measure(TABLES)}


HARD = (
    "Notwithstanding considerable methodological heterogeneity, randomised investigations "
    "demonstrated statistically indistinguishable functional outcomes."
)
LONG = " ".join(["we go to the park and then we go home"] * 3) + "."  # 30 short words


@pytest.mark.parametrize("name", NAMES)
def test_each_text_file_and_data_file_is_easy_to_read(name):
    problems = scores()[name].problems()
    assert not problems, "\n".join(problems)


def test_every_catalogue_file_markdown_file_and_patient_column_is_scored():
    kinds = {name: score.kind for name, score in scores().items()}
    for path in LANGUAGE_DIR.glob("*.toml"):
        assert kinds[path.name] == readability.CATALOGUE
    for path in LANGUAGE_DIR.glob("*.md"):
        assert kinds[path.name] == readability.MARKDOWN
    for file in FILES:
        if readability.patient_columns(file):
            assert kinds[file.name] == readability.DATA
    assert scores()["answers.csv"].words > 1000  # the comparison answers are in
    assert scores()["anatomy.toml"].words > 300  # the words explorer/ once built from literals


def test_citations_and_ids_are_not_scored_as_patient_text():
    sources = next(file for file in FILES if file.name == "sources.csv")
    assert readability.patient_columns(sources) == []
    answers = next(file for file in FILES if file.name == "answers.csv")
    assert readability.patient_columns(answers) == ["answer", "key_points"]


def test_the_key_points_on_their_own_are_easy_to_read():
    # The shared screen shows only the key points: they pass alone, not helped by the answers.
    for score in key_point_scores(TABLES, "en"):
        assert score.passes, "\n".join(score.problems())


def key_point_scores(tables, language):
    """Each points column of each data file, scored on its own by the language's rules."""
    rules = readability.rules_for(language)
    terms = readability.allowed_terms(tables, language)
    return [
        readability.score(
            readability.data_name(file.name, language),
            [point for cell in tables[file.name][column] for point in split_points(cell)],
            terms,
            rules,
        )
        for file in FILES
        for column in point_columns(file)
    ]


def test_each_key_point_is_read_on_its_own_and_named_by_its_number(tmp_path):
    root = made_up_content(tmp_path, '[page]\ntitle = "Your visit"\n')
    # Points need not end as sentences: each is one, never run into the next.
    easy = " | ".join(["we go to the park and then we go home"] * 3)
    tables = {
        "answers.csv": pd.DataFrame(
            {"answer": ["It is fine.", "It is fine."], "key_points": [easy, f"Fine | {HARD}"]}
        )
    }
    score = {s.name: s for s in readability.measure(tables, "xx", root, ENGLISH)}["xx/answers.csv"]
    assert score.longest_sentence_words == readability.word_count(HARD)  # not 30: three points
    assert score.hardest[0][0] == "row 3, column key_points, point 2"


def test_the_gate_reads_no_python():
    for path in (ROOT / "explorer").rglob("*.py"):
        code = path.read_text(encoding="utf-8")
        assert "import ast" not in code and "from ast" not in code, path.name


def test_the_about_tables_need_no_streamlit():
    code = "import sys, explorer.about; print('streamlit' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# ---------------------------------------------------------------------------------------------
# The rules, on small made-up inputs


def made_up_content(tmp_path, toml: str, markdown: str = "", glossary: str = ""):
    folder = tmp_path / "xx"
    folder.mkdir(parents=True)
    (folder / "words.toml").write_text(toml, encoding="utf-8")
    (folder / "page.md").write_text(markdown or "You go home the same day.\n", encoding="utf-8")
    if glossary:
        (folder / readability.GLOSSARY_FILE).write_text(glossary, encoding="utf-8")
    return tmp_path


def test_a_too_hard_text_is_caught_naming_its_file_and_key(tmp_path):
    root = made_up_content(
        tmp_path, f'[page]\ntitle = "Your visit"\n\n[page.detail]\nhard = "{HARD}"\n'
    )
    score = {s.name: s for s in readability.measure({}, "xx", root, ENGLISH)}["words.toml"]
    assert score.level > readability.ENGLISH.limit and not score.passes
    [problem] = score.problems()
    assert problem.startswith("words.toml: flesch_kincaid_grade") and "page.detail.hard" in problem


def test_a_too_long_sentence_is_caught_naming_its_file_and_row_and_column(tmp_path):
    root = made_up_content(tmp_path, '[page]\ntitle = "Your visit"\n')
    tables = {"answers.csv": pd.DataFrame({"answer": ["It is fine.", f"It is fine. {LONG}"]})}
    scores = {s.name: s for s in readability.measure(tables, "xx", root, ENGLISH)}
    answers = scores["xx/answers.csv"]  # another language's data words: data/xx/answers.csv
    assert answers.level <= readability.ENGLISH.limit  # easy words, yet it fails
    assert answers.longest_sentence_words == 30 and answers.too_long == (
        ("row 3, column answer", LONG),
    )
    assert answers.problems() == [
        f"xx/answers.csv, row 3, column answer: a sentence of 30 words, over 25: {LONG!r}"
    ]
    assert scores["words.toml"].passes and scores["page.md"].passes


def test_a_too_long_sentence_in_markdown_is_caught_by_its_line(tmp_path):
    root = made_up_content(tmp_path, '[page]\ntitle = "Your visit"\n', f"# Visit\n\n{LONG}\n")
    score = {s.name: s for s in readability.measure({}, "xx", root, ENGLISH)}["page.md"]
    assert score.too_long == (("line 3", LONG),)


def test_easy_texts_pass():
    easy = readability.score("easy", ["You go home the same day. It takes about an hour."])
    assert easy.level <= readability.ENGLISH.limit and easy.passes and not easy.problems()
    assert not readability.score("hard", [HARD]).passes


def test_placeholders_are_read_as_a_stand_in_word(tmp_path):
    root = made_up_content(
        tmp_path,
        '[a]\nsentence = "You have {count} problem(s) in {file}."\nonly = "{low}–{high}"\n',
    )
    texts = readability.catalogue_texts(root / "xx" / "words.toml")
    assert texts == [readability.Text("a.sentence", "You have it problem(s) in it.")]


def test_a_label_is_not_a_sentence():
    assert readability.is_label("Kind of change") and readability.is_label("Moderate")
    assert not readability.is_label("You go home the same day.")
    assert not readability.is_label(" ".join(["word"] * (readability.LABEL_MAX_WORDS + 1)))
    # Read as sentences, ten short labels would make the long sentence look easier than it is.
    as_labels = readability.score("labels", [LONG, *["Open the page"] * 10])
    as_sentences = readability.score("sentences", [LONG, *["Open the page."] * 10])
    assert as_labels.level > as_sentences.level
    assert as_labels.longest_sentence_words == 30


def test_only_labels_score_their_words():
    easy = readability.score("easy", ["Low", "High", "Not known"])
    hard = readability.score("hard", ["Investigational", "Intervertebral degeneration"])
    assert easy.longest_sentence_words == 0 and easy.level <= readability.ENGLISH.limit
    assert hard.level > readability.ENGLISH.limit


def test_markdown_is_stripped_and_every_block_ends_a_sentence():
    blocks = readability.markdown_blocks(
        "### Why\n\nSome **bold** words\n\n1. First step\n2. Second step."
    )
    assert (
        " ".join(block.text for block in blocks) == "Why. Some bold words. First step. Second step."
    )


def test_glossary_terms_and_option_names_count_as_short_words(tmp_path):
    text = "Intra-annular fibrin injection is investigational. Physiotherapy is rehabilitation."
    plain = made_up_content(tmp_path / "plain", f'[a]\nb = "{text}"\n')
    with_glossary = made_up_content(
        tmp_path / "glossary",
        f'[a]\nb = "{text}"\n',
        glossary="# terms we explain\ninvestigational\nphysiotherapy\n\nrehabilitation\n",
    )
    assert readability.glossary("xx", with_glossary) == [
        "investigational",
        "physiotherapy",
        "rehabilitation",
    ]
    options = {
        "options.csv": pd.DataFrame(
            {"name": ["Intra-annular fibrin injection"], "short_name": ["Fibrin"]}
        )
    }

    def grade(root, tables):
        return {s.name: s for s in readability.measure(tables, "xx", root, ENGLISH)}["words.toml"]

    assert grade(with_glossary, {}).level < grade(plain, {}).level
    assert grade(with_glossary, options).level < grade(with_glossary, {}).level
    assert grade(with_glossary, options).words == grade(plain, {}).words  # every word counts


def test_the_shipped_glossary_is_read():
    assert "epidural" in readability.glossary()


def test_the_content_stamp_changes_when_a_text_file_is_saved(tmp_path):
    root = made_up_content(tmp_path, '[a]\nb = "Yes"\n')
    before = readability.content_stamp("xx", root)
    (root / "xx" / "page.md").write_text("You go home the same day. It takes an hour.\n")
    assert readability.content_stamp("xx", root) != before


def test_measuring_leaves_no_pronouncing_dictionary_in_memory():
    # Kept in the server, textstat's 260,000-object dictionary makes every garbage collection slow.
    readability.measure(TABLES)
    assert get_cmudict.cache_info().currsize == 0
    gc.collect()
    assert not any(isinstance(o, dict) and len(o) > 100_000 for o in gc.get_objects())
