"""Streamlit's fonts cut down to what this app shows, for the front door to serve at Streamlit's own
addresses in their place (deploy/run-local.sh, the Dockerfile's front-door image; site.conf).

- Material Symbols (376 kB, over 4,000 icons): only the icons that Streamlit's frame or this app
  can name, each drawn from its name by a ligature. An icon left out would show as its name in
  letters, so the list is taken wide: every `:material/…` name anywhere in Streamlit's frontend
  and Python code (its docstrings' examples too) and in the app's files.
- Source Sans and Source Code Pro, upright and italic (171 kB for Source Sans, loaded before the
  first heading): the Latin letters, punctuation and symbols, and every character in the app's
  files. A character left out (a clinic's later edit in another script) is drawn in the browser's
  own sans-serif, not lost.

    python deploy/fonts.py STREAMLIT_STATIC APP_ROOT BUILD_DIR

STREAMLIT_STATIC is the `static` folder of the Streamlit the app runs (the one with index.html);
APP_ROOT holds the app's parts. The cut fonts go to BUILD_DIR/<key>/static/media/ under the
names of the fonts they replace, with cut.json (what each kept); the folder's path is printed.
<key> is a digest of everything that goes in, so a second run with the same Streamlit and the
same app reuses the folder and does no work. Needs fontTools and brotli (requirements-dev.txt);
without them it exits with NO_TOOLS and the front door serves Streamlit's full fonts.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

NO_TOOLS = 3
ICON_FONT = "MaterialSymbols-*.woff2"
TEXT_FONTS = ("SourceSansVF-*.woff2", "SourceCodeVF-*.woff2")
# What the app is made of (the Dockerfile copies the same; tests/browser/conftest.py APP_PARTS).
APP_PARTS = ("app.py", "views", "explorer", "content", "data", ".streamlit")
# font-variant-numeric (tabular, lining, proportional, old-style figures) and case-sensitive forms.
NUMERIC_FEATURES = ["tnum", "lnum", "pnum", "onum", "case"]
ICON = re.compile(r":material/([a-z0-9_]+)")
# Latin for English, Spanish and the other languages a clinic may add in Latin script (Basic
# Latin, Latin-1, Latin Extended-A and -B), general punctuation (dashes, quotes, the ellipsis),
# currency, letterlike symbols, arrows and mathematical operators (less or equal, minus).
TEXT_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x214F),
    (0x2190, 0x21FF),
    (0x2200, 0x22FF),
)


def app_texts(app_root: Path) -> list[str]:
    """Every text file of the app's parts (data and content in every language, the code)."""
    texts = []
    for part in APP_PARTS:
        top = app_root / part
        for path in sorted([top] if top.is_file() else top.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                try:
                    texts.append(path.read_text(encoding="utf-8"))
                except UnicodeDecodeError:
                    continue  # an image or other binary file: no text to show
    return texts


def icon_names(streamlit_static: Path, texts: Iterable[str]) -> set[str]:
    """Every Material icon name in Streamlit's frontend and Python code and in `texts`."""
    package = streamlit_static.parent
    code = [*(streamlit_static / "static" / "js").glob("*.js"), *package.rglob("*.py")]
    names: set[str] = set()
    for text in [*(path.read_text(encoding="utf-8", errors="ignore") for path in code), *texts]:
        names.update(ICON.findall(text))
    return names


def characters(texts: Iterable[str]) -> set[int]:
    """The code points a text font keeps: the Latin ranges and every character of `texts`."""
    kept = {point for first, last in TEXT_RANGES for point in range(first, last + 1)}
    for text in texts:
        kept.update(ord(char) for char in text if char.isprintable())
    return kept


def ligatures(font) -> dict[str, str]:
    """{icon name: glyph} from the icon font's ligatures (its letters, in order, become the icon)."""
    letter = {glyph: chr(point) for point, glyph in font.getBestCmap().items()}
    names = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            for first, sequences in getattr(table, "ligatures", {}).items():
                for sequence in sequences:
                    name = "".join(letter.get(glyph, "?") for glyph in [first, *sequence.Component])
                    names[name] = sequence.LigGlyph
    return names


def cut(path: Path, *, glyphs: Iterable[str] = (), unicodes: Iterable[int], icons: bool) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    options = subset.Options()
    options.flavor = "woff2"
    if icons:
        options.layout_features = ["*"]
        # The letters reach every icon by its ligatures: keep only the ligatures whose icon was
        # asked for, not every one the kept letters could spell.
        options.layout_closure = False
    else:
        # What a browser applies unasked (fontTools' list: kerning, ligatures, marks, local
        # forms…) and the figures a style sheet may ask for; no small capitals or stylistic sets.
        options.layout_features += NUMERIC_FEATURES
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=list(glyphs), unicodes=list(unicodes))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def cut_icons(path: Path, wanted: set[str]) -> tuple[bytes, list[str]]:
    """The icon font with the icons of `wanted` it has (the letters too: a name it lacks still
    shows as the word it would show in the full font); the names kept."""
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    by_name = ligatures(font)
    kept = sorted(wanted & by_name.keys())
    ascii_points = [point for point in font.getBestCmap() if point < 0x80]
    return cut(path, glyphs=[by_name[n] for n in kept], unicodes=ascii_points, icons=True), kept


def digest(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=sorted).encode()).hexdigest()


def build(streamlit_static: Path, app_root: Path, build_dir: Path) -> Path:
    from fontTools import version as fonttools_version

    media = streamlit_static / "static" / "media"
    texts = app_texts(app_root)
    names, points = icon_names(streamlit_static, texts), characters(texts)
    icon_fonts = sorted(media.glob(ICON_FONT))
    text_fonts = sorted(path for pattern in TEXT_FONTS for path in media.glob(pattern))
    key = digest(
        hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        fonttools_version,
        [path.name for path in icon_fonts + text_fonts],  # Streamlit's names carry a hash
        names,
        points,
    )[:16]
    done = build_dir / key
    if (done / "cut.json").is_file():
        return done
    build_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".cutting-", dir=build_dir))
    (work / "static" / "media").mkdir(parents=True)
    report = {}
    for path in icon_fonts:
        data, kept = cut_icons(path, names)
        (work / "static" / "media" / path.name).write_bytes(data)
        report[path.name] = {"bytes": [path.stat().st_size, len(data)], "icons": kept}
    for path in text_fonts:
        data = cut(path, unicodes=points, icons=False)
        (work / "static" / "media" / path.name).write_bytes(data)
        report[path.name] = {"bytes": [path.stat().st_size, len(data)]}
    (work / "cut.json").write_text(json.dumps(report, indent=1, sort_keys=True) + "\n")
    # nginx's workers (`nobody` when started by root) read the fonts.
    for path in [work, *work.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    try:
        os.rename(work, done)
    except OSError:  # another start made the same folder meanwhile
        shutil.rmtree(work)
    for old in build_dir.iterdir():  # folders of earlier apps or Streamlits
        if old.is_dir() and old.name != key and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
    return done


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        import brotli  # noqa: F401 (fontTools writes woff2 with it)
        import fontTools  # noqa: F401
    except ImportError as missing:
        print(f"deploy/fonts.py: {missing}; Streamlit's full fonts are served", file=sys.stderr)
        return NO_TOOLS
    print(build(*map(Path, argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
