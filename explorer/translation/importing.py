"""A translator's PO file back into content/<language>/ and data/<language>/, after the app's
own checks: every entry must be a text of the current English (its msgctxt and msgid), keep the
English's {placeholders} exactly, have no sentence longer than the language's reading rules
allow, leave each file it changes no harder to read than the rules allow (explorer.readability),
and leave each data file passing the app's check of a translation (explorer.translations, its
pandera schema). Everything is checked before anything is written: one failing entry and no file
is written (`Plan.failures`).

What the import sets, and never sets:
- a data row whose entries are all there and none fuzzy gets translated_from set to the
  fingerprint of its English now: the translator has confirmed the words match it;
- a fuzzy entry's words are written, but its row keeps its old translated_from, so the app goes
  on showing the row in English until the fuzzy mark is taken off and the file imported again;
  a catalogue key or page copy has no such mark, so a fuzzy entry of either is left out;
- a row, catalogue file or page copy file whose words change loses its review (reviewed_by,
  reviewed_on): a review is of the words. Nothing here ever fills reviewed_by;
- a row whose words change gets translated_by from the PO header's Last-Translator when it
  names someone."""

from __future__ import annotations

import os
import tempfile
import tomllib
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from explorer import readability, translations, words
from explorer.data import Content
from explorer.readability import CATALOGUE, DATA, MARKDOWN, Source
from explorer.rules.files import CsvFile, text_columns
from explorer.rules.report import Problem
from explorer.rules.said import Said, said
from explorer.rules.vocabulary import PATIENTS, PLACEHOLDER
from explorer.translation import po
from explorer.translation.texts import (
    CsvRows,
    Place,
    Text,
    Texts,
    read_rows,
    read_texts,
    row_key,
)
from explorer.translation.toml_lines import NotWritable, set_values
from explorer.translations import REVIEWED_BY, REVIEWED_ON, TRANSLATED_BY, TRANSLATED_FROM

_PROBLEM = "translation.po.problem"


@dataclass(frozen=True)
class Failure:
    """An entry that cannot be imported, and why (said in the reader's language)."""

    context: str
    problem: Said | Problem

    def what(self, language: str) -> str:
        if isinstance(self.problem, Problem):
            return self.problem.message(language)
        return self.problem.in_language(language)


@dataclass
class Plan:
    """What an import would write, or why it writes nothing."""

    writes: dict[Path, bytes] = field(default_factory=dict)  # only files whose bytes change
    failures: list[Failure] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # fuzzy catalogue or page copy entries
    kept_in_english: list[str] = field(default_factory=list)  # rows imported from fuzzy entries


def plan(read: po.Read, english: Content, data_folder: Path) -> Plan:
    """Check every entry of `read` against the texts of its language now, and work out every
    file's new bytes. Writes nothing."""
    texts = read_texts(read.language, english, data_folder)
    result = Plan()
    accepted = _accepted(read, texts, result)
    changed = {
        context: entry
        for context, entry in accepted.items()
        if entry.translation != texts.by_context[context].translation
    }
    result.failures += _sentences(changed, texts)
    new_files = _catalogue(texts, accepted, result)
    new_files |= _page_copy(texts, accepted)
    data_files = _data(texts, accepted, read.translator, result)
    _reviews(texts, new_files, result)
    result.failures += _reading(texts, new_files, data_files, changed)
    result.failures += _data_problems(texts, english, data_files)
    for name, text in new_files.items():
        _write_if_changed(result, words.CONTENT_DIR / read.language / name, text.encode("utf-8"))
    for rows in data_files.values():
        if rows.exists or rows.rows:  # no empty file for a language with no words there yet
            _write_if_changed(result, rows.path, rows.written())
    if result.failures:
        result.writes.clear()
    return result


def _write_if_changed(result: Plan, path: Path, data: bytes) -> None:
    if not path.is_file() or path.read_bytes() != data:
        result.writes[path] = data


def _accepted(read: po.Read, texts: Texts, result: Plan) -> dict[str, po.Entry]:
    """The entries with words to import, by context; each other entry is a failure, left out
    (fuzzy with no way to keep it unshown) or untranslated."""
    known = texts.by_context
    counts = Counter(entry.context for entry in read.entries)
    accepted: dict[str, po.Entry] = {}
    for entry in read.entries:
        context = entry.context or ""
        text = known.get(context)
        if not entry.context:
            problem = said(f"{_PROBLEM}.no_context")
        elif counts[entry.context] > 1:
            problem = said(f"{_PROBLEM}.duplicate")
        elif text is None:
            problem = said(f"{_PROBLEM}.unknown")
        elif entry.english != text.english:
            problem = said(f"{_PROBLEM}.english_changed")
        elif not entry.translation:
            continue  # untranslated: the words stay as they are
        elif entry.fuzzy and text.place.kind != DATA:
            result.left_out.append(context)
            continue
        elif _placeholders(entry.translation) != _placeholders(text.english):
            problem = said(
                f"{_PROBLEM}.placeholders",
                expected=_listed(text.english),
                found=_listed(entry.translation),
            )
        else:
            accepted[context] = entry
            continue
        result.failures.append(Failure(context or entry.english[:60], problem))
    return accepted


