"""Every text a Spanish reader reads scores 65 or more on the Szigriszt-Pazos index (INFLESZ
scale: "bastante fácil"), with no sentence over 20 words: each file of content/es/ and each
translated data file's patient columns in data/es/, scored by file. Fernández-Huerta is reported
beside it. Also: every language of the catalogue has reading rules, and measuring Spanish leaves
textstat counting in English."""

from __future__ import annotations

import functools
import shutil

import pandas as pd
import pytest
import textstat

from explorer import readability, translations, words
from explorer.data import read_csv
from explorer.markdown import plain
from explorer.store import ContentStore
from explorer.ui import reading
from tests.apptest import open_page
from tests.conftest import DATA, ROOT
from tests.test_reading_level import key_point_scores

SPANISH = readability.RULES["es"]
LANGUAGE_DIR = ROOT / "content" / "es"


def written_tables(language: str) -> dict[str, pd.DataFrame]:
    """One language's data words as its files hold them (file order), so a failure names the row
    a spreadsheet of data/<language>/<file> shows."""
    tables = {}
    for file in translations.translated_files():
        where = f"{language}/{file.name}"
        frame, problems, _ = read_csv(
            DATA / language / file.name, where, translations.columns(file)
        )
        assert not problems, [problem.message("en") for problem in problems]
        tables[file.name] = frame
    return tables


TABLES = written_tables("es")
NAMES = [source.name for source in readability.text_sources(TABLES, "es")]


@functools.cache  # measured once, by the worker that runs these tests, not while collecting
def scores() -> dict[str, readability.Score]:
    return {score.name: score for score in readability.measure(TABLES, "es")}


# Made-up Spanish: long words, long sentences (about 40 on the INFLESZ scale: "algo difícil").
HARD = (
    "La heterogeneidad metodológica considerable de las investigaciones aleatorizadas "
    "imposibilita determinar concluyentemente la superioridad terapéutica comparativa. "
    "Consecuentemente, la recomendación institucional permanece indeterminada."
)
# Twenty-one short words in one sentence: easy words, yet one word too many.
LONG = "Hoy usted va a la casa y mañana va al parque con su hija y su hijo si no hace frío."


@pytest.mark.parametrize("name", NAMES)
def test_each_spanish_text_file_and_data_file_is_easy_to_read(name):
    problems = scores()[name].problems()
    assert not problems, "\n".join(problems)


def test_the_spanish_key_points_on_their_own_are_easy_to_read():
    # The shared screen shows only the key points: they pass alone, not helped by the answers.
    for score in key_point_scores(TABLES, "es"):
        assert score.passes, "\n".join(score.problems())


def test_every_spanish_text_file_and_translated_data_file_is_scored():
    kinds = {name: score.kind for name, score in scores().items()}
    for path in LANGUAGE_DIR.glob("*.toml"):
        assert kinds[path.name] == readability.CATALOGUE
    for path in LANGUAGE_DIR.glob("*.md"):
        assert kinds[path.name] == readability.MARKDOWN
    for file in translations.translated_files():
        assert kinds[f"es/{file.name}"] == readability.DATA
    assert scores()["es/answers.csv"].words > 1000  # the comparison answers are in
    assert all(score.rules is SPANISH for score in scores().values())
    assert {name for name, _ in scores()["es/answers.csv"].figures} == {
        "szigriszt_pazos",
        "fernandez_huerta",
    }


def test_the_spanish_glossary_and_option_names_are_read():
    terms = readability.allowed_terms(TABLES, "es")
    assert "Inyección epidural de esteroides" in terms  # a Spanish option name, from data/es/
    assert set(readability.glossary("es")) <= set(terms) and readability.glossary("es")


@pytest.mark.parametrize("language", words.languages())
def test_every_language_of_the_catalogue_has_reading_rules(language):
    assert language in readability.RULES, (
        f"content/{language}/ has no reading rules: add a row to explorer.readability.RULES"
    )
    assert readability.rules_for(language).language == language


def test_a_language_without_rules_is_refused_not_passed():
    with pytest.raises(KeyError, match="no reading rules"):
        readability.measure({}, "xx")


# ---------------------------------------------------------------------------------------------
# The Spanish rules, on small made-up inputs


def test_a_too_hard_spanish_text_is_caught():
    hard = readability.score("difícil", [HARD], rules=SPANISH)
    assert hard.level < SPANISH.limit and not hard.passes
    [problem] = hard.problems()
    assert problem.startswith("difícil: szigriszt_pazos") and "under 65" in problem
    assert hard.figure("fernandez_huerta") < 60  # "algo difícil" on its own scale too


