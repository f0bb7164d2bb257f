"""Decision support built from the content and the person's own answers: the understanding
check, the SURE test, questions for the clinician, the note for the record and the share link.
Plain functions: the person's answers come in as arguments and nothing is stored."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd

from explorer import chances, compare, lead, safety, short_answers, situation
from explorer import ratings as ratings_frames
from explorer.data import Content
from explorer.memo import kept
from explorer.rules.vocabulary import split_ids
from explorer.url_params import (
    CONSULT,
    LEAN_PARAM,
    MODE_PARAM,
    QUIZ_PARAM,
    RATING_PARAM,
    SITUATION_PARAM,
    SURE_PARAM,
    in_neutral_order,
    link_params,
)
from explorer.words import CONTENT_DIR, current_language, t

# The person's answers are codes, in session state and in share links alike; the words for
# them come from the catalogue (content/en/decide.toml) only where they are shown.

# How important a statement is to the person: a rating keeps the level's position here.
IMPORTANCE = ("not", "a_little", "quite", "very")
IMPORTANT_FROM = IMPORTANCE.index("quite")  # "Quite important" and above count in the alignment

QUIZ_CHOICES = ("true", "false", "unsure")  # "true" and "false" as quiz.csv's `correct` has them

# The SURE test of decisional conflict (Légaré et al., 2010); its questions are in the catalogue.
SURE_ITEMS = ("sure", "understand", "risk_benefit", "encouragement")
YES_NO = ("yes", "no")
# Which languages' SURE questions are a published, validated version: a fact about the wording,
# kept with the content ([sure] validated_languages), not in code.
INSTRUMENTS_FILE = CONTENT_DIR / "instruments.toml"

# Links made before answers were codes carry the words then shown ("quiz=fusion_undo.False",
# "sure=sure.Yes"): read them as the codes, so that they still open the same view.
LEGACY_ANSWERS = {"True": "true", "False": "false", "Not sure": "unsure", "Yes": "yes", "No": "no"}

NOTE_LIMIT = 1000

# How many of the person's priorities the summary's card and consult mode's overview name.
TOP_PRIORITIES = 3

# The leaning question's answer besides an option id: the person has not settled on one.
NOT_SURE_YET = "not_sure"


def importance_words(level: int) -> str:
    return t(f"decide.importance.{IMPORTANCE[level]}")


def quiz_answer_words(choice: str) -> str:
    return t(f"decide.quiz.answers.{choice}")


def sure_question(item_id: str) -> str:
    return t(f"decide.sure.questions.{item_id}")


def sure_validated(language: str | None = None) -> bool:
    """Whether the SURE questions in `language` (the one being spoken unless given) are a
    validated version of SURE. Where they are not, the page, the summary, the PDF and the note
    say so (decide.sure.not_validated)."""
    return (language or current_language()) in _validated_languages(INSTRUMENTS_FILE)


@cache  # read once per file: it changes with a release, not while the app runs
def _validated_languages(path: Path) -> frozenset[str]:
    with path.open("rb") as handle:
        return frozenset(tomllib.load(handle)["sure"]["validated_languages"])


def yes_no_words(answer: str) -> str:
    return t(f"decide.sure.answers.{answer}")


@dataclass
class Answers:
    """What the person has entered in this browser session. Never stored on the server."""

    ratings: dict[str, int] = field(default_factory=dict)  # statement id -> index in IMPORTANCE
    quiz: dict[str, str] = field(default_factory=dict)  # quiz item id -> one of QUIZ_CHOICES
    sure: dict[str, str] = field(default_factory=dict)  # SURE item id -> one of YES_NO
    leaning: str | None = None  # an option id or NOT_SURE_YET; None: not answered


# ---------------------------------------------------------------------------- leaning towards
def leaning_choices(content: Content, option_ids: Sequence[str]) -> list[str]:
    """The answers to "which option are you leaning towards?": the options shown, in neutral
    order, then "not sure yet"."""
    return [*in_neutral_order(option_ids, list(content.option_names())), NOT_SURE_YET]


def leaning_words(content: Content, leaning: str | None, short: bool = False) -> str:
    """The person's leaning in words: an option's name (its short name, for the summary's
    card), "not sure yet", or not answered."""
    if leaning is None:
        return t("decide.leaning.not_answered")
    if leaning == NOT_SURE_YET:
        return t("decide.leaning.not_sure")
    return (content.short_names() if short else content.option_names())[leaning]


# ------------------------------------------------------------------ check your understanding
@dataclass(frozen=True)
class QuizFeedback:
    correct: bool | None  # None: not sure or not answered, so the explanation comes unjudged
    explanation: str
    source_ids: str
    answer: str  # the statement's right answer: "true" or "false"

    def sentence(self) -> str:
        """Right or not and the right answer, one whole message, then why. The explanation's own
        first words saying true or not (decide.quiz.verdict) are left out of it: the message
        says so already, and twice in a row reads as a contradiction ("Right. Not true.")."""
        if self.correct is None:
            return self.explanation
        verdict = t(f"decide.quiz.verdict.{self.answer}")
        why = self.explanation.removeprefix(verdict).lstrip()
        judged = "right" if self.correct else "not_quite"
        return t(f"decide.quiz.{judged}.{self.answer}", explanation=why)

    def with_sources(self) -> str:
        return t("decide.quiz.with_sources", text=self.sentence(), sources=self.source_ids)


@kept
def quiz_feedback(content: Content, item_id: str, choice: str | None) -> QuizFeedback:
    """Feedback for one answer: judged only when the person picks true or false."""
    item = content.quiz.set_index("item_id").loc[item_id]
    correct = choice == item["correct"] if choice in ("true", "false") else None
    return QuizFeedback(correct, item["explanation"], item["source_ids"], item["correct"])


def quiz_score(
    content: Content, quiz_answers: Mapping[str, str], item_ids: Sequence[str]
) -> tuple[int, int]:
    """(right answers, questions in the check): of the items shown to the person (quiz_items)."""
    right = sum(
        1
        for item_id in item_ids
        if quiz_feedback(content, item_id, quiz_answers.get(item_id)).correct
    )
    return right, len(item_ids)


def _in_situation(situation_ids: str, situation_id: str) -> bool:
    """Whether a row naming these situations (none: every one) holds in the person's situation;
    every row does when they are not sure of it."""
    named = split_ids(situation_ids)
    return situation_id == situation.NOT_SURE or not named or situation_id in named


def _about_shown(option_ids: str, shown: Sequence[str]) -> bool:
    """Whether a row naming these options (none: it is about no one option) is about one shown."""
    named = split_ids(option_ids)
    return not named or bool(set(named) & set(shown))


@kept
def quiz_items(
    content: Content, option_ids: Sequence[str], situation_id: str = situation.NOT_SURE
) -> pd.DataFrame:
    """The understanding check for this reader: the items about their situation and about the
    options shown (quiz.csv's situation_ids and option_ids), in order."""
    here = situation.known(content, situation_id)
    quiz = content.quiz
    keep = [
        _in_situation(row.situation_ids, here) and _about_shown(row.option_ids, option_ids)
        for row in quiz.itertuples()
    ]
    return quiz[keep]


# ------------------------------------------------------------------------------ SURE test
@dataclass(frozen=True)
class SureResult:
    yes: int
    answered: int
    total: int = len(SURE_ITEMS)

    @property
    def complete(self) -> bool:
        return self.answered == self.total

    @property
    def talk_more(self) -> bool:
        """Any "no" suggests the person may not yet be ready to decide."""
        return self.answered > self.yes

    def summary(self) -> str:
        """The score in words, as the summary, the PDF and the note give it; in a language whose
        SURE questions are not validated, followed by the sentence that says so."""
        if not self.answered:
            return t("decide.sure.not_done")
        key = "decide.sure.score" if self.complete else "decide.sure.score_so_far"
        score = t(key, yes=self.yes, total=self.total, answered=self.answered)
        return score if sure_validated() else f"{score} {t('decide.sure.not_validated')}"


def sure_result(sure_answers: Mapping[str, str]) -> SureResult:
    given = [
        sure_answers.get(item_id) for item_id in SURE_ITEMS if sure_answers.get(item_id) in YES_NO
    ]
    return SureResult(yes=given.count("yes"), answered=len(given))


# ------------------------------------------------------------------------------- alignment
# How well an option's level lines up with a statement (not the fit of an option to a situation).
LINES_UP = ("well", "partly", "poorly")
FIT_NOT_KNOWN = "not_known"  # the option's level is not known, so neither is the fit
# The quality does not apply to the option (it has no procedure): no level, so no fit either.
FIT_DOES_NOT_APPLY = "does_not_apply"
# The level is from studies of people not in the person's situation (ratings.standing):
# said, with whose, but not counted as lining up with anything.
FIT_OTHER_GROUP = "other_group"
NO_FIT = (FIT_NOT_KNOWN, FIT_DOES_NOT_APPLY, FIT_OTHER_GROUP)  # a cell that is its words alone
# Columns of the alignment rows: importance and fit hold codes, the rest content words.
ALIGNMENT_COLUMNS = (
    "statement",
    "importance",
    "option",
    "topic",
    "level",
    "fit",
    "certainty",
    "shade",
    "state",
)


def fit(level: int, well_to: int, poorly_from: int) -> str:
    """How a level lines up with a statement, by the statement's own rule in statements.csv."""
    return LINES_UP[0] if level <= well_to else LINES_UP[2] if level >= poorly_from else LINES_UP[1]


def fit_words(code: str) -> str:
    return t(f"decide.fit.{code}")


def level_and_fit(level_words: str, code: str) -> str:
    """An alignment chart's cell: the level in words, then how it lines up, if known; where the
    quality does not apply, only that (why is in the table under the chart: a phone's cell is
    narrow)."""
    if code == FIT_DOES_NOT_APPLY:
        return fit_words(code)
    return level_words if code in NO_FIT else t(f"decide.fit_in_chart.{code}", level=level_words)


def row_heading(name: str, level: int) -> str:
    """An alignment chart's row: its name (row_names) and how important it is to the person."""
    return t(f"decide.alignment.row_heading.{IMPORTANCE[level]}", statement=name)


def row_names(alignment_rows: pd.DataFrame) -> list[str]:
    """Each alignment row's name: the statement the person rated, in their words; a statement
    about more than one quality has a row for each, named by the statement and the quality."""
    several = alignment_rows.groupby("statement")["topic"].transform("nunique") > 1
    return [
        t("decide.alignment.statement_topic", statement=statement, topic=topic)
        if both
        else statement
        for statement, topic, both in zip(
            alignment_rows["statement"], alignment_rows["topic"], several
        )
    ]


def alignment(
    content: Content,
    option_ids: Sequence[str],
    ratings: Mapping[str, int],
    situation_id: str = situation.NOT_SURE,
) -> pd.DataFrame:
    """For each statement rated important and each chosen option: the option's level on the
    related attribute, in words, and how it lines up (a code). Per statement; no hidden total.
    The `shade` column places the level on the charts' light-to-dark scale. In a situation, a
    level from other people's studies is said so and not counted (FIT_OTHER_GROUP), unless the
    reader's own grade leads the cell (_cell)."""
    important = [
        row
        for row in content.statements.itertuples()
        if ratings.get(row.statement_id, -1) >= IMPORTANT_FROM
    ]
    chosen = in_neutral_order(option_ids, list(content.option_names()))
    if not important or not chosen:
        return pd.DataFrame(columns=ALIGNMENT_COLUMNS)
    rated = ratings_frames.rated(content, chosen, situation_id)
    names = content.option_names()
    rows = [
        [
            statement.statement,
            ratings[statement.statement_id],
            names[rating.option_id],
            rating.attribute,
            *_cell(rating, statement),
            rating.state,
        ]
        for statement in important
        for attribute_id in split_ids(statement.attribute_ids)
        for rating in rated[rated["attribute_id"] == attribute_id].itertuples()
    ]
    return pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS)


