"""Running pages with Streamlit's AppTest, shared by every test that opens a page."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Mapping
from unittest import mock

from markdown_it import MarkdownIt
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
from streamlit.testing.v1 import AppTest, local_script_runner
from streamlit.testing.v1.element_tree import Block, Html, Table

from explorer.ui import shell, url_state
from tests.conftest import ROOT
from tests.languages import foreign_phrases


def open_page(page: str, /, change_open: bool = True, **query) -> AppTest:
    """Run a page as a browser opening its address would: `page` is a path from the page list
    (app.py, views/compare.py), `query` the address's parameters. The data folder is the one in
    EXPLORER_DATA_DIR (the fixture data unless the test set another). With `change_open`, the
    Showing line's Change is open, so its situation chooser and option picker are drawn (closed,
    the page draws none: url_state.showing)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    if change_open:
        at.session_state[url_state.CHANGE_KEY] = True
    if page != "app.py":
        at.switch_page(page)
    return at.run()


def open_compare(**query) -> AppTest:
    """Compare with every box opened that draws only when opened: each question's full answers,
    what an evaluation looks at, and the sources."""
    from tests.conftest import fixture_content

    at = open_page("views/compare.py", **query)
    questions = fixture_content().questions["question_id"]
    for key in (*(f"full-{question_id}" for question_id in questions), "evaluation", "sources"):
        at.session_state[key] = True
    return at.run()


def texts(at: AppTest) -> str:
    """Every st.text on the page, every cell of its Markdown tables and every other Markdown
    element (the ways CSV text is shown), one per line, as a person reads them."""
    markdown = [
        cell
        for element in at.markdown
        for row in table_cells(element.value) or [[as_read(element.value)]]
        for cell in row
    ]
    return "\n".join([*(t.value for t in at.text), *markdown])


def table_cells(markdown: str) -> list[list[str]]:
    """The rows of a Markdown table (explorer.text.markdown_table) as a person reads them: the
    escapes and the invisible joiners that keep CSV text as typed taken out. Not a table: []."""
    lines = markdown.splitlines()
    if len(lines) < 2 or not lines[1].startswith("|") or not set(lines[1]) <= set("|- "):
        return []
    return [
        [as_read(cell) for cell in _UNESCAPED_BAR.split(line.strip()[1:-1])]
        for index, line in enumerate(lines)
        if index != 1
    ]


_UNESCAPED_BAR = re.compile(r"(?<!\\)\|")


def as_read(cell: str) -> str:
    """Markdown text as a person reads it: the escapes and the invisible joiners that keep CSV
    text as typed (explorer.markdown.plain) taken out."""
    return re.sub(r"\\(.)", r"\1", cell.strip()).replace("\u2060", "")


# CommonMark with GitHub's tables and strikethrough: most of what Streamlit's Markdown reads.
_COMMONMARK = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def rendered(markdown: str) -> tuple[str, list[str]]:
    """What a Markdown renderer makes of `markdown` (markdown-it-py, which the app already has):
    the text a person reads, invisible joiners out, and the HTML elements, in order. Streamlit
    also reads :colour[…] directives, $math$ and bare web addresses, which it cannot check."""
    made = _COMMONMARK.render(markdown)
    text = html.unescape(re.sub(r"<[^>]+>", "", made)).replace("\u2060", "").strip()
    return text, re.findall(r"<(\w+)", made)


def listed_sources(at: AppTest) -> list[str]:
    """The source ids in the page's list of sources (explorer.widgets.sources_list), in order;
    [] when the page shows none."""
    return [
        as_read(line[2:]).split(":")[0]
        for block in _blocks(at.main)
        if getattr(block.proto, "id", "").endswith("-published-sources")
        for markdown in block.get("markdown")
        for line in markdown.value.splitlines()
    ]


def _blocks(node: Block):
    for child in node.children.values():
        if isinstance(child, Block):
            yield child
            yield from _blocks(child)


def page_links(at: AppTest) -> list:
    """The links to every page as the run drew them: the header's step bar and its "More" list,
    or the sidebar's list in consult mode (one place a run: shell._PageLinks)."""
    header = [
        block for block in _blocks(at.main) if getattr(block.proto, "id", "").endswith("-step-bar")
    ]
    return [link for place in header or [at.sidebar] for link in place.get("page_link")]


