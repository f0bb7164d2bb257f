"""How hard every text a patient reads is to read, by each language's rules (RULES): in English
the Flesch-Kincaid grade, in Spanish the Szigriszt-Pazos index (INFLESZ scale) with the
Fernández-Huerta index beside it, and the longest sentence; all from textstat's counts. Scored by
where the words live, never by reading Python: each catalogue file (content/<language>/*.toml),
each author copy file (content/<language>/*.md) and each data file's patient columns (marked in
explorer/rules/schemas.py; another language's words are in data/<language>/).

Pure functions (no Streamlit): the reading-level tests and the About page both call `measure`."""

from __future__ import annotations

import re
import threading
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import textstat
from markdown_it import MarkdownIt
from textstat.backend.utils import get_cmudict

from explorer import words
from explorer.rules.files import FILES, CsvFile, point_columns, text_columns
from explorer.rules.vocabulary import PATIENTS, split_points


@dataclass(frozen=True)
class Formula:
    """A readability formula of the two counts every one of ours uses: base + per_sentence *
    (words per sentence) + per_syllable * (syllables per word). Its name is textstat's function
    for it (tests/test_reading_level_es.py checks the two agree on plain prose) and its key in
    the catalogue (about.reading.measures.<name>)."""

    name: str
    base: float
    per_sentence: float
    per_syllable: float
    # The lowest figure reported: the Flesch-Kincaid formula goes below 0 for a few short words,
    # and no text is easier than grade 0.
    floor: float | None = None

    def __call__(self, words_per_sentence: float, syllables_per_word: float) -> float:
        figure = (
            self.base
            + self.per_sentence * words_per_sentence
            + self.per_syllable * syllables_per_word
        )
        return round(figure if self.floor is None else max(self.floor, figure), 1)


FLESCH_KINCAID = Formula("flesch_kincaid_grade", -15.59, 0.39, 11.8, floor=0.0)
# Szigriszt-Pazos (1992), read on the INFLESZ scale (Barrio-Cantalejo 2008): 55-65 "normal",
# 65-80 "bastante fácil", 80+ "muy fácil". textstat's base for Spanish is 206.84.
SZIGRISZT_PAZOS = Formula("szigriszt_pazos", 206.84, -1.0, -62.3)
FERNANDEZ_HUERTA = Formula("fernandez_huerta", 206.84, -1.02, -60.0)


@dataclass(frozen=True)
class Rules:
    """One language's reading aim: the formula that gates, its limit, the longest sentence
    allowed, and the formulas reported beside it."""

    language: str
    # textstat's language (textstat.set_lang): which pyphen dictionary counts the syllables.
    locale: str
    gate: Formula
    limit: float
    # True: the gate's figure is a grade, at most `limit`; False: an ease score, at least `limit`.
    at_most: bool
    max_sentence_words: int
    reported: tuple[Formula, ...] = ()

    @property
    def formulas(self) -> tuple[Formula, ...]:
        """The gate's formula first, then the reported ones: the About page's columns."""
        return (self.gate, *self.reported)

    def meets(self, figure: float) -> bool:
        return figure <= self.limit if self.at_most else figure >= self.limit

    def harder_first(self, figure: float) -> float:
        """A sort key putting the hardest text first."""
        return -figure if self.at_most else figure


# Each language's rules, by its code (content/<code>/). A new language adds a row here: a language
# of the catalogue without one is refused (rules_for), and the tests fail on it.
RULES: dict[str, Rules] = {
    rules.language: rules
    for rules in (
        Rules("en", "en_US", FLESCH_KINCAID, 8.0, at_most=True, max_sentence_words=25),
        Rules(
            "es",
            "es",
            SZIGRISZT_PAZOS,
            65.0,
            at_most=False,
            max_sentence_words=20,
            reported=(FERNANDEZ_HUERTA,),
        ),
    )
}
ENGLISH = RULES["en"]


def rules_for(language: str) -> Rules:
    """A language's reading rules; a language with none is an error, never a silent pass."""
    if language not in RULES:
        raise KeyError(f"no reading rules for language {language!r}: add a row to RULES")
    return RULES[language]


# textstat's language is one setting for the whole process (textstat.set_lang): the lock keeps
# two of our measurements (two server threads drawing the About page in two languages) from
# mixing their languages, and English is set back after each.
_TEXTSTAT_LOCK = threading.RLock()
# The language this module last set textstat to: English whenever no measurement runs.
_textstat_locale = [ENGLISH.locale]


