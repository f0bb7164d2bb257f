"""Each option's short answer to each question, for the person's situation: the situation's own
row of short_answers.csv where there is one, else the first key point of the full answer
(answers.csv), stored once there, with that point's sources and the answer's certainty. A number
in a situation's short answer is about the people of its population_id, said under it in the
words Chances uses (whose numbers they are, against the situation)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from babel.lists import format_list

from explorer import chances, situation
from explorer.compare import certainty_words, evidence_line, key_points
from explorer.data import Content
from explorer.memo import kept
from explorer.populations import WITHIN, matches
from explorer.rules.vocabulary import ROLE, split_ids
from explorer.words import current_language, t


@dataclass(frozen=True)
class Short:
    option_id: str
    option_name: str
    question_id: str
    text: str
    population_id: str
    source_ids: tuple[str, ...]
    certainty: str
    role: str = ""  # its question's role (questions.csv)

    @property
    def of_numbers(self) -> bool:
        """Its grade is of one group's numbers: it quotes a group's results. An answer to how
        sure we are grades a group's studies (3rd review P1), not numbers, and says so plainly."""
        return bool(self.population_id) and self.role != CERTAINTY

    def evidence_line(self) -> str:
        """How sure we are, and the sources. An answer quoting one group's numbers says it is how
        sure we are of those numbers, as on a phone: the table at a glance grades the benefit over
        all the studies, another claim (UX re-review N6)."""
        if self.of_numbers:
            return t(
                "compare.numbers_evidence_line",
                certainty=certainty_words(self.certainty),
                sources=", ".join(self.source_ids),
            )
        return evidence_line(self.certainty, self.source_ids)


@kept
def for_situation(content: Content, situation_id: str) -> dict[tuple[str, str], Short]:
    """(option id, question id) -> the short answer a person in this situation reads."""
    names = content.short_names()  # the list is narrow on a phone
    roles = dict(zip(content.questions["question_id"], content.questions[ROLE]))
    found = {
        (answer.option_id, answer.question_id): _first_point(answer, names, roles)
        for answer in content.answers.itertuples()
    }
    rows = content.short_answers
    # The situation's own rows replace the first key points (none when they are not sure).
    for row in rows[rows["situation_id"] == situation.known(content, situation_id)].itertuples():
        found[row.option_id, row.question_id] = Short(
            row.option_id,
            names[row.option_id],
            row.question_id,
            row.short_answer,
            row.population_id,
            tuple(split_ids(row.source_ids)),
            row.certainty,
            roles.get(row.question_id, ""),
        )
    return found


def _first_point(answer, names: dict[str, str], roles: dict[str, str]) -> Short:
    """A full answer's first key point as its short answer for any situation: it gives no one
    group's numbers, since every situation reads it."""
    point = key_points(answer.key_points, answer.key_point_sources)[0]
    return Short(
        answer.option_id,
        names[answer.option_id],
        answer.question_id,
        point.text,
        "",
        point.source_ids,
        answer.certainty,
        roles.get(answer.question_id, ""),
    )


def for_question(
    content: Content, situation_id: str, question_id: str, option_ids: Sequence[str]
) -> list[Short]:
    """The chosen options' short answers to one question, in the options' order."""
    found = for_situation(content, situation_id)
    return [found[o, question_id] for o in option_ids if (o, question_id) in found]


@kept  # every question of every run asks; the groups' standing takes a table walk
def whose_lines(content: Content, shorts: Sequence[Short], situation_id: str) -> list[str]:
    """Whose numbers the short answers give, once per group of people, said against the
    situation in the words Chances uses (all in it, partly, or not). A group that not every
    answer is about names the options whose answers are (16th review N3: under three answers,
    one group's line read as about all three)."""
    populations = content.populations.set_index("population_id")
    here = situation.known(content, situation_id)
    lines = []
    for population_id in dict.fromkeys(s.population_id for s in shorts if s.population_id):
        key = (
            "whose" if here == situation.NOT_SURE else group_standing(content, population_id, here)
        )
        whose = populations.at[population_id, "whose"]
        of_group = [s.option_name for s in shorts if s.population_id == population_id]
        if len(of_group) == len(shorts):
            lines.append(t(f"situation.numbers.{key}", whose=whose))
        else:
            options = format_list(of_group, locale=current_language())
            lines.append(t(f"situation.numbers.for_options.{key}", options=options, whose=whose))
    return lines


