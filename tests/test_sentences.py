"""Every sentence with a number, as a reader reads it, not as its template is written: each
catalogue message that takes a count or a number, rendered by the app's own code with every value
the data can give it (the fixture data and the shipped data: every option, outcome, group,
situation and statement, and every form a number can take), in every language. A sentence glued
from pieces shows itself here: a capital letter after a lowercase word ("Los otros Cerca de 74
de cada 100, no."), doubled spaces, an empty or unfilled placeholder, English words in another
language's sentence."""

from __future__ import annotations

import dataclasses
import html
import itertools
import re
from collections.abc import Iterable, Iterator
from datetime import timedelta

import babel
import pandas as pd
import pytest

from explorer import (
    anatomy,
    chances,
    charts,
    decide,
    markdown,
    matched,
    ratings,
    review,
    speeds,
    translations,
    words,
)
from explorer.chances import Count
from explorer.data import Content
from explorer.markdown import Md
from explorer.rules.files import FILES
from explorer.rules.said import said
from explorer.rules.vocabulary import MILESTONES, OUTCOME_KINDS, PLACEHOLDER
from explorer.situation import NOT_SURE
from explorer.store import Snapshot
from tests.conftest import FIXTURE_DATA, shipped_data, snapshot_of
from tests.languages import foreign_phrases, plural_families

DATA_SETS = {"fixture": FIXTURE_DATA, "shipped": shipped_data()}
LANGUAGES = words.languages()

# Counts a plural family is said with: every form of every language's CLDR rules (1 000 000 is
# Spanish "many"), whatever the data holds today.
COUNTS = [*range(13), 21, 100, 1000, 1_000_000]
# Numbers out of 100 a study may give, one of each form a chance is said in (chances.Count.form):
# whole, rounded, a narrow range, whole and rounded ranges, under half a person, and the ends.
# Sizes of a group of fewer than 100 people (outcomes.csv's group_size), said as "3 of 15".
FEW_PEOPLE = [1, 15, 99]
FIGURES = [
    (0, 0),
    (1, 1),
    (95, 95),
    (100, 100),
    (33.5, 33.5),
    (99.6, 99.6),
    (33.2, 33.4),
    (12, 40),
    (0, 100),
    (0.07, 9.6),
    (90.5, 100),
    (0.2, 0.2),
    (0.1, 0.4),
]
# Placeholders that take a number; every message with one is rendered here (see the last test).
NUMBERS = {
    *("count", "number", "low", "high", "rest", "rest_low", "rest_high"),
    *("study", "study_low", "study_high", "total", "yes", "right", "answered"),
    *("first_age", "last_age", "page", "pages"),
}
NOT_RENDERED = {
    # The PDF's footer: page numbers set apart from the footer's words by a wide gap on purpose.
    "handout.page": "layout, not a sentence",
    # {page} there is a page's name.
    "shell.tab_title": "no number",
}

_WORD = re.compile(r"[\w'’-]+")
_LOWERCASE_WORD = re.compile(r"[^\W\d_]+[,;]?")
_UNFILLED = re.compile(r"\{[^{}]*\}")
# What an empty value leaves behind: a space before a mark, empty brackets, a colon with nothing.
_EMPTY = re.compile(r"\s[.,;:)]|\(\s*\)|:\s*[.;]|^\s|\s$")
# English function words: in a sentence of another language, English left in it (any that is
# also a word of that language's catalogue is left out, language by language).
ENGLISH_WORDS = frozenset(
    "the of and out did not about between fewer than more with for others study people had were "
    "was this who when after within take care number covers different time week weeks row rows "
    "problem problems file files option options topic topics grid found".split()
)


def as_read(text: Md) -> str:
    """Markdown as a reader sees it: no marks, no escapes."""
    return html.unescape(re.sub(r"<[^>]+>", "", markdown.html(text))).strip()


def data_words(content: Content) -> set[str]:
    """Every text cell of a content's tables: names, groups and outcomes put into sentences."""
    return {
        cell.strip()
        for table in content.tables.values()
        for column in table.columns
        for cell in table[column]
        if isinstance(cell, str) and cell.strip()
    }


