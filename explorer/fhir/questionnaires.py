"""The Questionnaires the app publishes: the SURE test, and the what-matters ratings with the
question of which option the person is leaning towards; one per language (a response must say
which wording the person answered: the Spanish SURE questions are our own translation, not the
validated instrument). Files in fhir/, written from the content by
`python -m explorer questionnaires`; tests/content checks that they match it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from fhir.resources.R4B.questionnaire import Questionnaire

from explorer import decide
from explorer.data import Content
from explorer.fhir import canonical
from explorer.fhir.model import Resource, checked
from explorer.words import current_language, speaking, t

SURE = "sure"
WHAT_MATTERS = "what-matters"
INSTRUMENTS = (SURE, WHAT_MATTERS)
FOLDER = Path(__file__).resolve().parent.parent.parent / "fhir"
# HL7's yes/no codes for the SURE answers; the four levels of importance are the app's own codes.
YES_NO_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0136"
YES_NO_CODES = {"yes": "Y", "no": "N"}
IMPORTANCE_SYSTEM = "importance"
# The last item of what matters, as the page asks it last: its answers are the app's own codes,
# an option's id or decide.NOT_SURE_YET.
LEANING = "leaning"
LEANING_SYSTEM = "leaning"


def sure_coding(answer: str) -> Resource:
    return {
        "system": YES_NO_SYSTEM,
        "code": YES_NO_CODES[answer],
        "display": decide.yes_no_words(answer),
    }


def importance_coding(level: int) -> Resource:
    return {
        "system": canonical.code_system(IMPORTANCE_SYSTEM),
        "code": decide.IMPORTANCE[level],
        "display": decide.importance_words(level),
    }


def leaning_coding(content: Content, leaning: str) -> Resource:
    return {
        "system": canonical.code_system(LEANING_SYSTEM),
        "code": leaning,
        "display": decide.leaning_words(content, leaning),
    }


def questions(instrument: str, content: Content) -> list[tuple[str, str]]:
    """(linkId, question) of each item, in the order the page asks them."""
    if instrument == SURE:
        return [(item, decide.sure_question(item)) for item in decide.SURE_ITEMS]
    statements = content.statements.sort_values("position")
    return [
        *zip(statements["statement_id"], statements["statement"]),
        (LEANING, t("decide.leaning.question")),
    ]


def answer_options(instrument: str, link_id: str, content: Content) -> list[Resource]:
    """The codings an item may be answered with: yes or no; a level of importance; or, for the
    leaning, every option (the page offers those shown; any is a valid answer) or not sure yet."""
    if instrument == SURE:
        return [sure_coding(answer) for answer in decide.YES_NO]
    if link_id == LEANING:
        every_option = list(content.option_names())
        return [leaning_coding(content, c) for c in decide.leaning_choices(content, every_option)]
    return [importance_coding(level) for level in range(len(decide.IMPORTANCE))]


def canonical_url(instrument: str, content: Content) -> str:
    """The Questionnaire a response answers, at this content release: `url|version`."""
    url = canonical.questionnaire_url(instrument, current_language())
    return f"{url}|{content.release['version']}"


def questionnaire(instrument: str, content: Content) -> Resource:
    """The instrument in the language being spoken."""
    description = t(f"record.questionnaire.{instrument}.description")
    if instrument == SURE and not decide.sure_validated():
        description = f"{description} {t('decide.sure.not_validated')}"
    return checked(
        Questionnaire,
        {
            "url": canonical.questionnaire_url(instrument, current_language()),
            "version": content.release["version"],
            "title": t(f"record.questionnaire.{instrument}.title"),
            "status": "active",
            "date": content.release["content_date"],
            "publisher": t("app.name"),
            "description": description,
            "language": current_language(),
            "item": [
                {
                    "linkId": link_id,
                    "text": text,
                    "type": "choice",
                    "answerOption": [
                        {"valueCoding": option}
                        for option in answer_options(instrument, link_id, content)
                    ],
                }
                for link_id, text in questions(instrument, content)
            ],
        },
    )


def file_name(instrument: str, language: str) -> str:
    return f"Questionnaire-{instrument}-{language}.json"


def published(contents: dict[str, Content]) -> Iterator[tuple[str, str]]:
    """(file name, JSON text) of every Questionnaire, for each language's content."""
    for language, content in contents.items():
        with speaking(language):
            for instrument in INSTRUMENTS:
                text = json.dumps(questionnaire(instrument, content), ensure_ascii=False, indent=2)
                yield file_name(instrument, language), text + "\n"


def out_of_date(contents: dict[str, Content], folder: Path = FOLDER) -> list[str]:
    """Names of the Questionnaires in `folder` that are missing or differ from the content's: a
    reminder for the clinic to write and publish them again, never a problem (the app runs)."""
    return [
        name
        for name, text in published(contents)
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]