@contextmanager
def textstat_language(locale: str) -> Iterator[None]:
    """Count syllables in `locale` inside the block, and as before it after it: in English, once
    the outermost block ends.

    Limitation: the setting is global, and only code that takes this lock waits for it. Any other
    code calling textstat in another thread during a measurement would count in this language;
    nothing else in the app calls textstat. Keep each switch inside one call (as `measure` does)."""
    with _TEXTSTAT_LOCK:
        previous = _textstat_locale[-1]  # a block inside another gives the outer one its own back
        _textstat_locale.append(locale)
        textstat.set_lang(locale)
        try:
            yield
        finally:
            _textstat_locale.pop()
            textstat.set_lang(previous)


# Words a reader meets on purpose and has explained to them, one a line, in each language's
# folder (the option names in options.csv are added to these). Each counts as one short word.
GLOSSARY_FILE = "glossary.txt"
# What a glossary term or a procedure name is scored as: one word of one syllable.
SHORT_WORD = "term"
# What a catalogue {placeholder} is scored as: the app fills it with a number, a name or a
# date, which the reader does not read as hard words.
STAND_IN = "it"
# A text with no full stop (or ! ? :) at its end and at most this many words is a label: a
# heading, a button, a table header, a level such as "Moderate". It is read as a unit, not as a
# sentence: its words count for how long the words are, not for how long the sentences are.
LABEL_MAX_WORDS = 8

# The kinds of text source, in the order the About page lists them.
CATALOGUE = "catalogue"
MARKDOWN = "markdown"
DATA = "data"

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A word: letters and digits of any script ("inyección" is one word), joined by an apostrophe,
# a full stop or a hyphen.
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# How many of a failing source's hardest texts a failure names.
_HARDEST_SHOWN = 3


@dataclass(frozen=True)
class Text:
    """One text as the reader meets it, and where an editor finds it: a catalogue key
    ("get_help.title"), a line of a Markdown file, or a data file's row and column."""

    where: str
    text: str


@dataclass(frozen=True)
class Source:
    """One file a reader's words come from: a catalogue file, a Markdown file or a data file."""

    name: str  # the file's name: "ui.toml", "about.md", "answers.csv"
    kind: str  # CATALOGUE, MARKDOWN or DATA
    texts: tuple[Text, ...]


@dataclass(frozen=True)
class Score:
    """The reading level of one source, read as one text, by one language's rules."""

    name: str
    kind: str
    # Each of the rules' formulas (name, figure), the gate's first.
    figures: tuple[tuple[str, float], ...]
    words: int
    longest_sentence_words: int
    # Every sentence over the rules' longest, with where it is, so a failure says what to shorten.
    too_long: tuple[tuple[str, str], ...]
    # The source's hardest texts (where, gate figure), hardest first: what to rewrite.
    hardest: tuple[tuple[str, float], ...]
    rules: Rules = field(default=ENGLISH)

    @property
    def level(self) -> float:
        """The figure the rules gate on: the grade in English, the INFLESZ score in Spanish."""
        return self.figures[0][1]

    def figure(self, formula: str) -> float:
        return dict(self.figures)[formula]

    @property
    def passes(self) -> bool:
        return self.rules.meets(self.level) and not self.too_long

    def problems(self) -> list[str]:
        """What is over the limits, naming the file and the key, line or row and column."""
        found = []
        gate = self.rules.gate.name
        if not self.rules.meets(self.level):
            side = "over" if self.rules.at_most else "under"
            hardest = "; ".join(f"{where} ({gate} {level:.1f})" for where, level in self.hardest)
            found.append(
                f"{self.name}: {gate} {self.level:.1f}, {side} {self.rules.limit:g}."
                f" Hardest texts: {hardest}"
            )
        found += [
            f"{self.name}, {where}: a sentence of {word_count(sentence)} words,"
            f" over {self.rules.max_sentence_words}: {sentence!r}"
            for where, sentence in self.too_long
        ]
        return found


# ---------------------------------------------------------------------------------------------
# Turning each kind of source into texts


def markdown_blocks(markdown: str) -> list[Text]:
    """Each heading, paragraph and list item of Markdown as plain text ended as a sentence, with
    the line it starts on."""
    blocks = []
    line = 0
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.map:
            line = token.map[0] + 1
        if token.type != "inline":
            continue
        plain = "".join(
            child.content if child.type in ("text", "code_inline") else " "
            for child in token.children or []
            if child.type in ("text", "code_inline", "softbreak", "hardbreak")
        )
        text = _as_sentence(plain)
        if text:
            blocks.append(Text(f"line {line}", text))
    return blocks


def _as_sentence(text: str) -> str:
    text = " ".join(text.split())
    if text and text[-1] not in ".!?:":
        text += "."
    return text


def catalogue_texts(path: Path) -> list[Text]:
    """Every string of one catalogue file, by its full key, each {placeholder} read as a short
    stand-in word. A text that is only placeholders holds no words of the catalogue's own."""
    with path.open("rb") as handle:
        table = tomllib.load(handle)
    return [text for key, value in _flatten(table) if (text := catalogue_text(key, value))]


