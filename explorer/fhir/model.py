"""Every resource the app makes passes through the FHIR library's models on its way out: a
missing required element, an unknown one or a value of the wrong type fails here, in the app's
own tests, not in a clinic's record system."""

from __future__ import annotations

import base64
import hashlib
import uuid
from datetime import UTC, datetime
from typing import Any

from fhir.resources.R4B import FHIRAbstractModel

Resource = dict[str, Any]


def checked(model: type[FHIRAbstractModel], fields: Resource) -> Resource:
    """`fields` read by `model`, as FHIR JSON (with its resourceType)."""
    return model.model_validate(fields).model_dump(mode="json", by_alias=True, exclude_none=True)


def instant(moment: datetime) -> str:
    """A FHIR instant: to the second, in UTC."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_id() -> str:
    return str(uuid.uuid4())


def urn(resource_id: str) -> str:
    """How resources in one Bundle point at each other before a server gives them ids."""
    return f"urn:uuid:{resource_id}"


def attachment(data: bytes, content_type: str, language: str, title: str, made: str) -> Resource:
    """Attached bytes, with their size and SHA-1 hash (R4's Attachment.hash) to check them by."""
    return {
        "contentType": content_type,
        "language": language,
        "data": base64.b64encode(data).decode("ascii"),
        "size": len(data),
        "hash": base64.b64encode(hashlib.sha1(data).digest()).decode("ascii"),
        "title": title,
        "creation": made,
    }
