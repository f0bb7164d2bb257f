"""The "Get help now" warning signs: built from the data, with the clinic's own phone numbers,
on the pages where a person weighs the options, in consult mode, in the PDF and in the note."""

from __future__ import annotations

import pytest

from explorer import compare, decide, handout, safety
from explorer.data import load_content
from explorer.markdown import plain
from explorer.rules.vocabulary import PLACEHOLDER
from explorer.words import t
from tests.apptest import open_page, texts
from tests.conftest import fixture_content, read_rows, set_cell, write_rows
from tests.test_handout import pdf_text

CONTENT = fixture_content()


def test_groups_keep_the_data_order_with_their_own_signs():
    groups = safety.warning_groups(CONTENT)
    assert [g.group_id for g in groups] == list(CONTENT.warning_groups["group_id"])
    signs = CONTENT.warning_signs
    for group in groups:
        in_data = signs[signs["group_id"] == group.group_id].sort_values("position")["sign"]
        assert list(group.signs) == list(in_data)


def test_actions_name_the_clinics_own_numbers(data_copy):
    write_rows(data_copy / "clinic.csv", [{"emergency_phone": "911", "urgent_phone": "988"}])
    rows = read_rows(data_copy / "warning_groups.csv")
    rows[0]["action"] = (
        "Go to the emergency room now, or call {emergency_phone}. Or {urgent_phone}."
    )
    write_rows(data_copy / "warning_groups.csv", rows)
    content = load_content(data_copy).content
    [first, *_] = safety.warning_groups(content)
    assert first.action == "Go to the emergency room now, or call 911. Or 988."
    assert "911" in safety.note_line(content)


def test_actions_leave_no_placeholder_unfilled():
    raw = CONTENT.warning_groups["action"]
    assert raw.str.contains("{emergency_phone}", regex=False).any()
    assert raw.str.contains("{urgent_phone}", regex=False).any()
    actions = [group.action for group in safety.warning_groups(CONTENT)]
    assert not any(PLACEHOLDER.search(action) for action in actions)
    assert any(CONTENT.clinic["emergency_phone"] in action for action in actions)
    assert any(CONTENT.clinic["urgent_phone"] in action for action in actions)


def test_an_unknown_placeholder_is_a_data_problem(data_copy):
    row = set_cell(data_copy / "warning_groups.csv", 0, "action", "Call {doctor_phone} now.")
    result = load_content(data_copy)
    assert result.content is None
    [problem] = [p for p in result.problems if p.file == "warning_groups.csv"]
    assert (problem.row, problem.column) == (
        row,
        "action",
    ) and "{emergency_phone}" in problem.expectation("en")


def test_a_sign_in_an_unknown_group_is_a_data_problem(data_copy):
    row = set_cell(data_copy / "warning_signs.csv", 0, "group_id", "nowhere")
    problems = load_content(data_copy).problems
    assert any(
        p.file == "warning_signs.csv" and p.row == row and p.column == "group_id" for p in problems
    )


def test_a_phone_number_must_be_a_number(data_copy):
    set_cell(data_copy / "clinic.csv", 0, "emergency_phone", "ring the clinic")
    problems = load_content(data_copy).problems
    assert any(p.file == "clinic.csv" and p.column == "emergency_phone" for p in problems)


def popover_labels(node) -> list[str]:
    """The labels of the buttons that open a popover, anywhere under node (AppTest has no
    accessor for them)."""
    labels = []
    for child in getattr(node, "children", {}).values():
        if getattr(child, "type", None) == "popover":
            labels.append(child.proto.popover.label)
        labels += popover_labels(child)
    return labels


def shown(at) -> str:
    return "\n".join(
        [
            texts(at),
            *(e.value for e in at.error),
            *(h.value for h in at.header),
            *popover_labels(at.main),
        ]
    )


@pytest.mark.parametrize(
    "page, query",
    [
        ("app.py", {}),
        ("pages/compare.py", {}),
        ("pages/compare.py", {"mode": "consult"}),
        ("pages/summary.py", {}),
        ("app.py", {"mode": "consult"}),
    ],
)
def test_get_help_now_is_on_the_page(page, query):
    at = open_page(page, **query)
    assert not at.exception
    body = shown(at)
    assert t("get_help.title") in body
    for group in safety.warning_groups(CONTENT):
        assert plain(group.action) in body  # shown escaped, as typed
        for sign in group.signs:
            assert sign in body


def test_get_help_now_is_in_the_pdf_and_the_note(tmp_path):
    summary = decide.summary(CONTENT, ["nerve_block"], decide.Answers())
    _, text = pdf_text(handout.summary_pdf(summary), tmp_path)
    assert t("get_help.title") in text
    for group in summary.get_help:
        assert " ".join(group.action.split()) in text
        for sign in group.signs:
            assert " ".join(sign.split()) in text
    note = decide.record_note(CONTENT, ["nerve_block"], decide.Answers())
    assert safety.note_line(CONTENT) in note and CONTENT.clinic["emergency_phone"] in note


def test_the_sources_of_the_warning_signs_are_listed_where_they_are_shown():
    wanted = {
        s
        for group in safety.warning_groups(CONTENT)
        for s in group.source_ids.replace(" ", "").split(";")
    }
    summary = decide.summary(CONTENT, ["gel"], decide.Answers())
    source = t("sources.source")
    assert wanted <= set(summary.sources[source])
    assert wanted <= set(compare.cited_sources(CONTENT, ["gel"])[source])