def alignment_note(
    content: Content,
    option_ids: Sequence[str],
    ratings: Mapping[str, int],
    situation_id: str = situation.NOT_SURE,
) -> str:
    """What the line-up's marks mean and whose studies its marked levels are: the glance's note
    (ratings.other_group_text) for the qualities rated important, said just above the chart so
    that a reader meets it before the first marked cell (8th review N4; "" when none is marked)."""
    attribute_ids = {
        attribute_id
        for row in content.statements.itertuples()
        if ratings.get(row.statement_id, -1) >= IMPORTANT_FROM
        for attribute_id in split_ids(row.attribute_ids)
    }
    chosen = in_neutral_order(option_ids, list(content.option_names()))
    if not attribute_ids or not chosen:
        return ""
    rated = ratings_frames.rated(content, chosen, situation_id)
    return ratings_frames.other_group_text(rated[rated["attribute_id"].isin(attribute_ids)])


def _cell(rating, statement) -> tuple:
    """One rated cell's level words, fit, certainty and shade. Where the reader's situation has
    its own grade of how sure we are, the cell is the glance's (that grade first, other people's
    level after it) and that grade is judged like any level (6th review #7)."""
    if pd.isna(rating.own_level):
        return rating.label, _fit(rating, statement), rating.certainty, rating.shade
    return (
        rating.in_cell,
        fit(rating.own_level, statement.lines_up_well_to, statement.lines_up_poorly_from),
        rating.own_grade,
        ratings_frames.shade(rating.own_level, rating.levels),
    )


