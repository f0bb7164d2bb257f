"""Command line for the clinic: `python -m explorer check [DIR]` checks a data folder with exactly
the app's rules and prints the same table of problems the app shows. Exit status: 0 when every
file passes, 1 on any problem, 3 when every file passes but the content's review is overdue or
due within 60 days (explorer/review.py), for the clinic's monitoring.
`python -m explorer translation export|import|review …`: a translator's round trip in a PO file
and the review edition (explorer/translation/cli.py).
`python -m explorer questionnaires [--out DIR]` writes the FHIR Questionnaires the app's record
file points at, under the clinic's base address (EXPLORER_FHIR_BASE), for the clinic to publish."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import pandas as pd

from explorer import balance, review, translations
from explorer.data import data_dir
from explorer.fhir import questionnaires
from explorer.rules.files import FILES
from explorer.rules.report import problem_table
from explorer.store import load_snapshot
from explorer.translation import cli as translation_cli
from explorer.words import LANGUAGE, languages, say

# Exit statuses of `check` (2 is argparse's, for a command it cannot read).
PASSES, PROBLEMS, REVIEW_DUE = 0, 1, 3


def check(folder: Path, today: date | None = None) -> int:
    """Check `folder`, print in English (the clinic's command line, like the server log). The
    review is seen from `today` (the server's date unless given)."""
    snapshot = load_snapshot(folder)
    # Not problems: reminders, until a translator reviews or updates the rows.
    for translation in snapshot.translations.values():
        if not translation.reviewed:
            print(translations.unreviewed_line(translation).in_language(LANGUAGE))
        if translation.in_english:
            print(translations.in_english_heading(translation).in_language(LANGUAGE))
            for row in translation.in_english:
                print(f"- {row.said().in_language(LANGUAGE)}")
    if snapshot.english is not None and folder.resolve() == data_dir().resolve():
        _remind_of_questionnaires(snapshot)
    if snapshot.english is not None:
        _remind_of_balance(snapshot.english)
    problems = snapshot.problems
    if not problems:
        print(say(LANGUAGE, "data_check.cli_ok", folder=folder, count=len(FILES)))
        due = review.review(snapshot.english.release, today or review.today())
        if due.state == review.CURRENT:
            return PASSES
        print(due.clinic_line(LANGUAGE))
        return REVIEW_DUE
    print(say(LANGUAGE, "data_check.cli_problems", folder=folder, count=len(problems)))
    with pd.option_context("display.max_colwidth", None, "display.width", 10_000):
        print(problem_table(problems, LANGUAGE).to_string(index=False))
    return PROBLEMS


def _remind_of_questionnaires(snapshot) -> None:
    """The published Questionnaires follow the app's own content: after an edit to the statements
    or the SURE wording they are written again (a reminder, as a clinic's edit is valid)."""
    contents = {language: snapshot.content(language) for language in languages()}
    stale = questionnaires.out_of_date(contents)
    if stale:
        print(say(LANGUAGE, "record.cli.out_of_date", files=", ".join(stale)))


def _remind_of_balance(content) -> None:
    """A list of statements that favours some aimed options is valid data but unfair to readers
    (explorer/balance.py): a reminder, so that the clinic's edit still passes."""
    names = content.option_names()
    for situation_id, counts in balance.unbalanced(content).items():
        listed = ", ".join(f"{names[option_id]}: {count}" for option_id, count in counts.items())
        print(say(LANGUAGE, "data_check.unbalanced", situation=situation_id, counts=listed))


def write_questionnaires(data: Path, out: Path) -> int:
    """Write every language's Questionnaires from the content in `data` into `out`."""
    snapshot = load_snapshot(data)
    if snapshot.english is None:
        return check(data)  # the same table of problems: nothing to write from
    out.mkdir(parents=True, exist_ok=True)
    contents = {language: snapshot.content(language) for language in languages()}
    for name, text in questionnaires.published(contents):
        (out / name).write_text(text, encoding="utf-8")
        print(say(LANGUAGE, "record.cli.written", file=out / name))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explorer")
    commands = parser.add_subparsers(dest="command", required=True)
    check_command = commands.add_parser("check", help=say(LANGUAGE, "data_check.cli.check_help"))
    check_command.add_argument(
        "folder", nargs="?", type=Path, help=say(LANGUAGE, "data_check.cli.folder_help")
    )
    write_command = commands.add_parser(
        "questionnaires", help=say(LANGUAGE, "record.cli.questionnaires_help")
    )
    write_command.add_argument(
        "--out",
        type=Path,
        default=questionnaires.FOLDER,
        help=say(LANGUAGE, "record.cli.out_help"),
    )
    translation_cli.add_commands(commands)
    arguments = parser.parse_args(argv)
    if arguments.command == "translation":
        return translation_cli.run(arguments)
    if arguments.command == "questionnaires":
        return write_questionnaires(data_dir(), arguments.out)
    return check(arguments.folder or data_dir())


if __name__ == "__main__":
    sys.exit(main())
