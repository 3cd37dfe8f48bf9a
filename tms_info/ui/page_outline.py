""""On this page": a thin strip above the article with a button that lists the page's headings
and moves the article to the one chosen, so a long page can be read part by part, by mouse or
keyboard (Tab to the button, Space or Down to open the list, arrows and Enter to choose).

It takes one line and shows only on pages with at least two parts, to stay out of the way.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QWidget

from tms_info.ui.document_text import clean_text
from tms_info.ui.article_view import ArticleView
from tms_info.ui.texts import translate

MIN_HEADINGS = 2
LEVELS = (2, 3)  # the page's title (level 1) is already at its top
# Headings are read from the page's HTML, not by walking the document's blocks in Python: on a
# long page (10,000 blocks) that walk took 150 ms of the window's time at every page shown.
_HEADING = re.compile(r"<h([23])\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class OutlineHeading:
    level: int
    text: str
    anchor: str


class PageOutline(QWidget):
    headingChosen = Signal(int)
    """The reader chose a heading: where it starts in the article's document."""

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageOutline")
        self._view = view
        self.headings: list[OutlineHeading] = []
        self.button = QToolButton()
        self.button.setObjectName("pageOutlineButton")
        self.button.setText(translate("PageOutline", "On this page"))
        self.button.setAccessibleName(translate("PageOutline", "On this page"))
        self.button.setToolTip(translate("PageOutline", "Go to a part of this page"))
        self.button.setAccessibleDescription(self.button.toolTip())
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.menu = QMenu(self.button)
        self.menu.setObjectName("pageOutlineMenu")
        self.menu.setAccessibleName(translate("PageOutline", "Parts of this page"))
        self.button.setMenu(self.menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addStretch(1)
        layout.addWidget(self.button)
        self.setVisible(False)
        # refreshed in the next turn of the event loop, so a long page's showing and its outline
        # never hold the window together
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self.refresh)
        view.textChanged.connect(self._page_changed)
        self.headingChosen.connect(self._view.show_position)

    def _page_changed(self) -> None:
        # Shown or hidden at once, from a count of heading tags, so the article does not move down
        # a moment after it appears (under a scroll position just restored, for one).
        shown = self._view.shown_html
        self.setVisible(shown.count("<h2") + shown.count("<h3") >= MIN_HEADINGS)
        self._refresh_soon.start()

    def refresh(self) -> None:
        """Lists the headings of the page now in the article."""
        self.headings = [OutlineHeading(int(level), text, anchor)
                         for level, anchor, inner in _HEADING.findall(self._view.shown_html)
                         if (text := clean_text(html.unescape(_TAG.sub("", inner))))]
        self.menu.clear()
        for heading in self.headings:
            indent = "    " * (heading.level - LEVELS[0])
            action = self.menu.addAction(indent + heading.text)
            action.triggered.connect(lambda _checked=False, anchor=heading.anchor: self._choose(anchor))
        self.setVisible(len(self.headings) >= MIN_HEADINGS)

    def _choose(self, anchor: str) -> None:
        position = self._view.anchor_position(anchor)
        if position is not None:
            self.headingChosen.emit(position)
