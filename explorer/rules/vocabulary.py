"""The words of the data files' own language: the levels, statuses, roles, fits and kinds a cell
may hold, how ids are spelt, and the marks the schemas put on columns. Code that needs one of
these values imports it from here, so each is spelt once."""

from __future__ import annotations

import re

CERTAINTY_LEVELS = ("high", "moderate", "low", "very low", "not known")
NOT_KNOWN = "not known"
INVESTIGATIONAL = "investigational"
OPTION_STATUSES = ("established", INVESTIGATIONAL)
# The recovery milestones that recovery.csv gives weeks for, in display order.
MILESTONES = ("usual_activities", "work")
# Level 1 of every attribute is the lighter burden; attributes.csv states it in every row.
LIGHTER_END = "1"
# The disc states the anatomy diagram can draw (explorer/anatomy.py); each needs its row of text.
DISC_STATES = ("healthy", "tear", "herniation", "degenerated")
# A source written to sell a treatment (a clinic's, a hospital's or an inventor's own pages) is
# marked in sources.csv's `marketing` column; lists of sources say so beside it, and no fact may
# rest on such sources alone (tests/content).
MARKETING = "yes"
MARKETING_VALUES = ("", MARKETING)
# What an outcome in outcomes.csv is for the person: a benefit, or a harm (or more treatment).
BENEFIT = "benefit"
HARM = "harm"
OUTCOME_KINDS = (BENEFIT, HARM)
# scores.csv's `measure`: what a study scored from 0 to 10 (its words: chances.score.measure.*).
MEASURES = ("leg_pain",)
# speeds.csv's `measure`: what the weeks count up to (its words: chances.speed.*.<measure>);
# half_by: until half the group had the outcome (the median time).
SPEED_MEASURES = ("half_by",)
# attributes.csv's `scale`: which colour family a quality is drawn in, darker always meaning more of
# it: more benefit (or surer of it), or a heavier burden.
ATTRIBUTE_SCALES = ("benefit", "burden")
# outcomes.csv's `everyone`: "yes" where a count is for everyone in a trial, both groups together.
EVERYONE_VALUES = ("yes", "")
# outcomes.csv `offered`: which group's count is the treatment that group was offered in its
# trial (so drawn as neither benefit nor harm), if either.
OFFERED_GROUPS = ("group", "comparison", "")
# Whether a fit level (fit_levels.csv) puts an option among those aimed at a situation: chosen
# by default and named as aimed at it ("yes"), or set apart with its reason ("no").
AIMED = "yes"
AIMED_VALUES = (AIMED, "no")
# Whose numbers (populations.csv) against a situation (situation_bounds.csv): the pain the
# people mainly had ("any" for a group with either, or a situation open to either); whether they
# had back surgery before, for a group, and for a situation; and the kind of study they were in.
PAINS = ("leg", "back", "any")
GROUP_PREVIOUS_SURGERY = ("none", "some", "all", NOT_KNOWN)
SITUATION_PREVIOUS_SURGERY = ("none", "all", "any")
# A comparison drawn as one picture must come from one randomised trial (one population).
TRIAL = "trial"
STUDY_DESIGNS = (TRIAL, "cohort", "register", "series", "review", "hospital_records")
# What an evaluation for an option looks at (evaluation.csv), in the order the page shows them:
# what a clinician checks, and who the studies took in. What guidelines say is the comparison's
# own question (answers.csv), stored and graded once.
EVALUATION_KINDS = ("clinic_checks", "trial_entry")
# What the "Offered this by a clinic?" card of an investigational option says (offer.csv), in the
# order it shows them: the names clinics sell it under, its randomised trial (drawn beside its
# comparison group from outcomes.csv), what has never been tested, harms, what it costs and who
# pays, and how to find a trial.
OFFER_KINDS = ("names", "trial", "untested", "harms", "cost", "find_trial")
# Rows the code relies on are marked in their file's `role` column, never found by their id:
# renaming a row's id keeps its role, and a role missing or given twice is a data problem.
ROLE = "role"
# The quality that says how sure we are about the benefit, and the one that says how big the
# benefit is: shown together beside every chart.
EVIDENCE_ROLE = "evidence"
BENEFIT_SIZE_ROLE = "benefit_size"
ATTRIBUTE_ROLES = (EVIDENCE_ROLE, BENEFIT_SIZE_ROLE)
# The comparison rows a one- or two-page handout has room for: help, harm and certainty, the
# same rows for every option (equal detail).
SUMMARY_ROLES = ("benefits", "harms", "certainty")
# A decision aid always offers "no procedure": every list of options a disc state links to has it.
NO_PROCEDURE_ROLE = "no_procedure"
OPTION_ROLES = (NO_PROCEDURE_ROLE,)
# What changed in a release (changelog.csv): a review finding applied, one answered instead, or new.
CHANGE_KINDS = ("fixed", "answered", "added")
# What a warning-sign action may name as {emergency_phone} …: the clinic's own numbers
# (clinic.csv), and the services they reach, named in the reader's language for the clinic's
# country (explorer/safety.py fills them in).
ACTION_PLACEHOLDERS = ("emergency_phone", "urgent_phone", "emergency_service", "urgent_service")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# Ages of the scan-findings table (Brinjikji 2015), one column each: age_20 ... age_80.
SCAN_AGES = (20, 30, 40, 50, 60, 70, 80)

