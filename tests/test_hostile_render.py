"""A clinic page that cannot be rendered, or that is far too large, never stops the app or the
checker, and the work of rendering and checking grows with the page, not faster (issue 14,
findings 1 and 7).

The reproductions are the issue's: 20 KB of nested emphasis, nested boxes (admonitions), a
1000-deep list, 10,000 '[' (Python-Markdown's own slow case), and pages of several megabytes.
The small ones are files under tests/fixtures/hostile/render; the large ones are written to tmp_path.
"""
from __future__ import annotations

import logging
import os
import sys
import time
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest
from conftest import READER_CONTENT
from helpers import write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tms_info.content.check import check
from tms_info.content.library import MAX_PAGE_BYTES, Library
from tms_info.content.markdown_ext import (
    MAX_TABLE_NESTING,
    CalloutTreeprocessor,
    Converter,
    GlossaryExtension,
    GlossaryTreeprocessor,
    RenderRefused,
    RenderTimeout,
)
from tms_info.content.model import HELP_NOW_ID, HOME_ID, Term
from tms_info.content.render import Renderer

HOSTILE = Path(__file__).parent / "fixtures" / "hostile" / "render"
FAILED = "This page could not be shown"
FAST = 0.3  # seconds: a time-out short enough to keep these tests quick


def nested_boxes(depth: int) -> str:
    return "".join("    " * level + "!!! note\n\n" for level in range(depth)) + "    " * depth + "x\n"


def page_text(body: str, title: str = "A clinic page") -> str:
    return f"---\ntitle: {title}\nsummary: A page a damaged clinic file could hold.\n---\n{body}"


def hostile_library(extra: Path | None = None) -> Library:
    return Library.load([READER_CONTENT], [HOSTILE, *([extra] if extra else [])])


def failed_logged(caplog, name: str) -> bool:
    found = any(record.levelno == logging.ERROR and name in record.getMessage() and record.exc_info
                for record in caplog.records)
    caplog.clear()
    return found


# ----- finding 1: a page that cannot be rendered ---------------------------------------------

@pytest.mark.parametrize("page_id", ["nested-emphasis", "nested-list", "nested-callouts", "open-brackets"])
def test_a_page_that_cannot_be_rendered_is_a_calm_note_and_the_next_page_renders(page_id, caplog):
    library = hostile_library()
    renderer = Renderer(library)
    renderer.converter.time_limit.seconds = FAST
    html = renderer.page_html(library.page(page_id))
    assert FAILED in html
    assert f'href="article:{HOME_ID}"' in html and f'href="article:{HELP_NOW_ID}"' in html
    assert renderer.failed(page_id) and page_id not in renderer.rendered_pages()
    assert failed_logged(caplog, f"{page_id}.md: this page could not be shown")
    following = renderer.page_html(library.page("basics/second"))  # Markdown is whole again after a failure
    assert FAILED not in following and "<p>The start of the second article.</p>" in following


def test_four_hundred_nested_boxes_are_refused_and_reported(tmp_path, caplog):
    converter = Converter([])
    with pytest.raises((RecursionError, RenderRefused)):
        converter.convert(nested_boxes(400), tmp_path / "boxes.md", "boxes.md")
    assert converter.convert("*fine*", tmp_path / "x.md", "x.md") == "<p><em>fine</em></p>"
    write(tmp_path / "clinic" / "boxes.md", page_text(nested_boxes(210)))  # 88 KB: within the page limit
    renderer = Renderer(hostile_library(tmp_path / "clinic"))
    assert FAILED in renderer.page_html(renderer.library.page("boxes"))
    assert failed_logged(caplog, "boxes.md: this page could not be shown")


def test_boxes_inside_boxes_are_refused_before_they_freeze_the_reader(tmp_path):
    converter = Converter([])
    converter.convert(nested_boxes(MAX_TABLE_NESTING), tmp_path / "x.md", "x.md")
    with pytest.raises(RenderRefused, match="more than 4 deep"):
        converter.convert(nested_boxes(MAX_TABLE_NESTING + 1), tmp_path / "x.md", "x.md")
    with pytest.raises(RenderRefused):
        converter.convert("<table><tr><td>" * 20 + "x", tmp_path / "x.md", "x.md")  # raw HTML too