def catalogue_text(key: str, value: str) -> Text | None:
    """One catalogue message as the reading gate reads it (see catalogue_texts); None when it
    is only placeholders. Also for a message not yet in a file (a translator's, on import)."""
    if not _WORD.search(_PLACEHOLDER.sub("", value)):
        return None
    return Text(key, _PLACEHOLDER.sub(STAND_IN, value))


def _flatten(table: Mapping, prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in table.items():
        if isinstance(value, Mapping):
            yield from _flatten(value, f"{prefix}{key}.")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield f"{prefix}{key}[{index}]", item
        elif isinstance(value, str):
            yield f"{prefix}{key}", value


def patient_columns(file: CsvFile) -> list[str]:
    """The columns of a data file that patients read (marked in the schema, see vocabulary.READ_BY)."""
    return text_columns(file, PATIENTS)


def data_texts(file: CsvFile, table: pd.DataFrame) -> list[Text]:
    """Every patient-facing cell of one data file, by row and column (a cell of points, each
    point by its number). The row is the frame's
    index + 2: the spreadsheet's row when the frame is in file order (explorer.data.read_raw);
    the checked content is in display order."""
    points = point_columns(file)
    texts = []
    for column in patient_columns(file):
        if column not in table.columns:
            continue
        for index, cell in zip(table.index, table[column]):
            where = f"row {index + 2}, column {column}"
            if column in points:  # each point read on its own, as the shared screen lists them
                texts += [
                    Text(f"{where}, point {n}", point)
                    for n, point in enumerate(split_points(cell), start=1)
                    if point
                ]
            elif str(cell).strip():
                texts.append(Text(where, str(cell)))
    return texts


# ---------------------------------------------------------------------------------------------
# Every source a reader's words come from


def language_dir(language: str = words.LANGUAGE, content_dir: Path | None = None) -> Path:
    """One language's folder of text files: content/<language>/ unless another is given."""
    return (words.CONTENT_DIR if content_dir is None else content_dir) / language


def text_sources(
    tables: Mapping[str, pd.DataFrame],
    language: str = words.LANGUAGE,
    content_dir: Path | None = None,
) -> list[Source]:
    """Every catalogue file and Markdown file of one language, then every data file that has
    patient columns, in that order, each in name (or schema) order. `tables` hold the data's words
    in that language; another language's data files are named for its folder: es/answers.csv."""
    folder = language_dir(language, content_dir)
    sources = [
        Source(path.name, CATALOGUE, tuple(catalogue_texts(path)))
        for path in sorted(folder.glob("*.toml"))
    ]
    sources += [
        Source(path.name, MARKDOWN, tuple(markdown_blocks(path.read_text(encoding="utf-8"))))
        for path in sorted(folder.glob("*.md"))
    ]
    sources += [
        Source(data_name(file.name, language), DATA, tuple(data_texts(file, tables[file.name])))
        for file in FILES
        if patient_columns(file) and file.name in tables
    ]
    return sources


def data_name(name: str, language: str = words.LANGUAGE) -> str:
    """How a data file is named where its words are: answers.csv, es/answers.csv."""
    return name if language == words.LANGUAGE else f"{language}/{name}"


def glossary(language: str = words.LANGUAGE, content_dir: Path | None = None) -> list[str]:
    """The glossary's terms: one a line; blank lines and lines starting with # are left out."""
    path = language_dir(language, content_dir) / GLOSSARY_FILE
    if not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def allowed_terms(
    tables: Mapping[str, pd.DataFrame],
    language: str = words.LANGUAGE,
    content_dir: Path | None = None,
) -> list[str]:
    """Procedure names (every option's name and short name) and the glossary."""
    options = tables.get("options.csv")
    names = [] if options is None else [*options["name"], *options["short_name"]]
    return [*names, *glossary(language, content_dir)]


def content_stamp(language: str = words.LANGUAGE, content_dir: Path | None = None) -> tuple:
    """What one language's text files look like on disk now: a saved edit changes it. With the
    data's version (explorer.data.ContentStore.version) it names one version of all the words."""
    stamps = []
    for path in sorted(language_dir(language, content_dir).iterdir()):
        if path.is_file():
            info = path.stat()
            stamps.append((path.name, info.st_mtime_ns, info.st_size))
    return tuple(stamps)


# ---------------------------------------------------------------------------------------------
# Scoring


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if part.strip()]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def is_label(text: str) -> bool:
    """A heading, button, table header or level: no sentence end, and a few words at most."""
    text = " ".join(str(text).split())
    return bool(text) and text[-1] not in ".!?:" and word_count(text) <= LABEL_MAX_WORDS