def _fit(rating, statement) -> str:
    """How one rated cell lines up with a statement, or why it cannot."""
    if rating.state == ratings_frames.DOES_NOT_APPLY:
        return FIT_DOES_NOT_APPLY
    if pd.isna(rating.level):
        return FIT_NOT_KNOWN
    if rating.other_group:
        return FIT_OTHER_GROUP
    return fit(rating.level, statement.lines_up_well_to, statement.lines_up_poorly_from)


@kept
def alignment_table(alignment_rows: pd.DataFrame) -> pd.DataFrame:
    """The alignment as people read it: narrow enough for a phone (the chart's row headings
    carry the topic and how important it is)."""
    return pd.DataFrame(
        {
            t("decide.alignment.statement"): alignment_rows["statement"],
            t("decide.alignment.option"): alignment_rows["option"],
            t("decide.alignment.level"): alignment_rows["level"],
            t("decide.alignment.fit"): alignment_rows["fit"].map(fit_words),
            t("decide.alignment.how_sure"): alignment_rows["certainty"].map(
                compare.certainty_words
            ),
        }
    )


@kept
def fit_rules(content: Content) -> pd.DataFrame:
    """How each statement is judged, in level words: the rule behind every "lines up"."""
    levels = content.attribute_levels
    topics = dict(zip(content.attributes["attribute_id"], content.attributes["name"]))
    rules = dict(zip(content.attributes["attribute_id"], content.attributes["rule"]))
    rows = []
    for statement in content.statements.itertuples():
        for attribute_id in split_ids(statement.attribute_ids):
            labels = levels[levels["attribute_id"] == attribute_id].set_index("level")["label"]
            rows.append(
                [
                    statement.statement,
                    topics[attribute_id],
                    rules[attribute_id],
                    ", ".join(labels[labels.index <= statement.lines_up_well_to]),
                    ", ".join(
                        labels[
                            (labels.index > statement.lines_up_well_to)
                            & (labels.index < statement.lines_up_poorly_from)
                        ]
                    )
                    or "-",
                    ", ".join(labels[labels.index >= statement.lines_up_poorly_from]),
                ]
            )
    return pd.DataFrame(
        rows,
        columns=[
            t("decide.alignment.what_matters"),
            t("decide.alignment.topic"),
            t("ratings.rule_heading"),
            *map(fit_words, LINES_UP),
        ],
    )


