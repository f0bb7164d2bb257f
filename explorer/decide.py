"""Decision support built from the content and the person's own answers: the understanding
check, the SURE test, questions for the clinician, the note for the record and the share link.
Plain functions: the person's answers come in as arguments and nothing is stored."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pandas as pd

from explorer import compare, safety
from explorer import ratings as ratings_frames
from explorer.data import Content
from explorer.ratings import NOT_KNOWN
from explorer.schema import split_ids
from explorer.url_params import (
    CONSULT,
    MODE_PARAM,
    OPTIONS_PARAM,
    QUIZ_PARAM,
    RATING_PARAM,
    SURE_PARAM,
    in_neutral_order,
)
from explorer.words import t

APP_NAME = "Disc treatment explorer"
NOT_A_RECOMMENDATION = (
    "This summary is a starting point for a conversation with your clinician. "
    "It is not medical advice and does not recommend any option."
)

# How important a statement is to the person, from the "What matters to you" page.
IMPORTANCE = ("Not important", "A little important", "Quite important", "Very important")
IMPORTANT_FROM = 2  # "Quite important" and above count as important in the alignment

QUIZ_CHOICES = ("True", "False", "Not sure")

# The SURE test of decisional conflict (Légaré et al., 2010), in its published wording.
SURE_ITEMS: tuple[tuple[str, str], ...] = (
    ("sure", "Do you feel SURE about the best choice for you?"),
    ("understand", "Do you know the benefits and risks of each option?"),
    ("risk_benefit", "Are you clear about which benefits and risks matter most to you?"),
    ("encouragement", "Do you have enough support and advice to make a choice?"),
)
YES_NO = ("Yes", "No")

NOTE_LIMIT = 1000


@dataclass
class Answers:
    """What the person has entered in this browser session. Never stored on the server."""

    ratings: dict[str, int] = field(default_factory=dict)  # statement id -> index in IMPORTANCE
    quiz: dict[str, str] = field(default_factory=dict)  # quiz item id -> one of QUIZ_CHOICES
    sure: dict[str, str] = field(default_factory=dict)  # SURE item id -> "Yes" / "No"


# ------------------------------------------------------------------ check your understanding
@dataclass(frozen=True)
class QuizFeedback:
    correct: bool
    explanation: str
    source_ids: str


def quiz_feedback(content: Content, item_id: str, choice: str) -> QuizFeedback | None:
    """Instant feedback for one answer; None until the person picks True or False."""
    if choice not in ("True", "False"):
        return None
    item = content.quiz.set_index("item_id").loc[item_id]
    return QuizFeedback(choice.lower() == item["correct"], item["explanation"], item["source_ids"])


def quiz_score(content: Content, quiz_answers: Mapping[str, str]) -> tuple[int, int]:
    """(right answers, questions in the check)."""
    right = sum(
        1
        for item_id in content.quiz["item_id"]
        if (feedback := quiz_feedback(content, item_id, quiz_answers.get(item_id, "")))
        and feedback.correct
    )
    return right, len(content.quiz)


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
        """Any "No" suggests the person may not yet be ready to decide."""
        return self.answered > self.yes

    def summary(self) -> str:
        if not self.answered:
            return "SURE test not done"
        done = "" if self.complete else f" ({self.answered} of {self.total} answered)"
        return f"SURE score {self.yes} of {self.total}{done}"


def sure_result(sure_answers: Mapping[str, str]) -> SureResult:
    given = [
        sure_answers.get(item_id)
        for item_id, _ in SURE_ITEMS
        if sure_answers.get(item_id) in YES_NO
    ]
    return SureResult(yes=given.count("Yes"), answered=len(given))


# ------------------------------------------------------------------------------- alignment
FIT_WORDS = ("Lines up well", "Lines up partly", "Lines up poorly")
ALIGNMENT_COLUMNS = ("Statement", "Importance", "Option", "Topic", "Level", "Fit", "How sure")


def fit(level: int, well_to: int, poorly_from: int) -> str:
    """How a level lines up with a statement, by the statement's own rule in statements.csv."""
    return (
        FIT_WORDS[0] if level <= well_to else FIT_WORDS[2] if level >= poorly_from else FIT_WORDS[1]
    )