def _placeholders(text: str) -> Counter:
    return Counter(PLACEHOLDER.findall(text))


def _listed(text: str) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(_placeholders(text).elements())) or "-"


def _sentences(changed: Mapping[str, po.Entry], texts: Texts) -> list[Failure]:
    """Each changed entry's sentences over the language's longest, scored as the reading gate
    scores its kind of text."""
    rules = readability.rules_for(texts.language)
    known = texts.by_context
    failures = []
    for context, entry in changed.items():
        source = Source(context, known[context].place.kind, tuple(_as_read(known[context], entry)))
        too_long = {
            sentence for _, sentence in readability.score_source(source, rules=rules).too_long
        }
        for read, written in _sentence_pairs(source, entry.translation):
            if read in too_long:
                problem = said(
                    f"{_PROBLEM}.long_sentence",
                    count=readability.word_count(read),
                    limit=rules.max_sentence_words,
                    sentence=written,
                )
                failures.append(Failure(context, problem))
    return failures


def _sentence_pairs(source: Source, written: str) -> list[tuple[str, str]]:
    """Each sentence as the gate reads it, beside the same sentence as the translator wrote it:
    a catalogue message's placeholders are read as a stand-in word, and shown as written."""
    read = [s for text in source.texts for s in readability.sentences(text.text)]
    if source.kind != CATALOGUE:
        return [(sentence, sentence) for sentence in read]
    return list(zip(read, readability.sentences(written), strict=False))


def _as_read(text: Text, entry: po.Entry) -> list[readability.Text]:
    place = text.place
    if place.kind == CATALOGUE:
        found = readability.catalogue_text(place.key, entry.translation)
        return [] if found is None else [found]
    if place.kind == MARKDOWN:
        return readability.markdown_blocks(entry.translation)
    return [readability.Text(place.context, entry.translation)]


def _of_kind(texts: Texts, accepted: Mapping[str, po.Entry], kind: str):
    for text in texts.texts:
        entry = accepted.get(text.place.context)
        if text.place.kind == kind and entry is not None:
            yield text, entry


def _catalogue(texts: Texts, accepted: Mapping[str, po.Entry], result: Plan) -> dict[str, str]:
    """Each catalogue file the entries change, as its new text (every other byte kept)."""
    values: dict[str, dict[str, str]] = defaultdict(dict)
    for text, entry in _of_kind(texts, accepted, CATALOGUE):
        if entry.translation != text.translation:
            # Into the file the language has the key in now, which may not be the English one's:
            # a key in two files stops the catalogue (words.catalogue).
            name = texts.catalogue_keys.get(text.place.key, text.place.file)
            values[name][text.place.key] = entry.translation
    new_files = {}
    for name, changed in values.items():
        try:
            new_files[name] = set_values(texts.catalogue_files[name], changed)
        except NotWritable as refused:
            result.failures += [
                Failure(Place(CATALOGUE, name, key).context, said(f"{_PROBLEM}.not_writable"))
                for key in refused.keys
            ]
    return new_files


def _page_copy(texts: Texts, accepted: Mapping[str, po.Entry]) -> dict[str, str]:
    return {
        text.place.file: entry.translation
        for text, entry in _of_kind(texts, accepted, MARKDOWN)
        if entry.translation != text.translation
    }


def _data(
    texts: Texts, accepted: Mapping[str, po.Entry], translator: str, result: Plan
) -> dict[str, CsvRows]:
    """Every translated data file with the entries' words and the rows' marks set (see the
    module's docstring): a copy of each, the files on disk untouched."""
    files = {file.name: file for file in translations.translated_files()}
    by_row: dict[tuple[str, tuple], list[Text]] = defaultdict(list)
    for text in texts.texts:
        if text.place.kind == DATA:
            by_row[text.place.file, text.place.row].append(text)
    new: dict[str, CsvRows] = {}
    for name, rows in texts.data_files.items():
        new[name] = replace(rows, rows=[dict(row) for row in rows.rows])
    for (name, key), row_texts in by_row.items():
        entries = [accepted.get(text.place.context) for text in row_texts]
        if not any(entries):
            continue
        file = files[name]
        rows = new[name]
        row = next((row for row in rows.rows if row_key(file, row) == key), None)
        if row is None:  # a row not translated before
            row = dict.fromkeys(rows.columns, "") | dict(zip(file.key_columns, key))
            rows.rows.append(row)
        context = Place(DATA, name, row=key).context
        changed = False
        for text, entry in zip(row_texts, entries):
            if entry is not None and entry.translation != row.get(text.place.column, ""):
                row[text.place.column] = entry.translation
                changed = True
        if all(entry is not None and not entry.fuzzy for entry in entries):
            row[TRANSLATED_FROM] = row_texts[0].fingerprint
        elif any(entry is not None and entry.fuzzy for entry in entries):
            result.kept_in_english.append(context)
        if changed:
            row[REVIEWED_BY] = row[REVIEWED_ON] = ""
            row[TRANSLATED_BY] = translator or row.get(TRANSLATED_BY, "")
            if not row[TRANSLATED_BY]:
                result.failures.append(Failure(context, said(f"{_PROBLEM}.translator")))
    return new


