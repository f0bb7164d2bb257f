"""The "Get help now" warning signs: built from the data, with the clinic's own phone numbers and
its country's services in the reader's language, on the pages where a person weighs the options,
in consult mode, in the PDF and in the note; the data check of the clinic's country and numbers."""

from __future__ import annotations

import pytest

from explorer import compare, decide, handout, safety, words
from explorer.countries import COUNTRIES, ELSEWHERE_NUMBERS, is_country_code
from explorer.data import load_content
from explorer.markdown import plain
from explorer.rules.vocabulary import ACTION_PLACEHOLDERS, PLACEHOLDER
from explorer.store import load_snapshot
from explorer.ui.shell import PAGES
from explorer.words import speaking, t
from tests.apptest import open_page, texts
from tests.conftest import fixture_content, problems_of, set_cell, write_rows
from tests.test_handout import pdf_text

CONTENT = fixture_content()


def test_groups_keep_the_data_order_with_their_own_signs():
    groups = safety.warning_groups(CONTENT)
    assert [g.group_id for g in groups] == list(CONTENT.warning_groups["group_id"])
    signs = CONTENT.warning_signs
    for group in groups:
        in_data = signs[signs["group_id"] == group.group_id].sort_values("position")["sign"]
        assert list(group.signs) == list(in_data)


# A clinic in each country, with that country's emergency number and a line for urgent advice:
# the UK's national one (111), or in the US a line of the clinic's own.
CLINICS = {
    "GB": {"country": "GB", "emergency_phone": "999", "urgent_phone": "111"},
    "US": {"country": "US", "emergency_phone": "911", "urgent_phone": "555 0100"},
}


def clinic_in(folder, country: str) -> dict[str, str]:
    write_rows(folder / "clinic.csv", [CLINICS[country]])
    return CLINICS[country]


def services_of(country: str, language: str) -> list[str]:
    """The names of the services a clinic in `country` sends people to, in `language`."""
    with speaking(language):
        urgent = "country.GB.urgent_service" if country == "GB" else "get_help.urgent_line"
        return [t(f"country.{country}.emergency_service"), t(urgent)]


def said_for(country: str, language: str) -> list[str]:
    clinic = CLINICS[country]
    return [clinic["emergency_phone"], clinic["urgent_phone"], *services_of(country, language)]


def other_country(country: str) -> str:
    return next(code for code in CLINICS if code != country)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("country", sorted(CLINICS))
def test_actions_note_and_pdf_name_the_countrys_number_and_services(
    data_copy, tmp_path, country, language
):
    clinic_in(data_copy, country)
    content = load_snapshot(data_copy).content(language)
    with speaking(language):
        actions = " ".join(group.action for group in safety.warning_groups(content))
        note = decide.record_note(content, ["nerve_block"], decide.Answers())
        summary = decide.summary(content, ["nerve_block"], decide.Answers())
        _, pdf = pdf_text(handout.summary_pdf(summary), tmp_path)
    for named in said_for(country, language):
        assert named in actions and named in note and " ".join(named.split()) in pdf, named
    for named in services_of(other_country(country), language):
        assert named not in actions + note + pdf, named
    # Before the actions, the PDF tells a reader outside that country to call their own number.
    elsewhere = " ".join(summary.get_help_elsewhere.split())
    assert elsewhere in pdf and pdf.index(elsewhere) < pdf.index(actions.split(".")[0])


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("country", sorted(CLINICS))
def test_the_get_help_box_names_the_countrys_number_and_services(
    served_data_copy, country, language
):
    clinic_in(served_data_copy, country)
    # The summary's short list: plain text (st.text), so as typed.
    body = shown(open_page("views/summary.py", lang=language))
    for named in said_for(country, language):
        assert named in body, named
    assert not any(w in body for w in services_of(other_country(country), language))
    with speaking(language):
        assert t(f"country.{country}.place") in body


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("country", sorted(CLINICS))
def test_a_reader_outside_the_clinics_country_is_told_to_call_their_local_number(
    data_copy, country, language
):
    clinic_in(data_copy, country)
    content = load_snapshot(data_copy).content(language)
    with speaking(language):
        line = safety.elsewhere_line(content)
        assert t(f"country.{country}.place") in line
    for number in ELSEWHERE_NUMBERS.values():
        assert number in line


def test_the_local_numbers_given_as_examples_are_the_countries_own():
    # 112 reaches the emergency services across the EU (Spain's first number), 911 in the US and
    # Mexico alike: the line names the two together.
    assert ELSEWHERE_NUMBERS["eu_phone"] in COUNTRIES["ES"].emergency_numbers
    assert ELSEWHERE_NUMBERS["us_phone"] in COUNTRIES["US"].emergency_numbers
    assert ELSEWHERE_NUMBERS["us_phone"] in COUNTRIES["MX"].emergency_numbers


