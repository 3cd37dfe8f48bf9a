"""The "My pages" panel: the pages you saved with the star, and the pages you read recently."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from tms_info.reading_list import ReadingList
from tms_info.ui.texts import translate

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
            page_list.itemActivated.connect(lambda item: self.pageChosen.emit(item.data(PAGE_ID_ROLE)))
            page_list.itemClicked.connect(lambda item: self.pageChosen.emit(item.data(PAGE_ID_ROLE)))
        self.saved.currentItemChanged.connect(lambda item, _old: self.remove_button.setEnabled(item is not None))
        self.remove_button.clicked.connect(self._remove_current)
        self.saved.deletePressed.connect(self._remove_current)

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