@kept  # the groups' standing takes a table walk
def group_standing(content: Content, population_id: str, here: str) -> str:
    """How a group of people stands to a situation: "about_you" (tagged with it, all in it),
    "partly_about_you" (tagged, partly in it) or "not_about_you" (not tagged with it)."""
    tags = content.populations.set_index("population_id").at[population_id, "situation_ids"]
    if here not in split_ids(tags):
        return "not_about_you"
    standing = matches(content.populations, content.situation_bounds)
    return "about_you" if standing.get((population_id, here)) == WITHIN else "partly_about_you"


def quoted_standing(content: Content, short: Short, here: str) -> str | None:
    """How a short answer's group stands to the situation `here` when the answer may be quoted as
    about people in it: "about_you" or "partly_about_you" (its group is tagged with it); None
    when it gives no one group's numbers or its group is not tagged with it. The summary card
    and the full answers' lead go by it."""
    standing = short.population_id and group_standing(content, short.population_id, here)
    return standing if standing in ("about_you", "partly_about_you") else None


# The role (questions.csv) of the question on how sure we are.
CERTAINTY = "certainty"

# The kind of numbers (outcomes.csv) each question's role asks about.
KINDS = {"benefits": "benefit", "harms": "harm"}


def other_groups(
    content: Content, question_id: str, option_ids: Sequence[str], situation_id: str
) -> list[chances.Chance]:
    """The numbers for a question (its role: benefits or harms) from studies of people not in
    the person's situation (every study, when they are not sure), to be set apart and labelled
    with whose they are. Never from people whose pain was new where the reader's has lasted
    long (their tags, as on Chances: issue 33)."""
    questions = content.questions.set_index("question_id")
    kind = KINDS.get(questions.at[question_id, ROLE])
    here = situation.known(content, situation_id)
    return [
        chance
        for chance in chances.all_chances(content)
        if chance.kind == kind
        and chance.option_id in option_ids
        and (here == situation.NOT_SURE or not chance.about(here))
        and here not in chance.too_new_ids
    ]


# The two questions the summary's card answers for each option: the roles of questions.csv.
CARD_ROLES = ("benefits", "harms")


@dataclass(frozen=True)
class CardLine:
    """One of an option's two lines on the summary's card: the short answer it quotes, or None
    where there is none to quote (the card then says so in the same words for every option)."""

    role: str  # one of CARD_ROLES
    short: Short | None
    partly: bool = False  # its group is only partly people in the situation (said under it)


@dataclass(frozen=True)
class CardOption:
    option_id: str
    option_name: str  # the short name
    lines: tuple[CardLine, ...]  # one a role, in CARD_ROLES' order


def for_card(content: Content, situation_id: str, option_ids: Sequence[str]) -> list[CardOption]:
    """THE rule for the summary card's lines, the same for every option: for each of CARD_ROLES,
    the short answer the person reads on Compare to the question with that role (for their
    situation), quoted only when it is about people in their situation, that is, its group of
    people (population_id) is tagged with the situation ("partly" when the group is only partly
    in it). With no situation chosen, Compare's general short answer, which gives no one group's
    numbers. Otherwise nothing is quoted: no other group's number ever fills the gap."""
    found = for_situation(content, situation_id)
    roles = content.questions.set_index("question_id")[ROLE]
    here = situation.known(content, situation_id)
    names = content.short_names()

    def line(option_id: str, role: str) -> CardLine:
        for question_id in roles.index[roles == role]:
            short = found.get((option_id, question_id))
            if short is None:
                continue
            if here == situation.NOT_SURE:
                return CardLine(role, short)
            standing = quoted_standing(content, short, here)
            if standing:
                return CardLine(role, short, partly=standing == "partly_about_you")
        return CardLine(role, None)

    return [
        CardOption(option_id, names[option_id], tuple(line(option_id, r) for r in CARD_ROLES))
        for option_id in option_ids
    ]