def _capitals_after_lowercase(text: str) -> Iterator[tuple[int, str]]:
    """(position, word) of each word starting with a capital right after a lowercase word."""
    for before, word in itertools.pairwise(re.finditer(r"\S+", text)):
        lowercase = _LOWERCASE_WORD.fullmatch(before.group()) and before.group().islower()
        if lowercase and word.group()[:1].isupper():
            yield word.start(), word.group()


def _name(word: str) -> str:
    found = _WORD.match(word)
    return found.group() if found else word


class Reader:
    """What a reader of one language finds wrong in a sentence. A capital after a lowercase word
    is right where the data's own words put it (an option's name, NICE inside an outcome's
    note: compared with the data's cells), in an acronym (SURE), and in a name the catalogue
    never writes in lowercase (Markdown), and a month's name where a language capitalises it;
    anywhere else it is a fragment's capital."""

    def __init__(self, language: str, contents: Iterable[Content]):
        self.language = language
        self.data = set().union(*(data_words(content) for content in contents))
        catalogue = words.catalogue(language)
        # The app's name is a name wherever a sentence puts it, as a cell of the data is.
        self.inserted = sorted([*self.data, catalogue["app.name"]], key=len, reverse=True)
        own = [word for text in catalogue.values() for word in _WORD.findall(text)]
        lowercase = {word for word in own if word.islower()}
        self.names = {
            _name(word)
            for text in catalogue.values()
            for _, word in _capitals_after_lowercase(_UNFILLED.sub("", text))
            if _name(word).lower() not in lowercase
        }
        # A date written as the language writes it (explorer/review.py, by Babel) names a month.
        self.names |= set(babel.Locale.parse(language).months["format"]["wide"].values())
        own_words = {word.lower() for word in own}
        self.english = set() if language == words.LANGUAGE else ENGLISH_WORDS - own_words

    def _in_inserted_words(self, text: str, position: int) -> bool:
        """Whether `position` is inside one of the data's cells (or the app's name) in `text`."""
        for cell in self.inserted:
            start = text.find(cell)
            while start != -1 and start <= position:
                if position < start + len(cell):
                    return True
                start = text.find(cell, start + 1)
        return False

    def faults(self, text: str) -> list[str]:
        found = []
        if "  " in text:
            found.append("doubled spaces")
        if _UNFILLED.search(text):
            found.append("an unfilled placeholder")
        if _EMPTY.search(text):
            found.append("an empty value")
        for position, word in _capitals_after_lowercase(text):
            name = _name(word)
            if not (
                name.isupper() or name in self.names or self._in_inserted_words(text, position)
            ):
                found.append(f"a capital after a lowercase word: {word!r}")
        if self.english:
            without_data = text
            for cell in sorted(self.data, key=len, reverse=True):
                without_data = without_data.replace(cell, " ")
            english = sorted({w for w in _WORD.findall(without_data.lower()) if w in self.english})
            if english:
                found.append(f"English words: {english}")
            phrases = foreign_phrases(text, self.language, self.data)
            if phrases:
                found.append(f"phrases of another language: {phrases}")
        return found