@kept
def alignment_alt(alignment: pd.DataFrame) -> str:
    # Two whole sentences, each in the form its own number takes.
    return " ".join(
        [
            t("decide.alignment.alt_options", count=alignment["option"].nunique()),
            t("decide.alignment.alt_topics", count=len(set(row_names(alignment)))),
        ]
    )


# Citations flow as one paragraph on paper, kept apart by this gap.
CITATION_GAP = "   "


@kept
def citations(summary: Summary) -> list[str]:
    """The cited sources, one line each."""
    return compare.source_lines(summary.sources)


@kept
def priorities_table(summary: Summary) -> pd.DataFrame:
    return pd.DataFrame(
        [(statement, importance_words(level)) for statement, level in summary.priorities],
        columns=[t("decide.alignment.what_matters"), t("decide.alignment.how_important")],
    )


@kept
def quiz_table(summary: Summary) -> pd.DataFrame:
    return pd.DataFrame(
        [(statement, answer_words(choice), line) for statement, choice, line in summary.quiz],
        columns=[
            t("decide.quiz.statement"),
            t("decide.quiz.your_answer"),
            t("decide.quiz.evidence_says"),
        ],
    )


def quiz_heading(summary: Summary) -> str:
    """The understanding check's heading: the score, or that it is not answered yet (a score of
    nought would read as failing a check never taken)."""
    if not summary.quiz_answered:
        return t("decide.quiz.not_answered_yet")
    right, total = summary.quiz_score
    return t("decide.quiz.score", right=right, total=total)