def test_a_line_of_the_clinics_own_is_not_named_as_the_national_service():
    # The fixture clinic is in the UK with a local line for urgent advice, not NHS 111.
    [getting_worse] = [g for g in safety.warning_groups(CONTENT) if g.group_id == "getting_worse"]
    assert t("get_help.urgent_line") in getting_worse.action
    assert t("country.GB.urgent_service") not in getting_worse.action


@pytest.mark.parametrize("country, number", [("US", "999"), ("GB", "911"), ("US", "112")])
def test_an_emergency_number_not_of_the_clinics_country_is_refused(data_copy, country, number):
    write_rows(data_copy / "clinic.csv", [{**CLINICS[country], "emergency_phone": number}])
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "clinic.csv",
        2,
        "emergency_phone",
        number,
    )
    assert problem.expected.key == "data_rule.emergency_phone"
    # Said in the reader's language, with the numbers of every country the app knows.
    spanish = words.catalogue("es")["data_rule.emergency_phone"].split("{")[0]
    assert problem.expectation("es").startswith(spanish)
    assert f"{country} {CLINICS[country]['emergency_phone']}" in problem.expectation("es")


@pytest.mark.parametrize(
    "code, rule",
    [
        ("FR", "data_rule.country_known"),  # a country, but not one whose numbers the app knows
        ("UK", "data_rule.country_code"),  # not an ISO 3166-1 code
        ("gb", "data_rule.country_code"),
        ("", "data_rule.country_code"),
    ],
)
def test_an_unknown_country_is_refused(data_copy, code, rule):
    set_cell(data_copy / "clinic.csv", 0, "country", code)
    [problem] = problems_of(data_copy)  # its emergency number is not reported as well
    assert (problem.file, problem.column, problem.expected.key) == ("clinic.csv", "country", rule)


def test_every_country_has_its_services_named_in_every_language():
    for language in words.languages():
        catalogue = words.catalogue(language)
        for code, country in COUNTRIES.items():
            assert is_country_code(code), code
            assert catalogue[f"country.{code}.emergency_service"], (language, code)
            assert catalogue[f"country.{code}.place"], (language, code)
            # A national line for urgent advice has its name; a country without one has none.
            named = f"country.{code}.urgent_service" in catalogue
            assert named == bool(country.urgent_numbers), (language, code)


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
    assert (problem.row, problem.column) == (row, "action")
    assert all("{" + name + "}" in problem.expectation("en") for name in ACTION_PLACEHOLDERS)


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
            *(w.value for w in at.warning),
            *(h.value for h in at.header),
            *popover_labels(at.main),
        ]
    )


def shows_every_warning_sign(body: str) -> bool:
    return all(
        plain(group.action) in body and all(sign in body for sign in group.signs)
        for group in safety.warning_groups(CONTENT)
    )


@pytest.mark.parametrize(
    "page, query",
    [
        ("app.py", {}),
        ("views/compare.py", {"mode": "consult"}),
        ("app.py", {"mode": "consult"}),
    ],
)
def test_get_help_now_is_on_the_page(page, query):
    at = open_page(page, **query)
    assert not at.exception
    body = shown(at)
    assert t("get_help.title") in body
    assert shows_every_warning_sign(body)  # shown escaped, as typed
    assert plain(safety.elsewhere_line(CONTENT)) in body


BANNER_PAGES = [page.path for page in PAGES if page.help_banner]


@pytest.mark.parametrize("page", BANNER_PAGES)
def test_every_other_page_has_the_get_help_strip_that_opens_the_full_list(page):
    at = open_page(page)
    assert not at.exception
    assert [e for e in at.expander if e.label == t("get_help.banner")]
    # Closed, it sends one line; nothing below repeats the list.
    assert not shows_every_warning_sign(shown(at))
    at.session_state["get-help-open"] = True  # as a click opens it
    at.run()
    assert not at.exception
    assert shows_every_warning_sign(shown(at))


def test_the_start_page_keeps_the_full_list_and_no_strip():
    at = open_page("app.py")
    assert t("get_help.banner") not in [e.label for e in at.expander]


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


# What the tool cannot know, in the words of each language: that the list was handed over in
# writing, or printed (Print opens the browser's dialog, which never reports back).
UNKNOWABLE = {"en": ("writing", "print", "given"), "es": ("escrito", "imprim", "dieron")}


@pytest.mark.parametrize("language", sorted(UNKNOWABLE))
def test_the_note_says_only_that_the_warning_signs_were_shown(language):
    with speaking(language):
        line = safety.note_line(CONTENT).lower()
    assert not [word for word in UNKNOWABLE[language] if word in line], line
