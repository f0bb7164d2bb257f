"""The person's SURE answers, and their what-matters ratings and leaning, as
QuestionnaireResponses, each pointing at the published Questionnaire in the language they
answered in. Only answered items are listed; a response with nothing answered is not made."""

from __future__ import annotations

from datetime import datetime

from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from explorer import decide
from explorer.data import Content
from explorer.fhir.model import Resource, checked, instant, new_id
from explorer.fhir.questionnaires import (
    LEANING,
    SURE,
    WHAT_MATTERS,
    canonical_url,
    importance_coding,
    leaning_coding,
    questions,
    sure_coding,
)
from explorer.words import current_language


def responses(content: Content, answers: decide.Answers, made: datetime) -> list[Resource]:
    codings = {
        SURE: {item: sure_coding(answer) for item, answer in answers.sure.items()},
        WHAT_MATTERS: {
            **{item: importance_coding(level) for item, level in answers.ratings.items()},
            **({LEANING: leaning_coding(content, answers.leaning)} if answers.leaning else {}),
        },
    }
    built = [
        _response(instrument, content, codings[instrument], made)
        for instrument in (SURE, WHAT_MATTERS)
    ]
    return [response for response in built if response is not None]


def _response(
    instrument: str, content: Content, codings: dict[str, Resource], made: datetime
) -> Resource | None:
    asked = questions(instrument, content)
    items = [
        {"linkId": link_id, "text": text, "answer": [{"valueCoding": codings[link_id]}]}
        for link_id, text in asked
        if link_id in codings
    ]
    if not items:
        return None
    return checked(
        QuestionnaireResponse,
        {
            "id": new_id(),
            "questionnaire": canonical_url(instrument, content),
            "status": "completed" if len(items) == len(asked) else "in-progress",
            "authored": instant(made),
            "language": current_language(),
            "item": items,
        },
    )
