"""Command line for the clinic: `python -m explorer check [DIR]` checks a data folder with exactly
the app's rules and prints the same table of problems the app shows. Exit status 1 on any problem.
`python -m explorer translation review LANGUAGE OUTDIR` writes the review edition of a language
(explorer/translation/review.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from explorer import translations
from explorer.data import data_dir
from explorer.rules.files import FILES
from explorer.rules.report import problem_table
from explorer.store import load_snapshot
from explorer.translation import review
from explorer.words import LANGUAGE, languages, say


def check(folder: Path) -> int:
    """Check `folder`, print in English (the clinic's command line, like the server log)."""
    snapshot = load_snapshot(folder)
    # Not problems: reminders, until a translator reviews or updates the rows.
    for translation in snapshot.translations.values():
        if not translation.reviewed:
            print(translations.unreviewed_line(translation).in_language(LANGUAGE))
        if translation.in_english:
            print(translations.in_english_heading(translation).in_language(LANGUAGE))
            for row in translation.in_english:
                print(f"- {row.said().in_language(LANGUAGE)}")
    problems = snapshot.problems
    if not problems:
        print(say(LANGUAGE, "data_check.cli_ok", folder=folder, count=len(FILES)))
        return 0
    print(say(LANGUAGE, "data_check.cli_problems", folder=folder, count=len(problems)))
    with pd.option_context("display.max_colwidth", None, "display.width", 10_000):
        print(problem_table(problems, LANGUAGE).to_string(index=False))
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explorer")
    commands = parser.add_subparsers(dest="command", required=True)
    check_command = commands.add_parser("check", help=say(LANGUAGE, "data_check.cli.check_help"))
    check_command.add_argument(
        "folder", nargs="?", type=Path, help=say(LANGUAGE, "data_check.cli.folder_help")
    )
    _review_parser(commands)
    arguments = parser.parse_args(argv)
    if arguments.command == "translation" and arguments.tool == "review":
        return review_edition(arguments.language, arguments.outdir)
    return check(arguments.folder or data_dir())


def _review_parser(commands) -> None:
    translation = commands.add_parser(
        "translation", help=say(LANGUAGE, "translation.review.cli.translation_help")
    )
    tools = translation.add_subparsers(dest="tool", required=True)
    review_command = tools.add_parser(
        "review", help=say(LANGUAGE, "translation.review.cli.review_help")
    )
    review_command.add_argument(
        "language", help=say(LANGUAGE, "translation.review.cli.language_help")
    )
    review_command.add_argument(
        "outdir", type=Path, help=say(LANGUAGE, "translation.review.cli.outdir_help")
    )


def review_edition(language: str, folder: Path) -> int:
    """Write the review edition of `language` from the app's data folder into `folder`."""
    snapshot = load_snapshot(data_dir())
    if snapshot.english is None:
        print(say(LANGUAGE, "translation.review.cli.no_content"), file=sys.stderr)
        return 1
    if language not in snapshot.translations or language not in languages():
        others = ", ".join(sorted(set(snapshot.translations) & set(languages())))
        print(
            say(
                LANGUAGE, "translation.review.cli.no_language", language=language, languages=others
            ),
            file=sys.stderr,
        )
        return 2
    print(
        say(
            LANGUAGE,
            "translation.review.cli.written",
            path=review.write(snapshot, language, folder),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
