"""Every page of the app as a reader sees it, as lines of text for the review edition, in the
order of explorer/ui/shell.py's PAGES. Each text is made by the function its page uses (never
written again here); this module only says in which order they come and where each lives.
Called once per language, in that language (words.speaking), with that language's content: the
two runs give the same lines in the same order, so they pair up."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from explorer import (
    anatomy,
    chances,
    charts,
    compare,
    decide,
    home,
    offer,
    ratings,
    safety,
    short_answers,
    situation,
)
from explorer.about import release_facts
from explorer.countries import country_name
from explorer.data import Content
from explorer.handout import transcript
from explorer.translation import where
from explorer.translation.lines import (
    BLOCK,
    HEADING,
    MARKDOWN,
    NOTE,
    SUBHEADING,
    TABLE,
    TITLE,
    Heading,
    Line,
    cell,
    made,
    page_copy,
    said,
)
from explorer.words import LANGUAGE, t, t_md

Item = Line | Heading


@dataclass(frozen=True)
class Sample:
    """The filled-in session the summary, the note and the PDF are shown for, picked from the
    content by position (a clinic's own ids work too): the first situation; the first two
    options aimed at it; the first three statements rated very, quite and a little important;
    the first quiz item answered right, the second wrong, the third 'not sure'; SURE answered
    yes but for one 'no' (so the advice to talk more shows)."""

    situation_id: str
    option_ids: tuple[str, ...]
    answers: decide.Answers


SAMPLE_RATINGS = ("very", "quite", "a_little")
SAMPLE_SURE_NO = "risk_benefit"


def sample(content: Content) -> Sample:
    situation_id = next(iter(content.situations["situation_id"]), situation.NOT_SURE)
    option_ids = tuple(situation.aimed_options(content, situation_id)[:2])
    statements = content.statements["statement_id"]
    ratings_given = {
        statement_id: decide.IMPORTANCE.index(level)
        for statement_id, level in zip(statements, SAMPLE_RATINGS)
    }
    flip = {"true": "false", "false": "true"}
    quiz = content.quiz
    answered = [quiz["correct"].iloc[0], flip[quiz["correct"].iloc[1]], "unsure"]
    quiz_given = dict(zip(quiz["item_id"], answered))
    sure = {item: "no" if item == SAMPLE_SURE_NO else "yes" for item in decide.SURE_ITEMS}
    return Sample(situation_id, option_ids, decide.Answers(ratings_given, quiz_given, sure))


def edition(content: Content) -> list[Item]:
    """Every page's lines, in page order, in the language being spoken."""
    return [
        *_home(content),
        *_anatomy(content),
        *_compare(content),
        *_charts(content),
        *_chances(content),
        *_what_matters(content),
        *_summary(content),
        *_about(content),
    ]


def _page(page_id: str) -> Iterator[Item]:
    yield Heading("translation.review.page", {"page": page_id}, new_page=True)
    yield said(f"pages.{page_id}.title", style=TITLE)


# ------------------------------------------------------------------------------------ home
def _home(content: Content) -> Iterator[Item]:
    yield from _page("home")
    yield page_copy("home.md")
    yield said("situation.heading", style=HEADING)
    yield from _situation_chooser(content)
    yield from _get_help(content)
    yield said("home.list.heading", style=HEADING)
    yield said("home.list.caption", style=NOTE)
    yield made(home.option_lines(content), "home", where.data_file("options.csv"), style=TABLE)
    yield said("home.list.compare_link")
    for card in offer.offers(content, list(content.options["option_id"])):
        yield said("offer.home_link", where.data_file("options.csv"), option=card.short_name)
    yield page_copy("home_how.md")


def _situation_chooser(content: Content) -> Iterator[Item]:
    yield said("situation.picker")
    yield said("situation.not_sure")
    yield said("situation.not_sure_how_to_tell", style=NOTE)
    for row in content.situations.to_dict("records"):
        yield cell("situations.csv", row, "name")
        yield cell("situations.csv", row, "short_name")
        yield cell("situations.csv", row, "how_to_tell", NOTE)


def _get_help(content: Content) -> Iterator[Item]:
    """The warning signs and what to do, with the clinic's country's numbers and services."""
    country = content.clinic["country"]
    yield Heading("translation.review.get_help", {"country": country_name(country, LANGUAGE)})
    services = (
        f"country.{country}.emergency_service",
        f"country.{country}.urgent_service",
        where.data_file("clinic.csv"),
    )
    groups = safety.warning_groups(content)
    yield said("get_help.title", style=HEADING)
    yield said("get_help.intro")
    yield made(safety.elsewhere_line(content), "get_help.elsewhere", f"country.{country}.place")
    signs = content.warning_signs
    for group, row in zip(groups, content.warning_groups.to_dict("records")):
        yield cell("warning_groups.csv", row, "heading", SUBHEADING)
        for sign in signs[signs["group_id"] == group.group_id].to_dict("records"):
            yield cell("warning_signs.csv", sign, "sign")
        yield made(group.action, where.cell("warning_groups.csv", row, "action"), *services)
    yield made(safety.sources_line(groups), "get_help.sources", style=NOTE)
    yield made(safety.note_line(content), "get_help.note", *services, style=NOTE)


# --------------------------------------------------------------------------------- anatomy
def _anatomy(content: Content) -> Iterator[Item]:
    yield from _page("anatomy")
    yield page_copy("anatomy.md")
    yield said("anatomy.page.state_picker")
    for row in content.anatomy_states.to_dict("records"):
        state = row["state_id"]
        text = anatomy.state_text(content, state)
        yield cell("anatomy_states.csv", row, "name", HEADING)
        yield made(anatomy.top_view_title(state), "anatomy.top_view_title", style=NOTE)
        yield made(anatomy.side_view_title(state), "anatomy.side_view_title", style=NOTE)
        yield made(
            t("anatomy.page.pictures_show", description=anatomy.pictures_description(state)),
            "anatomy.page.pictures_show",
            "anatomy.pictures_description",
            "anatomy.top_view",
            "anatomy.side_view",
        )
        yield cell("anatomy_states.csv", row, "what_it_is")
        yield made(text.evidence, "compare.evidence_line", "certainty", style=NOTE)
        yield said("anatomy.page.options_heading", style=SUBHEADING)
        yield cell("anatomy_states.csv", row, "options_note")
        yield made(
            t("anatomy.page.options_list", names=text.option_names),
            "anatomy.page.options_list",
            where.data_file("options.csv"),
        )
        yield made(str(text.compare_label), "anatomy.compare_one", "anatomy.compare_many")
    yield said("anatomy.page.scans_heading", style=HEADING)
    yield page_copy("anatomy_scans.md")
    findings = content.scan_findings
    scans = where.data_file("scan_findings.csv")
    yield made(anatomy.findings_alt(findings), "anatomy.findings", scans, style=NOTE)
    yield made(anatomy.findings_table(findings), "anatomy.findings", scans, style=TABLE)
    yield made(
        t("anatomy.page.scans_caption", evidence=anatomy.findings_evidence(findings)),
        "anatomy.page.scans_caption",
        "compare.evidence_line",
        style=NOTE,
    )
    yield said("anatomy.page.course_heading", style=HEADING)
    yield page_copy("anatomy_course.md")
    yield said("sources.heading", style=HEADING)


# --------------------------------------------------------------------------------- compare
def _compare(content: Content) -> Iterator[Item]:
    yield from _page("compare")
    yield said("compare.page.how_to_read")
    yield page_copy("compare.md")
    yield from _showing(content)
    every = list(content.options["option_id"])
    rated = ratings.rated(content, every)
    yield said("compare.page.glance_heading", style=HEADING)
    yield made(
        ratings.glance_table(rated), "ratings", where.data_file("attribute_levels.csv"), style=TABLE
    )
    yield said("compare.page.to_charts")
    yield said("compare.page.to_chances")
    for note in compare.notes(content, every):
        yield made(note, "compare.investigational", where.data_file("options.csv"))
    yield from _offers(content, every)
    yield Heading("translation.review.every_option")
    for row, question in zip(compare.rows(content, every), content.questions.to_dict("records")):
        yield cell("questions.csv", question, "question", SUBHEADING)
        for answer in row.cells:
            place = {"option_id": answer.option_id, "question_id": row.question_id}
            yield made(answer.option_name, where.cell("options.csv", place, "name"), style=NOTE)
            yield cell("answers.csv", place | {"answer": answer.answer}, "answer")
            yield made(answer.evidence_line(), "compare.evidence_line", "certainty", style=NOTE)
    yield from _short_answers(content)
    yield from _evaluation(content, every)
    for situation_id in content.situations["situation_id"]:
        yield from _situation(content, situation_id)


def _offers(content: Content, option_ids: list[str]) -> Iterator[Item]:
    """The "Offered this by a clinic?" card of each investigational option, as it reads opened
    (explorer/ui/offer_card.py); its trial picture is the Chances page's, listed there."""
    rows = content.offer.to_dict("records")
    for card in offer.offers(content, option_ids):
        yield said(
            "offer.title", where.data_file("options.csv"), style=SUBHEADING, option=card.short_name
        )
        mine = [row for row in rows if row["option_id"] == card.option_id]
        for kind in dict.fromkeys(line.kind for line in card.lines):
            yield said(f"offer.{kind}_heading", style=NOTE)
            for line in card.said(kind):
                [row] = [r for r in mine if r["kind"] == kind and r["text"] == line.text]
                yield cell("offer.csv", row, "text")
                yield made(line.evidence(), "compare.evidence_line", "certainty", style=NOTE)
        yield said("offer.questions_heading", style=NOTE)
        for question in offer.QUESTIONS:
            yield said(f"offer.questions.{question}")
        yield said("offer.questions_note", style=NOTE)


def _showing(content: Content) -> Iterator[Item]:
    """The line that says what is shown, with its Change button, and the options set apart."""
    situation_id = next(iter(content.situations["situation_id"]), situation.NOT_SURE)
    shown = situation.aimed_options(content, situation_id)
    short = content.short_names()
    yield made(
        t_md(
            "picker.showing",
            situation=situation.choices(content, short=True)[situation_id],
            options=", ".join(short[option_id] for option_id in shown),
        ),
        "picker.showing",
        where.data_file("situations.csv"),
        where.data_file("options.csv"),
        style=MARKDOWN,
    )
    yield said("picker.showing_none")
    yield said("picker.change")
    hidden = situation.not_shown(content, situation_id, shown)
    if hidden:
        yield made(
            t("picker.set_apart_line", options=", ".join(short[o] for o in hidden)),
            "picker.set_apart_line",
            where.data_file("options.csv"),
            style=NOTE,
        )


def _short_answers(content: Content) -> Iterator[Item]:
    """Each option's short answer to each question as the Compare page lists them, with the words
    around them: for any situation, the full answer's first key point (it lives in answers.csv),
    then each situation's own."""
    yield Heading("translation.review.short_answers")
    yield said("compare.page.full_answers")
    yield said("compare.page.other_groups")
    questions = content.questions.set_index("question_id")["question"]
    for n, short in enumerate(short_answers.for_situation(content, situation.NOT_SURE).values()):
        place = {"option_id": short.option_id, "question_id": short.question_id}
        yield made(
            questions[short.question_id], where.cell("questions.csv", place, "question"), style=NOTE
        )
        if n == 0:  # the line around every short answer, once
            yield made(
                t_md(
                    "compare.short_answer",
                    option=short.option_name,
                    answer=short.text,
                    certainty=compare.certainty_words(short.certainty),
                    sources=", ".join(short.source_ids),
                ),
                "compare.short_answer",
                "compare.short_answer_unsourced",
                style=MARKDOWN,
            )
        yield made(short.text, where.cell("answers.csv", place, "key_points"))
    for row in content.short_answers.to_dict("records"):
        yield made(
            questions[row["question_id"]], where.cell("questions.csv", row, "question"), style=NOTE
        )
        yield cell("short_answers.csv", row, "short_answer")


def _evaluation(content: Content, option_ids: list[str]) -> Iterator[Item]:
    yield said("situation.evaluation.heading", style=HEADING)
    yield said("situation.evaluation.intro", style=NOTE)
    names = content.option_names()
    rows = content.evaluation.to_dict("records")
    for kind, by_option in situation.evaluation(content, option_ids, situation.NOT_SURE).items():
        yield said(f"situation.evaluation.kinds.{kind}", style=SUBHEADING)
        for option_id, checks in by_option.items():
            yield made(
                names[option_id],
                where.cell("options.csv", {"option_id": option_id}, "name"),
                style=NOTE,
            )
            if not checks:
                yield said("situation.evaluation.none")
            mine = [r for r in rows if r["option_id"] == option_id and r["kind"] == kind]
            for check, row in zip(checks, mine):
                yield cell("evaluation.csv", row, "text")
                yield made(check.evidence(), "compare.evidence_line", "certainty", style=NOTE)


def _situation(content: Content, situation_id: str) -> Iterator[Item]:
    """Which options a situation shows first, which it sets apart, and why."""
    row = content.situations.set_index("situation_id").loc[situation_id]
    yield Heading("translation.review.situation", {"situation": row["name"]})
    here = where.cell("situations.csv", {"situation_id": situation_id})
    fits_here = where.data_file("option_fit.csv")
    yield made(
        row["name"],
        where.cell("situations.csv", {"situation_id": situation_id}, "name"),
        style=SUBHEADING,
    )
    for line in situation.summary_lines(content, situation_id):
        yield made(line, "situation", here, fits_here)
    for fit in situation.fits(content, situation_id):
        place = {"option_id": fit.option_id, "situation_id": situation_id}
        yield made(fit.option_name, where.cell("options.csv", place, "name"), style=NOTE)
        level = {"fit": fit.fit}
        yield made(fit.label(), where.cell("fit_levels.csv", level, "name"))
        yield made(
            fit.rule_line(), "situation.fit_rule", where.cell("fit_levels.csv", level, "rule")
        )
        yield made(fit.reason, where.cell("option_fit.csv", place, "reason"))
        yield made(fit.evidence(), "compare.evidence_line", "certainty", style=NOTE)
    shown = situation.aimed_options(content, situation_id)
    for note in compare.notes(content, shown):
        yield made(note, "compare.investigational", where.data_file("options.csv"))
    line = situation.not_shown_line(content, situation_id, shown)
    if line:
        yield made(line, "situation.not_shown", fits_here)


# ---------------------------------------------------------------------------------- charts
def _charts(content: Content) -> Iterator[Item]:
    yield from _page("charts")
    yield page_copy("charts.md")
    rated = ratings.rated(content, list(content.options["option_id"]))
    levels = where.data_file("attribute_levels.csv")
    yield said("charts.page.glance_heading", style=HEADING)
    yield said("charts.page.glance_caption", style=NOTE)
    yield made(charts.overview_alt(rated), "charts.overview", levels, style=NOTE)
    yield said("charts.rules_expander")
    yield made(
        ratings.rules_table(content), "ratings", where.data_file("attributes.csv"), style=TABLE
    )
    yield said("charts.page.one_thing_heading", style=HEADING)
    yield said("charts.page.one_thing_picker")
    yield said("charts.page.one_thing_caption", style=NOTE)
    for row in content.attributes.to_dict("records"):
        attribute_id = row["attribute_id"]
        yield cell("attributes.csv", row, "name", SUBHEADING)
        yield cell("attributes.csv", row, "description", NOTE)
        yield made(
            ratings.rule(content, attribute_id),
            "ratings.rule",
            where.cell("attributes.csv", row, "rule"),
            style=NOTE,
        )
        ranked = ratings.ranked(rated, attribute_id)
        yield made(charts.attribute_alt(ranked), "charts.attribute", levels, style=NOTE)
        yield made(ratings.attribute_table(ranked), "ratings", levels, style=TABLE)
    yield said("charts.page.recovery_heading", style=HEADING)
    yield page_copy("charts_recovery.md")
    for milestone in ratings.MILESTONES:
        recovery = ratings.recovery(content, rated, milestone)
        yield said(f"charts.page.back_to.{milestone}", style=SUBHEADING)
        yield made(charts.recovery_alt(recovery, milestone), "charts.recovery", style=NOTE)
        yield made(
            ratings.recovery_table(recovery),
            "ratings",
            where.data_file("recovery.csv"),
            style=TABLE,
        )


# --------------------------------------------------------------------------------- chances
def _chances(content: Content) -> Iterator[Item]:
    yield from _page("chances")
    yield page_copy("chances.md")
    yield said("chances.page.option_picker")
    every_chance = chances.all_chances(content)
    names = content.option_names()
    for option_id, name in names.items():
        yield Heading("translation.review.option", {"option": name})
        for note in compare.notes(content, [option_id]):
            yield made(note, "compare.investigational", where.data_file("options.csv"))
        for heading, found in chances.by_kind(every_chance, option_id).items():
            yield made(
                t(f"chances.page.heading.{heading}", option=name),
                f"chances.page.heading.{heading}",
                where.cell("options.csv", {"option_id": option_id}, "name"),
                style=HEADING,
            )
            if not found:
                yield said("chances.not_counted")
            for chance in found.about:
                yield from _chance(content, every_chance, chance)
    # Shown above the numbers of groups not in the reader's situation.
    yield said("chances.page.other_groups", style=SUBHEADING)
    yield said("chances.page.all_numbers_heading", style=HEADING)
    yield said("chances.page.all_numbers_caption", style=NOTE)
    yield made(
        chances.numbers_table(every_chance),
        "chances.numbers",
        where.data_file("outcomes.csv"),
        style=TABLE,
    )


def _chance(content: Content, every_chance: list, chance: chances.Chance) -> Iterator[Item]:
    """One outcome of one option, as the Chances page draws it; whose numbers these are, said
    for every situation where the words differ."""
    row = {"option_id": chance.option_id, "outcome_id": chance.outcome_id}
    outcome = where.cell("outcomes.csv", row)
    outcomes = content.outcomes.set_index(["option_id", "outcome_id"])
    population_id = outcomes.at[(chance.option_id, chance.outcome_id), "population_id"]
    population = where.cell("populations.csv", {"population_id": population_id}, "whose")
    yield made(chances.title(chance), where.cell("outcomes.csv", row, "outcome"), style=SUBHEADING)
    situations = [situation.NOT_SURE, *content.situations["situation_id"]]
    keys = {situation.NOT_SURE: "situation.numbers.whose"}
    whose = {}
    for situation_id in situations:
        key = keys.get(situation_id) or (
            "situation.numbers.about_you"
            if chance.about(situation_id)
            else "situation.numbers.not_about_you"
        )
        whose.setdefault(key, chance.whose_line(situation_id))
    for key, line in whose.items():
        yield made(line, key, population, style=NOTE)
    if chance.drawable:
        for alt_text in chance.alt_texts():
            yield made(alt_text, "chances.alt", "chances.alt_group", outcome, style=NOTE)
    else:
        yield said("chances.too_rare")
    for count, line in zip(chance.counts, chance.sentences()):
        yield made(line, f"chances.sentence.{count.sentence_form()}", outcome)
    yield made(chance.table(), "chances.table", outcome, style=TABLE)
    for line in chance.details():
        yield made(line, "chances.when", "chances.who", outcome)
    other_times = chances.time_frame_warning(every_chance, chance)
    for line in other_times:
        yield made(
            line,
            "chances.different_time",
            "chances.different_time_option",
            where.data_file("outcomes.csv"),
        )
    yield made(chance.evidence(), "compare.evidence_line", "certainty", style=NOTE)


# ---------------------------------------------------------------------------- what matters
def _what_matters(content: Content) -> Iterator[Item]:
    yield from _page("what_matters")
    yield page_copy("what_matters.md")
    yield said("what_matters.rate", style=HEADING)
    for row in content.statements.to_dict("records"):
        yield cell("statements.csv", row, "statement")
    for level in range(len(decide.IMPORTANCE)):
        yield made(decide.importance_words(level), f"decide.importance.{decide.IMPORTANCE[level]}")
    yield said("what_matters.alignment", style=HEADING)
    yield page_copy("alignment.md")
    yield said("what_matters.rate_first")
    yield said("what_matters.rules")
    yield made(
        decide.fit_rules(content),
        "decide.alignment",
        "decide.fit",
        where.data_file("statements.csv"),
        style=TABLE,
    )
    yield from _quiz(content)
    yield from _sure()
    yield said("what_matters.questions", style=HEADING)
    for question, row in zip(
        decide.questions_to_ask(content, list(content.options["option_id"])),
        _clinician_questions(content),
    ):
        yield made(question, where.cell("clinician_questions.csv", row, "question"))
    yield said("what_matters.to_summary")


def _clinician_questions(content: Content) -> list[dict]:
    """The rows of clinician_questions.csv in the order questions_to_ask gives them, with every
    option chosen: the general ones, then each option's in the neutral order."""
    rows = content.clinician_questions.to_dict("records")
    order = ["general", *content.options["option_id"]]
    return sorted((r for r in rows if r["about"] in order), key=lambda r: order.index(r["about"]))


def _quiz(content: Content) -> Iterator[Item]:
    """Every quiz item, with the feedback for each answer a person can give."""
    yield said("what_matters.quiz", style=HEADING)
    for choice in decide.QUIZ_CHOICES:
        yield made(decide.quiz_answer_words(choice), f"decide.quiz.answers.{choice}")
    for row in content.quiz.to_dict("records"):
        yield cell("quiz.csv", row, "statement", SUBHEADING)
        for choice in decide.QUIZ_CHOICES:
            feedback = decide.quiz_feedback(content, row["item_id"], choice)
            yield made(
                feedback.with_sources(), "decide.quiz", where.cell("quiz.csv", row, "explanation")
            )


def _sure() -> Iterator[Item]:
    yield said("what_matters.sure", style=HEADING)
    yield page_copy("sure.md")
    yield said("decide.sure.not_validated")
    for item_id in decide.SURE_ITEMS:
        yield made(decide.sure_question(item_id), f"decide.sure.questions.{item_id}")
    for answer in decide.YES_NO:
        yield made(decide.yes_no_words(answer), f"decide.sure.answers.{answer}")
    yield said("decide.sure.talk_more")
    yield said("decide.sure.ready")


# --------------------------------------------------------------------------------- summary
def _summary(content: Content) -> Iterator[Item]:
    """The summary page, the note for the record and the PDF's words for the sample session."""
    yield from _page("summary")
    yield page_copy("summary.md")
    chosen = sample(content)
    yield Heading(
        "translation.review.sample",
        {
            "situation": situation.name(content, chosen.situation_id),
            "options": ", ".join(content.option_names()[o] for o in chosen.option_ids),
        },
    )
    summary = decide.summary(content, chosen.option_ids, chosen.answers, chosen.situation_id)
    yield said("decide.not_a_recommendation")
    yield said("situation.heading", style=HEADING)
    for line in summary.situation:
        yield made(line, "situation", where.data_file("option_fit.csv"))
    yield said("summary.options", style=HEADING)
    for note in summary.notes:
        yield made(note, "compare.investigational", where.data_file("options.csv"))
    yield said("summary.what_matters", style=HEADING)
    yield made(
        decide.priorities_table(summary),
        "decide.alignment",
        "decide.importance",
        where.data_file("statements.csv"),
        style=TABLE,
    )
    yield said("summary.alignment", style=SUBHEADING)
    yield made(decide.alignment_alt(summary.alignment), "decide.alignment", style=NOTE)
    yield made(
        decide.alignment_table(summary.alignment),
        "decide.alignment",
        "decide.fit",
        where.data_file("attribute_levels.csv"),
        style=TABLE,
    )
    yield said("summary.rows", style=HEADING)
    for row in summary.rows:
        yield made(
            row.question,
            where.cell("questions.csv", {"question_id": row.question_id}, "question"),
            style=SUBHEADING,
        )
        for answer in row.cells:
            place = {"option_id": answer.option_id, "question_id": row.question_id}
            yield made(answer.option_name, where.cell("options.csv", place, "name"), style=NOTE)
            yield made(answer.answer, where.cell("answers.csv", place, "answer"))
    right, total = summary.quiz_score
    yield said("decide.quiz.score", style=HEADING, right=right, total=total)
    yield made(decide.quiz_table(summary), "decide.quiz", where.data_file("quiz.csv"), style=TABLE)
    yield said("summary.sure", style=HEADING)
    yield made(summary.sure.summary(), "decide.sure.score", "decide.sure.not_validated")
    yield said("summary.questions", style=HEADING)
    for question in summary.questions:
        yield made(question, where.data_file("clinician_questions.csv"))
    yield said("summary.take_away", style=HEADING)
    yield said("summary.download")
    yield said("summary.note", style=SUBHEADING)
    yield said("summary.note_help", style=NOTE)
    note = decide.record_note(content, chosen.option_ids, chosen.answers, chosen.situation_id)
    yield made(note, "decide.note", "situation.note", "get_help.note", style=BLOCK)
    yield said("summary.link", style=SUBHEADING)
    yield said("summary.link_answers")
    yield said("summary.link_answers_help", style=NOTE)
    yield Heading("translation.review.pdf")
    yield made(tuple(transcript(summary)), "handout", style=BLOCK)


# ----------------------------------------------------------------------------------- about
def _about(content: Content) -> Iterator[Item]:
    yield from _page("about")
    yield page_copy("about.md")
    yield said("about.release.heading", style=HEADING)
    yield made(release_facts(content), "about.release", where.data_file("release.csv"))
    yield said("about.changelog.heading", style=HEADING)
    yield said("about.changelog.intro")
    yield said("about.reading.heading", style=HEADING)
    yield page_copy("about_reading.md")
    yield said("about.reading.each_text", style=NOTE)
    yield said("about.sources.heading", style=HEADING)
    yield said("sources.published_language", style=NOTE)