def alignment(
    content: Content, option_ids: Sequence[str], ratings: Mapping[str, int]
) -> pd.DataFrame:
    """For each statement rated important and each chosen option: the option's level on the
    related attribute, in words, and how it lines up. Per statement; no hidden total.
    The `shade` column places the level on the charts' light-to-dark scale."""
    columns = [*ALIGNMENT_COLUMNS, "shade"]
    important = [
        row
        for row in content.statements.itertuples()
        if ratings.get(row.statement_id, -1) >= IMPORTANT_FROM
    ]
    chosen = in_neutral_order(option_ids, list(content.option_names()))
    if not important or not chosen:
        return pd.DataFrame(columns=columns)
    rated = ratings_frames.rated(content, chosen)
    names = content.option_names()
    rows = [
        [
            statement.statement,
            IMPORTANCE[ratings[statement.statement_id]],
            names[rating.option_id],
            rating.attribute,
            rating.label,
            NOT_KNOWN
            if pd.isna(rating.level)
            else fit(rating.level, statement.lines_up_well_to, statement.lines_up_poorly_from),
            rating.certainty,
            rating.shade,
        ]
        for statement in important
        for attribute_id in split_ids(statement.attribute_ids)
        for rating in rated[rated["attribute_id"] == attribute_id].itertuples()
    ]
    return pd.DataFrame(rows, columns=columns)


def alignment_table(alignment_rows: pd.DataFrame) -> pd.DataFrame:
    """The alignment as people read it: narrow enough for a phone (the chart's row headings
    carry the topic and how important it is)."""
    return alignment_rows[["Statement", "Option", "Level", "Fit", "How sure"]]


def fit_rules(content: Content) -> pd.DataFrame:
    """How each statement is judged, in level words: the rule behind every "lines up"."""
    levels = content.attribute_levels
    topics = dict(zip(content.attributes["attribute_id"], content.attributes["name"]))
    rules = dict(zip(content.attributes["attribute_id"], content.attributes["rule"]))
    rows = []
    for statement in content.statements.itertuples():
        for attribute_id in split_ids(statement.attribute_ids):
            words = levels[levels["attribute_id"] == attribute_id].set_index("level")["label"]
            rows.append(
                [
                    statement.statement,
                    topics[attribute_id],
                    rules[attribute_id],
                    ", ".join(words[words.index <= statement.lines_up_well_to]),
                    ", ".join(
                        words[
                            (words.index > statement.lines_up_well_to)
                            & (words.index < statement.lines_up_poorly_from)
                        ]
                    )
                    or "-",
                    ", ".join(words[words.index >= statement.lines_up_poorly_from]),
                ]
            )
    return pd.DataFrame(
        rows, columns=["What matters", "Topic", t("ratings.rule_heading"), *FIT_WORDS]
    )


def alignment_alt(alignment: pd.DataFrame) -> str:
    topics = alignment["Topic"].nunique()
    return (
        f"How {alignment['Option'].nunique()} options line up on {topics} "
        f"{'topic' if topics == 1 else 'topics'} you rated important. Each cell gives the option's "
        "level in words and whether it lines up well, partly or poorly. The table below has the same information."
    )


# Citations flow as one paragraph on paper, kept apart by this gap.
CITATION_GAP = "   "


def citations(summary: Summary) -> list[str]:
    """The cited sources, one line each."""
    return compare.source_lines(summary.sources, links=False)


def priorities_table(summary: Summary) -> pd.DataFrame:
    return pd.DataFrame(summary.priorities, columns=["What matters", "How important to you"])


def quiz_table(summary: Summary) -> pd.DataFrame:
    return pd.DataFrame(
        summary.quiz, columns=["Statement", "Your answer", "What the evidence says"]
    )


# ----------------------------------------------------------------- questions for the clinician
def questions_to_ask(content: Content, option_ids: Sequence[str]) -> list[str]:
    """General questions from what an evaluation looks at, then those for each chosen option."""
    questions = content.clinician_questions
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


def record_note(content: Content, option_ids: Sequence[str], answers: Answers) -> str:
    """Copy-ready plain text for the medical record, kept under NOTE_LIMIT characters."""
    names = content.option_names()
    release = content.release
    discussed = (
        ", ".join(names[o] for o in in_neutral_order(option_ids, list(names))) or "none chosen"
    )
    priorities = important_statements(content, answers.ratings)
    lines = [
        f"Shared decision-making using {APP_NAME} v{release['version']} (content {release['content_date']}).",
        f"Options discussed: {discussed}.",
        "Patient rated most important: "
        + ("; ".join(priorities) if priorities else "not rated")
        + ".",
        sure_result(answers.sure).summary() + ".",
        safety.note_line(content),
        "Decision aid only; no option recommended by the tool.",
    ]
    note = "\n".join(lines)
    if len(note) > NOTE_LIMIT:  # drop lower priorities rather than cut a sentence in half
        return record_note(content, option_ids, _without_lowest_priority(content, answers))
    return note