def test_easy_spanish_passes():
    easy = readability.score(
        "fácil", ["Usted va a casa el mismo día. Tarda una hora."], rules=SPANISH
    )
    assert easy.level >= SPANISH.limit and easy.passes and not easy.problems()


def test_a_21_word_spanish_sentence_is_caught_naming_its_row_and_column(tmp_path):
    folder = tmp_path / "es"
    folder.mkdir()
    (folder / "page.md").write_text("Usted va a casa el mismo día.\n", encoding="utf-8")
    tables = {"answers.csv": pd.DataFrame({"answer": ["Está bien.", f"Está bien. {LONG}"]})}
    scores = {s.name: s for s in readability.measure(tables, "es", tmp_path)}
    answers = scores["es/answers.csv"]
    assert answers.level >= SPANISH.limit  # easy words, yet it fails
    assert answers.longest_sentence_words == 21
    assert answers.too_long == (("row 3, column answer", LONG),)
    assert answers.problems() == [
        f"es/answers.csv, row 3, column answer: a sentence of 21 words, over 20: {LONG!r}"
    ]
    # Twenty words pass: the limit is "no sentence over 20".
    twenty = LONG.replace(" si no hace frío.", " si no llueve.")
    assert readability.word_count(twenty) == 20
    assert readability.score("veinte", [twenty], rules=SPANISH).passes
    assert scores["page.md"].passes


def test_an_accented_word_is_one_word():
    assert readability.word_count("inyección") == 1
    assert readability.word_count("¿Qué opción elegiría después?") == 4
    assert readability.word_count("Fernández-Huerta señaló") == 2
    assert readability.word_count("piña, pingüino, acción") == 3
    assert not readability.is_label("Sí. La opción está en la página.")
    assert readability.is_label("Información sobre los tratamientos")


def test_the_spanish_figures_are_textstats_own_on_plain_prose():
    text = "La operación quita el trozo de disco. Casi todos vuelven a casa el mismo día."
    score = readability.score("prosa", [text], rules=SPANISH)
    with readability.textstat_language(SPANISH.locale):
        expected = {
            "szigriszt_pazos": textstat.szigriszt_pazos(text),
            "fernandez_huerta": textstat.fernandez_huerta(text),
        }
    assert dict(score.figures) == pytest.approx(expected, abs=0.05)
    english = "The operation takes out the piece of disc. Most people go home the same day."
    assert readability.score("prose", [english]).level == pytest.approx(
        textstat.flesch_kincaid_grade(english), abs=0.05
    )


def test_measuring_spanish_leaves_textstat_counting_in_english():
    before = textstat.syllable_count("everything")
    readability.measure(TABLES, "es")
    assert textstat.syllable_count("everything") == before
    with pytest.raises(RuntimeError):
        with readability.textstat_language(SPANISH.locale):
            raise RuntimeError
    assert textstat.syllable_count("everything") == before
    with readability.textstat_language(SPANISH.locale):
        spanish = textstat.syllable_count("everything")
        with readability.textstat_language(readability.ENGLISH.locale):
            assert textstat.syllable_count("everything") == before
        assert textstat.syllable_count("everything") == spanish  # the outer block's own back
    assert textstat.syllable_count("everything") == before
    english = {s.name: s.level for s in readability.measure({}, "en")}
    assert english == {s.name: s.level for s in readability.measure({}, "en")}


# ---------------------------------------------------------------------------------------------
# The About page in Spanish


def test_the_about_page_in_spanish_shows_the_spanish_figures():
    catalogue = words.catalogue("es")
    at = open_page("views/about.py", lang="es")
    assert not at.exception
    at.session_state["reading-table"] = True
    at.run()
    inflesz = plain(catalogue["about.reading.measures.szigriszt_pazos"])
    table = next(table.value for table in at.table if inflesz in table.value.columns)
    assert list(table.columns) == [
        plain(catalogue[f"about.reading.{column}"])
        for column in (
            "source",
            "kind",
            "measures.szigriszt_pazos",
            "measures.fernandez_huerta",
            "longest",
            "passes",
        )
    ]
    sources = list(table[plain(catalogue["about.reading.source"])])
    assert sources == [
        plain(name)
        for name in (
            *sorted(p.name for p in LANGUAGE_DIR.glob("*.toml")),
            *sorted(p.name for p in LANGUAGE_DIR.glob("*.md")),
            *(f"es/{file.name}" for file in translations.translated_files()),
        )
    ]


def test_the_spanish_reading_table_scores_only_the_rows_in_spanish(data_copy):
    shutil.rmtree(data_copy / "es")  # no Spanish data words: every row shows its English
    table = reading.reading_table(ContentStore(data_copy).current(), "es")
    names = list(table.iloc[:, 0])
    assert names and not any("/" in name for name in names)
