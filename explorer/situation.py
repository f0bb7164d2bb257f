"""The person's situation (situations.csv): which options are aimed at it (option_fit.csv, by
the one rule of fit_levels.csv), and whose numbers match it (populations.csv). Choosing a situation
puts the options aimed at it first and sets the others apart, each with its level, the level's
rule and its reason; it never hides one without saying so. "Not sure" is the app's own choice,
not a row: it shows everything, as before."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from explorer.compare import evidence_line
from explorer.data import Content
from explorer.markdown import Md
from explorer.memo import kept
from explorer.rules.vocabulary import AIMED, EVALUATION_KINDS, split_ids
from explorer.text import markdown_table
from explorer.words import t

# Not a situation id: the choice of a person who is not sure, shown first; needs no parameter.
NOT_SURE = "not_sure"


@dataclass(frozen=True)
class Fit:
    """How one option fits one situation: its level (fit_levels.csv), whether that level is aimed
    at the situation, the level's rule, and the reason and evidence for this option."""

    option_id: str
    option_name: str
    short_name: str  # in the fit lines: a full name may hold a colon of its own
    fit: str
    level: str  # the level's name for readers, "Not recommended"
    rule: str  # which kind of guideline statement puts an option at this level
    aimed: bool
    reason: str
    source_ids: tuple[str, ...]
    certainty: str

    def label(self) -> str:
        """'Recommended', 'Not recommended outside a research trial' …"""
        return self.level

    def line(self) -> str:
        """'Spinal fusion: Not recommended outside a research trial. NICE says …'"""
        return t("situation.fit_line", option=self.short_name, fit=self.level, reason=self.reason)

    def short_line(self) -> str:
        """'Spinal fusion: Not recommended outside a research trial.' (the note, when short of room)"""
        return t("situation.fit_only", option=self.short_name, fit=self.level)

    def rule_line(self) -> str:
        """The rule shown beside the fit: 'Not recommended: A guideline says not to offer it …'"""
        return t("situation.fit_rule", fit=self.level, rule=self.rule)

    def evidence(self) -> str:
        return evidence_line(self.certainty, self.source_ids)


@kept
def choices(content: Content, short: bool = False) -> dict[str, str]:
    """Situation id -> its words, "not sure" first, then the situations in display order; the
    short names for a shared screen."""
    if short:
        names = dict(zip(content.situations["situation_id"], content.situations["short_name"]))
        return {NOT_SURE: t("situation.not_sure_short"), **names}
    return {
        NOT_SURE: t("situation.not_sure"),
        **dict(zip(content.situations["situation_id"], content.situations["name"])),
    }


@kept
def known(content: Content, situation_id: str | None) -> str:
    """The situation id if the data lists it; otherwise (a mistyped or old link) "not sure"."""
    return situation_id if situation_id in set(content.situations["situation_id"]) else NOT_SURE


@kept
def name(content: Content, situation_id: str) -> str:
    return choices(content)[known(content, situation_id)]


@kept
def how_to_tell(content: Content, situation_id: str) -> str:
    """The one line that helps a person tell whether this is their situation."""
    if known(content, situation_id) == NOT_SURE:
        return t("situation.not_sure_how_to_tell")
    situations = content.situations.set_index("situation_id")
    return situations.at[situation_id, "how_to_tell"]


@kept
def fits(content: Content, situation_id: str) -> list[Fit]:
    """Every option's fit to the situation, in the neutral order; none for "not sure"."""
    if known(content, situation_id) == NOT_SURE:
        return []
    names = content.option_names()
    short_names = dict(zip(content.options["option_id"], content.options["short_name"]))
    levels = content.fit_levels.set_index("fit")
    rows = content.option_fit[content.option_fit["situation_id"] == situation_id]
    by_option = {row.option_id: row for row in rows.itertuples()}
    return [
        Fit(
            option_id,
            option_name,
            short_names[option_id],
            (fit := by_option[option_id].fit),
            levels.at[fit, "name"],
            levels.at[fit, "rule"],
            levels.at[fit, "aimed"] == AIMED,
            by_option[option_id].reason,
            tuple(split_ids(by_option[option_id].source_ids)),
            by_option[option_id].certainty,
        )
        for option_id, option_name in names.items()
    ]


@kept
def aimed_options(content: Content, situation_id: str) -> list[str]:
    """The options aimed at the situation, in the neutral order: every option for "not sure"."""
    situation_fits = fits(content, situation_id)
    if not situation_fits:
        return list(content.options["option_id"])
    return [fit.option_id for fit in situation_fits if fit.aimed]


@kept
def set_apart(content: Content, situation_id: str) -> list[Fit]:
    """The options at levels not aimed at the situation, each with its reason."""
    return [fit for fit in fits(content, situation_id) if not fit.aimed]


@kept
def arranged(content: Content, situation_id: str, option_ids: Sequence[str]) -> list[str]:
    """The given options with those aimed at the situation first; the neutral order within
    each group (still not a ranking)."""
    aimed = set(aimed_options(content, situation_id))
    return [o for o in option_ids if o in aimed] + [o for o in option_ids if o not in aimed]


@kept
def rule_lines(content: Content, situation_id: str) -> list[str]:
    """The rule of each level the situation's options are at, in the levels' order: shown with
    the fits, so that every fit can be traced to the one written rule."""
    used = {fit.fit: fit for fit in fits(content, situation_id)}
    return [used[level].rule_line() for level in content.fit_levels["fit"] if level in used]


