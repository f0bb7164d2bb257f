"""The consult as FHIR resources: every one read back by the FHIR library's models, the note
exactly the page's note, the PDF the summary's, the responses pointing at the published
Questionnaires, and the Provenance naming the app."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
from datetime import UTC, datetime

import pytest
from fhir.resources.R4B import get_fhir_model_class

from explorer import decide, words
from explorer.fhir import bundle, canonical, document, questionnaires
from explorer.fhir.document import RecordContext
from explorer.words import t
from tests.conftest import FIXTURE_DATA, snapshot_of

MADE = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)
SNAPSHOT = snapshot_of(FIXTURE_DATA)


def answers(content, ratings=True, sure=True, leaning=None) -> decide.Answers:
    statements = list(content.statements["statement_id"])
    return decide.Answers(
        ratings={statements[0]: 3, statements[-1]: 2} if ratings else {},
        sure={"sure": "yes", "understand": "no"} if sure else {},
        leaning=leaning,
    )


def made(content, option_ids, person, language="en"):
    with words.speaking(language):
        return bundle.consult_bundle(content, option_ids, person, made=MADE)


def resources(made_bundle) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for entry in made_bundle["entry"]:
        found.setdefault(entry["resource"]["resourceType"], []).append(entry["resource"])
    return found


def attached(resource: dict, mime_start: str) -> bytes:
    [item] = [
        item["attachment"]
        for item in resource["content"]
        if item["attachment"]["contentType"].startswith(mime_start)
    ]
    data = base64.b64decode(item["data"])
    assert item["size"] == len(data)
    assert base64.b64decode(item["hash"]) == hashlib.sha1(data).digest()
    return data


def every_resource_reads(made_bundle: dict) -> None:
    """The Bundle, and each resource in it on its own, read by the library's R4B models; the
    JSON written for the download reads back the same."""
    text = json.dumps(made_bundle)
    assert get_fhir_model_class("Bundle").model_validate_json(text)
    for entry in made_bundle["entry"]:
        resource = entry["resource"]
        model = get_fhir_model_class(resource["resourceType"])
        parsed = model.model_validate(resource)
        assert parsed.model_dump(mode="json", by_alias=True, exclude_none=True) == resource


@pytest.mark.parametrize("language", words.languages())
def test_every_resource_of_the_bundle_is_valid_fhir(language):
    content = SNAPSHOT.content(language)
    made_bundle = made(content, list(content.options["option_id"]), answers(content), language)
    every_resource_reads(made_bundle)
    assert made_bundle["type"] == "collection"  # a document would need an attested author
    assert len({entry["fullUrl"] for entry in made_bundle["entry"]}) == len(made_bundle["entry"])


@pytest.mark.parametrize("language", words.languages())
def test_the_document_holds_the_pages_note_and_the_summary_pdf(language):
    content = SNAPSHOT.content(language)
    chosen = list(content.options["option_id"])[:2]
    person = answers(content)
    [reference] = resources(made(content, chosen, person, language))["DocumentReference"]
    with words.speaking(language):
        note = decide.record_note(content, chosen, person)
    assert attached(reference, "text/plain").decode("utf-8") == note
    assert attached(reference, "application/pdf").startswith(b"%PDF-")
    assert {item["attachment"]["language"] for item in reference["content"]} == {language}
    # US Core's shape: status, LOINC note type, clinical-note category, date; no author.
    assert reference["status"] == "current"
    assert reference["type"]["coding"] == [{"system": document.LOINC, "code": document.NOTE_TYPE}]
    assert reference["category"][0]["coding"][0]["code"] == "clinical-note"
    assert reference["date"] == "2026-12-06T09:30:00Z"
    assert "author" not in reference
    # A downloaded file names no patient, so it does not claim US Core's profile (which needs one).
    assert "subject" not in reference and "meta" not in reference


def test_a_launch_gives_the_document_its_patient_and_encounter(content):
    with words.speaking("en"):
        reference = bundle.consult_note(
            content,
            ["rest"],
            decide.Answers(),
            made=MADE,
            context=RecordContext(patient="p-1", encounter="e-2"),
        )
    assert reference["subject"] == {"reference": "Patient/p-1"}
    assert reference["context"]["encounter"] == [{"reference": "Encounter/e-2"}]
    assert reference["meta"]["profile"] == [document.US_CORE]
    get_fhir_model_class("DocumentReference").model_validate(reference)


@pytest.mark.parametrize("language", words.languages())
def test_each_response_answers_the_published_questionnaire_in_its_language(language):
    content = SNAPSHOT.content(language)
    person = answers(content)
    found = resources(made(content, ["rest"], person, language))["QuestionnaireResponse"]
    assert len(found) == len(questionnaires.INSTRUMENTS)
    with words.speaking(language):
        published = {
            instrument: questionnaires.questionnaire(instrument, content)
            for instrument in questionnaires.INSTRUMENTS
        }
    by_url = {f"{q['url']}|{q['version']}": q for q in published.values()}
    for response in found:
        questionnaire = by_url[response["questionnaire"]]
        assert questionnaire["language"] == response["language"] == language
        options = {
            link["linkId"]: [o["valueCoding"] for o in link["answerOption"]]
            for link in questionnaire["item"]
        }
        for item in response["item"]:
            [answer] = item["answer"]
            assert answer["valueCoding"] in options[item["linkId"]]
        # Two of each answered: the person has not answered everything yet.
        assert len(response["item"]) == 2 and response["status"] == "in-progress"
    sure = by_url[found[0]["questionnaire"]]
    no = decide.yes_no_words("no")
    assert found[0]["item"][1]["answer"][0]["valueCoding"]["display"] == no
    assert sure["url"].endswith(f"/Questionnaire/sure-{language}")


def test_a_response_is_complete_when_every_item_is_answered(content):
    every = decide.Answers(
        ratings={s: 1 for s in content.statements["statement_id"]},
        sure={item: "yes" for item in decide.SURE_ITEMS},
        leaning=decide.NOT_SURE_YET,
    )
    found = resources(made(content, ["rest"], every))["QuestionnaireResponse"]
    assert [r["status"] for r in found] == ["completed", "completed"]
    # Every rating but not the leaning: what matters is not answered in full.
    found = resources(made(content, ["rest"], dataclasses.replace(every, leaning=None)))
    assert [r["status"] for r in found["QuestionnaireResponse"]] == ["completed", "in-progress"]


@pytest.mark.parametrize("language", words.languages())
def test_the_leaning_is_the_last_item_of_what_matters_answered_by_an_options_code(language):
    """Its answers: every option's code, in the neutral order, then "not sure yet"; each with the
    words the page shows. The response carries the person's leaning, valid against them."""
    content = SNAPSHOT.content(language)
    with words.speaking(language):
        questionnaire = questionnaires.questionnaire(questionnaires.WHAT_MATTERS, content)
        leaning = questionnaire["item"][-1]
        assert leaning["linkId"] == questionnaires.LEANING
        assert leaning["text"] == t("decide.leaning.question")
        assert leaning["type"] == "choice"
        codings = [option["valueCoding"] for option in leaning["answerOption"]]
        every_option = list(content.option_names())
        assert [c["code"] for c in codings] == [*every_option, decide.NOT_SURE_YET]
        assert codings[-1]["display"] == t("decide.leaning.not_sure")
        assert {c["system"] for c in codings} == {canonical.code_system("leaning")}
        others = [c for c in codings if c["code"] != decide.NOT_SURE_YET]
        assert [c["display"] for c in others] == [content.option_names()[o] for o in every_option]
    for choice in (every_option[-1], decide.NOT_SURE_YET):
        person = answers(content, ratings=False, sure=False, leaning=choice)
        made_bundle = made(content, every_option[:1], person, language)
        every_resource_reads(made_bundle)
        [response] = resources(made_bundle)["QuestionnaireResponse"]
        assert response["questionnaire"].split("|")[0] == questionnaire["url"]
        [item] = response["item"]
        assert item["linkId"] == questionnaires.LEANING and item["text"] == leaning["text"]
        [answer] = item["answer"]
        assert answer["valueCoding"] in codings and answer["valueCoding"]["code"] == choice


