"""Issue 14, findings 2 and 3 (and the <style> of 9): clinic content never makes Qt read a file
outside the content, a device or a FIFO, never draws a picture that would keep the window busy,
and never restyles the app's own page parts."""
from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tms_info.content.check import check
from tms_info.content.library import Library
from tms_info.content.pictures import MAX_SVG_ELEMENTS, PictureRefused, check_svg, picture_problem
from tms_info.content.render import Renderer
from tms_info.content.safe_html import load_resource, plain_label, sanitise
from tms_info.locations import resources_root

HOSTILE = Path(__file__).parent / "fixtures" / "hostile" / "resources" / "content"
SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


@pytest.fixture
def hostile_root(tmp_path: Path) -> Path:
    """The hostile clinic folder, with the FIFO git cannot hold."""
    root = tmp_path / "clinic"
    shutil.copytree(HOSTILE, root)
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pictures" / "pipe.png")
    return root


def expect_refusals_logged(caplog) -> None:
    """Each refused picture is logged once, as it should be; the tests look at what is shown."""
    assert all("picture not" in record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING)
    caplog.clear()


# ----- finding 3: the picture check -----------------------------------------------------------

def test_a_2_kb_svg_of_nested_use_is_refused_in_milliseconds():
    bomb = (HOSTILE / "pictures" / "use-bomb.svg").read_bytes()
    assert len(bomb) < 2048
    start = time.perf_counter()
    problem = picture_problem(bomb, "use-bomb.svg")
    elapsed = time.perf_counter() - start
    assert problem and f"more than {MAX_SVG_ELEMENTS:,} elements" in problem
    assert elapsed < 0.1, elapsed


def test_every_bundled_picture_passes_the_check():
    pictures = sorted(resources_root().rglob("*.svg"))
    assert len(pictures) >= 5
    for picture in pictures:
        assert picture_problem(picture.read_bytes(), picture.name) is None, picture


@pytest.mark.parametrize("body, reason", [
    ('<image xlink:href="file:///etc/hostname" width="9" height="9"/>', "outside itself"),
    ('<image href="/etc/hostname"/>', "outside itself"),
    ('<use href="other.svg#a"/>', "outside itself"),
    ('<rect style="fill: url(file:///etc/hostname)"/>', "outside itself"),
    ('<style>@import "file:///etc/x.css";</style>', "imports another file"),
    ('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>', "repeats itself"),
    ('<g id="a"><use href="#a"/></g>', "repeats itself"),
    ("<g>" * 70 + "</g>" * 70, "deep"),
    ('<filter id="f"><feGaussianBlur stdDeviation="500"/></filter>', "filters"),
    ('<path d="' + "L1 2 " * 50_000 + '"/>', "more than"),
])
def test_svgs_that_reach_outside_or_never_end_are_refused(body, reason):
    with pytest.raises(PictureRefused, match=reason):
        check_svg(f"<svg {SVG} width=\"10\" height=\"10\">{body}</svg>".encode())


def test_a_small_raster_file_that_unpacks_to_a_huge_picture_is_refused():
    header = b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + (60_000).to_bytes(4, "big") + (60_000).to_bytes(4, "big")
    assert "pixels" in picture_problem(header + b"\0" * 100, "huge.png")
    assert picture_problem(header[:16] + (400).to_bytes(4, "big") * 2, "fine.png") is None


def test_an_svg_larger_than_the_screen_many_times_over_is_refused():
    assert "pixels wide" in picture_problem(f'<svg {SVG} width="20000" height="10"/>'.encode(), "wide.svg")


def test_entities_are_refused_before_they_expand():
    laughs = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
              b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>')
    with pytest.raises(PictureRefused, match="entities"):
        check_svg(laughs)


def test_fragments_and_embedded_raster_pictures_are_kept():
    svg = (f'<svg {SVG} width="10" height="10"><defs><linearGradient id="g"/><circle id="c" r="2"/></defs>'
           '<use xlink:href="#c"/><rect style="fill:url(#g)" width="5" height="5"/>'
           '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>').encode()
    assert check_svg(svg) == 8


