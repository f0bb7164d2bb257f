"""Every language has every word: the same catalogue keys with the same placeholders as English,
every Markdown file, and a review record for each file (who translated it, who reviewed it). The
data's words per language are checked by tests/test_translations.py and tests/content."""

from __future__ import annotations

import csv
import shutil

import pytest

from explorer import words
from explorer.rules.vocabulary import PLACEHOLDER
from tests.conftest import ROOT

OTHER_LANGUAGES = [language for language in words.languages() if language != words.LANGUAGE]
ENGLISH_DIR = ROOT / "content" / words.LANGUAGE
REVIEW_COLUMNS = ["file", "translated_by", "reviewed_by", "reviewed_on"]


def test_there_is_a_second_language():
    assert OTHER_LANGUAGES  # the checks below would pass vacuously without one


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_key_is_there_with_the_same_placeholders(language):
    english, other = words.catalogue(words.LANGUAGE), words.catalogue(language)
    assert sorted(set(english) - set(other)) == [], "missing"
    assert sorted(set(other) - set(english)) == [], "not in English"
    for key, text in english.items():
        found = set(PLACEHOLDER.findall(other[key]))
        assert found == set(PLACEHOLDER.findall(text)), (language, key)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_text_file_is_there_and_has_a_review_record(language):
    folder = ROOT / "content" / language
    english = sorted(path.name for path in ENGLISH_DIR.iterdir() if path.suffix != ".csv")
    assert sorted(p.name for p in folder.iterdir() if p.suffix != ".csv") == english
    with (folder / "review.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == REVIEW_COLUMNS
        records = {row["file"]: row for row in reader}
    assert sorted(records) == english
    assert all(row["translated_by"] for row in records.values())


def test_a_third_language_needs_only_files(tmp_path, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(content / words.LANGUAGE, content / "xx")
    monkeypatch.setattr(words, "CONTENT_DIR", content)
    words.catalogue.cache_clear()
    try:
        assert words.languages() == [words.LANGUAGE, *sorted([*OTHER_LANGUAGES, "xx"])]
        words.use_language("xx")
        assert words.t("app.name") == words.catalogue(words.LANGUAGE)["app.name"]
    finally:
        words.use_language(words.LANGUAGE)
        words.catalogue.cache_clear()


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        words.use_language("zz")