# What the app says with numbers, by the code that says it -------------------------------------
def chances_said(snapshot: Snapshot, content: Content) -> Iterator[tuple[str, str]]:
    """The chances page: both framings for every group, the pictures' headings and alt texts,
    when and who, whose numbers they are against every situation, the note on a different time
    frame, the headings; then every outcome's words with a figure of every form."""
    every_chance = chances.all_chances(content)
    situations = [NOT_SURE, *content.situations["situation_id"]]
    for option_id, name in content.option_names().items():
        for heading in (*OUTCOME_KINDS, chances.EVERYONE):
            yield option_id, words.t(f"chances.page.heading.{heading}", option=name)
    for chance in every_chance:
        where = f"{chance.option_id}/{chance.outcome_id}"
        yield from _chance_said(where, chance)
        for line in chance.details():
            yield f"{where} details", line
        for situation_id in situations:
            yield f"{where} whose ({situation_id})", chance.whose_line(situation_id)
            yield f"{where} summary ({situation_id})", chance.key_line(situation_id)
        for line in chances.time_frame_warning(every_chance, chance):
            yield f"{where} time frame", line
        for low, high in FIGURES:
            counts = tuple(Count(count.group, low, high) for count in chance.counts)
            yield from _chance_said(
                f"{where} {low}-{high}", dataclasses.replace(chance, counts=counts)
            )
        for size in FEW_PEOPLE:  # a result about fewer than 100 people: "3 of 15"
            counts = tuple(Count(count.group, 20, 20, size) for count in chance.counts)
            yield from _chance_said(
                f"{where} of {size}", dataclasses.replace(chance, counts=counts)
            )
    for count in COUNTS[1:]:
        yield f"{count} other options", words.t("chances.different_time", count=count)
    yield from _scores_said(content, situations)
    yield from _speeds_said(content, situations)


def _scores_said(content: Content, situations: list[str]) -> Iterator[tuple[str, str]]:
    """A study's averages out of 10, drawn as bars: each bar's words and the chart's name, as the
    data gives them and at every time (months) and form of average."""
    for situation_id, option_id, kind in itertools.product(
        situations, content.option_names(), OUTCOME_KINDS
    ):
        for scored in matched.scores(content, situation_id, option_id, kind):
            yield f"{situation_id}/{option_id} scores", scored.alt_text()
    for name, months, average in itertools.product(
        content.short_names().values(), COUNTS, (0, 2.8, 10)
    ):
        yield f"{name} score", matched.bar_words(name, months, average)
    for months in COUNTS:  # a later time read only in words: said under the bars, not drawn
        yield "score not drawn", words.t("chances.score.not_drawn", count=months)
        yield "only bars, one not drawn", words.t("chances.score.only_bars_unread", count=months)
    yield "only bars", words.t("chances.score.only_bars")


def _speeds_said(content: Content, situations: list[str]) -> Iterator[tuple[str, str]]:
    """How soon each group had an outcome, drawn as bars of weeks: the chart's name, whose it is,
    its later count, and each bar's words at every form of the weeks."""
    every_chance = chances.all_chances(content)
    for situation_id, option_id in itertools.product(situations, content.option_names()):
        for where, found in speeds.speeds(content, every_chance, option_id, situation_id).items():
            for speed in found:
                said_at = f"{situation_id}/{option_id} speed"
                yield said_at, speed.alt_text()
                yield said_at, words.t(f"chances.speed.whose.{where}", whose=speed.chance.whose)
                yield said_at, words.t("chances.speed.later", time_frame=speed.chance.time_frame)
                for count in COUNTS:
                    yield (
                        said_at,
                        dataclasses.replace(speed, weeks=(count, count)).rows()["said"][0],
                    )


def _chance_said(where: str, chance: chances.Chance) -> Iterator[tuple[str, str]]:
    for line in chance.sentences():
        yield where, line
    yield f"{where} summary", chance.key_line(NOT_SURE)
    for alt_text in chance.alt_texts():
        yield f"{where} alt", alt_text
    for count in chance.counts:
        yield f"{where} picture", count.heading()
        yield f"{where} table", count.had()
        yield f"{where} table", count.did_not()


