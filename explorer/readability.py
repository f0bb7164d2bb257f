"""How hard every patient-facing text is to read: the Flesch-Kincaid grade (textstat) and the
longest sentence, for each page's own text and for each data file's patient text.

Pure functions (no Streamlit): the reading-level test and the About page both call `measure`."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import textstat
from markdown_it import MarkdownIt
from textstat.backend.utils import get_cmudict

from explorer import schema, words

MAX_GRADE = 8.0
MAX_SENTENCE_WORDS = 25

# Words a reader meets on purpose and has explained to them: procedure names (the option names
# in options.csv are added to these) and a short glossary. They count as one short word each.
GLOSSARY = (
    "anaesthetic",
    "annular fissure",
    "anti-inflammatory",
    "cauda equina syndrome",
    "degeneration",
    "epidural",
    "fibrin sealant",
    "investigational",
    "physiotherapy",
    "protrusion",
    "rehabilitation",
)
# What a glossary term is scored as: one word of one syllable.
SHORT_WORD = "term"

# Streamlit calls whose text argument a person reads on the page.
_DISPLAY_CALLS = {
    "title",
    "header",
    "subheader",
    "caption",
    "markdown",
    "text",
    "info",
    "warning",
    "error",
    "success",
    "page_link",
    "multiselect",
    "selectbox",
    "radio",
    "slider",
    "checkbox",
    "button",
}
_TEXT_ARGUMENTS = {"body", "label", "text"}
# How a page reads author copy from content/ (explorer.words.markdown_file).
_COPY_LOADER = "markdown_file"

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Score:
    """The reading level of one text: a page's own copy, or one data file's patient text."""

    name: str
    grade: float
    words: int
    longest_sentence_words: int
    # Every sentence over MAX_SENTENCE_WORDS, so that a failing check says what to shorten.
    too_long: tuple[str, ...]

    @property
    def passes(self) -> bool:
        return self.grade <= MAX_GRADE and not self.too_long


def markdown_to_text(markdown: str) -> str:
    """Author copy without its Markdown. Each heading, paragraph and list item ends as a
    sentence, so that a heading is not read as the start of the paragraph under it."""
    blocks = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type != "inline":
            continue
        words = "".join(
            child.content if child.type in ("text", "code_inline") else " "
            for child in token.children or []
            if child.type in ("text", "code_inline", "softbreak", "hardbreak")
        )
        blocks.append(_as_sentence(words))
    return " ".join(block for block in blocks if block)


def _as_sentence(text: str) -> str:
    text = " ".join(text.split())
    if text and text[-1] not in ".!?:":
        text += "."
    return text


def _own_sentence(text: str) -> str:
    # Each text is read on its own: a cell that leads into a list ("… an emergency:") ends there.
    text = _as_sentence(str(text))
    return text[:-1] + "." if text.endswith(":") else text


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if part.strip()]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def score(name: str, texts: Iterable[str], allowed_terms: Iterable[str] = ()) -> Score:
    """Score texts as one reading: each text is ended as a sentence, allowed terms count as one
    short word for the grade; sentence length counts every word as written."""
    text = " ".join(_own_sentence(t) for t in texts if str(t).strip())
    lengths = {sentence: word_count(sentence) for sentence in sentences(text)}
    return Score(
        name=name,
        grade=round(textstat.flesch_kincaid_grade(_with_short_terms(text, allowed_terms)), 1)
        if text
        else 0.0,
        words=word_count(text),
        longest_sentence_words=max(lengths.values(), default=0),
        too_long=tuple(s for s, n in lengths.items() if n > MAX_SENTENCE_WORDS),
    )


def _with_short_terms(text: str, terms: Iterable[str]) -> str:
    # Longest first, so that "Spinal fusion" is replaced before "fusion".
    for term in sorted({t for t in terms if t.strip()}, key=len, reverse=True):
        text = re.sub(
            rf"(?<![\w-]){re.escape(term)}(?![\w-])", SHORT_WORD, text, flags=re.IGNORECASE
        )
    return text


# ---------------------------------------------------------------------------------------------
# What is patient-facing


def page_texts(page_file: Path, content_dir: Path) -> tuple[list[str], list[str]]:
    """A page's own text: the string literals it shows with st.* calls, and the author copy
    files it reads. Returns (texts, names of the content files used)."""
    tree = ast.parse(page_file.read_text(encoding="utf-8"))
    texts: list[str] = []
    copy_files: list[str] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        literals = [
            argument.value
            for argument in [
                *node.args[:1],
                *(k.value for k in node.keywords if k.arg in _TEXT_ARGUMENTS),
            ]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str)
        ]
        if node.func.attr == _COPY_LOADER:
            copy_files += literals
            texts += [
                markdown_to_text((content_dir / name).read_text(encoding="utf-8"))
                for name in literals
            ]
        elif node.func.attr in _DISPLAY_CALLS:
            texts += [
                markdown_to_text(literal) for literal in literals if not literal.endswith(".py")
            ]
    return texts, copy_files


def _catalogue_texts() -> list[str]:
    # Placeholders are filled with a short word, as a number or a name would be.
    return [re.sub(r"\{[^{}]*\}", "it", text) for text in words.catalogue().values()]


def patient_columns(file: schema.CsvFile) -> list[str]:
    """The columns of a data file that patients read (marked in the schema, see schema.READ_BY)."""
    return schema.text_columns(file, schema.PATIENTS)


def data_texts(tables: Mapping[str, pd.DataFrame]) -> dict[str, list[str]]:
    """Every patient-facing cell of every data file, by file name (files with none left out)."""
    texts = {}
    for file in schema.FILES:
        columns = patient_columns(file)
        if columns and file.name in tables:
            texts[file.name] = [
                str(cell) for column in columns for cell in tables[file.name][column]
            ]
    return texts


def allowed_terms(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Procedure names (every option's name and short name) and the glossary."""
    options = tables.get("options.csv")
    names = [] if options is None else [*options["name"], *options["short_name"]]
    return [*names, *GLOSSARY]


