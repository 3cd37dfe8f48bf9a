"""What a screen reader gets: every control a person can reach has a name, and the article's text
is exposed. (../shared/tools/a11y-tree shows the same over AT-SPI in a real session.)"""
from __future__ import annotations

from helpers import tab_to_link
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QWidget


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def reachable(window: QWidget) -> list[QWidget]:
    """Widgets a person can reach with Tab or click: focusable ones and buttons, that are shown."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if widget.focusPolicy() & widget.focusPolicy().TabFocus or isinstance(widget, QAbstractButton):
            found.append(widget)
    return found


def test_every_reachable_control_has_an_accessible_name(make_window):
    window = make_window()
    window.glossary_dock.show()
    window.my_pages_dock.show()
    window.find_bar.open_bar()
    widgets = reachable(window)
    assert len(widgets) > 20
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in widgets if not accessible_name(w)]
    assert unnamed == []


def test_the_article_text_and_the_tree_items_are_exposed(make_window):
    window = make_window()
    article = QAccessible.queryAccessibleInterface(window.view)
    assert article.text(QAccessible.Text.Name) == "Article"
    text = article.textInterface()
    assert "The last words of the first article." in text.text(0, text.characterCount())
    tree = QAccessible.queryAccessibleInterface(window.tree)
    names = {tree.child(i).text(QAccessible.Text.Name) for i in range(tree.childCount())}
    assert {"Welcome", "Basics", "First article"} <= names


def test_a_glossary_definition_is_reachable_by_keyboard(make_window, qtbot):
    window = make_window()
    assert tab_to_link(qtbot, window.view, "glossary:") == "glossary:deep-tms"
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.glossary_dock.isVisible()
    assert "TMS with a coil that reaches a little deeper" in window.panels.glossary.entry.toPlainText()