def answer_words(choice: str | None) -> str:
    """The person's quiz answer in words, or that there is none."""
    return t("decide.quiz.not_answered") if choice is None else quiz_answer_words(choice)


# ----------------------------------------------------------------- questions for the clinician
@kept
def questions_to_ask(
    content: Content, option_ids: Sequence[str], situation_id: str = situation.NOT_SURE
) -> list[str]:
    """General questions from what an evaluation looks at, then those for each chosen option;
    only those asked in the person's situation (clinician_questions.csv's situation_ids)."""
    here = situation.known(content, situation_id)
    questions = content.clinician_questions
    questions = questions[[_in_situation(cell, here) for cell in questions["situation_ids"]]]
    general = questions[questions["about"] == "general"]["question"].tolist()
    by_option = [
        question
        for option_id in in_neutral_order(option_ids, list(content.option_names()))
        for question in questions[questions["about"] == option_id]["question"]
    ]
    return general + by_option


# ------------------------------------------------------------------------- note for the record
def important_statements(content: Content, ratings: Mapping[str, int]) -> list[str]:
    """Statements the person rated important, most important first, then in page order."""
    statements = content.statements
    rated = [
        (-ratings[row.statement_id], row.position, row.statement)
        for row in statements.itertuples()
        if ratings.get(row.statement_id, -1) >= IMPORTANT_FROM
    ]
    return [statement for *_, statement in sorted(rated)]


def top_priorities(content: Content, ratings: Mapping[str, int]) -> list[str]:
    """The few most important to the person: the summary's card and consult mode's overview."""
    return important_statements(content, ratings)[:TOP_PRIORITIES]


@kept
def record_note(
    content: Content,
    option_ids: Sequence[str],
    answers: Answers,
    situation_id: str = situation.NOT_SURE,
) -> str:
    """Copy-ready plain text for the medical record, under NOTE_LIMIT characters where it can be:
    every option's fit to the situation with its reason, the person's priorities. Short of room,
    the reasons of the options not discussed go first, then the lowest priorities, then the
    other reasons from the last, the note saying how many priorities there are in all; no
    sentence is ever cut in half (a note still too long without them is kept whole)."""
    priorities = important_statements(content, answers.ratings)
    everything = len(priorities)
    discussed = list(option_ids)
    tries = [
        (None, everything),  # every option's reason
        *((discussed, count) for count in range(everything, -1, -1)),
        *((discussed[:kept_reasons], 0) for kept_reasons in range(len(discussed) - 1, -1, -1)),
    ]
    for reasons, count in tries:
        fits = situation.note_lines(content, situation_id, reasons)
        note = _note(content, option_ids, fits, answers, priorities, count)
        if len(note) <= NOTE_LIMIT:
            break
    return note


def _note(
    content: Content,
    option_ids: Sequence[str],
    fits: list[str],
    answers: Answers,
    priorities: list[str],
    count: int,
) -> str:
    """The note with these lines about the situation and the first `count` of the priorities."""
    names = content.option_names()
    release = content.release
    discussed = ", ".join(names[o] for o in in_neutral_order(option_ids, list(names)))
    lines = [
        t(
            "decide.note.tool",
            app=t("app.name"),
            version=release["version"],
            content_date=release["content_date"],
        ),
        *fits,
        t("decide.note.options", options=discussed) if discussed else t("decide.note.no_options"),
        _priorities_line(priorities, count),
        *(
            [t("decide.note.leaning", leaning=leaning_words(content, answers.leaning))]
            if answers.leaning is not None
            else []
        ),
        sure_result(answers.sure).summary(),
        safety.note_line(content),
        t("decide.note.no_recommendation"),
    ]
    return "\n".join(lines)