# Ids are short, lower-case words so they read well in a shared link (?options=esi).
ID_PATTERN = r"^[a-z][a-z0-9_]*$"
SOURCE_ID_PATTERN = r"^S[0-9]+[a-z]?$"
# Several ids in one cell are separated by semicolons: "S9; S10", "conservative; esi".
SOURCE_SEPARATOR = ";"
# An answer's key points (its short form for the shared screen of consult mode) are separated by
# a bar, and so are their sources, one group per point: "Point one. | Point two." with
# "S9; S10 | S9". Few and short, so that five options fit one screen.
POINT_SEPARATOR = "|"
MAX_KEY_POINTS = 3
MAX_POINT_WORDS = 16

# CSV text is shown as plain text, but markup in a cell is still a mistake (or an attack):
# HTML tags, Markdown images or links, script URLs and web addresses (which Streamlit's Markdown
# turns into links even when escaped; links belong in sources.csv) are refused at load time.
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]|!\[|\]\(|javascript:|https?://|www\.", re.IGNORECASE)

# Who reads a text column: patients (so its reading level is checked, see explorer/readability.py)
# or only people checking the evidence (citations).
READ_BY = "read_by"
PATIENTS = "patients"
EXPERTS = "experts"
# A text column whose cells are points separated by POINT_SEPARATOR: each point is read (and
# scored for its reading level) on its own.
POINTS = "points"
# The type a number column has once checked: its text is read as numbers once, at load, and an
# empty cell becomes missing (<NA>/NaN), so no code converts it again.
NUMBER = "number"


def split_ids(cell: str) -> list[str]:
    """'S9; S10' -> ['S9', 'S10'], 'conservative; esi' -> ['conservative', 'esi'] (empty cell -> [])."""
    return [part.strip() for part in str(cell).split(SOURCE_SEPARATOR) if part.strip()]


def split_points(cell: str) -> list[str]:
    """'One. | Two.' -> ['One.', 'Two.'] (empty cell -> []); an empty point stays, as ''."""
    return [part.strip() for part in str(cell).split(POINT_SEPARATOR)] if str(cell).strip() else []


def level_key(attribute_id: str, level) -> str:
    """How ratings.csv points at one level of one attribute: 'invasiveness:2'."""
    text = str(level).strip()
    return f"{str(attribute_id).strip()}:{int(text) if text.isdigit() else text}"


def age_column(age: int) -> str:
    return f"age_{age}"
