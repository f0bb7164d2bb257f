"""Add an option to a data folder through the CSV files alone, as a clinic would: a row in
options.csv, and in every file that has rows per option a copy of a neighbour's rows under the
new id (answers, ratings, recovery, outcomes, fit to each situation, what an evaluation looks
at, clinician questions), and the new id beside the
neighbour's wherever a list of option ids names it (anatomy_states.csv).

    python -m tests.new_option FOLDER [--id heat_treatment] [--name ...] [--short-name ...]

tests/test_new_option.py uses it on a copy of data/ to show that a sixth option needs no code
or test edits."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from explorer.rules.vocabulary import ROLE, split_ids
from explorer.translations import LANGUAGE_CODE
from tests.conftest import read_rows, write_rows

# Files with rows per option, and the column naming the option.
PER_OPTION = {
    "answers.csv": "option_id",
    "short_answers.csv": "option_id",
    "ratings.csv": "option_id",
    "recovery.csv": "option_id",
    "outcomes.csv": "option_id",
    "option_fit.csv": "option_id",
    "evaluation.csv": "option_id",
    "clinician_questions.csv": "about",
}
# Files with rows only for the options of one status (the "Offered this by a clinic?" card of an
# investigational option): the copy takes the neighbour's status, so its rows too.
BY_STATUS = {"offer.csv": "option_id"}
# Columns that list option ids ("conservative; esi").
OPTION_LISTS = {"anatomy_states.csv": "option_ids"}


def listed_option(folder: Path) -> str | None:
    """The last option (in display order) that a list of option ids names (a disc state's), so
    that a copy of its rows is listed there too; None (the last option) when no list names one."""
    listed = {
        option_id
        for file_name, column in OPTION_LISTS.items()
        for row in read_rows(folder / file_name)
        for option_id in split_ids(row[column])
    }
    options = sorted(read_rows(folder / "options.csv"), key=lambda row: int(row["position"]))
    return next((row["option_id"] for row in reversed(options) if row["option_id"] in listed), None)


@dataclass(frozen=True)
class NewOption:
    option_id: str
    name: str
    short_name: str
    like: str  # the neighbour whose rows were copied


def add_option(
    folder: Path,
    option_id: str = "heat_treatment",
    name: str = "Radiofrequency heat treatment",
    short_name: str = "Heat treatment",
    like: str | None = None,
) -> NewOption:
    """Add the option after the last one (in display order), copying the rows of `like` (the last
    option if not given). The copy has no role: each role stays on its one row. An id or name the
    folder already has gets a number, so the tool also works on data that already has it."""
    options = read_rows(folder / "options.csv")
    option_id = _unused(option_id, {row["option_id"] for row in options}, "_")
    name = _unused(name, {row["name"] for row in options}, " ")
    short_name = _unused(short_name, {row["short_name"] for row in options}, " ")
    last = max(options, key=lambda row: int(row["position"]))
    like = like or last["option_id"]
    [neighbour] = [row for row in options if row["option_id"] == like]
    options.append(
        {
            **neighbour,
            "option_id": option_id,
            "position": str(int(last["position"]) + 1),
            "name": name,
            "short_name": short_name,
            ROLE: "",
        }
    )
    write_rows(folder / "options.csv", options)

    for file_name, column in {**PER_OPTION, **BY_STATUS}.items():
        path = folder / file_name
        rows = read_rows(path)
        copies = [{**row, column: option_id} for row in rows if row[column] == like]
        if file_name == "clinician_questions.csv":
            # Ids, positions and questions are unique in this file.
            top = max(int(row["position"]) for row in rows)
            copies = [
                {
                    **row,
                    "question_id": f"{row['question_id']}_{option_id}",
                    "position": str(top + i),
                    "question": f"{row['question']} ({short_name})",
                }
                for i, row in enumerate(copies, start=1)
            ]
        write_rows(path, rows + copies, list(rows[0]))

    for language_folder in sorted(folder.iterdir()):
        if LANGUAGE_CODE.fullmatch(language_folder.name):
            _add_translation(language_folder, option_id, name, short_name, like)

    for file_name, column in OPTION_LISTS.items():
        path = folder / file_name
        rows = read_rows(path)
        for row in rows:
            ids = split_ids(row[column])
            if like in ids:
                row[column] = "; ".join([*ids, option_id])
        write_rows(path, rows)
    return NewOption(option_id, name, short_name, like)


def _add_translation(folder: Path, option_id: str, name: str, short_name: str, like: str) -> None:
    """The neighbour's translated rows under the new id, as a translator would start from."""
    for file_name, column in {"options.csv": "option_id", **PER_OPTION, **BY_STATUS}.items():
        path = folder / file_name
        if not path.is_file():
            continue  # a file without words to translate (ratings.csv)
        rows = read_rows(path)
        if file_name == "clinician_questions.csv":  # keyed by question id: the copies' new ids
            copies = [
                {**row, "question_id": f"{row['question_id']}_{option_id}"}
                for row in rows
                if row["question_id"] in _questions_about(folder.parent, like)
            ]
            copies = [{**row, "question": f"{row['question']} ({short_name})"} for row in copies]
        else:
            copies = [{**row, column: option_id} for row in rows if row[column] == like]
        if file_name == "options.csv":
            copies = [{**row, "name": name, "short_name": short_name} for row in copies]
        write_rows(path, rows + copies, list(rows[0]))


def _questions_about(folder: Path, option_id: str) -> set[str]:
    rows = read_rows(folder / "clinician_questions.csv")
    return {row["question_id"] for row in rows if row["about"] == option_id}


def _unused(value: str, taken: set[str], separator: str) -> str:
    number = 1
    candidate = value
    while candidate in taken:
        number += 1
        candidate = f"{value}{separator}{number}"
    return candidate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--id", default="heat_treatment")
    parser.add_argument("--name", default="Radiofrequency heat treatment")
    parser.add_argument("--short-name", default="Heat treatment")
    parser.add_argument("--like", default=None, help="the option whose rows are copied")
    args = parser.parse_args(argv)
    added = add_option(args.folder, args.id, args.name, args.short_name, args.like)
    print(f"Added {added.option_id} ({added.name}) to {args.folder}, like {added.like}.")


if __name__ == "__main__":
    main()
