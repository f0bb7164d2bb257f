"""Who made the consult's resources: the app, as a Device with its release and content date,
and a Provenance pointing at every resource it assembled."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from fhir.resources.R4B.device import Device
from fhir.resources.R4B.provenance import Provenance

from explorer.fhir.model import Resource, checked, instant, new_id
from explorer.words import t

PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"


def app_device(release: Mapping[str, str]) -> Resource:
    """The app by name, its release and the date of the content it showed."""
    return checked(
        Device,
        {
            "id": new_id(),
            "deviceName": [{"name": t("app.name"), "type": "user-friendly-name"}],
            "version": [
                {"type": {"text": t("record.provenance.release")}, "value": release["version"]},
                {
                    "type": {"text": t("record.provenance.content_date")},
                    "value": release["content_date"],
                },
            ],
        },
    )


def provenance(device_url: str, target_urls: Sequence[str], made: datetime) -> Resource:
    """The app (an assembler: it put the resources together from the person's answers) made
    `target_urls` at `made`."""
    return checked(
        Provenance,
        {
            "id": new_id(),
            "target": [{"reference": url} for url in target_urls],
            "recorded": instant(made),
            "activity": {"coding": [{"system": DATA_OPERATION, "code": "CREATE"}]},
            "agent": [
                {
                    "type": {"coding": [{"system": PARTICIPANT_TYPE, "code": "assembler"}]},
                    "who": {"reference": device_url},
                }
            ],
        },
    )
