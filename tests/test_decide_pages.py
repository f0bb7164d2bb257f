"""AppTest of the decision pages: what matters, the summary, and consult mode."""

from __future__ import annotations

import pytest

from explorer import chances, compare, decide, safety, short_answers, situation, summary_card, words
from explorer.markdown import plain
from explorer.ui import printing
from explorer.url_params import OVERVIEW
from explorer.words import t
from tests.apptest import anchors, as_read, in_order, jumps, listed_sources, open_page
from tests.conftest import FIXTURE_DATA, fixture_content, snapshot_of

CONTENT = fixture_content()  # what the pages read

WHAT_MATTERS = "views/what_matters.py"
SUMMARY = "views/summary.py"


def radio(at, key):
    return at.radio(key=key)


def in_url(at, key) -> list[str]:
    """A URL parameter's values (AppTest gives a string or a list, depending on who set it)."""
    value = at.query_params[key]
    return value if isinstance(value, list) else [value]


def shown(elements) -> list[str]:
    """Element text as the person reads it (CSV text is escaped for Markdown)."""
    return [element.value.replace("\\", "") for element in elements]


def test_rating_a_statement_shows_how_the_options_line_up():
    at = open_page(WHAT_MATTERS)
    assert not at.exception
    assert not at.get("vega_lite_chart")  # nothing rated yet
    radio(at, "rate-light_touch").set_value(3).run()
    assert not at.exception
    [chart] = at.get("vega_lite_chart")
    assert "line up" in chart.proto.alt
    table = at.main.table[0].value
    assert set(table[t("decide.alignment.statement")]) == {"Keeping the treatment light"}
    assert list(table[t("decide.alignment.option")].unique()) == list(CONTENT.options["name"])


def test_narrowing_the_options_narrows_the_alignment():
    at = open_page(WHAT_MATTERS, options=["nerve_block", "gel"])
    radio(at, "rate-proven_gain").set_value(2).run()
    assert list(at.main.table[0].value["Option"].unique()) == [
        "Nerve block injection",
        "Disc gel implant",
    ]


def test_quiz_gives_instant_feedback():
    at = open_page(WHAT_MATTERS)
    item = CONTENT.quiz.set_index("item_id").loc["gel_proven"]
    wrong = "true" if item["correct"] == "false" else "false"
    radio(at, "quiz-gel_proven").set_value(wrong).run()
    feedback = decide.quiz_feedback(CONTENT, "gel_proven", wrong).with_sources()
    assert shown(at.warning) == [feedback]  # the sentence decide builds, once
    judged = t(f"decide.quiz.not_quite.{item['correct']}", explanation="")
    assert feedback.startswith(judged) and not at.success
    radio(at, "quiz-gel_proven").set_value(item["correct"]).run()
    assert shown(at.success) == [
        decide.quiz_feedback(CONTENT, "gel_proven", item["correct"]).with_sources()
    ]
    radio(at, "quiz-gel_proven").set_value("unsure").run()
    assert not at.success and not at.warning
    assert item["explanation"] in shown(at.info)[-1]


def test_the_quiz_and_questions_on_the_page_follow_the_situation_and_options_shown():
    at = open_page(WHAT_MATTERS, situation="leg_pain", options=["rest", "nerve_block"])
    assert not at.exception
    items = decide.quiz_items(CONTENT, ["rest", "nerve_block"], "leg_pain")
    drawn = {key.removeprefix("quiz-") for key in at.session_state if key.startswith("quiz-")}
    assert drawn == set(items["item_id"])
    page = "\n".join(text.value for text in at.main.get("text"))
    asked = decide.questions_to_ask(CONTENT, ["rest", "nerve_block"], "leg_pain")
    assert all(question in page for question in asked)
    left_out = set(CONTENT.clinician_questions["question"]) - set(asked)
    assert left_out and not any(question in page for question in left_out)


def test_any_no_in_sure_prompts_a_talk_with_the_clinician():
    at = open_page(WHAT_MATTERS)
    for item in ("sure", "understand", "risk_benefit"):
        radio(at, f"sure-{item}").set_value("yes").run()
    radio(at, "sure-encouragement").set_value("no").run()
    assert t("decide.sure.talk_more") in shown(at.warning)


@pytest.mark.parametrize("language", words.languages())
def test_the_sure_questions_say_when_their_wording_is_not_validated(language, sure_validated_in):
    not_validated = words.say(language, "decide.sure.not_validated")
    sure_validated_in(words.LANGUAGE)
    at = open_page(WHAT_MATTERS, lang=language)
    assert (not_validated in shown(at.info)) is (language != words.LANGUAGE)
    sure_validated_in(language)
    assert not_validated not in shown(open_page(WHAT_MATTERS, lang=language).info)