def test_nothing_answered_makes_no_response_and_provenance_targets_the_rest(content):
    made_bundle = made(content, ["rest"], answers(content, ratings=False, sure=False))
    found = resources(made_bundle)
    assert "QuestionnaireResponse" not in found
    every_resource_reads(made_bundle)
    [provenance] = found["Provenance"]
    [device] = found["Device"]
    urls = {entry["resource"]["id"]: entry["fullUrl"] for entry in made_bundle["entry"]}
    assert [t["reference"] for t in provenance["target"]] == [
        urls[found["DocumentReference"][0]["id"]]
    ]
    assert provenance["agent"][0]["who"]["reference"] == urls[device["id"]]


def test_the_provenance_names_the_app_its_release_and_content_date(content):
    made_bundle = made(content, ["rest"], answers(content))
    found = resources(made_bundle)
    [device] = found["Device"]
    assert device["deviceName"][0]["name"] == words.say("en", "app.name")
    versions = [version["value"] for version in device["version"]]
    assert versions == [content.release["version"], content.release["content_date"]]
    [provenance] = found["Provenance"]
    targets = {t["reference"] for t in provenance["target"]}
    urls = {e["resource"]["id"]: e["fullUrl"] for e in made_bundle["entry"]}
    made_by_app = found["DocumentReference"] + found["QuestionnaireResponse"]
    assert targets == {urls[r["id"]] for r in made_by_app}
    assert provenance["recorded"] == made_bundle["timestamp"] == "2026-12-06T09:30:00Z"


def test_the_clinic_sets_the_base_of_the_canonical_addresses(content, monkeypatch):
    monkeypatch.setenv(canonical.BASE_VARIABLE, "https://fhir.clinic.example/decision-aids/")
    found = resources(made(content, ["rest"], answers(content)))["QuestionnaireResponse"]
    assert found[0]["questionnaire"].startswith(
        "https://fhir.clinic.example/decision-aids/Questionnaire/sure-en|"
    )
    monkeypatch.delenv(canonical.BASE_VARIABLE)
    assert canonical.base() == canonical.DEFAULT_BASE


def test_the_download_is_the_bundle_as_json(content):
    with words.speaking("es"):
        data = bundle.bundle_file(SNAPSHOT.content("es"), ["rest"], answers(content))
    made_bundle = json.loads(data.decode("utf-8"))
    every_resource_reads(made_bundle)
    assert "ó" in data.decode("utf-8")  # Spanish kept as written, not escaped
