""""On this page": the page's headings, reachable by keyboard, each moving the article to its part."""
from __future__ import annotations

from helpers import text_is_in_view
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QTextCursor
from PySide6.QtWidgets import QApplication


def outline_texts(window) -> list[str]:
    return [action.text().strip() for action in window.outline.menu.actions()]


def test_the_outline_lists_the_parts_of_the_page(window, qtbot):
    qtbot.waitUntil(window.outline.isVisible)
    assert outline_texts(window) == ["What it is", "The end", "Sources"]
    button = window.outline.button
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus, "reachable with Tab"
    assert QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name) == "On this page"


def test_choosing_a_part_moves_the_article_there_with_the_keyboard(window, qtbot):
    qtbot.waitUntil(lambda: len(outline_texts(window)) == 3)
    assert not text_is_in_view(window.view, "The last words of the first article")
    window.outline.menu.actions()[1].trigger()
    assert text_is_in_view(window.view, "The last words of the first article")
    assert QApplication.focusWidget() is window.view
    assert window.view.textCursor().block().text() == "The end"
    window.outline.menu.actions()[0].trigger()
    top = window.view.cursorForPosition(QPoint(window.view.viewport().width() // 2, 5)).block()
    assert top.text() == "What it is", "the heading is at the top of the article"


def test_a_page_with_fewer_than_two_parts_has_no_outline(window, qtbot):
    window.open_page("basics/second")
    qtbot.waitUntil(lambda: outline_texts(window) == ["Later part"])  # only its own parts, never the last page's
    assert not window.outline.isVisible()
    window.open_page("basics/first")
    qtbot.waitUntil(lambda: outline_texts(window) == ["What it is", "The end", "Sources"])


def test_the_tab_after_a_chosen_part_goes_to_its_next_link(make_window, qtbot):
    window = make_window("basics/checklist")
    window.open_page("basics/first")
    qtbot.waitUntil(lambda: outline_texts(window)[:1] == ["What it is"])
    window.outline.menu.actions()[0].trigger()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    cursor = window.view.textCursor()
    probe = QTextCursor(cursor)
    probe.setPosition(cursor.selectionStart() + 1)
    assert probe.charFormat().anchorHref() == "glossary:rtms", "the first link after 'What it is'"


def test_tab_from_the_topics_reaches_the_outline_then_the_article(window, qtbot):
    qtbot.waitUntil(window.outline.isVisible)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.outline.button
    qtbot.keyClick(window.outline.button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.view


def test_the_outline_strip_comes_with_the_page_so_the_article_does_not_move_down_after(window, qtbot):
    window.open_page("basics/second")  # one part: no strip
    assert not window.outline.isVisible()
    window.open_page("basics/first")  # three parts: the strip is there before any later turn of the event loop
    assert window.outline.isVisible()
    window.view.finish_layout()  # a reader scrolls a page Qt has laid out (it does so step by step)
    window.view.verticalScrollBar().setValue(400)
    window.open_page("basics/second")
    window.go_back()
    assert window.view.verticalScrollBar().value() == 400, "Back returns to the very spot"