def measure(
    pages: Sequence[tuple[str, str]], app_dir: Path, tables: Mapping[str, pd.DataFrame]
) -> list[Score]:
    """Scores for every page's own text (pages as (path, label), like explorer.frame.PAGES),
    for any author copy no page reads directly, and for every data file's patient text."""
    content_dir = app_dir / "content" / "en"
    terms = allowed_terms(tables)
    scores = []
    used_copy: set[str] = set()
    for path, label in pages:
        texts, copy_files = page_texts(app_dir / path, content_dir)
        used_copy.update(copy_files)
        scores.append(score(f"Page: {label}", texts, terms))
    for copy_file in sorted(content_dir.glob("*.md")):
        if copy_file.name not in used_copy:
            scores.append(
                score(
                    f"Text: {copy_file.name}",
                    [markdown_to_text(copy_file.read_text(encoding="utf-8"))],
                    terms,
                )
            )
    scores.append(score("Text: words the app shows (catalogue)", _catalogue_texts(), terms))
    for file_name, texts in data_texts(tables).items():
        scores.append(score(f"Data: {file_name}", texts, terms))
    _forget_pronouncing_dictionary()
    return scores


def _forget_pronouncing_dictionary() -> None:
    """textstat keeps the CMU pronouncing dictionary (about 260,000 Python objects) cached for
    good. In the app's long-running server that made every full garbage collection about 0.2 s
    slower, on every page (bench/run.py found it). The figures are computed once: let it go."""
    get_cmudict.cache_clear()


def score_table(scores: Sequence[Score]) -> pd.DataFrame:
    """Scores as people read them, for the About page."""
    return pd.DataFrame(
        {
            "Text": [s.name for s in scores],
            "Reading grade": [f"{s.grade:.1f}" for s in scores],
            "Longest sentence (words)": [str(s.longest_sentence_words) for s in scores],
            "Meets our aim": ["Yes" if s.passes else "No" for s in scores],
        }
    )
