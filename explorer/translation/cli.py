"""The clinic's command line for a translator's round trip, in English as `python -m explorer
check` is: `translation export es FILE.po` writes every text to translate into Spanish;
`translation import FILE.po` checks the translator's file and writes its words back, or prints
a table of the entries that fail and writes nothing (exit status 1); `translation review es
OUTDIR` writes the review edition (review.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
from babel.messages.pofile import PoFileError

from explorer import words
from explorer.data import data_dir, load_content
from explorer.rules.report import problem_table
from explorer.store import load_snapshot
from explorer.translation import importing, po, review
from explorer.translation.texts import read_texts
from explorer.words import LANGUAGE, say

_SAID = "translation.po"


def add_commands(commands: argparse._SubParsersAction) -> None:
    """`translation export` and `translation import`, under the main parser's commands."""
    translation = commands.add_parser("translation", help=say(LANGUAGE, f"{_SAID}.cli.help"))
    steps = translation.add_subparsers(dest="step", required=True)
    export = steps.add_parser("export", help=say(LANGUAGE, f"{_SAID}.cli.export_help"))
    export.add_argument(
        "language",
        choices=[language for language in words.languages() if language != LANGUAGE],
        help=say(LANGUAGE, f"{_SAID}.cli.language_help"),
    )
    export.add_argument("file", type=Path, help=say(LANGUAGE, f"{_SAID}.cli.file_help"))
    bring_back = steps.add_parser("import", help=say(LANGUAGE, f"{_SAID}.cli.import_help"))
    bring_back.add_argument("file", type=Path, help=say(LANGUAGE, f"{_SAID}.cli.file_help"))
    for step in (export, bring_back):
        step.add_argument(
            "--data", type=Path, default=None, help=say(LANGUAGE, f"{_SAID}.cli.data_help")
        )
    edition = steps.add_parser("review", help=say(LANGUAGE, "translation.review.cli.review_help"))
    edition.add_argument("language", help=say(LANGUAGE, "translation.review.cli.language_help"))
    edition.add_argument(
        "outdir", type=Path, help=say(LANGUAGE, "translation.review.cli.outdir_help")
    )


def run(arguments: argparse.Namespace) -> int:
    if arguments.step == "review":
        return review_edition(arguments.language, arguments.outdir)
    folder = arguments.data or data_dir()
    result = load_content(folder)
    if result.content is None:
        print(say(LANGUAGE, f"{_SAID}.english_problems", folder=folder))
        _print_table(problem_table(result.problems, LANGUAGE))
        return 1
    if arguments.step == "export":
        return export(arguments.language, arguments.file, folder, result.content)
    return import_file(arguments.file, folder, result.content)


def review_edition(language: str, folder: Path) -> int:
    """Write the review edition of `language` from the app's data folder into `folder`."""
    snapshot = load_snapshot(data_dir())
    if snapshot.english is None:
        print(say(LANGUAGE, "translation.review.cli.no_content"), file=sys.stderr)
        return 1
    if language not in snapshot.translations or language not in words.languages():
        others = ", ".join(sorted(set(snapshot.translations) & set(words.languages())))
        print(
            say(
                LANGUAGE, "translation.review.cli.no_language", language=language, languages=others
            ),
            file=sys.stderr,
        )
        return 2
    written = review.write(snapshot, language, folder)
    print(say(LANGUAGE, "translation.review.cli.written", path=written))
    return 0


def export(language: str, path: Path, folder: Path, english) -> int:
    texts = read_texts(language, english, folder).texts
    catalog = po.catalog(language, str(english.release["version"]), texts)
    with path.open("wb") as handle:
        po.write(handle, catalog)
    untranslated = sum(not text.translation for text in texts)
    stale = sum(text.stale for text in texts)
    print(say(LANGUAGE, f"{_SAID}.exported", count=len(texts), language=language, file=path))
    print(say(LANGUAGE, f"{_SAID}.untranslated", count=untranslated))
    print(say(LANGUAGE, f"{_SAID}.stale", count=stale))
    return 0


def import_file(path: Path, folder: Path, english) -> int:
    try:
        with path.open("rb") as handle:
            read = po.read(handle)
    except (OSError, PoFileError, ValueError) as error:
        print(say(LANGUAGE, f"{_SAID}.unreadable", file=path, reason=error))
        return 1
    languages = [language for language in words.languages() if language != LANGUAGE]
    if read.language not in languages:
        print(
            say(
                LANGUAGE,
                f"{_SAID}.no_language",
                file=path,
                language=read.language,
                languages=", ".join(languages),
            )
        )
        return 1
    plan = importing.plan(read, english, folder)
    if plan.failures:
        print(say(LANGUAGE, f"{_SAID}.refused", file=path, count=len(plan.failures)))
        table = pd.DataFrame(
            [(failure.context, failure.what(LANGUAGE)) for failure in plan.failures],
            columns=[say(LANGUAGE, f"{_SAID}.table.{name}") for name in ("context", "problem")],
        )
        _print_table(table)
        return 1
    importing.write(plan.writes)
    if plan.writes:
        print(say(LANGUAGE, f"{_SAID}.imported", file=path, count=len(plan.writes)))
        for written in plan.writes:
            print(f"- {written}")
    else:
        print(say(LANGUAGE, f"{_SAID}.nothing_changed", file=path))
    if plan.kept_in_english:
        print(say(LANGUAGE, f"{_SAID}.kept_in_english", count=len(plan.kept_in_english)))
        for context in plan.kept_in_english:
            print(f"- {context}")
    if plan.left_out:
        print(say(LANGUAGE, f"{_SAID}.left_out", count=len(plan.left_out)))
        for context in plan.left_out:
            print(f"- {context}")
    print(say(LANGUAGE, f"{_SAID}.next"))
    return 0


def _print_table(table: pd.DataFrame) -> None:
    with pd.option_context("display.max_colwidth", None, "display.width", 10_000):
        print(table.to_string(index=False, justify="left", formatters=_left(table)))


def _left(table: pd.DataFrame) -> dict:
    """Cells set to the left, as text is read, each column as wide as its longest cell."""
    widths = {
        column: max([len(str(column)), *(len(str(cell)) for cell in table[column])])
        for column in table.columns
    }
    return {column: (lambda cell, w=width: f"{cell!s:<{w}}") for column, width in widths.items()}
