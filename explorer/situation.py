"""The person's situation (situations.csv): which options are aimed at it (option_fit.csv), and
whose numbers match it (populations.csv). Choosing a situation puts the options aimed at it
first and sets the others apart, each with its reason; it never hides one without saying so.
"Not sure" is the app's own choice, not a row: it shows everything, as before."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from explorer.compare import evidence_line
from explorer.data import Content
from explorer.markdown import Md
from explorer.memo import kept
from explorer.rules.vocabulary import EVALUATION_KINDS, FITS, split_ids
from explorer.text import markdown_table
from explorer.words import t

# Not a situation id: the choice of a person who is not sure, shown first; needs no parameter.
NOT_SURE = "not_sure"
# The fits that put an option among those aimed at a situation (shown first, chosen by default).
AIMED = tuple(fit for fit in FITS if fit != "not_usually_offered")


@dataclass(frozen=True)
class Fit:
    """How one option fits one situation, with the reason and the evidence for it."""

    option_id: str
    option_name: str
    fit: str
    reason: str
    source_ids: tuple[str, ...]
    certainty: str

    @property
    def aimed(self) -> bool:
        return self.fit in AIMED

    def label(self) -> str:
        """'Usually offered', 'Only in research' …"""
        return t(f"situation.fits.{self.fit}")

    def line(self) -> str:
        """'Spinal fusion: Not usually offered in this situation. It aims at …'"""
        return t(
            "situation.fit_line", option=self.option_name, fit=self.label(), reason=self.reason
        )

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
    rows = content.option_fit[content.option_fit["situation_id"] == situation_id]
    by_option = {row.option_id: row for row in rows.itertuples()}
    return [
        Fit(
            option_id,
            option_name,
            by_option[option_id].fit,
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
    """The options not usually offered in the situation, each with its reason."""
    return [fit for fit in fits(content, situation_id) if not fit.aimed]


@kept
def arranged(content: Content, situation_id: str, option_ids: Sequence[str]) -> list[str]:
    """The given options with those aimed at the situation first; the neutral order within
    each group (still not a ranking)."""
    aimed = set(aimed_options(content, situation_id))
    return [o for o in option_ids if o in aimed] + [o for o in option_ids if o not in aimed]


@kept
def summary_lines(content: Content, situation_id: str) -> list[str]:
    """For the summary page and the PDF: the situation, the options aimed at it, and why the
    others are set apart."""
    if known(content, situation_id) == NOT_SURE:
        return [t("situation.none_chosen")]
    return [
        t("situation.chosen", situation=name(content, situation_id)),
        t("situation.aimed", options=_aimed_names(content, situation_id)),
        *(fit.line() for fit in set_apart(content, situation_id)),
    ]


@kept
def note_line(content: Content, situation_id: str) -> str:
    """For the record note: one line, the situation and the options aimed at it."""
    if known(content, situation_id) == NOT_SURE:
        return t("situation.note_none")
    return t(
        "situation.note",
        situation=name(content, situation_id),
        options=_aimed_names(content, situation_id),
    )


def _aimed_names(content: Content, situation_id: str) -> str:
    """The names of the options aimed at the situation, for one line of text."""
    names = content.option_names()
    aimed = [names[option_id] for option_id in aimed_options(content, situation_id)]
    return ", ".join(aimed) or t("situation.aimed_none")


@kept
def option_choices(content: Content, situation_id: str) -> dict[str, str]:
    """Option id -> name for a picker of one option: those aimed at the situation first, the
    others marked as not usually offered (still there, one click away)."""
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
def not_shown_line(content: Content, situation_id: str, shown: Sequence[str]) -> str | None:
    """One line for a shared screen: the options set apart for the situation and not shown."""
    hidden = [
        fit.option_name for fit in set_apart(content, situation_id) if fit.option_id not in shown
    ]
    return t("situation.not_shown", options=", ".join(hidden)) if hidden else None