def _reviews(texts: Texts, new_files: Mapping[str, str], result: Plan) -> None:
    """A catalogue or page copy file whose words change loses its review (review.csv)."""
    path = words.CONTENT_DIR / texts.language / words.REVIEW_FILE
    reviews = read_rows(path, [])
    for row in reviews.rows:
        if row.get("file") in new_files:
            row[REVIEWED_BY] = row[REVIEWED_ON] = ""
    if reviews.exists:
        _write_if_changed(result, path, reviews.written())


def _reading(
    texts: Texts,
    new_files: Mapping[str, str],
    data_files: Mapping[str, CsvRows],
    changed: Mapping[str, po.Entry],
) -> list[Failure]:
    """Each file the entries change must meet the language's reading rules as a whole, as the
    reading gate scores it; one that did not before must not get harder."""
    language = texts.language
    rules = readability.rules_for(language)
    terms = readability.allowed_terms(
        {name: rows.frame() for name, rows in data_files.items()}, language
    )
    files = {file.name: file for file in translations.translated_files()}
    failures = []
    known = texts.by_context
    by_file: dict[str, list[str]] = defaultdict(list)
    for context in changed:
        by_file[known[context].place.file].append(context)
    for name, contexts in by_file.items():
        kind = known[contexts[0]].place.kind
        if kind == DATA:
            before = texts.data_files[name].frame()
            after = data_files[name].frame()
            shown = readability.data_name(name, language)
            sources = [
                Source(shown, DATA, tuple(readability.data_texts(files[name], frame)))
                for frame in (before, after)
            ]
        elif kind == CATALOGUE:
            pair = (texts.catalogue_files[name], new_files.get(name, texts.catalogue_files[name]))
            sources = [Source(name, kind, tuple(_catalogue_texts(text))) for text in pair]
        else:
            old = known[name].translation
            sources = [
                Source(name, kind, tuple(readability.markdown_blocks(text)))
                for text in (old, new_files.get(name, old))
            ]
        before, after = (readability.score_source(s, terms, rules) for s in sources)
        harder = rules.harder_first(after.level) < rules.harder_first(before.level)
        if not rules.meets(after.level) and (rules.meets(before.level) or harder):
            side = "at_most" if rules.at_most else "at_least"
            problem = said(
                f"{_PROBLEM}.reading_{side}",
                file=sources[1].name,
                measure=said(f"about.reading.measures.{rules.gate.name}"),
                figure=f"{after.level:.1f}",
                before=f"{before.level:.1f}",
                limit=f"{rules.limit:g}",
            )
            failures += [Failure(context, problem) for context in contexts]
    return failures


def _catalogue_texts(text: str) -> list[readability.Text]:
    return [
        found
        for key, value in words.flatten(tomllib.loads(text))
        if isinstance(value, str) and (found := readability.catalogue_text(key, value))
    ]


def _data_problems(
    texts: Texts, english: Content, data_files: Mapping[str, CsvRows]
) -> list[Failure]:
    """The app's own check of a translation (explorer.translations.translate, the pandera
    schema and the rows against the English) on the data files as they would be written."""
    language = texts.language
    files = {file.name: file for file in translations.translated_files()}
    changed = {
        f"{language}/{name}": name
        for name, rows in data_files.items()
        if rows.written() != texts.data_files[name].written()
    }
    if not changed:
        return []
    with tempfile.TemporaryDirectory() as staging:
        folder = Path(staging)
        (folder / language).mkdir()
        for name, rows in data_files.items():
            (folder / language / name).write_bytes(rows.written())
        _, problems = translations.translate(english, folder, language)
    failures = []
    for problem in problems:
        name = changed.get(problem.file)
        if name is None:
            continue  # a file this import leaves as it is
        failures.append(Failure(_where(files[name], data_files[name], problem), problem))
    return failures


def _where(file: CsvFile, rows: CsvRows, problem: Problem) -> str:
    """The context of the entry a data problem is in: its row and column, or its row."""
    if problem.row is None or not 0 <= problem.row - 2 < len(rows.rows):
        return problem.file
    key = row_key(file, rows.rows[problem.row - 2])
    column = problem.column if problem.column in text_columns(file, PATIENTS) else ""
    return Place(DATA, file.name, row=key, column=column).context


def write(writes: Mapping[Path, bytes]) -> None:
    """Write every file, each atomically (a temporary file in its folder, then renamed over
    it), and all of them or none as far as a file system allows: every temporary file is
    written before the first is renamed."""
    temporary: list[tuple[Path, Path]] = []
    try:
        for path, data in writes.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            temporary.append((Path(name), path))
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(name, path.stat().st_mode if path.exists() else 0o644)
    except BaseException:
        for name, _ in temporary:
            name.unlink(missing_ok=True)
        raise
    for name, path in temporary:
        os.replace(name, path)
