"""The in-context review edition: every page as a reader sees it, English and another language
side by side, in one HTML file that needs nothing else (no script, no font, no image, nothing
fetched), to read offline or print on A4. A qualified medical translator judges sentences, not
keys: each pair says where its words live (explorer/translation/where.py) and is marked when the
other language's page shows English there, or when no reviewer has signed its words yet.

`python -m explorer translation review es OUTDIR` writes OUTDIR/review-es.html."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pandas as pd
from markupsafe import Markup

from explorer import markdown
from explorer.store import Snapshot
from explorer.translation import edition_pages, where
from explorer.translation.lines import BLOCK, MARKDOWN, TABLE, TEMPLATE, Heading, Line
from explorer.translation.status import Status, status
from explorer.words import LANGUAGE, catalogue, say, speaking

TEMPLATE_FILE = "review.html"
# The catalogue's sections each page shows, besides the words this edition shows filled in: the
# rest of their messages are listed under the page as the catalogue holds them, so that no label
# is missed. Words of the clinic's data check and of the command line are not for patients.
PAGE_SECTIONS = {
    "home": ("home",),
    "anatomy": ("anatomy",),
    "compare": ("compare",),
    "charts": ("charts", "ratings"),
    "chances": ("chances",),
    "what_matters": ("what_matters", "decide"),
    "summary": ("summary", "handout"),
    "about": ("about",),
}
SHARED_SECTIONS = (
    *("app", "pages", "shell", "picker", "situation", "get_help", "certainty", "sources"),
    "country",
)


@dataclass(frozen=True)
class Pair:
    """One text in English and in the other language, with its marks."""

    english: Line
    other: Line
    in_english: bool  # the other language's page shows English here (in part, or whole)
    not_reviewed: bool
    other_lang: str  # lang of the other column's text: English where only English rows show


@dataclass(frozen=True)
class Part:
    page: str  # the page of the app it belongs to (shell.PAGES), or "" for words on many pages
    heading: str  # the edition's own words, in English
    level: int  # 2: a page of the app begins; 3: a part of one
    pairs: tuple[Pair, ...]


def file_name(language: str) -> str:
    return f"review-{language}.html"


def build(snapshot: Snapshot, language: str) -> list[Part]:
    """The edition's parts, in page order, each with its pairs."""
    english = _items(snapshot, LANGUAGE)
    other = _items(snapshot, language)
    if [_shape(item) for item in english] != [_shape(item) for item in other]:
        raise RuntimeError(f"the pages' lines in {LANGUAGE} and {language} do not pair up")
    marks = status(snapshot, language)
    parts: list[Part] = []
    page, heading, level, pairs = "", "", 2, []
    for english_item, other_item in zip(english, other):
        if isinstance(english_item, Heading):
            if pairs:
                parts.append(Part(page, heading, level, tuple(pairs)))
            if english_item.new_page:
                page = english_item.values["page"]
            heading, level, pairs = _heading(english_item), 2 if english_item.new_page else 3, []
        else:
            pairs.append(_pair(english_item, other_item, marks, language))
    parts.append(Part(page, heading, level, tuple(pairs)))
    return _with_other_words(parts, _used(english), marks, language)


def _items(snapshot: Snapshot, language: str) -> list:
    with speaking(language):
        return edition_pages.edition(snapshot.content(language))


def _shape(item) -> tuple:
    """What must be the same in both languages: the kind of item, its places and style."""
    if isinstance(item, Heading):
        return (item.key, item.new_page)
    return (item.where, item.style)


def _heading(heading: Heading) -> str:
    if heading.new_page:
        return say(
            LANGUAGE, heading.key, title=say(LANGUAGE, f"pages.{heading.values['page']}.title")
        )
    return say(LANGUAGE, heading.key, **heading.values)


def _pair(english: Line, other: Line, marks: Status, language: str) -> Pair:
    in_english = [marks.shown_in_english(place) for place in other.where]
    only_data = all(place.is_data for place in other.where)
    return Pair(
        english,
        other,
        in_english=any(in_english),
        not_reviewed=any(marks.not_reviewed(place) for place in other.where),
        other_lang=LANGUAGE if only_data and all(in_english) else language,
    )


