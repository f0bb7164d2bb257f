"""The Questionnaires in fhir/ are the ones the content makes: `python -m explorer questionnaires`
writes them, and `python -m explorer check` reminds the clinic when an edit to the statements or
the SURE wording has left them out of date (a reminder: the clinic's edit is valid)."""

from __future__ import annotations

import json

from fhir.resources.R4B.questionnaire import Questionnaire

from explorer import words
from explorer.__main__ import main
from explorer.data import DATA_DIR_VARIABLE
from explorer.fhir import canonical, questionnaires
from explorer.store import load_snapshot
from tests.conftest import read_rows, write_rows


def contents_of(folder):
    snapshot = load_snapshot(folder)  # not the cached snapshot_of: the test edits the folder
    return {language: snapshot.content(language) for language in words.languages()}


def test_written_questionnaires_are_valid_and_a_statement_edit_is_reminded(
    data_copy, tmp_path, monkeypatch, capsys
):
    monkeypatch.delenv(canonical.BASE_VARIABLE, raising=False)
    monkeypatch.setattr(questionnaires, "FOLDER", tmp_path)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    assert main(["questionnaires", "--out", str(tmp_path)]) == 0
    written = sorted(path.name for path in tmp_path.glob("Questionnaire-*.json"))
    assert written == sorted(name for name, _ in questionnaires.published(contents_of(data_copy)))
    for path in tmp_path.glob("Questionnaire-*.json"):
        Questionnaire.model_validate_json(path.read_text(encoding="utf-8"))
        assert json.loads(path.read_text())["url"].startswith(canonical.DEFAULT_BASE)
    assert questionnaires.out_of_date(contents_of(data_copy), tmp_path) == []

    rows = read_rows(data_copy / "statements.csv")
    rows[0]["statement"] = rows[0]["statement"] + " Reworded by the clinic."
    write_rows(data_copy / "statements.csv", rows)
    stale = questionnaires.out_of_date(contents_of(data_copy), tmp_path)
    assert "Questionnaire-what-matters-en.json" in stale
    assert not any("sure" in name for name in stale)
    capsys.readouterr()
    assert main(["check", str(data_copy)]) == 0  # a reminder, not a problem
    assert "Questionnaire-what-matters-en.json" in capsys.readouterr().out
