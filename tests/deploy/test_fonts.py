"""Streamlit's fonts cut down for the front door (deploy/fonts.py): what each cut keeps, how every
front door is given them, and, in Chromium through deploy/run-local.sh, that every icon the pages
show is drawn as an icon (an icon left out of the cut would show as its name in letters) and every
character they show is in the cut text font."""

from __future__ import annotations

import fcntl
import io
import json
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import streamlit
from fontTools.ttLib import TTFont

from deploy import fonts
from explorer.ui import shell
from explorer.url_params import CONSULT, LANG_PARAM, MODE_PARAM
from tests.browser.conftest import APP_PARTS, wait_for_app
from tests.deploy.conftest import BUILT_FONTS, built_fonts
from tests.live import ROOT

STATIC = Path(streamlit.__file__).parent / "static"
MEDIA = STATIC / "static" / "media"
(ICON_FONT,) = MEDIA.glob(fonts.ICON_FONT)
(TEXT_FONT,) = MEDIA.glob("SourceSansVF-Upright*.woff2")
LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def font(data: bytes) -> TTFont:
    return TTFont(io.BytesIO(data))


def drawn(icon_font: TTFont, names: list[str] | None = None) -> set[frozenset[str]]:
    """The icons a font draws, each as the set of its names (some icons have two, and keep both):
    those of `names` only, if given."""
    by_glyph: dict[str, set[str]] = {}
    for name, glyph in fonts.ligatures(icon_font).items():
        by_glyph.setdefault(glyph, set()).add(name)
    return {
        frozenset(names_of)
        for names_of in by_glyph.values()
        if names is None or names_of & set(names)
    }


def test_the_icons_kept_are_streamlits_and_every_one_the_app_names(tmp_path):
    for part in APP_PARTS:
        (tmp_path / part).mkdir()
    (tmp_path / "data" / "notes.csv").write_text("id,text\n1,:material/pets: a clinic's own\n")
    (tmp_path / "views" / "p.py").write_text('st.button("Go", icon=":material/rocket_launch:")\n')
    (tmp_path / "tests").mkdir()  # not a part of the app
    (tmp_path / "tests" / "t.py").write_text('":material/bug_report:"\n')
    names = fonts.icon_names(STATIC, fonts.app_texts(tmp_path))
    assert {"pets", "rocket_launch"} <= names
    assert "bug_report" not in names
    # Streamlit's frame: the sidebar's button, the expanders' arrow, a status's tick.
    assert {"keyboard_double_arrow_right", "keyboard_double_arrow_left", "expand_more"} <= names
    assert "check" in names


def test_the_app_parts_read_are_the_apps(tmp_path):
    assert fonts.APP_PARTS == APP_PARTS
    # This app's own icons, wherever they are named.
    assert {"emergency", "arrow_forward"} <= fonts.icon_names(STATIC, fonts.app_texts(ROOT))


# The icons the tests below ask a cut for: the app's own, Streamlit's tick, one a clinic might add.
ASKED = {"emergency", "arrow_forward", "check", "home", "pets"}


