"""Reading comfort in the window: saved and recent pages, text size by wheel, the mouse's side
buttons, F6, colours that follow the theme, the checklist, and the Help dialogs."""
from __future__ import annotations

import pytest
from helpers import click_link, tab_to_link, visible_text
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog

from tms_info.content.style import THEMES, contrast_ratio
from tms_info.ui.settings import Preferences, open_settings


def listed(page_list) -> list[str]:
    return [page_list.item(i).text() for i in range(page_list.count())]


def test_the_star_saves_a_page_to_my_pages_and_it_is_remembered(make_window, qtbot):
    window = make_window()
    qtbot.keySequence(window, QKeySequence("Ctrl+D"))
    assert window.action("save").isChecked() and "Saved" in window.action("save").iconText()
    assert listed(window.panels.my_pages.saved) == ["First article"]
    window.open_page("basics/second")
    assert not window.action("save").isChecked()
    window.close()

    again = make_window("basics/second")
    assert listed(again.panels.my_pages.saved) == ["First article"]
    again.panels.my_pages.saved.setCurrentRow(0)
    qtbot.mouseClick(again.panels.my_pages.remove_button, Qt.MouseButton.LeftButton)
    assert listed(again.panels.my_pages.saved) == [] and again.panels.my_pages.empty.isVisibleTo(again.panels.my_pages)


def test_a_saved_page_that_no_longer_exists_is_dropped_quietly(make_window):
    preferences = Preferences(open_settings())
    preferences.saved_pages = ["basics/second", "gone/page"]
    preferences.sync()
    window = make_window()
    assert listed(window.panels.my_pages.saved) == ["Second article"]


def test_recently_read_lists_the_newest_first(window, qtbot):
    for page in ("basics/second", "basics", "basics/second"):
        window.open_page(page)
    assert listed(window.panels.my_pages.recent)[:3] == ["Second article", "Basics", "First article"]
    qtbot.mouseClick(window.panels.my_pages.recent.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.panels.my_pages.recent.visualItemRect(window.panels.my_pages.recent.item(2)).center())
    assert window.windowTitle().startswith("First article")


def test_ctrl_and_the_wheel_change_the_text_size(window):
    viewport = window.view.viewport()
    for delta, expected in ((120, 115), (-120, 100), (-120, 90)):
        event = QWheelEvent(QPointF(50, 50), QPointF(viewport.mapToGlobal(QPoint(50, 50))), QPoint(0, 0),
                            QPoint(0, delta), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)
        assert window.session.text_size == expected


def test_the_mouse_side_buttons_go_back_and_forward(window, qtbot):
    window.open_page("basics/second")
    # As a real mouse does: through the window, over the article and then over the topic list.
    over_article = window.view.viewport().mapTo(window, QPoint(40, 40))
    over_topics = window.tree.viewport().mapTo(window, QPoint(20, 20))
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.BackButton, pos=over_article)
    assert window.windowTitle().startswith("First article")
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.ForwardButton, pos=over_topics)
    assert window.windowTitle().startswith("Second article")


def test_f6_moves_between_the_areas_of_the_window(window, qtbot):
    window.glossary_dock.show()
    window.tree.setFocus()
    visited = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        visited.append(QApplication.focusWidget())
    assert visited == [window.view, window.panels.glossary.filter_box, window.search.field, window.tree]
    qtbot.keyClick(window.tree, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.search.field


def test_every_theme_has_readable_contrast():
    for theme in THEMES.values():
        minimum = 7.0 if theme.name == "high-contrast" else 4.5
        for role in ("text", "heading", "muted", "link", "term"):
            for background in ("background", "key_bg", "evidence_bg", "care_bg", "crisis_bg"):
                ratio = contrast_ratio(getattr(theme, role), getattr(theme, background))
                assert ratio >= minimum, (theme.name, role, background, round(ratio, 2))
        assert theme.link != theme.text and theme.term != theme.text and theme.term != theme.link


@pytest.mark.parametrize("name", ["dark", "high-contrast", "light"])
def test_the_article_follows_the_chosen_theme_and_it_is_remembered(make_window, name):
    window = make_window()
    window.theme_actions[name].trigger()
    theme = THEMES[name]
    assert f"background-color: {theme.background}" in window.view.document().defaultStyleSheet()
    assert f"color: {theme.text}" in window.view.document().defaultStyleSheet()
    assert QApplication.palette().base().color().name() == theme.background
    assert "First article" in visible_text(window.view)
    window.close()
    assert make_window().session.theme_choice == name


def test_following_the_system_switches_with_it(window):
    hints = QGuiApplication.styleHints()
    window.set_theme("system")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.name == "dark"
    assert "#1c1f23" in window.view.document().defaultStyleSheet()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window.theme.name == "light"
    window.set_theme("high-contrast")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.name == "high-contrast", "a chosen theme does not follow the system"


def test_the_layout_holds_at_double_text_size(window):
    for _ in range(10):
        window.action("larger").trigger()
    assert window.session.text_size == 200
    assert window.view.document().defaultFont().pixelSize() == 36
    assert window.view.width() > 200 and window.tree.width() > 100
    assert window.view.horizontalScrollBar().maximum() == 0 or not window.view.horizontalScrollBar().isVisible()


def test_ticking_a_box_keeps_the_readers_place_on_the_page(window):
    window.resize(680, 430)
    for _ in range(10):  # 200%: the short checklist page now scrolls
        window.action("larger").trigger()
    window.open_page("basics/checklist")
    full = window.view.finish_layout()
    assert full > 300
    window.view.set_scroll_position(full // 2)
    window.links.follow(QUrl("tick:0"))
    assert visible_text(window.view).count("☑") == 2
    assert window.view.scroll_position() == full // 2


def test_a_checklist_can_be_ticked_by_mouse_and_keyboard(window, qtbot):
    window.open_page("basics/checklist")
    assert visible_text(window.view).count("☐") == 2 and visible_text(window.view).count("☑") == 1
    click_link(qtbot, window.view, "☐")
    assert visible_text(window.view).count("☑") == 2
    assert window.statusBar().currentMessage().startswith("Ticked")
    # the clicked box keeps the keyboard, so Tab goes on to the next box
    assert tab_to_link(qtbot, window.view, "tick:") == "tick:1"
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert visible_text(window.view).count("☑") == 3, "Enter ticks the box Tab reached"
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert visible_text(window.view).count("☑") == 2, "the keyboard stayed on it: Enter again unticks it"
    assert window.windowTitle().startswith("Questions to ask")


def test_keyboard_shortcuts_and_about_are_in_the_help_menu(window):
    window.action("shortcuts").trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    text = dialog.browser.toPlainText()
    for keys in ("Ctrl+D", "F6", "Ctrl+K", "Ctrl+F", "Alt+Left"):
        assert keys in text, keys
    dialog.close()
    window.action("about").trigger()
    about = window.findChild(QDialog, "aboutDialog").browser.toPlainText()
    assert "Version 0.1.0" in about and "Content last reviewed: 22 November 2026" in about
    assert "not medical advice" in about and "MIT" in about
