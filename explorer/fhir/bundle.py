"""The consult as one FHIR Bundle of type `collection`, for record systems that import files.

Not a `document` Bundle: FHIR's documents open with a Composition that names its author and
is attested by them, and the app leaves the author to the record system (the clinician who
files it). A collection is a plain set of resources: the DocumentReference (the note and the
PDF), the QuestionnaireResponses, and the Device and Provenance that say the app made them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from fhir.resources.R4B.bundle import Bundle

from explorer import decide, handout, situation
from explorer.data import Content
from explorer.fhir.document import NO_CONTEXT, RecordContext, document_reference
from explorer.fhir.model import Resource, checked, instant, new_id, urn
from explorer.fhir.provenance import app_device, provenance
from explorer.fhir.responses import responses

MIME = "application/fhir+json"


def consult_note(
    content: Content,
    option_ids: Sequence[str],
    answers: decide.Answers,
    situation_id: str = situation.NOT_SURE,
    made: datetime | None = None,
    context: RecordContext = NO_CONTEXT,
) -> Resource:
    """The DocumentReference of this consult: the record note and the summary PDF exactly as
    the summary page makes them."""
    summary = decide.summary(content, option_ids, answers, situation_id)
    return document_reference(
        decide.record_note(content, option_ids, answers, situation_id),
        handout.summary_pdf(summary),
        made or datetime.now(UTC),
        context,
    )


def consult_bundle(
    content: Content,
    option_ids: Sequence[str],
    answers: decide.Answers,
    situation_id: str = situation.NOT_SURE,
    made: datetime | None = None,
) -> Resource:
    made = made or datetime.now(UTC)
    made_by_app = [
        consult_note(content, option_ids, answers, situation_id, made),
        *responses(content, answers, made),
    ]
    device = app_device(content.release)
    resources = [
        *made_by_app,
        device,
        provenance(urn(device["id"]), [urn(r["id"]) for r in made_by_app], made),
    ]
    return checked(
        Bundle,
        {
            "id": new_id(),
            "identifier": {"system": "urn:ietf:rfc:3986", "value": urn(new_id())},
            "type": "collection",
            "timestamp": instant(made),
            "entry": [{"fullUrl": urn(r["id"]), "resource": r} for r in resources],
        },
    )


def bundle_file(
    content: Content,
    option_ids: Sequence[str],
    answers: decide.Answers,
    situation_id: str = situation.NOT_SURE,
) -> bytes:
    """The Bundle as the summary page's download gives it."""
    bundle = consult_bundle(content, option_ids, answers, situation_id)
    return json.dumps(bundle, ensure_ascii=False, indent=1).encode("utf-8")
