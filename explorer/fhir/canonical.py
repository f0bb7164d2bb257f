"""Where the app's FHIR definitions live: a base address the clinic sets, under which every
Questionnaire and code system the app publishes has a canonical URL that never changes."""

from __future__ import annotations

import os

BASE_VARIABLE = "EXPLORER_FHIR_BASE"
# `.invalid` can never be anyone's address (RFC 2606): the default names nobody else's artefact.
# A clinic that publishes the Questionnaires (fhir/, `python -m explorer questionnaires`) sets
# its own base, where they can be read.
DEFAULT_BASE = "https://disc-treatment-explorer.invalid/fhir"


def base() -> str:
    return (os.environ.get(BASE_VARIABLE) or DEFAULT_BASE).rstrip("/")


def questionnaire_url(instrument: str, language: str) -> str:
    """One Questionnaire per instrument and language: a response says which wording was
    answered (the Spanish SURE questions are not the validated instrument)."""
    return f"{base()}/Questionnaire/{instrument}-{language}"


def code_system(name: str) -> str:
    return f"{base()}/CodeSystem/{name}"