def _priorities_line(priorities: list[str], count: int) -> str:
    if not priorities:
        return t("decide.note.not_rated")
    if count == len(priorities):
        return t("decide.note.priorities", priorities="; ".join(priorities))
    if count == 0:
        return t("decide.note.priorities_on_summary", total=len(priorities))
    return t(
        "decide.note.priorities_first",
        priorities="; ".join(priorities[:count]),
        total=len(priorities),
    )


# ------------------------------------------------------------------------------- share link
def share_params(
    option_ids: Sequence[str],
    all_option_ids: Sequence[str],
    consult: bool,
    answers: Answers,
    include_answers: bool,
    situation_id: str = situation.NOT_SURE,
    default_ids: Sequence[str] | None = None,
) -> dict[str, list[str] | str]:
    """URL parameters that restore the view: the situation, the options (none when they are the
    default, `default_ids`), the mode. The person's answers go in only if they ask."""
    params: dict[str, list[str] | str] = dict(link_params(option_ids, all_option_ids, default_ids))
    if situation_id != situation.NOT_SURE:
        params[SITUATION_PARAM] = situation_id
    if consult:
        params[MODE_PARAM] = CONSULT
    if include_answers:
        for name, values in (
            (RATING_PARAM, answers.ratings),
            (QUIZ_PARAM, answers.quiz),
            (SURE_PARAM, answers.sure),
        ):
            if values:
                params[name] = [f"{key}.{value}" for key, value in values.items()]
        if answers.leaning is not None:
            params[LEAN_PARAM] = answers.leaning
    return params


def share_url(
    page_url: str,
    option_ids: Sequence[str],
    all_option_ids: Sequence[str],
    consult: bool,
    answers: Answers,
    include_answers: bool,
    situation_id: str = situation.NOT_SURE,
    default_ids: Sequence[str] | None = None,
) -> str:
    """The current page's address with the parameters that restore this view."""
    params = share_params(
        option_ids, all_option_ids, consult, answers, include_answers, situation_id, default_ids
    )
    base = page_url.split("?", 1)[0]
    return base + ("?" + urlencode(params, doseq=True) if params else "")


def answers_from_params(content: Content, params: Mapping[str, Sequence[str]]) -> Answers:
    """Read answers back from a share link, ignoring anything unknown or malformed."""

    def pairs(name: str, valid_keys, codes: Mapping[str, object]) -> dict:
        found = {}
        for raw in params.get(name, []):
            key, _, value = str(raw).partition(".")
            value = LEGACY_ANSWERS.get(value, value)
            if key in valid_keys and value in codes:
                found[key] = codes[value]
        return found

    return Answers(
        ratings=pairs(
            RATING_PARAM,
            set(content.statements["statement_id"]),
            {str(level): level for level in range(len(IMPORTANCE))},
        ),
        quiz=pairs(QUIZ_PARAM, set(content.quiz["item_id"]), {c: c for c in QUIZ_CHOICES}),
        sure=pairs(SURE_PARAM, set(SURE_ITEMS), {c: c for c in YES_NO}),
        leaning=next(
            (
                code
                for code in params.get(LEAN_PARAM, [])
                if code in leaning_choices(content, list(content.option_names()))
            ),
            None,
        ),
    )


# ------------------------------------------------------------------------- take-home summary
def unsaid_whose(
    content: Content,
    card_options: list[short_answers.CardOption],
    key: dict[str, list[chances.Chance]],
) -> list[short_answers.Short]:
    """The card's short answers whose group no key number below it names: each key number says
    whose it is, so a line of whose alone, above them, would stand without a number (8th review
    N1: it read as an orphan label)."""
    whose = content.populations.set_index("population_id")["whose"]
    named = {chance.whose for chances_of in key.values() for chance in chances_of}
    return [
        line.short
        for option in card_options
        for line in option.lines
        if line.short and whose.get(line.short.population_id) not in named
    ]