# ------------------------------------------------------------------------ the other words
def _used(items: Sequence) -> set[str]:
    """The catalogue keys and families the edition shows filled in."""
    return {
        place.key[0]
        for item in items
        if isinstance(item, Line)
        for place in item.where
        if not place.is_data and place.key
    }


def _with_other_words(
    parts: list[Part], used: set[str], marks: Status, language: str
) -> list[Part]:
    """Each page's parts, then the rest of its sections' messages; the shared ones at the end."""
    placed: list[Part] = []
    for index, part in enumerate(parts):
        placed.append(part)
        if index + 1 == len(parts) or parts[index + 1].page != part.page:
            sections = PAGE_SECTIONS[part.page]
            placed.append(_other_words(part.page, sections, used, marks, language, "leftovers"))
    placed.append(_other_words("", SHARED_SECTIONS, used, marks, language, "shared"))
    return [part for part in placed if part.pairs]


def _other_words(
    page: str,
    sections: Sequence[str],
    used: set[str],
    marks: Status,
    language: str,
    heading: str,
) -> Part:
    english, other = catalogue(LANGUAGE), catalogue(language)
    families: dict[str, list[str]] = {}
    for key in english:
        family = _family(key)
        if key.split(".")[0] in sections and key not in used and family not in used:
            families.setdefault(family, []).append(key)
    pairs = []
    for family, keys in families.items():
        place = where.message(family)
        if keys == [family]:
            texts = english[family], other[family]
        else:
            texts = _forms(english, family), _forms(other, family)
        line = Line(texts[0], (place,), TEMPLATE)
        pairs.append(_pair(line, Line(texts[1], (place,), TEMPLATE), marks, language))
    level = 2 if not page else 3
    return Part(page, say(LANGUAGE, f"translation.review.{heading}"), level, tuple(pairs))


_FORMS = frozenset(("zero", "one", "two", "few", "many", "other"))


def _family(key: str) -> str:
    """A plural form's family (data_check.problems.one -> data_check.problems), else the key."""
    family, _, form = key.rpartition(".")
    return family if form in _FORMS else key


def _forms(words: dict[str, str], family: str) -> tuple[str, ...]:
    return tuple(
        f"{key.rpartition('.')[2]}: {text}"
        for key, text in words.items()
        if key.startswith(f"{family}.") and _family(key) == family
    )


# ------------------------------------------------------------------------------ the page
def render(snapshot: Snapshot, language: str) -> str:
    """The edition as one HTML page, every text escaped (Jinja's autoescape), page copy's
    Markdown through explorer.markdown.html."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["words"] = _words
    environment.tests["table"] = lambda text: isinstance(text, pd.DataFrame)
    parts = build(snapshot, language)
    release = snapshot.english.release
    return environment.get_template(TEMPLATE_FILE).render(
        parts=parts,
        language=language,
        said=lambda key, **values: say(LANGUAGE, f"translation.review.{key}", **values),
        column={
            LANGUAGE: catalogue(LANGUAGE)["app.language_name"],
            language: catalogue(language)["app.language_name"],
        },
        english=LANGUAGE,
        release=release,
        styles={"markdown": MARKDOWN, "table": TABLE, "block": BLOCK},
    )


def _words(line: Line):
    """A line's text as the template shows it: page copy as HTML made from its safe Markdown;
    anything else as it is (the template escapes it)."""
    if line.style == MARKDOWN:
        return Markup(markdown.html(line.text))  # made from Md: escaped, no images
    return line.text


def write(snapshot: Snapshot, language: str, folder: Path) -> Path:
    """Write the edition into `folder` (made if needed); its path."""
    if language == LANGUAGE or language not in snapshot.translations:
        raise ValueError(language)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(language)
    path.write_text(render(snapshot, language), encoding="utf-8")
    return path
