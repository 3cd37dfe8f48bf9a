"""The window as a reader uses it: the topic tree, links, Back and Forward, the glossary,
text size, Help now, and the settings that bring you back to where you were."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import READER_CONTENT
from helpers import click_link, link_cursor, text_is_in_view, visible_text, write
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QToolButton

from tms_info.content.library import Library
from tms_info.ui.main_window import MainWindow
from tms_info.ui.settings import Preferences, open_settings
from tms_info.ui.topic_tree import OPEN_SECTIONS_UP_TO


def test_clicking_a_topic_shows_that_article(window, qtbot):
    item = window.tree.item_for("basics/second")
    rect = window.tree.visualItemRect(item)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "The start of the second article." in visible_text(window.view)
    assert window.windowTitle().startswith("Second article")


def test_every_section_of_the_topic_list_is_open(window):
    sections = [window.tree.topLevelItem(row) for row in range(window.tree.topLevelItemCount())]
    assert [item.data(0, Qt.ItemDataRole.UserRole) for item in sections if item.childCount()] == ["basics"]
    assert all(item.isExpanded() for item in sections if item.childCount())


def test_a_large_library_opens_only_the_section_being_read(qtbot, tmp_path):
    for section in range(4):
        for number in range(OPEN_SECTIONS_UP_TO // 4 + 1):
            write(tmp_path / f"{section + 10}-part-{section}" / f"{number:02d}-page-{number}.md",
                  f"---\ntitle: Part {section}, page {number}\nsummary: A page.\nreviewed: 2026-11-25\n---\nText.\n")
    window = MainWindow(Library.load([READER_CONTENT], local_roots=[tmp_path]), Preferences(open_settings()))
    qtbot.addWidget(window)
    window.show()
    window.start("part-2/page-7")
    tree = window.tree
    assert tree.item_for("part-2").isExpanded()
    assert not tree.item_for("part-0").isExpanded() and not tree.item_for("basics").isExpanded()
    assert tree.viewport().rect().intersects(tree.visualItemRect(tree.item_for("part-2/page-7")))

    window.open_page("basics/second")
    assert tree.item_for("basics").isExpanded(), "the section of the page being read opens"
    assert tree.currentItem() is tree.item_for("basics/second")
    window.open_page("part-1")
    assert tree.item_for("part-1").isExpanded(), "a section's own page shows the pages under it"


def test_an_internal_link_opens_the_page_at_its_anchor_then_back_and_forward(window, qtbot):
    click_link(qtbot, window.view, "the later part of the second article")
    assert window.windowTitle().startswith("Second article")
    assert window.view.verticalScrollBar().value() > 0, "the view should have scrolled to the anchor"
    assert text_is_in_view(window.view, "Here is the later part")
    assert not text_is_in_view(window.view, "The start of the second article")

    window.action("back").trigger()
    assert window.windowTitle().startswith("First article")
    assert window.action("forward").isEnabled()
    window.action("forward").trigger()
    assert window.windowTitle().startswith("Second article")
    assert not window.action("forward").isEnabled()


def test_back_returns_to_where_you_had_scrolled(window, qtbot):
    window.view.finish_layout()  # a reader scrolls a page Qt has laid out (it does so step by step)
    window.view.verticalScrollBar().setValue(400)
    window.open_page("basics/second")
    assert window.view.verticalScrollBar().value() == 0
    window.go_back()
    assert window.view.verticalScrollBar().value() == 400


def test_a_glossary_link_shows_the_tooltip_and_opens_the_entry_without_moving_the_article(window, qtbot):
    cursor = link_cursor(window.view, "rTMS")
    assert cursor.charFormat().toolTip() == "TMS given as many pulses in a row, the usual kind for depression."
    window.glossary_dock.hide()
    click_link(qtbot, window.view, "rTMS")
    scroll = window.view.verticalScrollBar().value()
    assert window.glossary_dock.isVisible()
    entry = visible_text(window.panels.glossary.entry)
    assert entry.startswith("rTMS") and "rTMS is TMS repeated many times" in entry
    assert "Also called: repetitive TMS" in entry
    assert window.windowTitle().startswith("First article")
    assert window.view.verticalScrollBar().value() == scroll
    assert window.panels.glossary.term_list.currentItem().text() == "rTMS"


def test_glossary_see_also_and_related_articles_work(window, qtbot):
    window.show_term("tms")
    click_link(qtbot, window.panels.glossary.entry, "rTMS")
    assert visible_text(window.panels.glossary.entry).startswith("rTMS")
    window.show_term("tms")
    click_link(qtbot, window.panels.glossary.entry, "First article")
    assert window.windowTitle().startswith("First article")


def test_the_glossary_filter_narrows_the_list(window, qtbot):
    qtbot.keyClicks(window.panels.glossary.filter_box, "repet")
    shown = [window.panels.glossary.term_list.item(i).text() for i in range(window.panels.glossary.term_list.count())
             if not window.panels.glossary.term_list.item(i).isHidden()]
    assert shown == ["rTMS"]
    qtbot.keyClick(window.panels.glossary.filter_box, Qt.Key.Key_Return)
    assert visible_text(window.panels.glossary.entry).startswith("rTMS")
    window.panels.glossary.filter_box.clear()
    qtbot.keyClicks(window.panels.glossary.filter_box, "zzz")
    assert window.panels.glossary.no_match.isVisibleTo(window.panels.glossary)


def test_a_website_link_asks_first_and_never_loads_inside_the_app(window, qtbot, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Open])
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: next(answers))
    before = visible_text(window.view)

    click_link(qtbot, window.view, "a website")
    assert opened == []
    click_link(qtbot, window.view, "a website")
    assert opened == [QUrl("https://example.org/tms")]
    assert visible_text(window.view) == before
    assert window.windowTitle().startswith("First article")


@pytest.mark.parametrize("text", ["a script", "a file"])
def test_other_schemes_are_refused(window, qtbot, monkeypatch, text):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: pytest.fail(f"opened {url}"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("should not even ask"))
    before = visible_text(window.view)
    click_link(qtbot, window.view, text)
    assert visible_text(window.view) == before
    assert "cannot be opened" in window.statusBar().currentMessage()


def test_a_link_to_a_missing_page_shows_page_not_found_with_a_way_back(window, qtbot):
    click_link(qtbot, window.view, "a page that does not exist")
    assert visible_text(window.view).startswith("Page not found")
    assert window.windowTitle().startswith("Page not found")
    click_link(qtbot, window.view, "Go back to the page you were reading")
    assert window.windowTitle().startswith("First article")


def test_a_page_that_was_not_found_has_nothing_to_print_or_save(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: pytest.fail("a print dialog for a missing page"))
    click_link(qtbot, window.view, "a page that does not exist")
    window.print_page()
    assert window.statusBar().currentMessage() == "There is nothing to print on this page."
    window.statusBar().clearMessage()
    window.save_pdf(str(tmp_path / "page.pdf"))
    assert window.statusBar().currentMessage() == "There is nothing to print on this page."
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_start_page_opens_home_and_says_so(make_window):
    window = make_window("no/such-page")
    assert window.windowTitle().startswith("Welcome")
    assert "no/such-page" in window.statusBar().currentMessage()


def test_help_now_is_one_click_from_any_page(window, qtbot):
    button = window.toolbar.findChild(QToolButton, "helpNowButton")
    for page in ("basics", "basics/second", "home"):
        window.open_page(page)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert window.windowTitle().startswith("Help now")
        assert "call your local emergency number" in visible_text(window.view)


def test_home_button_goes_home(window):
    window.action("home").trigger()
    assert window.windowTitle().startswith("Welcome")


def test_larger_text_makes_the_article_text_bigger(window):
    before = window.view.document().defaultFont().pixelSize()
    window.action("larger").trigger()
    window.action("larger").trigger()
    after = window.view.document().defaultFont().pixelSize()
    assert after > before
    assert window.panels.glossary.entry.document().defaultFont().pixelSize() == after
    assert window.windowTitle().startswith("First article")
    for _ in range(10):
        window.action("larger").trigger()
    assert window.session.text_size == 200 and not window.action("larger").isEnabled()


def test_settings_round_trip(make_window, qtbot):
    first = make_window("basics/second")
    first.action("larger").trigger()
    first.resize(700, 500)
    first.close()

    second = make_window(None)
    assert second.windowTitle().startswith("Second article")
    assert second.session.text_size == first.session.text_size > 100
    assert (second.width(), second.height()) == (700, 500)


def test_a_corrupt_settings_file_gives_the_defaults(make_window, settings_in_tmp):
    settings = open_settings()
    path = settings.fileName()
    del settings
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as file:
        file.write(b"\x00\xff[window]\ngeometry=@ByteArray(\xde\xad)\nstate=garbage\n[reading]\ntextSize=enormous\n"
                   b"lastPage=@Variant(\x00\x01)\n\x89PNG")
    window = make_window(None)
    assert window.windowTitle().startswith("Welcome")
    assert window.session.text_size == 100
    assert window.isVisible()


def test_an_unreadable_settings_value_type_gives_the_default(make_window):
    settings = QSettings(open_settings().fileName(), QSettings.Format.IniFormat)
    settings.setValue("reading/textSize", [1, 2])
    settings.setValue("reading/lastPage", 42)
    settings.sync()
    window = make_window(None)
    assert window.session.text_size == 100 and window.windowTitle().startswith("Welcome")


def test_every_toolbar_button_has_a_name(window):
    for button in window.toolbar.findChildren(QToolButton):
        if button.defaultAction() is not None:
            assert button.accessibleName() or button.text(), button.defaultAction().text()


def test_a_window_remembered_off_screen_opens_inside_the_screen(make_window):
    from PySide6.QtGui import QGuiApplication

    first = make_window()
    first.move(20_000, 20_000)
    first.close()
    second = make_window()
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.contains(second.frameGeometry().center())


def test_the_text_always_fits_the_reading_pane(make_window, qtbot):
    """Lines are kept short with side margins; when a panel opens and the pane narrows, the text
    must be laid out again, not cut off at the right."""
    window = make_window("help-now")
    window.glossary_dock.hide()
    window.my_pages_dock.hide()
    window.splitter.setSizes([100, 2000])
    window.smaller_text()
    window.smaller_text()  # short lines, so the pane has side margins
    qtbot.wait(10)
    assert window.view.viewportMargins().left() > 0
    for step in (window.glossary_dock.show, window.glossary_dock.hide, window.larger_text, window.larger_text):
        step()
        qtbot.wait(10)
        assert window.view.document().textWidth() <= window.view.viewport().width() + 1, "text is cut off"


def test_a_place_returned_to_holds_while_the_page_settles_until_the_reader_scrolls(window, qtbot):
    """Back restores a share of the page; if the text then narrows (a scroll bar, a strip or a panel
    appearing a moment later), the reader must still land at the same place in the text."""
    bar = window.view.verticalScrollBar()
    window.view.set_scroll_fraction(0.5)
    window.resize(window.width() - 200, window.height())
    qtbot.waitUntil(lambda: bar.maximum() > 0 and abs(bar.value() - 0.5 * bar.maximum()) <= 1)
    bar.setValue(10)  # the reader scrolls: from now on the page stays where they put it
    maximum = bar.maximum()
    window.resize(window.width() + 200, window.height())
    qtbot.waitUntil(lambda: bar.maximum() != maximum)
    assert bar.value() == 10
