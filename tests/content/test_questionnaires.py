"""The Questionnaires in fhir/ are the ones the shipped content makes: after an edit to the
statements or the SURE wording, `python -m explorer questionnaires` writes them again."""

from __future__ import annotations

import json

from fhir.resources.R4B.questionnaire import Questionnaire

from explorer import words
from explorer.fhir import canonical, questionnaires
from tests.conftest import shipped_data, snapshot_of


def test_the_published_questionnaires_match_the_content(monkeypatch):
    monkeypatch.delenv(canonical.BASE_VARIABLE, raising=False)
    snapshot = snapshot_of(shipped_data())
    made = dict(
        questionnaires.published({lang: snapshot.content(lang) for lang in words.languages()})
    )
    on_disk = {path.name: path for path in questionnaires.FOLDER.glob("Questionnaire-*.json")}
    assert set(on_disk) == set(made), "run: python -m explorer questionnaires"
    for name, text in made.items():
        assert on_disk[name].read_text(encoding="utf-8") == text, (
            f"{name} is out of date: python -m explorer questionnaires"
        )
        Questionnaire.model_validate_json(text)
        assert json.loads(text)["url"].startswith(canonical.DEFAULT_BASE)