@settings(max_examples=60, deadline=None)
@given(st.recursive(
    st.sampled_from(["<rect/>", '<use href="#n0"/>', '<use href="#n1"/>', '<circle r="1"/>']),
    lambda inner: st.lists(inner, max_size=6).flatmap(
        lambda parts: st.sampled_from(["n0", "n1", "n2"]).map(lambda name: f'<g id="{name}">{"".join(parts)}</g>')),
    max_leaves=60))
def test_any_svg_structure_is_decided_quickly(body):
    start = time.perf_counter()
    try:
        drawn = check_svg(f'<svg {SVG}>{body}</svg>'.encode())
    except PictureRefused:
        pass
    else:
        assert 1 <= drawn <= MAX_SVG_ELEMENTS
    assert time.perf_counter() - start < 0.5


# ----- finding 2: rendering and the sanitiser -------------------------------------------------

@fifo_only
def test_hostile_pictures_are_shown_as_their_alt_text_in_a_box_and_never_named(hostile_root, caplog):
    library = Library.load([hostile_root])
    start = time.perf_counter()
    html = Renderer(library).page_html(library.page("hostile"))
    assert time.perf_counter() - start < 2
    expect_refusals_logged(caplog)
    assert re.findall(r'src="([^"]*)"', html) == [(hostile_root / "pictures" / "fine.svg").resolve().as_uri()]
    for forbidden in ("pipe.png", "use-bomb", "outside-image", "<style", "<link", "onclick", "url(", "#ffffff"):
        assert forbidden not in html, forbidden
    for alt in ("Endless zeros", "Raw zeros", "A pipe that never ends", "The machine&#x27;s name",
                "Ten to the eighth copies", "A picture that shows another file"):
        assert f"{alt} (This picture cannot be shown.)" in html or f"{alt}<br><small>(This picture cannot be shown.)" in html


def test_the_sanitiser_keeps_what_the_apps_pages_are_made_of():
    ours = ('<table cellpadding="14" cellspacing="0" class="callout key-points" width="100%"><tbody><tr><td>'
            '<p class="callout-title">Key points</p><ul class="checklist"><li><a class="tick" href="tick:0" '
            'title="Click to tick.">☐</a> Ask</li></ul></td></tr></tbody></table>'
            '<p>See <a class="term" href="glossary:rtms" title="A kind of TMS">rTMS</a> and '
            '<a href="article:treatment/session#risks">risks</a><sup id="fnref:1"><a class="footnote-ref" '
            'href="#fn:1">1</a></sup>.</p><h2 id="sources">Sources</h2><p align="center" class="figure">'
            '<img alt="A coil" src="file:///opt/tms/resources/images/coil.svg"></p>')
    assert sanitise(ours) == ours


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([
    "<style>p{color:#fff}</style>", '<link rel="stylesheet" href="x.css">', "<script>x()</script>",
    '<img src="/dev/zero" alt="z">', '<img src="data:image/svg+xml;base64,PHN2Zz4=">', '<p onclick="x()">',
    '<span style="background:url(/etc/hostname)">', '<div style="color:red">', "<b>", "</b>", "</p>", "text &amp; ",
    '<a href="javascript:x()">', "<iframe src=/etc/passwd></iframe>", '<table background="/etc/x.png"><tr><td>',
    "<svg><image href='/etc/x'/></svg>", "<!-- <img src=/dev/zero> -->", "<meta http-equiv=refresh>",
]), max_size=12).map("".join))
def test_no_raw_html_can_name_a_file_or_a_style_sheet(raw):
    clean = sanitise(raw).lower()
    for forbidden in ("<style", "<link", "<script", "<iframe", "<svg", "<meta", "onclick", "url(", "/dev/zero",
                      "/etc/", "background=", "data:image"):
        assert forbidden not in clean, (forbidden, clean)


