"""What the study of people in the reader's situation found, in words, for the Chances page: the
short answers (short_answers.csv) to the benefit and harm questions whose numbers come from people
in the situation. Many such results are not "x out of 100" (leg pain averaged 2.8 out of 10), so
a picture of 100 people cannot show them; said in words, they still come first."""

from __future__ import annotations

from explorer import short_answers, situation
from explorer.data import Content
from explorer.memo import kept
from explorer.rules.vocabulary import ROLE, split_ids
from explorer.short_answers import Short

# The kind of numbers (outcomes.csv) each question's role asks about.
KINDS = {"benefits": "benefit", "harms": "harm"}


@kept
def in_words(content: Content, situation_id: str, option_id: str) -> dict[str, list[Short]]:
    """kind (benefit, harm) -> the chosen option's short answer about people in the situation,
    then the same study's other groups (other options' short answers from the same people), so
    that the option is said beside its comparison group and never beside another trial's."""
    here = situation.known(content, situation_id)
    if here == situation.NOT_SURE:
        return {}
    tagged = {
        row.population_id
        for row in content.populations.itertuples()
        if here in split_ids(row.situation_ids)
    }
    found = short_answers.for_situation(content, here)
    options = [option_id, *(o for o in content.option_names() if o != option_id)]
    said: dict[str, list[Short]] = {}
    for question in content.questions.itertuples():
        kind = KINDS.get(getattr(question, ROLE))
        own = found.get((option_id, question.question_id))
        if kind is None or own is None or own.population_id not in tagged:
            continue
        said.setdefault(kind, []).extend(
            found[o, question.question_id]
            for o in options
            if (o, question.question_id) in found
            and found[o, question.question_id].population_id == own.population_id
        )
    return said


def none_line(words: list[Short]) -> str:
    """The catalogue key saying what is missing under a heading where no picture is about people
    in the reader's situation: numbers of any kind, or only "out of 100" ones, when their study's
    result is said in words (`words`) instead."""
    return "chances.page.no_out_of_100" if words else "chances.page.none_about_you"