def test_the_summary_and_its_note_say_when_the_sure_wording_is_not_validated(sure_validated_in):
    sure_validated_in()  # no language: every page says so
    at = open_page(SUMMARY, sure=["sure.yes"], lang="es")
    assert not at.exception
    not_validated = words.say("es", "decide.sure.not_validated")
    score = words.say("es", "decide.sure.score_so_far", yes=1, total=4, answered=1)
    assert f"{score} {not_validated}" in [text.value for text in at.text]
    [note] = [c.value for c in at.code if score in c.value]
    assert f"{score} {not_validated}" in note.splitlines()


def test_questions_to_ask_follow_the_chosen_options():
    at = open_page(WHAT_MATTERS, options=["gel"])
    texts = " ".join(t.value for t in at.text)
    assert "research trial" in texts  # the gel's question
    assert "causing my pain" in texts  # a general question
    assert "exercises should I do" not in texts  # rest's question: rest is not chosen


def test_answers_follow_the_person_to_the_summary():
    at = open_page(WHAT_MATTERS, options=["nerve_block", "gel"])
    radio(at, "rate-fast_return").set_value(3).run()
    radio(at, "sure-sure").set_value("no").run()
    at.switch_page(SUMMARY)
    at.query_params["options"] = ["nerve_block", "gel"]  # as the sidebar link carries them
    at.run()
    assert not at.exception
    priorities = at.table[0].value
    assert list(priorities.iloc[0]) == [
        "Getting back to daily life soon",
        t("decide.importance.very"),
    ]
    [note] = [c.value for c in at.code if c.value.startswith(t("decide.note.tool").split("{")[0])]
    assert "Nerve block injection, Disc gel implant" in note
    total = len(decide.SURE_ITEMS)
    assert t("decide.sure.score_so_far", yes=0, total=total, answered=1) in note
    assert len(note) < 1000


def test_summary_runs_empty_and_offers_pdf_note_and_link():
    at = open_page(SUMMARY)
    assert not at.exception
    assert "not recommend" in at.info[0].value
    assert at.get("download_button")
    link = [c.value for c in at.code if "summary" in c.value]
    assert link and "rate=" not in link[0]


def test_share_link_includes_answers_only_after_ticking_the_box():
    at = open_page(SUMMARY, rate=["light_touch.3"], options=["gel", "nerve_block"])
    [link] = [c.value for c in at.code if "/summary" in c.value]
    assert "options=nerve_block&options=gel" in link and "rate=" not in link
    at.checkbox[0].check().run()
    [link] = [c.value for c in at.code if "/summary" in c.value]
    assert "rate=light_touch.3" in link


def test_consult_mode_opens_on_the_options_at_a_glance_then_steps_through_one_question_at_a_time():
    at = open_page("views/compare.py", mode="consult", options=["nerve_block", "gel"])
    assert not at.exception
    assert at.selectbox(key="picked_question").value == OVERVIEW
    assert [heading.value for heading in at.main.subheader] == [t("compare.page.glance_heading")]
    glance = at.main.table[0].value
    assert list(glance.columns[1:]) == [
        plain(CONTENT.short_names()[o]) for o in ("nerve_block", "gel")
    ]
    assert t("compare.page.no_priorities") in [caption.value for caption in at.main.caption]
    first, second = CONTENT.questions["question_id"][:2]
    for question_id in (first, second):
        next_button = next(b for b in at.button if "Next" in b.label)
        next_button.click().run()
        assert at.selectbox(key="picked_question").value == question_id
        assert in_url(at, "question") == [question_id]
        assert len(at.main.subheader) == 1
    assert listed_sources(at) == []  # sources stay off the shared screen


def test_consult_modes_overview_names_the_persons_top_priorities():
    rated = {"light_touch": 3}
    at = open_page("views/compare.py", mode="consult", rate=["light_touch.3"])
    [statement] = decide.important_statements(CONTENT, rated)
    captions = [caption.value for caption in at.main.caption]
    assert t("compare.page.priorities", priorities=statement) in captions


