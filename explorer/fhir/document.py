"""The consult note and the summary PDF as one DocumentReference, in the shape of US Core's
(status current, a LOINC note type, category clinical-note, both files attached, the date). The
author is left for the record system, which knows who filed it; the patient and the encounter
come from an EHR launch, and a downloaded file leaves them to the system that imports it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fhir.resources.R4B.documentreference import DocumentReference

from explorer.fhir.model import Resource, attachment, checked, instant, new_id, urn
from explorer.words import current_language, t

LOINC = "http://loinc.org"
# LOINC 11506-3, Progress note: one of US Core's clinical note types, which every certified EHR
# takes. The note records a shared decision made during the person's own visit, written into
# that visit's notes; a Consult note (11488-4) is a consultant's answer to another clinician's
# referral, which this is not.
NOTE_TYPE = "11506-3"
CATEGORY_SYSTEM = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category"
CLINICAL_NOTE = "clinical-note"
# IHE's format code for a file whose MIME type says all a reader needs.
FORMAT_SYSTEM = "http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode"
MIME_TYPE_SUFFICIENT = "urn:ihe:iti:xds:2017:mimeTypeSufficient"
US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-documentreference"
NOTE_MIME = "text/plain; charset=utf-8"
PDF_MIME = "application/pdf"


@dataclass(frozen=True)
class RecordContext:
    """Whose record and which visit, as an EHR launch gave them (FHIR ids); none in a download."""

    patient: str | None = None
    encounter: str | None = None


NO_CONTEXT = RecordContext()


def document_reference(
    note: str,
    pdf: bytes,
    made: datetime,
    context: RecordContext = NO_CONTEXT,
    resource_id: str | None = None,
) -> Resource:
    """The note (as the page shows it) and the PDF, in the language being spoken."""
    language = current_language()
    made_at = instant(made)
    resource_id = resource_id or new_id()
    fields: Resource = {
        "id": resource_id,
        "identifier": [{"system": "urn:ietf:rfc:3986", "value": urn(resource_id)}],
        "status": "current",
        "type": {
            "coding": [{"system": LOINC, "code": NOTE_TYPE}],
            "text": t("record.document.type"),
        },
        "category": [{"coding": [{"system": CATEGORY_SYSTEM, "code": CLINICAL_NOTE}]}],
        "date": made_at,
        "description": t("record.document.description"),
        "content": [
            _content(note.encode("utf-8"), NOTE_MIME, language, t("record.document.note"), made_at),
            _content(pdf, PDF_MIME, language, t("record.document.pdf"), made_at),
        ],
    }
    if context.patient:
        # US Core requires the patient: only then does the resource claim its profile.
        fields["meta"] = {"profile": [US_CORE]}
        fields["subject"] = {"reference": f"Patient/{context.patient}"}
    if context.encounter:
        fields["context"] = {"encounter": [{"reference": f"Encounter/{context.encounter}"}]}
    return checked(DocumentReference, fields)


def _content(data: bytes, mime: str, language: str, title: str, made_at: str) -> Resource:
    return {
        "attachment": attachment(data, mime, language, title, made_at),
        "format": {"system": FORMAT_SYSTEM, "code": MIME_TYPE_SUFFICIENT},
    }