def counts_said(snapshot: Snapshot, content: Content) -> Iterator[tuple[str, str]]:
    """Every other message with a count or a number, by the code that says it, with the data's
    values and with counts of every plural form."""
    names = list(content.option_names().values())
    topics = list(content.attributes["name"])
    for options, some in itertools.product(range(1, len(names) + 1), range(1, len(topics) + 1)):
        grid = pd.DataFrame(
            {
                "option": names[:options] * some,
                "topic": topics[:some] * options,
                "statement": topics[:some] * options,
            }
        )
        yield f"alignment {options}x{some}", decide.alignment_alt(grid)
    for topic, level in itertools.product(
        topics, range(decide.IMPORTANT_FROM, len(decide.IMPORTANCE))
    ):
        yield "alignment row", decide.row_heading(topic, level)
    for attributes in range(1, len(topics) + 1):
        rows = pd.DataFrame({"attribute": topics[:attributes], "option": names[0]})
        yield "overview", charts.overview_alt(rows)
    for count in COUNTS[1:]:  # counts beyond the data's, as the code above says them
        yield "overview", words.t("charts.overview.alt", count=count, options=", ".join(names))
        yield "alignment", words.t("decide.alignment.alt_options", count=count)
        yield "alignment", words.t("decide.alignment.alt_topics", count=count)
        yield "weeks", words.t("ratings.weeks.about", count=count)
    rated = ratings.rated(content, list(content.option_names()))
    for milestone in MILESTONES:
        yield milestone, charts.recovery_alt(ratings.recovery(content, rated, milestone), milestone)
    for low, high in itertools.combinations_with_replacement(range(14), 2):
        yield "weeks", ratings.in_weeks(low, high)
    for answered in range(decide.SureResult(0, 0).total + 1):
        for yes in range(answered + 1):
            yield "SURE", decide.SureResult(yes, answered).summary()
    total = len(content.quiz)
    for right in range(total + 1):
        yield "quiz", words.t("decide.quiz.score", right=right, total=total)
    for count in COUNTS:  # the summary card's link down to the questions
        yield "summary card", words.t("summary.card.questions_link", count=count)
    for count in COUNTS:  # Compare's table at a glance, closed, holding so many options
        yield "glance", words.t("compare.page.glance_closed", count=count)
    for count in COUNTS:  # the glance's first row: the reader's own study, so many months on
        yield "glance", words.t("ratings.glance.own_numbers", start=8, end=5.2, count=count)
    questions = list(content.questions["question"])
    for number, question in enumerate(questions, 1):
        yield (
            "question",
            words.t(
                "picker.question_choice", number=number, count=len(questions), question=question
            ),
        )
    yield "findings", anatomy.findings_alt(content.scan_findings)
    yield from _note_said(content)
    yield from _data_check_said(snapshot, content)


def _note_said(content: Content) -> Iterator[tuple[str, str]]:
    statements = list(content.statements["statement"])
    answers = decide.Answers(ratings=dict.fromkeys(content.statements["statement_id"], 3))
    for option_ids, rated in [([], decide.Answers()), (list(content.option_names()), answers)]:
        for line in decide.record_note(content, option_ids, rated).splitlines():
            yield "note", line
    for shown in range(1, len(statements)):
        yield (
            "note",
            words.t(
                "decide.note.priorities_first",
                priorities="; ".join(statements[:shown]),
                total=len(statements),
            ),
        )
    yield "note", words.t("decide.note.priorities_on_summary", total=len(statements))


def _data_check_said(snapshot: Snapshot, content: Content) -> Iterator[tuple[str, str]]:
    """The data check's counts, for the clinic: the page, the first-start page, the command
    line, the server log and the problem table."""
    language = words.current_language()
    folder = snapshot.folder.name
    for translation in snapshot.translations.values():
        yield "unreviewed", translations.unreviewed_line(translation).in_language(language)
    for count in COUNTS:
        for key in ("data_check.problems", "data_check.translation_problems"):
            yield key, words.t(key, count=count)
        yield "first start", words.t("data_problems.intro", count=count)
        yield "command line", words.t("data_check.cli_problems", folder=folder, count=count)
        yield "command line", words.t("data_check.cli_ok", folder=folder, count=count)
        yield "log", words.t("data_log.problems", folder=folder, count=count)
        yield "problem table", said("data_problem.rows", count=count).in_language(language)
        yield (
            "unreviewed",
            said(
                "data_check.unreviewed", language=language, count=count, files="answers.csv (3)"
            ).in_language(language),
        )
    yield "command line", words.t("data_check.cli_ok", folder=folder, count=len(FILES))
    due = review.review(content.release, review.today())
    for count in COUNTS:  # the review, due in so many days, as the data check says it
        yield "review", words.t("data_check.review.due", count=count, date=due.due_date(language))
    for days in (0, 1, review.DUE_SOON_DAYS, -1):
        seen = review.Review(due.due, due.due - timedelta(days=days))
        yield "review", seen.clinic_line(language)
    yield from _translation_said(language)


