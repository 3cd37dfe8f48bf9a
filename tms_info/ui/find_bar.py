"""Find in page: a bar under the article with the words to find, Next, Previous and a count."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from tms_info.ui.article_view import ArticleView
from tms_info.ui.texts import translate


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(translate("FindBar", "Find on this page"))
        self.field.setAccessibleName(translate("FindBar", "Find on this page"))
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(110)
        self.previous_button = QPushButton(translate("FindBar", "Previous"))
        self.previous_button.setToolTip(translate("FindBar", "Previous match (Shift+F3)"))
        self.next_button = QPushButton(translate("FindBar", "Next"))
        self.next_button.setToolTip(translate("FindBar", "Next match (F3 or Enter)"))
        self.close_button = QPushButton(translate("FindBar", "Close"))
        self.close_button.setToolTip(translate("FindBar", "Close the find bar (Escape)"))
        label = QLabel(translate("FindBar", "&Find:"))
        label.setBuddy(self.field)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        for widget in (label, self.field, self.previous_button, self.next_button, self.count):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.close_button)

        self._total = 0
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.find_previous,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._search(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self.view.clear_highlights()
        self.view.setFocus()
        self.closed.emit()

    def refresh(self) -> None:
        """The page changed under the bar: find again on the new page."""
        if self.isVisible():
            self._search(self.field.text())

    def _search(self, text: str) -> None:
        self._total = self.view.highlight_text(text)
        self._show_count(self._total)

    def find_next(self) -> None:
        self._step(+1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if not self.isVisible():
            self.open_bar()
            return
        self._show_count(self._total, self.view.step_match(step))

    def clear(self) -> None:
        """Empty, with nothing left to undo: the next reader must not get the last one's words."""
        self.field.setText("")

    def _show_count(self, total: int, current: int | None = None) -> None:
        text = self.field.text().strip()
        if not text:
            self.count.setText("")
        elif total == 0:
            self.count.setText(translate("FindBar", "Not found"))
        else:
            position = current if current is not None else self.view.current_match + 1
            self.count.setText(translate("FindBar", "{current} of {total}").format(current=position, total=total))
        self.count.setAccessibleName(self.count.text())
        self.previous_button.setEnabled(total > 0)
        self.next_button.setEnabled(total > 0)
