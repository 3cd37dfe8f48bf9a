"""Helpers for UI tests: find things in a QTextBrowser the way a reader sees them, and click them."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser


def link_cursor(browser: QTextBrowser, text: str) -> QTextCursor:
    """The cursor over the first link whose visible text is `text`."""
    document = browser.document()
    cursor = document.find(text)
    while not cursor.isNull():
        if cursor.charFormat().isAnchor():
            return cursor
        cursor = document.find(text, cursor)
    raise AssertionError(f"no link with the text {text!r} on the page")


def click_link(qtbot, browser: QTextBrowser, text: str) -> None:
    """Scrolls a link into view and clicks it with the mouse, as a reader would."""
    cursor = link_cursor(browser, text)
    middle = QTextCursor(cursor)
    middle.setPosition((cursor.selectionStart() + cursor.selectionEnd()) // 2)
    browser.setTextCursor(middle)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(middle)
    point = QPoint(rect.center().x(), rect.center().y())
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def visible_text(browser: QTextBrowser) -> str:
    return browser.toPlainText()


def text_is_in_view(browser: QTextBrowser, text: str) -> bool:
    """True if the first occurrence of `text` is inside the visible part of the page."""
    cursor = browser.document().find(text)
    assert not cursor.isNull(), f"{text!r} is not on the page"
    rect = browser.cursorRect(cursor)
    return browser.viewport().rect().contains(rect.center())


def tab_to_link(qtbot, browser: QTextBrowser, href_prefix: str, most: int = 40) -> str:
    """Presses Tab in the page until a link whose address starts with `href_prefix` is chosen,
    as a keyboard user would; returns that address."""
    browser.setFocus()
    for _ in range(most):
        qtbot.keyClick(browser, Qt.Key.Key_Tab)
        cursor = browser.textCursor()
        probe = QTextCursor(cursor)
        probe.setPosition(min(cursor.selectionStart(), cursor.selectionEnd()) + 1)
        href = probe.charFormat().anchorHref()
        if href.startswith(href_prefix):
            return href
    raise AssertionError(f"no link starting with {href_prefix!r} reached with Tab")


def write(path: Path, data: str | bytes) -> Path:
    """Writes a content file, making its folders; text is written as UTF-8."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path