def test_python_markdowns_slow_case_stops_at_the_time_limit(tmp_path):
    converter = Converter([])
    converter.time_limit.seconds = FAST
    for text in ("[" * 10000, "<a " * 5000):
        started = time.monotonic()
        with pytest.raises(RenderTimeout):
            converter.convert(text, tmp_path / "x.md", "x.md")
        assert time.monotonic() - started < FAST + 0.5


def test_the_glossary_links_a_page_nested_deeper_than_pythons_stack(tmp_path):
    extension = GlossaryExtension([Term(id="tms", term="TMS", short="A treatment.", body="", source=tmp_path)])
    root = element = etree.Element("div")
    for _ in range(sys.getrecursionlimit() * 3):
        element = etree.SubElement(element, "blockquote")
        element.tail = "TMS again"
    element.text = "What is TMS?"
    GlossaryTreeprocessor(None, extension).run(root)
    assert extension.linked == {"tms"}
    assert element[0].get("href") == "glossary:tms" and element[0].tail == "?"  # the first use, deepest
    assert not any(child.tag == "a" for child in root.iter("blockquote") if child is not element)


def test_a_page_that_failed_is_not_reopened_at_the_next_start(qtbot, caplog):
    from tms_info.ui.main_window import MainWindow
    from tms_info.ui.settings import Preferences, open_settings

    preferences = Preferences(open_settings())
    preferences.last_page = "nested-emphasis"  # as an older version saved it
    window = MainWindow(hostile_library(), preferences)
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.session.current_page_id == HOME_ID and FAILED not in window.view.toPlainText()
    assert failed_logged(caplog, "nested-emphasis.md: this page could not be shown")

    window.open_page("nested-list")
    assert FAILED in window.view.toPlainText() and "Get help now" in window.view.toPlainText()
    assert failed_logged(caplog, "nested-list.md: this page could not be shown")
    window.save_settings()
    assert Preferences(open_settings()).last_page == HOME_ID
    window.go_back()
    assert window.session.current_page_id == HOME_ID


def test_check_reports_a_page_that_cannot_be_rendered_and_goes_on(caplog):
    report = check([READER_CONTENT, HOSTILE])
    messages = {(f.path.name, f.line, f.message) for f in report.errors}
    assert ("nested-emphasis.md", 5, "cannot be rendered: it nests lists, quotes, boxes or emphasis too deeply "
            "inside each other") in messages
    assert ("nested-list.md", 5, "cannot be rendered: it nests lists, quotes, boxes or emphasis too deeply "
            "inside each other") in messages
    assert ("nested-callouts.md", 5, "cannot be rendered: it puts boxes or tables more than 4 deep inside "
            "each other") in messages
    assert ("open-brackets.md", 5, "cannot be rendered: it takes longer than 2 s to prepare") in messages
    assert any(f.path.name == "01-first.md" for f in report.findings)  # the other pages are still checked
    caplog.clear()


# ----- finding 7: cost that grows with the page ----------------------------------------------

def test_a_page_over_the_size_limit_is_skipped_with_a_message_naming_it(tmp_path, caplog):
    big = write(tmp_path / "clinic" / "big.md", page_text("All about TMS. " * 350_000))  # 5 MB
    library = Library.load([READER_CONTENT], [tmp_path / "clinic"])
    assert library.page("big") is None and library.page("basics/first") is not None
    assert [str(p) for p in library.problems] == [
        f"{big}:1: skipped: the file is 5.0 MB, more than the 96 KB a page may be: split it into shorter pages"]
    caplog.clear()
    started = time.monotonic()
    report = check([READER_CONTENT, tmp_path / "clinic"], only_under=[tmp_path / "clinic"])
    assert time.monotonic() - started < 10
    assert [f.message for f in report.errors] == [library.problems[0].message]
    caplog.clear()


def test_a_page_at_the_size_limit_is_read(tmp_path):
    write(tmp_path / "clinic" / "long.md", page_text("x" * (MAX_PAGE_BYTES - 100)))
    assert Library.load([tmp_path / "clinic"]).page("long") is not None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_named_like_a_page_does_not_hang_the_start(tmp_path, caplog):
    os.mkfifo(tmp_path / "pipe.md")
    library = Library.load([tmp_path])
    assert [p.message for p in library.problems] == ["skipped: not a regular file"]
    caplog.clear()


def timed(work, *args) -> float:
    started = time.perf_counter()
    work(*args)
    return time.perf_counter() - started