def score_source(
    source: Source, allowed_terms: Iterable[str] = (), rules: Rules = ENGLISH
) -> Score:
    """Score one source's texts as one reading by one language's rules: sentences ended as
    sentences, labels as labels (see LABEL_MAX_WORDS); allowed terms count as one short word for
    the figures; sentence length counts every word as written."""
    terms = _term_patterns(allowed_terms)
    prose = [t for t in source.texts if not is_label(t.text)]
    labels = [t for t in source.texts if is_label(t.text)]
    located = [(t.where, s) for t in prose for s in sentences(_own_sentence(t.text))]
    lengths = [word_count(s) for _, s in located]
    with textstat_language(rules.locale):
        hardest = sorted(
            (
                (t.where, _figures([_own_sentence(t.text)], [], terms, (rules.gate,))[0][1])
                for t in prose
                if word_count(t.text) >= 10
            ),
            key=lambda pair: rules.harder_first(pair[1]),
        )
        figures = _figures(
            [_own_sentence(t.text) for t in prose], [t.text for t in labels], terms, rules.formulas
        )
    return Score(
        name=source.name,
        kind=source.kind,
        figures=figures,
        words=sum(word_count(t.text) for t in source.texts),
        longest_sentence_words=max(lengths, default=0),
        too_long=tuple(
            (where, sentence)
            for (where, sentence), n in zip(located, lengths)
            if n > rules.max_sentence_words
        ),
        hardest=tuple(hardest[:_HARDEST_SHOWN]),
        rules=rules,
    )


def score(
    name: str, texts: Iterable[str], allowed_terms: Iterable[str] = (), rules: Rules = ENGLISH
) -> Score:
    """Score loose texts as one reading (each text's place is its position, from 1)."""
    source = Source(
        name, CATALOGUE, tuple(Text(f"text {n}", str(t)) for n, t in enumerate(texts, start=1))
    )
    return score_source(source, allowed_terms, rules)


def _own_sentence(text: str) -> str:
    # Each text is read on its own: a cell that leads into a list ("… an emergency:") ends there.
    text = _as_sentence(str(text))
    return text[:-1] + "." if text.endswith(":") else text


def _figures(
    prose: Sequence[str],
    labels: Sequence[str],
    terms: Sequence[re.Pattern],
    formulas: Sequence[Formula],
) -> tuple[tuple[str, float], ...]:
    """Each formula's figure from textstat's own counts, in the language textstat is set to: the
    sentences give the words per sentence; the sentences and labels together give the syllables
    per word. Only labels: a label's words stand for a sentence. No words: every figure is 0."""
    sentence_text = _short_terms(" ".join(prose), terms)
    label_text = _short_terms(" ".join(_as_sentence(label) for label in labels), terms)
    all_text = f"{sentence_text} {label_text}".strip()
    all_words = textstat.lexicon_count(all_text)
    if not all_words:
        return tuple((formula.name, 0.0) for formula in formulas)
    if sentence_text:
        per_sentence = textstat.lexicon_count(sentence_text) / textstat.sentence_count(
            sentence_text
        )
    else:
        per_sentence = all_words / len(labels)
    per_word = textstat.syllable_count(all_text) / all_words
    return tuple((formula.name, formula(per_sentence, per_word)) for formula in formulas)


def _term_patterns(terms: Iterable[str]) -> list[re.Pattern]:
    # Longest first, so that "Spinal fusion" is replaced before "fusion".
    return [
        re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)
        for term in sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
    ]


def _short_terms(text: str, terms: Sequence[re.Pattern]) -> str:
    for pattern in terms:
        text = pattern.sub(SHORT_WORD, text)
    return text


def measure(
    tables: Mapping[str, pd.DataFrame],
    language: str = words.LANGUAGE,
    content_dir: Path | None = None,
    rules: Rules | None = None,
) -> list[Score]:
    """Scores for every source of one language's words (text_sources), in its order, by that
    language's rules (or the rules given: a made-up language in a test). `tables` hold the data's
    words in that language ({} scores the text files only)."""
    rules = rules_for(language) if rules is None else rules
    terms = allowed_terms(tables, language, content_dir)
    sources = text_sources(tables, language, content_dir)
    with textstat_language(rules.locale):
        scores = [score_source(source, terms, rules) for source in sources]
    _forget_pronouncing_dictionary()
    return scores


def _forget_pronouncing_dictionary() -> None:
    """textstat keeps the CMU pronouncing dictionary (about 260,000 Python objects) cached for
    good. In the app's long-running server that made every full garbage collection about 0.2 s
    slower, on every page (bench/run.py found it). The figures are computed once: let it go."""
    get_cmudict.cache_clear()
