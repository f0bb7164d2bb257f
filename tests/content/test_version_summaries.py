"""Every version of the shipped change log is summed up in a few words in every language (the
About page; the full log is in English only, as the evidence team writes it: re-review N10)."""

from __future__ import annotations

import pytest

from explorer import about, words


@pytest.mark.parametrize("language", words.languages())
def test_every_shipped_version_has_its_summary(shipped_content, language):
    with words.speaking(language):
        missing = [
            version
            for version in sorted(set(shipped_content.changelog["version"]))
            if about.version_summary(version) == words.t("about.changelog.no_summary")
        ]
    assert missing == [], f"add about.changelog.versions.v… for {missing} (content/*/ui.toml)"