def grows_linearly(make, run, small: int, factor: int = 4) -> bool:
    """Whether `run` on `make(small * factor)` takes at most twice `factor` times its time on
    `make(small)` (a quadratic cost takes `factor` squared); the best of three, against noise."""
    little, large = make(small), make(small * factor)
    return min(timed(run, large) for _ in range(3)) <= 2 * factor * min(timed(run, little) for _ in range(3)) + 0.02


def test_glossary_linking_grows_linearly_with_a_paragraphs_children(tmp_path):
    terms = [Term(id=f"t{n}", term=f"word{n}", short=".", body="", source=tmp_path) for n in range(50)]
    extension = GlossaryExtension(terms)

    def paragraph(children: int) -> etree.Element:
        root = etree.Element("div")
        holder = etree.SubElement(root, "p")
        for n in range(children):
            etree.SubElement(holder, "b").tail = f" word{n % 50} and more "
        return root

    assert grows_linearly(paragraph, lambda root: GlossaryTreeprocessor(None, extension).run(root), 4000)


def test_many_screen_only_blocks_unwrap_in_linear_time(tmp_path):
    converter = Converter([])
    blocks = '!!! screen-only ""\n    Shown.\n\n!!! print-only ""\n    Not shown.\n\n' * 2
    assert converter.convert(blocks, tmp_path / "x.md", "x.md").count("<p>Shown.</p>") == 2
    assert "Not shown" not in converter.convert(blocks, tmp_path / "x.md", "x.md")

    def page(count: int) -> etree.Element:
        root = etree.Element("div")
        for number in range(count):
            block = etree.SubElement(root, "div", {"class": f"admonition {('screen-only', 'print-only')[number % 2]}"})
            etree.SubElement(block, "p").text = "Shown." if number % 2 == 0 else "Not shown."
        return root

    assert grows_linearly(page, lambda root: CalloutTreeprocessor(None, converter.callouts).run(root), 1000)


def test_check_reads_each_file_once_however_many_problems_it_has(tmp_path, monkeypatch, caplog):
    from tms_info.content import check as checker

    write(tmp_path / "clinic" / "links.md", page_text("".join(f"[page {n}](missing-{n}.md)\n\n" for n in range(2000))))
    reads: list[Path] = []
    real = checker.read_page_bytes
    monkeypatch.setattr(checker, "read_page_bytes", lambda path: reads.append(path) or real(path))
    report = check([READER_CONTENT, tmp_path / "clinic"], only_under=[tmp_path / "clinic"])
    lines = [f.line for f in report.errors if "link to a page that does not exist" in f.message]
    assert lines == list(range(5, 4005, 2))  # each at its own line
    assert reads.count(tmp_path / "clinic" / "links.md") == 1
    caplog.clear()


# ----- property tests ------------------------------------------------------------------------

MARKDOWN_PIECES = ["*", "**", "_", "[", "]", "(", ")", "![", "!!! note\n", "    ", "> ", "- ", "1. ", "|", "|-|\n",
                   "`", "```\n", "#", "\n", "\n\n", "<", ">", "</", "<div>", "</div>", "<table>", "<td>", "<a ",
                   "href=", '"', "&", "&amp;", "<!--", "-->", "{: .x}", "[^1]", "[^1]: ", ":", "\\", "TMS",
                   "rTMS", "relapse", "deep TMS", "word ", "x", "é", "\t"]
markdown_text = st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=120).map("".join)


@pytest.fixture(scope="module")
def reader_renderer() -> Renderer:
    return Renderer(Library.load([READER_CONTENT]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(markdown_text, st.integers(min_value=1, max_value=40))
def test_any_markdown_or_html_renders_or_is_refused_in_bounded_time(reader_renderer, caplog, text, repeat):
    from dataclasses import replace

    page = replace(reader_renderer.library.page("basics/first"), id=f"random-{hash((text, repeat))}",
                   body=text * repeat)
    reader_renderer.converter.time_limit.seconds = FAST
    started = time.monotonic()
    html = reader_renderer.page_html(page)
    assert time.monotonic() - started < FAST + 1
    assert isinstance(html, str) and "<h1>" in html
    caplog.clear()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["p", "em", "b", "a", "code", "li", "td"]),
                          st.lists(st.sampled_from(["TMS", "rTMS ", "deep TMS", "relapses", " x ", ". Relapse"]),
                                   max_size=6).map("".join),
                          st.integers(min_value=0, max_value=6)),
                max_size=60))