@pytest.fixture(scope="session")
def cut_icon_font(tmp_path_factory, worker_id) -> tuple[bytes, list[str]]:
    """Streamlit's icon font cut to ASKED and a name it lacks, and the names kept: cut once per
    run, by the first test worker to ask (each cut of the full font takes seconds of both cores),
    and read by the others from the run's own temporary folder."""
    run_folder = tmp_path_factory.getbasetemp()
    if worker_id != "master":  # each worker's folder is in the run's
        run_folder = run_folder.parent
    cut, kept = run_folder / f"cut-{ICON_FONT.name}", run_folder / f"cut-{ICON_FONT.name}.json"
    with open(run_folder / "cut-icons.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not kept.exists():
            data, names = fonts.cut_icons(ICON_FONT, {*ASKED, "no_such_icon"})
            cut.write_bytes(data)
            kept.write_text(json.dumps(names))
    return cut.read_bytes(), json.loads(kept.read_text())


def test_the_cut_icon_font_draws_the_icons_asked_and_spells_any_other(cut_icon_font):
    data, kept = cut_icon_font
    assert kept == sorted(ASKED)
    cut = font(data)
    assert drawn(cut) == drawn(TTFont(ICON_FONT), kept)
    # Any other name is spelled with the font's letters, as the full font spells an unknown one.
    assert set(LETTERS) <= {chr(point) for point in cut.getBestCmap()}
    assert "home" in fonts.ligatures(TTFont(ICON_FONT))
    assert len(data) < ICON_FONT.stat().st_size / 20


def test_the_cut_text_font_keeps_latin_and_the_apps_characters():
    texts = fonts.app_texts(ROOT)
    # The cut deploy/run-local.sh serves, made once for it and this test.
    cut = font((built_fonts() / "static" / "media" / TEXT_FONT.name).read_bytes())
    full = TTFont(TEXT_FONT)
    shown = {ord(char) for text in texts for char in text if char.isprintable()}
    assert shown & set(full.getBestCmap()) <= set(cut.getBestCmap())
    assert {ord(char) for char in "áéíóúñü¿¡€–—…“”’→≤≥"} <= set(cut.getBestCmap())
    assert ord("Ж") in full.getBestCmap() and ord("Ж") not in cut.getBestCmap()
    # Still the variable font: every weight from one file.
    assert [axis.axisTag for axis in cut["fvar"].axes] == ["wght"]


def test_a_build_is_kept_until_streamlit_or_the_app_changes(tmp_path, cut_icon_font):
    static = tmp_path / "streamlit" / "static"
    (static / "static" / "media").mkdir(parents=True)
    (static / "static" / "js").mkdir()
    (static / "static" / "js" / "index.Ab12.js").write_text("icon(`:material/check:`)")
    # A small icon font under Streamlit's name: what is kept, not how, is checked here.
    (static / "static" / "media" / ICON_FONT.name).write_bytes(cut_icon_font[0])
    app = tmp_path / "app"
    (app / "views").mkdir(parents=True)
    (app / "app.py").write_text('st.page_link("p", icon=":material/home:")\n')
    first = fonts.build(static, app, tmp_path / "build")
    report = json.loads((first / "cut.json").read_text())
    assert report[ICON_FONT.name]["icons"] == ["check", "home"]
    made = (first / "cut.json").stat().st_mtime_ns
    assert fonts.build(static, app, tmp_path / "build") == first
    assert (first / "cut.json").stat().st_mtime_ns == made  # not made again
    (app / "views" / "p.py").write_text('st.button("x", icon=":material/pets:")\n')
    second = fonts.build(static, app, tmp_path / "build")
    assert second != first and not first.exists()
    assert json.loads((second / "cut.json").read_text())[ICON_FONT.name]["icons"] == [
        "check",
        "home",
        "pets",
    ]
    assert (second / "static" / "media" / ICON_FONT.name).stat().st_mode & 0o444 == 0o444


def test_the_front_door_asks_again_for_exactly_the_fonts_that_may_be_cut():
    site = (ROOT / "deploy" / "nginx" / "site.conf").read_text()
    (pattern,) = re.findall(r"location ~ (\^/static/media/\S+) \{", site)
    asks_again = re.compile(pattern.replace("\\.", r"\."))
    cut = {path.name for glob in (fonts.ICON_FONT, *fonts.TEXT_FONTS) for path in MEDIA.glob(glob)}
    assert len(cut) == 5  # the icons, Source Sans and Source Code Pro upright and italic
    for path in MEDIA.iterdir():
        assert bool(asks_again.match(f"/static/media/{path.name}")) == (path.name in cut), path


def test_the_image_cuts_with_the_pinned_tools_before_compressing():
    dockerfile = (ROOT / "Dockerfile").read_text()
    pins = dict(
        line.split("==")
        for line in (ROOT / "requirements-dev.txt").read_text().splitlines()
        if line.startswith(("fonttools==", "brotli=="))
    )
    assert set(pins) == {"fonttools", "brotli"}
    stage = dockerfile.split("AS fonts\n", 1)[1].split("\nFROM ", 1)[0]
    assert "grep -E '^(fonttools|brotli)==' /build/requirements-dev.txt" in stage
    assert "fonts.py /usr/local/lib/python3.11/site-packages/streamlit/static /app " in stage
    front_door = dockerfile.split("AS front-door\n", 1)[1]
    streamlit_files = front_door.index("COPY --from=app /usr/local/lib/python3.11/")
    cut = front_door.index(
        "COPY --from=fonts /fonts/static/media/ /etc/nginx/streamlit-static/static/media/"
    )
    assert streamlit_files < cut < front_door.index("precompress.sh")


# deploy/run-local.sh in front of the real app


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, {k.lower(): v for k, v in reply.headers.items()}, reply.read()
    except urllib.error.HTTPError as answer:
        return answer.code, {k.lower(): v for k, v in answer.headers.items()}, answer.read()


@pytest.fixture(scope="module")
def cut_report(topology) -> dict:
    (folder,) = BUILT_FONTS.glob("[0-9a-f]*")
    return json.loads((folder / "cut.json").read_text())


def test_run_local_serves_the_cut_fonts_at_streamlits_addresses(topology, cut_report):
    for path in (ICON_FONT, TEXT_FONT):
        status, headers, body = get(f"{topology.url}/static/media/{path.name}")
        assert status == 200
        assert headers["content-type"] == "font/woff2"
        assert "content-encoding" not in headers
        assert headers["cache-control"] == "no-cache"
        assert len(body) == cut_report[path.name]["bytes"][1] < path.stat().st_size / 2
        # Asked again on a later visit: unchanged, nothing sent.
        status, _, _ = get(
            f"{topology.url}/static/media/{path.name}", {"If-None-Match": headers["etag"]}
        )
        assert status == 304
    _, _, body = get(f"{topology.url}/static/media/{ICON_FONT.name}")
    assert drawn(font(body)) == drawn(TTFont(ICON_FONT), cut_report[ICON_FONT.name]["icons"])
    # Streamlit's own file is untouched.
    assert len(fonts.ligatures(TTFont(ICON_FONT))) > 4000


# Each icon element's drawn width against its font size, once the icon font has loaded: an icon is
# one glyph, about 1 em wide; a name the font cannot draw is spelled, one em a letter.
ICON_WIDTHS = """async () => {
  await document.fonts.load('24px "Material Symbols Rounded"');
  await document.fonts.ready;
  return [...document.querySelectorAll("[data-testid='stIconMaterial']")].flatMap(icon => {
    const text = document.createRange();
    text.selectNodeContents(icon);
    const width = text.getBoundingClientRect().width;  // 0: not displayed
    return width ? [[icon.textContent, width / parseFloat(getComputedStyle(icon).fontSize)]] : [];
  });
}"""
# A copy of an icon element showing `name`, added to the page: what a name left out looks like.
ADD_ICON = """name => {
  const icon = document.querySelector("[data-testid='stIconMaterial']").cloneNode();
  icon.textContent = name;
  document.body.append(icon);
}"""


# Opens every closed expander at once (one click each, in the page): its contents are drawn by
# the rerun the click starts (say.drawn_when_opened). Returns how many it opened.
OPEN_EXPANDERS = """() => {
  const closed = [...document.querySelectorAll("[data-testid='stExpander'] details:not([open]) > summary")];
  closed.forEach(summary => summary.click());
  return closed.length;
}"""
# Every expander open and its contents drawn.
EXPANDERS_DRAWN = """() => [...document.querySelectorAll("[data-testid='stExpander'] details")]
  .every(details => details.open && details.querySelector(
    "[data-testid='stExpanderDetails'] [data-testid='stElementContainer']"))"""


def open_every_expander(page) -> None:
    """Open every expander and wait for what each draws when opened: one rerun for them all,
    where a click at a time waited for each one's rerun and animation (over a second each)."""
    while page.evaluate(OPEN_EXPANDERS):  # until a rerun draws no new closed one
        page.wait_for_function(EXPANDERS_DRAWN, timeout=30_000)
        wait_for_app(page)


def visits() -> list[str]:
    pages = [page.url_path for page in shell.PAGES]
    plain = [f"/{path}?{LANG_PARAM}={lang}" for path in pages for lang in ("en", "es")]
    return [*plain, f"/compare?{MODE_PARAM}={CONSULT}", f"/compare?{MODE_PARAM}={CONSULT}&lang=es"]


def test_every_icon_shown_is_drawn_and_every_character_is_in_the_cut(topology, cut_report, browser):
    text_font = font(get(f"{topology.url}/static/media/{TEXT_FONT.name}")[2])
    has = set(text_font.getBestCmap()) | {0x20, 0x0A, 0x09}
    full_text_font = set(TTFont(TEXT_FONT).getBestCmap())
    kept = set(cut_report[ICON_FONT.name]["icons"])
    # An icon the full font has and the cut does not: the measure must tell it is spelled.
    left_out = min(set(fonts.ligatures(TTFont(ICON_FONT))) - kept, key=len)
    shown: dict[str, float] = {}
    for path in visits():
        # A new phone each time: the sidebar closed, as a first visit finds it.
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(topology.url + path)
        wait_for_app(page)
        # Every expander opened, then the sidebar (its own icons and text, over the page).
        open_every_expander(page)
        page.locator("[data-testid='stExpandSidebarButton']").click()
        page.locator("[data-testid='stSidebarCollapseButton']").wait_for(state="attached")
        for name, em in page.evaluate(ICON_WIDTHS):
            shown[name] = max(shown.get(name, 0), em)
        characters = {ord(char) for char in page.evaluate("document.body.innerText")}
        missing = (characters & full_text_font) - has
        assert not missing, (path, "".join(map(chr, sorted(missing))))
        page.evaluate(ADD_ICON, left_out)
        assert dict(page.evaluate(ICON_WIDTHS))[left_out] > len(left_out) * 0.5, path
        context.close()
    assert {"emergency", "arrow_forward", "keyboard_double_arrow_left"} <= set(shown)
    assert set(shown) <= kept
    assert {name: em for name, em in shown.items() if not 0.5 < em < 1.2} == {}