@kept
def summary_lines(content: Content, situation_id: str) -> list[str]:
    """For the summary page and the PDF: the situation, the options aimed at it, every option's
    fit with its reason (those aimed at it first), and the rule of each level shown."""
    if known(content, situation_id) == NOT_SURE:
        return [t("situation.none_chosen")]
    order = arranged(content, situation_id, list(content.option_names()))
    by_option = {fit.option_id: fit for fit in fits(content, situation_id)}
    return [
        t("situation.chosen", situation=name(content, situation_id)),
        t("situation.aimed", options=aimed_names(content, situation_id)),
        t("situation.rule_intro"),
        *(by_option[option_id].line() for option_id in order),
        *rule_lines(content, situation_id),
    ]


@kept
def note_lines(
    content: Content, situation_id: str, with_reasons: Sequence[str] | None = None
) -> list[str]:
    """For the record note: the situation, then every option's level (those aimed at it first),
    with its reason for the options in `with_reasons` (every option when None): the note leaves
    reasons out when it is short of room. The levels say which are aimed at it; no list repeats
    them."""
    if known(content, situation_id) == NOT_SURE:
        return [t("situation.note_none")]
    order = arranged(content, situation_id, list(content.option_names()))
    by_option = {fit.option_id: fit for fit in fits(content, situation_id)}
    keep = set(order if with_reasons is None else with_reasons)
    return [
        t("situation.note", situation=name(content, situation_id)),
        *(by_option[o].line() if o in keep else by_option[o].short_line() for o in order),
    ]


def aimed_names(content: Content, situation_id: str) -> str:
    """The names of the options aimed at the situation, for one line of text."""
    names = content.option_names()
    aimed = [names[option_id] for option_id in aimed_options(content, situation_id)]
    return ", ".join(aimed) or t("situation.aimed_none")


@kept
def option_choices(content: Content, situation_id: str) -> dict[str, str]:
    """Option id -> name for a picker of one option: those aimed at the situation first, the
    others marked as set apart (still there, one click away)."""
    names = content.option_names()
    apart = {fit.option_id for fit in set_apart(content, situation_id)}
    return {
        option_id: t("situation.set_apart_choice", option=names[option_id])
        if option_id in apart
        else names[option_id]
        for option_id in arranged(content, situation_id, list(names))
    }


@dataclass(frozen=True)
class Check:
    """One thing an evaluation for an option looks at, who trials took in, or a guideline."""

    text: str
    source_ids: tuple[str, ...]
    certainty: str

    def evidence(self) -> str:
        return evidence_line(self.certainty, self.source_ids)


@kept
def evaluation(
    content: Content, option_ids: Sequence[str], situation_id: str
) -> dict[str, dict[str, list[Check]]]:
    """kind -> option id -> its rows (evaluation.csv) that hold in the situation (all of them
    when the person is not sure), the same kinds for every option so they read side by side."""
    chosen = known(content, situation_id)
    found: dict[tuple[str, str], list[Check]] = {}
    # One pass over the rows in plain Python: this runs on every rerun of the comparison page,
    # where pandas filtering per option and kind cost about 50 ms.
    for row in content.evaluation.itertuples():  # in order: option, then position
        situations = split_ids(row.situation_ids)
        if chosen == NOT_SURE or not situations or chosen in situations:
            check = Check(row.text, tuple(split_ids(row.source_ids)), row.certainty)
            found.setdefault((row.kind, row.option_id), []).append(check)
    return {
        kind: {option_id: found.get((kind, option_id), []) for option_id in option_ids}
        for kind in EVALUATION_KINDS
    }


@kept
def evaluation_tables(
    content: Content, option_ids: Sequence[str], situation_id: str
) -> dict[str, Md]:
    """kind -> its rows as one table (Markdown, every cell escaped): the options' names, then
    for each row a line of what is looked at and a line of how sure we are and the sources;
    an option with nothing of that kind says so."""
    names = content.option_names()
    tables = {}
    for kind, by_option in evaluation(content, option_ids, situation_id).items():
        columns = list(by_option.values())
        lines: list[list[str]] = []
        for position in range(max([1, *(len(checks) for checks in columns)])):
            here = [checks[position] if position < len(checks) else None for checks in columns]
            lines.append([_check_text(check, position) for check in here])
            lines.append([check.evidence() if check else "" for check in here])
        tables[kind] = markdown_table([names[option_id] for option_id in option_ids], lines)
    return tables


def _check_text(check: Check | None, position: int) -> str:
    if check is not None:
        return check.text
    return t("situation.evaluation.none") if position == 0 else ""


@kept
def cited(content: Content, option_ids: Sequence[str], situation_id: str) -> set[str]:
    """The sources behind the fits and evaluation rows shown for these options."""
    fit_sources = {s for fit in fits(content, situation_id) for s in fit.source_ids}
    checks = evaluation(content, option_ids, situation_id).values()
    return fit_sources | {
        s
        for by_option in checks
        for rows in by_option.values()
        for row in rows
        for s in row.source_ids
    }


@kept
def not_shown(content: Content, situation_id: str, shown: Sequence[str]) -> list[str]:
    """The ids of the options set apart for the situation and not shown."""
    return [fit.option_id for fit in set_apart(content, situation_id) if fit.option_id not in shown]


def not_shown_line(content: Content, situation_id: str, shown: Sequence[str]) -> str | None:
    """One line for a shared screen: the options set apart for the situation and not shown."""
    names = content.short_names()  # as the phone's line says them (6th review N5)
    hidden = [names[option_id] for option_id in not_shown(content, situation_id, shown)]
    return t("situation.not_shown", options=", ".join(hidden)) if hidden else None