def test_the_glossary_links_each_term_once_in_any_tree(shape):
    terms = [Term(id="tms", term="TMS", short=".", body="", source=Path()),
             Term(id="rtms", term="rTMS", short=".", body="", source=Path()),
             Term(id="deep-tms", term="deep TMS", short=".", body="", source=Path()),
             Term(id="relapse", term="relapse", short=".", body="", source=Path())]
    root = etree.Element("div")
    elements = [root]
    for tag, text, parent in shape:  # each new element under one of the last few
        element = etree.SubElement(elements[max(len(elements) - 1 - parent, 0)], tag)
        element.text, element.tail = text, text
        elements.append(element)
    extension = GlossaryExtension(terms)
    GlossaryTreeprocessor(None, extension).run(root)
    links = [link for link in root.iter("a") if link.get("class") == "term"]
    assert sorted(link.get("href") for link in links) == sorted(f"glossary:{t}" for t in extension.linked)
    assert all(link.find("a") is None for link in links)


def test_a_long_page_renders_on_a_worker_while_the_window_keeps_painting(qtbot, tmp_path):
    """Opening a page near the size limit shows "Opening this page…" at once, the event loop keeps
    running while Markdown works, and the page then appears at the part asked for."""
    from PySide6.QtCore import QTimer

    from tms_info.content.render import LONG_PAGE_CHARS
    from tms_info.ui.main_window import MainWindow
    from tms_info.ui.settings import MemorySettings, Preferences

    paragraphs = [f"Paragraph {n} of a long clinic page about the waiting room and parking." for n in range(1200)]
    body = "\n\n".join(paragraphs[:600]) + "\n\n## Where to park\n\n" + "\n\n".join(paragraphs[600:])
    assert LONG_PAGE_CHARS < len(body) < MAX_PAGE_BYTES
    write(tmp_path / "long.md", page_text(body, "Our long page"))
    window = MainWindow(Library.load([READER_CONTENT], [tmp_path]), Preferences(MemorySettings()))
    qtbot.addWidget(window)
    window.show()
    window.start()
    ticks: list[float] = []
    ticker = QTimer(window)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    ticker.start(10)

    window.open_page("long", "where-to-park")
    assert "Opening this page" in window.view.toPlainText()
    assert window.windowTitle().startswith("Our long page")
    qtbot.waitUntil(lambda: "Paragraph 1199" in window.view.toPlainText(), timeout=20_000)
    assert ticks, "the window did not run its event loop while the page rendered"
    assert window.view.verticalScrollBar().value() > 0  # at "Where to park", not the top
    assert window.statusBar().currentMessage() == ""

    window.open_page(HOME_ID)
    window.open_page("long")  # rendered once: shown at once
    assert "Paragraph 1199" in window.view.toPlainText()


def test_a_long_page_that_fails_on_the_worker_is_the_calm_note(qtbot, tmp_path, caplog):
    from tms_info.content.render import LONG_PAGE_CHARS
    from tms_info.ui.main_window import MainWindow
    from tms_info.ui.settings import MemorySettings, Preferences

    write(tmp_path / "deep.md", page_text("*" * 12_000 + "x" + "*" * 12_000, "Deep"))
    assert len((tmp_path / "deep.md").read_text()) > LONG_PAGE_CHARS
    window = MainWindow(Library.load([READER_CONTENT], [tmp_path]), Preferences(MemorySettings()))
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.open_page("deep")
    qtbot.waitUntil(lambda: FAILED in window.view.toPlainText(), timeout=20_000)
    assert failed_logged(caplog, "deep.md: this page could not be shown")
    window.save_settings()
    assert window.preferences.last_page == HOME_ID


def test_a_page_that_cannot_be_rendered_leaves_search_working(tmp_path):
    """One damaged clinic page must not make search unavailable: it is found by its title."""
    from tms_info.content.search import SearchIndex

    library = hostile_library()
    index = SearchIndex.open(library, tmp_path / "cache")
    try:
        assert index.search("first").hits
        hit_ids = {hit.id for hit in index.search("emphasis").hits}
        assert "nested-emphasis" in hit_ids or any("emphasis" in library.page(i).title.lower()
                                                      for i in hit_ids if library.page(i))
    finally:
        index.close()