def test_tooltips_and_labels_show_markup_as_text():
    assert plain_label("Transcranial magnetic stimulation") == "Transcranial magnetic stimulation"
    label = plain_label('<img src="file:///dev/zero"> A pulse')
    assert "<img" not in label and "&lt;img" in label


@fifo_only
def test_resources_are_read_only_from_small_regular_files_under_the_content(hostile_root, tmp_path, caplog):
    fine = hostile_root / "pictures" / "fine.svg"
    big = hostile_root / "pictures" / "big.png"
    big.write_bytes(b"\x89PNG" + b"\0" * (3 * 1024 * 1024))
    outside = tmp_path / "outside.svg"
    shutil.copy(fine, outside)
    assert load_resource(fine.as_uri(), [hostile_root]) == fine.read_bytes()
    start = time.perf_counter()
    for refused in ("file:///dev/zero", (hostile_root / "pictures" / "pipe.png").as_uri(), hostile_root.as_uri(),
                    big.as_uri(), outside.as_uri(), "/etc/hostname", "data:image/png;base64,iVBORw0KGgo=",
                    (hostile_root / "pictures" / "use-bomb.svg").as_uri()):
        assert load_resource(refused, [hostile_root]) is None, refused
    assert time.perf_counter() - start < 1
    refusals = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(refusals) == 8  # one line each
    caplog.clear()


@fifo_only
def test_check_names_each_refused_picture_and_dropped_tag_with_its_line(hostile_root, caplog):
    report = check([hostile_root])
    found = {(finding.path.name, finding.line, finding.message) for finding in report.errors}

    def has(line: int, fragment: str) -> bool:
        return any(name == "hostile.md" and at == line and fragment in message for name, at, message in found)

    assert has(7, "picture not shown (outside the content folders): /dev/zero")
    assert has(9, "picture not shown (outside the content folders): file:///dev/zero")
    assert has(11, "picture not shown (not a regular file): pictures/pipe.png")
    assert has(13, "picture not shown (outside the content folders): /etc/hostname")
    assert has(15, f"more than {MAX_SVG_ELEMENTS:,} elements")
    assert has(17, "refers to something outside itself")
    assert has(19, "<link> is not allowed")
    assert has(21, "<style> is not allowed")
    assert has(23, "style that names a file")
    assert has(23, "event attribute 'onclick'")
    assert not any("fine.svg" in message for _, _, message in found)
    caplog.clear()


# ----- the views, tooltips, print and PDF ------------------------------------------------------

