"""One text size for the whole window: at 200% the menus, toolbar, tooltips, panels, dialogs and
status bar are twice as large as at 100%, and nothing is cut off or broken in the middle of a word."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QFont, QFontInfo, QKeySequence
from PySide6.QtWidgets import QApplication, QListWidget, QToolButton, QToolTip

from tms_info.content.library import Library
from tms_info.content.model import Term
from tms_info.ui import dialogs
from tms_info.ui.glossary_panel import GlossaryPanel, fitted_style
from tms_info.ui.main_window import MainWindow
from tms_info.ui.settings import Preferences, open_settings
from tms_info.ui.window_text_size import window_font
from tms_info.ui.wrapping import wrap_rows

from conftest import READER_CONTENT


def size_of(font: QFont) -> float:
    return font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize()


def double_size(window: MainWindow, qtbot) -> None:
    """Ctrl+plus until the largest size, as a reader would."""
    while window.session.text_size < 200:
        qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.ZoomIn))
    assert window.session.text_size == 200


@pytest.fixture
def small_screen(make_window):
    window = make_window()
    window.resize(1024, 600)
    return window


def test_at_200_percent_every_part_of_the_window_is_twice_as_large(small_screen, qtbot):
    window = small_screen
    normal = size_of(window_font(100))
    double_size(window, qtbot)
    first_menu = window.menuBar().actions()[0].menu()
    parts = {
        "window": QApplication.font(), "tooltips": QToolTip.font(), "menu bar": window.menuBar().font(),
        "menus": first_menu.font(), "status bar": window.statusBar().font(),
        "toolbar": window.toolbar.widgetForAction(window.action("home")).font(),
        "help now": window.toolbar.help_button.font(), "search field": window.search.field.font(),
        "find bar": window.find_bar.field.font(), "find buttons": window.find_bar.next_button.font(),
        "my pages": window.panels.my_pages.empty.font(), "glossary title": window.glossary_dock.font(),
        "notice": window.notice.label.font(),
    }
    wrong = {name: size_of(font) for name, font in parts.items() if abs(size_of(font) - 2 * normal) > 0.6}
    assert wrong == {}, f"not at twice {normal}: {wrong}"



def test_the_lists_beside_the_article_grow_with_the_text_as_the_topics_do(small_screen, qtbot):
    window = small_screen
    lists = (window.tree, window.panels.my_pages.saved, window.panels.my_pages.recent, window.panels.glossary.term_list,
             window.search.list)
    before = [QFontInfo(view.font()).pixelSize() for view in lists]
    double_size(window, qtbot)
    after = [QFontInfo(view.font()).pixelSize() for view in lists]
    assert all(larger > smaller for larger, smaller in zip(after, before, strict=True)), (before, after)
    assert len(set(after)) == 1, "every list at the topic list's size"


def test_the_dialogs_follow_the_text_size(small_screen, qtbot):
    window = small_screen
    normal = size_of(window_font(100))
    double_size(window, qtbot)
    for dialog in (dialogs.show_about(window, window.library),
                   dialogs.show_shortcuts(window, window.actions_with_keys())):
        assert size_of(dialog.browser.font()) == pytest.approx(2 * normal, abs=0.6)
        assert dialog.width() <= window.screen().availableGeometry().width()
        dialog.reject()


def test_going_back_to_normal_and_a_new_window_do_not_compound_the_size(small_screen, qtbot):
    window = small_screen
    normal = size_of(window_font(100))
    double_size(window, qtbot)
    second = MainWindow(Library.load([READER_CONTENT]), Preferences(open_settings()))  # e.g. another language
    qtbot.addWidget(second)
    assert size_of(QApplication.font()) == pytest.approx(normal * second.session.text_size / 100, abs=0.6)
    second.close()
    window.reset_text_size()
    assert size_of(QApplication.font()) == pytest.approx(normal, abs=0.3)
    assert size_of(QToolTip.font()) == pytest.approx(normal, abs=0.3)


def test_at_200_percent_on_a_small_screen_nothing_in_the_toolbar_is_cut_off(small_screen, qtbot):
    window = small_screen
    double_size(window, qtbot)
    extension = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    qtbot.waitUntil(lambda: extension is None or not extension.isVisible())  # else buttons went behind »
    QApplication.processEvents()
    for action in (window.action("home"), window.action("back"), window.action("forward"), window.action("save"),
                   window.action("smaller"), window.action("larger"), window.action("help_now")):
        button = window.toolbar.widgetForAction(action)
        assert button.isVisible() and button.width() >= button.sizeHint().width(), action.text()
        assert window.rect().contains(button.mapTo(window, button.rect().bottomRight()))
        assert button.toolTip() and QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
    help_now = window.toolbar.help_button
    assert help_now.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly  # its words, always
    bar = window.statusBar()
    assert bar.height() >= bar.fontMetrics().height()


def test_at_200_percent_a_status_message_does_not_move_the_article(small_screen, qtbot):
    window = small_screen
    double_size(window, qtbot)
    QApplication.processEvents()  # the window laid out at the new size
    before = window.view.height()
    window.show_status("Saved to My pages.")
    QApplication.processEvents()
    assert window.view.height() == before


def test_ctrl_d_moves_neither_the_toolbar_nor_the_article(make_window, qtbot):
    window = make_window()
    window.resize(1280, 800)
    window.my_pages_dock.show()
    window.my_pages_dock.raise_()
    double_size(window, qtbot)
    QApplication.processEvents()

    def places():
        return (window.search.field.mapTo(window, window.search.field.rect().topLeft()),
                window.view.mapTo(window, window.view.rect().topLeft()), window.view.size())

    before = places()
    for _ in range(2):  # saved, then taken off again
        qtbot.keySequence(window, QKeySequence("Ctrl+D"))
        QApplication.processEvents()
        assert places() == before


def test_long_titles_wrap_in_lists_instead_of_scrolling_sideways(qtbot):
    page_list = QListWidget()
    qtbot.addWidget(page_list)
    wrap_rows(page_list)
    page_list.addItems(["transcranial magnetic stimulation for treatment-resistant depression", "ECT"])
    page_list.resize(160, 300)
    page_list.show()
    qtbot.waitExposed(page_list)
    page_list.doItemsLayout()
    line = page_list.fontMetrics().height()
    assert page_list.visualItemRect(page_list.item(0)).height() >= 2 * line
    assert page_list.visualItemRect(page_list.item(0)).width() <= page_list.viewport().width()
    assert not page_list.horizontalScrollBar().isVisible()


def test_the_term_list_and_topics_never_scroll_sideways(small_screen, qtbot):
    window = small_screen
    double_size(window, qtbot)
    for view in (window.panels.glossary.term_list, window.tree, window.panels.my_pages.recent, window.panels.my_pages.saved):
        assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        assert view.wordWrap()


def lines_of(browser, block_number: int) -> list[str]:
    block = browser.document().findBlockByNumber(block_number)
    layout = block.layout()
    return [block.text()[layout.lineAt(i).textStart():layout.lineAt(i).textStart() + layout.lineAt(i).textLength()]
            for i in range(layout.lineCount())]


def test_a_glossary_entry_at_200_percent_breaks_no_word_in_a_narrow_panel(qtbot):
    term = Term("ect", "Electroconvulsive therapy", "A treatment.", "", Path("ect.md"))
    panel = GlossaryPanel(lambda t: f"<h2>{t.term}</h2><p class='definition'>Electroconvulsive therapy "
                                    "is a treatment.</p>")
    qtbot.addWidget(panel)
    panel.set_terms([term])
    panel.resize(280, 500)
    panel.show()
    qtbot.waitExposed(panel)
    from tms_info.content.style import LIGHT, body_px
    panel.set_look(LIGHT, 200)
    panel.show_term("ect")
    assert panel.entry.document().defaultFont().pixelSize() < body_px(200)  # smaller only as far as needed
    words = {"Electroconvulsive", "therapy", "is", "a", "treatment."}
    for number in range(2):  # the heading and the definition
        lines = lines_of(panel.entry, number)
        assert lines and all(set(line.split()) <= words for line in lines), f"a word broken across lines: {lines}"
    assert not panel.entry.horizontalScrollBar().isVisible()


def test_a_glossary_entry_keeps_the_readers_size_when_it_fits():
    from tms_info.content.style import LIGHT, body_px, stylesheet

    css = stylesheet(200, LIGHT)
    assert fitted_style("<h2>TMS</h2><p>A coil.</p>", css, body_px(200), 900) == (body_px(200), css)
    px, smaller = fitted_style("<h2>Electroconvulsive</h2><p>x</p>", css, body_px(200), 250)
    assert 12 <= px < body_px(200) and smaller != css


def test_at_200_percent_no_word_of_a_topic_is_cut_off(qtbot):
    """A long word ("antidepressants") wraps whole: the list is never narrower than its longest word."""
    from tms_info.content.library import Library
    from tms_info.locations import bundled_content_roots
    from tms_info.ui.main_window import MainWindow
    from tms_info.ui.settings import MemorySettings, Preferences

    window = MainWindow(Library.load(bundled_content_roots("en")), Preferences(MemorySettings()))
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    window.start("home")
    while window.session.text_size < 200:
        window.larger_text()
    tree = window.tree
    delegate = tree.itemDelegate()
    metrics = tree.fontMetrics()
    for item in tree._items.values():
        index = tree.indexFromItem(item)
        longest = max(metrics.horizontalAdvance(word) for word in item.text(0).split())
        assert longest <= delegate.text_width(index), item.text(0)


def test_the_panels_words_are_plain_not_in_their_titles_weight(make_window):
    """The panels are built after the first paint, inside docks whose titles are semibold."""
    from PySide6.QtGui import QFont

    window = make_window()
    for widget in (window.panels.glossary.term_list, window.panels.glossary.entry, window.panels.my_pages.recent):
        assert widget.font().weight() == QFont.Weight.Normal, widget.objectName()
    assert window.glossary_dock.font().weight() == QFont.Weight.DemiBold