@pytest.mark.parametrize("language", words.languages())
def test_consult_mode_shows_each_options_short_answer_with_its_sources_and_the_full_answer_behind_a_click(
    language,
):
    options = ["rest", "nerve_block", "gel"]
    at = open_page(
        "views/compare.py", mode="consult", options=options, question="gain", lang=language
    )
    assert not at.exception
    content = snapshot_of(FIXTURE_DATA).content(language)
    [row] = [row for row in compare.rows(content, options) if row.question_id == "gain"]
    # The short answers a person in the situation reads on a phone: the same words, not others.
    shorts = short_answers.for_question(content, situation.NOT_SURE, "gain", options)
    assert [short.option_id for short in shorts] == options
    shown = [text.value for text in at.main.text]
    captions = [caption.value for caption in at.main.caption]
    for short in shorts:
        assert short.text in shown
        with words.speaking(language):
            assert plain(short.evidence_line()) in captions
    # The full answers, one click away: an expander per option, holding its answer as typed.
    full = [
        e for e in at.main.expander if e.label == words.catalogue(language)["compare.full_answer"]
    ]
    assert len(full) == len(options)
    assert [e.text[0].value for e in full] == [cell.answer for cell in row.cells]


def test_consult_mode_opens_on_the_question_in_the_link():
    at = open_page("views/compare.py", mode="consult", question="risk")
    assert at.selectbox(key="picked_question").value == "risk"
    at = open_page("views/compare.py", mode="consult", question="<nonsense>")
    assert not at.exception
    assert at.selectbox(key="picked_question").value == OVERVIEW


def test_consult_toggle_writes_the_mode_into_the_url():
    at = open_page("views/compare.py")
    at.toggle(key="consult_toggle").set_value(True).run()
    assert in_url(at, "mode") == ["consult"]
    assert len(at.main.subheader) == 1


def test_a_summary_with_every_option_removed_asks_for_one():
    at = open_page("views/summary.py", options="")
    assert not at.exception
    assert any(info.value == t("picker.choose_one") for info in at.info)


def test_radios_show_words_and_the_session_keeps_codes():
    at = open_page(WHAT_MATTERS)
    quiz = radio(at, "quiz-gel_proven")
    assert quiz.options == [decide.quiz_answer_words(c) for c in decide.QUIZ_CHOICES]
    assert radio(at, "sure-sure").options == [decide.yes_no_words(a) for a in decide.YES_NO]
    quiz.set_value("unsure").run()
    radio(at, "sure-sure").set_value("yes").run()
    radio(at, "rate-light_touch").set_value(2).run()
    answers = at.session_state["answers"]
    assert (answers.quiz, answers.sure, answers.ratings) == (
        {"gel_proven": "unsure"},
        {"sure": "yes"},
        {"light_touch": 2},
    )


def test_a_link_made_before_codes_opens_the_same_view():
    """Links from before answers were codes carry the words then shown (quiz=x.False)."""
    legacy = open_page(
        WHAT_MATTERS, quiz=["gel_proven.False", "keep_moving.Not sure"], sure=["sure.Yes"]
    )
    current = open_page(
        WHAT_MATTERS, quiz=["gel_proven.false", "keep_moving.unsure"], sure=["sure.yes"]
    )
    for key in ("quiz-gel_proven", "quiz-keep_moving", "sure-sure"):
        assert radio(legacy, key).value == radio(current, key).value is not None
    assert shown(legacy.success) == shown(current.success)
    assert shown(legacy.info) == shown(current.info)


@pytest.mark.parametrize("language", words.languages())
def test_the_summary_offers_the_record_file_in_its_language(language):
    at = open_page(SUMMARY, lang=language)
    [button] = [b for b in at.get("download_button") if b.key == "download-fhir"]
    assert button.proto.label == words.say(language, "record.download")


def test_the_leaning_is_asked_after_the_ratings_and_follows_the_person_to_the_summary():
    at = open_page(WHAT_MATTERS, options=["nerve_block", "gel"])
    leaning = radio(at, "leaning")
    assert list(leaning.options) == [
        "Nerve block injection",
        "Disc gel implant",
        t("decide.leaning.not_sure"),
    ]
    headers = [header.value for header in at.header]
    assert headers.index(t("what_matters.leaning")) > headers.index(t("what_matters.rate"))
    leaning.set_value("gel").run()
    assert at.session_state["answers"].leaning == "gel"  # a code, not words
    at.switch_page(SUMMARY)
    at.query_params["options"] = ["nerve_block", "gel"]
    at.run()
    assert not at.exception
    [note] = [c.value for c in at.code if c.value.startswith(t("decide.note.tool").split("{")[0])]
    assert t("decide.note.leaning", leaning="Disc gel implant") in note
    at.checkbox[0].check().run()
    [link] = [c.value for c in at.code if "/summary" in c.value]
    assert "lean=gel" in link


def keyed(node, key):
    """The block drawn under `key`, wherever it is on the page."""
    for child in node.children.values() if isinstance(node.children, dict) else node.children:
        if getattr(child, "key", None) == key:
            return child
        found = keyed(child, key) if hasattr(child, "children") else None
        if found is not None:
            return found
    return None