@fifo_only
def test_opening_a_page_with_a_device_or_a_fifo_picture_is_immediate(hostile_root, tmp_path):
    """In a child process with a memory cap: before, /dev/zero was read until the app aborted and
    the FIFO hung it for ever (a writer opens it after 5 s, so the old code fails but ends)."""
    script = textwrap.dedent(f"""
        import os, resource, sys, threading, time
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from tms_info.content.library import Library
        from tms_info.content.render import Renderer
        from tms_info.ui.article_view import ArticleView
        root = Path({str(hostile_root)!r})
        pipe = root / "pictures" / "pipe.png"
        threading.Thread(target=lambda: (time.sleep(5), open(pipe, "wb").close()), daemon=True).start()
        app = QApplication([])
        library = Library.load([root])
        view = ArticleView()
        view.set_resource_roots([root])
        view.resize(800, 600)
        view.show()
        start = time.perf_counter()
        view.show_html(Renderer(library).page_html(library.page("hostile")), "", 18)
        raw = ('<p><img src="file:///dev/zero"><img src="' + pipe.as_uri() + '">'
               '<img src="data:image/svg+xml;base64,PHN2Zz4="></p>')
        view.show_html(raw, "", 18)
        app.processEvents()
        print(f"{{time.perf_counter() - start:.3f}}")
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert float(result.stdout.strip().splitlines()[-1]) < 1.0


def test_the_view_and_the_glossary_load_nothing_from_outside(qtbot, tmp_path, caplog):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage

    from tms_info.ui.article_view import ArticleView
    from tms_info.ui.glossary_panel import GlossaryPanel

    outside = tmp_path / "outside.svg"
    shutil.copy(HOSTILE / "pictures" / "fine.svg", outside)
    inside = HOSTILE / "pictures" / "fine.svg"
    view = ArticleView()
    panel = GlossaryPanel(lambda term: "")
    qtbot.addWidget(view)
    qtbot.addWidget(panel)
    for browser in (view, panel.entry):
        browser.set_resource_roots([HOSTILE])
        assert not browser.loadResource(2, QUrl.fromLocalFile(str(inside))).isNull()
        for url in (QUrl.fromLocalFile(str(outside)), QUrl("file:///dev/zero"), QUrl("data:image/png;base64,iVBORw0KGgo=")):
            loaded = browser.loadResource(2, url)
            assert isinstance(loaded, QImage) and loaded.isNull()  # never None: Qt would read the file itself
        assert browser.loadResource(3, QUrl.fromLocalFile(str(outside))) == ""  # no style sheets at all
    assert sum("not shown" in r.getMessage() or "refused" in r.getMessage() for r in caplog.records) == 6
    caplog.clear()


def test_a_glossary_short_holding_a_picture_shows_as_text_in_its_tooltips(qtbot, hostile_root, caplog, monkeypatch):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from helpers import link_cursor
    from tms_info.ui.article_view import ArticleView
    from tms_info.ui.glossary_panel import GlossaryPanel

    library = Library.load([hostile_root])
    renderer = Renderer(library)
    panel = GlossaryPanel(renderer.term_html)
    qtbot.addWidget(panel)
    panel.set_terms(library.terms_a_to_z())
    tip = panel.term_list.item(0).toolTip()
    assert "<img" not in tip and "&lt;img" in tip

    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _where, text, *_args: shown.append(text))
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_resource_roots([hostile_root])
    view.resize(900, 700)
    view.show_html(renderer.page_html(library.page("hostile")), "", 18)
    cursor = link_cursor(view, "motor threshold")
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    point = QPoint(rect.left() - 4, rect.center().y())
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)))
    assert len(shown) == 1 and "The weakest pulse" in shown[0] and "<img" not in shown[0]
    caplog.clear()


def test_a_clinic_style_cannot_restyle_the_crisis_reminder(qtbot, hostile_root, caplog):
    from PySide6.QtGui import QColor

    from tms_info.content.style import LIGHT, stylesheet
    from tms_info.ui.article_view import ArticleView

    library = Library.load([hostile_root])
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_resource_roots([hostile_root])
    view.show_html(Renderer(library).page_html(library.page("hostile")), stylesheet(100, LIGHT), 18)
    cursor = view.document().find("Feeling unsafe")
    assert not cursor.isNull()
    assert cursor.charFormat().foreground().color() != QColor("#ffffff")
    assert cursor.block().blockFormat().background().color() != QColor("#ffffff")
    caplog.clear()


@fifo_only
def test_a_handout_of_the_hostile_page_is_written_at_once(hostile_root, tmp_path, caplog):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage

    from tms_info.handouts import handout_document, write_pdf

    library = Library.load([hostile_root])
    renderer = Renderer(library)
    start = time.perf_counter()
    assert write_pdf(renderer, library.page("hostile"), tmp_path / "hostile.pdf") >= 1
    assert time.perf_counter() - start < 3
    document = handout_document(renderer, library.page("hostile"))
    for url in ("file:///dev/zero", (hostile_root / "pictures" / "pipe.png").as_uri(), "file:///etc/hostname"):
        loaded = document.loadResource(2, QUrl(url))
        assert isinstance(loaded, QImage) and loaded.isNull()
    caplog.clear()