def _without_lowest_priority(content: Content, answers: Answers) -> Answers:
    keep = important_statements(content, answers.ratings)[:-1]
    ids = content.statements.set_index("statement")["statement_id"]
    return Answers({ids[s]: answers.ratings[ids[s]] for s in keep}, answers.quiz, answers.sure)


# ------------------------------------------------------------------------------- share link
def share_params(
    option_ids: Sequence[str],
    all_option_ids: Sequence[str],
    consult: bool,
    answers: Answers,
    include_answers: bool,
) -> dict[str, list[str] | str]:
    """URL parameters that restore the view. The person's answers go in only if they ask."""
    params: dict[str, list[str] | str] = {}
    chosen = in_neutral_order(option_ids, all_option_ids)
    if chosen and chosen != list(all_option_ids):
        params[OPTIONS_PARAM] = chosen
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
    return params


def share_url(
    page_url: str,
    option_ids: Sequence[str],
    all_option_ids: Sequence[str],
    consult: bool,
    answers: Answers,
    include_answers: bool,
) -> str:
    """The current page's address with the parameters that restore this view."""
    params = share_params(option_ids, all_option_ids, consult, answers, include_answers)
    base = page_url.split("?", 1)[0]
    return base + ("?" + urlencode(params, doseq=True) if params else "")


def answers_from_params(content: Content, params: Mapping[str, Sequence[str]]) -> Answers:
    """Read answers back from a share link, ignoring anything unknown or malformed."""

    def pairs(name: str, valid_keys, valid_value) -> dict:
        found = {}
        for raw in params.get(name, []):
            key, _, value = str(raw).partition(".")
            if key in valid_keys and valid_value(value):
                found[key] = int(value) if name == RATING_PARAM else value
        return found

    return Answers(
        ratings=pairs(
            RATING_PARAM,
            set(content.statements["statement_id"]),
            lambda v: v in {"0", "1", "2", "3"},
        ),
        quiz=pairs(QUIZ_PARAM, set(content.quiz["item_id"]), lambda v: v in QUIZ_CHOICES),
        sure=pairs(SURE_PARAM, {item_id for item_id, _ in SURE_ITEMS}, lambda v: v in YES_NO),
    )


# ------------------------------------------------------------------------- take-home summary
# The comparison rows a one- or two-page handout has room for: help, harm and certainty,
# the same rows for every option (equal detail).
SUMMARY_QUESTIONS = ("benefits", "risks", "certainty")


@dataclass(frozen=True)
class Summary:
    """Everything the take-home summary shows; the page and the PDF both draw from this."""

    option_names: list[str]
    notes: list[str]
    get_help: list[safety.WarningGroup]
    rows: list[compare.Row]  # SUMMARY_QUESTIONS only
    priorities: list[tuple[str, str]]  # (statement, importance words), in page order
    alignment: pd.DataFrame
    quiz: list[tuple[str, str, str]]  # (statement, the person's answer, feedback)
    quiz_score: tuple[int, int]
    sure: SureResult
    questions: list[str]
    sources: pd.DataFrame
    release: Mapping[str, str]


def summary(content: Content, option_ids: Sequence[str], answers: Answers) -> Summary:
    chosen = in_neutral_order(option_ids, list(content.option_names()))
    rows = [row for row in compare.rows(content, chosen) if row.question_id in SUMMARY_QUESTIONS]
    return Summary(
        option_names=[content.option_names()[o] for o in chosen],
        notes=compare.notes(content, chosen),
        get_help=safety.warning_groups(content),
        rows=rows,
        priorities=[
            (row.statement, IMPORTANCE[answers.ratings[row.statement_id]])
            for row in content.statements.itertuples()
            if row.statement_id in answers.ratings
        ],
        alignment=alignment(content, chosen, answers.ratings),
        quiz=[
            (
                row.statement,
                answers.quiz.get(row.item_id, "Not answered"),
                _quiz_line(content, row.item_id, answers),
            )
            for row in content.quiz.itertuples()
        ],
        quiz_score=quiz_score(content, answers.quiz),
        sure=sure_result(answers.sure),
        questions=questions_to_ask(content, chosen),
        # Only what the handout shows: a full list would not fit its two sheets.
        sources=compare.source_table(
            content.sources,
            only={s for row in rows for cell in row.cells for s in cell.source_ids}
            | compare.warning_sources(content),
        ),
        release=dict(content.release),
    )


def _quiz_line(content: Content, item_id: str, answers: Answers) -> str:
    feedback = quiz_feedback(content, item_id, answers.quiz.get(item_id, ""))
    if feedback is None:
        return content.quiz.set_index("item_id").at[item_id, "explanation"]
    return ("Right. " if feedback.correct else "Not quite. ") + feedback.explanation