def _translation_said(language: str) -> Iterator[tuple[str, str]]:
    """The translator's round trip on the command line (explorer/translation/cli.py)."""
    counted = ("exported", "untranslated", "stale", "imported", "kept_in_english", "left_out")
    for count in COUNTS:
        for key in (*counted, "refused"):
            yield key, words.t(f"translation.po.{key}", count=count, language="es", file="es.po")
        yield (
            "long sentence",
            said(
                "translation.po.problem.long_sentence",
                count=count,
                limit=20,
                sentence=words.t("translation.po.table.problem"),
            ).in_language(language),
        )
    for serving in ("serving_last", "serving_none", "serving_with_english_rows"):
        yield "log", words.t(f"data_log.{serving}")


SAYERS = {"chances": chances_said, "counts": counts_said}


def said_in(data_set: str, language: str, sayer: str) -> list[tuple[str, str]]:
    snapshot = snapshot_of(DATA_SETS[data_set])
    with words.speaking(language):
        return list(SAYERS[sayer](snapshot, snapshot.content(language)))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("sayer", list(SAYERS))
@pytest.mark.parametrize("data_set", list(DATA_SETS))
def test_every_sentence_with_a_number_reads_right(data_set, sayer, language):
    snapshot = snapshot_of(DATA_SETS[data_set])
    reader = Reader(language, [snapshot.content(language), snapshot.english])
    sentences = said_in(data_set, language, sayer)
    assert sentences
    wrong = [
        f"{where}: {text!r}: {fault}" for where, text in sentences for fault in reader.faults(text)
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_with_a_number_is_rendered_here(language, monkeypatch, fresh_memo):
    """Every form of every plural family, and every message with a number, is said above (a new
    one is checked without editing this test)."""
    rendered: set[str] = set()
    catalogue = words.catalogue

    class Recording(dict):
        def __getitem__(self, key: str) -> str:
            rendered.add(key)
            return super().__getitem__(key)

    monkeypatch.setattr(words, "catalogue", lambda lang=words.LANGUAGE: Recording(catalogue(lang)))
    for sayer in SAYERS:
        said_in("fixture", language, sayer)
    with_numbers = {
        key for key, text in catalogue(language).items() if NUMBERS & set(PLACEHOLDER.findall(text))
    }
    forms = {
        f"{family}.{form}" for family, forms in plural_families(language).items() for form in forms
    }
    assert sorted((with_numbers | forms) - rendered - set(NOT_RENDERED)) == []


# The checks catch what they are for ------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "text", "fault"),
    [
        ("es", "Personas: unos 26 de cada 100. Los otros Cerca de 74 de cada 100, no.", "capital"),
        ("es", "Personas: unos 26 de cada 100 se operaron.  Unos 74, no.", "doubled"),
        ("es", "Personas: unos {number} de cada 100.", "unfilled"),
        ("es", "Personas:  de cada 100 se operaron.", "doubled"),
        ("es", "Personas que se operaron: .", "empty"),
        ("es", "Personas: unos 26 de cada 100 (27.5 in the study).", "English"),
        ("es", "Los archivos tienen 3 problems.", "English"),
        ("en", "People: about 26 out of 100. About 74 out of 100 did not.", None),
        ("es", "Personas: unos 26 de cada 100 se operaron. Unos 74 de cada 100, no.", None),
    ],
)
def test_the_reader_finds_a_glued_sentence(content, language, text, fault):
    faults = Reader(language, [content]).faults(text)
    if fault is None:
        assert faults == []
    else:
        assert any(fault in found for found in faults), faults


def test_a_name_from_the_data_may_follow_a_lowercase_word(content):
    name = content.option_names()["gel"]
    reader = Reader("en", [content])
    assert reader.faults(f"Take care when comparing: for {name}, it differs.") == []
    assert reader.faults("Take care when comparing: for Gel, it differs.")