def caption_lines(at: AppTest) -> list[str]:
    """Every line of small print on the page: a caption may hold several (the footer's, under
    its rule)."""
    return [line for caption in at.caption for line in caption.value.split("\n\n") if line != "---"]


def question_headings(at: AppTest) -> list[str]:
    """Compare's question headings: each heads its question's one Markdown element."""
    return [
        line.removeprefix("### ")
        for markdown in at.main.markdown
        for line in markdown.value.splitlines()
        if line.startswith("### ")
    ]


def header_labels(said: Mapping[str, str]) -> list[str]:
    """The header's page links in a catalogue's words: the steps by their short names, then the
    other pages (its "More" list) by their names."""
    steps = [said[f"pages.{p.page_id}.step"] for p in shell.PAGES if p.step and p.in_sidebar]
    others = [said[f"pages.{p.page_id}.nav"] for p in shell.PAGES if not p.step and p.in_sidebar]
    return steps + others


def rerun_parts(at: AppTest) -> AppTest:
    """Rerun every part of the page alone (shell.part, a Streamlit fragment), as the browser asks
    when a widget inside one changes: AppTest itself always reruns the whole page. Like the
    server, the part runs on a new thread with nothing of the last run's context, and sees the
    pages the last full run registered. Afterwards `at` holds only what the parts drew."""
    part_ids = list(at._fragment_storage._fragments)
    assert part_ids, "the page has no part that reruns alone"
    pages = dict(at._registered_pages)
    alone = functools.partial(RerunData, fragment_id_queue=part_ids, is_fragment_scoped_rerun=True)
    with (
        mock.patch.object(local_script_runner, "RerunData", alone),
        mock.patch.object(PagesManager, "get_pages", lambda _: dict(pages)),
    ):
        return at.run()


def shown_strings(at: AppTest) -> list[str]:
    """Every string the page shows, as read (Markdown escapes out): element texts, labels, help,
    choices, table headers and cells, chart specs and alt texts. Parts marked as published in
    English (containers keyed "published-…": citations, the changelog) are left out."""
    found: list[str] = []
    for node in _nodes(at._tree):
        if isinstance(node, Table):
            table = node.value
            found += [str(name) for name in table.columns]
            found += [str(cell) for cell in table.to_numpy().ravel()]
        elif not isinstance(node, (Block, Html)):  # st.html holds our styles and script: code
            found += [as_read(text) for text in _proto_strings(node.proto)]
    return found


def _nodes(node: Block):
    for child in node.children.values():
        if isinstance(child, Block) and "-published-" in getattr(child.proto, "id", ""):
            continue
        yield child
        if isinstance(child, Block):
            yield from _nodes(child)


def _proto_strings(message) -> list[str]:
    found = []
    for field, value in message.ListFields():
        values = value if field.is_repeated else [value]
        for item in values:
            if isinstance(item, str):
                found.append(item)
            elif hasattr(item, "ListFields"):
                found += _proto_strings(item)
    return found


def other_languages_words(at: AppTest, language: str, data_words: Iterable[str]) -> list[str]:
    """The phrases of another language's catalogue or page copy that the page shows, when it
    should be wholly in `language`: [] when it is (tests/languages.py)."""
    return foreign_phrases("\n".join(shown_strings(at)), language, data_words)


def jumps(at: AppTest) -> dict[str, str]:
    """Each link within the page (Markdown "[words](#anchor)"), as its words by its anchor."""
    links = (re.findall(r"\[([^\]]+)\]\(#([^)]+)\)", md.value) for md in at.markdown)
    return {anchor: words for found in links for words, anchor in found}


def anchors(at: AppTest) -> list[str]:
    """The anchors of the page's headings (titles, headers and subheaders)."""
    return [heading.proto.anchor for heading in (*at.title, *at.header, *at.subheader)]


def in_order(at: AppTest) -> list:
    """The page's elements, top to bottom."""
    return list(_nodes(at.main))
