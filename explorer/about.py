"""What the About page shows: the release, the change log and the reading levels. Pure: no
Streamlit here (the page keeps the reading levels once per content version, explorer/ui/reading.py)."""

from collections.abc import Mapping, Sequence

import pandas as pd

from explorer import readability, words
from explorer.data import Content
from explorer.markdown import Md
from explorer.memo import kept
from explorer.words import t, t_md

# The release's rows, by their column in release.csv and their key in the catalogue (about.release).
RELEASE_ROWS = ("version", "content_date", "next_review_date", "review_policy")


def release_facts(content: Content) -> Md:
    """Content date, version, next review and review policy, one labelled line each (a table of
    "Item" and "Details" read as a form on a phone)."""
    release = content.release
    return Md("\n").join(
        Md("- **{label}:** {value}").format(label=t_md(f"about.release.{row}"), value=release[row])
        for row in RELEASE_ROWS
    )


@kept
def version_summaries(content: Content) -> pd.DataFrame:
    """Each version of the change log, newest first, with what it changed in a few words in the
    reader's language (about.changelog.versions; the full log is in English only)."""
    versions = sorted(set(content.changelog["version"]), key=_version_key, reverse=True)
    return pd.DataFrame(
        {
            t("about.changelog.version"): versions,
            t("about.changelog.summary"): [version_summary(version) for version in versions],
        }
    )


def version_summary(version: str) -> str:
    """What `version` changed in a few words, or where to look while it has no summary (a
    clinic's own release, before its summary is written)."""
    key = f"about.changelog.versions.v{version.replace('.', '_')}"
    return t(key) if key in words.catalogue() else t("about.changelog.no_summary")


@kept
def changelog_table(content: Content) -> pd.DataFrame:
    """What changed in each release and why, newest release first, in the clinic's order."""
    log = content.changelog
    newest_first = log.assign(order=log["version"].map(_version_key)).sort_values(
        ["order", "position"], ascending=[False, True], kind="stable"
    )
    return pd.DataFrame(
        {
            t("about.changelog.version"): newest_first["version"],
            t("about.changelog.kind"): newest_first["kind"].map(
                lambda kind: t(f"about.changelog.kinds.{kind}")
            ),
            t("about.changelog.finding"): newest_first["finding"],
            t("about.changelog.change"): newest_first["change"],
            t("about.changelog.reason"): newest_first["reason"],
        }
    )


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def reading_table(scores: Sequence[readability.Score], language: str | None = None) -> pd.DataFrame:
    """One row per source of words (catalogue file, page text file, data file): each of its
    language's reading figures (the grade in English; INFLESZ and Fernández-Huerta in Spanish),
    its longest sentence and whether it meets our aim. The language is the one being read unless
    one is given."""
    rules = readability.rules_for(language or words.current_language())
    figures = {
        t(f"about.reading.measures.{formula.name}"): [
            f"{s.figure(formula.name):.1f}" for s in scores
        ]
        for formula in rules.formulas
    }
    return pd.DataFrame(
        {
            t("about.reading.source"): [s.name for s in scores],
            t("about.reading.kind"): [t(f"about.reading.kinds.{s.kind}") for s in scores],
            **figures,
            t("about.reading.longest"): [
                str(s.longest_sentence_words)
                if s.longest_sentence_words
                else t("about.reading.no_sentences")
                for s in scores
            ],
            t("about.reading.passes"): [
                t("about.reading.yes") if s.passes else t("about.reading.no") for s in scores
            ],
        }
    )


def reading_levels(
    tables: Mapping[str, pd.DataFrame], language: str = words.LANGUAGE
) -> pd.DataFrame:
    """The reading table of one language's words and these data tables (the data's words in that
    language; none: the text files only), measured now: slow (about a second), so the app keeps
    it once per content version and language."""
    return reading_table(readability.measure(tables, language), language)