def test_the_summary_opens_with_a_card_that_has_print_and_the_pdf_right_there():
    at = open_page(SUMMARY, situation="leg_pain", options=["rest", "nerve_block"])
    assert not at.exception
    card = keyed(at.main, "summary-card")
    buttons = keyed(card, "controls-card")
    assert buttons.get("download_button") and printing.SCRIPT in buttons.get("html")[0].proto.body
    [card_text] = [element.value for element in card.get("markdown")]  # one element, all words
    # Each option: how it might help and its main risk, by the card's one rule; where there is
    # nothing about people in the situation to quote, the same words for each.
    for option in short_answers.for_card(CONTENT, "leg_pain", ["rest", "nerve_block"]):
        assert summary_card.option_markdown(option) in card_text
    assert plain(t("summary.card.none_to_quote")) in card_text  # the nerve block's risk
    assert plain(t("decide.leaning.not_answered")) in card_text
    # The numbers, each saying whose they are, just below the card, where it links.
    assert f"(#{summary_card.KEY_NUMBERS})" in card_text
    below = [markdown.value for markdown in at.main.markdown]
    every_chance = chances.all_chances(CONTENT)
    for chance in chances.key_numbers(every_chance, "nerve_block", "leg_pain"):
        assert any(plain(chance.key_line("leg_pain")) in text for text in below)
    assert any(plain(t("summary.card.no_numbers")) in text for text in below)  # for rest
    # No check answered: not a score of nought.
    headers = [header.value for header in at.header]
    assert plain(t("decide.quiz.not_answered_yet")) in headers
    zero = plain(t("decide.quiz.score", right=0, total=len(CONTENT.quiz)))
    assert zero not in headers


def test_with_nothing_answered_the_summary_says_not_answered_yet_not_a_score():
    at = open_page(SUMMARY)
    [card_text] = [element.value for element in keyed(at.main, "summary-card").get("markdown")]
    assert plain(t("summary.card.not_rated")) in card_text
    assert plain(t("decide.leaning.not_answered")) in card_text
    texts = [text.value for text in at.main.text]
    for said in ("decide.leaning.not_answered", "decide.sure.not_done", "summary.not_rated"):
        assert any(t(said) in text for text in texts), said
    assert plain(t("decide.quiz.not_answered_yet")) in [header.value for header in at.header]


def test_the_summary_card_names_the_persons_priorities_leaning_and_questions():
    answers = {"rate": ["light_touch.3", "proven_gain.2"], "lean": "gel"}
    at = open_page(SUMMARY, options=["nerve_block", "gel"], **answers)
    [card_text] = [element.value for element in keyed(at.main, "summary-card").get("markdown")]
    assert plain("Keeping the treatment light") in card_text
    assert plain(CONTENT.short_names()["gel"]) in card_text  # the leaning, as the card names it
    questions = len(decide.questions_to_ask(CONTENT, ["nerve_block", "gel"]))
    assert plain(t("summary.card.questions_link", count=questions)) in card_text
    assert f"(#{summary_card.QUESTIONS})" in card_text


def test_the_summary_keeps_a_short_get_help_list_and_the_evidence_closed():
    at = open_page(SUMMARY)
    short = keyed(at.main, "get-help-now")
    [lines] = [text.value for text in short.get("text")]
    assert len(lines.splitlines()) <= 5
    assert CONTENT.clinic["emergency_phone"] in lines
    assert lines.startswith(safety.elsewhere_line(CONTENT))  # before the actions
    [appendix] = [e for e in at.expander if e.label == t("summary.appendix")]
    assert not appendix.proto.expanded
    assert keyed(appendix, "dense-rows") is not None


def test_a_link_at_the_top_of_what_matters_goes_down_to_the_leaning_question():
    """5th review, section 2: the leaning question is the page's last step, 4 to 6 phone screens
    down; a link near the top reaches it, before the first rating."""
    at = open_page(WHAT_MATTERS)
    assert not at.exception
    link = t("what_matters.to_leaning")
    [(anchor, words)] = [(a, w) for a, w in jumps(at).items() if as_read(w) == link]
    assert anchor in anchors(at)
    [leaning] = [h for h in at.header if h.proto.anchor == anchor]
    assert as_read(leaning.value) == t("what_matters.leaning")
    drawn = in_order(at)
    [link_at] = [
        i for i, node in enumerate(drawn) if node.type == "markdown" and words in node.value
    ]
    assert link_at < drawn.index(at.radio[0])  # before the first rating
