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
from tests.languages import plural_categories, plural_families

OTHER_LANGUAGES = [language for language in words.languages() if language != words.LANGUAGE]
ENGLISH_DIR = ROOT / "content" / words.LANGUAGE
REVIEW_COLUMNS = ["file", "translated_by", "reviewed_by", "reviewed_on"]


def test_there_is_a_second_language():
    assert OTHER_LANGUAGES  # the checks below would pass vacuously without one


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def _single_messages(language: str) -> dict[str, str]:
    """The catalogue's keys that are one message each (not a plural family's forms)."""
    families = plural_families(language)
    return {
        key: text
        for key, text in words.catalogue(language).items()
        if key.rpartition(".")[0] not in families
    }


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_key_is_there_with_the_same_placeholders(language):
    english, other = _single_messages(words.LANGUAGE), _single_messages(language)
    assert sorted(set(english) - set(other)) == [], "missing"
    assert sorted(set(other) - set(english)) == [], "not in English"
    for key, text in english.items():
        assert _placeholders(other[key]) == _placeholders(text), (language, key)
    assert sorted(plural_families(language)) == sorted(plural_families(words.LANGUAGE))


@pytest.mark.parametrize("language", words.languages())
def test_every_plural_family_has_each_form_its_language_needs(language):
    # English needs "one" and "other"; Spanish "one", "many" (un millón de …) and "other".
    english = plural_families(words.LANGUAGE)
    assert english, "no plural family: this test would pass vacuously"
    for family, forms in plural_families(language).items():
        assert set(forms) == plural_categories(language), (language, family)
        # Each form keeps every placeholder of the English family, {count} too.
        expected = _placeholders(english[family]["other"])
        assert words.COUNT in expected, family
        for category, text in forms.items():
            assert _placeholders(text) == expected, (language, family, category)


def test_a_plural_family_is_said_in_the_form_its_count_takes():
    rule = words.plural_rule("es")
    assert [rule(n) for n in (1, 2, 0, 1_000_000)] == ["one", "other", "other", "many"]
    for language in words.languages():
        for family, forms in plural_families(language).items():
            stand_ins = dict.fromkeys(_placeholders(forms["other"]), "x")
            for count in (0, 1, 2, 5, 1_000_000):
                values = {**stand_ins, words.COUNT: count}
                expected = forms[words.plural_rule(language)(count)]
                assert words.say(language, family, **values) == expected.format(**values)


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