@dataclass(frozen=True)
class Summary:
    """Everything the take-home summary shows; the page and the PDF both draw from this."""

    option_names: list[str]
    situation_id: str
    situation: list[str]  # the person's situation, the options aimed at it, why others are not
    # The card at the top: each option with how it might help and its main risk, by one rule
    # (short_answers.for_card), whose the results quoted are, and the person's top priorities.
    card_options: list[short_answers.CardOption]
    card_whose: list[str]
    # Just below the card: each option's name with up to three of its numbers, one line each.
    key_numbers: list[tuple[str, list[str]]]
    top_priorities: list[str]
    notes: list[str]
    get_help: list[safety.WarningGroup]
    get_help_elsewhere: str  # the line before the actions for a reader outside the clinic's country
    rows: list[compare.Row]  # the summary questions only (content.summary_question_ids)
    priorities: list[tuple[str, int]]  # (statement, importance level), in page order
    alignment: pd.DataFrame
    alignment_note: str  # what its marks mean and whose they are ("" when none: alignment_note)
    quiz: list[tuple[str, str | None, str]]  # (statement, the person's answer code, feedback)
    quiz_score: tuple[int, int]
    quiz_answered: bool  # whether the person answered any of the understanding check
    leaning: str  # the option they lean towards in words, or that they have not said
    card_leaning: str  # the same, with the option's short name
    sure: SureResult
    questions: list[str]
    sources: pd.DataFrame
    release: Mapping[str, str]


@kept
def summary(
    content: Content,
    option_ids: Sequence[str],
    answers: Answers,
    situation_id: str = situation.NOT_SURE,
) -> Summary:
    chosen = in_neutral_order(option_ids, list(content.option_names()))
    summary_ids = content.summary_question_ids
    # Led, as on Compare, by the claims about people in the situation (explorer/lead.py).
    rows = [
        row for row in lead.rows(content, chosen, situation_id) if row.question_id in summary_ids
    ]
    every_chance = chances.all_chances(content)
    key = {o: chances.key_numbers(every_chance, o, situation_id) for o in chosen}
    card_options = short_answers.for_card(content, situation_id, chosen)
    quiz = quiz_items(content, chosen, situation_id)
    quiz_answers = {k: v for k, v in answers.quiz.items() if k in set(quiz["item_id"])}
    return Summary(
        option_names=[content.option_names()[o] for o in chosen],
        situation_id=situation_id,
        situation=situation.summary_lines(content, situation_id),
        card_options=card_options,
        card_whose=short_answers.whose_lines(
            content, unsaid_whose(content, card_options, key), situation_id
        ),
        key_numbers=[
            (content.option_names()[o], [chance.key_line(situation_id) for chance in key[o]])
            for o in chosen
        ],
        top_priorities=top_priorities(content, answers.ratings),
        notes=compare.notes(content, chosen),
        get_help=safety.warning_groups(content),
        get_help_elsewhere=safety.elsewhere_line(content),
        rows=rows,
        priorities=[
            (row.statement, answers.ratings[row.statement_id])
            for row in content.statements.itertuples()
            if row.statement_id in answers.ratings
        ],
        alignment=alignment(content, chosen, answers.ratings, situation_id),
        alignment_note=alignment_note(content, chosen, answers.ratings, situation_id),
        quiz=[
            (
                row.statement,
                answers.quiz.get(row.item_id),
                quiz_feedback(content, row.item_id, answers.quiz.get(row.item_id)).sentence(),
            )
            for row in quiz.itertuples()
        ],
        quiz_score=quiz_score(content, quiz_answers, list(quiz["item_id"])),
        quiz_answered=bool(quiz_answers),
        leaning=leaning_words(content, answers.leaning),
        card_leaning=leaning_words(content, answers.leaning, short=True),
        sure=sure_result(answers.sure),
        questions=questions_to_ask(content, chosen, situation_id),
        # Only what the handout shows: a full list would not fit its two sheets.
        sources=compare.source_table(
            content.sources,
            only={s for row in rows for cell in row.cells for s in cell.cited_ids}
            | compare.warning_sources(content),
        ),
        release=dict(content.release),
    )
