"""The "My pages" panel: the pages you saved with the star, and the pages you read recently."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from tms_info.reading_list import ReadingList
from tms_info.ui.texts import translate
from tms_info.ui.wrapping import wrap_rows

PAGE_ID_ROLE = Qt.ItemDataRole.UserRole


class _PageList(QListWidget):
    deletePressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deletePressed.emit()
        else:
            super().keyPressEvent(event)


class MyPagesPanel(QWidget):
    pageChosen = Signal(str)
    savedRemoved = Signal(str)

    def __init__(self, title_of: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myPagesPanel")
        self._title_of = title_of
        self.saved = _PageList()
        self.saved.setObjectName("savedPages")
        self.saved.setAccessibleName(translate("MyPages", "Saved pages"))
        self.saved.setAccessibleDescription(
            translate("MyPages", "Pages you saved with the star. Press Delete to take one off the list."))
        self.recent = _PageList()
        self.recent.setObjectName("recentPages")
        self.recent.setAccessibleName(translate("MyPages", "Recently read"))
        self.empty = QLabel(
            translate("MyPages", "No saved pages yet. Press the star (Ctrl+D) on a page to keep it here."))
        self.empty.setWordWrap(True)
        self.remove_button = QPushButton(translate("MyPages", "Remove from saved pages"))
        self.remove_button.setEnabled(False)
        saved_label = QLabel(translate("MyPages", "&Saved pages"))
        saved_label.setBuddy(self.saved)
        recent_label = QLabel(translate("MyPages", "&Recently read"))
        recent_label.setBuddy(self.recent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for widget in (saved_label, self.empty, self.saved, self.remove_button, recent_label, self.recent):
            layout.addWidget(widget)
        for page_list in (self.saved, self.recent):
            wrap_rows(page_list)  # long titles wrap at any text size, never scrolling sideways
            page_list.itemActivated.connect(lambda item: self.pageChosen.emit(item.data(PAGE_ID_ROLE)))
            page_list.itemClicked.connect(lambda item: self.pageChosen.emit(item.data(PAGE_ID_ROLE)))
        self.saved.currentItemChanged.connect(lambda item, _old: self.remove_button.setEnabled(item is not None))
        self.remove_button.clicked.connect(self._remove_current)
        self.saved.deletePressed.connect(self._remove_current)
        self._keep_width()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._keep_width()

    def _keep_width(self) -> None:
        """As wide as the Remove button needs whether it is shown or not: saving the first page
        (Ctrl+D) must not widen the panel and so narrow the article."""
        margins = self.layout().contentsMargins()
        self.setMinimumWidth(self.remove_button.sizeHint().width() + margins.left() + margins.right())

    def focus_target(self) -> QWidget | None:
        """Where F6 lands in the panel: the saved pages, else the recent ones; None when hidden."""
        if not self.isVisible() or self.visibleRegion().isEmpty():  # closed, or behind the glossary
            return None
        return next((page_list for page_list in (self.saved, self.recent) if page_list.isVisibleTo(self)), None)

    def show_lists(self, reading: ReadingList) -> None:
        for page_list, ids in ((self.saved, reading.saved), (self.recent, reading.recent)):
            page_list.clear()
            for page_id in ids:
                item = QListWidgetItem(self._title_of(page_id))
                item.setData(PAGE_ID_ROLE, page_id)
                page_list.addItem(item)
        self.empty.setVisible(not reading.saved)
        self.saved.setVisible(bool(reading.saved))
        self.remove_button.setVisible(bool(reading.saved))
        self.remove_button.setEnabled(self.saved.currentItem() is not None)

    def _remove_current(self) -> None:
        item = self.saved.currentItem()
        if item is not None:
            self.savedRemoved.emit(item.data(PAGE_ID_ROLE))
